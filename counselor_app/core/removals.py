"""Clean removals: revoked or inactivated licenses go into a removal file for the provider's next upload.

Why (NYSDOL TA 21-01 item 2: "troubleshooting participant accounts and inactivating accounts as necessary"):
inactivating a license on the desk does not free the seat at the provider; the provider needs a removal upload.

Why the wait: a learner removed at the provider drops out of the provider's admin reports (their progress stays
with them, not with us). So before a person goes into a removal file, the desk needs a usage report imported
*after* both the license's status change and the person's last recorded activity; otherwise the last weeks of
their progress (a completion, a credential) would be lost to the reports and the outcome proposals. Until then the
person is listed as waiting, with the date the next import must be newer than.

Nothing here deletes progress: ``learner_progress`` rows stay, and later reports that no longer list the person
leave them as they were (``core/progress_import.py`` never removes rows).

The file and the marks commit together, as with the invitation file: the file is moved into place just before
the commit and removed again if the commit fails.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from counselor_app.core.changes import record_audit
from counselor_app.core.environment_errors import file_write_error
from counselor_app.core.invitation_file import INVITATION_HEADER, provider_csv
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    ProgressImport,
    RemovalEntry,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.reports import require_supervisor
from counselor_app.core.vocabulary import LicenseStatus

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

# The provider's bulk layout (the same columns as its invitation upload, NOTES "The provider's file layouts");
# a profile may name others under "removal_file": {"columns": [...]}.
DEFAULT_REMOVAL_COLUMNS = INVITATION_HEADER  # the provider's layout unless the profile names others
REMOVED_STATUSES = (LicenseStatus.REVOKED, LicenseStatus.INACTIVATED)


class RemovalState(StrEnum):
    WAITING_FOR_PROGRESS = "waiting_for_progress"  # needs a usage report imported after ``needs_import_after``
    READY = "ready"
    WRITTEN = "written"


@dataclass(frozen=True, slots=True)
class RemovalCandidate:
    issuance_id: str
    job_seeker_id: str
    full_name: str
    email: str
    license_status: str
    status_changed_at: datetime | None
    last_activity: datetime | None
    needs_import_after: datetime
    state: RemovalState
    file_name: str | None = None


@dataclass(slots=True)
class RemovalFileResult:
    path: Path | None
    written: int
    waiting: list[RemovalCandidate] = field(default_factory=list)
    latest_import_at: datetime | None = None
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


def _columns(desk: Desk) -> tuple[str, ...]:
    cols = desk.profile.raw.get("removal_file", {}).get("columns")
    return tuple(str(c) for c in cols) if cols else DEFAULT_REMOVAL_COLUMNS


def removal_candidates(desk: Desk) -> list[RemovalCandidate]:
    """Every revoked or inactivated license that went to the provider, with where it stands.

    A license never sent to the provider (no invitation file, no progress) needs no removal and is not listed."""
    require_supervisor(desk, what=Message("supervisor_only.see_removal_files", "see removal files (they name job seekers)"))
    lic = LicenseIssuance
    with desk.store.read() as session:
        latest_import = session.scalar(select(func.max(ProgressImport.imported_at)))
        last_activity = dict(session.execute(
            select(LearnerProgress.job_seeker_id,
                   func.max(func.coalesce(LearnerProgress.last_activity_time, LearnerProgress.completion_time,
                                          LearnerProgress.enrollment_time)))
            .where(LearnerProgress.job_seeker_id.is_not(None)).group_by(LearnerProgress.job_seeker_id)).all())
        written = {r.issuance_id: r for r in session.scalars(select(RemovalEntry))}
        rows = session.execute(
            select(lic.id, lic.job_seeker_id, JobSeeker.first_name, JobSeeker.last_name, lic.email, lic.status,
                   lic.status_changed_at, lic.invitation_batch_id, lic.issued_at)
            .join(JobSeeker, JobSeeker.id == lic.job_seeker_id)
            .where(lic.status.in_(REMOVED_STATUSES), lic.program_id == desk.profile.program.id)
            .order_by(JobSeeker.last_name, JobSeeker.first_name)).all()
    out: list[RemovalCandidate] = []
    for iid, jsid, first, last, email, status, changed_at, batch_id, issued_at in rows:
        activity = last_activity.get(jsid)
        if batch_id is None and activity is None:
            continue
        after = max(d for d in (changed_at, activity, issued_at) if d is not None)
        entry = written.get(iid)
        if entry is not None and entry.written_at is not None:
            state = RemovalState.WRITTEN
        elif latest_import is not None and latest_import >= after:
            state = RemovalState.READY
        else:
            state = RemovalState.WAITING_FOR_PROGRESS
        out.append(RemovalCandidate(iid, jsid, f"{first} {last}".strip(), email, status, changed_at, activity, after,
                                    state, entry.file_name if entry else None))
    return out


@returns_changes
def write_removal_file(desk: Desk, path: str | Path) -> RemovalFileResult:
    """Write the ready removals (none written before) to ``path`` in the provider's layout, and mark them.

    Returns what was written and who is still waiting for a newer progress import; writes no file when nobody
    is ready."""
    require_supervisor(desk, what=Message("supervisor_only.write_removal_files", "write removal files"))
    candidates = removal_candidates(desk)
    ready = [c for c in candidates if c.state == RemovalState.READY]
    waiting = [c for c in candidates if c.state == RemovalState.WAITING_FOR_PROGRESS]
    with desk.store.read() as session:
        latest_import = session.scalar(select(func.max(ProgressImport.imported_at)))
    if not ready:
        return RemovalFileResult(None, 0, waiting, latest_import)
    target = Path(path)
    columns = _columns(desk)
    values: dict[str, Callable[[Any], str]] = {"Full Name": lambda c: c.full_name, "Email": lambda c: c.email, "External ID": lambda c: c.job_seeker_id}
    tmp = target.with_name(f".{target.name}.removal-tmp")
    # A file for the provider's importer, like the invitation file: values as they are (an e-mail is never
    # altered by a spreadsheet guard), written beside the target and moved into place with its marks.
    body = provider_csv(columns, ([values.get(col, _blank)(c) for col in columns] for c in ready))
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise file_write_error(exc, what=target.name, where=target.parent) from None
    placed = False
    try:
        with desk.store.write() as session:
            note_changes(OpChanges(licenses=True))
            now = utcnow()
            for c in ready:
                entry = session.scalar(select(RemovalEntry).where(RemovalEntry.issuance_id == c.issuance_id))
                if entry is None:
                    entry = RemovalEntry(issuance_id=c.issuance_id, job_seeker_id=c.job_seeker_id, created_at=now)
                    session.add(entry)
                entry.file_name, entry.written_at, entry.written_by = target.name[:260], now, desk.actor.user_id
            record_audit(session, desk.actor, "removal_file", entity="removal_entry",
                         detail={"rows": len(ready), "waiting": len(waiting), "file_name": target.name})
            session.flush()
            os.replace(tmp, target)
            placed = True
    except BaseException:
        tmp.unlink(missing_ok=True)
        if placed:  # the commit failed after the file was moved into place: no file without its marks
            target.unlink(missing_ok=True)
        raise
    return RemovalFileResult(target, len(ready), waiting, latest_import)


def _blank(_candidate: Any) -> str:
    return ""
