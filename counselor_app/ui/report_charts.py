"""The Reports page's charts: weekly licenses and completions, the invitation funnel and the top
courses, drawn with Qt Charts; a panel says in words why a chart is empty instead of drawing bare axes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.reports import SummaryFigures
from counselor_app.ui.widgets import html_escape, paragraph


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


if TYPE_CHECKING:  # the type checker sees the widget this mixin is part of (``self.tr``, ``self`` as parent)
    _PageBase = QWidget
else:
    _PageBase = object


class ReportCharts(_PageBase):
    """The charts half of ``ReportsPage`` (a mixin: it draws into the panels the page built)."""

    week_panel: ChartPanel
    week_chart: QChartView
    funnel_panel: ChartPanel
    funnel_chart: QChartView
    course_panel: ChartPanel
    course_chart: QChartView
    empty_import_button: QWidget

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
