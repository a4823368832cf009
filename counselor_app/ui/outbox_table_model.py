"""What has not reached the agency server, as a Qt table model: ``COL_*`` constants and ``set_rows``.

Rows are ``counselor_app.sync.outbox.OutboxItem``: conflicts and set-aside changes first (they need a person),
then the queue in the order it will be sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from counselor_app.sync.outbox import ENTITY_LABELS, OutboxItem
from counselor_app.ui.labels import format_when

COL_STATUS = 0
COL_WHAT = 1
COL_CHANGE = 2
COL_PROBLEM = 3
COL_ATTEMPTS = 4
COL_SINCE = 5
COLUMN_COUNT = 6

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def status_labels() -> dict[str, str]:
    return {"conflict": QCoreApplication.translate("OutboxTableModel", "Conflict: choose a version"),
            "parked": QCoreApplication.translate("OutboxTableModel", "Set aside: needs a fix"),
            "queued": QCoreApplication.translate("OutboxTableModel", "Waiting to be sent")}


def change_labels() -> dict[str, str]:
    return {"create": QCoreApplication.translate("OutboxTableModel", "New"),
            "update": QCoreApplication.translate("OutboxTableModel", "Changed"),
            "delete": QCoreApplication.translate("OutboxTableModel", "Removed")}


def entity_labels() -> dict[str, str]:
    return {"job_seeker": QCoreApplication.translate("OutboxTableModel", "Job seeker"),
            "appointment": QCoreApplication.translate("OutboxTableModel", "Appointment"),
            "eligibility_attestation": QCoreApplication.translate("OutboxTableModel", "Eligibility attestation"),
            "learning_plan": QCoreApplication.translate("OutboxTableModel", "Learning plan"),
            "license_issuance": QCoreApplication.translate("OutboxTableModel", "License"),
            "case_service": QCoreApplication.translate("OutboxTableModel", "Case-management service"),
            "case_note": QCoreApplication.translate("OutboxTableModel", "Case note")}


def record_label(item: OutboxItem) -> str:
    """The core names a record "Appointment: Ana Silva" in English; the kind is shown in the UI language."""
    english = ENTITY_LABELS.get(item.entity)
    local = entity_labels().get(item.entity)
    if english and local and item.label.startswith(english):
        return local + item.label[len(english):]
    return item.label


def format_since(when: datetime | None) -> str:
    """Stored as naive UTC; shown in local time, e.g. "October 1, 9:05 AM"."""
    if when is None:
        return ""
    return format_when(when, year=when.year != datetime.now().year)


class OutboxTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OutboxItem] = []
        self._headers = (QCoreApplication.translate("OutboxTableModel", "Status"),
                         QCoreApplication.translate("OutboxTableModel", "Record"),
                         QCoreApplication.translate("OutboxTableModel", "Change"),
                         QCoreApplication.translate("OutboxTableModel", "Problem"),
                         QCoreApplication.translate("OutboxTableModel", "Tries"),
                         QCoreApplication.translate("OutboxTableModel", "Since"))

    def set_rows(self, rows: Sequence[OutboxItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OutboxItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def counts(self) -> dict[str, int]:
        out = {"queued": 0, "parked": 0, "conflict": 0}
        for item in self._rows:
            out[item.status] = out.get(item.status, 0) + 1
        return out

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_STATUS:
                return status_labels().get(item.status, item.status)
            if col == COL_WHAT:
                return record_label(item)
            if col == COL_CHANGE:
                return change_labels().get(item.op, item.op)
            if col == COL_PROBLEM:
                if item.status == "queued" and item.last_error:
                    return QCoreApplication.translate("OutboxTableModel",
                                                      "Waits for an earlier change to this record")
                return item.last_error or ""
            if col == COL_ATTEMPTS:
                return str(item.attempts)
            if col == COL_SINCE:
                return format_since(item.created_at)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PROBLEM and item.last_error:
            return item.last_error
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and item.status != "queued":
            return QBrush(QColor("#a50e0e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEQ_ROLE:
            return item.seq
        if role == STATUS_ROLE:
            return item.status
        if role == ITEM_ROLE:
            return item
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


class OutboxFilterProxyModel(QSortFilterProxyModel):
    """Show everything, only what needs attention, or only the queue."""

    ALL = "all"
    ATTENTION = "attention"
    QUEUED = "queued"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._mode = self.ALL

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        status = model.data(model.index(source_row, COL_STATUS, source_parent), STATUS_ROLE)
        if self._mode == self.ATTENTION:
            return status in ("parked", "conflict")
        if self._mode == self.QUEUED:
            return status == "queued"
        return True
