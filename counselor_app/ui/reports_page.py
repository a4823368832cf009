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
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
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
from counselor_app.ui.operations import OperationCancelled
from counselor_app.ui.report_table_model import SORT_ROLE, ReportTableModel, tables_from_figures
from counselor_app.ui.widgets import button, heading, paragraph

REFRESH_ON = ("licenses", "progress", "sync", "job_seekers")


@dataclass(frozen=True, slots=True)
class DashboardData:
    figures: SummaryFigures
    reminder_counts: dict[str, int]
    centers: list[tuple[str, str]]
    counselors: list[tuple[str, str]]


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
        self.week_chart = self._chart_view(parent, self.tr("Licenses issued and courses completed by week"))
        self.funnel_chart = self._chart_view(parent, self.tr("Invited → joined → enrolled → completed"))
        self.course_chart = self._chart_view(parent, self.tr("Completions by course (top 10)"))
        self.course_chart.setMinimumHeight(320)
        grid.addWidget(self.week_chart, 0, 0)
        grid.addWidget(self.funnel_chart, 0, 1)
        grid.addWidget(self.course_chart, 1, 0, 1, 2)  # full width: course titles are long
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _chart_view(self, parent: QWidget, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setVisible(False)
        view = QChartView(chart, parent)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        view.setAccessibleName(title)
        return view

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
        self.invite_button = button(self.tr("Make &invitation file…"), parent,
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
            self.reminder_list.addItem(spec.title, name)
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
        last = (self.tr("Usage report last imported {when} (UTC).").format(when=f"{f.last_import_at:%m/%d/%Y %H:%M}")
                if f.last_import_at else self.tr("No usage report has been imported yet: import one to see who "
                                                 "joined, enrolled and completed."))
        basis = ("" if f.invited_basis == "invitation_batches" else " " + self.tr(
            "No invitation file has been made on this desk yet, so every issued license counts as invited."))
        self.status_label.setText(f"{f.filter_text}. {last}{basis}")
        for key, (columns, rows) in tables_from_figures(f).items():
            self.tables[key][0].set_table(columns, rows)
        self._draw_charts(f)
        self._show_message()

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
    def _draw_charts(self, f: SummaryFigures) -> None:
        weeks = f.by_week
        labels = [f"{w.week_start.month}/{w.week_start.day}" for w in weeks]
        issued = QBarSet(self.tr("Licenses issued"))
        issued.append([float(w.issued) for w in weeks])
        line = QLineSeries()
        line.setName(self.tr("Course completions"))
        for i, w in enumerate(weeks):
            line.append(i, float(w.course_completions))
        self._set_bars(self.week_chart, [issued], labels, extra=line, legend=True)
        funnel = QBarSet(self.tr("People"))
        funnel.append([float(v) for _, v in f.funnel()])
        self._set_bars(self.funnel_chart, [funnel], [self.tr(s) for s, _ in f.funnel()])
        top = sorted(f.by_course, key=lambda c: (-c.completed, -c.enrolled, c.course_name))[:10]
        top.reverse()  # a horizontal bar chart draws the first category at the bottom
        done = QBarSet(self.tr("Completions"))
        done.append([float(c.completed) for c in top])
        names = [c.course_name if len(c.course_name) <= 36 else c.course_name[:35] + "…" for c in top]
        self._set_bars(self.course_chart, [done], names, horizontal=True)

    def _set_bars(self, view: QChartView, sets: list[QBarSet], categories: list[str], *, extra: Any = None,
                  horizontal: bool = False, legend: bool = False) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for s in sets:
            series.append(s)
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append(categories or [""])
        if not horizontal and len(categories) > 8:
            cats.setLabelsAngle(-60)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([max((s.at(i) for i in range(s.count())), default=0.0) for s in sets] + [1.0])
        if extra is not None:
            chart.addSeries(extra)
            top = max(top, max((p.y() for p in extra.points()), default=0.0))
        values.setRange(0, top * 1.1)
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
            extra.attachAxis(cats)
            extra.attachAxis(values)
        chart.legend().setVisible(legend)
        if legend:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    # -- files ----------------------------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        start = str(self.ctx.desk.paths.exports_dir / name)
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
            .success(lambda result: self.status_label.setText(
                self.tr("Saved {path} ({rows:,} license rows).").format(path=result.path, rows=result.detail_rows))) \
            .with_progress(self.tr("Writing the Excel summary…"), cancellable=True).run_in_background()

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
        self.reminder_info.setText(spec.description + people)

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
