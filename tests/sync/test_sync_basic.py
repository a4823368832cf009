"""Sync against the real reference server on loopback: the happy path and the rules around it."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from sqlalchemy import select

from counselor_app.core import keystore
from counselor_app.core.changes import append_change
from counselor_app.core.desk import Desk
from counselor_app.core.errors import Cancelled
from counselor_app.core.models import LearnerProgress, LicenseIssuance, LicensePool
from counselor_app.sync import outbox, pull
from counselor_app.sync.errors import AuthenticationRequired, NotSignedIn
from counselor_app.sync.service import SyncService, sync_once, token_key
from tests.sync.sync_support import (
    CENTER,
    FAST_RETRY,
    PASSWORD,
    Agency,
    DeskFactory,
    assert_exactly_once,
    outbox_rows,
    queued_change_ids,
    register_many,
    signed_in,
)

ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}


def issue(desk: Desk, seeker_id: str) -> str:
    attestation = desk.appointments.attest(seeker_id, ELIGIBLE)
    return desk.licenses.issue(seeker_id, attestation_id=attestation.attestation_id).status


def test_push_then_another_device_pulls(agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("lee")
    a = signed_in(make_desk("a"), agency.url, "dana")
    b = signed_in(make_desk("b"), agency.url, "lee")
    ids = register_many(a, 5)
    expected = queued_change_ids(a)
    report = sync_once(a, retry=FAST_RETRY)
    assert report.complete and report.applied == 5 and report.sent == 5
    assert a.get_state("last_successful_sync")
    assert_exactly_once(agency, expected, desks=[a])

    report_b = sync_once(b, retry=FAST_RETRY)
    assert report_b.pulled == 5
    assert {b.job_seekers.get(i).first_name for i in ids} == {"Pa", "Pb", "Pc", "Pd", "Pe"}
    assert b.get_state("pull_cursor") not in (None, "0")
    # Records received from the server are not sent back.
    assert outbox_rows(b) == []
    # An edit on b travels back to a.
    b.job_seekers.update(ids[0], {"phone": "617-555-0142"})
    sync_once(b, retry=FAST_RETRY)
    sync_once(a, retry=FAST_RETRY)
    seeker = a.job_seekers.get(ids[0])
    assert seeker.phone == "6175550142" and seeker.version == 2


def test_not_signed_in_and_expired_sign_in_keep_the_queue(agency: Agency, make_desk: DeskFactory,
                                                           memory_keyring: Any) -> None:
    desk = make_desk("a")
    register_many(desk, 2)
    with pytest.raises(NotSignedIn):
        sync_once(desk, retry=FAST_RETRY)
    signed_in(desk, agency.url, "dana")
    keystore.set_secret(token_key(agency.url, desk.settings.device_id), "not-a-real-token")
    with pytest.raises(AuthenticationRequired) as err:
        sync_once(desk, retry=FAST_RETRY)
    assert "Sign in again" in str(err.value)
    assert err.value.report is not None and err.value.report.queued_left == 2
    assert len(outbox_rows(desk)) == 2
    # A password reset on the server ends old sessions too.
    signed_in(desk, agency.url, "dana")
    agency.service.add_user(username="dana", role="counselor", center=CENTER, password=PASSWORD)
    with pytest.raises(AuthenticationRequired):
        sync_once(desk, retry=FAST_RETRY)
    signed_in(desk, agency.url, "dana")
    assert sync_once(desk, retry=FAST_RETRY).complete


def test_a_rejected_change_is_parked_and_never_blocks_the_rest(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("a", batch_size=3), agency.url, "dana")
    register_many(desk, 2, prefix="before")
    with desk.store.write() as session:
        append_change(session, entity="unknown_thing", entity_id="x-1", op="create", payload={"a": 1})
    register_many(desk, 4, prefix="after")
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.applied == 6 and report.rejected == 1
    assert not report.complete and report.parked_total == 1
    items = outbox.list_entries(desk)
    assert [i.status for i in items] == ["parked"]
    assert "does not take" in (items[0].last_error or "")
    assert agency.record_count() == 6


def test_changes_behind_a_parked_record_wait_and_go_after_the_fix(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("a"), agency.url, "dana")
    [seeker_id] = register_many(desk, 1)
    # The server refuses the person (its own rule: the name must not be blank), so their later records wait.
    with desk.store.write() as session:
        from counselor_app.core.models import OutboxEntry

        row = session.scalar(select(OutboxEntry).where(OutboxEntry.entity_id == seeker_id))
        assert row is not None
        row.payload = dict(row.payload) | {"first_name": " "}
    desk.appointments.add_note(job_seeker_id=seeker_id, body="Called about the license.")
    desk.job_seekers.update(seeker_id, {"zip_code": "02108"})
    other = register_many(desk, 1, prefix="other")[0]
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.rejected == 1 and report.waiting == 2 and report.applied == 1
    assert agency.record("job_seeker", other) is not None
    assert agency.record("job_seeker", seeker_id) is None
    parked = [i for i in outbox.list_entries(desk) if i.status == "parked"]
    assert len(parked) == 1 and parked[0].label == "Pa Tester"
    outbox.fix_and_resend(desk, parked[0].seq, {"first_name": "Pat"})
    assert desk.job_seekers.get(seeker_id).first_name == "Pat"
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete, report.summary()
    rec = agency.record("job_seeker", seeker_id)
    assert rec is not None and rec.data["first_name"] == "Pat" and rec.data["zip_code"] == "02108"
    assert agency.record_count("case_note") == 1


def test_block_reservation_approves_pending_licenses(agency: Agency, make_desk: DeskFactory) -> None:
    desk = make_desk("a")
    desk.licenses.set_block(block_size=1)
    seekers = register_many(desk, 3)
    assert [issue(desk, s) for s in seekers] == ["issued", "pending_approval", "pending_approval"]
    signed_in(desk, agency.url, "dana")
    agency.service.set_pool(desk.profile.program.id, 4)
    report = sync_once(desk, retry=FAST_RETRY)
    # Pool of 4, one issued: a block of 3 at most (the desk asks for 25); it covers both pending licenses.
    assert report.block_size == 3 and report.approved == 2 and report.complete
    with desk.store.read() as session:
        statuses = sorted(session.scalars(select(LicenseIssuance.status)))
        pool = session.get(LicensePool, desk.profile.program.id)
    assert statuses == ["issued"] * 3 and pool is not None
    # The pull after the approvals brings the statewide count up to date.
    assert pool.block_size == 3 and pool.block_used == 2 and pool.issued_statewide == 3
    assert agency.service.stats()["licenses"]["issued"] == 3
    # A second device gets nothing: the first one's unused license is still reserved for it.
    agency.add_user("lee")
    other = signed_in(make_desk("b"), agency.url, "lee")
    assert sync_once(other, retry=FAST_RETRY).block_size == 0


def test_catalog_and_progress_arrive_through_the_feed(agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("sue", role="supervisor")
    counselor = signed_in(make_desk("a"), agency.url, "dana")
    supervisor = signed_in(make_desk("s"), agency.url, "sue")
    [seeker_id] = register_many(counselor, 1)
    sync_once(counselor, retry=FAST_RETRY)
    agency.service.publish_catalog({"catalog_version": "test.1", "collections": []}, by="test")
    csv_text = ("Name,Email,External ID,Course Name,Enrollment Time,Completion Time,Completed,"
                "Learning Hours Spent,Extra\n"
                f'Pa Tester,p0@example.org,{seeker_id},"Foundations: Data, Data, Everywhere",2020-10-02 10:00:00,,'
                "No,3.5,x\n"
                "Someone Else,else@example.org,,Excel Skills for Business,2020-10-03T09:00:00Z,"
                "2020-10-20T09:00:00Z,Yes,12,y\n")
    result = agency.service.import_progress(csv_text, file_name="usage.csv", by="test")
    assert (result.rows, result.matched, result.ignored_columns) == (2, 1, ["Extra"])
    sync_once(supervisor, retry=FAST_RETRY)
    sync_once(counselor, retry=FAST_RETRY)
    assert pull.server_catalog(supervisor) == {"catalog_version": "test.1", "collections": []}
    assert pull.server_catalog(counselor) is not None
    with supervisor.store.read() as session:
        rows = list(session.scalars(select(LearnerProgress)))
    # The supervisor sees their center's matched learner; the unmatched row belongs to no center.
    assert [(r.course_name, r.job_seeker_id, r.matched, r.learning_hours) for r in rows] == [
        ("Foundations: Data, Data, Everywhere", seeker_id, True, 3.5)]
    with counselor.store.read() as session:
        assert list(session.scalars(select(LearnerProgress))) == []


def test_cursor_moves_only_after_the_page_is_applied(agency: Agency, make_desk: DeskFactory,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    agency.add_user("lee")
    a = signed_in(make_desk("a"), agency.url, "dana")
    b = signed_in(make_desk("b"), agency.url, "lee")
    ids = register_many(a, 3)
    sync_once(a, retry=FAST_RETRY)
    from counselor_app.sync import local_records

    real = local_records.apply_server_record
    calls = {"n": 0}

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(pull, "apply_server_record", failing)
    with pytest.raises(RuntimeError):
        sync_once(b, retry=FAST_RETRY)
    assert b.get_state("pull_cursor") is None
    assert b.job_seekers.count() == 0  # the first record of the page was rolled back with the rest
    monkeypatch.setattr(pull, "apply_server_record", real)
    sync_once(b, retry=FAST_RETRY)
    assert b.job_seekers.count() == 3 and {b.job_seekers.get(i).id for i in ids} == set(ids)


def test_cancel_stops_between_batches_and_keeps_the_rest(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("a", batch_size=2), agency.url, "dana")
    register_many(desk, 6)
    cancel = threading.Event()
    seen = []

    def progress(step: Any) -> None:
        seen.append(step)
        if step.stage == "push" and step.done >= 2:
            cancel.set()

    with pytest.raises(Cancelled) as err:
        sync_once(desk, retry=FAST_RETRY, progress=progress, cancel=cancel)
    assert err.value.report is not None
    assert len(outbox_rows(desk)) == 4 and agency.record_count() == 2
    assert desk.get_state("last_successful_sync") is None
    assert sync_once(desk, retry=FAST_RETRY).complete


def test_sync_service_runs_one_sync_at_a_time_and_probes(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("a"), agency.url, "dana")
    service = SyncService(desk, retry=FAST_RETRY)
    assert service.signed_in() and service.probe()
    register_many(desk, 1)
    assert service.status()["queued"] == 1
    assert service.sync_once().complete
    status = service.status()
    assert status["queued"] == 0 and status["last_successful_sync"]
    agency.thread.stop()
    assert not service.probe()
    agency.restart()
    assert service.probe()


def test_token_lives_only_in_the_keyring(agency: Agency, make_desk: DeskFactory, memory_keyring: Any,
                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    desk = signed_in(make_desk("a"), agency.url, "dana")
    token = memory_keyring.secrets[("counselor-desk", token_key(agency.url, desk.settings.device_id))]
    register_many(desk, 2)
    sync_once(desk, retry=FAST_RETRY)
    assert token not in caplog.text
    settings_text = desk.paths.settings_file.read_text(encoding="utf-8")
    assert token not in settings_text and json.loads(settings_text)["server_url"] == agency.url
    assert token not in (desk.get_state("server_session") or "")


def test_a_failed_sync_never_reads_as_everything_being_on_the_server() -> None:
    """A sync that could not reach the server printed "Nothing new to send. Everything is on the agency server."
    before its error: the summary of a failed round says only what the desk knows."""
    from datetime import UTC, datetime

    from counselor_app.sync.service import SyncReport

    failed = SyncReport(started_at=datetime.now(UTC), error="The agency server could not be reached.")
    text = failed.summary()
    assert "Everything is on the agency server" not in text and "Nothing new to send" not in text
    assert "Nothing is waiting on this desk to be sent." in text and text.endswith("could not be reached.")
    waiting = SyncReport(started_at=datetime.now(UTC), error="The agency server could not be reached.",
                         queued_left=3)
    assert "Not yet on the server: 3 queued" in waiting.summary()
    fine = SyncReport(started_at=datetime.now(UTC))
    assert fine.summary() == "Nothing new to send.\nEverything is on the agency server."
