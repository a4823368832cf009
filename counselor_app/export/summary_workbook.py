"""The supervisor's Excel summary: headline figures with native charts, then sheets by center, counselor, week,
course and collection, and a detail sheet of every license.

Why it is built this way:

- The figures come from ``core.reports.compute_summary``, the same function the dashboard and the CLI use.
- The whole workbook is written in openpyxl's write-only mode: the detail sheet may hold 100,000 rows, and
  streaming keeps memory flat. (Write-only mode needs column widths and frozen panes set before the first row.)
- Every string from the data goes through ``export.cells.text_cell``: text stays text, never a formula.
- The detail sheet's rows skip openpyxl's per-cell objects (most of the export time at 100,000 rows): they are
  streamed as sheet XML by ``export.sheet_stream`` and spliced into the package openpyxl wrote, under the title,
  header, widths, frozen panes and auto-filter openpyxl wrote for that sheet.
- It is written to a temporary file in the destination folder and moved into place only when complete, so a
  cancel, a failure or a full disk never leaves a half-written workbook behind.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from counselor_app.core.changes import record_audit
from counselor_app.core.environment_errors import file_write_error
from counselor_app.core.errors import Cancelled
from counselor_app.core.messages import Message
from counselor_app.core.reports import (
    DETAIL_COLUMNS,
    ReportFilter,
    SummaryFigures,
    compute_summary,
    count_detail_rows,
    iter_detail_rows,
    require_supervisor,
)
from counselor_app.core.vocabulary import Entity, LicenseStatus
from counselor_app.export.cells import styled_cell, text_cell
from counselor_app.export.sheet_stream import RowStream, splice_rows

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

ProgressCallback = Callable[[int, int], None]

WORKBOOK = Message("file.summary_workbook", "The summary workbook")  # named inside "… could not be saved"
INT = "#,##0"
HOURS = "#,##0.0"
PERCENT = "0.0%"
DAY = "m/d/yyyy"
STAMP = "m/d/yyyy h:mm"
FONT = "Calibri"
TITLE_FONT = Font(name=FONT, bold=True, size=14, color="1F3864")
NOTE_FONT = Font(name=FONT, italic=True, size=9, color="595959")
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
SECTION_FONT = Font(name=FONT, bold=True, size=11, color="1F3864")
TOTAL_FONT = Font(name=FONT, bold=True)
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")

SHEET_NAMES = ("Summary", "By Center", "By Counselor", "By Week", "By Course", "By Collection", "Outcomes",
               "Front Desk", "Detail")
HEADER_ROW = 4  # on table sheets: title, filter, blank, header
# Deflate level for the package. The detail sheet is ~75 MB of XML at 100,000 rows; level 1 compresses it
# about 1 s faster than the default 6 at full scale, for a 12.5 MB file instead of 10.2 MB.
COMPRESS_LEVEL = 1


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    detail_rows: int
    sheets: tuple[str, ...]
    seconds: float
    figures: SummaryFigures


@dataclass(slots=True)
class _Progress:
    callback: ProgressCallback | None
    cancel: Event | None
    total: int
    done: int = 0

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("The export was cancelled; no file was written.")
        if self.callback is not None:
            self.callback(min(self.done, self.total), self.total)


def export_summary_workbook(desk: Desk, path: str | os.PathLike[str], *, report_filter: ReportFilter | None = None,
                            include_detail: bool = True, progress: ProgressCallback | None = None,
                            cancel: Event | None = None) -> ExportResult:
    """Write the summary workbook to ``path``; supervisors only, audited with the filter and row count."""
    require_supervisor(desk, what=Message("supervisor_only.export_summary", "export the program summary (its detail sheet names job seekers)"))
    started = time.perf_counter()
    f = report_filter or ReportFilter()
    target = Path(path)
    if target.suffix.casefold() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_write_error(exc, what=WORKBOOK, where=target.parent) from None
    figures = compute_summary(desk, f)
    detail_total = count_detail_rows(desk, f) if include_detail else 0
    tracker = _Progress(progress, cancel, total=detail_total + 60)
    tracker.step(10)

    wb = Workbook(write_only=True)
    try:
        tmp = _temp_path(target)
    except OSError as exc:
        raise file_write_error(exc, what=WORKBOOK, where=target.parent) from None
    spliced: Path | None = None
    detail: RowStream | None = None
    written = 0
    try:
        _summary_sheet(wb, desk, figures)
        tracker.step(10)
        _group_sheet(wb, "By Center", "Center", figures, figures.by_center)
        _group_sheet(wb, "By Counselor", "Counselor", figures, figures.by_counselor)
        _week_sheet(wb, figures)
        tracker.step(10)
        _course_sheet(wb, figures)
        _collection_sheet(wb, figures)
        _outcomes_sheet(wb, desk, figures)
        _front_desk_sheet(wb, figures)
        tracker.step(10)
        if include_detail:
            detail_ws, detail = _detail_sheet(wb, desk, figures, f, tracker)
            written = detail.next_row - HEADER_ROW - 1
        _save_workbook(wb, tmp)
        tracker.step(10)
        if detail is not None:
            # openpyxl names sheet parts when it saves; the Detail sheet's part gets the streamed rows.
            spliced = _temp_path(target)
            splice_rows(tmp, spliced, detail_ws.path.lstrip("/"), detail, compresslevel=COMPRESS_LEVEL)
            os.replace(spliced, target)
            tmp.unlink()
        else:
            os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if spliced is not None:
            spliced.unlink(missing_ok=True)
        _discard_sheet_buffers(wb)
        if isinstance(exc, OSError):  # a full disk, a read-only folder: a sentence; no half-written file is left
            raise file_write_error(exc, what=WORKBOOK, where=target.parent) from None
        raise
    finally:
        if detail is not None:
            detail.close()
    with desk.store.write() as session:
        record_audit(session, desk.actor, "export_summary", entity=Entity.REPORT, entity_id=None,
                     detail={"filter": f.as_dict(), "detail_rows": written, "include_detail": include_detail,
                             "file_name": target.name})
    tracker.step(10)
    sheets = SHEET_NAMES if include_detail else SHEET_NAMES[:-1]
    return ExportResult(path=target, detail_rows=written, sheets=sheets,
                        seconds=time.perf_counter() - started, figures=figures)


def _save_workbook(wb: Workbook, path: Path) -> None:
    """``wb.save`` with the archive closed on failure too: openpyxl leaves it open when a write fails (a full
    disk), and its later ``__del__`` prints a traceback after the counselor's message."""
    wb.properties.modified = datetime.now(UTC).replace(tzinfo=None)  # as openpyxl's save does
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(wb, archive).write_data()
    except BaseException:
        try:
            archive.close()
        except OSError:
            pass  # the disk that failed the write fails the close too; the first error is the one to report
        raise
    archive.close()


def _temp_path(target: Path) -> Path:
    """A hidden temporary file next to ``target`` (same disk, so the final move is atomic)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".xlsx.tmp")
    os.close(fd)
    return Path(name)


def _discard_sheet_buffers(wb: Workbook) -> None:
    """Write-only sheets stream into temporary files; remove them when the workbook is abandoned."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()  # ends the sheet's XML stream before its file is closed
            writer.close()
            writer.cleanup()
        except Exception:  # noqa: BLE001 - best effort: the files live in the system's temp folder
            pass


# -- shared layout -------------------------------------------------------------------------------------------------


def _page_setup(ws: Any, *, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "1"  # US Letter
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def _title_rows(ws: Any, title: str, figures: SummaryFigures, *, width: int) -> None:
    ws.append([text_cell(ws, title, style={"font": TITLE_FONT})])
    ws.append([text_cell(ws, f"{figures.program_name}. {figures.filter_text}.", style={"font": NOTE_FONT})])
    ws.append([])


def _header(ws: Any, labels: Sequence[str]) -> None:
    ws.append([text_cell(ws, label, style={"font": HEADER_FONT, "fill": HEADER_FILL, "border": HEADER_BORDER,
                                           "alignment": Alignment(vertical="center")})
               for label in labels])


def _widths(ws: Any, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _fit_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, minimum: float = 9,
                maximum: float = 60) -> list[float]:
    """Column widths from the longest value (dates and numbers by their shown length)."""
    widths = [max(minimum, min(maximum, len(h) * 1.15 + 2)) for h in headers]  # bold headers, unwrapped
    for row in rows[:2000]:
        for i, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, float):
                n = len(f"{value:,.1f}")
            elif isinstance(value, (date, datetime)):
                n = 10
            else:
                n = len(str(value))
            widths[i] = max(widths[i], min(maximum, n * 1.05 + 2))
    return widths


def _finish_table(ws: Any, ncols: int, last_row: int) -> None:
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{max(last_row, HEADER_ROW + 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _fmt_row(ws: Any, values: Sequence[Any], formats: Sequence[str | None], *, bold: bool = False) -> list[Any]:
    out: list[Any] = []
    for value, fmt in zip(values, formats, strict=True):
        style: dict[str, Any] = {}
        if fmt:
            style["number_format"] = fmt
        if bold:
            style["font"] = TOTAL_FONT
        if isinstance(value, str) or value is None:
            out.append(text_cell(ws, value, style=style or None) if value is not None else None)
        elif style:
            out.append(styled_cell(ws, value, **style))
        else:
            out.append(value)
    return out


# -- Summary ---------------------------------------------------------------------------------------------------------


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _summary_sheet(wb: Workbook, desk: Desk, figures: SummaryFigures) -> None:
    ws = wb.create_sheet("Summary")
    _page_setup(ws)
    _widths(ws, (40, 19, 64, 2))
    t = figures.totals
    generated = f"{figures.generated_at:%m/%d/%Y %H:%M} UTC"
    rows_written = 0

    def put(cells: Sequence[Any]) -> int:
        """Append a row; returns its number (write-only sheets do not tell)."""
        nonlocal rows_written
        ws.append(list(cells))
        rows_written += 1
        return rows_written

    def header(labels: Sequence[str]) -> int:
        _header(ws, labels)
        nonlocal rows_written
        rows_written += 1
        return rows_written

    put([text_cell(ws, f"{figures.program_name}: program summary", style={"font": TITLE_FONT})])
    put([text_cell(ws, f"Filter: {figures.filter_text}.", style={"font": NOTE_FONT})])
    put([text_cell(ws, f"Made {generated} by {desk.actor.display_name} ({desk.actor.role}). The Detail sheet "
                       "names job seekers: keep this file on encrypted storage and share it only with staff "
                       "who need it.", style={"font": NOTE_FONT})])
    put([])
    put(_section(ws, "Headline figures"))
    header(("Figure", "Value", "What it counts"))
    d = figures.definitions
    pool_note = ("Statewide pool size from the agency profile"
                 + (f"; {figures.issued_statewide:,} issued statewide at the last sync." if figures.issued_statewide
                    else "."))
    headline: list[tuple[str, Any, str, str]] = [
        ("Licenses issued", t.issued, INT, d["issued"]),
        ("Pending approval", t.pending_approval, INT, d["pending_approval"]),
        ("Revoked", t.revoked, INT, "Revoked by an administrator; not counted as issued."),
        ("License pool", figures.pool_size, INT, pool_note if figures.pool_size else "No fixed pool for this "
         "program."),
        ("Invited", t.invited, INT, d["invited"]),
        ("Joined", t.joined, INT, d["joined"]),
        ("Enrolled", t.enrolled, INT, d["enrolled"]),
        ("Completed", t.completed, INT, d["completed"]),
        ("Completion rate", t.completion_rate, PERCENT, d["completion_rate"]),
        ("Course enrollments", figures.course_enrollments, INT, "Courses enrolled in, counting each course."),
        ("Course completions", figures.course_completions, INT, "Courses completed, counting each course."),
        ("Learning hours", round(t.learning_hours, 1), HOURS, "Learning hours reported by the provider."),
        ("Credentials earned", figures.credentials_earned, INT, d["credentials_earned"]
         + ("" if figures.catalog_available else " (catalog not available: not counted)")),
        *_state_outcome_rows(desk),
        ("Recorded as working", figures.outcomes.recorded_working, INT, d["recorded_working"]),
        ("Case notes written", figures.outcomes.case_notes, INT, "Case notes in the period (their text is not "
         "exported)."),
        ("Progress rows needing review", figures.unmatched_progress_rows, INT, "Rows of the usage report that "
         "match no job seeker on this desk (all periods)."),
        ("Usage report last imported", figures.last_import_at, STAMP, "UTC."
         if figures.last_import_at else "No usage report has been imported yet."),
    ]
    for label, value, fmt, meaning in headline:
        put([text_cell(ws, label), styled_cell(ws, value, number_format=fmt) if value is not None else None,
             text_cell(ws, meaning, style={"font": NOTE_FONT})])
    put([text_cell(ws, "About job outcomes"), None,
          text_cell(ws, figures.outcomes.note, style={"font": NOTE_FONT, "alignment": WRAP})])
    put([])

    # Chart data blocks; the charts sit to the right of them.
    put(_section(ws, "Funnel"))
    funnel_header = header(("Stage", "People"))
    for stage, value in figures.funnel():
        funnel_last = put([text_cell(ws, stage), styled_cell(ws, value, number_format=INT)])
    put([])

    put(_section(ws, "Licenses by week"))
    week_header = header(("Week starting", "Licenses issued", "Course completions"))
    week_last = week_header
    for w in figures.by_week:
        week_last = put([styled_cell(ws, w.week_start, number_format=DAY),
                         styled_cell(ws, w.issued, number_format=INT),
                         styled_cell(ws, w.course_completions, number_format=INT)])
    put([])

    top = sorted(figures.by_course, key=lambda c: (-c.completed, -c.enrolled, c.course_name))[:10]
    put(_section(ws, "Most completed courses"))
    course_header = header(("Course", "Completions", "Enrolled"))
    course_last = course_header
    for c in top:
        course_last = put([text_cell(ws, _short(c.course_name)), styled_cell(ws, c.completed, number_format=INT),
                           styled_cell(ws, c.enrolled, number_format=INT)])
    put([])

    put(_section(ws, "Most popular courses (enrollments)"))
    header(("Course", "Enrolled", "Completion rate"))
    for c in figures.popular_courses:
        put([text_cell(ws, _short(c.course_name)), styled_cell(ws, c.enrolled, number_format=INT),
             styled_cell(ws, c.completion_rate, number_format=PERCENT) if c.completion_rate is not None else None])
    put([])
    put(_section(ws, "Appointment outcomes"))
    header(("Outcome", "Appointments"))
    for outcome, n in sorted(figures.outcomes.appointment_outcomes.items(), key=lambda kv: -kv[1]):
        put([text_cell(ws, outcome.replace("_", " ").capitalize()), styled_cell(ws, n, number_format=INT)])

    if week_last > week_header:
        chart = BarChart()
        chart.type = "col"
        chart.title = "Licenses issued and courses completed by week"
        chart.y_axis.title = "Count"
        chart.add_data(Reference(ws, min_col=2, min_row=week_header, max_row=week_last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=week_header + 1, max_row=week_last))
        line = LineChart()
        line.add_data(Reference(ws, min_col=3, min_row=week_header, max_row=week_last), titles_from_data=True)
        line.series[0].smooth = False
        chart += line
        chart.x_axis.number_format = "m/d"
        _place(ws, chart, "E5", legend=True)
    funnel = BarChart()
    funnel.type = "col"
    funnel.title = "Invited → joined → enrolled → completed"
    funnel.add_data(Reference(ws, min_col=2, min_row=funnel_header, max_row=funnel_last), titles_from_data=True)
    funnel.set_categories(Reference(ws, min_col=1, min_row=funnel_header + 1, max_row=funnel_last))
    _place(ws, funnel, "E22", legend=False)
    if course_last > course_header:
        courses = BarChart()
        courses.type = "bar"
        courses.title = "Completions by course (top 10)"
        courses.add_data(Reference(ws, min_col=2, min_row=course_header, max_row=course_last),
                         titles_from_data=True)
        courses.set_categories(Reference(ws, min_col=1, min_row=course_header + 1, max_row=course_last))
        courses.x_axis.scaling.orientation = "maxMin"  # most completed at the top
        _place(ws, courses, "E39", legend=False, height=9.5)


def _section(ws: Any, title: str) -> list[Any]:
    return [text_cell(ws, title, style={"font": SECTION_FONT})]


def _place(ws: Any, chart: Any, anchor: str, *, legend: bool, height: float = 7.5) -> None:
    chart.width = 18
    chart.height = height
    chart.style = 10
    # openpyxl 3.1 marks axes as deleted unless told otherwise; Excel then draws no labels.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if not legend:
        chart.legend = None
    else:
        chart.legend.position = "b"
    ws.add_chart(chart, anchor)


# -- table sheets -------------------------------------------------------------------------------------------------

GROUP_HEADERS = ("Issued", "Pending approval", "Revoked", "Inactivated", "Invited", "Joined", "Enrolled",
                 "Completed", "Completion rate", "Learning hours")
GROUP_FORMATS = (INT, INT, INT, INT, INT, INT, INT, INT, PERCENT, HOURS)


def _group_values(g: Any) -> list[Any]:
    return [g.issued, g.pending_approval, g.revoked, g.inactivated, g.invited, g.joined, g.enrolled, g.completed,
            g.completion_rate, round(g.learning_hours, 1)]


def _table_sheet(wb: Workbook, name: str, figures: SummaryFigures, headers: Sequence[str],
                 formats: Sequence[str | None], rows: Sequence[Sequence[Any]], *,
                 total: Sequence[Any] | None = None) -> Any:
    ws = wb.create_sheet(name)
    _page_setup(ws)
    _widths(ws, _fit_widths(headers, rows))
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    _title_rows(ws, name.replace("By ", "Figures by ").replace("Detail", "Licenses"), figures, width=len(headers))
    _header(ws, headers)
    for r in rows:
        ws.append(_fmt_row(ws, r, formats))
    last = HEADER_ROW + len(rows)
    _finish_table(ws, len(headers), last)
    if total is not None:
        ws.append([])
        ws.append(_fmt_row(ws, total, formats, bold=True))
    return ws


def _group_sheet(wb: Workbook, name: str, label: str, figures: SummaryFigures, groups: Sequence[Any]) -> None:
    rows = [[g.label, *_group_values(g)] for g in groups]
    _table_sheet(wb, name, figures, (label, *GROUP_HEADERS), (None, *GROUP_FORMATS), rows,
                 total=["All", *_group_values(figures.totals)])


def _week_sheet(wb: Workbook, figures: SummaryFigures) -> None:
    rows = [[w.week_start, *_group_values(w), w.course_completions] for w in figures.by_week]
    total = ["All", *_group_values(figures.totals), sum(w.course_completions for w in figures.by_week)]
    _table_sheet(wb, "By Week", figures, ("Week starting", *GROUP_HEADERS, "Course completions that week"),
                 (DAY, *GROUP_FORMATS, INT), rows, total=total)


def _course_sheet(wb: Workbook, figures: SummaryFigures) -> None:
    def credential(value: bool | None) -> str:
        return "Unknown" if value is None else ("Yes" if value else "No")

    rows = [[c.course_name, "; ".join(c.collections), c.learners, c.enrolled, c.completed, c.completion_rate,
             round(c.learning_hours, 1), credential(c.free_credential)] for c in figures.by_course]
    _table_sheet(wb, "By Course", figures, ("Course", "Collections", "Learners", "Enrolled", "Completed",
                                            "Completion rate", "Learning hours", "Free credential"),
                 (None, None, INT, INT, INT, PERCENT, HOURS, None), rows)


def _collection_sheet(wb: Workbook, figures: SummaryFigures) -> None:
    rows = [[c.collection, c.courses, c.enrolled, c.completed, c.completion_rate, round(c.learning_hours, 1)]
            for c in figures.by_collection]
    _table_sheet(wb, "By Collection", figures, ("Collection", "Courses", "Enrollments", "Completed",
                                                "Completion rate", "Learning hours"),
                 (None, INT, INT, INT, PERCENT, HOURS), rows)


FRONT_DESK_HEADERS = ("Called in", "Left unseen", "Median wait (min)", "90th percentile wait (min)",
                      "Median service (min)", "90th percentile service (min)")
MINUTES = "0.0"


def _front_desk_sheet(wb: Workbook, figures: SummaryFigures) -> None:
    """Issue 16: wait (arrived → called in) and service (called in → ended) minutes at the front desk, by day,
    center and counselor, over the report's dates in the center's time zone."""
    fd = figures.front_desk

    def values(g: dict[str, Any]) -> list[Any]:
        return [g.get("seen", 0), g.get("left_unseen", 0), g.get("median_wait_min"), g.get("p90_wait_min"),
                g.get("median_service_min"), g.get("p90_service_min")]

    rows: list[list[Any]] = []
    for part, label in (("by_day", "Day"), ("by_center", "Center"), ("by_counselor", "Counselor")):
        for g in fd.get(part, []):
            key = g.get("key") or "(not recorded)"
            rows.append([label, date.fromisoformat(key) if part == "by_day" else key, *values(g)])
    ws = _table_sheet(wb, "Front Desk", figures, ("Grouped by", "Day, center or counselor", *FRONT_DESK_HEADERS),
                      (None, DAY, INT, INT, MINUTES, MINUTES, MINUTES, MINUTES), rows,
                      total=["All", f"{fd.get('from', '')} – {fd.get('to', '')}", *values(fd.get("totals", {}))])
    ws.append([])
    ws.append([text_cell(ws, "Wait: from arrival at the front desk to being called in. Service: from being called "
                         "in to the end of the appointment. Minutes; dates and days in the center's time zone. "
                         "The 90th percentile is the wait 9 in 10 people did not exceed.",
                         style={"font": NOTE_FONT})])


def _state_outcome_rows(desk: Desk) -> list[tuple[str, Any, str, str]]:
    """Participants vs reportable individuals and outcomes entered, for the Summary sheet (program-wide)."""
    from counselor_app.core.outcomes import OutcomeRulesError, outcome_figures

    try:
        of = outcome_figures(desk)
    except OutcomeRulesError:
        return []
    return [
        ("WIOA participants", of.participants, INT, "Licensed job seekers who also received an enrolling service "
         f"({', '.join(of.enrolling_services) or 'none named'}); program-wide."),
        ("Reportable individuals", of.reportable_individuals, INT, "Licensed job seekers with no enrolling "
         "service: counted, not in performance (TA 21-01); program-wide."),
        ("Outcomes accepted", of.accepted, INT, "Course completions, credentials, skill gains and closures an "
         "administrator accepted (Outcomes sheet)."),
        ("Outcomes entered", of.entered, INT, "Accepted outcomes confirmed as entered in the state's system."),
    ]


def _outcomes_sheet(wb: Workbook, desk: Desk, figures: SummaryFigures) -> None:
    """Outcomes for the state's system by kind and status, then participants vs reportable individuals
    (``core/outcomes.py``; TA 21-01, 20 CFR 677.150). Program-wide: the report filter does not apply here."""
    from counselor_app.core.outcomes import OutcomeKind, OutcomeRulesError, outcome_figures, rules_for

    try:
        rules = rules_for(desk)
        of = outcome_figures(desk)
    except OutcomeRulesError as exc:
        _table_sheet(wb, "Outcomes", figures, ("Outcome",), (None,), [[str(exc)]])
        return
    rows: list[list[Any]] = []
    counts_only: list[list[int]] = []
    for kind in OutcomeKind:
        rule = rules.rule(kind)
        if not rule.counted and not of.by_kind.get(kind.value):
            continue
        counts = of.by_kind.get(kind.value, {})
        numbers = [counts.get(s, 0) for s in ("proposed", "accepted", "entered", "rejected")]
        counts_only.append(numbers)
        rows.append([rule.label if rule.counted else kind.value, rule.code, *numbers])
    total = ["All", "", *(sum(n[i] for n in counts_only) for i in range(4))]
    ws = _table_sheet(wb, "Outcomes", figures, (f"{rules.system} entry", "Code", "Proposed",
                                                "Accepted, not yet entered", f"Entered in {rules.system}",
                                                "Rejected"), (None, None, INT, INT, INT, INT), rows, total=total)
    ws.append([])
    ws.append([text_cell(ws, "Job seekers with a license", style={"font": TOTAL_FONT}),
               None, styled_cell(ws, of.licensed, number_format=INT)])
    ws.append([text_cell(ws, "WIOA participants (received an enrolling service)"), None,
               styled_cell(ws, of.participants, number_format=INT)])
    ws.append([text_cell(ws, "Reportable individuals (no enrolling service; not in performance)"), None,
               styled_cell(ws, of.reportable_individuals, number_format=INT)])
    ws.append([text_cell(ws, "People with a credential accepted"), None,
               styled_cell(ws, of.people_with_credential, number_format=INT)])
    ws.append([text_cell(ws, f"Enrolling services: {', '.join(of.enrolling_services) or 'none'}. {of.source} "
                         "Program-wide figures: the report filter does not apply to this sheet.",
                         style={"font": NOTE_FONT})])


DETAIL_WIDTHS = (26, 34, 38, 16, 44, 20, 11, 16, 12, 8, 9, 10, 11, 10, 16)  # centers: "MassHire … Career Center"
#: The Detail sheet prints this many pages wide (about 100 % on US Letter landscape), its header row and the
#: names repeated on each: fitting its 15 columns on one page printed them at about 5 points.
DETAIL_PAGES_WIDE = 3
#: License statuses in words (the stored values are codes).
STATUS_WORDS: dict[str, str] = {LicenseStatus.ISSUED: "Issued", LicenseStatus.PENDING_APPROVAL: "Pending approval", LicenseStatus.REVOKED: "Revoked",
                LicenseStatus.INACTIVATED: "Inactivated"}


def _detail_sheet(wb: Workbook, desk: Desk, figures: SummaryFigures, f: ReportFilter,
                  tracker: _Progress) -> tuple[Any, RowStream]:
    """openpyxl writes the sheet's layout, title and header; the license rows go to a RowStream (see the module
    notes). Returns the sheet and the stream, for splicing once the workbook is saved."""
    ws = wb.create_sheet("Detail")
    _page_setup(ws)
    ws.page_setup.fitToWidth = DETAIL_PAGES_WIDE
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_title_cols = "A:A"
    _widths(ws, [max(w, len(h) * 1.15 + 2) for w, h in zip(DETAIL_WIDTHS, DETAIL_COLUMNS, strict=True)])
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    _title_rows(ws, "Licenses (one row per license): personal information", figures, width=len(DETAIL_COLUMNS))
    _header(ws, DETAIL_COLUMNS)
    # Register the cell styles the streamed rows refer to, so openpyxl's stylesheet contains them.
    stream = RowStream(first_row=HEADER_ROW + 1, columns=len(DETAIL_COLUMNS),
                       day_style=styled_cell(ws, date(2000, 1, 1), number_format=DAY).style_id,
                       stamp_style=styled_cell(ws, datetime(2000, 1, 1), number_format=STAMP).style_id,
                       text_style=text_cell(ws, "=").style_id)
    try:
        n = 0
        for r in iter_detail_rows(desk, f):
            stream.append((
                r.full_name, r.email, r.external_id, r.agency_customer_id, r.center, r.counselor, r.issued_on,
                STATUS_WORDS.get(r.status, r.status.replace("_", " ").capitalize()), r.invitation_date, "Yes" if r.joined else "No", r.courses_enrolled,
                r.courses_completed, r.courses_in_progress, r.learning_hours, _as_datetime(r.last_activity)))
            n += 1
            if n % 1000 == 0:
                tracker.step(1000)
        tracker.step(n % 1000)
    except BaseException:
        stream.close()
        raise
    _finish_table(ws, len(DETAIL_COLUMNS), HEADER_ROW + n)
    return ws, stream


def _as_datetime(value: Any) -> Any:
    if isinstance(value, str):  # some SQLite aggregates hand back the stored text
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value
