"""Program figures for supervisors: one function computes them for the app, the workbook and the CLI alike.

Every number a supervisor sees comes from :func:`compute_summary`, so the dashboard, the Excel summary and
``counselor-app report --json`` can never disagree. It runs a handful of SQL aggregates (no per-row Python),
which keeps it well under a second at 100,000 licenses.

Definitions (the same words are printed in the workbook and the CLI help):

- *issued*: licenses that went out against the pool (status ``issued`` or later ``inactivated``); licenses
  *pending approval* (issued offline past the device's block) and *revoked* ones are counted separately.
- *invited*: an issued license that went out in a daily invitation file (``invitation_batch_id`` set), or
  whose holder already appears in the provider's report (they evidently got an invitation some other way).
  Until the desk has made its first invitation file, batches are not tracked and every issued license
  counts as invited; ``SummaryFigures.invited_basis`` says which rule was used.
- *joined*: the license holder appears in an imported usage report at all.
- *enrolled*: has at least one course with an Enrollment Time.
- *completed*: has at least one course with Completed = Yes.
- *completion rate*: completed / enrolled (people for totals; enrollments for a course or collection).
- *credentials earned*: completed courses that the catalog marks as carrying a free credential.
- *recorded as working*: the job seeker's record now says employed or self-employed. Counselor Desk records no
  placements or wages; appointment outcomes describe the license conversation, not a job.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, literal, or_, select

from counselor_app.core.errors import CounselorDeskError, PermissionDeniedError
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    Appointment,
    CaseNote,
    Center,
    InvitationBatch,
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    LicensePool,
    ProgressImport,
    User,
    utcnow,
)

# The CSV writers moved to core/report_files.py; importable from here as before.
from counselor_app.core.report_files import csv_text as csv_text
from counselor_app.core.report_files import safe_csv_text as safe_csv_text
from counselor_app.core.report_files import write_csv_atomic as write_csv_atomic
from counselor_app.core.vocabulary import SENT_LICENSE_STATUSES, LicenseStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.desk import Desk

UNCATEGORIZED = "Uncategorized"
CERTIFICATE_COURSES = "Professional certificate courses"  # in the catalog, in no collection
SENT_STATUSES = SENT_LICENSE_STATUSES
WORKING_STATUSES = ("employed", "self_employed")
OUTCOMES_NOTE = (
    "Counselor Desk records no job placements or wages. 'Recorded as working' counts license holders whose record "
    "now says employed or self-employed; appointment outcomes describe the license conversation, not a job. "
    "Enter employment outcomes in the state's case-management system.")

ProgressCallback = Callable[[int, int], None]


def require_supervisor(desk: Desk, *, what: Message) -> None:
    """Reports that name job seekers are need-to-know (USDOL TEGL 39-11): supervisors and administrators only.
    ``what`` is the action refused, as a ``Message`` the UI words inside the sentence. Raises
    ``PermissionDeniedError``."""
    if not desk.actor.is_supervisor:
        raise PermissionDeniedError(Message(
                "reports.supervisor_program_administrator",
                "Only a supervisor or program administrator can {what}.", what=what))


# -- filter --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Which licenses a report covers: issued between two dates (inclusive), at a center, by a counselor."""

    date_from: date | None = None
    date_to: date | None = None
    center_id: str | None = None
    counselor_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """For audit events and JSON: ids and dates only, never a job seeker's data."""
        return {"date_from": self.date_from.isoformat() if self.date_from else None,
                "date_to": self.date_to.isoformat() if self.date_to else None,
                "center_id": self.center_id, "counselor_id": self.counselor_id}


def describe_filter(report_filter: ReportFilter, *, center_name: str | None = None,
                    counselor_name: str | None = None) -> str:
    """The filter in a sentence, printed under every report's title so a printout explains itself."""
    f = report_filter
    if f.date_from and f.date_to:
        when = f"issued {format_day(f.date_from)} – {format_day(f.date_to)}"
    elif f.date_from:
        when = f"issued on or after {format_day(f.date_from)}"
    elif f.date_to:
        when = f"issued on or before {format_day(f.date_to)}"
    else:
        when = "all issue dates"
    where = center_name or ("all centers" if f.center_id is None else "one center")
    who = counselor_name or ("all counselors" if f.counselor_id is None else "one counselor")
    return f"Licenses {when}; {where}; {who}"


def format_day(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def week_start(day: date) -> date:
    """Weeks run Monday to Sunday, as on a US work calendar's pay periods."""
    return day - timedelta(days=day.weekday())


# -- catalog mapping ---------------------------------------------------------------------------------------------


def _title_key(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class CourseInfo:
    collections: tuple[str, ...]
    free_credential: bool | None


@dataclass(frozen=True, slots=True)
class CourseCatalogIndex:
    """Course title → collections, from the catalog when it can be loaded; otherwise everything is
    "Uncategorized" and credential counts are unknown. A report must never fail because the catalog did."""

    by_title: dict[str, CourseInfo]
    collection_titles: tuple[str, ...]
    available: bool

    def info(self, course_name: str) -> CourseInfo:
        return self.by_title.get(_title_key(course_name), CourseInfo((UNCATEGORIZED,), None))

    def titles(self) -> list[str]:
        return sorted(self.by_title)


@lru_cache(maxsize=1)
def course_catalog_index() -> CourseCatalogIndex:
    try:
        from counselor_app.core.catalog import load_default_catalog

        catalog: Any = load_default_catalog()
        collections = {c.id: c.title for c in getattr(catalog, "collections", ())}
        by_title: dict[str, CourseInfo] = {}
        for course in getattr(catalog, "courses", ()):
            ids = tuple(getattr(course, "collection_ids", ()) or ())
            if not ids:
                ids = tuple(cid for cid, col in ((c.id, c) for c in catalog.collections)
                            if course.id in col.course_ids)
            names = tuple(collections[i] for i in ids if i in collections)
            if not names:
                names = (CERTIFICATE_COURSES,) if getattr(course, "certificate_ids", ()) else (UNCATEGORIZED,)
            by_title[_title_key(course.title)] = CourseInfo(names, bool(getattr(course, "free_credential", False)))
        return CourseCatalogIndex(by_title=by_title, collection_titles=tuple(collections.values()), available=True)
    except Exception:  # noqa: BLE001 - any catalog problem degrades to "Uncategorized", never a failed report
        return CourseCatalogIndex(by_title={}, collection_titles=(), available=False)


# -- figures -----------------------------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return None if whole <= 0 else part / whole


_GROUP_FIELDS = ("key", "label", "issued", "pending_approval", "revoked", "inactivated", "invited", "joined",
                 "enrolled", "completed", "learning_hours")


@dataclass(slots=True)
class GroupFigures:
    """One row of the by-center, by-counselor or by-week tables, and the totals."""

    key: str
    label: str
    issued: int = 0
    pending_approval: int = 0
    revoked: int = 0
    inactivated: int = 0
    invited: int = 0
    joined: int = 0
    enrolled: int = 0
    completed: int = 0
    learning_hours: float = 0.0

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.completed, self.enrolled)

    def add(self, other: GroupFigures) -> None:
        for name in ("issued", "pending_approval", "revoked", "inactivated", "invited", "joined", "enrolled",
                     "completed", "learning_hours"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {k: getattr(self, k) for k in _GROUP_FIELDS}
        d["learning_hours"] = round(self.learning_hours, 2)
        d["completion_rate"] = self.completion_rate
        return d


@dataclass(slots=True)
class WeekFigures(GroupFigures):
    week_start: date = date.min
    course_completions: int = 0  # courses completed during this week, whatever week the license was issued

    def to_dict(self) -> dict[str, Any]:
        d = GroupFigures.to_dict(self)
        d.update(week_start=self.week_start.isoformat(), course_completions=self.course_completions)
        return d


@dataclass(frozen=True, slots=True)
class CourseFigures:
    course_name: str
    collections: tuple[str, ...]
    learners: int  # learners with the course in their report
    enrolled: int
    completed: int
    learning_hours: float
    free_credential: bool | None

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.completed, self.enrolled)

    def to_dict(self) -> dict[str, Any]:
        return {"course_name": self.course_name, "collections": list(self.collections), "learners": self.learners,
                "enrolled": self.enrolled, "completed": self.completed,
                "learning_hours": round(self.learning_hours, 2), "free_credential": self.free_credential,
                "completion_rate": self.completion_rate}


@dataclass(frozen=True, slots=True)
class CollectionFigures:
    """A course in two collections counts in both, so collection rows may add up to more than the total."""

    collection: str
    courses: int
    enrolled: int
    completed: int
    learning_hours: float

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.completed, self.enrolled)

    def to_dict(self) -> dict[str, Any]:
        return {"collection": self.collection, "courses": self.courses, "enrolled": self.enrolled,
                "completed": self.completed, "learning_hours": round(self.learning_hours, 2),
                "completion_rate": self.completion_rate}


@dataclass(frozen=True, slots=True)
class OutcomeFigures:
    appointment_outcomes: dict[str, int]
    case_notes: int
    recorded_working: int
    note: str = OUTCOMES_NOTE


@dataclass(slots=True)
class SummaryFigures:
    report_filter: ReportFilter
    filter_text: str
    generated_at: datetime
    program_id: str
    program_name: str
    pool_size: int | None
    issued_statewide: int
    invited_basis: str  # "invitation_batches" | "issued"
    totals: GroupFigures
    course_enrollments: int
    course_completions: int
    credentials_earned: int
    by_center: list[GroupFigures]
    by_counselor: list[GroupFigures]
    by_week: list[WeekFigures]
    by_course: list[CourseFigures]
    by_collection: list[CollectionFigures]
    outcomes: OutcomeFigures
    unmatched_progress_rows: int
    last_import_at: datetime | None
    catalog_available: bool
    definitions: dict[str, str] = field(default_factory=dict)
    # Issue 16: wait and service times at the front desk over the same dates (``core.front_desk``).
    front_desk: dict[str, Any] = field(default_factory=dict)

    @property
    def popular_courses(self) -> list[CourseFigures]:
        return sorted(self.by_course, key=lambda c: (-c.enrolled, -c.completed, c.course_name))[:10]

    @property
    def completion_rate(self) -> float | None:
        return self.totals.completion_rate

    def funnel(self) -> list[tuple[str, int]]:
        t = self.totals
        return [("Invited", t.invited), ("Joined", t.joined), ("Enrolled", t.enrolled), ("Completed", t.completed)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the CLI prints this and tests compare it to the workbook."""
        return {
            "filter": self.report_filter.as_dict(), "filter_text": self.filter_text,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "program": {"id": self.program_id, "name": self.program_name, "pool_size": self.pool_size,
                        "issued_statewide": self.issued_statewide},
            "invited_basis": self.invited_basis,
            "totals": self.totals.to_dict(),
            "course_enrollments": self.course_enrollments, "course_completions": self.course_completions,
            "credentials_earned": self.credentials_earned,
            "popular_courses": [c.to_dict() for c in self.popular_courses],
            "by_center": [g.to_dict() for g in self.by_center],
            "by_counselor": [g.to_dict() for g in self.by_counselor],
            "by_week": [w.to_dict() for w in self.by_week],
            "by_course": [c.to_dict() for c in self.by_course],
            "by_collection": [c.to_dict() for c in self.by_collection],
            "outcomes": asdict(self.outcomes),
            "unmatched_progress_rows": self.unmatched_progress_rows,
            "last_import_at": self.last_import_at.isoformat(timespec="seconds") if self.last_import_at else None,
            "catalog_available": self.catalog_available,
            "definitions": self.definitions,
            "front_desk": self.front_desk,
        }


DEFINITIONS = {
    "issued": "Licenses that went out against the pool (issued, including ones later inactivated).",
    "pending_approval": "Issued offline past the device's block; waiting for a supervisor's approval.",
    "invited": "Issued and sent in a daily invitation file, or already in the provider's report.",
    "invited_when_untracked": "No invitation file has been made on this desk yet: every issued license "
                              "counts as invited.",
    "joined": "Appears in an imported usage report.",
    "enrolled": "Has at least one course with an enrollment time.",
    "completed": "Has completed at least one course.",
    "completion_rate": "Completed ÷ enrolled.",
    "credentials_earned": "Completed courses the catalog marks as carrying a free credential.",
    "recorded_working": "License holders whose record now says employed or self-employed.",
}


def license_conditions(desk: Desk, f: ReportFilter) -> list[Any]:
    conds: list[Any] = [LicenseIssuance.program_id == desk.profile.program.id]
    if f.date_from is not None:
        conds.append(LicenseIssuance.issued_on >= f.date_from)
    if f.date_to is not None:
        conds.append(LicenseIssuance.issued_on <= f.date_to)
    if f.center_id is not None:
        conds.append(LicenseIssuance.center_id == f.center_id)
    if f.counselor_id is not None:
        conds.append(LicenseIssuance.issued_by == f.counselor_id)
    return conds


def learner_rollup() -> Any:
    """One row per matched learner: joined, enrolled, completed, hours, unfinished courses, last activity."""
    lp = LearnerProgress
    last = func.max(func.coalesce(lp.last_activity_time, lp.completion_time, lp.enrollment_time))
    return (select(
        lp.job_seeker_id.label("jsid"),
        func.max(case((lp.enrollment_time.is_not(None), 1), else_=0)).label("enrolled"),
        func.max(case((lp.completed.is_(True), 1), else_=0)).label("completed"),
        func.sum(lp.learning_hours).label("hours"),
        func.sum(case((and_(lp.enrollment_time.is_not(None), lp.completed.is_(False)), 1), else_=0))
        .label("in_progress"),
        func.sum(case((lp.enrollment_time.is_not(None), 1), else_=0)).label("courses_enrolled"),
        func.sum(case((lp.completed.is_(True), 1), else_=0)).label("courses_completed"),
        last.label("last_activity"),
    ).where(lp.matched.is_(True), lp.job_seeker_id.is_not(None)).group_by(lp.job_seeker_id).subquery("lp"))


def batches_tracked(session: Session) -> bool:
    return session.scalar(select(literal(1)).select_from(InvitationBatch).limit(1)) is not None


def invited_condition(rollup: Any, *, tracked: bool) -> Any:
    sent = LicenseIssuance.status.in_(SENT_STATUSES)
    if not tracked:
        return sent
    return and_(sent, or_(LicenseIssuance.invitation_batch_id.is_not(None), rollup.c.jsid.is_not(None)))


def _names(session: Session, model: Any, label_col: Any) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(model.id, label_col)).all()}


def compute_summary(desk: Desk, report_filter: ReportFilter | None = None) -> SummaryFigures:
    """All figures for one filter. Supervisors see everything; a counselor only their own licenses."""
    f = report_filter or ReportFilter()
    if not desk.actor.is_supervisor and (f.counselor_id is None or f.counselor_id != desk.actor.user_id):
        raise PermissionDeniedError(Message(
                "reports.supervisor_program_administrator_2",
                "Only a supervisor or program administrator can see program-wide figures; a counselor "
                "can see the figures for their own licenses."))
    catalog = course_catalog_index()
    program = desk.profile.program
    with desk.store.read() as session:
        tracked = batches_tracked(session)
        lp = learner_rollup()
        conds = license_conditions(desk, f)
        status = LicenseIssuance.status
        sent = status.in_(SENT_STATUSES)
        joined = and_(sent, lp.c.jsid.is_not(None))

        def count_if(cond: Any) -> Any:
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        grouped = session.execute(
            select(LicenseIssuance.issued_on, LicenseIssuance.center_id, LicenseIssuance.issued_by,
                   count_if(sent), count_if(status == LicenseStatus.PENDING_APPROVAL), count_if(status == LicenseStatus.REVOKED),
                   count_if(status == LicenseStatus.INACTIVATED), count_if(invited_condition(lp, tracked=tracked)),
                   count_if(joined), count_if(and_(joined, lp.c.enrolled == 1)),
                   count_if(and_(joined, lp.c.completed == 1)),
                   func.coalesce(func.sum(case((joined, lp.c.hours), else_=0.0)), 0.0))
            .outerjoin(lp, lp.c.jsid == LicenseIssuance.job_seeker_id)
            .where(*conds)
            .group_by(LicenseIssuance.issued_on, LicenseIssuance.center_id, LicenseIssuance.issued_by)).all()

        centers = _names(session, Center, Center.name)
        users = _names(session, User, User.display_name)
        totals = GroupFigures(key="all", label="All")
        by_center: dict[str, GroupFigures] = {}
        by_counselor: dict[str, GroupFigures] = {}
        by_week: dict[date, WeekFigures] = {}
        for day, center_id, user_id, *values in grouped:
            g = GroupFigures("", "", int(values[0]), int(values[1]), int(values[2]), int(values[3]),
                             int(values[4]), int(values[5]), int(values[6]), int(values[7]), float(values[8]))
            totals.add(g)
            ck = center_id or ""
            by_center.setdefault(ck, GroupFigures(ck, centers.get(ck, "(no center)"))).add(g)
            uk = user_id or ""
            by_counselor.setdefault(uk, GroupFigures(uk, users.get(uk, "(unknown counselor)"))).add(g)
            wk = week_start(day)
            by_week.setdefault(wk, WeekFigures(wk.isoformat(), f"Week of {wk:%b} {wk.day}, {wk.year}",
                                               week_start=wk)).add(g)

        # Course-level figures for the learners in scope (one live license per person per program).
        in_scope = select(LicenseIssuance.job_seeker_id).where(*conds, sent)
        p = LearnerProgress
        course_rows = session.execute(
            select(p.course_name, func.count(),
                   func.sum(case((p.enrollment_time.is_not(None), 1), else_=0)),
                   func.sum(case((p.completed.is_(True), 1), else_=0)),
                   func.coalesce(func.sum(p.learning_hours), 0.0))
            .where(p.matched.is_(True), p.job_seeker_id.in_(in_scope))
            .group_by(p.course_name)).all()
        completion_days = session.execute(
            select(func.date(p.completion_time), func.count())
            .where(p.matched.is_(True), p.completed.is_(True), p.completion_time.is_not(None),
                   p.job_seeker_id.in_(in_scope))
            .group_by(func.date(p.completion_time))).all()
        for day_text, n in completion_days:
            wk = week_start(date.fromisoformat(str(day_text)[:10]))
            week = by_week.setdefault(wk, WeekFigures(wk.isoformat(), f"Week of {wk:%b} {wk.day}, {wk.year}",
                                                      week_start=wk))
            week.course_completions += int(n)

        outcomes = _outcomes(session, f, conds)
        unmatched = int(session.scalar(select(func.count()).select_from(p).where(p.matched.is_(False))) or 0)
        last_import = session.scalar(select(func.max(ProgressImport.imported_at)))
        pool = session.get(LicensePool, program.id)
        issued_statewide = pool.issued_statewide if pool is not None else 0
        center_name = centers.get(f.center_id) if f.center_id else None
        counselor_name = users.get(f.counselor_id) if f.counselor_id else None

    courses: list[CourseFigures] = []
    collections: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    credentials = 0
    for name, learners, enrolled, completed, hours in course_rows:
        info = catalog.info(name)
        cf = CourseFigures(course_name=name, collections=info.collections, learners=int(learners),
                           enrolled=int(enrolled or 0), completed=int(completed or 0),
                           learning_hours=float(hours or 0.0), free_credential=info.free_credential)
        courses.append(cf)
        if info.free_credential:
            credentials += cf.completed
        for col in info.collections:
            agg = collections[col]
            agg[0] += 1
            agg[1] += cf.enrolled
            agg[2] += cf.completed
            agg[3] += cf.learning_hours
    courses.sort(key=lambda c: (-c.enrolled, -c.completed, c.course_name.casefold()))
    order = {title: i for i, title in enumerate(catalog.collection_titles)}
    by_collection = [CollectionFigures(collection=k, courses=int(v[0]), enrolled=int(v[1]), completed=int(v[2]),
                                       learning_hours=float(v[3]))
                     for k, v in sorted(collections.items(), key=lambda kv: (order.get(kv[0], 999), kv[0]))]
    definitions = dict(DEFINITIONS)
    if tracked:
        definitions.pop("invited_when_untracked")
    else:
        definitions["invited"] = definitions.pop("invited_when_untracked")
    return SummaryFigures(
        report_filter=f, filter_text=describe_filter(f, center_name=center_name, counselor_name=counselor_name),
        generated_at=utcnow(), program_id=program.id, program_name=program.name, pool_size=program.license_pool,
        issued_statewide=issued_statewide, invited_basis="invitation_batches" if tracked else "issued",
        totals=totals, course_enrollments=sum(c.enrolled for c in courses),
        course_completions=sum(c.completed for c in courses), credentials_earned=credentials,
        by_center=sorted(by_center.values(), key=lambda g: g.label.casefold()),
        by_counselor=sorted(by_counselor.values(), key=lambda g: g.label.casefold()),
        by_week=[by_week[k] for k in sorted(by_week)], by_course=courses, by_collection=by_collection,
        outcomes=outcomes, unmatched_progress_rows=unmatched, last_import_at=last_import,
        catalog_available=catalog.available, definitions=definitions, front_desk=_front_desk_figures(desk, f))


def _front_desk_figures(desk: Desk, f: ReportFilter) -> dict[str, Any]:
    """Issue 16: people called in from the waiting list, their wait and service times (minutes) over the
    report's dates (default: the last 30 days), in the center's time zone."""
    from counselor_app.core.front_desk import FrontDeskService

    end = f.date_to or desk.licenses.today()
    start = f.date_from or end - timedelta(days=29)
    service = FrontDeskService(desk.store, desk.actor, zone=desk.settings.center_time_zone)
    figures = service.wait_and_service(start, end)
    report = service.wait_and_service_report(start, end, center_id=f.center_id, counselor_id=f.counselor_id)
    return asdict(figures) | {"from": start.isoformat(), "to": end.isoformat(),
                              "totals": asdict(report.totals),
                              "by_day": [asdict(g) for g in report.by_day],
                              "by_center": [asdict(g) for g in report.by_center],
                              "by_counselor": [asdict(g) for g in report.by_counselor]}


def _outcomes(session: Session, f: ReportFilter, license_conds: list[Any]) -> OutcomeFigures:
    when = func.date(func.coalesce(Appointment.started_at, Appointment.scheduled_at))
    conds: list[Any] = [Appointment.outcome.is_not(None)]
    if f.date_from is not None:
        conds.append(when >= f.date_from.isoformat())
    if f.date_to is not None:
        conds.append(when <= f.date_to.isoformat())
    if f.center_id is not None:
        conds.append(Appointment.center_id == f.center_id)
    if f.counselor_id is not None:
        conds.append(Appointment.counselor_id == f.counselor_id)
    outcomes = {str(k): int(n) for k, n in session.execute(
        select(Appointment.outcome, func.count()).where(*conds).group_by(Appointment.outcome)).all()}
    note_conds: list[Any] = []
    if f.date_from is not None:
        note_conds.append(func.date(CaseNote.created_at) >= f.date_from.isoformat())
    if f.date_to is not None:
        note_conds.append(func.date(CaseNote.created_at) <= f.date_to.isoformat())
    if f.counselor_id is not None:
        note_conds.append(CaseNote.author_id == f.counselor_id)
    if f.center_id is not None:
        note_conds.append(CaseNote.author_id.in_(select(User.id).where(User.center_id == f.center_id)))
    notes = int(session.scalar(select(func.count()).select_from(CaseNote).where(*note_conds)) or 0)
    working = int(session.scalar(
        select(func.count(func.distinct(JobSeeker.id)))
        .join(LicenseIssuance, LicenseIssuance.job_seeker_id == JobSeeker.id)
        .where(*license_conds, LicenseIssuance.status.in_(SENT_STATUSES),
               JobSeeker.employment_status.in_(WORKING_STATUSES))) or 0)
    return OutcomeFigures(appointment_outcomes=outcomes, case_notes=notes, recorded_working=working)


# -- detail rows (one per license, for the workbook's detail sheet) ----------------------------------------


DETAIL_COLUMNS = ("Full Name", "Email", "External ID", "Agency Customer ID", "Center", "Counselor", "Issued On",
                  "Status", "Invitation File Date", "Joined", "Courses Enrolled", "Courses Completed",
                  "Courses In Progress", "Learning Hours", "Last Activity")


@dataclass(frozen=True, slots=True)
class DetailRow:
    full_name: str
    email: str
    external_id: str
    agency_customer_id: str | None
    center: str
    counselor: str
    issued_on: date
    status: str
    invitation_date: date | None
    joined: bool
    courses_enrolled: int
    courses_completed: int
    courses_in_progress: int
    learning_hours: float
    last_activity: datetime | None


def count_detail_rows(desk: Desk, report_filter: ReportFilter) -> int:
    with desk.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(LicenseIssuance)
                                  .where(*license_conditions(desk, report_filter))) or 0)


def iter_detail_rows(desk: Desk, report_filter: ReportFilter, *, chunk: int = 5000) -> Iterator[DetailRow]:
    """Stream one row per license (100k rows never sit in memory as ORM objects)."""
    require_supervisor(desk, what=Message("supervisor_only.list_job_seekers", "see a list of job seekers"))
    lp = learner_rollup()
    stmt = (select(JobSeeker.first_name, JobSeeker.last_name, LicenseIssuance.email, JobSeeker.id,
                   JobSeeker.agency_customer_id, Center.name, User.display_name, LicenseIssuance.issued_on,
                   LicenseIssuance.status, InvitationBatch.for_date, lp.c.jsid, lp.c.courses_enrolled,
                   lp.c.courses_completed, lp.c.in_progress, lp.c.hours, lp.c.last_activity)
            .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
            .outerjoin(Center, Center.id == LicenseIssuance.center_id)
            .outerjoin(User, User.id == LicenseIssuance.issued_by)
            .outerjoin(InvitationBatch, InvitationBatch.id == LicenseIssuance.invitation_batch_id)
            .outerjoin(lp, lp.c.jsid == LicenseIssuance.job_seeker_id)
            .where(*license_conditions(desk, report_filter))
            .order_by(LicenseIssuance.issued_on, JobSeeker.last_name, JobSeeker.first_name))
    with desk.store.read() as session:
        result = session.execute(stmt.execution_options(yield_per=chunk))
        for (first, last, email, jsid, acid, center, counselor, issued_on, status, inv_date, joined, enrolled,
             completed, in_progress, hours, last_activity) in result:
            yield DetailRow(f"{first} {last}".strip(), email, jsid, acid, center or "", counselor or "", issued_on,
                            status, inv_date, joined is not None, int(enrolled or 0), int(completed or 0),
                            int(in_progress or 0), float(hours or 0.0), last_activity)


def resolve_center(desk: Desk, value: str | None) -> str | None:
    """A center given by id or by (part of) its name, as typed on a command line."""
    if not value:
        return None
    with desk.store.read() as session:
        if session.get(Center, value) is not None:
            return value
        rows = session.execute(select(Center.id, Center.name)).all()
    needle = value.casefold()
    exact = [cid for cid, name in rows if name.casefold() == needle]
    found = exact or [cid for cid, name in rows if needle in name.casefold()]
    if len(found) == 1:
        return found[0]
    names = ", ".join(sorted(name for _, name in rows)) or "(none)"
    if not found:
        raise CounselorDeskError(Message(
                "reports.center_named_centers",
                "No center is named '{value}'. Centers on this desk: {names}.", value=value, names=names))
    raise CounselorDeskError(Message(
            "reports.more_one_center",
            "More than one center matches '{value}'; give more of the name. Centers: {names}.", value=value, names=names))


def resolve_counselor(desk: Desk, value: str | None) -> str | None:
    if not value:
        return None
    with desk.store.read() as session:
        if session.get(User, value) is not None:
            return value
        rows = session.execute(select(User.id, User.username, User.display_name)).all()
    needle = value.casefold()
    found = [uid for uid, uname, name in rows if needle in (uname.casefold(), name.casefold())]
    if not found:
        found = [uid for uid, _uname, name in rows if needle in name.casefold()]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CounselorDeskError(Message(
                "reports.counselor_named_desk",
                "No counselor is named '{value}' on this desk.", value=value))
    raise CounselorDeskError(Message(
            "reports.more_one_counselor",
            "More than one counselor matches '{value}'; give the full name or user name.", value=value))


def list_centers(desk: Desk) -> list[tuple[str, str]]:
    with desk.store.read() as session:
        return [(cid, name) for cid, name in session.execute(select(Center.id, Center.name).order_by(Center.name))]


def list_counselors(desk: Desk) -> list[tuple[str, str]]:
    with desk.store.read() as session:
        return [(uid, name) for uid, name in
                session.execute(select(User.id, User.display_name).order_by(User.display_name))]
