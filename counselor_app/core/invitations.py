"""The daily invitation file in the provider's bulk-invite layout: ``Full Name``, ``Email``, ``External ID``.

As in the MassHire issuance (Q7): each day the names and e-mail addresses of the licenses issued the day before
go to the provider, which sends the invitations. Each license records the file it went out in
(``LicenseIssuance.invitation_batch_id`` → ``InvitationBatch``), so:

- none is sent twice: a license already in a batch is never selected again;
- none is missed: licenses from earlier days that are not yet in a batch (a day nobody made the file, a device
  that synced late) are included, and the result says how many and from which days;
- licenses pending approval, revoked or inactivated are left out (the pending ones are counted, so a
  supervisor sees what is waiting).

External ID is the job seeker's id (see ``core/progress_import.py``), which is how the provider's usage report
is matched back to the person.

The file is written and the licenses marked inside one transaction: the file is moved into place just before
the commit and removed again if the commit fails, so there is never a file whose licenses are not marked, nor
marked licenses with no file.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from counselor_app.core.changes import append_change, record_audit
from counselor_app.core.errors import CounselorDeskError, NotFoundError
from counselor_app.core.invitation_file import INVITATION_HEADER, full_name, invitation_csv
from counselor_app.core.messages import Message
from counselor_app.core.models import InvitationBatch, JobSeeker, LicenseIssuance, new_id, utcnow
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.reports import require_supervisor
from counselor_app.core.vocabulary import ChangeOp, Entity, LicenseStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.desk import Desk

__all__ = ["INVITATION_HEADER", "InvitationFileResult", "rewrite_batch_file",
           "write_invitation_file"]


@dataclass(slots=True)
class InvitationFileResult:
    batch_id: str | None
    path: Path | None
    for_date: date
    rows: int
    from_earlier_days: int
    earlier_days: list[date] = field(default_factory=list)
    pending_approval: int = 0
    dry_run: bool = False
    repeated: bool = False  # the day's file was made before: this is the same file again, nobody newly marked
    changes: OpChanges = NO_CHANGES  # the licenses marked as sent, the outbox

    def messages(self) -> list[Message]:
        """What was written, as codes with arguments (the UI words them; :meth:`summary` is the English)."""
        file = self.path.name if self.path else "—"
        if self.repeated:
            return [Message("invitations.repeated", "The invitation file for {day} was made before; {rows:,} "
                            "invitations were written again into {file}, the same people as then. Nobody is invited "
                            "twice; licenses not sent yet go into the next day's file.", day=self.for_date,
                            rows=self.rows, file=file)]
        out: list[Message] = []
        if self.rows == 0:
            out.append(Message("invitations.none", "No licenses are waiting to be sent for {day} or earlier; no file "
                               "was written.", day=self.for_date))
        elif self.dry_run:
            out.append(Message("invitations.would_write", "{rows:,} invitations would go into {file}.",
                               rows=self.rows, file=file))
        else:
            out.append(Message("invitations.written", "{rows:,} invitations went into {file}.", rows=self.rows,
                               file=file))
        if self.rows and self.from_earlier_days:
            out.append(Message("invitations.earlier", "{count:,} of them were issued on earlier days and had not been "
                               "sent yet ({days}{more}).", count=self.from_earlier_days,
                               days=list(self.earlier_days[:5]), more="…" if len(self.earlier_days) > 5 else ""))
        if self.pending_approval:
            out.append(Message("invitations.pending", "{count:,} licenses are waiting for approval and are not "
                               "included until approved.", count=self.pending_approval))
        return out

    def summary(self) -> str:
        return " ".join(self.messages())


def default_invitation_date(desk: Desk) -> date:
    """Yesterday: the file carries the licenses issued the day before, as the state's process does."""
    return desk.licenses.today() - timedelta(days=1)


def default_file_path(desk: Desk, for_date: date) -> Path:
    """In the data folder's exports, named for the program and day; never the name of an existing file."""
    base = desk.paths.exports_dir / f"invitations-{desk.profile.program.id}-{for_date.isoformat()}"
    candidate = base.with_suffix(".csv")
    n = 2
    while candidate.exists():
        candidate = base.parent / f"{base.name}-{n}.csv"
        n += 1
    return candidate


@returns_changes
def write_invitation_file(desk: Desk, out_path: str | os.PathLike[str], *, for_date: date | None = None,
                          dry_run: bool = False, overwrite: bool = False) -> InvitationFileResult:
    """Write the day's invitation file and record the batch. With ``dry_run`` nothing is written or marked.

    An existing file is not overwritten unless asked: it may be yesterday's file, not yet uploaded."""
    require_supervisor(desk, what=Message("supervisor_only.invitation_file", "make the invitation file (it lists job seekers' names and e-mail addresses)"))
    for_date = for_date or default_invitation_date(desk)
    target = Path(out_path)
    if target.exists() and not overwrite and not dry_run:
        raise CounselorDeskError(Message(
                "invitations.already_exists_may",
                "{name} already exists in {parent}; it may be an earlier file that was not uploaded yet. "
                "Choose another file name.", name=target.name, parent=target.parent))
    with desk.store.read() as session:  # asking again for a day gives that day's file again (issue 12)
        earlier = list(session.scalars(select(InvitationBatch.id).where(
            InvitationBatch.for_date == for_date, InvitationBatch.file_name != ELSEWHERE_FILE_NAME)
            .order_by(InvitationBatch.created_at)))
    if earlier:
        rows = 0 if dry_run else _rewrite(desk, earlier, target)
        if dry_run:
            with desk.store.read() as session:
                rows = int(session.scalar(select(func.count()).select_from(LicenseIssuance).where(
                    LicenseIssuance.invitation_batch_id.in_(earlier))) or 0)
        return InvitationFileResult(batch_id=earlier[-1], path=target, for_date=for_date, rows=rows,
                                    from_earlier_days=0, dry_run=dry_run, repeated=True)
    placed: list[Path] = []  # the file, once moved into place, so a failed commit can take it back
    try:
        result = _write_batch(desk, target, for_date=for_date, dry_run=dry_run, placed=placed)
        if not dry_run:
            note_changes(OpChanges(licenses=True))  # the licenses in the file are marked as invited
        return result
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise


def _write_batch(desk: Desk, target: Path, *, for_date: date, dry_run: bool,
                 placed: list[Path]) -> InvitationFileResult:
    program_id = desk.profile.program.id
    with desk.store.write() as session:
        rows = session.execute(
            select(LicenseIssuance.id, LicenseIssuance.issued_on, JobSeeker.first_name, JobSeeker.last_name,
                   LicenseIssuance.email, JobSeeker.id)
            .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
            .where(LicenseIssuance.program_id == program_id, LicenseIssuance.status == LicenseStatus.ISSUED,
                   LicenseIssuance.invitation_batch_id.is_(None), LicenseIssuance.issued_on <= for_date)
            .order_by(LicenseIssuance.issued_on, LicenseIssuance.issued_at, LicenseIssuance.id)).all()
        pending = int(session.scalar(select(func.count()).select_from(LicenseIssuance).where(
            LicenseIssuance.program_id == program_id, LicenseIssuance.status == LicenseStatus.PENDING_APPROVAL,
            LicenseIssuance.issued_on <= for_date)) or 0)
        earlier = Counter(r.issued_on for r in rows if r.issued_on < for_date)
        result = InvitationFileResult(batch_id=None, path=target, for_date=for_date, rows=len(rows),
                                      from_earlier_days=sum(earlier.values()), earlier_days=sorted(earlier),
                                      pending_approval=pending, dry_run=dry_run)
        if dry_run or not rows:
            if not rows:
                result.path = None
            return result
        batch_id = new_id()
        session.add(InvitationBatch(id=batch_id, for_date=for_date, file_name=target.name[:260], row_count=len(rows),
                                    created_by=desk.actor.user_id, created_at=utcnow()))
        session.flush()
        ids = [r[0] for r in rows]
        _mark_sent(session, ids, batch_id=batch_id, for_date=for_date)
        record_audit(session, desk.actor, "invitation_file", entity=Entity.INVITATION_BATCH, entity_id=batch_id,
                     detail={"for_date": for_date.isoformat(), "rows": len(rows),
                             "from_earlier_days": result.from_earlier_days, "file_name": target.name})
        body = invitation_csv((full_name(first, last), email, jsid)
                              for _id, _day, first, last, email, jsid in rows)
        session.flush()
        _place_file(target, body)
        placed.append(target)
        result.batch_id = batch_id
    # Committed: from here on the file and the marks exist together.
    return result


def _mark_sent(session: Session, ids: list[str], *, batch_id: str, for_date: date) -> None:
    """Mark the licenses with their batch and queue the mark for the server, like any change to a license: the
    server then leaves them out of its own files, and other desks learn it from the feed (issue 12)."""
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        versions = dict(session.execute(select(LicenseIssuance.id, LicenseIssuance.version)
                                        .where(LicenseIssuance.id.in_(chunk))).all())
        session.execute(update(LicenseIssuance).where(LicenseIssuance.id.in_(chunk))
                        .values(invitation_batch_id=batch_id, version=LicenseIssuance.version + 1),
                        execution_options={"synchronize_session": False})
        for issuance_id in chunk:
            base = int(versions[issuance_id] or 1)
            append_change(session, entity=Entity.LICENSE_ISSUANCE, entity_id=issuance_id, op=ChangeOp.UPDATE,
                          payload={"invitation_batch_id": batch_id, "invited_for": for_date.isoformat(),
                                   "version": base + 1}, base_version=base)


def ensure_batch_known(session: Session, data: dict[str, Any]) -> None:
    """Before a license record from the server is applied: the batch it names may have been made on the server
    or on another desk; a local row for it keeps the mark (a foreign key), so this desk never sends it again."""
    batch_id = data.get("invitation_batch_id")
    if not isinstance(batch_id, str) or not batch_id or session.get(InvitationBatch, batch_id) is not None:
        return
    try:
        for_date = date.fromisoformat(str(data.get("invited_for") or data.get("issued_on"))[:10])
    except ValueError:
        for_date = utcnow().date()
    session.add(InvitationBatch(id=batch_id[:36], for_date=for_date, file_name=ELSEWHERE_FILE_NAME, row_count=0,
                                created_by=None, created_at=utcnow()))
    session.flush()


ELSEWHERE_FILE_NAME = "(sent by the agency server or another desk)"


def rewrite_batch_file(desk: Desk, batch_id: str, out_path: str | os.PathLike[str]) -> int:
    """Write an earlier batch's file again (the first copy was lost); marks nothing, sends nobody twice."""
    require_supervisor(desk, what=Message("supervisor_only.invitation_file", "make the invitation file (it lists job seekers' names and e-mail addresses)"))
    with desk.store.read() as session:
        if session.get(InvitationBatch, batch_id) is None:
            raise NotFoundError(Message(
                    "invitations.there_invitation_file",
                    "There is no invitation file with this id on this desk."))
    return _rewrite(desk, [batch_id], Path(out_path))


def _rewrite(desk: Desk, batch_ids: list[str], target: Path) -> int:
    with desk.store.read() as session:
        rows = session.execute(
            select(JobSeeker.first_name, JobSeeker.last_name, LicenseIssuance.email, JobSeeker.id)
            .join(JobSeeker, JobSeeker.id == LicenseIssuance.job_seeker_id)
            .where(LicenseIssuance.invitation_batch_id.in_(batch_ids))
            .order_by(LicenseIssuance.issued_on, LicenseIssuance.issued_at, LicenseIssuance.id)).all()
    _place_file(target, invitation_csv((full_name(first, last), email, jsid) for first, last, email, jsid in rows))
    desk.audit("invitation_file_rewrite", entity=Entity.INVITATION_BATCH, entity_id=batch_ids[-1],
               detail={"rows": len(rows), "file_name": target.name, "batches": len(batch_ids)})
    return len(rows)


def _place_file(target: Path, body: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CounselorDeskError(Message(
                "invitations.invitation_file_could",
                "The invitation file could not be written to {parent} ({strerror}); no license was "
                "marked as sent.", parent=target.parent, strerror=exc.strerror)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
