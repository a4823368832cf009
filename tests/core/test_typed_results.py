"""Every public service call that writes returns a typed result carrying what it changed (``changes``), and those
changes name every part of the desk the call wrote, judged against the tables the database actually saw written
(a hook on the store's engine, not a hand-written list)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from counselor_app.core import outcomes, reminder_sender, removals, retention
from counselor_app.core.appointments import AppointmentService
from counselor_app.core.campaigns import CampaignService
from counselor_app.core.front_desk import FrontDeskService
from counselor_app.core.job_seekers import JobSeekerService
from counselor_app.core.licenses import LicenseService
from counselor_app.core.op_changes import OpChanges, changes_of
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.partner_referrals import PartnerReferralService
from counselor_app.core.scheduling import SchedulingService

#: Which part of the desk (an ``OpChanges`` field) a written table belongs to. Bookkeeping tables no page shows
#: (the audit trail, sync state, purge tombstones, accounts) map to nothing.
AREA_OF_TABLE: dict[str, str | None] = {
    "job_seeker": "job_seekers", "appointment": "appointments", "case_note": "appointments",
    "eligibility_attestation": "attestations", "learning_plan": "plans",
    "license_issuance": "licenses", "case_service": "licenses", "license_pool": "licenses",
    "invitation_batch": "licenses", "removal_entry": "licenses",
    "outbox": "outbox", "outcome": "outcomes", "reminder_send": "reminders",
    "progress_import": "progress", "learner_progress": "progress",
    "outreach_campaign": "outreach", "campaign_contact": "outreach", "outreach_attempt": "outreach",
    "partner_referral": "outreach", "appointment_booking": "outreach", "waiting_entry": "outreach",
    "audit_event": None, "sync_state": None, "purged_record": None, "center": None, "app_user": None,
    "local_credential": None,
}

_WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def tables_written(desk: Any) -> Iterator[set[str]]:
    """The store's write hook: the tables any statement inserted into, updated or deleted from."""
    seen: set[str] = set()

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        match = _WRITE.match(statement)
        if match:
            seen.add(match.group(1).lower())

    event.listen(desk.store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(desk.store.engine, "before_cursor_execute", before)


# Written by the wizard's autosave without a new person: local only, and deliberately announces nothing (no page
# shows a draft; refreshing every page on each keystroke's autosave would be a behavior change).
QUIET_WRITES = {"AppointmentService.save_wizard_state"}

#: Public write calls that do not (yet) return their changes, with the reason. The UI operation helper still
#: collects what they note through the per-thread journal (core/op_changes.py).
NOT_TYPED_YET = {
    "SchedulingService.send_confirmation": "returns bool (was a mail sent); scheduling.py is another helper's",
    "SchedulingService.send_due_reminders": "returns (sent, failed); scheduling.py is another helper's",
    "PartnerReferralService.accept": "returns the new contact's id (str)",
    "PartnerReferralService.promote_served": "returns a count (int); called by sync",
    "PartnerReferralService.status_sent": "called by sync only",
    "CampaignService.invite_all": "returns counts",
    "LicenseService.check": "a check, not a write (its pool read may top up)",
}

#: Reads that write only an audit event (who looked at whom): they change nothing a page shows.
READS_THAT_AUDIT = {"JobSeekerService.history"}

SERVICE_CLASSES = (JobSeekerService, AppointmentService, LicenseService, CampaignService, PartnerReferralService,
                   SchedulingService, FrontDeskService)
SERVICE_MODULES = (outcomes, retention, removals, reminder_sender)


def _writes(fn: Callable[..., Any]) -> bool:
    try:
        source = inspect.getsource(inspect.unwrap(fn))
    except (OSError, TypeError):
        return False
    return ".write()" in source or "save_settings(" in source or "_set_status(" in source


def public_writers() -> set[str]:
    names: set[str] = set()
    for cls in SERVICE_CLASSES:
        for name, fn in vars(cls).items():
            if not name.startswith("_") and inspect.isfunction(fn) and _writes(fn):
                names.add(f"{cls.__name__}.{name}")
    for module in SERVICE_MODULES:
        for name, fn in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(fn) and fn.__module__ == module.__name__
                    and _writes(fn)):
                names.add(f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    return names


ELIGIBLE = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}
LIST = ("First Name,Last Name,Email\n"
        "Dmitri,Ivanov,dmitri@example.org\n"
        "Lena,Park,lena@example.org\n")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_every_public_write_returns_what_it_changed(desk: Any, tmp_path: Any) -> None:
    clock = Clock(datetime(2026, 3, 10, 13, 50))
    desk.switch_actor(replace(desk.actor, role="administrator"))
    out = outreach_for(desk, clock=clock, mail=MemoryMailSender())
    checked: dict[str, OpChanges] = {}

    def call(name: str, fn: Callable[[], Any]) -> Any:
        with tables_written(desk) as tables:
            result = fn()
        changes = changes_of(result)
        assert changes is not None, f"{name} returned {type(result).__name__}, not a result with its changes"
        touched = {AREA_OF_TABLE[t] for t in tables} - {None}
        if touched and name not in QUIET_WRITES:  # (a removal file with nobody to remove writes nothing)
            assert changes, f"{name} wrote {sorted(tables)} but says it changed nothing"
        missing = {area for area in touched if not getattr(changes, str(area))}
        if name in QUIET_WRITES:
            missing -= {"appointments"}
        assert not missing, f"{name} wrote {sorted(tables)} but its changes {changes.names()} miss {sorted(missing)}"
        checked[name] = changes
        return result

    seeker = call("JobSeekerService.register", lambda: desk.job_seekers.register(
        {"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"})).record
    call("JobSeekerService.update", lambda: desk.job_seekers.update(seeker.id, {"phone": "6175550100"}))
    appt = call("AppointmentService.start", lambda: desk.appointments.start(job_seeker_id=seeker.id)).record
    call("AppointmentService.save_wizard_state", lambda: desk.appointments.save_wizard_state(
        appt.id, step="find", state={"query": "Ana"}))
    att = call("AppointmentService.attest", lambda: desk.appointments.attest(seeker.id, ELIGIBLE,
                                                                          appointment_id=appt.id))
    call("AppointmentService.save_plan", lambda: desk.appointments.save_plan(
        job_seeker_id=seeker.id, plan={"courses": []}, appointment_id=appt.id))
    call("AppointmentService.add_note", lambda: desk.appointments.add_note(job_seeker_id=seeker.id, body="Called."))
    call("LicenseService.set_block", lambda: desk.licenses.set_block(block_size=10))
    issued = call("LicenseService.issue", lambda: desk.licenses.issue(
        seeker.id, appointment_id=appt.id, attestation_id=att.attestation_id))
    call("AppointmentService.complete", lambda: desk.appointments.complete(appt.id, outcome="license_issued"))
    call("LicenseService.change_status", lambda: desk.licenses.change_status(
        issued.issuance_id, status="inactivated", reason="Moved out of state"))
    call("removals.write_removal_file", lambda: removals.write_removal_file(desk, tmp_path / "removals.csv"))

    # outreach: a campaign, its queue, bookings and the waiting list
    imported = call("CampaignService.import_list", lambda: out.campaigns.import_list(
        LIST.encode(), file_name="list.csv", name="Spring"))
    contact = call("CampaignService.claim_next", lambda: out.campaigns.claim_next(imported.campaign_id))
    call("CampaignService.release", lambda: out.campaigns.release(contact.id))
    call("CampaignService.claim", lambda: out.campaigns.claim(contact.id))
    call("CampaignService.record_attempt", lambda: out.campaigns.record_attempt(
        contact.id, channel="call", outcome="no_answer"))
    booking = call("SchedulingService.book", lambda: out.scheduling.book(
        local_start=datetime(2026, 3, 10, 11, 0), job_seeker_id=seeker.id))
    booking = call("SchedulingService.reschedule", lambda: out.scheduling.reschedule(
        booking.appointment_id, local_start=datetime(2026, 3, 10, 10, 0), minutes=30))
    other = out.scheduling.book(local_start=datetime(2026, 3, 10, 12, 0), job_seeker_id=seeker.id)
    call("SchedulingService.cancel", lambda: out.scheduling.cancel(other.appointment_id))
    missed = out.scheduling.book(local_start=datetime(2026, 3, 10, 15, 0), job_seeker_id=seeker.id)
    clock.now += timedelta(hours=8)  # 17:50 local: past the 15:00 booking
    call("SchedulingService.record_no_show", lambda: out.scheduling.record_no_show(missed.appointment_id))
    walk_in = call("FrontDeskService.check_in", lambda: out.front_desk.check_in(name="Tom Baker"))
    gone = out.front_desk.check_in(name="Lee Wong")
    call("FrontDeskService.left_unseen", lambda: out.front_desk.left_unseen(gone.id))
    started = call("FrontDeskService.start", lambda: out.front_desk.start(walk_in.id)).record
    call("FrontDeskService.mark_served", lambda: out.front_desk.mark_served(started.id))

    # outcomes
    from counselor_app.core.models import OutcomeRecord

    with desk.store.write() as session:  # one proposal to review, as an import would have made
        session.add(OutcomeRecord(id="o1", proposal_key="test:o1", job_seeker_id=seeker.id, state="MA",
                                  system="MOSES", program_id=desk.profile.program.id,
                                  kind="credential", code="C1", label="Credential", subject="Python",
                                  achieved_on=datetime(2020, 9, 1).date(), status="proposed", evidence={}))
    call("outcomes.accept_outcome", lambda: outcomes.accept_outcome(desk, "o1"))
    call("outcomes.edit_outcome", lambda: outcomes.edit_outcome(desk, "o1", achieved_on=datetime(2020, 9, 2).date()))
    call("outcomes.confirm_entered", lambda: outcomes.confirm_entered(desk, ["o1"]))

    missing = public_writers() - set(checked) - set(NOT_TYPED_YET) - READS_THAT_AUDIT - {
        # typed (``@returns_changes``) but not driven here yet: each needs its own set-up (a pending license, a
        # progress import, a relay, a desk past the retention age); their callers' tests still pass
        "LicenseService.approve_pending", "outcomes.propose_outcomes", "outcomes.reject_outcome",
        "outcomes.import_and_propose", "outcomes.propose_after_import", "retention.purge",
        "reminder_sender.send_reminders", "reminder_sender.configure_relay", "PartnerReferralService.decline",
    }
    assert not missing, f"public writes with no typed-result check: {sorted(missing)}"


def test_a_result_row_compares_equal_whatever_it_changed(desk: Any) -> None:
    """``changes`` rides along on the row types (OutcomeRow, BookingRow, ContactRow, ...) without changing what
    equality means for them."""
    from counselor_app.core.campaigns import ClaimResult

    now = datetime(2026, 3, 10, 13, 50)
    assert ClaimResult(True, "ana", now, changes=OpChanges(outreach=True)) == ClaimResult(True, "ana", now)


@pytest.mark.parametrize("name", sorted(NOT_TYPED_YET))
def test_the_untyped_list_names_real_methods(name: str) -> None:
    cls_name, method = name.split(".")
    cls = {c.__name__: c for c in SERVICE_CLASSES}[cls_name]
    assert callable(getattr(cls, method))
