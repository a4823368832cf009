"""The work before the appointment, walked through the screens: a supervisor imports a campaign, calls two people,
books one; she arrives, is checked in, her appointment is run and the license issued; the campaign figures and
the Today page follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from counselor_app.core.models import Appointment, LicenseIssuance
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.outreach_models import OutreachAttempt, WaitingEntry
from tests.ui import wizard_driver as drive

LIST = ("Customers served since March 2020\n"
        "First Name,Last Name,Email,Phone,Preferred Language\n"
        "Ana,Rivera,ana.rivera@example.org,617-555-0101,Spanish\n"
        "Bob,Chen,bob.chen@example.org,617-555-0102,English\n"
        "Dmitri,Ivanov,,617-555-0199,\n")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2020, 10, 1, 13, 0))  # 9:00 AM EDT on the Massachusetts program day


@pytest.fixture
def supervisor_window(qtbot: Any, desk: Any, make_ctx: Any, clock: Clock) -> Any:
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.outreach_context import set_outreach

    desk.actor = replace(desk.actor, role="supervisor")
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana.rivera@example.org",
                                     "preferred_language": "es", "zip_code": "02118",
                                     "employment_status": "unemployed"}).record
    ctx = make_ctx(desk)
    set_outreach(ctx, outreach_for(desk, clock=clock, mail=MemoryMailSender()))
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ana_id = ana.id
    return window


def _row_of(model: Any, name: str) -> int:
    for i in range(model.rowCount()):
        if model.row_at(i).name.startswith(name):
            return i
    raise AssertionError(f"{name} is not in the list")


def _book_in_dialog(hour: int, minute: int = 0) -> None:
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "booking_dialog" and hasattr(dialog, "time_edit")
    dialog.time_edit.setTime(QTime(hour, minute))
    drive.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_campaign_to_issued_license(supervisor_window: Any, desk: Any, clock: Clock, tmp_path: Any) -> None:
    window = supervisor_window
    outreach = window.ctx._issue16_outreach
    # 1. Import the campaign.
    path = tmp_path / "customers.csv"
    path.write_text(LIST, encoding="utf-8")
    window.go_to("outreach")
    page = window.page("outreach")
    page.import_file(path, "Served since March 2020", "customers served since March 2020")
    drive.wait_for(lambda: "3 people imported" in page.notice.text())
    assert "1 already registered here, 2 new prospects" in page.notice.text()
    assert page.campaign_combo.currentText() == "Served since March 2020"
    assert page.model.rowCount() == 3

    # 2. Call two people: Bob does not answer; Ana does, and books.
    page.table.selectRow(_row_of(page.model, "Bob"))
    drive.click(page.outcome_buttons["no_answer"])
    page.table.selectRow(_row_of(page.model, "Ana"))
    assert "Ana Rivera" in page.person.text()
    QTimer.singleShot(0, lambda: _book_in_dialog(10, 0))
    drive.click(page.book_button)
    drive.wait_for(lambda: "booked <b>1</b>" in page.figures.text())
    assert "called or e-mailed <b>2</b>" in page.figures.text() and "reached <b>1</b>" in page.figures.text()
    ana_row = page.model.row_at(_row_of(page.model, "Ana"))
    assert ana_row.status == "booked" and ana_row.job_seeker_id == window.ana_id
    assert [m["To"] for m in outreach.mail.sent if "confirmada" in m["Subject"]] == ["ana.rivera@example.org"]

    # The calendar shows her at 10:00 in the center's zone.
    window.go_to("calendar")
    calendar = window.page("calendar")
    calendar.show_day(clock.now.date())
    drive.wait_for(lambda: calendar.day_model.rowCount() == 1)
    assert calendar.day_model.row_at(0).starts_local.strftime("%H:%M %Z") == "10:00 EDT"

    # 3. She arrives at 9:55 and is checked in from the Today page.
    clock.now = datetime(2020, 10, 1, 13, 55)
    window.go_to("today")
    today = window.page("today")
    panel = today.front_desk
    panel.refresh()
    drive.wait_for(lambda: panel.due_model.rowCount() == 1)
    drive.type_into(panel.walk_in_name, "Tom Baker")
    drive.click(panel.walk_in_button)
    panel.due_table.selectRow(0)
    drive.click(panel.check_in_button)
    drive.wait_for(lambda: panel.waiting_model.rowCount() == 2)
    # Checked in: she is on the waiting list, no longer "still to come", and the calendar says so too.
    drive.wait_for(lambda: panel.due_model.rowCount() == 0)
    window.go_to("calendar")
    calendar.refresh()
    drive.wait_for(lambda: calendar.day_model.rowCount() == 1
                   and calendar.day_model.row_at(0).day_status == "checked_in")
    assert calendar.day_model.data(calendar.day_model.index(0, 4)) == "Checked in"
    window.go_to("today")
    clock.now += timedelta(minutes=7)
    panel.refresh()
    assert "2 person(s)" in panel.waiting_label.text() or "2 people" in panel.waiting_label.text()
    ana_wait = panel.waiting_model.row_at(_row_of(panel.waiting_model, "Ana"))
    assert ana_wait.waited == timedelta(minutes=7)

    # 4. Start her appointment: she leaves the list, the wizard opens on her booking.
    panel.waiting_table.selectRow(_row_of(panel.waiting_model, "Ana"))
    drive.click(panel.start_button)
    drive.wait_for(lambda: window.wizard is not None, message="the wizard did not open")
    wizard = window.wizard
    assert [r.name for r in panel.waiting_model._rows] == ["Tom Baker"]
    assert panel.due_model.rowCount() == 0
    drive.wait_for(lambda: wizard.current_step == "eligibility")

    # 5. Run the appointment and issue the license.
    drive.answer_eligible(wizard)
    drive.press_next(wizard)
    drive.press_next(wizard, expect_step="background")
    drive.wait_for(lambda: wizard.steps["background"]._loaded_for is not None)
    drive.fill_background(wizard)
    drive.press_next(wizard, expect_step="recommendations")
    assert drive.tick_first_recommendations(wizard, 1)
    drive.press_next(wizard, expect_step="plan")
    drive.wait_for(lambda: wizard.steps["plan"].plan is not None)
    drive.press_next(wizard, expect_step="license")
    lic = wizard.steps["license"]
    drive.wait_for(lambda: lic.email_label.text() == "ana.rivera@example.org")
    drive.click(lic.confirm)
    drive.press_next(wizard, expect_step="summary")
    assert "License issued" in wizard.steps["summary"].result.text()
    appointment_id = wizard.appointment_id
    drive.press_next(wizard)
    drive.wait_for(lambda: window.wizard is None, message="the wizard did not close")

    # 6. The figures and the Today page follow.
    window.go_to("outreach")
    page.refresh()
    drive.wait_for(lambda: "served <b>1</b>" in page.figures.text())
    assert "licensed <b>1</b>" in page.figures.text()
    window.go_to("today")
    today.refresh()
    drive.wait_for(lambda: today.model.rowCount() >= 1)
    names = [today.model.row_at(i).name for i in range(today.model.rowCount())]
    assert "Ana Rivera" in names
    panel.refresh()
    assert "1 called in" in panel.figures_label.text()
    with desk.store.read() as session:
        appt = session.get(Appointment, appointment_id)
        assert appt.status == "completed" and appt.kind == "scheduled"
        assert appt.job_seeker_id == window.ana_id
        assert session.scalar(select(LicenseIssuance.status).where(
            LicenseIssuance.job_seeker_id == window.ana_id)) == "issued"
        entry = session.scalars(select(WaitingEntry).where(WaitingEntry.job_seeker_id == window.ana_id)).one()
        assert entry.status == "started" and entry.started_at - entry.arrived_at == timedelta(minutes=7)
        assert len(session.scalars(select(OutreachAttempt)).all()) == 2


def test_the_front_desk_sends_due_reminders_by_itself(supervisor_window: Any, clock: Clock) -> None:
    window = supervisor_window
    outreach = window.ctx._issue16_outreach
    outreach.scheduling.book(local_start=datetime(2020, 10, 2, 10, 0), job_seeker_id=window.ana_id)
    panel = window.page("today").front_desk
    assert panel.reminder_timer.isActive()
    clock.now = datetime(2020, 10, 1, 12, 59)  # 8:59 AM EDT the day before: not yet
    panel.send_due_reminders()
    assert outreach.mail.sent == []
    clock.now = datetime(2020, 10, 1, 13, 5)
    panel.send_due_reminders()
    panel.send_due_reminders()
    assert [m["Subject"] for m in outreach.mail.sent] == ["Recordatorio: su cita de mañana en Boston Career Center"]
