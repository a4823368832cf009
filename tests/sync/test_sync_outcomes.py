"""Accepted outcomes travel to the real server on loopback once, reach the other desks, and are counted once."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from counselor_app.core.changes import append_change
from counselor_app.core.models import OutboxEntry, OutcomeRecord
from counselor_app.core.outcomes import (
    OutcomeKind,
    _payload,
    accept_outcome,
    confirm_entered,
    import_and_propose,
    list_outcomes,
    outcome_figures,
    propose_outcomes,
)
from counselor_app.core.settings import Settings
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import CENTER, FAST_RETRY, Agency, DeskFactory, signed_in

ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}
COURSES = ["Technical Support Fundamentals", "The Bits and Bytes of Computer Networking",
           "Operating Systems and You: Becoming a Power User",
           "System Administration and IT Infrastructure Services",
           "IT Security: Defense against the digital dark arts"]


def admin_desk(make_desk: DeskFactory, tmp_path: Path, name: str):
    folder = tmp_path / f"desk-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name=CENTER, counselor_name=f"Admin {name}", counselor_role="administrator",
             connect_timeout_s=2.0, read_timeout_s=3.0).save(folder / "settings.json")
    return make_desk(name)


def test_accepted_outcome_syncs_and_counts_once(agency: Agency, make_desk: DeskFactory, tmp_path: Path) -> None:
    agency.add_user("ada", role="administrator")
    agency.add_user("bo", role="administrator")
    a = signed_in(admin_desk(make_desk, tmp_path, "a"), agency.url, "ada")
    b = signed_in(admin_desk(make_desk, tmp_path, "b"), agency.url, "bo")
    seeker = a.job_seekers.register({"first_name": "Rosa", "last_name": "Diaz", "email": "rosa@example.org"},
                                    confirmed_not_duplicate=True).record
    attestation = a.appointments.attest(seeker.id, ELIGIBLE)
    assert a.licenses.issue(seeker.id, attestation_id=attestation.attestation_id).status == "issued"
    report = tmp_path / "usage.csv"
    with open(report, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Name", "Email", "External ID", "Course Name", "Enrollment Time", "Completion Time",
                    "Completed"])
        for i, course in enumerate(COURSES):
            w.writerow(["Rosa Diaz", "rosa@example.org", seeker.id, course, "2020-09-10 09:00:00",
                        f"2020-09-2{i} 10:00:00", "Yes"])
    import_and_propose(a, report)
    credential = next(r for r in list_outcomes(a) if r.kind == OutcomeKind.CREDENTIAL)
    accept_outcome(a, credential.id)
    assert sync_once(a, retry=FAST_RETRY).complete
    assert agency.record_count("outcome") == 1
    server_copy = agency.record("outcome", credential.id)
    assert server_copy is not None and server_copy.data["status"] == "accepted"
    assert server_copy.data["subject"] == "Google IT Support Professional Certificate"

    # The other desk receives it through the feed and counts it once.
    assert sync_once(b, retry=FAST_RETRY).complete
    with b.store.read() as session:
        pulled = session.get(OutcomeRecord, credential.id)
        assert pulled is not None and pulled.status == "accepted"
    assert outcome_figures(b).count("credential", "accepted") == 1

    # A second desk accepting the very same outcome (same report, same person) sends an equal payload: the server
    # answers "duplicate" and still holds one record.
    with b.store.write() as session:
        rec = session.get(OutcomeRecord, credential.id)
        append_change(session, entity="outcome", entity_id=rec.id, op="create", payload=_payload(rec))
    sync_once(b, retry=FAST_RETRY)
    assert agency.record_count("outcome") == 1
    with b.store.read() as session:
        assert session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "outcome")).all() == []

    # Entering it in MOSES travels as an update; a re-run of the proposal step proposes it again nowhere.
    confirm_entered(a, [credential.id])
    assert sync_once(a, retry=FAST_RETRY).complete
    assert agency.record("outcome", credential.id).data["status"] == "entered"
    assert propose_outcomes(a).proposed == 0
    assert outcome_figures(a).count("credential", "entered") == 1


def test_a_reminder_sent_on_one_desk_stops_the_other(agency: Agency, make_desk: DeskFactory, tmp_path: Path) -> None:
    """Two desks must not send the same reminder: the send travels to the server and into the other desk's feed,
    and the other desk's claim then refuses it within the window."""
    from counselor_app.core.models import ReminderSend
    from counselor_app.core.reminder_sender import SendStatus, _claim, export_texts, plan_reminders

    agency.add_user("ada", role="administrator")
    agency.add_user("bo", role="administrator")
    a = signed_in(admin_desk(make_desk, tmp_path, "a"), agency.url, "ada")
    b = signed_in(admin_desk(make_desk, tmp_path, "b"), agency.url, "bo")
    seeker = a.job_seekers.register({"first_name": "Tomas", "last_name": "Reyes", "email": "tomas@example.org",
                                     "phone": "6175550123", "consent_to_contact": True, "prefers_text": True},
                                    confirmed_not_duplicate=True).record
    attestation = a.appointments.attest(seeker.id, ELIGIBLE)
    a.licenses.issue(seeker.id, attestation_id=attestation.attestation_id)
    plan = plan_reminders(a, "invited_not_joined")
    assert [w.job_seeker_id for w in plan.texts] == [seeker.id]
    assert export_texts(a, plan, tmp_path / "texts.csv") == 1
    assert sync_once(a, retry=FAST_RETRY).complete
    assert agency.record_count("reminder_send") == 1
    assert sync_once(b, retry=FAST_RETRY).complete
    with b.store.read() as session:
        pulled = session.scalars(select(ReminderSend)).all()
    assert [(r.job_seeker_id, r.status) for r in pulled] == [(seeker.id, "text_exported")]
    assert _claim(b, plan, plan.texts[0], channel="email", status=SendStatus.SENDING, message_id=None) is None
