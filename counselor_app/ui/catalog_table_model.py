"""The catalog (certificates and courses) as a Qt table model, and the filter proxy the catalog page uses.

Rows are flattened once from the immutable ``Catalog``; filtering is a ``QSortFilterProxyModel`` subclass so the
view, sorting and keyboard navigation are Qt's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from counselor_app.ui import labels

COL_TITLE = 0
COL_KIND = 1
COL_PARTNER = 2
COL_HOURS = 3
COL_LEVEL = 4
COL_LANGUAGE = 5
COL_FREE_CREDENTIAL = 6
COL_LEADS_TO = 7
COLUMN_COUNT = 8

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class CatalogRow:
    id: str
    kind: str  # course | certificate
    title: str
    partner: str
    hours: float | None
    level: str
    languages: tuple[str, ...]
    free_credential: bool
    collection_ids: tuple[str, ...]
    occupation_socs: tuple[str, ...]
    occupation_titles: tuple[str, ...]
    skills: tuple[str, ...] = ()


def rows_from_catalog(catalog: Any) -> list[CatalogRow]:
    """Certificates first, then courses; a course "leads to" the occupations of the certificates it is part of."""
    rows: list[CatalogRow] = []

    def occ_titles(socs: Sequence[str]) -> tuple[str, ...]:
        out = []
        for soc in socs:
            occ = catalog.occupation(soc)
            out.append(occ.title if occ is not None else soc)
        return tuple(out)

    course_collections: dict[str, set[str]] = {}
    for col in catalog.collections:
        for cid in col.course_ids:
            course_collections.setdefault(cid, set()).add(col.id)
    for cert in catalog.certificates:
        cols: set[str] = set()
        for cid in cert.course_ids:
            cols |= course_collections.get(cid, set())
        rows.append(CatalogRow(id=cert.id, kind="certificate", title=cert.title, partner=cert.partner,
                               hours=cert.hours_value, level=cert.level, languages=tuple(cert.languages),
                               free_credential=cert.free_credential, collection_ids=tuple(sorted(cols)),
                               occupation_socs=tuple(cert.occupation_socs),
                               occupation_titles=occ_titles(cert.occupation_socs), skills=tuple(cert.tags)))
    for course in catalog.courses:
        socs: list[str] = []
        for cert_id in getattr(course, "certificate_ids", ()):
            cert = catalog.certificate(cert_id)
            if cert is not None:
                socs += [s for s in cert.occupation_socs if s not in socs]
        course_cols = tuple(sorted(set(getattr(course, "collection_ids", ()))
                                   | course_collections.get(course.id, set())))
        rows.append(CatalogRow(id=course.id, kind="course", title=course.title, partner=course.partner,
                               hours=course.hours_value, level=course.level, languages=(course.language,),
                               free_credential=course.free_credential, collection_ids=course_cols,
                               occupation_socs=tuple(socs), occupation_titles=occ_titles(socs),
                               skills=tuple(course.skills)))
    return rows


def format_hours(hours: float | None) -> str:
    if hours is None:
        return QCoreApplication.translate("CatalogTableModel", "unknown")
    return QCoreApplication.translate("CatalogTableModel", "about {n} h").format(
        n=f"{hours:.0f}" if hours >= 10 else f"{hours:.1f}".rstrip("0").rstrip("."))


class CatalogTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CatalogRow] = []
        self._headers = (QCoreApplication.translate("CatalogTableModel", "Title"), QCoreApplication.translate("CatalogTableModel", "Kind"),
                         QCoreApplication.translate("CatalogTableModel", "Partner"), QCoreApplication.translate("CatalogTableModel", "Hours"),
                         QCoreApplication.translate("CatalogTableModel", "Level"), QCoreApplication.translate("CatalogTableModel", "Language"),
                         QCoreApplication.translate("CatalogTableModel", "Free credential"), QCoreApplication.translate("CatalogTableModel", "Leads to"))

    def set_rows(self, rows: Sequence[CatalogRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CatalogRow | None:
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
            if col == COL_TITLE:
                return row.title
            if col == COL_KIND:
                return labels.kind_labels().get(row.kind, row.kind)
            if col == COL_PARTNER:
                return row.partner
            if col == COL_HOURS:
                return format_hours(row.hours)
            if col == COL_LEVEL:
                return labels.level_labels().get(row.level, row.level)
            if col == COL_LANGUAGE:
                names = labels.language_labels()
                return ", ".join(names.get(code, code) for code in row.languages)
            if col == COL_FREE_CREDENTIAL:
                return QCoreApplication.translate("CatalogTableModel", "Yes") if row.free_credential else QCoreApplication.translate("CatalogTableModel", "No")
            if col == COL_LEADS_TO:
                return "; ".join(row.occupation_titles)
        if role == SORT_ROLE:
            if col == COL_HOURS:
                return row.hours if row.hours is not None else 1e9
            if col == COL_FREE_CREDENTIAL:
                return int(row.free_credential)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_LEADS_TO):
            return row.title if col == COL_TITLE else "\n".join(row.occupation_titles)
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


class CatalogFilterProxyModel(QSortFilterProxyModel):
    """Filters by collection, most hours, level, language, free credential, occupation and words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.collection_id: str | None = None
        self.max_hours: float | None = None
        self.level: str | None = None
        self.language: str | None = None
        self.free_credential_only = False
        self.occupation_soc: str | None = None
        self.kind: str | None = None
        self.words: tuple[str, ...] = ()

    def set_filters(self, *, collection_id: str | None = None, max_hours: float | None = None,
                    level: str | None = None, language: str | None = None, free_credential_only: bool = False,
                    occupation_soc: str | None = None, kind: str | None = None, text: str = "") -> None:
        self.beginFilterChange()
        self.collection_id = collection_id or None
        self.max_hours = max_hours if max_hours else None
        self.level = level or None
        self.language = language or None
        self.free_credential_only = free_credential_only
        self.occupation_soc = occupation_soc or None
        self.kind = kind or None
        self.words = tuple(w for w in text.casefold().split() if w)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        if not isinstance(model, CatalogTableModel):
            return True
        row = model.row_at(source_row)
        if row is None:
            return False
        if self.kind and row.kind != self.kind:
            return False
        if self.collection_id and self.collection_id not in row.collection_ids:
            return False
        if self.max_hours is not None and (row.hours is None or row.hours > self.max_hours):
            return False
        if self.level and row.level != self.level:
            return False
        if self.language and self.language not in row.languages:
            return False
        if self.free_credential_only and not row.free_credential:
            return False
        if self.occupation_soc and self.occupation_soc not in row.occupation_socs:
            return False
        if self.words:
            hay = " ".join((row.title, row.partner, *row.skills, *row.occupation_titles)).casefold()
            if not all(w in hay for w in self.words):
                return False
        return True
