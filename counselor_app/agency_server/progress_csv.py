"""Reading the learning provider's usage report (CSV).

The provider's column sets vary between report kinds and over time, so columns are matched by header name
(case and spacing ignored), extra columns are tolerated and reported, and a missing required column is named
in the error. Course names contain commas, so only a real CSV reader will do.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

# Canonical field -> header spellings seen in the provider's reports.
HEADERS: dict[str, tuple[str, ...]] = {
    "learner_name": ("name", "learner name", "full name"),
    "email": ("email", "e-mail", "email address"),
    "external_id": ("external id", "externalid", "external_id"),
    "program_name": ("program name", "program"),
    "course_name": ("course name", "course"),
    "enrollment_time": ("enrollment time", "enrolled time", "enrollment date"),
    "completion_time": ("completion time", "completed time", "completion date"),
    "last_activity_time": ("last activity time", "last course activity time"),
    "completed": ("completed", "is completed"),
    "learning_hours": ("learning hours spent", "learning hours", "hours spent"),
    "course_grade": ("course grade", "grade"),
}
MAX_BYTES = 50 * 1024 * 1024


class ProgressFileError(ValueError):
    """The file cannot be read as a progress report; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class ProgressLine:
    learner_name: str | None
    email: str | None
    external_id: str | None
    program_name: str | None
    course_name: str
    enrollment_time: datetime | None
    completion_time: datetime | None
    completed: bool
    learning_hours: float
    course_grade: float | None


@dataclass(frozen=True, slots=True)
class ProgressFile:
    lines: list[ProgressLine]
    ignored_columns: list[str]
    skipped_rows: int


def _norm(header: str) -> str:
    return re.sub(r"\s+", " ", header.replace("\ufeff", "").strip().casefold())


_US_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S %Z", "%Y/%m/%d %H:%M:%S")


def parse_time(text: str | None) -> datetime | None:
    """ISO 8601 (with or without zone, 'T' or space) or US month/day/year; naive UTC out."""
    value = (text or "").strip()
    if not value or value.casefold() in ("n/a", "na", "none", "null", "-"):
        return None
    if value.endswith(" UTC"):
        value = value[:-4]
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _US_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(f"'{value}' is not a date and time") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _bool(text: str | None) -> bool:
    return (text or "").strip().casefold() in ("yes", "y", "true", "1", "completed")


def _float(text: str | None) -> float | None:
    value = (text or "").strip().rstrip("%")
    if not value:
        return None
    return float(value.replace(",", ""))


def read_progress_csv(data: bytes | str) -> ProgressFile:
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ProgressFileError("The progress file is larger than 50 MB; split it and import the parts.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
    else:
        text = data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ProgressFileError("The progress file is empty.") from None
    index: dict[str, int] = {}
    ignored: list[str] = []
    for pos, raw in enumerate(header):
        name = _norm(raw)
        for field, spellings in HEADERS.items():
            if name in spellings and field not in index:
                index[field] = pos
                break
        else:
            if raw.strip():
                ignored.append(raw.strip())
    missing = []
    if "course_name" not in index:
        missing.append("Course Name")
    if "email" not in index and "external_id" not in index:
        missing.append("Email or External ID")
    if missing:
        raise ProgressFileError("The progress file is missing the column(s): " + ", ".join(missing)
                                + ". Export the provider's usage report with these columns.")

    def cell(row: list[str], field: str) -> str | None:
        pos = index.get(field)
        if pos is None or pos >= len(row):
            return None
        value = row[pos].strip()
        return value or None

    lines: list[ProgressLine] = []
    skipped = 0
    for number, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        course = cell(row, "course_name")
        email = cell(row, "email")
        external = cell(row, "external_id")
        if not course or not (email or external):
            skipped += 1
            continue
        try:
            lines.append(ProgressLine(
                learner_name=cell(row, "learner_name"), email=email.casefold() if email else None,
                external_id=external, program_name=cell(row, "program_name"), course_name=course[:300],
                enrollment_time=parse_time(cell(row, "enrollment_time")),
                completion_time=parse_time(cell(row, "completion_time")),
                completed=_bool(cell(row, "completed")),
                learning_hours=_float(cell(row, "learning_hours")) or 0.0,
                course_grade=_float(cell(row, "course_grade"))))
        except ValueError as exc:
            raise ProgressFileError(f"Row {number} of the progress file could not be read: {exc}.") from None
    return ProgressFile(lines=lines, ignored_columns=ignored, skipped_rows=skipped)
