"""Reports: the supervisor's dashboard. Figures as charts and tables, and the files a program administrator
makes: the Excel summary, the daily invitation file, reminder lists, and the import of the provider's report.

The page only coordinates: every figure comes from ``core.reports.compute_summary`` (the same numbers as the
workbook and the CLI), every file from the core or ``export`` modules, and all of it runs in the background
through ``ctx.query`` / ``ctx.collection_op`` with progress and Cancel. Supervisors and administrators only;
the core refuses anyone else as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.reports import ReportFilter, SummaryFigures
from counselor_app.core.vocabulary import Entity
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.labels import format_date, format_when
from counselor_app.ui.report_charts import ChartPanel, ReportCharts
from counselor_app.ui.report_file_actions import ReportFileActions
from counselor_app.ui.report_reminders import ReportReminders
from counselor_app.ui.report_table_model import SORT_ROLE, ReportTableModel, tables_from_figures
from counselor_app.ui.widgets import button, heading, paragraph

REFRESH_ON = ("licenses", "progress", "sync", "job_seekers", "appointments")


@dataclass(frozen=True, slots=True)
class DashboardData:
    figures: SummaryFigures
    reminder_counts: dict[str, int]
    centers: list[tuple[str, str]]
    counselors: list[tuple[str, str]]


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


class ReportsPage(ReportCharts, ReportFileActions, ReportReminders, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: SummaryFigures | None = None
        self.reminder_counts: dict[str, int] = {}
        self._dirty = True
        self._visible_once = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if not ctx.desk.actor.is_supervisor:
            note = paragraph(self.tr("Reports name job seekers, so only a supervisor or program administrator can "
                                     "see them."), self)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(note)
            self.allowed = False
            return
        self.allowed = True
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(heading(self.tr("Reports"), body))
        self.status_label = paragraph("", body)
        layout.addWidget(self.status_label)
        layout.addLayout(self._build_filter_bar(body))
        layout.addWidget(self._build_headline(body))
        layout.addLayout(self._build_charts(body))
        layout.addWidget(self._build_tables(body), 1)
        layout.addLayout(self._build_file_actions(body))
        layout.addWidget(self._build_reminders(body))
        ctx.events.operation_did_execute.connect(self._on_changed)

    # -- layout ---------------------------------------------------------------------------------------------
    def _build_filter_bar(self, parent: QWidget) -> QVBoxLayout:
        row = QHBoxLayout()
        today = self.ctx.today()
        program = self.ctx.profile.program
        self.use_dates = QCheckBox(self.tr("Issued between"), parent)
        self.date_from = QDateEdit(QDate(program.starts_on.year, program.starts_on.month, program.starts_on.day),
                                   parent)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), parent)
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("M/d/yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.center = QComboBox(parent)
        self.center.setAccessibleName(self.tr("Center"))
        self.center.addItem(self.tr("All centers"), None)
        self.counselor = QComboBox(parent)
        self.counselor.setAccessibleName(self.tr("Counselor"))
        self.counselor.addItem(self.tr("All counselors"), None)
        self.refresh_button = button(self.tr("&Show figures"), parent, shortcut="F5",
                                     tooltip=self.tr("Compute the figures for this filter"))
        self.refresh_button.clicked.connect(self.refresh)
        # A long center or counselor name shows whole in the open list, never widens the page past the window.
        for combo in (self.center, self.counselor):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        # Two rows, so the filter never needs more than the window's minimum width (issue 13).
        for w in (self.use_dates, self.date_from, QLabel("–", parent), self.date_to):
            row.addWidget(w)
        row.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.center)
        second.addWidget(self.counselor)
        second.addStretch(1)
        second.addWidget(self.refresh_button)
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        return rows

    def _build_headline(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Headline figures"), parent)
        grid = QGridLayout(box)
        self.headline: dict[str, QLabel] = {}
        names = (("issued", self.tr("Licenses issued")), ("pending", self.tr("Pending approval")),
                 ("invited", self.tr("Invited")), ("joined", self.tr("Joined")), ("enrolled", self.tr("Enrolled")),
                 ("completed", self.tr("Completed")), ("rate", self.tr("Completion rate")),
                 ("hours", self.tr("Learning hours")), ("credentials", self.tr("Credentials earned")),
                 ("working", self.tr("Recorded as working")), ("unmatched", self.tr("Rows needing review")),
                 ("wait", self.tr("Median wait at the front desk (min)")))
        for i, (key, label) in enumerate(names):
            value = QLabel("—", box)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            value.setFont(font)
            value.setAccessibleName(label)
            caption = QLabel(label, box)
            caption.setWordWrap(True)  # six captions a row: in Spanish they would widen the page past a laptop
            grid.addWidget(value, (i // 6) * 2, i % 6)
            grid.addWidget(caption, (i // 6) * 2 + 1, i % 6)
            self.headline[key] = value
        return box

    def _build_charts(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        self.week_panel = ChartPanel(self.tr("Licenses issued and courses completed by week"), parent)
        self.funnel_panel = ChartPanel(self.tr("From invitation to completion"), parent)
        self.course_panel = ChartPanel(self.tr("Completions by course (top 10)"), parent, min_height=320)
        self.week_chart = self.week_panel.view
        self.funnel_chart = self.funnel_panel.view
        self.course_chart = self.course_panel.view
        import_now = button(self.tr("Import the &usage report…"), self.course_panel.empty,
                            tooltip=self.tr("The provider's usage (enrollment) report, CSV or Excel"))
        import_now.setObjectName("emptyImportButton")
        import_now.clicked.connect(self._ask_import)
        self.course_panel.add_empty_action(import_now)
        self.empty_import_button = import_now
        grid.addWidget(self.week_panel, 0, 0)
        grid.addWidget(self.funnel_panel, 0, 1)
        grid.addWidget(self.course_panel, 1, 0, 1, 2)  # full width: course titles are long
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _build_tables(self, parent: QWidget) -> QTabWidget:
        self.tabs = QTabWidget(parent)
        self.tables: dict[str, tuple[ReportTableModel, QTableView]] = {}
        for key, title in (("center", self.tr("By center")), ("counselor", self.tr("By counselor")),
                           ("week", self.tr("By week")), ("course", self.tr("By course")),
                           ("collection", self.tr("By collection")),
                           ("front_desk", self.tr("Wait and service times"))):
            model = ReportTableModel(self)
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            view = QTableView(self.tabs)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.setMinimumHeight(220)
            view.setAccessibleName(title)
            self.tabs.addTab(view, title)
            self.tables[key] = (model, view)
        return self.tabs

    # -- state ----------------------------------------------------------------------------------------------
    def report_filter(self) -> ReportFilter:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        return ReportFilter(date_from=day(self.date_from) if self.use_dates.isChecked() else None,
                            date_to=day(self.date_to) if self.use_dates.isChecked() else None,
                            center_id=self.center.currentData(), counselor_id=self.counselor.currentData())

    def page_shown(self) -> None:
        if not self.allowed:
            return
        if not self._visible_once:
            self._visible_once = True
            desk = self.ctx.desk
            self.ctx.collection_op(None, lambda: desk.audit("report_view", entity=Entity.REPORT,
                                                            detail={"via": "app"})).run_in_background()
        if self._dirty:
            self.refresh()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(*REFRESH_ON):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Figures for the filter, in the background (a 100,000-license desk takes well under a second)."""
        from counselor_app.core.reminders import reminder_counts
        from counselor_app.core.reports import compute_summary, list_centers, list_counselors

        desk = self.ctx.desk
        f = self.report_filter()
        self._dirty = False
        self.refresh_button.setEnabled(False)
        self.status_label.setText(self.tr("Computing the figures…"))

        def work() -> DashboardData:
            return DashboardData(figures=compute_summary(desk, f),
                                 reminder_counts=reminder_counts(desk, report_filter=f),
                                 centers=list_centers(desk), counselors=list_counselors(desk))

        self.ctx.query(self, work, self.show_data).finally_(lambda: self.refresh_button.setEnabled(True)) \
            .latest_only("reports-refresh").run_in_background()

    def show_data(self, data: DashboardData) -> None:
        self.figures = data.figures
        self.reminder_counts = data.reminder_counts
        self._fill_combo(self.center, data.centers, self.tr("All centers"))
        self._fill_combo(self.counselor, data.counselors, self.tr("All counselors"))
        f = data.figures
        t = f.totals
        values = {"issued": f"{t.issued:,}", "pending": f"{t.pending_approval:,}", "invited": f"{t.invited:,}",
                  "joined": f"{t.joined:,}", "enrolled": f"{t.enrolled:,}", "completed": f"{t.completed:,}",
                  "rate": "—" if t.completion_rate is None else f"{t.completion_rate:.1%}",
                  "hours": f"{t.learning_hours:,.0f}", "credentials": f"{f.credentials_earned:,}",
                  "working": f"{f.outcomes.recorded_working:,}", "unmatched": f"{f.unmatched_progress_rows:,}",
                  "wait": _minutes(f.front_desk.get("totals", {}).get("median_wait_min"))}
        for key, text in values.items():
            self.headline[key].setText(text)
        last = (self.tr("Usage report last imported {when}.").format(when=format_when(f.last_import_at))
                if f.last_import_at else self.tr("No usage report has been imported yet: import one to see who "
                                                 "joined, enrolled and completed."))
        basis = ("" if f.invited_basis == "invitation_batches" else " " + self.tr(
            "No invitation file has been made on this desk yet, so every issued license counts as invited."))
        self.status_label.setText(f"{self.describe_filter(f.report_filter)} {last}{basis}")
        for key, (columns, rows) in tables_from_figures(f).items():
            self.tables[key][0].set_table(columns, rows)
        # The wait and service table reads in its own order (all, then by day, center, counselor) until sorted.
        front_view = self.tables["front_desk"][1]
        front_view.model().sort(-1)
        front_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._draw_charts(f)
        self._show_message()

    def describe_filter(self, f: ReportFilter) -> str:
        """The core's ``filter_text`` in the UI language (the core's English one stays on files and printouts)."""
        if f.date_from and f.date_to:
            when = self.tr("Licenses issued {start} – {end}").format(start=format_date(f.date_from),
                                                                     end=format_date(f.date_to))
        elif f.date_from:
            when = self.tr("Licenses issued on or after {day}").format(day=format_date(f.date_from))
        elif f.date_to:
            when = self.tr("Licenses issued on or before {day}").format(day=format_date(f.date_to))
        else:
            when = self.tr("Licenses of all issue dates")
        where = self.tr("all centers") if f.center_id is None else (
            self.center.itemText(self.center.findData(f.center_id)) if self.center.findData(f.center_id) >= 0
            else self.tr("one center"))
        who = self.tr("all counselors") if f.counselor_id is None else (
            self.counselor.itemText(self.counselor.findData(f.counselor_id))
            if self.counselor.findData(f.counselor_id) >= 0 else self.tr("one counselor"))
        return self.tr("{when}; {where}; {who}.").format(when=when, where=where, who=who)

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]], all_label: str) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for key, label in items:
            combo.addItem(label, key)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
