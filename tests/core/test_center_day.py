"""Every "today" is the center's day: a laptop on UTC at 8:50 PM in Boston (01:50 UTC the next day) still shows the
center's day in the header, today's appointments and the front desk (the trial saw November 30 beside 29)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from counselor_app.core import center_clock
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender

EVENING = datetime(2026, 11, 30, 1, 50)  # 8:50 PM EST on Sunday, November 29


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def utc_process() -> Iterator[None]:
    """The computer's time zone is UTC, not the center's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def evening(monkeypatch: pytest.MonkeyPatch, utc_process: None) -> Clock:
    clock = Clock(EVENING)
    monkeypatch.setattr(center_clock, "utcnow", clock)
    return clock


@pytest.fixture
def live_desk(desk):
    """The desk without the tests' fixed day: "today" comes from the clock."""
    desk.licenses._today = None
    desk.job_seekers._today = None
    assert desk.settings.center_time_zone == "America/New_York"
    return desk


def test_center_today_is_the_centers_day_not_the_computers(evening: Clock) -> None:
    assert center_clock.center_today("America/New_York") == date(2026, 11, 29)
    assert center_clock.center_today("Europe/Madrid") == date(2026, 11, 30)
    assert center_clock.center_now("America/New_York").strftime("%H:%M") == "20:50"


def test_the_desks_today_is_the_centers(live_desk, evening: Clock) -> None:
    assert live_desk.licenses.today() == date(2026, 11, 29)
    assert live_desk.job_seekers.today() == date(2026, 11, 29)
    evening.now = datetime(2026, 11, 30, 5, 0)  # midnight in Boston
    assert live_desk.licenses.today() == date(2026, 11, 30)


def test_a_walk_in_just_finished_is_in_todays_appointments(live_desk, evening: Clock, monkeypatch) -> None:
    from counselor_app.core import appointments as appointments_module

    monkeypatch.setattr(appointments_module, "utcnow", lambda: datetime(2026, 11, 30, 1, 30))  # 8:30 PM EST
    appt = live_desk.appointments.start(kind="walk_in").record
    live_desk.appointments.complete(appt.id, outcome="left_before_seen")
    today = live_desk.licenses.today()
    day = live_desk.appointments.for_day(today, zone=live_desk.settings.center_time_zone)
    assert appt.id in [a.id for a in day]


def test_booked_still_to_come_today_lists_no_past_times(live_desk) -> None:
    ana = live_desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    clock = Clock(datetime(2026, 11, 29, 12, 0))  # 7 AM EST
    out = outreach_for(live_desk, clock=clock, mail=MemoryMailSender())
    morning = out.scheduling.book(local_start=datetime(2026, 11, 29, 10, 0), job_seeker_id=ana.id)
    late = out.scheduling.book(local_start=datetime(2026, 11, 29, 21, 30), job_seeker_id=ana.id)
    assert [r.appointment_id for r in out.scheduling.due_today()] == [morning.appointment_id, late.appointment_id]
    clock.now = EVENING
    assert [r.appointment_id for r in out.scheduling.due_today()] == [late.appointment_id]
    assert out.scheduling.now_local().date() == date(2026, 11, 29)


def test_a_booking_or_a_move_into_the_past_is_refused(live_desk) -> None:
    from counselor_app.core.errors import ValidationError

    ana = live_desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    out = outreach_for(live_desk, clock=Clock(EVENING), mail=MemoryMailSender())  # 8:50 PM EST, November 29
    with pytest.raises(ValidationError) as refused:
        out.scheduling.book(local_start=datetime(2026, 11, 29, 10, 0), job_seeker_id=ana.id)
    assert refused.value.field_errors["starts_at"].code == "scheduling.starts_in_past"
    with pytest.raises(ValidationError):
        out.scheduling.book(local_start=datetime(2026, 11, 29, 20, 30), job_seeker_id=ana.id)  # 20 minutes ago
    later = out.scheduling.book(local_start=datetime(2026, 11, 29, 21, 0), job_seeker_id=ana.id)
    with pytest.raises(ValidationError):
        out.scheduling.reschedule(later.appointment_id, local_start=datetime(2026, 11, 28, 21, 0), minutes=30)
    moved = out.scheduling.reschedule(later.appointment_id, local_start=datetime(2026, 11, 30, 9, 0), minutes=30)
    assert moved.starts_local.hour == 9


def test_the_booking_dialog_opens_at_the_next_free_half_hour(live_desk) -> None:
    ana = live_desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    out = outreach_for(live_desk, clock=Clock(EVENING), mail=MemoryMailSender())  # 8:50 PM EST
    assert out.scheduling.next_free_start() == datetime(2026, 11, 29, 21, 0)
    out.scheduling.book(local_start=datetime(2026, 11, 29, 21, 0), job_seeker_id=ana.id)
    assert out.scheduling.next_free_start() == datetime(2026, 11, 29, 21, 30)
    assert out.scheduling.next_free_start(date(2026, 12, 1)) == datetime(2026, 12, 1, 10, 0)
    assert out.scheduling.next_free_start(date(2026, 11, 20)) == datetime(2026, 11, 29, 21, 30)
