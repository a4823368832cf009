"""Today: the first screen of the day. Start a walk-in, resume what was interrupted, see who is coming.

An interrupted appointment (app closed, crash, power cut) is shown first and in words, because the job seeker may
be sitting right there waiting for the counselor to pick up where they stopped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.scheduling import center_zone
from counselor_app.core.vocabulary import AppointmentStatus
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.appointment_table_model import (
    COL_DETAIL,
    AppointmentRow,
    AppointmentTableModel,
    format_time,
    step_label,
)
from counselor_app.ui.appointment_wizard import PAUSED_KEY
from counselor_app.ui.front_desk_panel import FrontDeskPanel
from counselor_app.ui.widgets import banner, button, heading, make_primary, paragraph


def _local(when: datetime | None, zone: Any = None) -> datetime | None:
    """The store keeps UTC; the counselor reads the center's local time (issue 16: the center's zone, not the
    computer's)."""
    if when is None:
        return None
    return when.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


class TodayPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.title = heading("", self)
        layout.addWidget(self.title)
        self.program_label = paragraph("", self)
        layout.addWidget(self.program_label)

        row = QHBoxLayout()
        # Ctrl+N belongs to the File menu's action (one shortcut, one owner); the tooltip names it.
        self.walk_in_button = button(self.tr("Start a &walk-in appointment (Ctrl+N)"), self,
                                     tooltip=self.tr("A job seeker is here: find or register them, check "
                                                     "eligibility, plan and issue the license (Ctrl+N)"),
                                     default=True)
        self.walk_in_button.setObjectName("start_walk_in")
        make_primary(self.walk_in_button)
        self.walk_in_button.clicked.connect(lambda: ctx.events.start_appointment.emit(""))
        row.addWidget(self.walk_in_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.resume_box = QGroupBox(self.tr("Unfinished appointments — pick up where you stopped"), self)
        rlayout = QVBoxLayout(self.resume_box)
        self.resume_banner = banner(self.resume_box, kind="warn")
        rlayout.addWidget(self.resume_banner)
        self.resume_list = QListWidget(self.resume_box)
        self.resume_list.setObjectName("unfinished_list")
        self.resume_list.setAccessibleName(self.tr("Unfinished appointments"))
        self.resume_list.setStyleSheet("QListWidget::item { padding: 4px; }")
        self.resume_list.itemActivated.connect(self._resume_item)
        self.resume_list.itemDoubleClicked.connect(self._resume_item)
        rlayout.addWidget(self.resume_list)
        rrow = QHBoxLayout()
        self.resume_button = make_primary(button(self.tr("&Resume the selected appointment"), self.resume_box,
                                                 shortcut="Ctrl+R"))
        self.resume_button.setObjectName("resume_appointment")
        self.resume_button.clicked.connect(self._resume_selected)
        rrow.addWidget(self.resume_button)
        rrow.addStretch(1)
        rlayout.addLayout(rrow)
        layout.addWidget(self.resume_box)
        self.resume_box.setVisible(False)

        # Issue 16: the waiting list and who booked is due (a self-contained widget).
        self.front_desk = FrontDeskPanel(ctx, self)
        layout.addWidget(self.front_desk, 1)

        self.day_box = QGroupBox(self.tr("Today's appointments"), self)
        dlayout = QVBoxLayout(self.day_box)
        self.model = AppointmentTableModel(self)
        self.table = QTableView(self.day_box)
        self.table.setObjectName("today_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Today's appointments"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_row)
        dlayout.addWidget(self.table)
        self.empty_label = QLabel(self.tr("No appointments yet today. Walk-ins appear here once started."),
                                  self.day_box)
        self.empty_label.setWordWrap(True)
        dlayout.addWidget(self.empty_label)
        layout.addWidget(self.day_box, 1)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self.unfinished: list[AppointmentRow] = []
        self.refresh()

    def page_shown(self) -> None:
        self.refresh()
        if self.resume_list.count():
            self.resume_list.setFocus()
        else:
            self.walk_in_button.setFocus()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches("appointments", "licenses", "job_seekers", "settings", "sync"):
            self.refresh()

    def refresh(self) -> None:
        desk = self.ctx.desk
        today = self.ctx.today()
        self.title.setText(self.tr("Today — {date}").format(date=labels.format_date(today)))
        program = desk.profile.program
        days_left = (program.issue_by - today).days
        if days_left >= 0:
            self.program_label.setText(self.tr(
                "{program}: licenses can be issued until {issue_by} ({days} days left); learners must enroll by "
                "{enroll_by} and finish by {complete_by}.").format(
                    program=program.name, issue_by=labels.format_date(program.issue_by), days=days_left,
                    enroll_by=labels.format_date(program.enroll_by),
                    complete_by=labels.format_date(program.complete_by)))
        else:
            self.program_label.setText(self.tr("{program}: the last day to issue licenses was {issue_by}.")
                                       .format(program=program.name,
                                               issue_by=labels.format_date(program.issue_by)))

        zone = center_zone(getattr(desk.settings, "center_time_zone", None))

        front_desk = self.front_desk.out.front_desk
        scheduling = self.front_desk.out.scheduling

        def work() -> tuple[list[AppointmentRow], list[AppointmentRow]]:
            names: dict[str, str] = {}

            def name_of(job_seeker_id: str | None) -> str:
                if not job_seeker_id:
                    return ""
                if job_seeker_id not in names:
                    try:
                        names[job_seeker_id] = desk.job_seekers.get(job_seeker_id).full_name
                    except Exception:  # noqa: BLE001 - a missing name must not hide the appointment
                        names[job_seeker_id] = ""
                return names[job_seeker_id]

            waiting_rows = front_desk.waiting()
            waiting = {r.booked_appointment_id for r in waiting_rows if r.booked_appointment_id}
            # A booked prospect (no job seeker record yet) is named as the front desk and Calendar name them.
            booked_names = {r.appointment_id: r.name for r in scheduling.day(today) if r.name}
            booked_names.update({r.booked_appointment_id: r.name for r in waiting_rows
                                 if r.booked_appointment_id and r.name})

            def as_row(appt: Any) -> AppointmentRow:
                return AppointmentRow(id=appt.id, when=_local(appt.started_at or appt.scheduled_at, zone),
                                      job_seeker_id=appt.job_seeker_id,
                                      name=name_of(appt.job_seeker_id) or booked_names.get(appt.id, ""),
                                      kind=appt.kind, status=appt.status, outcome=appt.outcome,
                                      step=appt.wizard_step, checked_in=appt.id in waiting,
                                      paused=bool((appt.wizard_state or {}).get(PAUSED_KEY)))

            day = [as_row(a) for a in desk.appointments.for_day(
                today, zone=getattr(desk.settings, "center_time_zone", None))]
            unconfirmed = self.front_desk.out.scheduling.unconfirmed([r.id for r in day])
            day = [replace(r, unconfirmed=True) if r.id in unconfirmed else r for r in day]
            unfinished = [as_row(a) for a in desk.appointments.unfinished()]
            return day, unfinished

        self.ctx.query(self, work, self._show).latest_only(f"today.{id(self)}").run_in_background()

    def _show(self, result: tuple[list[AppointmentRow], list[AppointmentRow]]) -> None:
        day, unfinished = result
        self.model.set_rows(day)
        self.table.setVisible(bool(day))
        self.empty_label.setVisible(not day)
        self.unfinished = unfinished
        self.resume_list.clear()
        for row in unfinished:
            who = row.name or self.tr("job seeker not chosen yet")
            when = format_time(row.when)
            if row.paused:
                text = self.tr("{who} — started {when} — paused at: {step}")
            else:
                text = self.tr("{who} — started {when} — stopped at: {step}")
            item = QListWidgetItem(text.format(who=who, when=when, step=step_label(row.step)))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.resume_list.addItem(item)
        rows = max(1, min(len(unfinished), 5))
        self.resume_list.setFixedHeight(self.resume_list.sizeHintForRow(0) * rows
                                        + 2 * self.resume_list.frameWidth() + 4 if unfinished else 0)
        if unfinished:
            self.resume_list.setCurrentRow(0)
            stopped = sum(1 for r in unfinished if not r.paused)
            if stopped:
                self.resume_banner.setText(self.tr(
                    "%n appointment(s) did not finish (the app was closed or the computer stopped). Everything "
                    "typed was saved: select one and press Resume.", "", stopped))
            else:
                self.resume_banner.setText(self.tr(
                    "%n appointment(s) paused. Everything typed was saved: select one and press Resume.", "",
                    len(unfinished)))
        self.resume_box.setVisible(bool(unfinished))

    def _resume_item(self, item: QListWidgetItem) -> None:
        self.ctx.events.resume_appointment.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _resume_selected(self) -> None:
        item = self.resume_list.currentItem()
        if item is not None:
            self._resume_item(item)

    def _open_row(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        if row.status == AppointmentStatus.IN_PROGRESS:
            self.ctx.events.resume_appointment.emit(row.id)
        elif row.job_seeker_id:
            self.ctx.events.open_job_seeker.emit(row.job_seeker_id)
