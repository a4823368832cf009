"""The calendar: bookings by day or week, per counselor, in the center's time zone.

From here a counselor books someone, checks in a booked person who has arrived, records a no-show or cancels,
and sends the reminders due for tomorrow's appointments.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.scheduling import BookingRow
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.booking_dialog import BookingDialog
from counselor_app.ui.operations import NETWORK
from counselor_app.ui.outreach_context import outreach_of
from counselor_app.ui.outreach_table_models import BookingTableModel, WeekGridModel
from counselor_app.ui.widgets import banner, button, heading, make_primary


class CalendarPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.out = outreach_of(ctx)
        self.day = self.out.scheduling.now_local().date()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Calendar"), self))

        nav = QHBoxLayout()
        self.prev_button = button(self.tr("◀ &Previous"), self, shortcut="Alt+PgUp")
        self.prev_button.clicked.connect(lambda: self._move(-1))
        self.today_button = button(self.tr("T&oday"), self)
        self.today_button.clicked.connect(self._go_today)
        self.next_button = button(self.tr("N&ext ▶"), self, shortcut="Alt+PgDown")
        self.next_button.clicked.connect(lambda: self._move(1))
        self.date_label = QLabel(self)
        self.date_label.setObjectName("calendar_date")
        font = self.date_label.font()
        font.setBold(True)
        self.date_label.setFont(font)
        self.view_combo = QComboBox(self)
        self.view_combo.setObjectName("calendar_view")
        self.view_combo.addItem(self.tr("Day"), "day")
        self.view_combo.addItem(self.tr("Week"), "week")
        self.view_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.counselor_combo = QComboBox(self)
        self.counselor_combo.setObjectName("calendar_counselor")
        self.counselor_combo.addItem(self.tr("All counselors"), None)
        for uid, key, name in self.out.scheduling.counselors():  # this desk's, and those other desks booked
            self.counselor_combo.addItem(name, (uid, key))
        self.counselor_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for w in (self.prev_button, self.today_button, self.next_button, self.date_label):
            nav.addWidget(w)
        nav.addStretch(1)
        view_label = QLabel(self.tr("&View:"), self)
        view_label.setBuddy(self.view_combo)
        counselor_label = QLabel(self.tr("Co&unselor:"), self)
        counselor_label.setBuddy(self.counselor_combo)
        nav.addWidget(view_label)
        nav.addWidget(self.view_combo)
        nav.addWidget(counselor_label)
        nav.addWidget(self.counselor_combo)
        layout.addLayout(nav)

        self.stack = QStackedWidget(self)
        self.day_model = BookingTableModel(self)
        self.day_table = QTableView(self.stack)
        self.day_table.setObjectName("day_table")
        self.day_table.setModel(self.day_model)
        self.day_table.setAccessibleName(self.tr("Bookings of the day"))
        for table in (self.day_table,):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.week_model = WeekGridModel(self)
        self.week_table = QTableView(self.stack)
        self.week_table.setObjectName("week_table")
        self.week_table.setModel(self.week_model)
        self.week_table.setAccessibleName(self.tr("Bookings of the week"))
        self.week_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.week_table.setWordWrap(True)
        self.week_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.day_table.doubleClicked.connect(self._day_activated)
        self.day_table.activated.connect(self._day_activated)
        self.week_table.doubleClicked.connect(self._week_activated)
        self.week_table.activated.connect(self._week_activated)
        self.week_table.setToolTip(self.tr("Double-click an empty half hour to book it, or a booking to open it."))
        self.day_table.setToolTip(self.tr("Double-click a booking to move it, cancel it or check the person in."))
        self.last_dialog: BookingDialog | None = None
        self.stack.addWidget(self.day_table)
        self.stack.addWidget(self.week_table)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.book_button = make_primary(button(self.tr("&Book an appointment…"), self, shortcut="Ctrl+B"))
        self.book_button.setObjectName("calendar_book")
        self.book_button.clicked.connect(lambda: self._book())
        self.check_in_button = button(self.tr("&Arrived: check in"), self)
        self.check_in_button.setObjectName("calendar_check_in")
        self.check_in_button.clicked.connect(self._check_in)
        self.no_show_button = button(self.tr("Did &not come"), self)
        self.no_show_button.setObjectName("calendar_no_show")
        self.no_show_button.clicked.connect(self._no_show)
        self.cancel_button = button(self.tr("&Cancel the booking"), self)
        self.cancel_button.setObjectName("calendar_cancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.remind_button = button(self.tr("Send tomorrow's &reminders"), self)
        self.remind_button.setObjectName("calendar_remind")
        self.remind_button.clicked.connect(self._remind)
        self.remind_button.setEnabled(self.out.mail is not None)
        for w in (self.book_button, self.check_in_button, self.no_show_button, self.cancel_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.remind_button)
        layout.addLayout(actions)
        self.notice = banner(self, kind="info")
        self.notice.setObjectName("calendar_notice")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self.refresh()

    def page_shown(self) -> None:
        self.refresh()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches("appointments", "outreach", "sync"):
            self.refresh()

    def _move(self, step: int) -> None:
        self.day += timedelta(days=step * (7 if self.view_combo.currentData() == "week" else 1))
        self.refresh()

    def _go_today(self) -> None:
        self.day = self.out.scheduling.now_local().date()
        self.refresh()

    def show_day(self, day: date, *, week: bool = False) -> None:
        self.day = day
        self.view_combo.setCurrentIndex(1 if week else 0)
        self.refresh()

    def refresh(self) -> None:
        week = self.view_combo.currentData() == "week"
        day = self.day
        uid, key = self.counselor_combo.currentData() or (None, None)
        scheduling = self.out.scheduling
        if week:
            monday = day - timedelta(days=day.weekday())
            self.date_label.setText(self.tr("Week of {date}").format(date=f"{monday:%Y-%m-%d}"))
        else:
            self.date_label.setText(f"{day:%A, %Y-%m-%d}")
        self.stack.setCurrentIndex(1 if week else 0)
        for btn in (self.check_in_button, self.no_show_button, self.cancel_button):
            btn.setEnabled(not week)  # they act on the booking selected in the day view

        def work() -> Any:
            if week:
                return scheduling.week(day, counselor_id=uid, counselor_key=key)
            return scheduling.day(day, counselor_id=uid, counselor_key=key)

        def show(result: Any) -> None:
            if week:
                self.week_model.set_week(result)
            else:
                self.day_model.set_rows(result)

        self.ctx.query(self, work, show).latest_only(f"calendar.{id(self)}").run_in_background()

    def selected(self) -> BookingRow | None:
        index = self.day_table.currentIndex()
        return self.day_model.row_at(index.row()) if index.isValid() else None

    def _book(self, *, day: date | None = None, at: time | None = None) -> None:
        """The booking dialog (whom for is searched in it), for the chosen counselor when one is shown."""
        _uid, key = self.counselor_combo.currentData() or (None, None)
        self.open_dialog(BookingDialog(self.ctx, day=day or self.day, at=at, counselor_key=key, parent=self))

    def open_dialog(self, dialog: BookingDialog) -> None:
        """Show a booking dialog (tests drive it themselves through ``dialog_opened``)."""
        self.last_dialog = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    def open_booking(self, row: BookingRow) -> None:
        """Open a booking: move it, cancel it, record a no-show or check the person in."""
        self.open_dialog(BookingDialog(self.ctx, booking=row, parent=self))

    def _day_activated(self, index: Any) -> None:
        row = self.day_model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.open_booking(row)

    def _week_activated(self, index: Any) -> None:
        if not index.isValid():
            return
        rows = self.week_model.bookings_at(index.row(), index.column())
        if rows:
            self.open_booking(rows[0])
            return
        slot = self.week_model.slot_at(index.row(), index.column())
        if slot is not None:
            self._book(day=slot[0], at=slot[1])

    def _check_in(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.collection_op(self, lambda: self.out.front_desk.check_in(appointment_id=row.appointment_id)).run_in_background()

    def _no_show(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.collection_op(self, lambda: self.out.scheduling.record_no_show(row.appointment_id)).run_in_background()

    def _cancel(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.collection_op(self, lambda: self.out.scheduling.cancel(row.appointment_id)).run_in_background()

    def _remind(self) -> None:
        mail = self.out.mail
        if mail is None:
            return

        def done(result: tuple[int, int]) -> None:
            self.notice.setText(self.tr(
                "{sent} reminders sent; {failed} could not be sent and will be tried again.").format(
                    sent=result[0], failed=result[1]))
            self.notice.setVisible(True)

        self.ctx.collection_op(self, lambda: self.out.scheduling.send_due_reminders(
            mail, from_address=self.out.from_address), success=done) \
            .on_executor(NETWORK).run_in_background()
