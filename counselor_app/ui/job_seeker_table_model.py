"""The job-seeker search list as a Qt table model (Vorta style: ``COL_*`` constants and ``set_rows``).

Rows are the core's small ``JobSeekerRow`` values, never ORM objects, so the model can be filled from a worker
thread's result without holding a database session across event-loop turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from counselor_app.core.job_seekers import JobSeekerRow
from counselor_app.core.validation import format_us_phone

COL_NAME = 0
COL_EMAIL = 1
COL_PHONE = 2
COL_ZIP = 3
COL_AGENCY_ID = 4
COLUMN_COUNT = 5

#: Role giving the row's job-seeker id (for opening the record).
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(ID_ROLE)
_ROLES = frozenset((_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ID))


def _headers() -> tuple[str, ...]:
    return (QCoreApplication.translate("JobSeekerTableModel", "Name"), QCoreApplication.translate("JobSeekerTableModel", "E-mail"),
            QCoreApplication.translate("JobSeekerTableModel", "Phone"), QCoreApplication.translate("JobSeekerTableModel", "ZIP"),
            QCoreApplication.translate("JobSeekerTableModel", "Agency id"))


class JobSeekerTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[JobSeekerRow] = []
        self._headers = _headers()

    def set_rows(self, rows: Sequence[JobSeekerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> JobSeekerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[JobSeekerRow]:
        return list(self._rows)

    # -- Qt overrides ---------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint: compare plain ints, not enum objects.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        r = index.row()
        if not 0 <= r < len(self._rows):
            return None
        row = self._rows[r]
        if role == _ID:
            return row.id
        col = index.column()
        if role == _TOOLTIP:
            return row.full_name if col == COL_NAME else None
        if col == COL_NAME:
            return f"{row.last_name}, {row.first_name}"
        if col == COL_EMAIL:
            return row.email or ""
        if col == COL_PHONE:
            return format_us_phone(row.phone)
        if col == COL_ZIP:
            return row.zip_code or ""
        if col == COL_AGENCY_ID:
            return row.agency_customer_id or ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < COLUMN_COUNT:
                return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
