"""The front desk on the Today page: who is waiting and for how long, who booked is due, and calling them in.

A self-contained widget the Today page adds. Starting someone's appointment takes them off the list and opens
the appointment wizard on it (``AppEvents.resume_appointment``). The waits tick every 30 seconds.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.operations import NETWORK
from counselor_app.ui.outreach_context import outreach_of
from counselor_app.ui.outreach_table_models import BookingTableModel, WaitingTableModel
from counselor_app.ui.widgets import button, list_table, make_primary, paragraph

log = logging.getLogger(__name__)
REMINDER_CHECK_MS = 15 * 60 * 1000



class FrontDeskPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Front desk"))
        self.setObjectName("front_desk")
        self.ctx = ctx
        self.out = outreach_of(ctx)
        layout = QVBoxLayout(self)
        tables = QHBoxLayout()

        left = QVBoxLayout()
        self.waiting_label = paragraph("", self, rich=True)
        left.addWidget(self.waiting_label)
        self.waiting_model = WaitingTableModel(self)
        self.waiting_table = list_table(self, "waiting_table", self.waiting_model, accessible=self.tr("Waiting list"))
        self.waiting_table.setMinimumHeight(60)  # Today fits a 1280x720 screen with the wizard open
        left.addWidget(self.waiting_table)
        wrow = QHBoxLayout()
        self.start_button = make_primary(button(self.tr("&Start the appointment"), self))
        self.start_button.setObjectName("start_waiting")
        self.start_button.clicked.connect(self._start)
        self.left_button = button(self.tr("L&eft without being seen"), self)
        self.left_button.setObjectName("left_unseen")
        self.left_button.clicked.connect(self._left)
        wrow.addWidget(self.start_button)
        wrow.addWidget(self.left_button)
        wrow.addStretch(1)
        left.addLayout(wrow)
        tables.addLayout(left, 3)

        right = QVBoxLayout()
        self.due_label = paragraph("", self, rich=True)
        right.addWidget(self.due_label)
        self.due_model = BookingTableModel(self)
        self.due_table = list_table(self, "due_table", self.due_model, accessible=self.tr("Booked and due today"))
        self.due_table.setMinimumHeight(60)  # Today fits a 1280x720 screen with the wizard open
        right.addWidget(self.due_table)
        drow = QHBoxLayout()
        self.check_in_button = button(self.tr("Arrived: &check in"), self)
        self.check_in_button.setObjectName("check_in_booked")
        self.check_in_button.clicked.connect(self._check_in_booked)
        drow.addWidget(self.check_in_button)
        drow.addStretch(1)
        right.addLayout(drow)
        tables.addLayout(right, 3)
        layout.addLayout(tables)

        walk = QHBoxLayout()
        self.walk_in_name = QLineEdit(self)
        self.walk_in_name.setObjectName("walk_in_name")
        self.walk_in_name.setPlaceholderText(self.tr("Name of a walk-in who just arrived"))
        self.walk_in_name.setAccessibleName(self.tr("Walk-in's name"))
        self.walk_in_name.returnPressed.connect(self._check_in_walk_in)
        self.walk_in_button = button(self.tr("Check in the wal&k-in"), self)
        self.walk_in_button.setObjectName("check_in_walk_in")
        self.walk_in_button.clicked.connect(self._check_in_walk_in)
        walk.addWidget(self.walk_in_name, 1)
        walk.addWidget(self.walk_in_button)
        self.figures_label = paragraph("", self)
        self.figures_label.setObjectName("front_desk_figures")
        walk.addWidget(self.figures_label, 2)
        layout.addLayout(walk)

        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        # Day-before reminders go out on their own while the app is open (each once: the booking records it).
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_CHECK_MS)
        self.reminder_timer.timeout.connect(self.send_due_reminders)
        if self.out.mail is not None:
            self.reminder_timer.start()
            QTimer.singleShot(5_000, self.send_due_reminders)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self.refresh()

    def send_due_reminders(self) -> None:
        mail = self.out.mail
        if mail is None:
            return
        scheduling = self.out.scheduling
        self.ctx.collection_op(self, lambda: scheduling.send_due_reminders(mail, from_address=self.out.from_address)).on_executor(NETWORK).latest_only(f"reminders.{id(self)}") \
            .failure(lambda exc: log.warning("reminders not sent: %s", type(exc).__name__)).run_in_background()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches("outreach", "appointments", "sync"):
            self.refresh()

    def refresh(self) -> None:
        out = self.out

        def work() -> Any:
            today: date = out.scheduling.now_local().date()
            return out.front_desk.waiting(), out.scheduling.due_today(), out.front_desk.wait_and_service(today, today)

        self.ctx.query(self, work, self._show).latest_only(f"front_desk.{id(self)}").run_in_background()

    def _show(self, result: Any) -> None:
        waiting, due, figures = result
        self.waiting_model.set_rows(waiting)
        self.due_model.set_rows(due)
        self.waiting_label.setText(self.tr("<b>Waiting</b> — %n person(s)", "", len(waiting)))
        self.due_label.setText(self.tr("<b>Booked, still to come today</b> — %n", "", len(due)))
        if figures.seen:
            self.figures_label.setText(self.tr("Today: {seen} called in, median wait {wait:.0f} min").format(
                seen=figures.seen, wait=figures.median_wait_min or 0))
        else:
            self.figures_label.setText("")
        self.start_button.setEnabled(bool(waiting))
        self.left_button.setEnabled(bool(waiting))
        self.check_in_button.setEnabled(bool(due))
        if waiting and not self.waiting_table.currentIndex().isValid():
            self.waiting_table.selectRow(0)
        if due and not self.due_table.currentIndex().isValid():
            self.due_table.selectRow(0)

    def _selected(self, table: QTableView, model: Any) -> Any:
        index = table.currentIndex()
        return model.row_at(index.row() if index.isValid() else 0)

    def _check_in_walk_in(self) -> None:
        name = self.walk_in_name.text()
        if not name.strip():
            self.walk_in_name.setFocus()
            return
        self.ctx.collection_op(self, lambda: self.out.front_desk.check_in(name=name),
                               success=lambda _r: self.walk_in_name.clear()).run_in_background()

    def _check_in_booked(self) -> None:
        row = self._selected(self.due_table, self.due_model)
        if row is not None:
            self.ctx.collection_op(self, lambda: self.out.front_desk.check_in(appointment_id=row.appointment_id)).run_in_background()

    def _start(self) -> None:
        row = self._selected(self.waiting_table, self.waiting_model)
        if row is None:
            return

        def opened(started: Any) -> None:  # Saved[Appointment]
            self.ctx.events.resume_appointment.emit(started.record.id)

        self.ctx.collection_op(self, lambda: self.out.front_desk.start(row.id),
                               success=opened).run_in_background()

    def _left(self) -> None:
        row = self._selected(self.waiting_table, self.waiting_model)
        if row is not None:
            self.ctx.collection_op(self, lambda: self.out.front_desk.left_unseen(row.id)).run_in_background()
