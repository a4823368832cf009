"""Table models of the outreach pages: a campaign's people, partner referrals, bookings, the waiting list.

Rows stay the core's typed rows; words (statuses, modes, reasons) are chosen here, translated, when shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from counselor_app.core.campaigns import ContactRow, ContactStatus
from counselor_app.core.front_desk import WaitingRow
from counselor_app.core.partner_referrals import ReferralRow
from counselor_app.core.scheduling import BookingRow
from counselor_app.ui.labels import format_clock
from counselor_app.ui.row_table_model import RowTableModel, TableColumn

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def contact_status_label(status: str) -> str:
    return {"new": QCoreApplication.translate("Outreach", "Not contacted"),
            "no_answer": QCoreApplication.translate("Outreach", "No answer"),
            "left_message": QCoreApplication.translate("Outreach", "Left a message"),
            "emailed": QCoreApplication.translate("Outreach", "E-mailed"),
            "reached": QCoreApplication.translate("Outreach", "Reached"),
            "declined": QCoreApplication.translate("Outreach", "Declined"),
            "booked": QCoreApplication.translate("Outreach", "Appointment set")}.get(status, status)


def decline_reason_label(reason: str | None) -> str:
    return {"employed": QCoreApplication.translate("Outreach", "Found a job"),
            "not_interested": QCoreApplication.translate("Outreach", "Not interested"),
            "no_time": QCoreApplication.translate("Outreach", "No time now"),
            "no_computer": QCoreApplication.translate("Outreach", "No computer or internet"),
            "moved": QCoreApplication.translate("Outreach", "Moved away"),
            "wrong_contact": QCoreApplication.translate("Outreach", "Wrong phone or e-mail"),
            "do_not_contact": QCoreApplication.translate("Outreach", "Asked not to be contacted"),
            "other": QCoreApplication.translate("Outreach", "Other reason")}.get(reason or "", reason or "")


def mode_label(mode: str) -> str:
    return {"in_person": QCoreApplication.translate("Outreach", "In person"),
            "outreach_event": QCoreApplication.translate("Outreach", "Outreach event"),
            "phone": QCoreApplication.translate("Outreach", "Phone"),
            "video": QCoreApplication.translate("Outreach", "Video")}.get(mode, mode)


def day_status_label(status: str) -> str:
    """The one vocabulary of a booking's day, on the Today page and the Calendar alike."""
    return {"booked": QCoreApplication.translate("Outreach", "Booked"),
            "checked_in": QCoreApplication.translate("Outreach", "Checked in"),
            "in_appointment": QCoreApplication.translate("Outreach", "In appointment"),
            "served": QCoreApplication.translate("Outreach", "Served"),
            "no_show": QCoreApplication.translate("Outreach", "No-show"),
            "cancelled": QCoreApplication.translate("Outreach", "Cancelled")}.get(status, status)


def booking_status_text(row: BookingRow) -> str:
    text = day_status_label(row.day_status)
    if row.double_booked:
        text += " — " + QCoreApplication.translate("Outreach", "double-booked: the counselor has another "
                                                   "appointment at this time")
    return text


def _week_text(r: BookingRow) -> str:
    """A booking in a week cell: time, name, how, and the day's status once it is not just "booked"."""
    text = f"{clock_time(r.starts_local)} {r.name} ({mode_label(r.mode)})"
    if r.day_status != "booked":
        text += f" · {day_status_label(r.day_status)}"
    if r.double_booked:
        text = "⚠ " + text
    return text


def referral_status_label(status: str) -> str:
    return {"submitted": QCoreApplication.translate("Outreach", "New"),
            "accepted": QCoreApplication.translate("Outreach", "Accepted"),
            "booked": QCoreApplication.translate("Outreach", "Appointment set"),
            "served": QCoreApplication.translate("Outreach", "Served"),
            "declined": QCoreApplication.translate("Outreach", "Declined")}.get(status, status)


def language_label(code: str) -> str:
    return {"en": QCoreApplication.translate("Outreach", "English"),
            "es": QCoreApplication.translate("Outreach", "Spanish"),
            "pt": QCoreApplication.translate("Outreach", "Portuguese"),
            "zh": QCoreApplication.translate("Outreach", "Chinese"),
            "ht": QCoreApplication.translate("Outreach", "Haitian Creole"),
            "vi": QCoreApplication.translate("Outreach", "Vietnamese"),
            "ru": QCoreApplication.translate("Outreach", "Russian"),
            "ar": QCoreApplication.translate("Outreach", "Arabic"),
            "fr": QCoreApplication.translate("Outreach", "French"),
            "ko": QCoreApplication.translate("Outreach", "Korean"),
            "tl": QCoreApplication.translate("Outreach", "Tagalog"),
            "pl": QCoreApplication.translate("Outreach", "Polish")}.get(code, code)


def clock_time(value: datetime | None) -> str:
    return format_clock(value)


def minutes_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("Outreach", "{n} min").format(n=minutes)
    return QCoreApplication.translate("Outreach", "{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


def _status_text(row: ContactRow) -> str:
    text = contact_status_label(row.status)
    if row.status == ContactStatus.DECLINED and row.decline_reason:
        text += f" — {decline_reason_label(row.decline_reason)}"
    return text


def _claim_text(row: ContactRow, now: datetime) -> str:
    if row.claimed_by and row.claim_expires_at and row.claim_expires_at > now:
        return row.claimed_by
    return ""


class ContactTableModel(RowTableModel[ContactRow]):
    COL_NAME, COL_PHONE, COL_EMAIL, COL_LANGUAGE, COL_STATUS, COL_ATTEMPTS, COL_CLAIM = range(7)

    def __init__(self, parent: Any = None) -> None:
        self.now = datetime.min
        super().__init__((
            TableColumn(QCoreApplication.translate("Outreach", "Name"),
                        _name_text, tooltip=_name_tooltip),
            TableColumn(QCoreApplication.translate("Outreach", "Phone"), lambda r: format_phone(r.phone)),
            TableColumn(QCoreApplication.translate("Outreach", "E-mail"), lambda r: r.email or ""),
            TableColumn(QCoreApplication.translate("Outreach", "Language"),
                        lambda r: language_label(r.language)),
            TableColumn(QCoreApplication.translate("Outreach", "Status"), _status_text),
            TableColumn(QCoreApplication.translate("Outreach", "Attempts"), attrgetter("attempts"),
                        alignment=Qt.AlignmentFlag.AlignCenter),
            TableColumn(QCoreApplication.translate("Outreach", "Being worked by"),
                        lambda r: _claim_text(r, self.now)),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


def possible_match_text(row: ContactRow) -> str:
    """The flag on a list row that only looks like a local job seeker (same phone, near name): not linked."""
    if row.job_seeker_id or not row.possible_match_name:
        return ""
    return QCoreApplication.translate("Outreach", "possible match: {name}").format(name=row.possible_match_name)


def _name_text(row: ContactRow) -> str:
    flag = possible_match_text(row)
    return row.name + ("" if row.job_seeker_id else " *") + (f" ({flag})" if flag else "")


def _name_tooltip(row: ContactRow) -> str:
    if row.job_seeker_id:
        return QCoreApplication.translate("Outreach", "Registered job seeker")
    if row.possible_match_name:
        return QCoreApplication.translate(
            "Outreach", "Prospect who may be the registered job seeker {name} (same phone or a similar name): "
            "confirm or reject the match before booking").format(name=row.possible_match_name)
    return QCoreApplication.translate("Outreach", "Prospect: not registered on this desk yet")


def format_phone(digits: str | None) -> str:
    if digits and len(digits) == 10 and digits.isdigit():
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return digits or ""


class ReferralTableModel(RowTableModel[ReferralRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("Outreach", "Referred"),
                        lambda r: f"{r.referred_at:%Y-%m-%d}"),
            TableColumn(QCoreApplication.translate("Outreach", "Partner"), attrgetter("organization")),
            TableColumn(QCoreApplication.translate("Outreach", "Name"), attrgetter("name")),
            TableColumn(QCoreApplication.translate("Outreach", "Reason"), attrgetter("reason"),
                        tooltip=attrgetter("reason")),
            TableColumn(QCoreApplication.translate("Outreach", "Next step"),
                        lambda r: QCoreApplication.translate("Outreach", "Register in the state's system")
                        if r.next_step else ""),
            TableColumn(QCoreApplication.translate("Outreach", "Status"),
                        lambda r: referral_status_label(r.status)),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


class BookingTableModel(RowTableModel[BookingRow]):
    def __init__(self, parent: Any = None, *, with_day: bool = False) -> None:
        columns = [
            TableColumn(QCoreApplication.translate("Outreach", "Time"), lambda r: f"{clock_time(r.starts_local)} – {clock_time(r.ends_local)} "
                        f"{r.starts_local.tzname()}"),
            TableColumn(QCoreApplication.translate("Outreach", "Job seeker"), attrgetter("name")),
            TableColumn(QCoreApplication.translate("Outreach", "How"), lambda r: mode_label(r.mode)),
            TableColumn(QCoreApplication.translate("Outreach", "Counselor"), attrgetter("counselor_name")),
            TableColumn(QCoreApplication.translate("Outreach", "Status"), booking_status_text),
        ]
        if with_day:
            columns.insert(0, TableColumn(QCoreApplication.translate("Outreach", "Day"), lambda r: f"{r.starts_local:%a %m/%d}"))
        super().__init__(columns, row_roles={ID_ROLE: attrgetter("appointment_id")}, parent=parent)


class WaitingTableModel(RowTableModel[WaitingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("Outreach", "Name"), attrgetter("name")),
            TableColumn(QCoreApplication.translate("Outreach", "Arrived"), lambda r: clock_time(r.arrived_local)),
            TableColumn(QCoreApplication.translate("Outreach", "Waiting"), lambda r: minutes_text(r.waited)),
            TableColumn(QCoreApplication.translate("Outreach", "Booked for"), lambda r: clock_time(r.booked_local) if r.booked_local
                        else QCoreApplication.translate("Outreach", "Walk-in")),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


class WeekGridModel(QAbstractTableModel):
    """A week as a grid: one column per day (Monday first), one row per half hour of the center's day; a cell
    lists who is booked to start in that half hour."""

    FIRST_HOUR = 8
    LAST_HOUR = 18

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[Any] = []
        self._cells: dict[tuple[int, int], list[BookingRow]] = {}
        self._first = self.FIRST_HOUR * 2
        self._last = self.LAST_HOUR * 2

    def set_week(self, week: dict[Any, list[BookingRow]]) -> None:
        self.beginResetModel()
        self._days = sorted(week)
        self._cells = {}
        first, last = self.FIRST_HOUR * 2, self.LAST_HOUR * 2
        for col, day in enumerate(self._days):
            for row in week[day]:
                slot = row.starts_local.hour * 2 + (1 if row.starts_local.minute >= 30 else 0)
                first, last = min(first, slot), max(last, slot + 1)
                self._cells.setdefault((slot, col), []).append(row)
        self._first, self._last = first, last
        self.endResetModel()

    def bookings_at(self, row: int, column: int) -> list[BookingRow]:
        return self._cells.get((self._first + row, column), [])

    def slot_at(self, row: int, column: int) -> tuple[Any, Any] | None:
        """(local date, local start time) of the half hour a cell stands for."""
        from datetime import time

        if not (0 <= column < len(self._days)) or row < 0:
            return None
        hour, half = divmod(self._first + row, 2)
        return self._days[column], time(hour % 24, 30 if half else 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._last - self._first

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._days)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rows = self.bookings_at(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(_week_text(r) for r in rows)
        if role == Qt.ItemDataRole.ToolTipRole and rows:
            return "\n".join(f"{clock_time(r.starts_local)}–{clock_time(r.ends_local)} {r.name}, "
                             f"{mode_label(r.mode)}, {r.counselor_name} — {booking_status_text(r)}"
                             for r in rows)
        if role == Qt.ItemDataRole.BackgroundRole and rows:
            from PySide6.QtGui import QColor

            return QColor("#dbeafe")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._days):
                day = self._days[section]
                names = (QCoreApplication.translate("Outreach", "Mon"), QCoreApplication.translate("Outreach", "Tue"), QCoreApplication.translate("Outreach", "Wed"), QCoreApplication.translate("Outreach", "Thu"), QCoreApplication.translate("Outreach", "Fri"), QCoreApplication.translate("Outreach", "Sat"), QCoreApplication.translate("Outreach", "Sun"))
                return f"{names[day.weekday()]} {day.month}/{day.day}"
            return None
        slot = self._first + section
        hour, half = divmod(slot, 2)
        return clock_time(datetime(2000, 1, 1, hour % 24, 30 if half else 0))
