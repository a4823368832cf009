"""The catalog (certificates and courses) as a Qt table model, and the filter proxy the catalog page uses.

Rows are flattened once from the immutable ``Catalog``; filtering is a ``QSortFilterProxyModel`` subclass so the
view, sorting and keyboard navigation are Qt's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from counselor_app.core.vocabulary import CatalogItemKind
from counselor_app.ui import labels
from counselor_app.ui.row_table_model import RowTableModel, TableColumn

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
        rows.append(CatalogRow(id=cert.id, kind=CatalogItemKind.CERTIFICATE, title=cert.title, partner=cert.partner,
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
        rows.append(CatalogRow(id=course.id, kind=CatalogItemKind.COURSE, title=course.title, partner=course.partner,
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


def _languages(row: CatalogRow) -> str:
    names = labels.language_labels()
    return ", ".join(names.get(code, code) for code in row.languages)


def _free_credential(row: CatalogRow) -> str:
    if row.free_credential:
        return QCoreApplication.translate("CatalogTableModel", "Yes")
    return QCoreApplication.translate("CatalogTableModel", "No")


class CatalogTableModel(RowTableModel[CatalogRow]):
    """``SORT_ROLE``: hours as numbers (unknown last), free credential as 0/1, the rest as shown."""

    sort_role = SORT_ROLE

    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Title"), attrgetter("title"),
                        tooltip=attrgetter("title")),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Kind"),
                        lambda r: labels.kind_labels().get(r.kind, r.kind)),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Partner"), attrgetter("partner")),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Hours"), lambda r: format_hours(r.hours),
                        sort=lambda r: r.hours if r.hours is not None else 1e9),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Level"),
                        lambda r: labels.level_labels().get(r.level, r.level)),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Language"), _languages),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Free credential"), _free_credential,
                        sort=lambda r: int(r.free_credential)),
            TableColumn(QCoreApplication.translate("CatalogTableModel", "Leads to"),
                        lambda r: "; ".join(r.occupation_titles), tooltip=lambda r: "\n".join(r.occupation_titles)),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)


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
