"""What has not reached the agency server, as a Qt table model: ``COL_*`` constants and ``set_rows``.

Rows are ``counselor_app.sync.outbox.OutboxItem``: conflicts and set-aside changes first (they need a person),
then the queue in the order it will be sent.
"""

from __future__ import annotations

from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from counselor_app.core.vocabulary import ChangeOp, Entity, OutboxState
from counselor_app.sync.outbox import OutboxItem
from counselor_app.ui.labels import center_time, format_when
from counselor_app.ui.row_table_model import ALIGN_RIGHT, RowTableModel, TableColumn

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
    return {OutboxState.CONFLICT: QCoreApplication.translate("OutboxTableModel", "Conflict: choose a version"),
            OutboxState.PARKED: QCoreApplication.translate("OutboxTableModel", "Set aside: needs a fix"),
            OutboxState.QUEUED: QCoreApplication.translate("OutboxTableModel", "Waiting to be sent")}


def change_labels() -> dict[str, str]:
    return {ChangeOp.CREATE: QCoreApplication.translate("OutboxTableModel", "New"),
            ChangeOp.UPDATE: QCoreApplication.translate("OutboxTableModel", "Changed"),
            ChangeOp.DELETE: QCoreApplication.translate("OutboxTableModel", "Removed")}


def entity_labels() -> dict[str, str]:
    return {Entity.JOB_SEEKER: QCoreApplication.translate("OutboxTableModel", "Job seeker"),
            Entity.APPOINTMENT: QCoreApplication.translate("OutboxTableModel", "Appointment"),
            Entity.ELIGIBILITY_ATTESTATION: QCoreApplication.translate("OutboxTableModel", "Eligibility attestation"),
            Entity.LEARNING_PLAN: QCoreApplication.translate("OutboxTableModel", "Learning plan"),
            Entity.LICENSE_ISSUANCE: QCoreApplication.translate("OutboxTableModel", "License"),
            Entity.CASE_SERVICE: QCoreApplication.translate("OutboxTableModel", "Case-management service"),
            Entity.CASE_NOTE: QCoreApplication.translate("OutboxTableModel", "Case note")}


def record_label(item: OutboxItem) -> str:
    """"Appointment: Ana Silva", worded here from the record's kind and person; a record with no person is
    named by its kind and when it was made, never by an internal id."""
    kind = entity_labels().get(item.entity) or item.entity.replace("_", " ").capitalize()
    if item.person:
        return item.person if item.entity == Entity.JOB_SEEKER else QCoreApplication.translate(
            "OutboxTableModel", "{kind}: {person}").format(kind=kind, person=item.person)
    return QCoreApplication.translate("OutboxTableModel", "{kind} of {when}").format(
        kind=kind, when=format_since(item.created_at))


def format_since(when: datetime | None) -> str:
    """Stored as naive UTC; shown in local time, e.g. "October 1, 9:05 AM"."""
    if when is None:
        return ""
    return format_when(when, year=when.year != center_time(datetime.now(UTC)).year)


def problem_labels() -> dict[str, str]:
    """Reason codes (sync/protocol's REJECT_*, "conflict", outbox.LOCAL_*) in the counselor's words."""
    return {
        "conflict": QCoreApplication.translate("OutboxTableModel",
                                               "Someone else changed this record first: choose a version"),
        "invalid": QCoreApplication.translate("OutboxTableModel",
                                              "The agency server found a mistake in this record: fix it"),
        "rule": QCoreApplication.translate("OutboxTableModel", "The agency's rules do not allow this change"),
        "license_elsewhere": QCoreApplication.translate(
            "OutboxTableModel", "Another desk also issued this person a license: choose which one stays"),
        "forbidden": QCoreApplication.translate("OutboxTableModel", "Your account may not send this change"),
        "not_found": QCoreApplication.translate("OutboxTableModel",
                                                "The agency server does not have the record this change is for"),
        "unknown_entity": QCoreApplication.translate(
            "OutboxTableModel", "The agency server does not take this kind of record yet"),
        "payload_mismatch": QCoreApplication.translate(
            "OutboxTableModel", "This change was already sent with different content"),
        "blocked": QCoreApplication.translate("OutboxTableModel", "Waits for an earlier change to this record"),
        "unreadable": QCoreApplication.translate("OutboxTableModel", "The agency server could not read this change"),
        "rejected": QCoreApplication.translate("OutboxTableModel", "The agency server did not accept this change"),
    }


def problem_text(item: OutboxItem) -> str:
    if item.status == OutboxState.QUEUED and item.last_error:
        return QCoreApplication.translate("OutboxTableModel", "Waits for an earlier change to this record")
    worded = problem_labels().get(item.reason_code or "")
    if worded:
        return worded
    return item.last_error or ""


def server_words(item: OutboxItem) -> str:
    """What the agency server itself said (its own language), for the tooltip and the detail."""
    if not item.last_error:
        return ""
    return QCoreApplication.translate("OutboxTableModel", "The agency server said: “{reason}”").format(
        reason=item.last_error)


class OutboxTableModel(RowTableModel[OutboxItem]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Status"),
                        lambda i: status_labels().get(i.status, i.status)),
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Record"), record_label),
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Change"),
                        lambda i: change_labels().get(i.op, i.op)),
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Problem"), problem_text,
                        tooltip=lambda i: server_words(i) or None),
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Tries"), lambda i: str(i.attempts),
                        alignment=ALIGN_RIGHT),
            TableColumn(QCoreApplication.translate("OutboxTableModel", "Since"), lambda i: format_since(i.created_at)),
        ), row_roles={SEQ_ROLE: attrgetter("seq"), STATUS_ROLE: attrgetter("status"), ITEM_ROLE: lambda i: i},
            parent=parent)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {OutboxState.QUEUED: 0, OutboxState.PARKED: 0, OutboxState.CONFLICT: 0}
        for item in self._rows:
            out[item.status] = out.get(item.status, 0) + 1
        return out

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Conflicts and set-aside changes show their status in red: they need a person."""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_STATUS:
            item = self.row_at(index.row()) if index.isValid() else None
            return QBrush(QColor("#a50e0e")) if item is not None and item.status != OutboxState.QUEUED else None
        return super().data(index, role)


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
            return status in (OutboxState.PARKED, OutboxState.CONFLICT)
        if self._mode == self.QUEUED:
            return status == OutboxState.QUEUED
        return True
