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
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.reports import ReportCancelled, ReportFilter, SummaryFigures
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.labels import format_date, format_when
from counselor_app.ui.operations import OperationCancelled
from counselor_app.ui.report_table_model import SORT_ROLE, ReportTableModel, tables_from_figures
from counselor_app.ui.widgets import button, heading, html_escape, paragraph

REFRESH_ON = ("licenses", "progress", "sync", "job_seekers")


@dataclass(frozen=True, slots=True)
class DashboardData:
    figures: SummaryFigures
    reminder_counts: dict[str, int]
    centers: list[tuple[str, str]]
    counselors: list[tuple[str, str]]


class ChartPanel(QWidget):
    """A chart, or in its place a sentence saying why there is nothing to draw and what would fill it.

    An empty QChart draws bare axes ("0 0 1 1"), which reads as a broken screen; a supervisor needs to know
    whether the figures are zero or simply not imported yet.
    """

    def __init__(self, title: str, parent: QWidget | None = None, *, min_height: int = 260) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setVisible(False)
        self.view = QChartView(chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(min_height)
        self.view.setAccessibleName(title)
        layout.addWidget(self.view)
        self.empty = QFrame(self)
        self.empty.setObjectName("chartEmpty")
        self.empty.setStyleSheet("QFrame#chartEmpty { background: palette(base); border: 1px solid palette(mid); "
                                 "border-radius: 4px; }")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(16, 12, 16, 12)
        self.empty_title = QLabel(f"<b>{html_escape(title)}</b>", self.empty)
        self.empty_title.setTextFormat(Qt.TextFormat.RichText)
        self.empty_text = paragraph("", self.empty)
        self.empty_text.setObjectName("chartEmptyText")
        self.empty_text.setAccessibleName(title)
        self.empty_actions = QHBoxLayout()
        self.empty_actions.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addLayout(self.empty_actions)
        empty_layout.addStretch(1)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)

    def add_empty_action(self, widget: QWidget) -> None:
        self.empty_actions.insertWidget(self.empty_actions.count() - 1, widget)

    def show_empty(self, text: str) -> None:
        self.empty_text.setText(text)
        self.view.setVisible(False)
        self.empty.setVisible(True)

    def show_chart(self) -> None:
        self.empty.setVisible(False)
        self.view.setVisible(True)

    def is_empty(self) -> bool:
        return not self.empty.isHidden()


def _cancellable(work: Any) -> Any:
    """Core work raises ``ReportCancelled`` (a counselor-readable error); the UI treats it as a plain cancel."""
    def run(task: Any) -> Any:
        try:
            return work(task)
        except ReportCancelled:
            raise OperationCancelled() from None
    return run


class ReportsPage(QWidget):
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
        ctx.events.changed.connect(self._on_changed)

    # -- layout ---------------------------------------------------------------------------------------------
    def _build_filter_bar(self, parent: QWidget) -> QHBoxLayout:
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
        for w in (self.use_dates, self.date_from, QLabel("–", parent), self.date_to, self.center, self.counselor):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        return row

    def _build_headline(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Headline figures"), parent)
        grid = QGridLayout(box)
        self.headline: dict[str, QLabel] = {}
        names = (("issued", self.tr("Licenses issued")), ("pending", self.tr("Pending approval")),
                 ("invited", self.tr("Invited")), ("joined", self.tr("Joined")), ("enrolled", self.tr("Enrolled")),
                 ("completed", self.tr("Completed")), ("rate", self.tr("Completion rate")),
                 ("hours", self.tr("Learning hours")), ("credentials", self.tr("Credentials earned")),
                 ("working", self.tr("Recorded as working")), ("unmatched", self.tr("Rows needing review")))
        for i, (key, label) in enumerate(names):
            value = QLabel("—", box)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            value.setFont(font)
            value.setAccessibleName(label)
            caption = QLabel(label, box)
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
                           ("collection", self.tr("By collection"))):
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

    def _build_file_actions(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = button(self.tr("&Export Excel summary…"), parent, shortcut="Ctrl+E",
                                    tooltip=self.tr("Workbook with charts and sheets by center, counselor, week "
                                                    "and course, for the filter above"))
        self.import_button = button(self.tr("&Import usage report…"), parent, shortcut="Ctrl+I",
                                    tooltip=self.tr("The provider's usage (enrollment) report, CSV or Excel"))
        self.invite_button = button(self.tr("Make i&nvitation file…"), parent,
                                    tooltip=self.tr("Yesterday's licenses (and any not sent yet) in the provider's "
                                                    "bulk-invite layout"))
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.invite_button.clicked.connect(self._ask_invitations)
        for b in (self.export_button, self.import_button, self.invite_button):
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _build_reminders(self, parent: QWidget) -> QGroupBox:
        from counselor_app.core.reminders import REMINDER_LISTS

        box = QGroupBox(self.tr("Reminder lists"), parent)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.reminder_list = QComboBox(box)
        self.reminder_list.setAccessibleName(self.tr("Reminder list"))
        for name, spec in REMINDER_LISTS.items():
            self.reminder_list.addItem(self.reminder_texts().get(name, (spec.title, ""))[0], name)
        self.reminder_days = QSpinBox(box)
        self.reminder_days.setRange(1, 365)
        self.reminder_days.setSuffix(self.tr(" days"))
        self.reminder_days.setAccessibleName(self.tr("Days"))
        self.reminder_export = button(self.tr("Export &list…"), box,
                                      tooltip=self.tr("Names and e-mail addresses as CSV, for your mail program"))
        self.copy_message = button(self.tr("&Copy message"), box)
        row.addWidget(self.reminder_list)
        row.addWidget(self.reminder_days)
        row.addStretch(1)
        row.addWidget(self.reminder_export)
        row.addWidget(self.copy_message)
        layout.addLayout(row)
        self.reminder_info = paragraph("", box)
        layout.addWidget(self.reminder_info)
        self.message = QPlainTextEdit(box)
        self.message.setReadOnly(True)
        self.message.setAccessibleName(self.tr("Reminder message"))
        self.message.setMinimumHeight(140)
        layout.addWidget(self.message)
        self.reminder_list.currentIndexChanged.connect(self._reminder_changed)
        self.reminder_days.valueChanged.connect(self._show_message)
        self.reminder_export.clicked.connect(self._ask_reminder_export)
        self.copy_message.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.message.toPlainText()))
        self._reminder_changed()
        return box

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
            self.ctx.collection_op(None, lambda: desk.audit("report_view", entity="report",
                                                            detail={"via": "app"}), changes=()).run_in_background()
        if self._dirty:
            self.refresh()

    def _on_changed(self, name: str) -> None:
        if name in REFRESH_ON:
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
                  "working": f"{f.outcomes.recorded_working:,}", "unmatched": f"{f.unmatched_progress_rows:,}"}
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

    # -- charts ---------------------------------------------------------------------------------------------
    def funnel_labels(self) -> dict[str, str]:
        """The core names the funnel's stages in English; these are what the chart shows."""
        return {"Invited": self.tr("Invited"), "Joined": self.tr("Joined"), "Enrolled": self.tr("Enrolled"),
                "Completed": self.tr("Completed")}

    def _draw_charts(self, f: SummaryFigures) -> None:
        imported = f.last_import_at is not None
        weeks = f.by_week
        if not any(w.issued or w.course_completions for w in weeks):
            self.week_panel.show_empty(self.tr("No licenses were issued in this period, for this center and "
                                               "counselor. Change the filter above, or issue a license from an "
                                               "appointment."))
        else:
            self.week_panel.show_chart()
            labels = [f"{w.week_start.month}/{w.week_start.day}" for w in weeks]
            issued = QBarSet(self.tr("Licenses issued"))
            issued.append([float(w.issued) for w in weeks])
            line = QLineSeries()
            line.setName(self.tr("Course completions (right scale)"))
            for i, w in enumerate(weeks):
                line.append(i, float(w.course_completions))
            self._set_bars(self.week_chart, [issued], labels, extra=line, legend=True)

        stages = f.funnel()
        if not any(v for _, v in stages):
            self.funnel_panel.show_empty(self.tr("Nobody has been invited yet for this filter: invitations go "
                                                 "out for every license issued."))
        else:
            self.funnel_panel.show_chart()
            stage_names = self.funnel_labels()
            # Horizontal bars, first stage on top: the stage names never have to share a narrow axis.
            funnel = QBarSet(self.tr("People"))
            funnel.append([float(v) for _, v in reversed(stages)])
            self._set_bars(self.funnel_chart, [funnel], [stage_names.get(s, s) for s, _ in reversed(stages)],
                           horizontal=True, values_on_bars=True)

        top = sorted((c for c in f.by_course if c.completed), key=lambda c: (-c.completed, c.course_name))[:10]
        self.empty_import_button.setVisible(not imported)
        if not top:
            self.course_panel.show_empty(
                self.tr("No course completions yet: import the provider's usage report (Import usage report…) "
                        "to see them.") if not imported else
                self.tr("No course completions yet for this filter. They appear here after the next usage "
                        "report that shows a finished course."))
            return
        self.course_panel.show_chart()
        top.reverse()  # a horizontal bar chart draws the first category at the bottom
        done = QBarSet(self.tr("Completions"))
        done.append([float(c.completed) for c in top])
        names = [c.course_name if len(c.course_name) <= 48 else c.course_name[:47] + "…" for c in top]
        self._set_bars(self.course_chart, [done], names, horizontal=True, values_on_bars=True)

    def _set_bars(self, view: QChartView, sets: list[QBarSet], categories: list[str], *, extra: Any = None,
                  horizontal: bool = False, legend: bool = False, values_on_bars: bool = False) -> None:
        # A fresh chart each time: Qt Charts leaves the labels of a removed axis drawn under the new ones.
        old = view.chart()
        chart = QChart()
        chart.setTitle(old.title())
        view.setChart(chart)
        old.deleteLater()
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for s in sets:
            series.append(s)
        if values_on_bars:
            series.setLabelsVisible(True)
            series.setLabelsFormat("@value")
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
            for s in sets:
                s.setLabelColor(QColor("#202124"))
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append(categories or [""])
        if not horizontal and len(categories) > 8:
            cats.setLabelsAngle(-60)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([max((s.at(i) for i in range(s.count())), default=0.0) for s in sets] + [1.0])
        values.setRange(0, max(top * (1.15 if values_on_bars else 1.1), 4.0))
        values.applyNiceNumbers()
        if horizontal:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(values)
        if extra is not None:
            # Its own scale on the right: a few completions a week vanish against a hundred licenses.
            chart.addSeries(extra)
            pen = extra.pen()
            pen.setWidthF(3.0)
            pen.setColor(QColor("#e37400"))
            extra.setPen(pen)
            extra.setPointsVisible(True)
            extra_top = max((p.y() for p in extra.points()), default=0.0)
            right = QValueAxis()
            right.setLabelFormat("%d")
            right.setRange(0, max(extra_top * 1.1, 4.0))
            right.applyNiceNumbers()
            right.setGridLineVisible(False)
            right.setLabelsColor(QColor("#b35c00"))
            chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
            extra.attachAxis(cats)
            extra.attachAxis(right)
        chart.legend().setVisible(legend)
        if legend:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    # -- files ----------------------------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        folder = self.ctx.desk.paths.exports_dir
        if self.ctx.demo:  # the demo's data folder is deleted on exit: offer the person's documents instead
            from PySide6.QtCore import QStandardPaths

            folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                          or Path.home())
        start = str(folder / name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        return Path(path) if path else None

    def _ask_export(self) -> None:
        stamp = self.ctx.today().isoformat()
        path = self._save_path(self.tr("Save the Excel summary"), f"summary-{stamp}.xlsx",
                               self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_summary_to(path)

    def export_summary_to(self, path: Path) -> None:
        from counselor_app.export.summary_workbook import export_summary_workbook

        desk, f = self.ctx.desk, self.report_filter()
        template = self.tr("Writing the Excel summary: {done:,} of {total:,} steps…")  # on the GUI thread

        def work(task: Any) -> Any:
            return export_summary_workbook(desk, path, report_filter=f, cancel=task.cancel,
                                           progress=lambda done, total: task.progress(
                                               done, total, template.format(done=done, total=total)))

        self.ctx.collection_op(self, _cancellable(work), changes=()) \
            .success(self._exported) \
            .with_progress(self.tr("Writing the Excel summary…"), cancellable=True).run_in_background()

    def _exported(self, result: Any) -> None:
        """Say it was saved, where, and offer the folder: a status line alone was overwritten by the next refresh."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("Saved {path} ({rows:,} license rows).").format(path=result.path, rows=result.detail_rows)
        self.status_label.setText(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Excel summary saved"), text,
                          QMessageBox.StandardButton.Ok, self)
        folder = box.addButton(self.tr("Open the &folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent))))
        box.setObjectName("export_saved")
        self.saved_box = box
        box.open()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the provider's usage report"),
                                              str(Path.home()), self.tr("Reports (*.csv *.xlsx)"))
        if path:
            self.import_report_from(Path(path))

    def import_report_from(self, path: Path) -> None:
        from counselor_app.core.progress_import import import_usage_report

        desk = self.ctx.desk

        def work(task: Any) -> Any:
            return import_usage_report(desk, path, cancel=task.cancel,
                                       progress=lambda done, total: task.progress(done, total))

        self.ctx.collection_op(self, _cancellable(work), changes=("progress",)) \
            .success(lambda result: self.status_label.setText(result.summary())) \
            .with_progress(self.tr("Importing the usage report…"), cancellable=True).run_in_background()

    def _ask_invitations(self) -> None:
        from counselor_app.core.invitations import default_file_path, default_invitation_date

        day = default_invitation_date(self.ctx.desk)
        suggested = default_file_path(self.ctx.desk, day)
        path = self._save_path(self.tr("Save the invitation file"), suggested.name, self.tr("CSV file (*.csv)"))
        if path is not None:
            self.write_invitations_to(path, for_date=day, overwrite=True)  # the dialog asked about overwriting

    def write_invitations_to(self, path: Path, *, for_date: date | None = None, overwrite: bool = False) -> None:
        from counselor_app.core.invitations import write_invitation_file

        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: write_invitation_file(desk, path, for_date=for_date,
                                                                   overwrite=overwrite),
                               changes=("licenses",)) \
            .success(lambda result: self.status_label.setText(result.summary())) \
            .with_progress(self.tr("Writing the invitation file…")).run_in_background()

    # -- reminders ------------------------------------------------------------------------------------------
    def reminder_texts(self) -> dict[str, tuple[str, str]]:
        """Title and description of the core's reminder lists, in the UI language."""
        return {
            "invited_not_joined": (self.tr("Invited, not joined"), self.tr(
                "Licenses that were sent to the provider, but the learner does not appear in any usage report yet: "
                "the invitation may be in a spam folder, or was never opened.")),
            "joined_no_course": (self.tr("Joined, no course"), self.tr(
                "Learners who accepted the invitation but have not enrolled in any course.")),
            "inactive": (self.tr("Inactive"), self.tr(
                "Learners with an unfinished course and no activity for the given number of days.")),
            "deadline_near": (self.tr("Completion deadline near"), self.tr(
                "Learners with an unfinished course when the program's complete-by date is within the given "
                "number of days.")),
        }

    def _reminder_changed(self) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS

        spec = REMINDER_LISTS[self.reminder_list.currentData()]
        self.reminder_days.setEnabled(spec.default_days is not None)
        self.reminder_days.blockSignals(True)
        self.reminder_days.setValue(spec.default_days or 14)
        self.reminder_days.blockSignals(False)
        self._show_message()

    def _show_message(self) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS, reminder_message

        name = self.reminder_list.currentData()
        spec = REMINDER_LISTS[name]
        days = self.reminder_days.value() if spec.default_days is not None else None
        msg = reminder_message(self.ctx.profile, name, today=self.ctx.today(), days=days)
        self.message.setPlainText(msg.as_text())
        count = self.reminder_counts.get(name)
        people = "" if count is None or days not in (None, spec.default_days) else " " + self.tr(
            "{n:,} people on this list.").format(n=count)
        self.reminder_info.setText(self.reminder_texts().get(name, ("", spec.description))[1] + people)

    def _ask_reminder_export(self) -> None:
        name = self.reminder_list.currentData()
        path = self._save_path(self.tr("Save the reminder list"), f"reminders-{name}-{self.ctx.today()}.csv",
                               self.tr("CSV file (*.csv)"))
        if path is not None:
            self.export_reminders_to(path)

    def export_reminders_to(self, path: Path) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS, build_reminder_list, export_reminder_csv

        desk, f = self.ctx.desk, self.report_filter()
        name = self.reminder_list.currentData()
        days = self.reminder_days.value() if REMINDER_LISTS[name].default_days is not None else None

        def work(task: Any) -> Any:
            reminders = build_reminder_list(desk, name, days=days, report_filter=f)
            return reminders, export_reminder_csv(desk, reminders, path, cancel=task.cancel)

        def done(result: Any) -> None:
            reminders, count = result
            text = self.tr("{count:,} people written to {path}.").format(count=count, path=path)
            if reminders.left_out_no_consent:
                text += " " + self.tr("{n:,} left out: they did not consent to be contacted.").format(
                    n=reminders.left_out_no_consent)
            if reminders.note:
                text += " " + reminders.note
            self.reminder_info.setText(text)

        self.ctx.collection_op(self, _cancellable(work), changes=()).success(done) \
            .with_progress(self.tr("Writing the reminder list…"), cancellable=True).run_in_background()
