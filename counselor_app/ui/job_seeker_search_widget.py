"""Search as you type over every job seeker on the device, without ever freezing the window.

Each keystroke restarts a ~150 ms timer; when it fires the query runs on the read pool (``QueryOp``) and only the
newest query's result is shown (``latest_only``), so a slow early result never overwrites a later one.
Down arrow moves from the box into the list; Enter opens the highlighted (or only) person.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.job_seeker_table_model import (
    COL_AGENCY_ID,
    COL_EMAIL,
    COL_NAME,
    COL_PHONE,
    COL_ZIP,
    ID_ROLE,
    JobSeekerTableModel,
)

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 100  # a counselor refines the search rather than scroll further; fewer rows, faster keystrokes


class JobSeekerSearchWidget(QWidget):
    """``activated(id)`` on Enter/double-click; ``current_changed(id)`` ("" when nothing is selected);
    ``results_shown(text, count, latency_s)`` after each result reaches the list, with the time from the query
    being issued to the rows being in the list (benchmarks use it; the debounce is not included)."""

    activated = Signal(str)
    current_changed = Signal(str)
    results_shown = Signal(str, int, float)

    _serial = 0

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        JobSeekerSearchWidget._serial += 1
        self._key = f"job_seeker_search.{JobSeekerSearchWidget._serial}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("Sea&rch:"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("job_seeker_search")
        self.search_edit.setPlaceholderText(self.tr("Name, e-mail, phone or agency id"))
        self.search_edit.setAccessibleName(self.tr("Search job seekers"))
        self.search_edit.setToolTip(self.tr("Type to search; Down arrow moves to the results, Enter opens."))
        self.search_edit.setClearButtonEnabled(True)
        label.setBuddy(self.search_edit)
        row.addWidget(label)
        row.addWidget(self.search_edit, 1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of results"))
        row.addWidget(self.count_label)
        layout.addLayout(row)

        self.model = JobSeekerTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("job_seeker_results")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Job seekers found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Widths from the font, not from the contents: measuring 200 rows on every keystroke costs the GUI
        # thread more than the search itself. Rows have one fixed height for the same reason. The e-mail column
        # takes whatever room is left (elided when narrow), so name and phone always show in full.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        for col, sample in ((COL_NAME, "Jean-Baptiste, Guerline"), (COL_EMAIL, "guerline.jean-baptiste@example.org"),
                            (COL_PHONE, "(617) 555-0123"), (COL_ZIP, "02108-1234"), (COL_AGENCY_ID, "MA1000387")):
            self.table.setColumnWidth(col, max(metrics.horizontalAdvance(sample),
                                               metrics.horizontalAdvance(str(self.model.headerData(
                                                   col, Qt.Orientation.Horizontal)))) + pad)
        header.setSectionResizeMode(COL_EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "maria.lopez…@example.com" keeps the domain
        self.compact = compact
        if compact:
            # Beside an open record (which shows the ZIP code and agency id) the list keeps to who is who.
            self.table.setColumnHidden(COL_ZIP, True)
            self.table.setColumnHidden(COL_AGENCY_ID, True)
        frame = self.table.frameWidth() * 2 + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(self.table.columnWidth(COL_NAME) + self.table.columnWidth(COL_PHONE)
                                   + metrics.averageCharWidth() * 16 + frame)
        vheader = self.table.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 8)
        layout.addWidget(self.table, 1)

        self._enter_pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(self._on_text)
        self.search_edit.installEventFilter(self)
        self.table.doubleClicked.connect(lambda idx: self._activate_row(idx.row()))
        self.table.activated.connect(lambda idx: self._activate_row(idx.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.current_changed.emit(self.model.data(cur, ID_ROLE) or ""))
        self.model.modelReset.connect(lambda: self.current_changed.emit(""))
        ctx.events.operation_did_execute.connect(self._on_app_changed)

    # -- searching ------------------------------------------------------------------------------------------
    def _on_text(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.search_edit.text()
        issued_at = time.perf_counter()
        desk = self.ctx.desk

        def show(rows: Any) -> None:
            self.model.set_rows(rows)
            n = len(rows)
            open_single, self._enter_pending = self._enter_pending, False
            if open_single and n == 1:  # Enter was pressed before the results came: a single hit opens
                self._activate_row(0)
            more = n >= SEARCH_LIMIT
            self.count_label.setText(self.tr("first %n shown", "", n) if more else self.tr("%n found", "", n))
            self.results_shown.emit(text, n, time.perf_counter() - issued_at)

        self.ctx.query(self, lambda: desk.job_seekers.search(text, limit=SEARCH_LIMIT), show) \
            .latest_only(self._key).run_in_background()

    def set_text(self, text: str) -> None:
        self.search_edit.setText(text)
        self.search_now()

    def _on_app_changed(self, changes: OpChanges) -> None:
        if changes.touches("job_seekers", "sync") and self.isVisible():
            self._timer.start()

    # -- picking --------------------------------------------------------------------------------------------
    def preferred_width(self) -> int:
        """Wide enough for every shown column at its natural width (the page splits its room with this)."""
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        natural = {COL_EMAIL: metrics.horizontalAdvance("maria.williams114@example.org")  # a typical address
                   + metrics.averageCharWidth() * 3}
        columns = sum(natural.get(c, self.table.columnWidth(c)) for c in range(header.count())
                      if not self.table.isColumnHidden(c))
        frame = self.table.frameWidth() * 2 + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return columns + frame

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return str(self.model.data(index, ID_ROLE) or "") if index.isValid() else ""

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _activate_row(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.select_row(row)  # whoever acts on the activation reads the current row
            self.activated.emit(item.id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.select_row(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._enter_pending = True
                    self.search_now()
                    return True
                if self.model.rowCount() == 1:
                    self._activate_row(0)
                    return True
                if self.table.currentIndex().isValid():
                    self._activate_row(self.table.currentIndex().row())
                    return True
        return super().eventFilter(obj, event)
