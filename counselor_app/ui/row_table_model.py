"""One base for the app's list models (Vorta style): rows of plain values, one ``TableColumn`` per column.

Each table model says only what its columns show; counting, headers, resets and role dispatch live here once, so
every list answers Qt's model tester the same way. Headers are translated when the model is built, cell texts
every time they are asked for (the column functions call ``QCoreApplication.translate`` themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

RowT = TypeVar("RowT")
_Index = QModelIndex | QPersistentModelIndex

# data() runs thousands of times per repaint: compare plain ints, not enum objects.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class TableColumn(Generic[RowT]):
    """``display`` also answers the accessible-text role; ``sort`` (else ``display``) the model's ``sort_role``."""

    header: str
    display: Callable[[RowT], Any]
    tooltip: Callable[[RowT], Any] | None = None
    sort: Callable[[RowT], Any] | None = None
    alignment: Qt.AlignmentFlag | None = None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """``row_roles`` maps a user role to a function of the whole row (ids, the row itself) whatever the column."""

    sort_role: int | None = None

    def __init__(self, columns: Sequence[TableColumn[RowT]] = (), *,
                 row_roles: Mapping[int, Callable[[RowT], Any]] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._row_roles = {int(role): getter for role, getter in (row_roles or {}).items()}
        self._rows: list[RowT] = []
        self._set_columns(columns)

    def _set_columns(self, columns: Sequence[TableColumn[RowT]]) -> None:
        self._columns: tuple[TableColumn[RowT], ...] = tuple(columns)
        roles = {_DISPLAY, _ACCESSIBLE, *self._row_roles}
        if any(c.tooltip is not None for c in self._columns):
            roles.add(_TOOLTIP)
        if any(c.alignment is not None for c in self._columns):
            roles.add(_ALIGNMENT)
        if self.sort_role is not None:
            roles.add(int(self.sort_role))
        self._roles = frozenset(roles)  # a view asks for a dozen roles per cell; most get None at once

    def set_rows(self, rows: Sequence[RowT], *, columns: Sequence[TableColumn[RowT]] | None = None) -> None:
        self.beginResetModel()
        if columns is not None:
            self._set_columns(columns)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt overrides ---------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in self._roles or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        row = self._rows[r]
        column = self._columns[c]
        if role == _DISPLAY or role == _ACCESSIBLE:
            return column.display(row)
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == _ALIGNMENT:
            return int(column.alignment) if column.alignment is not None else None
        if role == self.sort_role:
            return (column.sort or column.display)(row)
        getter = self._row_roles.get(role)
        return getter(row) if getter is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
