"""The Calendar's booking dialog and interactive week view, and the Today page in the orders a front desk uses
(issue 16): search the person in the dialog, see a clash before saving, book from an empty half hour of the week,
open a booking to move it or record a no-show; a checked-in person reads "Checked in" on both pages; a walk-in's
Start opens on their name; a paused appointment says "paused"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTime

from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.scheduling import DayStatus
from tests.ui import wizard_driver as drive

DAY = date(2020, 10, 1)  # a Thursday, EDT


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2020, 10, 1, 13, 0))  # 9:00 AM EDT


@pytest.fixture
def window(qtbot: Any, desk: Any, make_ctx: Any, clock: Clock) -> Any:
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.outreach_context import set_outreach

    desk.actor = replace(desk.actor, role="supervisor")
    desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana.rivera@example.org"})
    desk.job_seekers.register({"first_name": "Bruno", "last_name": "Silva"})
    ctx = make_ctx(desk)
    set_outreach(ctx, outreach_for(desk, clock=clock, mail=MemoryMailSender()))
    win = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _dialog(calendar: Any) -> Any:
    drive.wait_for(lambda: calendar.last_dialog is not None and calendar.last_dialog.isVisible())
    return calendar.last_dialog


def test_book_with_the_dialog_see_the_clash_and_use_the_week(window: Any, desk: Any, clock: Clock) -> None:
    window.go_to("calendar")
    calendar = window.page("calendar")
    calendar.show_day(DAY)

    # Book… opens the dialog on a search: find Ana, 10:00 for 45 minutes by phone, with notes.
    drive.click(calendar.book_button)
    dialog = _dialog(calendar)
    assert not dialog.ok_button.isEnabled()  # nobody chosen yet
    drive.type_into(dialog.search_edit, "Rive")
    drive.wait_for(lambda: dialog.job_seeker_id is not None, message="the search did not find Ana")
    assert "Ana Rivera" in dialog.person_label.text()
    dialog.time_edit.setTime(QTime(10, 0))
    dialog.minutes.setValue(45)
    dialog.mode.setCurrentIndex(dialog.mode.findData("phone"))
    dialog.notes.setPlainText("Wants to talk about IT support training")
    drive.wait_for(lambda: "is free" in dialog.check_label.text())
    drive.click(dialog.ok_button)
    drive.wait_for(lambda: not dialog.isVisible())
    drive.wait_for(lambda: calendar.day_model.rowCount() == 1)
    ana = calendar.day_model.row_at(0)
    assert (f"{ana.starts_local:%H:%M}", ana.mode, ana.notes) == ("10:00", "phone",
                                                                 "Wants to talk about IT support training")

    # A second booking at 10:30 is shown as a clash before saving, and cannot be saved.
    calendar.last_dialog = None
    drive.click(calendar.book_button)
    dialog = _dialog(calendar)
    dialog.choose_person(desk.job_seekers.search("Silva")[0].id, "Bruno Silva")
    dialog.time_edit.setTime(QTime(10, 30))
    drive.wait_for(lambda: "Not free" in dialog.check_label.text())
    assert "10:00 AM to 10:45 AM with Ana Rivera" in dialog.check_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.time_edit.setTime(QTime(10, 45))
    drive.wait_for(lambda: "is free" in dialog.check_label.text() and dialog.ok_button.isEnabled())
    dialog.reject()

    # The week: double-click an empty half hour books there; double-click a booking opens it.
    calendar.show_day(DAY, week=True)
    drive.wait_for(lambda: calendar.week_model.columnCount() == 7)
    model = calendar.week_model
    thursday = DAY.weekday()
    ten = next(r for r in range(model.rowCount()) if model.bookings_at(r, thursday))
    calendar.last_dialog = None
    calendar._week_activated(model.index(ten + 4, thursday))  # 12:00
    dialog = _dialog(calendar)
    assert dialog.date_edit.date() == QDate(2020, 10, 1) and dialog.time_edit.time() == QTime(12, 0)
    dialog.choose_person(desk.job_seekers.search("Silva")[0].id, "Bruno Silva")
    drive.wait_for(lambda: dialog.ok_button.isEnabled())
    drive.click(dialog.ok_button)
    drive.wait_for(lambda: not dialog.isVisible())
    drive.wait_for(lambda: any(r.name == "Bruno Silva" for rows in [model.bookings_at(ten + 4, thursday)]
                               for r in rows))

    # Open Bruno's booking and move it to 2:00 PM, by video from the library, with a note; then open it again
    # and record that he did not come.
    calendar.last_dialog = None
    calendar._week_activated(model.index(ten + 4, thursday))
    dialog = _dialog(calendar)
    assert dialog.existing is not None and dialog.existing.name == "Bruno Silva"
    assert dialog.mode.isEnabled() and dialog.place.isEnabled() and not dialog.notes.isReadOnly()
    dialog.time_edit.setTime(QTime(14, 0))
    dialog.mode.setCurrentIndex(dialog.mode.findData("video"))
    dialog.place.setText("Lowell library, room 2")
    dialog.notes.setPlainText("Link sent by e-mail")
    drive.wait_for(lambda: "is free" in dialog.check_label.text())
    drive.click(dialog.ok_button)
    drive.wait_for(lambda: not dialog.isVisible())
    out = window.ctx._issue16_outreach
    bruno = next(r for r in out.scheduling.day(DAY) if r.name == "Bruno Silva")
    assert (f"{bruno.starts_local:%H:%M}", bruno.mode, bruno.place_name, bruno.notes) == (
        "14:00", "video", "Lowell library, room 2", "Link sent by e-mail")
    clock.now = datetime(2020, 10, 1, 18, 30)  # 2:30 PM EDT: his time has come
    calendar.show_day(DAY)
    drive.wait_for(lambda: calendar.day_model.rowCount() == 2)
    calendar.last_dialog = None
    calendar._day_activated(calendar.day_model.index(1, 0))
    dialog = _dialog(calendar)
    drive.click(dialog.no_show_button)
    drive.wait_for(lambda: not dialog.isVisible())
    assert out.scheduling.get(bruno.appointment_id).day_status == DayStatus.NO_SHOW
    drive.wait_for(lambda: calendar.day_model.data(calendar.day_model.index(1, 4)) == "No-show")


def test_today_and_calendar_agree_walk_in_opens_on_the_name_and_pause_says_paused(window: Any, desk: Any,
                                                                                   clock: Clock) -> None:
    out = window.ctx._issue16_outreach
    ana_id = desk.job_seekers.search("Rivera")[0].id
    booked = out.scheduling.book(local_start=datetime(2020, 10, 1, 9, 30), job_seeker_id=ana_id)
    window.go_to("today")
    today = window.page("today")
    panel = today.front_desk
    panel.refresh()
    drive.wait_for(lambda: panel.due_model.rowCount() == 1)
    # She arrives: checked in on Today, "Checked in" on the Calendar, and not "still to come" any more.
    drive.click(panel.check_in_button)
    drive.wait_for(lambda: panel.waiting_model.rowCount() == 1 and panel.due_model.rowCount() == 0)
    window.go_to("calendar")
    calendar = window.page("calendar")
    calendar.show_day(DAY)
    drive.wait_for(lambda: calendar.day_model.rowCount() == 1
                   and calendar.day_model.data(calendar.day_model.index(0, 4)) == "Checked in")
    # Today's appointments table says the same word.
    window.go_to("today")
    today.refresh()
    drive.wait_for(lambda: today.model.rowCount() == 1)
    assert today.model.data(today.model.index(0, 3)) == "Checked in"

    # A walk-in known only by name: Start opens the wizard on the name, not on an empty search.
    drive.type_into(panel.walk_in_name, "Tom Baker")
    drive.click(panel.walk_in_button)
    drive.wait_for(lambda: panel.waiting_model.rowCount() == 2)
    tom = next(i for i in range(panel.waiting_model.rowCount()) if panel.waiting_model.row_at(i).name == "Tom Baker")
    panel.waiting_table.selectRow(tom)
    drive.click(panel.start_button)
    drive.wait_for(lambda: window.wizard is not None, message="the wizard did not open")
    wizard = window.wizard
    find = wizard.steps["find"]
    assert wizard.current_step == "find" and find.search.search_edit.text() == "Tom Baker"
    assert find.form.values().get("first_name") == "Tom" and find.form.values().get("last_name") == "Baker"

    # Pause: Today says paused, not that the app was closed.
    drive.click(wizard.pause_button)
    drive.wait_for(lambda: window.current_page_key() == "today" if hasattr(window, "current_page_key") else True)
    today.refresh()
    drive.wait_for(lambda: today.resume_list.count() == 1)
    assert "paused at" in today.resume_list.item(0).text()
    assert "paused" in today.resume_banner.text() and "app was closed" not in today.resume_banner.text()
    # She is called in at last: "In appointment" on the Calendar.
    ana_entry = next(r for r in out.front_desk.waiting() if r.booked_appointment_id == booked.appointment_id)
    out.front_desk.start(ana_entry.id)
    assert out.scheduling.get(booked.appointment_id).day_status == DayStatus.IN_APPOINTMENT
    clock.now += timedelta(hours=1)


def test_today_says_not_confirmed_for_an_appointment_whose_booking_the_server_refused(window: Any, desk: Any,
                                                                                      clock: Clock) -> None:
    """The appointment came from another desk without its booking (the server refused the booking: the
    counselor was booked at that time elsewhere): Today does not list it as an ordinary booked appointment."""
    from counselor_app.core.outreach_models import AppointmentBooking

    out = window.ctx._issue16_outreach
    ana_id = desk.job_seekers.search("Rivera")[0].id
    bruno_id = desk.job_seekers.search("Silva")[0].id
    kept = out.scheduling.book(local_start=datetime(2020, 10, 1, 9, 30), job_seeker_id=ana_id)
    refused = out.scheduling.book(local_start=datetime(2020, 10, 1, 11, 0), job_seeker_id=bruno_id)
    with desk.store.write() as session:  # as the feed leaves it at another desk: the appointment alone
        session.delete(session.get(AppointmentBooking, refused.appointment_id))
    window.go_to("today")
    today = window.page("today")
    today.refresh()
    drive.wait_for(lambda: today.model.rowCount() == 2)
    texts = {today.model.row_at(i).id: today.model.data(today.model.index(i, 3)) for i in range(2)}
    assert texts[kept.appointment_id] == "Booked"
    assert texts[refused.appointment_id].startswith("Not confirmed: double-booked")
