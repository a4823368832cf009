"""Reminder lists for program administrators, each with a ready-to-send message.

The seed's advice ("send weekly reminders to join to all learners invited that haven't joined; to joined
learners that have not enrolled in a course") and NYSDOL TA 21-01 ("reminders to enroll in and complete
courses") become four lists. The app does not send e-mail: an administrator exports a list (CSV) and pastes the
message into their own mail program, blind-copying the addresses. The messages therefore name no one and hold
no personal data; they use the program's dates and the agency's contact from the profile.

Job seekers who did not consent to be contacted are left out of every list and counted, so the administrator
knows why the list is shorter than the figures.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select

from counselor_app.core.messages import Message
from counselor_app.core.models import Center, JobSeeker, LicenseIssuance, User
from counselor_app.core.reports import (
    SENT_STATUSES,
    ReportFilter,
    batches_tracked,
    format_day,
    invited_condition,
    learner_rollup,
    license_conditions,
    require_supervisor,
    write_csv_atomic,
)

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk
    from counselor_app.core.profiles import AgencyProfile


@dataclass(frozen=True, slots=True)
class ReminderListSpec:
    name: str
    title: str
    description: str
    default_days: int | None = None


REMINDER_LISTS: dict[str, ReminderListSpec] = {spec.name: spec for spec in (
    ReminderListSpec("invited_not_joined", "Invited, not joined",
                     "Licenses that were sent to the provider, but the learner does not appear in any usage "
                     "report yet: the invitation may be in a spam folder, or was never opened."),
    ReminderListSpec("joined_no_course", "Joined, no course",
                     "Learners who accepted the invitation but have not enrolled in any course."),
    ReminderListSpec("inactive", "Inactive",
                     "Learners with an unfinished course and no activity for the given number of days.",
                     default_days=14),
    ReminderListSpec("deadline_near", "Completion deadline near",
                     "Learners with an unfinished course when the program's complete-by date is within the given "
                     "number of days.", default_days=30),
)}

REMINDER_COLUMNS = ("Full Name", "Email", "Phone", "Preferred Language", "Center", "Counselor", "Issued On",
                    "Courses In Progress", "Courses Completed", "Learning Hours", "Last Activity")


@dataclass(frozen=True, slots=True)
class ReminderMessage:
    subject: str
    body: str

    def as_text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}\n"


@dataclass(frozen=True, slots=True)
class ReminderRow:
    job_seeker_id: str
    full_name: str
    email: str
    phone: str | None
    preferred_language: str
    center: str
    counselor: str
    issued_on: date
    courses_in_progress: int
    courses_completed: int
    learning_hours: float
    last_activity: datetime | None

    def values(self) -> tuple[Any, ...]:
        return (self.full_name, self.email, self.phone or "", self.preferred_language, self.center, self.counselor,
                self.issued_on, self.courses_in_progress, self.courses_completed, round(self.learning_hours, 1),
                self.last_activity)


@dataclass(slots=True)
class ReminderList:
    spec: ReminderListSpec
    days: int | None
    as_of: date
    rows: list[ReminderRow]
    message: ReminderMessage
    left_out_no_consent: int = 0
    note: str = ""
    report_filter: ReportFilter = field(default_factory=ReportFilter)

    @property
    def name(self) -> str:
        return self.spec.name


def reminder_message(profile: AgencyProfile, name: str, *, today: date, days: int | None = None) -> ReminderMessage:
    """The message for one list, in plain words, with the program's dates and the agency's contact."""
    program = profile.program
    provider = program.provider or "the learning provider"
    contact = profile.contact.get("who_to_call", "your career center counselor")
    if contact.startswith(("Your ", "The ")):  # it is read mid-sentence here
        contact = contact[0].lower() + contact[1:]
    help_text = profile.contact.get("help_text", "")
    sender = profile.invitation.get("sender", provider)
    enroll_by, complete_by = format_day(program.enroll_by), format_day(program.complete_by)
    closing = (f"\n\nIf you have questions, contact {contact}."
               + (f" {help_text}" if help_text else "") + f"\n\n{profile.agency_name}")
    if name == "invited_not_joined":
        enroll_line = (f"Please accept it and enroll in a course by {enroll_by}."
                       if program.enroll_by >= today else "Please accept it as soon as you can.")
        return ReminderMessage(
            subject=f"Your free {provider} license is waiting for you",
            body=("Hello,\n\n"
                  f"You have a free {provider} license through the {program.name}, but you have not joined yet. "
                  f"Look for the invitation e-mail from {sender} (check your spam or junk folder too) and follow "
                  f"its link to create your account. {enroll_line}\n\n"
                  f"The courses are free, and you can learn at your own pace until {complete_by}." + closing))
    if name == "joined_no_course":
        return ReminderMessage(
            subject=f"Pick your first {provider} course",
            body=("Hello,\n\n"
                  f"Thank you for joining the {program.name}. You have not enrolled in a course yet. "
                  f"Sign in to {provider}, choose a course from your program's collections, and select "
                  f"Enroll{f' by {enroll_by}' if program.enroll_by >= today else ''}. Many learners start with "
                  "a short course of a few hours to get used to learning online.\n\n"
                  f"All courses must be completed by {complete_by}." + closing))
    if name == "inactive":
        span = f"in the last {days} days" if days else "recently"
        return ReminderMessage(
            subject=f"Keep going with your {provider} course",
            body=("Hello,\n\n"
                  f"We noticed you have not worked on your {provider} course {span}. A little time each week "
                  "adds up: even 30 minutes a few times a week is enough to finish most courses.\n\n"
                  f"Remember that courses must be completed by {complete_by}; after that date you will lose access "
                  "to them. If something is in the way (time, a computer, internet access), your counselor can "
                  "help." + closing))
    if name == "deadline_near":
        left = (program.complete_by - today).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        return ReminderMessage(
            subject=f"{provider} courses close on {complete_by}",
            body=("Hello,\n\n"
                  f"Your free {provider} access through the {program.name} ends on {complete_by}, {when}. "
                  "You have a course that is not finished yet. Finish it before then to earn its certificate; "
                  "after that date you will lose access to your courses." + closing))
    raise KeyError(name)


def _spec(name: str) -> ReminderListSpec:
    try:
        return REMINDER_LISTS[name]
    except KeyError:
        known = ", ".join(REMINDER_LISTS)
        raise ValueError(f"There is no reminder list named '{name}'. Lists: {known}.") from None


def build_reminder_list(desk: Desk, name: str, *, days: int | None = None,
                        report_filter: ReportFilter | None = None, today: date | None = None) -> ReminderList:
    """One list, computed in SQL over the per-learner roll-up (the same one the summary figures use)."""
    require_supervisor(desk, what=Message("supervisor_only.see_reminder_lists", "see reminder lists (they name job seekers)"))
    spec = _spec(name)
    f = report_filter or ReportFilter()
    today = today or desk.licenses.today()
    days = spec.default_days if days is None else days
    if days is not None and days < 0:
        raise ValueError("The number of days cannot be negative.")
    program = desk.profile.program
    message = reminder_message(desk.profile, name, today=today, days=days)
    note = ""
    with desk.store.read() as session:
        lp = learner_rollup()
        conds = [*license_conditions(desk, f), LicenseIssuance.status.in_(SENT_STATUSES)]
        if name == "invited_not_joined":
            conds += [invited_condition(lp, tracked=batches_tracked(session)), lp.c.jsid.is_(None)]
        elif name == "joined_no_course":
            conds += [lp.c.jsid.is_not(None), lp.c.enrolled == 0]
        elif name == "inactive":
            cutoff = datetime.combine(today - timedelta(days=days or 0), datetime.min.time())
            conds += [lp.c.in_progress > 0, lp.c.last_activity < cutoff]
        elif name == "deadline_near":
            left = (program.complete_by - today).days
            if not 0 <= left <= (days or 0):
                note = (f"The complete-by date, {format_day(program.complete_by)}, is "
                        + (f"{left} days away, more than {days}." if left > 0 else "past."))
                return ReminderList(spec, days, today, [], message, 0, note, f)
            conds += [lp.c.in_progress > 0]
        stmt = (select(JobSeeker.id, JobSeeker.first_name, JobSeeker.last_name, LicenseIssuance.email,
                       JobSeeker.phone, JobSeeker.preferred_language, Center.name, User.display_name,
                       LicenseIssuance.issued_on, lp.c.in_progress, lp.c.courses_completed, lp.c.hours,
                       lp.c.last_activity, JobSeeker.consent_to_contact)
                .select_from(LicenseIssuance)
                .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
                .outerjoin(Center, Center.id == LicenseIssuance.center_id)
                .outerjoin(User, User.id == LicenseIssuance.issued_by)
                .outerjoin(lp, lp.c.jsid == LicenseIssuance.job_seeker_id)
                .where(and_(*conds))
                .order_by(JobSeeker.last_name, JobSeeker.first_name))
        rows: list[ReminderRow] = []
        no_consent = 0
        for (jsid, first, last, email, phone, lang, center, counselor, issued_on, in_progress, completed, hours,
             last_activity, consent) in session.execute(stmt):
            if not consent:
                no_consent += 1
                continue
            rows.append(ReminderRow(jsid, f"{first} {last}".strip(), email, phone, lang or "en", center or "",
                                    counselor or "", issued_on, int(in_progress or 0), int(completed or 0),
                                    float(hours or 0.0), last_activity))
    return ReminderList(spec, days, today, rows, message, no_consent, note, f)


def reminder_counts(desk: Desk, *, report_filter: ReportFilter | None = None,
                    today: date | None = None) -> dict[str, int]:
    """How many people are on each list, for the dashboard."""
    return {name: len(build_reminder_list(desk, name, report_filter=report_filter, today=today).rows)
            for name in REMINDER_LISTS}


def export_reminder_csv(desk: Desk, reminders: ReminderList, path: str | os.PathLike[str], *,
                        cancel: Event | None = None, message_path: str | os.PathLike[str] | None = None) -> int:
    """Write the list as CSV (and, if asked, the message as a text file next to it); audited."""
    require_supervisor(desk, what=Message("supervisor_only.export_reminder_lists", "export reminder lists (they name job seekers)"))
    count = write_csv_atomic(path, REMINDER_COLUMNS, (r.values() for r in reminders.rows), cancel=cancel)
    if message_path is not None:
        Path(message_path).write_text(reminders.message.as_text(), encoding="utf-8")
    desk.audit("export_reminders", entity="reminder_list", entity_id=reminders.name,
               detail={"list": reminders.name, "days": reminders.days, "rows": count,
                       "filter": reminders.report_filter.as_dict(), "file_name": Path(path).name})
    return count
