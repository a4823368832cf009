"""Import of the provider's usage report (CSV or XLSX from the learning platform's admin pages).

Why it is built this way:

- Columns are found by header name, never by position: the provider's report kinds differ and change over time.
  Extra columns are ignored; a missing one is named in the message.
- The whole file is read and checked before anything is written, then applied in one transaction: a report
  with one unreadable date changes nothing, and the message lists every bad cell by row and column.
- Importing the same file twice changes nothing (the file's SHA-256 is remembered), and a re-export of the
  same data in another format only rewrites rows whose values changed.
- Rows are keyed by the provider's view of a learner (External ID, e-mail) plus the course, so a newer report
  updates the older figures. Learners who drop out of a later report keep their progress.

Matching. The daily invitation file (``core/invitations.py``) writes the **job seeker's id** (a UUID made on
this device) as External ID: every job seeker has one, it never changes, and it tells the provider nothing
about the person. A row is matched by External ID to that id first; then to the agency customer id (MOSES /
OSOS), for invitations the state sent from its own system; then by e-mail, case-insensitively, against the
job seeker's record and the address their license went to. A row that matches nobody, or whose e-mail
belongs to several job seekers, is kept with ``matched=False`` and listed for review, never dropped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update

from counselor_app.core.changes import record_audit
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.models import (
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    ProgressImport,
    new_id,
    utcnow,
)
from counselor_app.core.reports import ReportCancelled, format_day, require_supervisor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.desk import Desk

ProgressCallback = Callable[[int, int], None]

# Field → header names seen in the provider's reports (compared case-insensitively, spaces collapsed).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "learner_name": ("name", "full name", "learner name", "member name"),
    "email": ("email", "e-mail", "email address", "e-mail address", "learner email"),
    "external_id": ("external id", "externalid", "external user id", "external identifier"),
    "program_name": ("program name", "program"),
    "course_name": ("course name", "course", "course title", "content name"),
    "enrollment_time": ("enrollment time", "enrolled time", "enrollment date", "enrolled on"),
    "completion_time": ("completion time", "completed time", "completion date", "completed on"),
    "completed": ("completed", "is completed", "course completed"),
    "learning_hours": ("learning hours spent", "learning hours", "estimated learning hours", "hours spent"),
    "course_grade": ("course grade", "grade", "overall grade"),
    "last_activity_time": ("last course activity time", "last activity time", "last activity",
                           "last activity date"),
}
# The header as the provider prints it, for messages.
COLUMN_LABELS = {
    "learner_name": "Name", "email": "Email", "external_id": "External ID", "program_name": "Program Name",
    "course_name": "Course Name", "enrollment_time": "Enrollment Time", "completion_time": "Completion Time",
    "completed": "Completed", "learning_hours": "Learning Hours Spent", "course_grade": "Course Grade",
    "last_activity_time": "Last Course Activity Time",
}
# Each entry is satisfied by any one of its fields.
REQUIRED: tuple[tuple[str, ...], ...] = (("course_name",), ("email", "external_id"), ("enrollment_time",),
                                         ("completed", "completion_time"))
PROGRESS_FIELDS = ("learner_name", "program_name", "enrollment_time", "completion_time", "last_activity_time",
                   "completed", "learning_hours", "course_grade")
MAX_LISTED_PROBLEMS = 25
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                 "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y", "%m/%d/%y %H:%M:%S", "%m/%d/%y %H:%M",
                 "%m/%d/%y %I:%M %p", "%m/%d/%y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%Y/%m/%d %H:%M:%S",
                 "%Y/%m/%d")
_YES = {"yes", "y", "true", "1", "completed", "complete"}
_NO = {"no", "n", "false", "0", "not completed", "incomplete", "in progress"}


class ProgressImportError(CounselorDeskError):
    """The report was refused as a whole; ``problems`` lists each bad cell (row, column, message)."""

    def __init__(self, message: str, *, problems: Sequence[ImportProblem] = (), missing: Sequence[str] = ()) -> None:
        self.problems = list(problems)
        self.missing_columns = list(missing)
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    row: int  # as a spreadsheet numbers it: the header is usually row 1
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:37] + "..."
        return f"Row {self.row}, column “{self.column}”: “{shown}” {self.message}"


@dataclass(frozen=True, slots=True)
class UnmatchedRow:
    row: int
    learner_name: str | None
    email: str | None
    external_id: str | None
    course_name: str
    reason: str


@dataclass(slots=True)
class ProgressImportResult:
    import_id: str
    file_name: str
    rows: int
    learners: int
    matched_rows: int
    unmatched_rows: int
    inserted: int
    updated: int
    unchanged: int
    blank_rows: int
    already_imported: bool
    imported_at: datetime
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    duplicates_merged: int = 0

    def summary(self) -> str:
        if self.already_imported:
            return (f"{self.file_name} was already imported on {format_day(self.imported_at.date())}; nothing "
                    "was changed.")
        text = (f"Imported {self.rows:,} course rows for {self.learners:,} learners from {self.file_name}: "
                f"{self.inserted:,} new, {self.updated:,} updated, {self.unchanged:,} unchanged.")
        if self.unmatched_rows:
            text += (f" {self.unmatched_rows:,} rows match no job seeker on this desk; they are kept for review.")
        return text


@dataclass(slots=True)
class _Row:
    row: int
    values: dict[str, Any]


# -- reading ---------------------------------------------------------------------------------------------------


def _header_key(text: object) -> str:
    s = str(text or "").replace("\ufeff", "").replace("_", " ").strip().casefold()
    return re.sub(r"\s+", " ", s)


_ALIAS_TO_FIELD = {alias: fld for fld, aliases in COLUMN_ALIASES.items() for alias in aliases}


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


def _read_xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ProgressImportError(f"{path.name} could not be opened as an Excel workbook ({exc}). Export the "
                                  "report again, as CSV or Excel (.xlsx).") from None
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


# -- value parsing ---------------------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id that Excel stored as a number
    text = str(value).replace("\0", "").strip()
    return text or None


_TZ_SUFFIX = re.compile(r"\s+(UTC|GMT|Z)$", re.IGNORECASE)
# m/d/yyyy [h:mm[:ss] [AM|PM]], as Excel writes dates back into a CSV: parsed directly, since trying strptime
# formats one after another costs seconds on a 100,000-row report.
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?")


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
    """The provider writes ISO 8601 in UTC; Excel rewrites dates as m/d/yyyy h:mm. Stored as naive UTC."""
    if value is None or value == "":
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
        text = str(value).strip()
        if not text:
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
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "")
        if not text or text in ("-", "—", "N/A", "n/a"):
            return None
        percent = text.endswith("%")
        number = float(text.rstrip("%").strip())
        if percent and percent_as_fraction:
            number /= 100.0
    if number != number or number in (float("inf"), float("-inf")) or number < 0:
        raise ValueError
    return number


def parse_yes_no(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        raise ValueError
    text = str(value).strip().casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError


_PARSERS: dict[str, tuple[Callable[[object], Any], str]] = {
    "enrollment_time": (parse_datetime, "is not a date and time we can read (for example 2020-10-05 14:30)."),
    "completion_time": (parse_datetime, "is not a date and time we can read (for example 2020-10-05 14:30)."),
    "last_activity_time": (parse_datetime, "is not a date and time we can read (for example 2020-10-05 14:30)."),
    "learning_hours": (parse_number, "is not a number of hours."),
    "course_grade": (lambda v: parse_number(v, percent_as_fraction=True), "is not a grade (a number)."),
    "completed": (parse_yes_no, "is not Yes or No."),
}


def read_usage_report(path: str | Path, *, data: bytes | None = None) -> tuple[list[_Row], set[str], int, str]:
    """Parse and check the whole file. Returns (rows, fields present, blank rows, sha256) or raises
    ``ProgressImportError`` listing every problem."""
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProgressImportError(f"The report {path.name} could not be read ({exc.strerror}).") from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.casefold()
    if suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ProgressImportError(f"{path.name} is an old-style Excel file (.xls). Save it as .xlsx or CSV and "
                                  "import that.")
    if data[:2] == b"PK" or suffix in (".xlsx", ".xlsm"):
        raw_rows = _read_xlsx_rows(path)
    else:
        raw_rows = _read_csv_rows(data)
    header_at, mapping = _find_header(raw_rows)
    if header_at < 0:
        raise ProgressImportError(f"{path.name} is empty: there is no header row and no data.")
    header = raw_rows[header_at]
    if not mapping:
        mapping = _map_header(header)
    missing = [" or ".join(f"“{COLUMN_LABELS[f]}”" for f in group) for group in REQUIRED
               if not any(f in mapping for f in group)]
    if missing:
        seen = ", ".join(f"“{str(c).strip()}”" for c in header if str(c or "").strip()) or "none"
        raise ProgressImportError(
            f"The report was not imported, and nothing was changed: it has no {', no '.join(missing)} column. "
            f"Columns found: {seen}. Export the provider's usage (enrollment) report with these columns and "
            "import it again.", missing=missing)

    rows: list[_Row] = []
    problems: list[ImportProblem] = []
    blank = 0
    for index in range(header_at + 1, len(raw_rows)):
        cells = raw_rows[index]
        number = index + 1
        if not any(str(c).strip() for c in cells if c is not None):
            blank += 1
            continue
        values: dict[str, Any] = {}
        for fld, col in mapping.items():
            raw = cells[col] if col < len(cells) else None
            if fld in _PARSERS:
                parser, message = _PARSERS[fld]
                try:
                    values[fld] = parser(raw)
                except (ValueError, TypeError, OverflowError):
                    problems.append(ImportProblem(number, str(header[col]).strip().replace("\ufeff", ""),
                                                  str(raw), message))
            else:
                values[fld] = _text(raw)
        if not values.get("course_name"):
            problems.append(ImportProblem(number, COLUMN_LABELS["course_name"], "", "is empty: every row needs "
                                          "the course name."))
        if not values.get("email") and not values.get("external_id"):
            problems.append(ImportProblem(number, COLUMN_LABELS["email"], "", "is empty, and so is External ID: "
                                          "the row does not say who the learner is."))
        rows.append(_Row(number, values))
    if problems:
        listed = "\n".join(f"  • {p}" for p in problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - MAX_LISTED_PROBLEMS
        tail = f"\n  …and {more:,} more." if more > 0 else ""
        raise ProgressImportError(
            f"The report {path.name} was not imported, and nothing was changed. {len(problems):,} "
            f"{'cell needs' if len(problems) == 1 else 'cells need'} correcting:\n{listed}{tail}",
            problems=problems)
    return rows, set(mapping), blank, digest


# -- matching and writing ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Matcher:
    ids: set[str]
    by_customer_id: dict[str, str | None]
    by_email: dict[str, set[str]]

    @classmethod
    def load(cls, session: Session) -> _Matcher:
        ids: set[str] = set()
        by_customer: dict[str, str | None] = {}
        by_email: dict[str, set[str]] = {}
        for jsid, acid, email in session.execute(select(JobSeeker.id, JobSeeker.agency_customer_id,
                                                        JobSeeker.email)):
            ids.add(jsid)
            if acid:
                key = acid.strip().casefold()
                by_customer[key] = jsid if key not in by_customer else None  # None: two people share it
            if email:
                by_email.setdefault(email.strip().casefold(), set()).add(jsid)
        for jsid, email in session.execute(select(LicenseIssuance.job_seeker_id, LicenseIssuance.email)):
            if email:
                by_email.setdefault(email.strip().casefold(), set()).add(jsid)
        return cls(ids, by_customer, by_email)

    def match(self, external_id: str | None, email: str | None) -> tuple[str | None, str]:
        if external_id:
            if external_id in self.ids:
                return external_id, ""
            found = self.by_customer_id.get(external_id.casefold(), "")
            if found:
                return found, ""
        if email:
            owners = self.by_email.get(email, set())
            if len(owners) == 1:
                return next(iter(owners)), ""
            if len(owners) > 1:
                return None, (f"This e-mail address belongs to {len(owners)} job seekers on this desk; the row "
                              "needs an External ID to tell them apart.")
        if external_id and email:
            return None, "No job seeker on this desk has this External ID or e-mail address."
        if external_id:
            return None, "No job seeker on this desk has this External ID."
        return None, "No job seeker on this desk has this e-mail address."


def _key(external_id: str | None, email: str | None, course: str) -> tuple[str, str, str]:
    return (external_id or "", email or "", course)


def _more_advanced(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two rows for one learner and course (a re-enrollment, or two programs): keep the further one."""
    def rank(v: dict[str, Any]) -> tuple[bool, datetime, float]:
        last = v.get("last_activity_time") or v.get("completion_time") or v.get("enrollment_time") or datetime.min
        return (bool(v.get("completed")), last, float(v.get("learning_hours") or 0.0))
    return a if rank(a) >= rank(b) else b


def import_usage_report(desk: Desk, path: str | Path, *, progress: ProgressCallback | None = None,
                        cancel: Event | None = None) -> ProgressImportResult:
    """Read, check, match and store a usage report in one transaction (see the module docstring)."""
    require_supervisor(desk, what="import the provider's progress reports")
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProgressImportError(f"The report {path.name} could not be read ({exc.strerror}).") from None
    digest = hashlib.sha256(data).hexdigest()
    with desk.store.read() as session:
        earlier = session.scalar(select(ProgressImport).where(ProgressImport.sha256 == digest)
                                 .order_by(ProgressImport.imported_at).limit(1))
        if earlier is not None:
            return ProgressImportResult(
                import_id=earlier.id, file_name=path.name, rows=earlier.row_count, learners=0,
                matched_rows=earlier.matched_count, unmatched_rows=earlier.unmatched_count, inserted=0, updated=0,
                unchanged=earlier.row_count, blank_rows=0, already_imported=True, imported_at=earlier.imported_at)
    rows, present, blank, digest = read_usage_report(path, data=data)
    if progress is not None:
        progress(0, len(rows))

    merged: dict[tuple[str, str, str], tuple[int, dict[str, Any]]] = {}
    duplicates = 0
    for r in rows:
        v = r.values
        email = (v.get("email") or "").casefold() or None
        v["email"] = email
        if v.get("completed") is None:
            v["completed"] = v.get("completion_time") is not None
        if "learning_hours" in present:
            v["learning_hours"] = v.get("learning_hours") or 0.0
        key = _key(v.get("external_id"), email, str(v["course_name"]))
        if key in merged:
            duplicates += 1
            number, other = merged[key]
            merged[key] = (number, _more_advanced(other, v))
        else:
            merged[key] = (r.row, v)
    # A column this kind of report lacks keeps what an earlier report said; "completed" is always known
    # (from the Completed column, or else from the Completion Time).
    fields_to_write = [f for f in PROGRESS_FIELDS if f in present or f == "completed"]

    now = utcnow()
    import_id = new_id()
    with desk.store.write() as session:
        matcher = _Matcher.load(session)
        p = LearnerProgress
        existing: dict[tuple[str, str, str], tuple[Any, ...]] = {}
        cols = [p.id, p.job_seeker_id, p.matched, *(getattr(p, f) for f in fields_to_write)]
        for rec in session.execute(select(p.external_id, p.email, p.course_name, *cols)):
            existing[_key(rec[0], rec[1], rec[2])] = tuple(rec[3:])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        unchanged = matched_rows = 0
        unmatched: list[UnmatchedRow] = []
        learners: set[tuple[str, str]] = set()
        for done, (key, (number, v)) in enumerate(merged.items(), 1):
            if cancel is not None and done % 2000 == 0:
                if cancel.is_set():
                    raise ReportCancelled("The import was cancelled; nothing was changed.")
                if progress is not None:
                    progress(done, len(merged))
            jsid, reason = matcher.match(v.get("external_id"), v.get("email"))
            learners.add((key[0], key[1]))
            if jsid is not None:
                matched_rows += 1
            else:
                unmatched.append(UnmatchedRow(number, v.get("learner_name"), v.get("email"), v.get("external_id"),
                                              str(v["course_name"]), reason))
            values = {f: v.get(f) for f in fields_to_write}
            before = existing.get(key)
            if before is None:
                inserts.append({"id": new_id(), "job_seeker_id": jsid, "external_id": v.get("external_id"),
                                "email": v.get("email"), "course_name": v["course_name"], "matched": jsid is not None,
                                "import_id": import_id, "updated_at": now,
                                **{f: values.get(f) for f in PROGRESS_FIELDS if f in values},
                                "completed": bool(values.get("completed", False)),
                                "learning_hours": float(values.get("learning_hours") or 0.0)})
                continue
            row_id, old_jsid, old_matched, *old_values = before
            new_tuple = (jsid, jsid is not None, *(values[f] for f in fields_to_write))
            if (old_jsid, bool(old_matched), *old_values) == new_tuple:
                unchanged += 1
                continue
            updates.append({"id": row_id, "job_seeker_id": jsid, "matched": jsid is not None, "import_id": import_id,
                            "updated_at": now, **values})
        session.add(ProgressImport(id=import_id, file_name=path.name[:260], sha256=digest, row_count=len(merged),
                                   matched_count=matched_rows, unmatched_count=len(unmatched),
                                   imported_by=desk.actor.user_id, imported_at=now))
        session.flush()
        if inserts:
            session.execute(insert(LearnerProgress), inserts)
        if updates:
            session.execute(update(LearnerProgress), updates)
        record_audit(session, desk.actor, "progress_import", entity="progress_import", entity_id=import_id,
                     detail={"rows": len(merged), "matched": matched_rows, "unmatched": len(unmatched),
                             "inserted": len(inserts), "updated": len(updates), "sha256": digest})
        if cancel is not None and cancel.is_set():
            raise ReportCancelled("The import was cancelled; nothing was changed.")
    if progress is not None:
        progress(len(merged), len(merged))
    return ProgressImportResult(
        import_id=import_id, file_name=path.name, rows=len(merged), learners=len(learners),
        matched_rows=matched_rows, unmatched_rows=len(unmatched), inserted=len(inserts), updated=len(updates),
        unchanged=unchanged, blank_rows=blank, already_imported=False, imported_at=now, unmatched=unmatched,
        duplicates_merged=duplicates)


def rematch_unmatched(desk: Desk) -> int:
    """Try the unmatched rows again, e.g. after the job seekers were registered or synced. Returns how many
    now match."""
    require_supervisor(desk, what="match progress rows to job seekers")
    with desk.store.write() as session:
        matcher = _Matcher.load(session)
        p = LearnerProgress
        updates = []
        for row_id, external_id, email in session.execute(select(p.id, p.external_id, p.email)
                                                          .where(p.matched.is_(False))):
            jsid, _ = matcher.match(external_id, email)
            if jsid is not None:
                updates.append({"id": row_id, "job_seeker_id": jsid, "matched": True, "updated_at": utcnow()})
        if updates:
            session.execute(update(LearnerProgress), updates)
            record_audit(session, desk.actor, "progress_rematch", detail={"matched": len(updates)})
        return len(updates)


def list_unmatched(desk: Desk, *, limit: int = 1000) -> list[UnmatchedRow]:
    """The rows waiting for review: names and e-mails, so supervisors only."""
    require_supervisor(desk, what="review unmatched progress rows")
    matcher_reason = "No job seeker on this desk has this External ID or e-mail address."
    with desk.store.read() as session:
        p = LearnerProgress
        rows = session.execute(select(p.learner_name, p.email, p.external_id, p.course_name)
                               .where(p.matched.is_(False)).order_by(p.email, p.course_name).limit(limit)).all()
    return [UnmatchedRow(0, name, email, ext, course, matcher_reason) for name, email, ext, course in rows]
