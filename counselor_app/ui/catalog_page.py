"""Catalog browser: what a job seeker could take, filtered the way counselors ask ("short, free credential,
in Spanish, leads to IT support")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.vocabulary import CatalogItemKind
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.catalog_table_model import (
    COL_PARTNER,
    COL_TITLE,
    ID_ROLE,
    CatalogFilterProxyModel,
    CatalogTableModel,
    format_hours,
    rows_from_catalog,
)
from counselor_app.ui.widgets import button, heading, html_escape


class CatalogPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Catalog"), self))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        filters = QGridLayout()
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Words in the title, skills or occupation"))
        self.text.setClearButtonEnabled(True)
        self.collection = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Certificates and courses"), None)
        self.kind.addItem(self.tr("Professional certificates"), "certificate")
        self.kind.addItem(self.tr("Courses"), "course")
        self.max_hours = QSpinBox(self)
        self.max_hours.setRange(0, 500)
        self.max_hours.setSingleStep(5)
        self.max_hours.setSpecialValueText(self.tr("any"))
        self.max_hours.setSuffix(self.tr(" hours or less"))
        self.level = QComboBox(self)
        self.level.addItem(self.tr("any level"), None)
        for value, text in labels.level_labels().items():
            self.level.addItem(text, value)
        self.language = QComboBox(self)
        self.free = QCheckBox(self.tr("&Free credential only"), self)
        self.occupation = QComboBox(self)
        self.occupation.setMinimumContentsLength(18)
        self.occupation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.clear_button = button(self.tr("C&lear filters"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        entries = ((self.tr("&Words"), self.text), (self.tr("C&ollection"), self.collection),
                   (self.tr("&Kind"), self.kind), (self.tr("&Hours"), self.max_hours),
                   (self.tr("L&evel"), self.level), (self.tr("Lan&guage"), self.language),
                   (self.tr("Leads to occu&pation"), self.occupation))
        for i, (text, widget) in enumerate(entries):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            r, c = divmod(i, 2)
            filters.addWidget(label, r, c * 2, Qt.AlignmentFlag.AlignRight)
            filters.addWidget(widget, r, c * 2 + 1)
        filters.addWidget(self.free, 3, 3)
        filters.addWidget(self.clear_button, 4, 3, Qt.AlignmentFlag.AlignRight)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = CatalogTableModel(self)
        self.proxy = CatalogFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(splitter)
        self.table.setObjectName("catalog_table")
        self.table.setAccessibleName(self.tr("Catalog items"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # "Leads to" takes what is left
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        for col, sample in ((COL_TITLE, "Google IT Support Professional Cert"),
                            (COL_PARTNER, "Johns Hopkins University")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + pad)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.detail = QTextBrowser(splitter)
        self.detail.setObjectName("catalog_detail")
        self.detail.setAccessibleName(self.tr("Details of the selected item"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(120)
        self._apply_timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(lambda _t: self._apply_timer.start())
        for combo in (self.collection, self.kind, self.level, self.language, self.occupation):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.max_hours.valueChanged.connect(lambda _v: self.apply_filters())
        self.free.toggled.connect(lambda _b: self.apply_filters())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_detail(cur))
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self.load()

    def page_shown(self) -> None:
        if self.model.rowCount() == 0:
            self.load()
        self.text.setFocus()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.catalog:
            self.load()

    def load(self) -> None:
        catalog = self.ctx.catalog
        if catalog is None:
            self.status_label.setText(self.ctx.catalog_error or self.tr("Loading the catalog…"))
            self.ctx.load_catalog()
            return
        self._fill_filters(catalog)
        self.model.set_rows(rows_from_catalog(catalog))
        self.apply_filters()

    def _fill_filters(self, catalog: Any) -> None:
        for combo in (self.collection, self.language, self.occupation):
            combo.blockSignals(True)
            combo.clear()
        self.collection.addItem(self.tr("all collections"), None)
        for col in catalog.collections:
            self.collection.addItem(col.title, col.id)
        self.language.addItem(self.tr("any language"), None)
        names = labels.language_labels()
        langs = sorted({c.language for c in catalog.courses})
        for code in langs:
            self.language.addItem(names.get(code, code), code)
        self.occupation.addItem(self.tr("any occupation"), None)
        socs = sorted({soc for cert in catalog.certificates for soc in cert.occupation_socs})
        occs = [(catalog.occupation(soc).title if catalog.occupation(soc) else soc, soc) for soc in socs]
        for title, soc in sorted(occs):
            self.occupation.addItem(f"{title} ({soc})", soc)
        for combo in (self.collection, self.language, self.occupation):
            combo.blockSignals(False)

    def clear_filters(self) -> None:
        for w in (self.collection, self.kind, self.level, self.language, self.occupation):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.max_hours.blockSignals(True)
        self.max_hours.setValue(0)
        self.max_hours.blockSignals(False)
        self.free.blockSignals(True)
        self.free.setChecked(False)
        self.free.blockSignals(False)
        self.text.clear()
        self.apply_filters()

    def apply_filters(self) -> None:
        self.proxy.set_filters(collection_id=self.collection.currentData(), max_hours=self.max_hours.value() or None,
                               level=self.level.currentData(), language=self.language.currentData(),
                               free_credential_only=self.free.isChecked(),
                               occupation_soc=self.occupation.currentData(), kind=self.kind.currentData(),
                               text=self.text.text())
        self._update_count()

    def _update_count(self) -> None:
        self.status_label.setText(self.tr("Showing %n of {total} items. Hours are approximate; check the course "
                                          "page before promising a figure.", "", self.proxy.rowCount())
                                  .format(total=self.model.rowCount()))

    def _show_detail(self, index: Any) -> None:
        catalog = self.ctx.catalog
        if catalog is None or not index.isValid():
            self.detail.clear()
            return
        item_id = self.proxy.data(index, ID_ROLE)
        src = self.proxy.mapToSource(index)
        row = self.model.row_at(src.row())
        if row is None:
            return
        parts = [f"<h3>{html_escape(row.title)}</h3>",
                 f"<p>{html_escape(labels.kind_labels().get(row.kind, row.kind))} · {html_escape(row.partner)} · "
                 f"{html_escape(format_hours(row.hours))} · "
                 f"{html_escape(labels.level_labels().get(row.level, row.level))}</p>"]
        if row.occupation_titles:
            parts.append("<p><b>" + html_escape(self.tr("Leads to:")) + "</b> "
                         + html_escape("; ".join(row.occupation_titles)) + "</p>")
        courses = catalog.courses_of(item_id) if row.kind == CatalogItemKind.CERTIFICATE else ()
        if courses:
            parts.append("<p><b>" + html_escape(self.tr("Courses:")) + "</b></p><ol>")
            parts += [f"<li>{html_escape(c.title)} ({html_escape(format_hours(c.hours_value))})</li>"
                      for c in courses]
            parts.append("</ol>")
        note = getattr(catalog.item(item_id), "credential_note", None)
        if note:
            parts.append(f"<p>{html_escape(note)}</p>")
        if row.skills:
            parts.append("<p><b>" + html_escape(self.tr("Skills:")) + "</b> " + html_escape(", ".join(row.skills))
                         + "</p>")
        self.detail.setHtml("".join(parts))
