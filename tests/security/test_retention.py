"""Retention purge: only what the server already holds, counts kept, audited, previewed."""

from __future__ import annotations

import itertools
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import func, select, update

from counselor_app.core import open_desk
from counselor_app.core.models import AuditEvent, JobSeeker, LicenseIssuance, OutboxEntry, PurgedRecord
from counselor_app.core.retention import policy, preview, purge
from counselor_app.core.settings import Settings
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import (
    CENTER,
    FAST_RETRY,
    MA_DAY,
    Agency,
    DeskFactory,
    letters,
    register_many,
    signed_in,
)

# The MA program ended 2020-12-31 and the shipped period is 90 days; records are aged against the real clock.
AFTER_RETENTION = date.today()


def _age(desk, ids: list[str], days: int = 200) -> None:
    """Records made long ago (the test's clock cannot make them so)."""
    with desk.store.write() as session:
        session.execute(update(JobSeeker).where(JobSeeker.id.in_(ids)).values(
            updated_at=func.datetime(JobSeeker.updated_at, f"-{days} days")))


def _unsynced_seekers(desk) -> set[str]:
    with desk.store.read() as session:
        ids = set(session.scalars(select(OutboxEntry.entity_id)))
        ids |= set(session.scalars(select(LicenseIssuance.job_seeker_id).where(LicenseIssuance.id.in_(ids))))
        return ids


def test_policy_comes_from_the_profile_with_its_source(make_desk: DeskFactory) -> None:
    desk = make_desk("policy")
    pol = policy(desk)
    assert pol is not None and pol.days_after_program_end == 90 and "TEGL 39-11" in pol.source
    assert pol.cutoff(MA_DAY) == date(2021, 3, 31)
    early = preview(desk, today=MA_DAY)
    assert not early.in_force and early.purgeable == 0


def test_purge_takes_only_synced_records_and_keeps_the_counts(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("ret"), agency.url, "dana")
    synced = register_many(desk, 5, prefix="old")
    attestation = desk.appointments.attest(synced[0], {"attests": True, "employment_status": "unemployed",
                                                       "covid_reason": "laid_off"})
    desk.licenses.issue(synced[0], attestation_id=attestation.attestation_id)
    _age(desk, synced)
    assert sync_once(desk, retry=FAST_RETRY).complete
    _age(desk, synced)  # the server's echo may touch updated_at; make sure they are old
    unsent = register_many(desk, 2, prefix="new")
    _age(desk, unsent)
    desk.job_seekers.update(synced[1], {"phone": "6175550101"})  # an edit not yet on the server
    _age(desk, [synced[1]])
    before = desk.status()

    shown = preview(desk, today=AFTER_RETENTION)
    assert shown.in_force and shown.purgeable == 4 and shown.kept_unsynced == 3
    with desk.store.read() as session:
        queued_before = int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)

    result = purge(desk, today=AFTER_RETENTION)
    assert result.purged == 4
    after = desk.status()
    assert {k: after[k] for k in ("job_seekers", "appointments", "issuances", "outbox")} == \
        {k: before[k] for k in ("job_seekers", "appointments", "issuances", "outbox")}
    with desk.store.read() as session:
        rows = {s.id: s for s in session.scalars(select(JobSeeker))}
        assert int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0) == queued_before
        purged_ids = set(session.scalars(select(PurgedRecord.entity_id)))
        license_email = session.scalar(select(LicenseIssuance.email).where(LicenseIssuance.job_seeker_id == synced[0]))
        audit = session.scalar(select(AuditEvent).where(AuditEvent.action == "retention_purge"))
    assert purged_ids == set(synced) - {synced[1]}
    for seeker_id in purged_ids:
        assert rows[seeker_id].first_name == "" and rows[seeker_id].email is None
    for seeker_id in [*unsent, synced[1]]:
        assert rows[seeker_id].email and rows[seeker_id].first_name, "an unsent record keeps everything"
    assert license_email == ""
    assert desk.job_seekers.search("Olda") == [] and desk.job_seekers.search("Newa")
    assert audit is not None and audit.detail["purged"] == 4 and audit.detail["kept_unsynced"] == 3
    assert "TEGL" in audit.detail["source"]
    assert purge(desk, today=AFTER_RETENTION).purged == 0, "a second run finds nothing new"
    assert sync_once(desk, retry=FAST_RETRY).complete, "the purge queued nothing the server would refuse"
    assert agency.record("job_seeker", synced[2]).data["email"] == "old2@example.org", "the server keeps its record"


def test_a_desk_that_never_synced_purges_nothing(make_desk: DeskFactory) -> None:
    desk = make_desk("offline")
    ids = register_many(desk, 3, prefix="off")
    _age(desk, ids)
    assert preview(desk, today=AFTER_RETENTION).purgeable == 0
    assert purge(desk, today=AFTER_RETENTION).purged == 0


class RetentionMachine(RuleBasedStateMachine):
    """Any order of registering, editing, syncing and purging: a purge never blanks a record that has something
    unsent, and never touches the outbox."""

    agency: Agency
    counter = itertools.count()
    purged_total = 0

    def __init__(self) -> None:
        super().__init__()
        folder = Path(tempfile.mkdtemp(prefix="retention-"))
        Settings(agency="ma", center_name=CENTER, counselor_name="Counselor M", connect_timeout_s=2.0,
                 read_timeout_s=3.0).save(folder / "settings.json")
        self.desk = signed_in(open_desk(data_dir=folder, agency="ma", today=MA_DAY), self.agency.url, "dana")
        self.ids: list[str] = []

    @rule(n=st.integers(min_value=1, max_value=3))
    def register(self, n: int) -> None:
        new = register_many(self.desk, n, prefix=f"m{letters(next(self.counter))}x")
        _age(self.desk, new)
        self.ids.extend(new)

    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        if not self.ids:
            return
        seeker_id = data.draw(st.sampled_from(self.ids))
        with self.desk.store.read() as session:
            if session.get(PurgedRecord, ("job_seeker", seeker_id)) is not None:
                return
        self.desk.job_seekers.update(seeker_id, {"weekly_hours": float(data.draw(st.integers(1, 40)))})
        _age(self.desk, [seeker_id])

    @rule()
    def sync(self) -> None:
        sync_once(self.desk, retry=FAST_RETRY)

    @rule()
    def purge(self) -> None:
        unsynced = _unsynced_seekers(self.desk)
        with self.desk.store.read() as session:
            queue = [(r.change_id, r.status) for r in session.scalars(select(OutboxEntry))]
        RetentionMachine.purged_total += purge(self.desk, today=AFTER_RETENTION).purged
        with self.desk.store.read() as session:
            purged = set(session.scalars(select(PurgedRecord.entity_id)))
            assert [(r.change_id, r.status) for r in session.scalars(select(OutboxEntry))] == queue
        assert not (purged & unsynced), "a record with something unsent was purged"

    @invariant()
    def purged_rows_hold_no_pii(self) -> None:
        with self.desk.store.read() as session:
            for seeker in session.scalars(select(JobSeeker).where(JobSeeker.id.in_(
                    select(PurgedRecord.entity_id)))):
                assert seeker.email is None and seeker.first_name == "" and seeker.last_name == ""

    def teardown(self) -> None:
        self.desk.close()


def test_retention_state_machine(agency: Agency) -> None:
    RetentionMachine.agency = agency
    test_case = RetentionMachine.TestCase
    test_case.settings = settings(max_examples=12, stateful_step_count=10, deadline=None, derandomize=True, database=None,
                                  suppress_health_check=list(HealthCheck))
    test_case().runTest()
    assert RetentionMachine.purged_total > 0, "the runs never reached a purge that had something to do"


def test_cli_previews_then_purges(agency: Agency, make_desk: DeskFactory, capsys) -> None:
    import json

    from counselor_app.cli import main as cli_main

    desk = signed_in(make_desk("cli"), agency.url, "dana")
    ids = register_many(desk, 2, prefix="cli")
    _age(desk, ids)
    assert sync_once(desk, retry=FAST_RETRY).complete
    _age(desk, ids)
    folder = desk.paths.root
    desk.close()
    assert cli_main(["--data-dir", str(folder), "retention", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["purgeable"] == 2 and shown["purged"] is None and shown["policy"]["days_after_program_end"] == 90
    assert cli_main(["--data-dir", str(folder), "retention", "--purge"]) == 0
    assert "Removed the personal data of 2 job seekers" in capsys.readouterr().out


def test_purge_blanks_old_outreach_records_but_never_a_queued_one(agency: Agency, make_desk: DeskFactory) -> None:
    """Campaign contacts, referrals, bookings and the waiting list hold personal data too (issue 16): the same
    rule blanks them, and a row with a change still queued keeps everything."""
    from counselor_app.core.changes import append_change
    from counselor_app.core.outreach_models import CampaignContact, OutreachCampaign, WaitingEntry

    desk = signed_in(make_desk("outreach"), agency.url, "dana")
    with desk.store.write() as session:
        campaign = OutreachCampaign(name="RESEA attendees since March 2020")
        session.add(campaign)
        session.flush()
        sent = CampaignContact(campaign_id=campaign.id, first_name="Ana", last_name="Rivera",
                               email="ana.rivera@example.org", phone="6175550100")
        queued = CampaignContact(campaign_id=campaign.id, first_name="Bo", last_name="Chen",
                                 email="bo.chen@example.org", phone="6175550101")
        waiting = WaitingEntry(display_name="Carla Diaz")
        session.add_all([sent, queued, waiting])
        session.flush()
        sent_id, queued_id, waiting_id = sent.id, queued.id, waiting.id
    assert sync_once(desk, retry=FAST_RETRY).complete
    with desk.store.write() as session:
        for model in (CampaignContact, WaitingEntry):
            session.execute(update(model).values(updated_at=func.datetime(model.updated_at, "-200 days")))
        append_change(session, entity="campaign_contact", entity_id=queued_id, op="update",
                      payload={"phone": "6175550102", "version": 2})
    result = purge(desk, today=AFTER_RETENTION)
    assert result.outreach_purged == 2
    with desk.store.read() as session:
        contacts = {c.id: c for c in session.scalars(select(CampaignContact))}
        entry = session.get(WaitingEntry, waiting_id)
        purged = {(r.entity, r.entity_id) for r in session.scalars(select(PurgedRecord))}
        assert int(session.scalar(select(func.count()).select_from(CampaignContact)) or 0) == 2, "rows stay"
    assert (contacts[sent_id].first_name, contacts[sent_id].email, contacts[sent_id].phone) == ("", None, None)
    assert contacts[queued_id].email == "bo.chen@example.org", "a contact with a change queued keeps everything"
    assert entry is not None and entry.display_name == ""
    assert ("campaign_contact", sent_id) in purged and ("campaign_contact", queued_id) not in purged
    assert purge(desk, today=AFTER_RETENTION).outreach_purged == 0, "a second run finds nothing new"
