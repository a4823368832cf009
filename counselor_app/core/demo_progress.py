"""Synthetic learner progress for demos, tests and benchmarks, and provider-style usage reports to import.

Shaped like the real thing: about 7 in 10 invited learners join, most of those enroll in one to five courses,
a few popular courses draw most enrollments (as in every workforce program's reports), roughly a third of
enrollments are completed, and nothing happens before the license was issued or after "today". Deterministic
for a seed. Course titles come from the catalog when it loads, so demo figures fall into real collections.
"""

from __future__ import annotations

import csv
import os
import random
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from counselor_app.core.changes import record_audit
from counselor_app.core.models import (
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    ProgressImport,
    new_id,
    utcnow,
)
from counselor_app.core.usage_report import COLUMN_LABELS
from counselor_app.core.vocabulary import LicenseStatus

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

ProgressCallback = Callable[[int, int], None]

# Used when the catalog cannot be loaded; real course titles, commas and all.
FALLBACK_COURSES: tuple[tuple[str, float], ...] = (
    ("Technical Support Fundamentals", 22), ("Foundations: Data, Data, Everywhere", 21),
    ("Learning How to Learn: Powerful mental tools to help you master tough subjects", 15),
    ("Excel Skills for Business: Essentials", 24), ("Foundations of Project Management", 18),
    ("Successful Negotiation: Essential Strategies and Skills", 15), ("The Bits and Bytes of Computer Networking", 27),
    ("Foundations of User Experience (UX) Design", 20), ("Introduction to Personal Branding", 8),
    ("Write Professional Emails in English", 13), ("Fundamentals of Digital Marketing", 20),
    ("Crash Course on Python", 33), ("Aprendiendo a aprender: Poderosas herramientas mentales", 15),
    ("Operating Systems and You: Becoming a Power User", 28), ("Financial Markets", 33),
)
# The columns in the order ``usage_report_cells`` writes them; their headers come from the parser's table.
_REPORT_FIELDS = ("learner_name", "email", "external_id", "program_name", "course_name", "enrollment_time",
                  "completion_time", "completed", "learning_hours", "course_grade", "skills_learned",
                  "last_activity_time")
USAGE_REPORT_HEADER = tuple(COLUMN_LABELS[f] for f in _REPORT_FIELDS)
SKILLS = ("Problem Solving", "Communication", "Spreadsheet", "Customer Service", "Troubleshooting", "Data Analysis",
          "Project Management", "Python Programming", "Negotiation", "Computer Networking")


@dataclass(frozen=True, slots=True)
class UsageReportRow:
    name: str
    email: str
    external_id: str | None
    program_name: str
    course_name: str
    enrollment_time: datetime | None
    completion_time: datetime | None
    completed: bool
    learning_hours: float
    course_grade: float | None
    last_activity_time: datetime | None
    skills: str = ""


@dataclass(frozen=True, slots=True)
class SeedProgressResult:
    learners: int
    rows: int
    completed: int


def _course_pool() -> tuple[list[str], list[float], list[float]]:
    """Titles, typical hours and popularity weights (a steep, Zipf-like curve)."""
    titles: list[str] = []
    hours: list[float] = []
    try:
        from counselor_app.core.catalog import load_default_catalog

        for course in load_default_catalog().courses:
            titles.append(course.title)
            hours.append(float(course.hours_value or 12.0))
    except Exception:  # noqa: BLE001 - demo data must not depend on the catalog loading
        titles, hours = [], []
    if not titles:
        titles = [t for t, _ in FALLBACK_COURSES]
        hours = [h for _, h in FALLBACK_COURSES]
    order = random.Random(7).sample(range(len(titles)), len(titles))  # which courses are popular: fixed
    weights = [0.0] * len(titles)
    for rank, i in enumerate(order, 1):
        weights[i] = 1.0 / rank ** 0.9
    return titles, hours, weights


def _stamp(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(0, 0)) + timedelta(minutes=rng.randrange(7 * 60, 23 * 60),
                                                         seconds=rng.randrange(60))


def _learner_courses(rng: random.Random, *, issued_on: date, today: date, pool: tuple[list[str], list[float],
                     list[float]]) -> list[dict[str, Any]]:
    """One joined learner's course rows (possibly a single row with no enrollment: joined, no course yet)."""
    titles, hours, weights = pool
    joined_day = issued_on + timedelta(days=rng.randrange(1, 12))
    if joined_day >= today:
        return []
    if rng.random() < 0.15:
        # Joined the program, browsed, enrolled in nothing: the report lists the program without a course.
        return [{"course_name": rng.choices(titles, weights)[0], "enrollment_time": None, "completion_time": None,
                 "completed": False, "learning_hours": 0.0, "course_grade": None,
                 "last_activity_time": _stamp(rng, joined_day)}]
    count = rng.choices((1, 2, 3, 4, 5), (40, 25, 17, 11, 7))[0]
    picks: dict[int, None] = {}
    while len(picks) < min(count, len(titles)):
        picks[rng.choices(range(len(titles)), weights)[0]] = None
    rows = []
    for n, i in enumerate(picks):
        enrolled = _stamp(rng, min(today - timedelta(days=1), joined_day + timedelta(days=n * rng.randrange(0, 10))))
        typical = hours[i]
        pace = rng.uniform(2.0, 9.0)  # hours a week this learner gives the course
        finish = enrolled + timedelta(days=7 * typical / pace * rng.uniform(0.8, 1.3))
        will_finish = rng.random() < 0.42
        completed = will_finish and finish.date() < today
        if completed:
            spent = typical * rng.uniform(0.6, 1.25)
            last = finish
        else:
            horizon = max(0.0, (datetime.combine(today, time(0)) - enrolled).total_seconds())
            stopped = enrolled + timedelta(seconds=horizon * (rng.random() if not will_finish else rng.uniform(0.7, 1.0)))
            spent = min(typical * 0.95, pace * (stopped - enrolled).days / 7 * rng.uniform(0.3, 1.0))
            last = stopped if spent > 0 else enrolled
        rows.append({"course_name": titles[i], "enrollment_time": enrolled,
                     "completion_time": finish if completed else None, "completed": completed,
                     "learning_hours": round(spent, 2),
                     "course_grade": round(rng.uniform(0.7, 1.0), 4) if completed else
                     (round(rng.uniform(0.0, 0.8), 4) if spent > 1 else None),
                     "last_activity_time": last})
    return rows


def seed_progress(desk: Desk, *, seed: int, share: float = 0.7, progress: ProgressCallback | None = None,
                  cancel: Event | None = None, today: date | None = None, chunk: int = 5000) -> SeedProgressResult:
    """Give about ``share`` of the issued licenses progress rows, as if a usage report had been imported.

    Licenses whose job seeker already has progress are skipped, so running it twice adds nothing."""
    rng = random.Random(seed)
    today = today or desk.licenses.today()
    pool = _course_pool()
    program = desk.profile.program
    with desk.store.read() as session:
        have = set(session.scalars(select(LearnerProgress.job_seeker_id).where(
            LearnerProgress.job_seeker_id.is_not(None)).distinct()))
        licenses = [r for r in session.execute(
            select(LicenseIssuance.job_seeker_id, LicenseIssuance.email, LicenseIssuance.issued_on,
                   JobSeeker.first_name, JobSeeker.last_name)
            .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
            .where(LicenseIssuance.program_id == program.id, LicenseIssuance.status == LicenseStatus.ISSUED)
            .order_by(LicenseIssuance.issued_at, LicenseIssuance.id)) if r[0] not in have]
    import_id = new_id()
    with desk.store.write() as session:
        session.add(ProgressImport(id=import_id, file_name="(demo data)", sha256="0" * 64, row_count=0,
                                   imported_by=desk.actor.user_id, imported_at=utcnow()))
    learners = rows_made = completed = 0
    total = len(licenses)
    batch: list[dict[str, Any]] = []
    now = utcnow()
    for done, (jsid, email, issued_on, first, last) in enumerate(licenses, 1):
        if rng.random() < share:
            course_rows = _learner_courses(rng, issued_on=issued_on, today=today, pool=pool)
            if course_rows:
                learners += 1
            for row in course_rows:
                completed += row["completed"]
                batch.append({"id": new_id(), "job_seeker_id": jsid, "external_id": jsid, "email": email.casefold(),
                              "learner_name": f"{first} {last}", "program_name": program.name, "matched": True,
                              "import_id": import_id, "updated_at": now, **row})
        if len(batch) >= chunk or done == total:
            if cancel is not None and cancel.is_set():
                break
            if batch:
                with desk.store.write() as session:
                    session.execute(insert(LearnerProgress), batch)
                rows_made += len(batch)
                batch = []
            if progress is not None:
                progress(done, total)
    with desk.store.write() as session:
        record = session.get(ProgressImport, import_id)
        if record is not None:
            record.row_count = rows_made
            record.matched_count = rows_made
        record_audit(session, desk.actor, "seed_progress", detail={"learners": learners, "rows": rows_made,
                                                                   "seed": seed})
    return SeedProgressResult(learners=learners, rows=rows_made, completed=completed)


def usage_rows_from_desk(desk: Desk, *, seed: int, share: float = 0.7, today: date | None = None,
                         limit: int | None = None) -> list[UsageReportRow]:
    """Rows of the usage report the provider would send for this desk's licenses (nothing is stored)."""
    rng = random.Random(seed)
    today = today or desk.licenses.today()
    pool = _course_pool()
    program = desk.profile.program
    with desk.store.read() as session:
        stmt = (select(LicenseIssuance.job_seeker_id, LicenseIssuance.email, LicenseIssuance.issued_on,
                       JobSeeker.first_name, JobSeeker.last_name)
                .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
                .where(LicenseIssuance.program_id == program.id, LicenseIssuance.status == LicenseStatus.ISSUED)
                .order_by(LicenseIssuance.issued_at, LicenseIssuance.id))
        licenses = session.execute(stmt.limit(limit) if limit else stmt).all()
    out: list[UsageReportRow] = []
    for jsid, email, issued_on, first, last in licenses:
        if rng.random() >= share:
            continue
        for row in _learner_courses(rng, issued_on=issued_on, today=today, pool=pool):
            out.append(_usage_row(rng, f"{first} {last}", email, jsid, program.name, row))
    return out


def _usage_row(rng: random.Random, name: str, email: str, external_id: str | None, program_name: str,
               row: dict[str, Any]) -> UsageReportRow:
    skills = "; ".join(rng.sample(SKILLS, rng.randrange(1, 4))) if row["completed"] else ""
    return UsageReportRow(name=name, email=email, external_id=external_id, program_name=program_name,
                          course_name=row["course_name"], enrollment_time=row["enrollment_time"],
                          completion_time=row["completion_time"], completed=row["completed"],
                          learning_hours=row["learning_hours"], course_grade=row["course_grade"],
                          last_activity_time=row["last_activity_time"], skills=skills)


def _provider_time(value: datetime | None, *, excel_style: bool) -> str:
    if value is None:
        return ""
    if excel_style:  # what Excel writes back when someone opens and re-saves the report
        return f"{value.month}/{value.day}/{value.year} {value.hour}:{value.minute:02d}"
    return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def usage_report_cells(row: UsageReportRow, *, excel_style: bool = False) -> list[Any]:
    return [row.name, row.email, row.external_id or "", row.program_name, row.course_name,
            _provider_time(row.enrollment_time, excel_style=excel_style),
            _provider_time(row.completion_time, excel_style=excel_style), "Yes" if row.completed else "No",
            f"{row.learning_hours:.2f}", "" if row.course_grade is None else f"{row.course_grade:.4f}", row.skills,
            _provider_time(row.last_activity_time, excel_style=excel_style)]


def write_usage_report(path: str | os.PathLike[str], rows: Iterable[UsageReportRow], *, excel_style: bool = False,
                       header: Sequence[str] = USAGE_REPORT_HEADER) -> int:
    """Write a provider-style usage report: CSV (UTF-8 with BOM when ``excel_style``, CRLF) or, for a ``.xlsx``
    path, a workbook with real date cells. Returns the row count."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.casefold() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Usage Report")
        ws.append(list(header))
        n = 0
        for r in rows:
            ws.append([r.name, r.email, r.external_id, r.program_name, r.course_name, r.enrollment_time,
                       r.completion_time, "Yes" if r.completed else "No", r.learning_hours, r.course_grade,
                       r.skills, r.last_activity_time])
            n += 1
        wb.save(target)
        return n
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if excel_style else "utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(header)
            for r in rows:
                writer.writerow(usage_report_cells(r, excel_style=excel_style))
                n += 1
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
