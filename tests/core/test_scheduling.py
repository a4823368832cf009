"""Bookings: UTC storage, the center's zone across daylight-saving changes, conflicts, no-shows, reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from email import message_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.core.errors import NotFoundError, ValidationError
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.scheduling import (
    BookingConflict,
    BookingMode,
    BookingStatus,
    NonexistentLocalTime,
    center_zone,
    day_bounds_utc,
    local_to_utc,
    utc_to_local,
)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 5, 15, 0))  # Thursday 10:00 EST


@pytest.fixture
def out(desk, clock):
    return outreach_for(desk, clock=clock, mail=MemoryMailSender())


@pytest.fixture
def ana(desk):
    return desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org",
                                      "preferred_language": "es", "phone": "617-555-0101"}).record


def test_a_booking_across_the_spring_change_keeps_its_wall_clock_hour(out, ana) -> None:
    # Saturday before and Monday after the US change of March 8, 2026: 10:00 local both days.
    before = out.scheduling.book(local_start=datetime(2026, 3, 7, 10, 0), job_seeker_id=ana.id)
    after = out.scheduling.book(local_start=datetime(2026, 3, 9, 10, 0), job_seeker_id=ana.id)
    assert before.starts_at == datetime(2026, 3, 7, 15, 0)  # EST, UTC-5
    assert after.starts_at == datetime(2026, 3, 9, 14, 0)  # EDT, UTC-4
    week = out.scheduling.week(date(2026, 3, 9))
    assert [r.starts_local.hour for r in week[date(2026, 3, 9)]] == [10]
    assert [r.starts_local.hour for r in out.scheduling.week(date(2026, 3, 7))[date(2026, 3, 7)]] == [10]
    # The 23-hour Sunday is bounded by its own midnights.
    lo, hi = day_bounds_utc(date(2026, 3, 8), center_zone("America/New_York"))
    assert hi - lo == timedelta(hours=23)


def test_the_skipped_hour_is_refused_and_the_repeated_hour_is_two_instants(out, ana, desk) -> None:
    with pytest.raises(NonexistentLocalTime):
        out.scheduling.book(local_start=datetime(2026, 3, 8, 2, 30), job_seeker_id=ana.id)
    first = out.scheduling.book(local_start=datetime(2026, 11, 1, 1, 30), job_seeker_id=ana.id, minutes=30)
    # The same wall-clock 01:30 an hour later (fold=1, EST) does not overlap the first on the real timeline.
    second = out.scheduling.book(local_start=datetime(2026, 11, 1, 1, 30), job_seeker_id=ana.id, minutes=30,
                                 fold=1)
    assert second.starts_at - first.starts_at == timedelta(hours=1)
    assert first.starts_local.tzname() == "EDT" and second.starts_local.tzname() == "EST"
    day = out.scheduling.day(date(2026, 11, 1))
    assert [r.appointment_id for r in day] == [first.appointment_id, second.appointment_id]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
       st.sampled_from(["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                        "America/Los_Angeles", "Pacific/Honolulu"]))
def test_local_utc_round_trip_in_every_zone(local, zone_name) -> None:
    zone = center_zone(zone_name)
    local = local.replace(second=0, microsecond=0)
    try:
        as_utc = local_to_utc(local, zone)
    except NonexistentLocalTime:
        # Only a time in a spring-forward gap is refused, and the gap is really there.
        aware = local.replace(tzinfo=zone)
        assert utc_to_local(aware.astimezone(center_zone("UTC")).replace(tzinfo=None), zone).replace(
            tzinfo=None) != local
        return
    assert utc_to_local(as_utc, zone).replace(tzinfo=None) == local


def test_conflicting_bookings_of_one_counselor_are_refused(out, ana, desk) -> None:
    first = out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 0), minutes=30, job_seeker_id=ana.id)
    with pytest.raises(BookingConflict) as err:
        out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 15), minutes=30, job_seeker_id=ana.id)
    assert err.value.other_id == first.appointment_id
    # Back to back is fine; a cancelled booking frees its time.
    out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 30), minutes=30, job_seeker_id=ana.id)
    out.scheduling.cancel(first.appointment_id)
    out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 0), minutes=30, job_seeker_id=ana.id)
    with pytest.raises(ValidationError):
        out.scheduling.book(local_start=datetime(2026, 3, 10, 12, 0), minutes=5, job_seeker_id=ana.id)
    with pytest.raises(ValidationError):
        out.scheduling.book(local_start=datetime(2026, 3, 10, 12, 0), mode="carrier pigeon", job_seeker_id=ana.id)
    with pytest.raises(NotFoundError):
        out.scheduling.book(local_start=datetime(2026, 3, 10, 12, 0), job_seeker_id="nobody")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6 * 24 * 4), st.sampled_from([15, 30, 45, 60, 90])), min_size=1,
                max_size=12))
def test_no_two_accepted_bookings_ever_overlap(desk, slots) -> None:
    from counselor_app.core.outreach_models import AppointmentBooking

    out = outreach_for(desk, clock=Clock(datetime(2026, 10, 28, 12)), mail=MemoryMailSender())
    seeker = desk.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}, confirmed_not_duplicate=True).record
    with desk.store.write() as session:
        session.query(AppointmentBooking).delete()
    accepted = []
    for quarter, minutes in slots:  # a week spanning the November change, on a 15-minute grid
        local = datetime(2026, 10, 29) + timedelta(minutes=15 * quarter)
        try:
            accepted.append(out.scheduling.book(local_start=local, minutes=minutes, job_seeker_id=seeker.id))
        except (BookingConflict, NonexistentLocalTime):
            continue
    accepted.sort(key=lambda r: r.starts_at)
    for a, b in zip(accepted, accepted[1:], strict=False):
        assert a.ends_at <= b.starts_at


def test_confirmation_and_day_before_reminder_in_the_persons_language_with_ics(out, ana, clock) -> None:
    row = out.scheduling.book(local_start=datetime(2026, 3, 9, 10, 0), mode=BookingMode.VIDEO, job_seeker_id=ana.id)
    mail = out.mail
    assert out.scheduling.send_confirmation(row.appointment_id, mail, from_address="desk@example.org")
    message = mail.sent[-1]
    assert message["To"] == "ana@example.org"
    assert "confirmada" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "lunes 9 de marzo de 2026, a las 10:00 (EDT)" in body and "por video" in body
    ics = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    text = ics.get_payload(decode=True).decode()
    assert "DTSTART:20260309T140000Z" in text and "DTEND:20260309T143000Z" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    # Not due before 09:00 local on Sunday the 8th (13:00 UTC, EDT from 02:00 that night).
    clock.now = datetime(2026, 3, 8, 12, 59)
    assert out.scheduling.due_reminders() == []
    clock.now = datetime(2026, 3, 8, 13, 0)
    assert out.scheduling.send_due_reminders(mail, from_address="desk@example.org") == (1, 0)
    assert "Recordatorio" in mail.sent[-1]["Subject"]
    assert out.scheduling.send_due_reminders(mail, from_address="desk@example.org") == (0, 0)
    # A booking for the same day never gets a "tomorrow" reminder.
    clock.now = datetime(2026, 3, 9, 12, 0)  # 8:00 AM EDT
    out.scheduling.book(local_start=datetime(2026, 3, 9, 15, 0), job_seeker_id=ana.id)
    assert out.scheduling.due_reminders() == []
    assert message_from_bytes(mail.sent[-1].as_bytes())["Content-Language"] == "es"


def test_a_no_show_is_recorded_only_once_the_time_has_come(out, ana, clock) -> None:
    row = out.scheduling.book(local_start=datetime(2026, 3, 6, 9, 0), job_seeker_id=ana.id)
    with pytest.raises(ValidationError):
        out.scheduling.record_no_show(row.appointment_id)
    clock.now = datetime(2026, 3, 6, 15, 0)
    out.scheduling.record_no_show(row.appointment_id)
    assert out.scheduling.get(row.appointment_id).status == BookingStatus.NO_SHOW
    assert out.scheduling.due_today() == []


def test_todays_list_runs_from_the_centers_midnight(out, ana, desk) -> None:
    # 9:30 PM EDT on March 10 is 01:30 UTC on March 11: it belongs to the 10th at the center.
    late = out.scheduling.book(local_start=datetime(2026, 3, 10, 21, 30), job_seeker_id=ana.id)
    ids = [a.id for a in desk.appointments.for_day(date(2026, 3, 10), zone="America/New_York")]
    assert late.appointment_id in ids
    assert late.appointment_id not in [a.id for a in desk.appointments.for_day(date(2026, 3, 11),
                                                                                zone="America/New_York")]
