"""Import of the provider's usage report (CSV or XLSX from the learning platform's admin pages).

Why it is built this way:

- The file is read by ``core/usage_report.py``, the parser the agency server uses too: columns by header name,
  extras ignored, a missing one named.
- The whole file is read and checked before anything is written, then applied in one transaction: a report
  with one unreadable date changes nothing, and the message lists every bad cell by row and column.
- Importing the same file twice changes nothing (the file's SHA-256 is remembered), and a re-export of the
  same data in another format only rewrites rows whose values changed.
- Rows are keyed by the provider's view of a learner (External ID, e-mail) plus the course, so a newer report
  updates the older figures. Learners who drop out of a later report keep their progress.

Matching and merging follow ``core/progress_rules.py``, the rules the agency server's import uses too: External
ID to the job seeker's id (what the invitation file writes), then to the agency customer id, then the e-mail; a
row whose e-mail belongs to several job seekers, or to nobody, is kept with ``matched=False`` and listed for
review, never dropped and never given to the wrong person; two rows for one learner and course keep the
further-along one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update

from counselor_app.core.changes import record_audit
from counselor_app.core.errors import Cancelled
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    ProgressImport,
    new_id,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.progress_rules import LearnerMatcher, merge_rows, row_key
from counselor_app.core.reports import require_supervisor
from counselor_app.core.usage_report import (
    MAX_REPORT_BYTES,
    UsageReportError,
    open_report_file,
    read_usage_report,
)
from counselor_app.core.vocabulary import Entity

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.desk import Desk

ProgressCallback = Callable[[int, int], None]

PROGRESS_FIELDS = ("learner_name", "program_name", "enrollment_time", "completion_time", "last_activity_time",
                   "completed", "learning_hours", "course_grade")
# The name this module has always raised; the parser's error under it, so callers catch one class.
ProgressImportError = UsageReportError


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
    changes: OpChanges = NO_CHANGES  # learner progress (nothing when the file was imported before)

    def messages(self) -> list[Message]:
        """What the import did, as codes with arguments (the UI words them; :meth:`summary` is the English)."""
        if self.already_imported:
            return [Message("import.already", "{file} was already imported on {day}; nothing was changed.",
                            file=self.file_name, day=self.imported_at.date())]
        out = [Message("import.done", "Imported {rows:,} course rows for {learners:,} learners from {file}: "
                       "{inserted:,} new, {updated:,} updated, {unchanged:,} unchanged.", rows=self.rows,
                       learners=self.learners, file=self.file_name, inserted=self.inserted, updated=self.updated,
                       unchanged=self.unchanged)]
        if self.unmatched_rows:
            out.append(Message("import.unmatched", "{count:,} rows match no job seeker on this desk; they are kept "
                               "for review.", count=self.unmatched_rows))
        return out

    def summary(self) -> str:
        return " ".join(self.messages())


# -- matching and writing ----------------------------------------------------------------------------------------


def _load_matcher(session: Session) -> LearnerMatcher:
    """Everyone on this desk, for the shared matching rules (``core/progress_rules.py``)."""
    matcher = LearnerMatcher()
    for jsid, acid, email in session.execute(select(JobSeeker.id, JobSeeker.agency_customer_id, JobSeeker.email)):
        matcher.add_person(jsid, customer_id=acid, emails=(email,))
    for jsid, email in session.execute(select(LicenseIssuance.job_seeker_id, LicenseIssuance.email)):
        matcher.add_email(jsid, email)
    return matcher


def program_window(desk: Desk) -> tuple[date, date]:
    """The days a usage report's dates may fall on: from 90 days before the program starts (licenses issued
    early for a pilot) to a year after its completion deadline (learners go on after it)."""
    program = desk.profile.program
    return program.starts_on - timedelta(days=90), program.complete_by + timedelta(days=366)


def _file_digest(path: Path, cancel: Event | None) -> str:
    digest = hashlib.sha256()
    with open_report_file(path, max_bytes=MAX_REPORT_BYTES) as fh:
        while chunk := fh.read(1 << 20):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The import was cancelled; nothing was changed.")
            digest.update(chunk)
    return digest.hexdigest()


@returns_changes
def import_usage_report(desk: Desk, path: str | Path, *, progress: ProgressCallback | None = None,
                        cancel: Event | None = None) -> ProgressImportResult:
    """Read, check, match and store a usage report in one transaction (see the module docstring)."""
    require_supervisor(desk, what=Message("supervisor_only.import_progress", "import the provider's progress reports"))
    path = Path(path)
    digest = _file_digest(path, cancel)
    with desk.store.read() as session:
        earlier = session.scalar(select(ProgressImport).where(ProgressImport.sha256 == digest)
                                 .order_by(ProgressImport.imported_at).limit(1))
        if earlier is not None:
            return ProgressImportResult(
                import_id=earlier.id, file_name=path.name, rows=earlier.row_count, learners=0,
                matched_rows=earlier.matched_count, unmatched_rows=earlier.unmatched_count, inserted=0, updated=0,
                unchanged=earlier.row_count, blank_rows=0, already_imported=True, imported_at=earlier.imported_at)

    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled("The import was cancelled; nothing was changed.")

    def reading(done: int, total: int) -> None:  # the first half of the bar is reading the file
        if progress is not None:
            progress(done * 1000 // max(total, 1), 2000)

    report = read_usage_report(path, name=path.name, progress=reading, cancel=check_cancel,
                               window=program_window(desk))
    merged_rows = merge_rows(report.rows)
    merged = merged_rows.rows
    duplicates = merged_rows.duplicates
    if progress is not None:
        progress(1000, 2000)
    # A column this kind of report lacks keeps what an earlier report said; "completed" is always known
    # (from the Completed column, or else from the Completion Time).
    fields_to_write = [f for f in PROGRESS_FIELDS if f in report.columns or f == "completed"]

    now = utcnow()
    import_id = new_id()
    with desk.store.write() as session:
        matcher = _load_matcher(session)
        p = LearnerProgress
        existing: dict[tuple[str, str, str], tuple[Any, ...]] = {}
        cols = [p.id, p.job_seeker_id, p.matched, *(getattr(p, f) for f in fields_to_write)]
        for rec in session.execute(select(p.external_id, p.email, p.course_name, *cols)):
            existing[row_key(rec[0], rec[1], rec[2])] = tuple(rec[3:])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        unchanged = matched_rows = 0
        unmatched: list[UnmatchedRow] = []
        learners: set[tuple[str, str]] = set()
        for done, (key, r) in enumerate(merged.items(), 1):
            number = r.row
            if done % 2000 == 0:
                check_cancel()
                if progress is not None:
                    progress(1000 + done * 1000 // max(len(merged), 1), 2000)
            found = matcher.match(r.external_id, r.email)
            jsid, reason = found.job_seeker_id, found.reason
            learners.add((key[0], key[1]))
            if jsid is not None:
                matched_rows += 1
            else:
                unmatched.append(UnmatchedRow(number, r.learner_name, r.email, r.external_id, r.course_name,
                                              reason))
            values = {f: getattr(r, f) for f in fields_to_write}
            if "learning_hours" in values:
                values["learning_hours"] = values["learning_hours"] or 0.0  # a blank cell: no time spent yet
            before = existing.get(key)
            if before is None:
                inserts.append({"id": new_id(), "job_seeker_id": jsid, "external_id": r.external_id,
                                "email": r.email, "course_name": r.course_name, "matched": jsid is not None,
                                "import_id": import_id, "updated_at": now, **values,
                                "learning_hours": values.get("learning_hours") or 0.0})
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
        record_audit(session, desk.actor, "progress_import", entity=Entity.PROGRESS_IMPORT, entity_id=import_id,
                     detail={"rows": len(merged), "matched": matched_rows, "unmatched": len(unmatched),
                             "inserted": len(inserts), "updated": len(updates), "sha256": digest})
        if cancel is not None and cancel.is_set():
            raise Cancelled("The import was cancelled; nothing was changed.")
    note_changes(OpChanges(progress=True))
    if progress is not None:
        progress(2000, 2000)
    return ProgressImportResult(
        import_id=import_id, file_name=path.name, rows=len(merged), learners=len(learners),
        matched_rows=matched_rows, unmatched_rows=len(unmatched), inserted=len(inserts), updated=len(updates),
        unchanged=unchanged, blank_rows=report.blank_rows, already_imported=False, imported_at=now, unmatched=unmatched,
        duplicates_merged=duplicates)


def rematch_unmatched(desk: Desk) -> int:
    """Try the unmatched rows again, e.g. after the job seekers were registered or synced. Returns how many
    now match."""
    require_supervisor(desk, what=Message("supervisor_only.match_progress", "match progress rows to job seekers"))
    with desk.store.write() as session:
        matcher = _load_matcher(session)
        p = LearnerProgress
        updates = []
        for row_id, external_id, email in session.execute(select(p.id, p.external_id, p.email)
                                                          .where(p.matched.is_(False))):
            jsid = matcher.match(external_id, email).job_seeker_id
            if jsid is not None:
                updates.append({"id": row_id, "job_seeker_id": jsid, "matched": True, "updated_at": utcnow()})
        if updates:
            session.execute(update(LearnerProgress), updates)
            record_audit(session, desk.actor, "progress_rematch", detail={"matched": len(updates)})
            note_changes(OpChanges(progress=True))
        return len(updates)


def list_unmatched(desk: Desk, *, limit: int = 1000) -> list[UnmatchedRow]:
    """The rows waiting for review: names and e-mails, so supervisors only."""
    require_supervisor(desk, what=Message("supervisor_only.review_unmatched", "review unmatched progress rows"))
    matcher_reason = "No job seeker on this desk has this External ID or e-mail address."
    with desk.store.read() as session:
        p = LearnerProgress
        rows = session.execute(select(p.learner_name, p.email, p.external_id, p.course_name)
                               .where(p.matched.is_(False)).order_by(p.email, p.course_name).limit(limit)).all()
    return [UnmatchedRow(0, name, email, ext, course, matcher_reason) for name, email, ext, course in rows]
