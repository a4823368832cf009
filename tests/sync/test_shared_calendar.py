"""The center's shared calendar on the real reference server over loopback (issue 16): a booking made at one
desk blocks the counselor's time at the other desks, two desks that booked one counselor at one time while apart
are told so in words (nothing lost), and a check-in at one desk shows on the other desk's front desk."""

from __future__ import annotations

from datetime import datetime

import pytest

from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.scheduling import BookingConflict, DayStatus
from counselor_app.sync import outbox
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import FAST_RETRY, signed_in

DAY = datetime(2030, 3, 11)


def _at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def test_two_desks_share_bookings_refuse_double_booking_and_see_check_ins(agency, make_desk) -> None:
    agency.add_user("sam")
    agency.add_user("frank")
    a = signed_in(make_desk("a"), agency.url, "sam")  # the counselor's desk
    b = signed_in(make_desk("b"), agency.url, "frank")  # the front desk
    out_a = outreach_for(a, mail=MemoryMailSender())
    out_b = outreach_for(b, mail=MemoryMailSender())
    sam_key = out_a.scheduling.counselors()[0][1]

    # A books Ana with its counselor; after a sync the front desk sees it and cannot book that time again.
    ana = a.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    first = out_a.scheduling.book(local_start=_at(10), minutes=30, job_seeker_id=ana.id)
    assert sync_once(a, retry=FAST_RETRY).complete
    assert sync_once(b, retry=FAST_RETRY).complete
    seen = out_b.scheduling.day(DAY.date())
    assert [(r.appointment_id, r.name, f"{r.starts_local:%H:%M}") for r in seen] == [
        (first.appointment_id, "Ana Rivera", "10:00")]
    assert seen[0].counselor_name == first.counselor_name and seen[0].counselor_key == sam_key
    assert sam_key in [key for _, key, _ in out_b.scheduling.counselors()]
    clash = out_b.scheduling.check(local_start=_at(10, 15), minutes=30, counselor_id=None, counselor_key=sam_key)
    assert clash is not None and clash.appointment_id == first.appointment_id  # shown before saving
    cy = b.job_seekers.register({"first_name": "Cy", "last_name": "Moss"}).record
    with pytest.raises(BookingConflict):
        out_b.scheduling.book(local_start=_at(10, 15), minutes=30, job_seeker_id=cy.id, counselor_key=sam_key)

    # Apart (neither has synced), both desks book the counselor at 14:00.
    bo = a.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}).record
    at_a = out_a.scheduling.book(local_start=_at(14), minutes=30, job_seeker_id=bo.id)
    at_b = out_b.scheduling.book(local_start=_at(14), minutes=45, job_seeker_id=cy.id, counselor_key=sam_key)
    assert sync_once(a, retry=FAST_RETRY).complete
    report = sync_once(b, retry=FAST_RETRY)
    # The server refuses the second booking in words; the desk keeps it, set aside, and says so.
    assert not report.complete and report.rejected == 1
    parked = [e for e in outbox.list_entries(b) if e.entity == "appointment_booking"]
    assert len(parked) == 1 and parked[0].entity_id == at_b.appointment_id and parked[0].status == "parked"
    assert "already has an appointment from 14:00 to 14:30" in parked[0].last_error
    assert "America/New_York" in parked[0].last_error and "another desk" in parked[0].last_error
    assert any("double-booked" in note for note in report.notes), report.notes
    assert agency.record("appointment_booking", at_b.appointment_id) is None
    rows = {r.appointment_id: r for r in out_b.scheduling.day(DAY.date())}
    assert rows[at_a.appointment_id].double_booked and rows[at_b.appointment_id].double_booked
    assert not rows[first.appointment_id].double_booked

    # The front desk moves its booking to 15:00: it goes to the server, and nothing is flagged any more.
    out_b.scheduling.reschedule(at_b.appointment_id, local_start=_at(15), minutes=45)
    assert sync_once(b, retry=FAST_RETRY).complete
    assert agency.record("appointment_booking", at_b.appointment_id).data["starts_at"].startswith("2030-03-11T19:00")
    assert not any(r.double_booked for r in out_b.scheduling.day(DAY.date()))
    assert sync_once(a, retry=FAST_RETRY).complete
    assert [f"{r.starts_local:%H:%M} {r.name}" for r in out_a.scheduling.day(DAY.date())] == [
        "10:00 Ana Rivera", "14:00 Bo Chen", "15:00 Cy Moss"]

    # Ana arrives and is checked in at the front desk: the counselor's desk sees her waiting, "checked in".
    entry = out_b.front_desk.check_in(appointment_id=first.appointment_id)
    assert sync_once(b, retry=FAST_RETRY).complete
    assert sync_once(a, retry=FAST_RETRY).complete
    assert [w.id for w in out_a.front_desk.waiting()] == [entry.id]
    assert out_a.scheduling.get(first.appointment_id).day_status == DayStatus.CHECKED_IN
    # The counselor calls her in at A; the front desk sees her in the appointment, off the waiting list.
    out_a.front_desk.start(entry.id)
    assert sync_once(a, retry=FAST_RETRY).complete
    assert sync_once(b, retry=FAST_RETRY).complete
    assert out_b.front_desk.waiting() == []
    assert out_b.scheduling.get(first.appointment_id).day_status == DayStatus.IN_APPOINTMENT
    # An appointment running at another desk is not "unfinished" here.
    assert b.appointments.unfinished() == []

    # A booking the front desk made for its own user, started at the other desk: not "unfinished" at the front
    # desk either (the counselor running it is elsewhere), and "in appointment" there.
    own = out_b.scheduling.book(local_start=_at(16), minutes=30, job_seeker_id=cy.id)
    arrived = out_b.front_desk.check_in(appointment_id=own.appointment_id)
    assert sync_once(b, retry=FAST_RETRY).complete
    assert sync_once(a, retry=FAST_RETRY).complete
    out_a.front_desk.start(arrived.id)
    assert sync_once(a, retry=FAST_RETRY).complete
    assert sync_once(b, retry=FAST_RETRY).complete
    assert b.appointments.unfinished() == []
    assert out_b.scheduling.get(own.appointment_id).day_status == DayStatus.IN_APPOINTMENT
