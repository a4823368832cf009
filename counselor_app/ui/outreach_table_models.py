"""Table models of the outreach pages: a campaign's people, partner referrals, bookings, the waiting list.

Rows stay the core's typed rows; words (statuses, modes, reasons) are chosen here, translated, when shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from counselor_app.core.campaigns import ContactRow
from counselor_app.core.front_desk import WaitingRow
from counselor_app.core.partner_referrals import ReferralRow
from counselor_app.core.scheduling import BookingRow
from counselor_app.ui.row_table_model import RowTableModel, TableColumn

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("Outreach", text)


def contact_status_label(status: str) -> str:
    return {"new": _t("Not contacted"), "no_answer": _t("No answer"), "left_message": _t("Left a message"),
            "emailed": _t("E-mailed"), "reached": _t("Reached"), "declined": _t("Declined"),
            "booked": _t("Appointment set")}.get(status, status)


def decline_reason_label(reason: str | None) -> str:
    return {"employed": _t("Found a job"), "not_interested": _t("Not interested"), "no_time": _t("No time now"),
            "no_computer": _t("No computer or internet"), "moved": _t("Moved away"),
            "wrong_contact": _t("Wrong phone or e-mail"), "do_not_contact": _t("Asked not to be contacted"),
            "other": _t("Other reason")}.get(reason or "", reason or "")


def mode_label(mode: str) -> str:
    return {"in_person": _t("In person"), "outreach_event": _t("Outreach event"), "phone": _t("Phone"),
            "video": _t("Video")}.get(mode, mode)


def booking_status_label(status: str) -> str:
    return {"scheduled": _t("Booked"), "in_progress": _t("In progress"), "completed": _t("Held"),
            "cancelled": _t("Cancelled"), "no_show": _t("Did not come")}.get(status, status)


def referral_status_label(status: str) -> str:
    return {"submitted": _t("New"), "accepted": _t("Accepted"), "booked": _t("Appointment set"),
            "served": _t("Served"), "declined": _t("Declined")}.get(status, status)


def language_label(code: str) -> str:
    return {"en": _t("English"), "es": _t("Spanish"), "pt": _t("Portuguese"), "zh": _t("Chinese"),
            "ht": _t("Haitian Creole"), "vi": _t("Vietnamese"), "ru": _t("Russian"), "ar": _t("Arabic"),
            "fr": _t("French"), "ko": _t("Korean"), "tl": _t("Tagalog"), "pl": _t("Polish")}.get(code, code)


def clock_time(value: datetime | None) -> str:
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{hour}:{value:%M} {'AM' if value.hour < 12 else 'PM'}"


def minutes_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("Outreach", "%n min", "", minutes)
    return _t("{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


def _status_text(row: ContactRow) -> str:
    text = contact_status_label(row.status)
    if row.status == "declined" and row.decline_reason:
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
            TableColumn(_t("Name"), lambda r: r.name + ("" if r.job_seeker_id else " *"),
                        tooltip=lambda r: _t("Registered job seeker") if r.job_seeker_id
                        else _t("Prospect: not registered on this desk yet")),
            TableColumn(_t("Phone"), lambda r: format_phone(r.phone)),
            TableColumn(_t("E-mail"), lambda r: r.email or ""),
            TableColumn(_t("Language"), lambda r: language_label(r.language)),
            TableColumn(_t("Status"), _status_text),
            TableColumn(_t("Attempts"), attrgetter("attempts"), alignment=Qt.AlignmentFlag.AlignCenter),
            TableColumn(_t("Being worked by"), lambda r: _claim_text(r, self.now)),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


def format_phone(digits: str | None) -> str:
    if digits and len(digits) == 10 and digits.isdigit():
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return digits or ""


class ReferralTableModel(RowTableModel[ReferralRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(_t("Referred"), lambda r: f"{r.referred_at:%Y-%m-%d}"),
            TableColumn(_t("Partner"), attrgetter("organization")),
            TableColumn(_t("Name"), attrgetter("name")),
            TableColumn(_t("Reason"), attrgetter("reason"), tooltip=attrgetter("reason")),
            TableColumn(_t("Next step"), lambda r: _t("Register in the state's system") if r.next_step else ""),
            TableColumn(_t("Status"), lambda r: referral_status_label(r.status)),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


class BookingTableModel(RowTableModel[BookingRow]):
    def __init__(self, parent: Any = None, *, with_day: bool = False) -> None:
        columns = [
            TableColumn(_t("Time"), lambda r: f"{clock_time(r.starts_local)} – {clock_time(r.ends_local)} "
                        f"{r.starts_local.tzname()}"),
            TableColumn(_t("Job seeker"), attrgetter("name")),
            TableColumn(_t("How"), lambda r: mode_label(r.mode)),
            TableColumn(_t("Counselor"), attrgetter("counselor_name")),
            TableColumn(_t("Status"), lambda r: booking_status_label(r.status)),
        ]
        if with_day:
            columns.insert(0, TableColumn(_t("Day"), lambda r: f"{r.starts_local:%a %m/%d}"))
        super().__init__(columns, row_roles={ID_ROLE: attrgetter("appointment_id")}, parent=parent)


class WaitingTableModel(RowTableModel[WaitingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(_t("Name"), attrgetter("name")),
            TableColumn(_t("Arrived"), lambda r: clock_time(r.arrived_local)),
            TableColumn(_t("Waiting"), lambda r: minutes_text(r.waited)),
            TableColumn(_t("Booked for"), lambda r: clock_time(r.booked_local) if r.booked_local
                        else _t("Walk-in")),
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

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._last - self._first

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._days)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rows = self.bookings_at(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(f"{clock_time(r.starts_local)} {r.name} ({mode_label(r.mode)})" for r in rows)
        if role == Qt.ItemDataRole.ToolTipRole and rows:
            return "\n".join(f"{clock_time(r.starts_local)}–{clock_time(r.ends_local)} {r.name}, "
                             f"{mode_label(r.mode)}, {r.counselor_name} — {booking_status_label(r.status)}"
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
                names = (_t("Mon"), _t("Tue"), _t("Wed"), _t("Thu"), _t("Fri"), _t("Sat"), _t("Sun"))
                return f"{names[day.weekday()]} {day.month}/{day.day}"
            return None
        slot = self._first + section
        hour, half = divmod(slot, 2)
        return clock_time(datetime(2000, 1, 1, hour % 24, 30 if half else 0))
