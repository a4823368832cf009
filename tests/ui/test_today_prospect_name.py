"""A checked-in booked prospect (no job seeker record yet) is named in Today's appointments as the front desk and
the Calendar name her, not "(not chosen yet)"."""

from __future__ import annotations

from typing import Any

from counselor_app.core.partner_referrals import store_feed_referral
from tests.ui import wizard_driver as drive


def test_checked_in_prospect_is_named_in_todays_appointments(main_window: Any, desk: Any) -> None:
    desk.licenses._today = None  # the center's real day, so the booking below is today's and not past
    today = main_window.page("today")
    out = today.front_desk.out
    with desk.store.write() as session:
        store_feed_referral(session, {
            "id": "r-1", "organization": "Boston Housing Partners", "first_name": "Mia", "last_name": "Lopez",
            "email": "mia@example.org", "registered": False, "reason": "Lost her job", "next_step": "register",
            "status": "submitted", "created_at": "2026-03-09T15:00:00+00:00"})
    contact_id = out.referrals.accept("r-1")
    start = out.scheduling.next_free_start()
    if start.date() != out.scheduling.now_local().date():  # too late in the day to book today: nothing to show
        return
    row = out.scheduling.book(local_start=start, contact_id=contact_id)
    out.front_desk.check_in(appointment_id=row.appointment_id)
    main_window.go_to("today")
    today.refresh()
    model = today.model
    drive.wait_for(lambda: model.rowCount() > 0)
    texts = [str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert any("Mia Lopez" in t for t in texts), texts
