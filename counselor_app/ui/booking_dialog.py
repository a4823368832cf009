"""Book an appointment: date and time in the center's time zone, length, how it is held, with which counselor.

The booking is made in the background; a conflict with the counselor's other bookings (or a time the clocks skip)
is shown in the dialog, which stays open so the counselor can pick another time. The confirmation e-mail (with its
.ics) goes after the booking is saved, in the person's language, when a mail server is set up.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.models import User
from counselor_app.core.scheduling import BookingMode, BookingRow
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.labels import clock_format
from counselor_app.ui.operations import NETWORK, error_message
from counselor_app.ui.outreach_context import outreach_of
from counselor_app.ui.outreach_table_models import mode_label
from counselor_app.ui.widgets import error_label, paragraph


class BookingDialog(QDialog):
    def __init__(self, ctx: AppContext, *, name: str, job_seeker_id: str | None = None,
                 contact_id: str | None = None, day: date | None = None, at: time | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.out = outreach_of(ctx)
        self.job_seeker_id = job_seeker_id
        self.contact_id = contact_id
        self.booked: BookingRow | None = None
        self.setWindowTitle(self.tr("Book an appointment"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr("Appointment for <b>{name}</b>. Times are in the center's time zone "
                                           "({zone}).").format(name=name, zone=self.out.scheduling.zone.key),
                                   self, rich=True))
        form = QFormLayout()
        now = self.out.scheduling.now_local()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("booking_date")
        self.date_edit.setCalendarPopup(True)
        start_day = day or now.date()
        self.date_edit.setDate(QDate(start_day.year, start_day.month, start_day.day))
        form.addRow(self.tr("&Date"), self.date_edit)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("booking_time")
        self.time_edit.setDisplayFormat(clock_format())
        start = at or time(10, 0)
        self.time_edit.setTime(QTime(start.hour, start.minute))
        form.addRow(self.tr("&Time"), self.time_edit)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("booking_minutes")
        self.minutes.setRange(15, 240)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        form.addRow(self.tr("&Length"), self.minutes)
        self.mode = QComboBox(self)
        self.mode.setObjectName("booking_mode")
        for mode in BookingMode:
            self.mode.addItem(mode_label(mode), str(mode))
        form.addRow(self.tr("&How"), self.mode)
        self.counselor = QComboBox(self)
        self.counselor.setObjectName("booking_counselor")
        with ctx.desk.store.read() as session:
            users = list(session.execute(select(User.id, User.display_name).order_by(User.display_name)))
        for uid, display in users:
            self.counselor.addItem(display, uid)
        self.counselor.setCurrentIndex(max(0, self.counselor.findData(ctx.desk.actor.user_id)))
        form.addRow(self.tr("&Counselor"), self.counselor)
        self.place = QLineEdit(ctx.desk.actor.center_name, self)
        self.place.setObjectName("booking_place")
        form.addRow(self.tr("&Place"), self.place)
        self.confirm = QCheckBox(self.tr("E-mail a confirmation with a calendar invitation"), self)
        self.confirm.setObjectName("booking_confirm")
        self.confirm.setChecked(self.out.mail is not None)
        self.confirm.setEnabled(self.out.mail is not None)
        if self.out.mail is None:
            self.confirm.setToolTip(self.tr("Set up the mail server in Settings to send confirmations."))
        form.addRow("", self.confirm)
        layout.addLayout(form)
        self.error = error_label(self)
        self.error.setObjectName("booking_error")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Book"))
        self.buttons.accepted.connect(self.book)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def local_start(self) -> datetime:
        d, t = self.date_edit.date(), self.time_edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def book(self) -> None:
        self.error.setVisible(False)
        self.buttons.setEnabled(False)
        scheduling = self.out.scheduling
        params: dict[str, Any] = dict(
            local_start=self.local_start(), minutes=self.minutes.value(), mode=self.mode.currentData(),
            counselor_id=self.counselor.currentData(), job_seeker_id=self.job_seeker_id,
            contact_id=self.contact_id, place_name=self.place.text().strip() or None)

        def failed(exc: BaseException) -> None:
            self.error.setText(error_message(exc))
            self.error.setVisible(True)

        def done(row: BookingRow) -> None:
            self.booked = row
            if self.confirm.isChecked() and row.email and self.out.mail is not None:
                mail = self.out.mail

                def send() -> bool:
                    return scheduling.send_confirmation(row.appointment_id, mail, from_address=self.out.from_address)

                owner = self.parent()
                op = self.ctx.collection_op(owner if isinstance(owner, QWidget) else None, send)
                op.on_executor(NETWORK).run_in_background()
            self.accept()

        (self.ctx.collection_op(self, lambda: scheduling.book(**params),
                                success=done)
         .failure(failed).finally_(lambda: self.buttons.setEnabled(True)).run_in_background())


__all__ = ["BookingDialog", "CounselorDeskError"]
