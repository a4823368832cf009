"""The learning provider's usage report (CSV or XLSX from its admin pages), read into typed rows.

One parser for both imports: the desk's (``core/progress_import.py``) and the reference agency server's
(``agency_server/service.py``), so a report one accepts the other accepts too, with the same figures. It needs
no Qt and no database; openpyxl is loaded only for a workbook.

Why it is built this way:

- Columns are found by header name, never by position: the provider's report kinds differ and change over time.
  Extra columns are tolerated and listed; a missing one is named in the message. ``USAGE_COLUMNS`` is the one
  table of the columns the provider writes, and the demo report writer takes its header from it.
- Files as people really save them: Excel's "CSV UTF-8" (with a BOM) and its Windows-1252 "CSV", `;` or tab
  separators, a title line above the header, blank lines, course names with commas, and .xlsx.
- The whole file is checked before a row is returned: one unreadable cell refuses the report, and the message
  lists every bad cell by row and column, so the person fixes the file once instead of once per error.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from counselor_app.core.errors import CounselorDeskError


@dataclass(frozen=True, slots=True)
class ReportColumn:
    field: str
    label: str  # as the provider prints it; used in messages and by the demo report writer
    aliases: tuple[str, ...] = ()  # other spellings seen; compared case-insensitively, spaces collapsed
    kind: str = "text"  # "text", "time", "yes_no", "hours", "grade"; "unused": the provider writes it, nobody reads it


USAGE_COLUMNS: tuple[ReportColumn, ...] = (
    ReportColumn("learner_name", "Name", ("full name", "learner name", "member name")),
    ReportColumn("email", "Email", ("e-mail", "email address", "e-mail address", "learner email")),
    ReportColumn("external_id", "External ID", ("externalid", "external user id", "external identifier")),
    ReportColumn("program_name", "Program Name", ("program",)),
    ReportColumn("course_name", "Course Name", ("course", "course title", "content name")),
    ReportColumn("enrollment_time", "Enrollment Time", ("enrolled time", "enrollment date", "enrolled on"), "time"),
    ReportColumn("completion_time", "Completion Time", ("completed time", "completion date", "completed on"),
                 "time"),
    ReportColumn("completed", "Completed", ("is completed", "course completed"), "yes_no"),
    ReportColumn("learning_hours", "Learning Hours Spent",
                 ("learning hours", "estimated learning hours", "hours spent"), "hours"),
    ReportColumn("course_grade", "Course Grade", ("grade", "overall grade"), "grade"),
    ReportColumn("skills_learned", "Skills Learned", ("skills",), "unused"),
    ReportColumn("last_activity_time", "Last Course Activity Time",
                 ("last activity time", "last activity", "last activity date"), "time"),
)
COLUMN_LABELS = {c.field: c.label for c in USAGE_COLUMNS}
# Each entry is satisfied by any one of its fields.
REQUIRED: tuple[tuple[str, ...], ...] = (("course_name",), ("email", "external_id"), ("enrollment_time",),
                                         ("completed", "completion_time"))
MAX_LISTED_PROBLEMS = 25


@dataclass(frozen=True, slots=True)
class CellProblem:
    row: int  # as a spreadsheet numbers it: the header is usually row 1
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:37] + "..."
        return f"Row {self.row}, column “{self.column}”: “{shown}” {self.message}"


class UsageReportError(CounselorDeskError):
    """The report was refused as a whole; ``problems`` lists each bad cell, ``missing_columns`` each column
    that is needed and absent."""

    def __init__(self, message: str, *, problems: Sequence[CellProblem] = (), missing: Sequence[str] = ()) -> None:
        self.problems = list(problems)
        self.missing_columns = list(missing)
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class UsageRow:
    row: int  # as a spreadsheet numbers it, for messages and review lists
    course_name: str
    email: str | None  # casefolded: addresses are matched case-insensitively everywhere
    external_id: str | None
    learner_name: str | None
    program_name: str | None
    enrollment_time: datetime | None  # naive UTC
    completion_time: datetime | None
    last_activity_time: datetime | None
    completed: bool  # from Completed, or else from whether there is a Completion Time
    learning_hours: float | None  # None when the cell is blank or the report has no such column
    course_grade: float | None  # a fraction: "95%" and 0.95 are the same grade


@dataclass(frozen=True, slots=True)
class UsageReport:
    rows: list[UsageRow]
    columns: frozenset[str]  # the fields this report has a column for: a missing one must not erase older figures
    ignored_columns: list[str]  # header cells nothing here reads, as written
    blank_rows: int


# -- values ------------------------------------------------------------------------------------------------------

_BLANK = {"", "-", "—", "n/a", "na", "none", "null"}
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                 "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y", "%m/%d/%y %H:%M:%S", "%m/%d/%y %H:%M",
                 "%m/%d/%y %I:%M %p", "%m/%d/%y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%Y/%m/%d %H:%M:%S",
                 "%Y/%m/%d")
_TZ_SUFFIX = re.compile(r"\s+(UTC|GMT|Z)$", re.IGNORECASE)
# m/d/yyyy [h:mm[:ss] [AM|PM]], as Excel writes dates back into a CSV: parsed directly, since trying strptime
# formats one after another costs seconds on a 100,000-row report.
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?")
_YES = {"yes", "y", "true", "1", "completed", "complete"}
_NO = {"no", "n", "false", "0", "not completed", "incomplete", "in progress"}


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id that Excel stored as a number
    text = str(value).replace("\0", "").strip()
    return text or None


def _filled(value: object) -> str | None:
    """A typed cell's text, or None for the ways reports write "nothing" (blank, "-", "N/A", "null")."""
    text = str(value).strip()
    return None if text.casefold() in _BLANK else text


def _us_datetime(m: re.Match[str]) -> datetime:
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    if len(m[3]) == 2:
        year += 2000 if year < 70 else 1900
    hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    if m[7]:
        if not 1 <= hour <= 12:
            raise ValueError
        hour = hour % 12 + (12 if m[7].casefold() == "pm" else 0)
    return datetime(year, month, day, hour, minute, second)


def parse_datetime(value: object) -> datetime | None:
    """The provider writes ISO 8601 in UTC; Excel rewrites dates as m/d/yyyy h:mm. Returned as naive UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        if not 1 <= float(value) < 2958466:
            raise ValueError
        dt = from_excel(value)
    else:
        text = _filled(value)
        if text is None:
            return None
        text = _TZ_SUFFIX.sub("", text)
        us = _US_DATE.fullmatch(text)
        try:
            dt = _us_datetime(us) if us else datetime.fromisoformat(text)
        except ValueError:
            for fmt in _DATE_FORMATS:
                try:
                    dt = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            else:
                raise ValueError from None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    if not 1990 <= dt.year <= 2100:
        raise ValueError
    return dt


def parse_number(value: object, *, percent_as_fraction: bool = False) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _filled(value)
        if text is None:
            return None
        text = text.replace(",", "")
        percent = text.endswith("%")
        number = float(text.rstrip("%").strip())
        if percent and percent_as_fraction:
            number /= 100.0
    if number != number or number in (float("inf"), float("-inf")) or number < 0:
        raise ValueError
    return number


def parse_yes_no(value: object) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        raise ValueError
    text = _filled(value)
    if text is None:
        return None
    if text.casefold() in _YES:
        return True
    if text.casefold() in _NO:
        return False
    raise ValueError


_TIME_MESSAGE = "is not a date and time we can read (for example 2020-10-05 14:30)."
_KINDS: dict[str, tuple[Callable[[object], Any], str]] = {
    "text": (_text, ""),
    "time": (parse_datetime, _TIME_MESSAGE),
    "yes_no": (parse_yes_no, "is not Yes or No."),
    "hours": (parse_number, "is not a number of hours."),
    "grade": (lambda v: parse_number(v, percent_as_fraction=True), "is not a grade (a number)."),
}
_FIELD_KINDS = {c.field: _KINDS[c.kind] for c in USAGE_COLUMNS if c.kind in _KINDS}


# -- the file ----------------------------------------------------------------------------------------------------


def _header_key(text: object) -> str:
    s = str(text or "").replace("\ufeff", "").replace("_", " ").strip().casefold()
    return re.sub(r"\s+", " ", s)


_ALIAS_TO_FIELD = {_header_key(spelling): c.field for c in USAGE_COLUMNS if c.kind != "unused"
                   for spelling in (c.label, *c.aliases)}


def _map_header(cells: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        fld = _ALIAS_TO_FIELD.get(_header_key(cell))
        if fld is not None and fld not in found:
            found[fld] = i
    return found


def _decode(data: bytes) -> str:
    """Excel's "CSV UTF-8" starts with a BOM; its plain "CSV" on Windows is Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv_rows(data: bytes) -> list[list[object]]:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx_rows(data: bytes, *, name: str) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise UsageReportError(f"{name} could not be opened as an Excel workbook ({exc}). Export the report "
                               "again, as CSV or Excel (.xlsx).") from None
    try:
        best: list[list[object]] | None = None
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            if _find_header(rows)[1]:
                return rows
            best = best if best is not None else rows
        return best or []
    finally:
        wb.close()


def _find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    """The header is the first row naming a course column and a learner column; some exports put a title
    or a date line above it."""
    first_nonblank = None
    for i, row in enumerate(rows[:20]):
        if not any(str(c or "").strip() for c in row):
            continue
        if first_nonblank is None:
            first_nonblank = i
        mapping = _map_header(row)
        if "course_name" in mapping and ("email" in mapping or "external_id" in mapping):
            return i, mapping
    if first_nonblank is None:
        return -1, {}
    return first_nonblank, {}


def _header_text(cell: object) -> str:
    return str(cell or "").replace("\ufeff", "").strip()


def read_usage_report(data: bytes, *, name: str) -> UsageReport:
    """Parse and check a whole report; ``name`` (the file's) is only for messages and the file type.

    Raises ``UsageReportError`` for an empty or unreadable file, a missing column, or any unreadable cell."""
    if name.casefold().endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UsageReportError(f"{name} is an old-style Excel file (.xls). Save it as .xlsx or CSV and import that.")
    if data[:2] == b"PK" or name.casefold().endswith((".xlsx", ".xlsm")):
        raw_rows = _read_xlsx_rows(data, name=name)
    else:
        raw_rows = _read_csv_rows(data)
    header_at, mapping = _find_header(raw_rows)
    if header_at < 0:
        raise UsageReportError(f"{name} is empty: there is no header row and no data.")
    header = raw_rows[header_at]
    if not mapping:
        mapping = _map_header(header)
    missing = [" or ".join(f"“{COLUMN_LABELS[f]}”" for f in group) for group in REQUIRED
               if not any(f in mapping for f in group)]
    if missing:
        seen = ", ".join(f"“{_header_text(c)}”" for c in header if _header_text(c)) or "none"
        raise UsageReportError(
            f"The report was not imported, and nothing was changed: it has no {', no '.join(missing)} column. "
            f"Columns found: {seen}. Export the provider's usage (enrollment) report with these columns and "
            "import it again.", missing=missing)
    used = set(mapping.values())
    ignored = [_header_text(c) for i, c in enumerate(header) if i not in used and _header_text(c)]

    rows: list[UsageRow] = []
    problems: list[CellProblem] = []
    blank = 0
    for index in range(header_at + 1, len(raw_rows)):
        cells = raw_rows[index]
        number = index + 1
        if not any(str(c).strip() for c in cells if c is not None):
            blank += 1
            continue
        values: dict[str, Any] = dict.fromkeys(_FIELD_KINDS)
        for fld, col in mapping.items():
            raw = cells[col] if col < len(cells) else None
            parser, message = _FIELD_KINDS[fld]
            try:
                values[fld] = parser(raw)
            except (ValueError, TypeError, OverflowError):
                problems.append(CellProblem(number, _header_text(header[col]), str(raw), message))
        if not values["course_name"]:
            problems.append(CellProblem(number, COLUMN_LABELS["course_name"], "", "is empty: every row needs the "
                                        "course name."))
        if not values["email"] and not values["external_id"]:
            problems.append(CellProblem(number, COLUMN_LABELS["email"], "", "is empty, and so is External ID: the "
                                        "row does not say who the learner is."))
        if values["completed"] is None:
            values["completed"] = values["completion_time"] is not None
        if values["email"]:
            values["email"] = values["email"].casefold()
        rows.append(UsageRow(row=number, **values))
    if problems:
        listed = "\n".join(f"  • {p}" for p in problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - MAX_LISTED_PROBLEMS
        tail = f"\n  …and {more:,} more." if more > 0 else ""
        raise UsageReportError(
            f"The report {name} was not imported, and nothing was changed. {len(problems):,} "
            f"{'cell needs' if len(problems) == 1 else 'cells need'} correcting:\n{listed}{tail}",
            problems=problems)
    return UsageReport(rows=rows, columns=frozenset(mapping), ignored_columns=ignored, blank_rows=blank)
