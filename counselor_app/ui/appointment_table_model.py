"""Today's appointments (and unfinished ones) as a Qt table model: ``COL_*`` constants, ``set_rows``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from counselor_app.ui import labels

COL_TIME = 0
COL_NAME = 1
COL_KIND = 2
COL_STATUS = 3
COL_DETAIL = 4
COLUMN_COUNT = 5

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    id: str
    when: datetime | None
    job_seeker_id: str | None
    name: str
    kind: str
    status: str
    outcome: str | None
    step: str | None


def step_label(step: str | None) -> str:
    names = {"find": QCoreApplication.translate("AppointmentTableModel", "Find or register"),
             "eligibility": QCoreApplication.translate("AppointmentTableModel", "Eligibility"),
             "background": QCoreApplication.translate("AppointmentTableModel", "Background and goals"),
             "recommendations": QCoreApplication.translate("AppointmentTableModel", "Recommendations"),
             "plan": QCoreApplication.translate("AppointmentTableModel", "Learning plan"),
             "license": QCoreApplication.translate("AppointmentTableModel", "License"),
             "summary": QCoreApplication.translate("AppointmentTableModel", "Summary")}
    return names.get(step or "find", step or "")


def format_time(when: datetime | None) -> str:
    if when is None:
        return ""
    hour = when.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{when:%M %p}"


class AppointmentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentRow] = []
        self._headers = (QCoreApplication.translate("AppointmentTableModel", "Time"), QCoreApplication.translate("AppointmentTableModel", "Job seeker"),
                         QCoreApplication.translate("AppointmentTableModel", "Kind"), QCoreApplication.translate("AppointmentTableModel", "Status"),
                         QCoreApplication.translate("AppointmentTableModel", "Outcome or step"))

    def set_rows(self, rows: Sequence[AppointmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AppointmentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_TIME:
                return format_time(row.when)
            if col == COL_NAME:
                return row.name or QCoreApplication.translate("AppointmentTableModel", "(not chosen yet)")
            if col == COL_KIND:
                if row.kind == "walk_in":
                    return QCoreApplication.translate("AppointmentTableModel", "Walk-in")
                return QCoreApplication.translate("AppointmentTableModel", "Scheduled")
            if col == COL_STATUS:
                return labels.appointment_status_labels().get(row.status, row.status)
            if col == COL_DETAIL:
                if row.status == "in_progress":
                    return QCoreApplication.translate("AppointmentTableModel", "Stopped at: {step}").format(step=step_label(row.step))
                return labels.outcome_labels().get(row.outcome or "", row.outcome or "")
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
