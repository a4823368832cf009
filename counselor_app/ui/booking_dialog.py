"""Book an appointment, or open one already booked: whom for (a search when the Calendar does not know yet),
the counselor, the date and time in the center's time zone, how it is held, how long, and notes.

While the counselor fills it in, the dialog asks the scheduling service whether the time is free for that
counselor (bookings made here and those the center's other desks shared) and says so under the time, before
anything is saved; a time the clocks skip is said there too. The booking itself is made in the background; a
conflict found only then (someone booked meanwhile) is shown in the dialog, which stays open. The confirmation
e-mail (with its .ics) goes after the booking is saved, in the person's language, when a mail server is set up.

Opened on an existing booking (``booking=``) it changes it (time, length, counselor, how it is held, place and
notes; same checks), cancels it, records a no-show or checks the person in.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.scheduling import BookingMode, BookingRow, DayStatus, NonexistentLocalTime
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.labels import clock_format
from counselor_app.ui.operations import NETWORK, error_message
from counselor_app.ui.outreach_context import outreach_of
from counselor_app.ui.outreach_table_models import clock_time, mode_label
from counselor_app.ui.widgets import button, error_label, paragraph

CHECK_DELAY_MS = 250


class BookingDialog(QDialog):
    def __init__(self, ctx: AppContext, *, name: str = "", job_seeker_id: str | None = None,
                 contact_id: str | None = None, day: date | None = None, at: time | None = None,
                 booking: BookingRow | None = None, counselor_key: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.out = outreach_of(ctx)
        self.existing = booking
        self.job_seeker_id = booking.job_seeker_id if booking else job_seeker_id
        self.contact_id = booking.contact_id if booking else contact_id
        self.booked: BookingRow | None = None
        self.conflict: BookingRow | None = None
        scheduling = self.out.scheduling
        self.setWindowTitle(self.tr("Booked appointment") if booking else self.tr("Book an appointment"))
        self.setObjectName("booking_dialog")
        layout = QVBoxLayout(self)
        zone = scheduling.zone.key
        self.person_label = paragraph("", self, rich=True)
        self.person_label.setObjectName("booking_person")
        layout.addWidget(self.person_label)

        form = QFormLayout()
        # Whom for: a search when nobody is chosen yet (the Calendar's "Book…" and a double-click on a slot).
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("booking_search")
        self.search_edit.setPlaceholderText(self.tr("Name, e-mail or phone"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("booking_results")
        self.results.setAccessibleName(self.tr("Job seekers found"))
        self.results.setMaximumHeight(110)
        self.results.currentItemChanged.connect(self._person_chosen)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(CHECK_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        choosing = self.job_seeker_id is None and self.contact_id is None
        if choosing:
            form.addRow(self.tr("&Whom for"), self.search_edit)
            form.addRow("", self.results)
        else:
            self.search_edit.setVisible(False)
            self.results.setVisible(False)
        self._name = booking.name if booking else name

        now = scheduling.now_local()
        start_day = booking.starts_local.date() if booking else (day or now.date())
        start_at = booking.starts_local.time() if booking else (at or time(10, 0))
        if booking is None and at is None:  # the next free half hour, never a time already past
            first = scheduling.next_free_start(day)
            start_day, start_at = first.date(), first.time()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("booking_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(start_day.year, start_day.month, start_day.day))
        form.addRow(self.tr("&Date"), self.date_edit)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("booking_time")
        self.time_edit.setDisplayFormat(clock_format())
        self.time_edit.setTime(QTime(start_at.hour, start_at.minute))
        self.zone_label = QLabel(self.tr("center's time ({zone})").format(zone=zone), self)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_edit)
        time_row.addWidget(self.zone_label, 1)
        time_label = QLabel(self.tr("&Time"), self)
        time_label.setBuddy(self.time_edit)
        form.addRow(time_label, time_row)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("booking_minutes")
        self.minutes.setRange(15, 240)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(int((booking.ends_at - booking.starts_at).total_seconds() // 60) if booking else 30)
        self.minutes.setSuffix(self.tr(" min"))
        form.addRow(self.tr("&Length"), self.minutes)
        self.mode = QComboBox(self)
        self.mode.setObjectName("booking_mode")
        for mode in BookingMode:
            self.mode.addItem(mode_label(mode), str(mode))
        if booking:
            self.mode.setCurrentIndex(max(0, self.mode.findData(str(booking.mode))))
        form.addRow(self.tr("&How"), self.mode)
        self.counselor = QComboBox(self)
        self.counselor.setObjectName("booking_counselor")
        for uid, key, display in scheduling.counselors():
            self.counselor.addItem(display, (uid, key))
        wanted = (booking.counselor_key if booking else counselor_key) or None
        index = -1
        for i in range(self.counselor.count()):
            uid, key = self.counselor.itemData(i)
            if (wanted and key == wanted) or (booking and booking.counselor_id and uid == booking.counselor_id):
                index = i
                break
            if not wanted and not booking and uid == ctx.desk.actor.user_id:
                index = i
        self.counselor.setCurrentIndex(max(0, index))
        form.addRow(self.tr("&Counselor"), self.counselor)
        self.place = QLineEdit((booking.place_name if booking else None) or ctx.desk.actor.center_name, self)
        self.place.setObjectName("booking_place")
        form.addRow(self.tr("&Place"), self.place)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("booking_notes")
        self.notes.setPlaceholderText(self.tr("What the appointment is about, what to bring"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        if booking:
            self.notes.setPlainText(booking.notes or "")
        form.addRow(self.tr("&Notes"), self.notes)
        self.confirm = QCheckBox(self.tr("E-mail a confirmation with a calendar invitation"), self)
        self.confirm.setObjectName("booking_confirm")
        self.confirm.setChecked(self.out.mail is not None and booking is None)
        self.confirm.setEnabled(self.out.mail is not None and booking is None)
        if self.out.mail is None:
            self.confirm.setToolTip(self.tr("Set up the mail server in Settings to send confirmations."))
        form.addRow("", self.confirm)
        layout.addLayout(form)

        # The time's check, said before saving.
        self.check_label = QLabel(self)
        self.check_label.setObjectName("booking_check")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.check_label)
        self.error = error_label(self)
        self.error.setObjectName("booking_error")
        layout.addWidget(self.error)

        if booking:  # what can be done to a booking that is already there
            actions = QHBoxLayout()
            self.arrived_button = button(self.tr("Arrived: check &in"), self)
            self.arrived_button.setObjectName("booking_arrived")
            self.arrived_button.clicked.connect(lambda: self._act("arrived"))
            self.no_show_button = button(self.tr("Did &not come"), self)
            self.no_show_button.setObjectName("booking_no_show")
            self.no_show_button.clicked.connect(lambda: self._act("no_show"))
            self.cancel_booking_button = button(self.tr("Cancel the &booking"), self)
            self.cancel_booking_button.setObjectName("booking_cancel")
            self.cancel_booking_button.clicked.connect(lambda: self._act("cancel"))
            open_to_change = booking.day_status == DayStatus.BOOKED
            for w in (self.arrived_button, self.no_show_button, self.cancel_booking_button):
                w.setEnabled(open_to_change)
                actions.addWidget(w)
            actions.addStretch(1)
            layout.addLayout(actions)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save changes") if booking else self.tr("&Book"))
        self.ok_button.setObjectName("booking_ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close") if booking
                                                                             else self.tr("Cancel"))
        self.buttons.accepted.connect(self.book)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if booking and booking.day_status != DayStatus.BOOKED:
            for field in (self.date_edit, self.time_edit, self.minutes, self.counselor, self.mode, self.place):
                field.setEnabled(False)
            self.notes.setReadOnly(True)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged, self.minutes.valueChanged,
                       self.counselor.currentIndexChanged):
            signal.connect(lambda *_a: self._check_timer.start())
        self._show_person()
        if choosing:
            self.search_edit.setFocus()
        self.check_now()

    # -- whom for -----------------------------------------------------------------------------------------------
    def _show_person(self) -> None:
        if self.existing is not None:
            b = self.existing
            from counselor_app.ui.outreach_table_models import booking_status_text

            self.person_label.setText(self.tr("<b>{name}</b> — {start} to {end}, {status}").format(
                name=_html(b.name), start=clock_time(b.starts_local), end=clock_time(b.ends_local),
                status=booking_status_text(b)))
        elif self._name:
            self.person_label.setText(self.tr("Appointment for <b>{name}</b>.").format(name=_html(self._name)))
        else:
            self.person_label.setText(self.tr("Find the person the appointment is for (register someone new on "
                                              "the Job seekers page)."))
        self._update_ok()

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            self.results.clear()
            return
        desk = self.ctx.desk

        def show(rows: Any) -> None:
            self.results.clear()
            for r in rows:
                contact = r.email or r.phone or ""
                item = QListWidgetItem(f"{r.full_name} — {contact}" if contact else r.full_name)
                item.setData(Qt.ItemDataRole.UserRole, (r.id, r.full_name))
                self.results.addItem(item)
            if not rows:
                item = QListWidgetItem(self.tr("Nobody matches. Register the person first (Job seekers)."))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.results.addItem(item)
            elif len(rows) == 1:
                self.results.setCurrentRow(0)

        self.ctx.query(self, lambda: desk.job_seekers.search(text, limit=20), show) \
            .latest_only(f"booking-search.{id(self)}").run_in_background()

    def _person_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not data:
            return
        self.job_seeker_id, self._name = data
        self._show_person()

    def choose_person(self, job_seeker_id: str, name: str) -> None:
        """For tests and callers that already know whom for."""
        self.job_seeker_id, self._name = job_seeker_id, name
        self._show_person()

    # -- the time's check ---------------------------------------------------------------------------------------
    def local_start(self) -> datetime:
        d, t = self.date_edit.date(), self.time_edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def _counselor(self) -> tuple[str | None, str | None]:
        data = self.counselor.currentData()
        return (data[0], data[1]) if data else (None, None)

    def check_now(self) -> None:
        """Ask, in the background, whether the time is free for the counselor; show the answer under it."""
        self._check_timer.stop()
        scheduling = self.out.scheduling
        uid, key = self._counselor()
        start, minutes = self.local_start(), self.minutes.value()
        ignore = self.existing.appointment_id if self.existing else None

        def work() -> Any:
            try:
                return scheduling.check(local_start=start, minutes=minutes, counselor_id=uid, counselor_key=key,
                                        ignore_id=ignore)
            except NonexistentLocalTime as exc:
                return exc

        self.ctx.query(self, work, self._show_check).latest_only(f"booking-check.{id(self)}").run_in_background()

    def _show_check(self, result: Any) -> None:
        self.conflict = result if isinstance(result, BookingRow) else None
        if isinstance(result, NonexistentLocalTime):
            self.check_label.setText(self.tr("{time} does not exist that day: the clocks jump forward. Choose "
                                             "another time.").format(time=self.time_edit.text()))
            self.check_label.setStyleSheet("color: #a61b1b;")
            self._skipped = True
        elif self.conflict is not None:
            c = self.conflict
            self.check_label.setText(self.tr(
                "Not free: {counselor} already has an appointment from {start} to {end} with {name}. Choose "
                "another time or another counselor.").format(
                    counselor=self.counselor.currentText(), start=clock_time(c.starts_local),
                    end=clock_time(c.ends_local), name=c.name or self.tr("someone")))
            self.check_label.setStyleSheet("color: #a61b1b;")
            self._skipped = False
        else:
            self.check_label.setText(self.tr("✓ {counselor} is free at this time.").format(
                counselor=self.counselor.currentText()))
            self.check_label.setStyleSheet("color: #1b6e2a;")
            self._skipped = False
        self._update_ok()

    def _update_ok(self) -> None:
        whom = self.job_seeker_id is not None or self.contact_id is not None
        blocked = self.conflict is not None or getattr(self, "_skipped", False)
        if self.existing is not None:
            can = self.existing.day_status == DayStatus.BOOKED and not blocked
        else:
            can = whom and not blocked
        self.ok_button.setEnabled(bool(can))

    # -- saving ---------------------------------------------------------------------------------------------
    def book(self) -> None:
        self.error.setVisible(False)
        self.buttons.setEnabled(False)
        scheduling = self.out.scheduling
        uid, key = self._counselor()
        existing = self.existing

        def failed(exc: BaseException) -> None:
            self.error.setText(error_message(exc))
            self.error.setVisible(True)
            self.check_now()

        if existing is not None:
            start, minutes = self.local_start(), self.minutes.value()
            mode, place, notes = self.mode.currentData(), self.place.text().strip(), self.notes.toPlainText().strip()
            (self.ctx.collection_op(self, lambda: scheduling.reschedule(
                existing.appointment_id, local_start=start, minutes=minutes, counselor_id=uid, counselor_key=key,
                mode=mode, place_name=place, notes=notes),
                success=self._saved)
             .failure(failed).finally_(lambda: self.buttons.setEnabled(True)).run_in_background())
            return
        params: dict[str, Any] = dict(
            local_start=self.local_start(), minutes=self.minutes.value(), mode=self.mode.currentData(),
            counselor_id=uid, counselor_key=key, job_seeker_id=self.job_seeker_id,
            contact_id=self.contact_id, place_name=self.place.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None)

        def done(row: BookingRow) -> None:
            if self.confirm.isChecked() and row.email and self.out.mail is not None:
                mail = self.out.mail

                def send() -> bool:
                    return scheduling.send_confirmation(row.appointment_id, mail, from_address=self.out.from_address)

                owner = self.parent()
                op = self.ctx.collection_op(owner if isinstance(owner, QWidget) else None, send)
                op.on_executor(NETWORK).run_in_background()
            self._saved(row)

        (self.ctx.collection_op(self, lambda: scheduling.book(**params), success=done)
         .failure(failed).finally_(lambda: self.buttons.setEnabled(True)).run_in_background())

    def _saved(self, row: BookingRow) -> None:
        self.booked = row
        self.accept()

    def _act(self, what: str) -> None:
        existing = self.existing
        if existing is None:
            return
        out = self.out
        work = {"arrived": lambda: out.front_desk.check_in(appointment_id=existing.appointment_id),
                "no_show": lambda: out.scheduling.record_no_show(existing.appointment_id),
                "cancel": lambda: out.scheduling.cancel(existing.appointment_id)}[what]

        def failed(exc: BaseException) -> None:
            self.error.setText(error_message(exc))
            self.error.setVisible(True)

        self.ctx.collection_op(self, work, success=lambda _r: self.accept()).failure(failed).run_in_background()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["BookingDialog", "CounselorDeskError"]
