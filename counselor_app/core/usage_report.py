"""The learning provider's usage report (CSV or XLSX from its admin pages), read into typed rows.

One parser for both imports: the desk's (``core/progress_import.py``) and the reference agency server's
(``agency_server/service.py``), so a report one accepts the other accepts too, with the same figures. It needs
no Qt and no database; openpyxl is loaded only for a workbook.

Why it is built this way (issue 12: the files offices really save):

- Columns are found by header name, never by position: the provider's report kinds differ and change over time.
  Extra columns are tolerated and listed; a missing one is named in the message. ``USAGE_COLUMNS`` is the one
  table of the columns the provider writes, and the demo report writer takes its header from it.
- Encoding from the BOM (Excel's "CSV UTF-8", and its "Unicode Text", which is UTF-16 and tab-separated), then
  UTF-8, then the platform's legacy code page (charset-normalizer picks between it and cp1252).
- The header row is looked for among the first 20 lines (title and date lines above it), and the separator
  (``,`` ``;`` tab ``|``) is sniffed on that row, never on a title line.
- Numbers by the file's own convention: decimal commas when the separator is not a comma and the values say
  so (``1,5``); a file mixing both is refused. Plausibility ranges refuse a file rather than import nonsense:
  hours per course, grades as 0–1 or 0–100 %, and (when the caller gives one) dates in the program's window.
- Workbooks (.xlsx, .xls, .ods) through python-calamine, which reads the cells present instead of trusting the
  declared ``<dimension>``.
- Bounded input: regular files only (a link to ``/dev/zero`` or a FIFO is refused before it is read), a size
  and a row limit with a sentence each, read as a stream with progress and cancel.
- The whole file is checked before a row is returned: one unreadable cell refuses the report, and the message
  lists every bad cell by row and column, so the person fixes the file once instead of once per error.

Matching and merging the rows are not here but in ``core/progress_rules.py``, also shared by both ends.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import locale
import os
import re
import stat
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message


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
        return str(self.as_message())

    def as_message(self) -> Message:
        shown = self.value if len(self.value) <= 40 else self.value[:37] + "..."
        return Message("report_cell", "Row {row}, column “{column}”: “{value}” {problem}", row=self.row,
                       column=self.column, value=shown, problem=self.message)


class UsageReportError(CounselorDeskError):
    """The report was refused as a whole; ``problems`` lists each bad cell, ``missing_columns`` each column
    that is needed and absent."""

    def __init__(self, message: str, *, problems: Sequence[CellProblem] = (), missing: Sequence[str] = (),
                 code: str | None = None, listed: str = "") -> None:
        self.problems = list(problems)
        self.missing_columns = list(missing)
        # stable, for code that tells refusals apart; the UI words ``message`` (a Message: code and arguments)
        self.code = code or getattr(message, "code", "report_refused")
        self.args_for_message = dict(getattr(message, "args", {}))
        self._listed = listed
        super().__init__(message)

    def __str__(self) -> str:  # the English sentence, and the bad cells one per line (the CLI prints this)
        text = super().__str__()
        return f"{text}\n{self._listed}" if self._listed else text


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
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # full-width digits, as some input methods type them
    return None if text.casefold() in _BLANK else text


def _us_datetime(m: re.Match[str], *, day_first: bool = False) -> datetime:
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    if day_first:
        month, day = day, month
    if len(m[3]) == 2:
        year += 2000 if year < 70 else 1900
    hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    if m[7]:
        if not 1 <= hour <= 12:
            raise ValueError
        hour = hour % 12 + (12 if m[7].casefold() == "pm" else 0)
    return datetime(year, month, day, hour, minute, second)


def parse_datetime(value: object, *, day_first: bool = False) -> datetime | None:
    """The provider writes ISO 8601 in UTC; Excel rewrites dates as m/d/yyyy h:mm, or d/m/yyyy in a European
    locale (``day_first``, decided per file by ``slash_date_order``). Returned as naive UTC."""
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
            dt = _us_datetime(us, day_first=day_first) if us else datetime.fromisoformat(text)
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


_TIME_MESSAGE = Message("cell.not_a_time", "is not a date and time we can read (for example 2020-10-05 14:30).")
_KINDS: dict[str, tuple[Callable[[object], Any], str]] = {
    "text": (_text, ""),
    "time": (parse_datetime, _TIME_MESSAGE),
    "yes_no": (parse_yes_no, Message("cell.not_yes_no", "is not Yes or No.")),
}
_FIELD_KINDS = {c.field: _KINDS[c.kind] for c in USAGE_COLUMNS if c.kind in _KINDS}
_NUMBER_FIELDS = tuple(c.field for c in USAGE_COLUMNS if c.kind in ("hours", "grade"))
_ALL_FIELDS = (*_FIELD_KINDS, *_NUMBER_FIELDS)


# -- the file ----------------------------------------------------------------------------------------------------

MAX_REPORT_BYTES = 200 * 1024 * 1024  # a 100,000-row report is about 20 MB; ten times that is not a usage report
MAX_REPORT_ROWS = 1_048_576  # Excel's own row limit: no office tool writes a longer report
HEADER_SEARCH_LINES = 20
SEPARATORS = (",", ";", "\t", "|")
MAX_COURSE_HOURS = 1000.0  # the longest professional certificate in the catalog takes about 250 hours
_CHECK_EVERY = 1000  # rows between progress reports and cancel checks
_XLSX_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # zip (.xlsx, .ods), OLE (.xls)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

ProgressCallback = Callable[[int, int], None]  # (done, total), in bytes for CSV and rows for workbooks
CancelCheck = Callable[[], None]  # raises the caller's "cancelled" error when the person asked to stop


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


def _is_header(mapping: dict[str, int]) -> bool:
    return "course_name" in mapping and ("email" in mapping or "external_id" in mapping)


def _header_text(cell: object) -> str:
    return str(cell or "").replace("\ufeff", "").strip()


class _BoundedReader(io.RawIOBase):
    """A binary file that refuses to give more than ``limit`` bytes (a file that grows while it is read, or
    bytes handed over by the server) and counts what it gave, for the progress bar."""

    def __init__(self, raw: BinaryIO, *, limit: int, name: str) -> None:
        self._raw, self._limit, self._name, self.consumed = raw, limit, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        self.consumed += len(data)
        if self.consumed > self._limit:
            raise _too_large(self._name, self._limit)
        buffer[:len(data)] = data
        return len(data)


def _too_large(name: str, limit: int) -> UsageReportError:
    return UsageReportError(Message(
        "report_too_large", "{file} is larger than {limit_mb:,} MB, far more than any usage report; nothing was "
        "imported. Check that this is the provider's usage report, or split it and import the parts.",
        file=name, limit_mb=limit // (1024 * 1024)))


def _too_many_rows(name: str) -> UsageReportError:
    return UsageReportError(Message(
        "report_too_many_rows", "{file} has more than {limit:,} rows, more than any spreadsheet holds; nothing was "
        "imported. Check that this is the provider's usage report.", file=name, limit=MAX_REPORT_ROWS))


def open_report_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_REPORT_BYTES) -> BinaryIO:
    """Open a report for reading, refusing what is not a regular file (a device such as ``/dev/zero``, a pipe,
    a folder; links are followed to what they point at) and anything over ``max_bytes``.

    Raises ``UsageReportError`` with a sentence for each case, and for a file that cannot be read."""
    p = Path(path)
    name = p.name or str(p)
    try:
        info = os.stat(p)
        if not stat.S_ISREG(info.st_mode):
            raise UsageReportError(Message(
                "report_not_a_file", "{file} is not a file that holds a report (it is a folder, a device or a "
                "pipe); nothing was imported. Choose the CSV or Excel file you saved from the provider's site.",
                file=name))
        if info.st_size > max_bytes:
            raise _too_large(name, max_bytes)
        # O_NONBLOCK: should the path have become a pipe since the check above, opening it does not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise UsageReportError(Message(
            "report_not_found", "{file} was not found; nothing was imported. Check the folder and the file name.",
            file=name)) from None
    except PermissionError:
        raise UsageReportError(Message(
            "report_no_permission", "{file} could not be read: this account may not open it. Copy the file to "
            "your Documents folder and import the copy.", file=name), code="report_unreadable") from None
    except OSError as exc:
        raise UsageReportError(Message(
            "report_unreadable", "The report {file} could not be read ({detail}); nothing was imported.",
            file=name, detail=str(exc.strerror or exc))) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
        os.close(fd)
        raise UsageReportError(Message(
            "report_not_a_file", "{file} is not a file that holds a report (it is a folder, a device or a "
            "pipe); nothing was imported. Choose the CSV or Excel file you saved from the provider's site.",
            file=name))
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def legacy_encoding(sample: bytes) -> str:
    """The code page of a CSV that is not UTF-8: the platform's ANSI code page (cp1252 on US Windows, where
    Excel's plain "CSV" is written) unless charset-normalizer finds the sample reads better in cp1252."""
    platform = codecs.lookup(locale.getencoding()).name
    candidates = ["cp1252"] if platform in ("utf-8", "ascii") else list(dict.fromkeys([platform, "cp1252"]))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample, cp_isolation=candidates).best()
    except Exception:  # noqa: BLE001 - a guess that fails falls back to the platform's code page
        best = None
    found = codecs.lookup(best.encoding).name if best is not None else ""
    return found if found in {codecs.lookup(c).name for c in candidates} else codecs.lookup(candidates[0]).name


def detect_encoding(head: bytes) -> str:
    """From the BOM (Excel's "CSV UTF-8" and "Unicode Text"), else UTF-8 when the first bytes are UTF-8, else
    the legacy code page. A later byte that is not UTF-8 makes the reader start again in the code page."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return legacy_encoding(head)
    return "utf-8"


@dataclass(slots=True)
class _Sheet:
    """Rows as lists of cells, with where the header is and how numbers are written."""

    header: list[object]
    mapping: dict[str, int]
    rows: Iterator[tuple[int, list[object]]]  # (row number as a spreadsheet shows it, cells)
    separator: str | None  # None for a workbook: its numbers are numbers
    height: int = 0  # a workbook sheet's rows as loaded (not as declared), for the progress bar


def _pick_header(lines: list[str]) -> tuple[int, str, list[str], dict[str, int]] | None:
    """The first line that, split by one of the separators, names a course column and a learner column. The
    separator is sniffed on that line, never on a title line above it."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        best: tuple[int, str, list[str], dict[str, int]] | None = None
        for sep in SEPARATORS:
            if sep not in line and sep != ",":
                continue
            cells = next(csv.reader([line], delimiter=sep), [])
            mapping = _map_header(cells)
            if _is_header(mapping) and (best is None or len(mapping) > len(best[3])):
                best = (i, sep, cells, mapping)
        if best is not None:
            return best
    return None


def _csv_sheet(raw: BinaryIO, *, encoding: str, name: str) -> _Sheet:
    text = io.TextIOWrapper(raw, encoding=encoding, newline="", errors="strict" if encoding.startswith("utf")
                            else "replace")
    lines: list[str] = []
    for _ in range(HEADER_SEARCH_LINES):
        line = text.readline()
        if not line:
            break
        lines.append(line)
    picked = _pick_header(lines)
    if picked is None:
        first = next((ln for ln in lines if ln.strip()), None)
        if first is None:
            raise UsageReportError(Message("report_empty", "{file} is empty: there is no header row and no data.",
                                           file=name))
        sep = max(SEPARATORS, key=first.count)
        cells = next(csv.reader([first], delimiter=sep), [])
        return _Sheet(header=list(cells), mapping=_map_header(cells), rows=iter(()), separator=sep)
    at, sep, header, mapping = picked
    reader = csv.reader(itertools.chain(lines[at + 1:], text), delimiter=sep)

    def rows() -> Iterator[tuple[int, list[object]]]:
        for cells in reader:
            yield at + 1 + reader.line_num, list(cells)

    return _Sheet(header=list(header), mapping=mapping, rows=rows(), separator=sep)


def _load_sheet(wb: Any, sheet_name: str, cancel: CancelCheck | None) -> Any:
    """The sheet, or None when calamine cannot read it (a chart sheet, a damaged one).

    calamine reads a whole sheet before giving its first row (seconds for a million rows), in Rust, with the
    GIL released: it runs in a helper thread while this one keeps calling ``cancel``, whose exception goes to
    the caller. A cancelled load is abandoned; the thread ends by itself and its sheet is dropped."""
    box: dict[str, Any] = {}

    def load() -> None:
        try:
            box["sheet"] = wb.get_sheet_by_name(sheet_name)
        except Exception:  # noqa: BLE001 - calamine raises its own kinds for an unreadable sheet
            box["sheet"] = None

    if cancel is None:
        load()
        return box["sheet"]
    worker = threading.Thread(target=load, name="usage-report-sheet", daemon=True)
    worker.start()
    while worker.is_alive():
        cancel()
        worker.join(0.1)
    return box.get("sheet")


def _open_workbook(raw: BinaryIO) -> Any:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(raw)


def _workbook_sheet(raw: BinaryIO, *, name: str, cancel: CancelCheck | None = None) -> _Sheet:
    """Any sheet of an .xlsx, .xlsm, .xls or .ods, read with calamine, which reads the cells that are there
    rather than the size the file declares (Excel and some exporters write a wrong ``<dimension>``)."""
    try:
        wb = _open_workbook(raw)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own kinds for a damaged file
        raise UsageReportError(Message(
            "report_bad_workbook", "{file} could not be opened as a spreadsheet ({detail}). Export the report "
            "again, as CSV or Excel (.xlsx).", file=name, detail=type(exc).__name__)) from None
    first: _Sheet | None = None
    for sheet_name in wb.sheet_names:
        sheet = _load_sheet(wb, sheet_name, cancel)
        if sheet is None:
            continue  # a chart sheet or a damaged one: look at the others
        rows_iter = cast(Iterator[list[object]], iter(sheet.iter_rows()))
        head: list[list[object]] = list(itertools.islice(rows_iter, HEADER_SEARCH_LINES))
        for i, cells in enumerate(head):
            mapping = _map_header(cells)
            if _is_header(mapping):
                height = int(getattr(sheet, "height", 0) or 0)
                if height - i - 1 > MAX_REPORT_ROWS:  # refused before a million rows go through Python
                    raise _too_many_rows(name)
                rows: Iterator[tuple[int, list[object]]] = enumerate(itertools.chain(head[i + 1:], rows_iter), i + 2)
                return _Sheet(header=list(cells), mapping=mapping, rows=rows, separator=None, height=height)
        if first is None:
            header = next((r for r in head if any(str(c).strip() for c in r)), None)
            if header is not None:
                first = _Sheet(header=list(header), mapping=_map_header(header), rows=iter(()), separator=None)
    if first is None:
        raise UsageReportError(Message("report_empty", "{file} is empty: there is no header row and no data.",
                                       file=name))
    return first


def sniff_separator(lines: Sequence[str]) -> str:
    """The separator of a delimited text, sniffed on its first lines: the one that splits the most lines into
    the same number of cells (more than one), so a title line above the header or decimal commas in the data
    do not decide it. Comma when nothing splits."""
    best, best_score = ",", (0, 0)
    for sep in SEPARATORS:
        widths = [len(next(csv.reader([ln], delimiter=sep), [])) for ln in lines if ln.strip()]
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = (widths.count(mode), mode)
        if score > best_score:
            best, best_score = sep, score
    return best


def read_table_rows(data: bytes, *, name: str, max_rows: int = MAX_REPORT_ROWS) -> list[list[object]]:
    """Every row of a delimited text file, or of the first worksheet that has cells, as lists of cells.

    The same reading rules as the usage report, for other lists offices export (an outreach list from the state's
    system): the encoding from the BOM, then UTF-8, then the legacy code page; the separator sniffed on the
    first lines (``sniff_separator``); workbooks read with calamine, which does not trust a declared size.
    Finding the header is the caller's. Raises ``UsageReportError`` for an unreadable or over-long file."""
    if data.startswith(_XLSX_MAGIC):
        from python_calamine import CalamineWorkbook

        try:
            wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except Exception as exc:  # noqa: BLE001 - calamine raises its own kinds for a damaged file
            raise UsageReportError(Message(
                "report_bad_workbook", "{file} could not be opened as a spreadsheet ({detail}). Export the report "
                "again, as CSV or Excel (.xlsx).", file=name, detail=type(exc).__name__)) from None
        for sheet_name in wb.sheet_names:
            try:
                rows: list[list[object]] = [list(r) for r in itertools.islice(wb.get_sheet_by_name(sheet_name).iter_rows(),
                                                          max_rows + 1)]
            except Exception:  # noqa: BLE001 - a chart sheet or a damaged one: look at the others
                continue
            if any(any(str(c).strip() for c in r) for r in rows):
                return _at_most(rows, max_rows, name)
        return []
    encoding = detect_encoding(data[:65536])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(legacy_encoding(data[:65536]), errors="replace")
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    sep = sniff_separator(lines[:HEADER_SEARCH_LINES])
    table: list[list[object]] = [list(r) for r in itertools.islice(csv.reader(lines, delimiter=sep), max_rows + 1)]
    return _at_most(table, max_rows, name)


def _at_most(rows: list[list[object]], max_rows: int, name: str) -> list[list[object]]:
    if len(rows) > max_rows:
        raise UsageReportError(Message("report_rows_over", "{file} has more than {rows:,} rows; split it.",
                                       file=name, rows=max_rows), code="report_too_many_rows")
    return rows


# -- numbers as the file writes them -----------------------------------------------------------------------------

_COMMA_DECIMAL = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+%?")  # 1,5  0,875  1.234,5
_POINT_DECIMAL = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+%?")  # 2.5  1,234.5
_COMMA_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+%?")  # 1,500 with a decimal point: a thousands separator


def decimal_convention(samples: Iterable[str], *, separator: str | None) -> str:
    """``"comma"`` or ``"point"`` for a file's text numbers. Only a file not separated by commas can write
    decimal commas unquoted (European-locale Excel writes ``;``); there, cells such as ``1,5`` and no cell
    such as ``2.5`` mean decimal commas. A file with both is refused: "1,500" could then be either."""
    if separator in (None, ","):
        return "point"
    comma = point = False
    for text in samples:
        if _COMMA_DECIMAL.fullmatch(text):
            comma = True
        elif _POINT_DECIMAL.fullmatch(text):
            point = True
    if comma and point:
        raise UsageReportError(Message(
            "report_mixed_decimals", "The report was not imported, and nothing was changed: its numbers mix "
            "decimal commas (1,5) and decimal points (2.5), so a value such as 1,500 could mean either. Export it "
            "again from the provider's site without editing it."))
    return "comma" if comma else "point"


def slash_date_order(*, day_over_12: bool, month_over_12: bool, decimal: str) -> bool:
    """True when a file's d/m/y-looking dates are day first. Decided per file, like its decimal mark: a first
    part above 12 (20/11/2026) means day first, a second part above 12 (11/20/2026) means month first, and a
    file with both is refused; when every date could be either, the file's locale decides (European-locale
    Excel writes decimal commas and day-first dates, US Excel decimal points and month-first dates)."""
    if day_over_12 and month_over_12:
        raise UsageReportError(Message(
            "report_mixed_dates", "The report was not imported, and nothing was changed: its dates mix day-first "
            "(20/11/2026) and month-first (11/20/2026) order, so a date such as 02/11/2026 could mean either. "
            "Export it again from the provider's site without editing it."))
    if day_over_12 or month_over_12:
        return day_over_12
    return decimal == "comma"


def parse_number(value: object, *, percent_as_fraction: bool = False, decimal: str = "point") -> float | None:
    """A number as a report writes it: ``decimal="comma"`` reads 1.234,5 as 1234.5. Negative, infinite and
    unreadable values raise ``ValueError``."""
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
        text = unicodedata.normalize("NFKC", text).replace("\u00a0", "").replace(" ", "")
        if decimal == "comma":
            if not (_COMMA_DECIMAL.fullmatch(text) or re.fullmatch(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)%?", text)):
                raise ValueError
            text = text.replace(".", "").replace(",", ".")
        elif "," in text:
            if not (_COMMA_GROUPED.fullmatch(text) or _POINT_DECIMAL.fullmatch(text)):
                raise ValueError  # "1,5" in a file with decimal points is no number; never read it as 15
            text = text.replace(",", "")
        percent = text.endswith("%")
        number = float(text.rstrip("%").strip())
        if percent and percent_as_fraction:
            number /= 100.0
    if number != number or number in (float("inf"), float("-inf")) or number < 0:
        raise ValueError
    return number


# -- the whole report --------------------------------------------------------------------------------------------


def read_usage_report(source: bytes | str | os.PathLike[str], *, name: str | None = None,
                      progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
                      max_bytes: int = MAX_REPORT_BYTES,
                      window: tuple[date, date] | None = None) -> UsageReport:
    """Parse and check a whole report: the bytes of an upload, or a path (opened with ``open_report_file``:
    regular files only, at most ``max_bytes``, read as a stream). ``name`` is for messages; ``window``, when
    given, is the first and last day a date in the report may fall on (the program's dates).

    ``progress(done, total)`` is called every 1,000 rows and ``cancel()`` may raise to stop the read.
    Raises ``UsageReportError`` for an empty, oversized or unreadable file, a missing column, or any cell that
    cannot be read or is implausible (more hours than a course takes, a grade over 100 %, a date outside the
    window): the report is refused as a whole, never imported in part."""
    if isinstance(source, bytes):
        name = name or "The report"
        if len(source) > max_bytes:
            raise _too_large(name, max_bytes)
        opened: BinaryIO = io.BytesIO(source)
        total = len(source)
    else:
        name = name or Path(source).name
        opened = open_report_file(source, max_bytes=max_bytes)
        total = os.fstat(opened.fileno()).st_size
    with opened:
        head = opened.read(65536)
        is_workbook = head.startswith(_XLSX_MAGIC) or name.casefold().endswith((".xlsx", ".xlsm", ".xls", ".ods"))
        if is_workbook:
            opened.seek(0)
            sheet = _workbook_sheet(opened, name=name, cancel=cancel)
            return _read_sheet(sheet, name=name, total=sheet.height, bytes_read=None,
                               progress=progress, cancel=cancel, window=window)
        encoding = detect_encoding(head)
        for attempt in (encoding, None):
            opened.seek(0)
            bounded = _BoundedReader(opened, limit=max_bytes, name=name)
            try:
                sheet = _csv_sheet(io.BufferedReader(bounded, 1 << 16), encoding=attempt or encoding, name=name)
                return _read_sheet(sheet, name=name, total=total, bytes_read=_consumed_counter(bounded),
                                   progress=progress, cancel=cancel, window=window)
            except UnicodeDecodeError:
                if attempt is None or not encoding.startswith("utf-8"):
                    raise UsageReportError(Message(
                        "report_bad_encoding", "{file} is not a text file we can read (its characters are in no "
                        "encoding we know); nothing was imported. Save it from Excel as \"CSV UTF-8\" and import "
                        "that.", file=name)) from None
                # UTF-8 at the start, not further on: the whole file is in the legacy code page.
                opened.seek(0)
                encoding = legacy_encoding(opened.read(1 << 20))
    raise AssertionError("unreachable")


def _read_sheet(sheet: _Sheet, *, name: str, total: int, bytes_read: Callable[[], int] | None,
                progress: ProgressCallback | None, cancel: CancelCheck | None,
                window: tuple[date, date] | None) -> UsageReport:
    header, mapping = sheet.header, sheet.mapping
    missing = [" or ".join(f"“{COLUMN_LABELS[f]}”" for f in group) for group in REQUIRED
               if not any(f in mapping for f in group)]
    if missing:
        seen = ", ".join(f"“{_header_text(c)}”" for c in header if _header_text(c)) or "—"
        raise UsageReportError(Message(
            "report_missing_columns", "The report was not imported, and nothing was changed: it lacks the column "
            "{missing}. Columns found: {seen}. Export the provider's usage (enrollment) report with these columns "
            "and import it again.", missing="; ".join(m.replace(" or ", " / ") for m in missing), seen=seen),
            missing=missing)
    used = set(mapping.values())
    ignored = [_header_text(c) for i, c in enumerate(header) if i not in used and _header_text(c)]
    text_fields = [(f, mapping[f], *_FIELD_KINDS[f]) for f in _FIELD_KINDS if f in mapping]
    number_fields = [(f, mapping[f]) for f in _NUMBER_FIELDS if f in mapping]
    time_fields = [f for f, _c, parser, _m in text_fields if parser is parse_datetime]

    text_cells = sheet.separator is not None  # a CSV's cells are all strings: the blank-row check runs in C
    # numbers and slash dates wait for the file's conventions (decimal mark, day/month order)
    pending: list[tuple[int, dict[str, Any], list[object], list[tuple[str, int, str]]]] = []
    problems: list[CellProblem] = []
    samples: list[str] = []
    day_over_12 = month_over_12 = False  # what the file's slash dates say about their order
    blank = 0
    count = 0
    for number, cells in sheet.rows:
        count += 1
        if count % _CHECK_EVERY == 0:
            if cancel is not None:
                cancel()
            if progress is not None:
                done = bytes_read() if bytes_read is not None else count
                progress(min(done, total) if total else done, total or max(done, 1))
            if count > MAX_REPORT_ROWS:
                raise _too_many_rows(name)
        if not ("".join(cast(list[str], cells)).strip() if text_cells else any(c is not None and str(c).strip() for c in cells)):
            blank += 1
            continue
        values: dict[str, Any] = dict.fromkeys(_ALL_FIELDS)
        deferred: list[tuple[str, int, str]] = []  # slash dates wait for the file's day/month order
        for fld, col, parser, message in text_fields:
            raw = cells[col] if col < len(cells) else None
            if parser is parse_datetime and isinstance(raw, str):
                text = _filled(raw)
                slash = _US_DATE.fullmatch(_TZ_SUFFIX.sub("", text)) if text else None
                if slash:
                    first, second = int(slash[1]), int(slash[2])  # 31/31/2020 is no evidence: no order reads it
                    day_over_12 = day_over_12 or (first > 12 and second <= 12)
                    month_over_12 = month_over_12 or (second > 12 and first <= 12)
                    deferred.append((fld, col, raw))
                    continue
            try:
                values[fld] = parser(raw)
            except (ValueError, TypeError, OverflowError):
                problems.append(CellProblem(number, _header_text(header[col]), str(raw), message))
        raw_numbers: list[object] = []
        for _fld, col in number_fields:
            raw = cells[col] if col < len(cells) else None
            if isinstance(raw, str) and ("," in raw or "." in raw):
                samples.append(raw.strip())
            raw_numbers.append(raw)
        if not values["course_name"]:
            problems.append(CellProblem(number, COLUMN_LABELS["course_name"], "", Message(
                "cell.no_course", "is empty: every row needs the course name.")))
        if not values["email"] and not values["external_id"]:
            problems.append(CellProblem(number, COLUMN_LABELS["email"], "", Message(
                "cell.no_learner", "is empty, and so is External ID: the row does not say who the learner is.")))
        if values["email"]:
            values["email"] = email_match_key(values["email"])
        pending.append((number, values, raw_numbers, deferred))
    if progress is not None:
        progress(total or count, total or max(count, 1))

    decimal = decimal_convention(samples, separator=sheet.separator)
    day_first = slash_date_order(day_over_12=day_over_12, month_over_12=month_over_12, decimal=decimal)
    grades_in_percent = False
    for number, values, raw_numbers, deferred in pending:
        for fld, col, raw in deferred:
            try:
                values[fld] = parse_datetime(raw, day_first=day_first)
            except (ValueError, TypeError, OverflowError):
                problems.append(CellProblem(number, _header_text(header[col]), str(raw), _TIME_MESSAGE))
        if window is not None:
            for fld in time_fields:
                when = values[fld]
                if when is not None and not window[0] <= when.date() <= window[1]:
                    problems.append(CellProblem(
                        number, _header_text(header[mapping[fld]]), _date_text(when),
                        Message("cell.outside_program", "is outside the program's dates ({start} to {end}); check "
                                "the date, or that this is this program's report.",
                                start=window[0].isoformat(), end=window[1].isoformat())))
        if values["completed"] is None:
            values["completed"] = values["completion_time"] is not None
        for (fld, col), raw in zip(number_fields, raw_numbers, strict=True):
            try:
                value = parse_number(raw, percent_as_fraction=fld == "course_grade", decimal=decimal)
            except (ValueError, TypeError, OverflowError):
                message = (Message("cell.not_hours", "is not a number of hours.") if fld == "learning_hours"
                           else Message("cell.not_a_grade", "is not a grade (a number)."))
                problems.append(CellProblem(number, _header_text(header[col]), str(raw), message))
                continue
            if value is not None and fld == "learning_hours" and value > MAX_COURSE_HOURS:
                problems.append(CellProblem(number, _header_text(header[col]), str(raw),
                                            Message("cell.too_many_hours", "is more hours than any course takes "
                                                    "(at most {hours:,.0f}); check the number's decimal mark.",
                                                    hours=MAX_COURSE_HOURS)))
            if value is not None and fld == "course_grade" and not (isinstance(raw, str) and raw.strip().endswith("%")):
                if value > 100:
                    problems.append(CellProblem(number, _header_text(header[col]), str(raw),
                                                Message("cell.grade_range", "is not a grade: grades run from 0 "
                                                        "to 1, or 0 to 100 %.")))
                elif value > 1:
                    grades_in_percent = True
            values[fld] = value
    if problems:
        order = {_header_text(c): i for i, c in reversed(list(enumerate(header)))}
        problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
        listed = "\n".join(f"  • {p}" for p in problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - MAX_LISTED_PROBLEMS
        tail = f"\n  …and {more:,} more." if more > 0 else ""
        raise UsageReportError(Message(
            "report_bad_cells", "The report {file} was not imported, and nothing was changed. Cells that need "
            "correcting: {count:,}.", file=name, count=len(problems)), problems=problems, listed=listed + tail)
    grade_col = mapping.get("course_grade")
    rows: list[UsageRow] = []
    for number, values, raw_numbers, _deferred in pending:
        if grades_in_percent and values["course_grade"] is not None and grade_col is not None:
            raw = raw_numbers[[f for f, _c in number_fields].index("course_grade")]
            if not (isinstance(raw, str) and raw.strip().endswith("%")):
                values["course_grade"] /= 100.0  # a 0-100 column: 87.5 is 87.5 %
        rows.append(UsageRow(row=number, **values))
    return UsageReport(rows=rows, columns=frozenset(mapping), ignored_columns=ignored, blank_rows=blank)


def _date_text(when: datetime) -> str:
    return when.isoformat(sep=" ", timespec="minutes")


def email_match_key(email: str) -> str:
    """How an address is compared everywhere (report rows, job seekers, licenses): trimmed, case-folded, and
    an internationalized domain in its ASCII (``xn--``) form, so ``kim@bücher.example`` in one place and
    ``kim@xn--bcher-kva.example`` in another are the same learner."""
    text = email.strip().casefold()
    if text.isascii() or "@" not in text:
        return text
    local, _, domain = text.rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return f"{local}@{domain}"


def _consumed_counter(reader: _BoundedReader) -> Callable[[], int]:
    """How many bytes ``reader`` has handed out so far, for progress by file position."""
    return lambda: reader.consumed
