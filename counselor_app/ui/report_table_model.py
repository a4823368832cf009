"""Tables of the Reports page (by center, counselor, week, course, collection) as one Qt table model.

Rows are the core's figure dataclasses turned into plain value tuples, so the model is filled from a worker
thread's result and tested without widgets. ``SORT_ROLE`` gives the raw value (numbers sort as numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from counselor_app.core.reports import (
    CollectionFigures,
    CourseFigures,
    GroupFigures,
    SummaryFigures,
    WeekFigures,
)
from counselor_app.ui.row_table_model import ALIGN_RIGHT, RowTableModel, TableColumn

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# Written out as ``_Q.translate("ReportTableModel", ...)`` at every use so pyside6-lupdate can find the texts.
_Q = QCoreApplication

TEXT, INT, PERCENT, HOURS, DAY = "text", "int", "percent", "hours", "date"
MINUTES = "minutes"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    kind: str


def format_value(value: Any, kind: str) -> str:
    if value is None:
        return "—"
    if kind == INT:
        return f"{int(value):,}"
    if kind == PERCENT:
        return f"{float(value):.1%}"
    if kind == HOURS:
        return f"{float(value):,.1f}"
    if kind == MINUTES:
        return f"{float(value):,.1f}"
    if kind == DAY and isinstance(value, date):
        return f"{value.month}/{value.day}/{value.year}"
    return str(value)


def group_columns(first: str) -> list[Column]:
    return [Column(first, TEXT), Column(_Q.translate("ReportTableModel", "Issued"), INT), Column(_Q.translate("ReportTableModel", "Pending approval"), INT),
            Column(_Q.translate("ReportTableModel", "Invited"), INT), Column(_Q.translate("ReportTableModel", "Joined"), INT), Column(_Q.translate("ReportTableModel", "Enrolled"), INT),
            Column(_Q.translate("ReportTableModel", "Completed"), INT), Column(_Q.translate("ReportTableModel", "Completion rate"), PERCENT),
            Column(_Q.translate("ReportTableModel", "Learning hours"), HOURS)]


def group_row(label: Any, g: GroupFigures) -> tuple[Any, ...]:
    return (label, g.issued, g.pending_approval, g.invited, g.joined, g.enrolled, g.completed, g.completion_rate,
            g.learning_hours)


def tables_from_figures(figures: SummaryFigures) -> dict[str, tuple[list[Column], list[tuple[Any, ...]]]]:
    """The page's tables, keyed by tab: the same figures as the workbook's sheets."""
    weeks: list[WeekFigures] = figures.by_week
    courses: list[CourseFigures] = figures.by_course
    collections: list[CollectionFigures] = figures.by_collection
    week_cols = [Column(_Q.translate("ReportTableModel", "Week starting"), DAY), *group_columns("")[1:],
                 Column(_Q.translate("ReportTableModel", "Course completions"), INT)]
    return {
        "center": (group_columns(_Q.translate("ReportTableModel", "Center")), [group_row(g.label, g) for g in figures.by_center]),
        "counselor": (group_columns(_Q.translate("ReportTableModel", "Counselor")), [group_row(g.label, g) for g in figures.by_counselor]),
        "week": (week_cols, [(*group_row(w.week_start, w), w.course_completions) for w in weeks]),
        "course": ([Column(_Q.translate("ReportTableModel", "Course"), TEXT), Column(_Q.translate("ReportTableModel", "Collections"), TEXT), Column(_Q.translate("ReportTableModel", "Enrolled"), INT),
                    Column(_Q.translate("ReportTableModel", "Completed"), INT), Column(_Q.translate("ReportTableModel", "Completion rate"), PERCENT),
                    Column(_Q.translate("ReportTableModel", "Learning hours"), HOURS)],
                   [(c.course_name, "; ".join(c.collections), c.enrolled, c.completed, c.completion_rate,
                     c.learning_hours) for c in courses]),
        "front_desk": front_desk_table(figures.front_desk),
        "collection": ([Column(_Q.translate("ReportTableModel", "Collection"), TEXT), Column(_Q.translate("ReportTableModel", "Courses"), INT), Column(_Q.translate("ReportTableModel", "Enrollments"), INT),
                        Column(_Q.translate("ReportTableModel", "Completed"), INT), Column(_Q.translate("ReportTableModel", "Completion rate"), PERCENT),
                        Column(_Q.translate("ReportTableModel", "Learning hours"), HOURS)],
                       [(c.collection, c.courses, c.enrolled, c.completed, c.completion_rate, c.learning_hours)
                        for c in collections]),
    }


def front_desk_table(fd: dict[str, Any]) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """Issue 16: wait and service minutes at the front desk, all together, then by day, center and counselor."""
    columns = [Column(_Q.translate("ReportTableModel", "Grouped by"), TEXT),
               Column(_Q.translate("ReportTableModel", "Day, center or counselor"), TEXT),
               Column(_Q.translate("ReportTableModel", "Called in"), INT),
               Column(_Q.translate("ReportTableModel", "Left unseen"), INT),
               Column(_Q.translate("ReportTableModel", "Median wait (min)"), MINUTES),
               Column(_Q.translate("ReportTableModel", "90th percentile wait (min)"), MINUTES),
               Column(_Q.translate("ReportTableModel", "Median service (min)"), MINUTES),
               Column(_Q.translate("ReportTableModel", "90th percentile service (min)"), MINUTES)]
    parts = (("totals", _Q.translate("ReportTableModel", "All")), ("by_day", _Q.translate("ReportTableModel", "Day")),
             ("by_center", _Q.translate("ReportTableModel", "Center")),
             ("by_counselor", _Q.translate("ReportTableModel", "Counselor")))
    rows: list[tuple[Any, ...]] = []
    for part, label in parts:
        groups = [fd[part]] if part == "totals" and part in fd else fd.get(part, []) if part != "totals" else []
        for g in groups:
            if part == "totals":
                name = f"{fd.get('from', '')} – {fd.get('to', '')}"
            elif part == "by_day":
                day = date.fromisoformat(g["key"])
                name = f"{day.month}/{day.day}/{day.year}"
            else:
                name = g.get("key") or _Q.translate("ReportTableModel", "(not recorded)")
            rows.append((label, name, g.get("seen", 0), g.get("left_unseen", 0), g.get("median_wait_min"),
                         g.get("p90_wait_min"), g.get("median_service_min"), g.get("p90_service_min")))
    return columns, rows


def _sort_value(value: Any, kind: str) -> Any:
    if value is None:
        return -1.0 if kind != TEXT else ""
    if isinstance(value, date):
        return value.toordinal()
    return value if kind != TEXT else str(value).casefold()


def _table_column(i: int, column: Column) -> TableColumn[tuple[Any, ...]]:
    kind = column.kind
    return TableColumn(column.title, lambda r: format_value(r[i], kind), sort=lambda r: _sort_value(r[i], kind),
                       tooltip=(lambda r: str(r[i])) if kind == TEXT else None,
                       alignment=ALIGN_RIGHT if kind != TEXT else None)


class ReportTableModel(RowTableModel[tuple[Any, ...]]):
    """Columns change with the tab, so ``set_table`` replaces them together with the rows."""

    sort_role = SORT_ROLE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)

    def set_table(self, columns: Sequence[Column], rows: Sequence[tuple[Any, ...]]) -> None:
        self.set_rows([tuple(r) for r in rows], columns=[_table_column(i, c) for i, c in enumerate(columns)])

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        return self.row_at(row)
