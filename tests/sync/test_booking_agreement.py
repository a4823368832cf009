"""Two desks on the real reference server over loopback (issue 16 follow-up): an appointment whose booking the
server refused (its counselor was booked at that time at another desk) reads "not confirmed" at both desks until
the desk that made it moves it; and an edited booking's way of meeting, place and notes reach the other desk."""

from __future__ import annotations

from datetime import datetime

from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import FAST_RETRY, signed_in

DAY = datetime(2030, 3, 11)


def test_a_refused_booking_is_not_confirmed_at_either_desk_until_moved(agency, make_desk) -> None:
    agency.add_user("sam")
    agency.add_user("frank")
    a = signed_in(make_desk("a"), agency.url, "sam")
    b = signed_in(make_desk("b"), agency.url, "frank")
    out_a = outreach_for(a, mail=MemoryMailSender())
    out_b = outreach_for(b, mail=MemoryMailSender())
    sam_key = out_a.scheduling.counselors()[0][1]

    bo = a.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}).record
    cy = b.job_seekers.register({"first_name": "Cy", "last_name": "Moss"}).record
    at_a = out_a.scheduling.book(local_start=DAY.replace(hour=14), minutes=30, job_seeker_id=bo.id)
    at_b = out_b.scheduling.book(local_start=DAY.replace(hour=14), minutes=45, job_seeker_id=cy.id,
                                 counselor_key=sam_key)
    assert sync_once(a, retry=FAST_RETRY).complete
    assert not sync_once(b, retry=FAST_RETRY).complete  # B's booking refused: the server holds the appointment
    assert agency.record("appointment", at_b.appointment_id) is not None
    assert agency.record("appointment_booking", at_b.appointment_id) is None
    assert sync_once(a, retry=FAST_RETRY).complete

    both = [at_a.appointment_id, at_b.appointment_id]
    # Neither desk lists B's appointment as an ordinary scheduled one; A's own stays confirmed.
    assert out_a.scheduling.unconfirmed(both) == {at_b.appointment_id}
    assert out_b.scheduling.unconfirmed(both) == {at_b.appointment_id}
    assert [r.appointment_id for r in out_a.scheduling.day(DAY.date())] == [at_a.appointment_id]

    # B moves it to 15:00: the server takes the booking; both desks now hold it as confirmed.
    out_b.scheduling.reschedule(at_b.appointment_id, local_start=DAY.replace(hour=15), minutes=45)
    assert sync_once(b, retry=FAST_RETRY).complete
    assert sync_once(a, retry=FAST_RETRY).complete
    assert out_a.scheduling.unconfirmed(both) == set() and out_b.scheduling.unconfirmed(both) == set()
    assert [f"{r.starts_local:%H:%M}" for r in out_a.scheduling.day(DAY.date())] == ["14:00", "15:00"]

    # B changes how, where and the notes of that booking; A sees them after a sync.
    out_b.scheduling.reschedule(at_b.appointment_id, local_start=DAY.replace(hour=15), minutes=45, mode="video",
                                place_name="Online", notes="Link in the confirmation")
    assert sync_once(b, retry=FAST_RETRY).complete
    assert sync_once(a, retry=FAST_RETRY).complete
    seen = out_a.scheduling.get(at_b.appointment_id)
    assert (seen.mode, seen.place_name, seen.notes) == ("video", "Online", "Link in the confirmation")
