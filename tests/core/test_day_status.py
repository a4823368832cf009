"""One vocabulary for a booking's day (booked → checked in → in appointment → served / no-show / cancelled),
read the same by the Calendar and the Today page, through the orders a front desk really uses."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from counselor_app.core.errors import ValidationError
from counselor_app.core.front_desk import walk_in_draft
from counselor_app.core.models import OutboxEntry
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.scheduling import BookingConflict, DayStatus


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 10, 13, 0))  # 09:00 EDT


@pytest.fixture
def out(desk, clock):
    return outreach_for(desk, clock=clock, mail=MemoryMailSender())


def _status(out, appointment_id: str) -> DayStatus:
    return out.scheduling.get(appointment_id).day_status


def test_booked_checked_in_in_appointment_served(desk, out, clock) -> None:
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera"}).record
    row = out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 0), job_seeker_id=ana.id)
    assert _status(out, row.appointment_id) == DayStatus.BOOKED
    assert [r.appointment_id for r in out.scheduling.due_today()] == [row.appointment_id]
    entry = out.front_desk.check_in(appointment_id=row.appointment_id)
    # Checked in: the calendar says so, and she is no longer "still to come" (she is on the waiting list).
    assert _status(out, row.appointment_id) == DayStatus.CHECKED_IN
    assert [r.day_status for r in out.scheduling.day(clock.now.date())] == [DayStatus.CHECKED_IN]
    assert out.scheduling.due_today() == []
    appt = out.front_desk.start(entry.id).record
    assert _status(out, appt.id) == DayStatus.IN_APPOINTMENT
    clock.now += timedelta(minutes=40)
    desk.appointments.complete(appt.id, outcome="needs_follow_up")
    assert _status(out, appt.id) == DayStatus.SERVED


def test_checked_in_then_left_is_booked_again_and_no_show_and_cancel(desk, out, clock) -> None:
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera"}).record
    bo = desk.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}).record
    clock.now = datetime(2026, 3, 10, 12, 0)  # booked at 08:00 EDT, before 8:30 (no booking in the past)
    a = out.scheduling.book(local_start=datetime(2026, 3, 10, 8, 30), job_seeker_id=ana.id)
    b = out.scheduling.book(local_start=datetime(2026, 3, 10, 11, 0), job_seeker_id=bo.id)
    clock.now = datetime(2026, 3, 10, 13, 0)
    entry = out.front_desk.check_in(appointment_id=a.appointment_id)
    out.front_desk.left_unseen(entry.id)
    assert _status(out, a.appointment_id) == DayStatus.BOOKED  # still expected: she may come back
    out.scheduling.record_no_show(a.appointment_id)
    assert _status(out, a.appointment_id) == DayStatus.NO_SHOW
    out.scheduling.cancel(b.appointment_id)
    assert _status(out, b.appointment_id) == DayStatus.CANCELLED
    with pytest.raises(ValidationError):
        out.front_desk.check_in(appointment_id=b.appointment_id)  # a cancelled booking cannot arrive
    assert out.scheduling.due_today() == []


def test_walk_in_start_opens_on_the_person(desk, out) -> None:
    entry = out.front_desk.check_in(name="Tom  Baker")
    appt = out.front_desk.start(entry.id).record
    assert appt.wizard_state == walk_in_draft("Tom Baker")
    assert appt.wizard_state["pages"]["find"]["search"] == "Tom Baker"
    assert appt.wizard_state["pages"]["find"]["form"]["last_name"] == "Baker"


def test_reschedule_checks_conflicts_and_resets_the_reminder(desk, out, clock) -> None:
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    bo = desk.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}).record
    a = out.scheduling.book(local_start=datetime(2026, 3, 11, 10, 0), job_seeker_id=ana.id, notes="Bring resume")
    b = out.scheduling.book(local_start=datetime(2026, 3, 11, 11, 0), job_seeker_id=bo.id)
    assert out.scheduling.get(a.appointment_id).notes == "Bring resume"
    clash = out.scheduling.check(local_start=datetime(2026, 3, 11, 10, 45), minutes=30, counselor_id=None,
                                 ignore_id=a.appointment_id)
    assert clash is not None and clash.appointment_id == b.appointment_id
    with pytest.raises(BookingConflict):
        out.scheduling.reschedule(a.appointment_id, local_start=datetime(2026, 3, 11, 10, 45), minutes=30)
    moved = out.scheduling.reschedule(a.appointment_id, local_start=datetime(2026, 3, 11, 14, 0), minutes=45)
    assert f"{moved.starts_local:%H:%M}-{moved.ends_local:%H:%M}" == "14:00-14:45"
    # How it is held, where and the notes change too (each only when given; "" clears the notes), and the
    # changes queued for the server carry them.
    edited = out.scheduling.reschedule(a.appointment_id, local_start=datetime(2026, 3, 11, 14, 0), minutes=45,
                                       mode="outreach_event", place_name="  Job fair, Hall B ", notes="")
    assert (edited.mode, edited.place_name, edited.notes) == ("outreach_event", "Job fair, Hall B", None)
    kept = out.scheduling.reschedule(a.appointment_id, local_start=datetime(2026, 3, 11, 14, 0), minutes=45)
    assert (kept.mode, kept.place_name, kept.notes) == ("outreach_event", "Job fair, Hall B", None)
    with pytest.raises(ValidationError):
        out.scheduling.reschedule(a.appointment_id, local_start=datetime(2026, 3, 11, 14, 0), minutes=45,
                                  mode="carrier pigeon")
    with desk.store.read() as session:
        sent: dict[str, dict] = {}
        for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == a.appointment_id)
                                     .order_by(OutboxEntry.seq)):
            sent[entry.entity] = sent.get(entry.entity, {}) | entry.payload  # as the server will hold it
    assert (sent["appointment"]["place_kind"], sent["appointment"]["place_name"]) == ("outreach", "Job fair, Hall B")
    assert (sent["appointment_booking"]["mode"], sent["appointment_booking"]["notes"]) == ("outreach_event", None)
    # Its own old time is not a conflict with itself.
    assert out.scheduling.check(local_start=datetime(2026, 3, 11, 14, 15), minutes=30, counselor_id=None,
                                ignore_id=a.appointment_id) is None
