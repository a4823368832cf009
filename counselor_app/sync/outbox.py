"""The outbox as sync sees it: what to send next, what the server said, and what the counselor decides.

An entry leaves the queue (is deleted) only when the server's per-item answer says the change is there
(``applied`` or ``duplicate``), in the same local transaction that records the answers. A ``rejected`` entry is
parked with the reason; a ``conflict`` keeps the server's copy beside it. Neither blocks the rest of the queue,
but later changes to the same record wait behind them (sending them would apply an edit made on top of a
version the server never accepted), and so do the records of a job seeker the server refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import delete, func, select

from counselor_app.core.changes import append_change, json_safe, record_audit, record_payload
from counselor_app.core.errors import NotFoundError, ValidationError
from counselor_app.core.job_seekers import FIELD_LABELS, clean_job_seeker
from counselor_app.core.messages import Message
from counselor_app.core.models import JobSeeker, OutboxEntry, utcnow
from counselor_app.core.op_changes import OpChanges, note_changes
from counselor_app.core.vocabulary import (
    LIVE_LICENSE_STATUSES,
    ChangeOp,
    ChangeResultStatus,
    Entity,
    LicenseStatus,
    OutboxState,
)
from counselor_app.sync import protocol as p
from counselor_app.sync.local_records import (
    BOOKKEEPING,
    LOCAL_MODELS,
    apply_server_record,
    local_snapshot,
    record_values,
)
from counselor_app.sync.payloads import LOCAL_ONLY

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

ENTITY_LABELS: dict[str, str] = {
    Entity.JOB_SEEKER: "Job seeker", Entity.APPOINTMENT: "Appointment", Entity.ELIGIBILITY_ATTESTATION: "Eligibility attestation",
    Entity.LEARNING_PLAN: "Learning plan", Entity.LICENSE_ISSUANCE: "License", Entity.CASE_SERVICE: "Case-management service",
    Entity.CASE_NOTE: "Case note",
}
Choice = Literal["mine", "theirs"]


@dataclass(frozen=True, slots=True)
class PendingChange:
    """An outbox row detached from its session, ready to send."""

    seq: int
    change_id: str
    entity: str
    entity_id: str
    op: str
    base_version: int | None
    payload: dict[str, Any]

    def to_change(self) -> p.Change:
        return p.Change(change_id=self.change_id, entity=self.entity, entity_id=self.entity_id,
                        op=self.op,  # type: ignore[arg-type]
                        base_version=self.base_version, payload=self.payload)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One row of the sync page's list."""

    seq: int
    change_id: str
    entity: str
    entity_id: str
    op: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    updated_at: datetime
    label: str
    has_server_version: bool
    #: Why it waits or was set aside, as a code (see ``OutboxEntry.reason_code``); the UI words it.
    reason_code: str | None = None
    #: The job seeker the record belongs to ("" when unknown): the UI builds its own label from ``entity`` and
    #: this, in its language, instead of taking ``label`` (English, for the command line) apart.
    person: str = ""


@dataclass(frozen=True, slots=True)
class ResultCounts:
    applied: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0
    waiting: int = 0
    unanswered: int = 0
    # Records the server lacks (server version None) or holds at an older version than this device's changes
    # were made on: this device sends their current state (``queue_repairs``).
    healing: tuple[tuple[str, str, int | None], ...] = ()
    blocked: tuple[str, ...] = ()  # change ids the server did not try (an earlier change to the record failed)


def _dependency(payload: Mapping[str, Any]) -> str | None:
    seeker = payload.get("job_seeker_id")
    return seeker if isinstance(seeker, str) else None


def blocked_ids(desk: Desk) -> tuple[set[str], set[str]]:
    """(records with a parked or conflicting change, records whose creation was parked). Later changes to the
    first wait; records of a job seeker in the second wait too (the server does not have the person). A conflict
    does not hold back the person's notes or licenses: the person is on the server, only their details differ."""
    with desk.store.read() as session:
        rows = session.execute(select(OutboxEntry.entity_id, OutboxEntry.status, OutboxEntry.op).where(
            OutboxEntry.status.in_((OutboxState.PARKED, OutboxState.CONFLICT)))).all()
    return {r[0] for r in rows}, {r[0] for r in rows if r[1] == "parked" and r[2] == "create"}


def next_batch(desk: Desk, *, seen: set[str], limit: int) -> tuple[list[PendingChange], int]:
    """Up to ``limit`` queued changes, oldest first, skipping those that must wait and those in ``seen``.

    Returns (changes, waiting). Every change returned or skipped is added to ``seen`` (change ids: SQLite reuses
    the numbers of deleted outbox rows), so one sync run looks at each entry once and always ends, even when the
    server keeps answering "not yet".
    """
    blocked, refused = blocked_ids(desk)
    out: list[PendingChange] = []
    waiting = 0
    offset = 0
    page = max(limit, 100)
    with desk.store.read() as session:
        while len(out) < limit:
            rows = list(session.scalars(select(OutboxEntry).where(OutboxEntry.status == OutboxState.QUEUED)
                                        .order_by(OutboxEntry.seq).offset(offset).limit(page)))
            if not rows:
                break
            offset += len(rows)
            for row in rows:
                dep = _dependency(row.payload)
                if row.entity_id in blocked or (dep is not None and dep in refused):
                    blocked.add(row.entity_id)
                    if row.entity_id in refused or (dep is not None and dep in refused):
                        refused.add(row.entity_id)
                    if row.change_id not in seen:
                        waiting += 1
                        seen.add(row.change_id)
                    continue
                if row.change_id in seen:
                    continue
                seen.add(row.change_id)
                out.append(PendingChange(seq=row.seq, change_id=row.change_id, entity=row.entity,
                                         entity_id=row.entity_id, op=row.op, base_version=row.base_version,
                                         payload=dict(row.payload)))
                if len(out) >= limit:
                    break
    return out, waiting


def record_results(desk: Desk, sent: list[PendingChange], results: list[p.ChangeResult], *,
                   healed: set[tuple[str, str]] | None = None) -> ResultCounts:
    """Store the server's answers in one transaction: the queue shrinks only by what the server confirmed.

    A change refused because the server lacks a record this device has (the record itself, or its job seeker:
    a demo server, a server restored from an older backup) is not set aside: it stays queued under a new change
    id, and the record is named in ``healing`` so sync sends its current state first (``queue_repairs``).
    Records in ``healed`` were already sent again in this sync; a second refusal sets the change aside."""
    by_id = {r.change_id: r for r in results}
    now = utcnow()
    gone: list[int] = []
    healing: dict[tuple[str, str], int | None] = {}
    blocked: list[str] = []
    counts: dict[str, Any] = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "waiting": 0,
                              "unanswered": 0}
    with desk.store.write() as session:
        for change in sent:
            result = by_id.get(change.change_id)
            if result is None:
                counts["unanswered"] += 1
                continue
            if result.status in (ChangeResultStatus.APPLIED, ChangeResultStatus.DUPLICATE):
                gone.append(change.seq)
                counts[result.status] += 1
                continue
            row = session.get(OutboxEntry, change.seq)
            if row is None:  # resolved meanwhile by another sync of this folder
                continue
            row.attempts += 1
            row.updated_at = now
            if result.status == ChangeResultStatus.CONFLICT and _server_behind(session, change, result, healed or set()):
                # The server holds an older version than this change was made on: it lost versions (restored
                # from a backup). Not a conflict between people: send it the record's current state.
                healing[(change.entity, change.entity_id)] = result.server_version
                row.last_error = result.reason
            elif result.status == ChangeResultStatus.CONFLICT:
                server = dict(result.server_record or {})
                if result.server_version is not None:
                    server["version"] = result.server_version
                row.status = OutboxState.CONFLICT
                row.server_version = server
                row.last_error = result.reason or "Someone else changed this record first."
                row.reason_code = OutboxState.CONFLICT
                counts["conflict"] += 1
            elif result.reason_code == p.REJECT_BLOCKED:
                row.last_error = result.reason
                row.reason_code = result.reason_code
                counts["waiting"] += 1
                blocked.append(change.change_id)
            elif _second_live_license(change, result):
                # Two desks each issued this person a license (one of them while the server had lost the other,
                # restored from an older backup, or both offline): a genuine conflict for a person to settle.
                row.status = OutboxState.CONFLICT
                row.server_version = _stepped_aside(change.payload)
                row.last_error = LICENSE_ELSEWHERE_TEXT
                row.reason_code = LICENSE_ELSEWHERE
                counts["conflict"] += 1
            elif _can_heal(session, result, healed or set()):
                target = (str(result.missing_entity), str(result.missing_entity_id))
                healing.setdefault(target, None)
                row.change_id = str(uuid.uuid4())  # the server remembers its answer to the old id
                row.last_error = result.reason
            else:
                row.status = OutboxState.PARKED
                row.last_error = result.reason or "The agency server did not accept this change."
                row.reason_code = result.reason_code or LOCAL_REJECTED
                counts["rejected"] += 1
        for start in range(0, len(gone), 500):
            session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(gone[start:start + 500])))
        if counts["conflict"] or counts["rejected"]:
            record_audit(session, desk.actor, "sync_attention", detail={
                "conflicts": counts["conflict"], "parked": counts["rejected"]})
    counts["blocked"] = tuple(blocked)
    counts["healing"] = tuple((entity, entity_id, version) for (entity, entity_id), version in healing.items())
    return ResultCounts(**counts)


#: A license create the server refused because the person already holds a live license in the program, issued
#: from another desk: kept as a conflict (not set aside) with a way out in ``resolve_conflict``.
LICENSE_ELSEWHERE = "license_elsewhere"
LICENSE_ELSEWHERE_TEXT = (
    "This job seeker was also issued a license in this program from another desk (while the agency server had "
    "not yet received this one, or had lost it when it was restored from an older backup). A person may hold "
    "only one live license: keep the other desk's license (\"Theirs\": this one is recorded as revoked), or have "
    "an administrator revoke the other license first and send this one again (\"Mine\").")
_LIVE = LIVE_LICENSE_STATUSES


def _second_live_license(change: PendingChange, result: p.ChangeResult) -> bool:
    return (result.reason_code == p.REJECT_RULE and change.entity == Entity.LICENSE_ISSUANCE
            and change.op == ChangeOp.CREATE and change.payload.get("status") in _LIVE)


def _stepped_aside(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The state the server would take for a license refused as a second live one: this very license, revoked
    (shown as "theirs" in the conflict view: the only difference is its status)."""
    return dict(payload) | {"status": LicenseStatus.REVOKED, "version": int(payload.get("version") or 1)}


def _settle_second_license(session: Any, desk: Desk, row: OutboxEntry, keep_mine: bool) -> str:
    """Resolve a ``LICENSE_ELSEWHERE`` conflict. Theirs: this desk's license is revoked here (with the reason)
    and sent revoked, so the server and every desk keep it on record beside the other, live one. Mine: sent
    again as it is; the server takes it once the other license is no longer live (an administrator revoked it),
    and refuses it again as a conflict otherwise."""
    from counselor_app.core.models import LicenseIssuance

    entries = list(session.scalars(select(OutboxEntry).where(
        OutboxEntry.entity == row.entity, OutboxEntry.entity_id == row.entity_id).order_by(OutboxEntry.seq)))
    license_row = session.get(LicenseIssuance, row.entity_id)
    if keep_mine:
        row.status = OutboxState.QUEUED
        row.server_version = None
        row.reason_code = None
        row.last_error = None
        row.change_id = str(uuid.uuid4())  # the server remembers its refusal of the old id
        return "requeued"
    for entry in entries:
        session.delete(entry)
    session.flush()
    if license_row is None:
        return "theirs"
    license_row.status = LicenseStatus.REVOKED
    license_row.status_reason = ("Another desk issued this job seeker a license in this program; this one was "
                                 "not recorded as live.")
    license_row.status_changed_at = utcnow()
    license_row.status_changed_by = desk.actor.user_id
    session.flush()
    append_change(session, entity=row.entity, entity_id=row.entity_id, op=ChangeOp.CREATE,
                  payload=repair_payload(license_row, row.entity))
    return "theirs"


def _can_heal(session: Any, result: p.ChangeResult, healed: set[tuple[str, str]]) -> bool:
    if result.reason_code != p.REJECT_NOT_FOUND or not result.missing_entity or not result.missing_entity_id:
        return False
    target = (result.missing_entity, result.missing_entity_id)
    model = LOCAL_MODELS.get(target[0])
    return target not in healed and model is not None and session.get(model, target[1]) is not None


def _server_behind(session: Any, change: PendingChange, result: p.ChangeResult,
                   healed: set[tuple[str, str]]) -> bool:
    if result.server_version is None or change.base_version is None or result.server_version >= change.base_version:
        return False
    model = LOCAL_MODELS.get(change.entity)
    return ((change.entity, change.entity_id) not in healed and model is not None
            and session.get(model, change.entity_id) is not None)


def repair_payload(row: Any, entity: str) -> dict[str, Any]:
    """A local record's whole current state as a create's payload (what the desk would have sent)."""
    payload = record_payload(row)
    for name in LOCAL_ONLY.get(entity, ()):
        payload.pop(name, None)
    return payload


def queue_repairs(desk: Desk, targets: list[tuple[str, str, int | None]]) -> list[PendingChange]:
    """Queue each record's current state, in place of its queued changes (the state includes them), in one
    transaction: a create where the server lacks the record (server version None), else an update made on the
    server's version. Returns the new entries so sync can send them before anything that depends on them."""
    out: list[PendingChange] = []
    with desk.store.write() as session:
        for entity, entity_id, server_version in targets:
            model = LOCAL_MODELS.get(entity)
            row = session.get(model, entity_id) if model is not None else None
            if row is None:
                continue
            session.execute(delete(OutboxEntry).where(OutboxEntry.entity == entity,
                                                      OutboxEntry.entity_id == entity_id,
                                                      OutboxEntry.status == OutboxState.QUEUED))
            payload = repair_payload(row, entity)
            op = ChangeOp.CREATE if server_version is None else ChangeOp.UPDATE
            if op == ChangeOp.UPDATE:
                payload.pop("id", None)
            entry = append_change(session, entity=entity, entity_id=entity_id, op=op, payload=payload,
                                  base_version=server_version)
            session.flush()
            record_audit(session, desk.actor, "sync_resend", entity=entity, entity_id=entity_id)
            out.append(PendingChange(seq=entry.seq, change_id=entry.change_id, entity=entity, entity_id=entity_id,
                                     op=op, base_version=server_version, payload=dict(entry.payload)))
    return out


#: Reason codes of what the desk decides itself (the server's are sync/protocol's REJECT_*).
LOCAL_UNREADABLE = "unreadable"
LOCAL_REJECTED = "rejected"


def park(desk: Desk, seq: int, reason: str, *, code: str = LOCAL_UNREADABLE) -> None:
    """Set one entry aside without the server's verdict (the server could not even read it)."""
    with desk.store.write() as session:
        row = session.get(OutboxEntry, seq)
        if row is not None:
            row.status = OutboxState.PARKED
            row.last_error = reason
            row.reason_code = code
            row.attempts += 1
            row.updated_at = utcnow()


def counts(desk: Desk) -> dict[str, int]:
    with desk.store.read() as session:
        rows = dict(session.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
    return {status: int(rows.get(status, 0)) for status in (OutboxState.QUEUED, OutboxState.PARKED, OutboxState.CONFLICT)}


def queued_count(desk: Desk, *, entity: str | None = None) -> int:
    query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.status == OutboxState.QUEUED)
    if entity is not None:
        query = query.where(OutboxEntry.entity == entity)
    with desk.store.read() as session:
        return int(session.scalar(query) or 0)


def is_pending(desk: Desk, *, entity: str, entity_id: str) -> bool:
    """Whether a change to this record has not yet been accepted by the agency server (queued, set aside or in
    conflict): what lets a screen say "queued" rather than "recorded"."""
    query = select(func.count()).select_from(OutboxEntry).where(
        OutboxEntry.entity == entity, OutboxEntry.entity_id == entity_id,
        OutboxEntry.status.in_((OutboxState.QUEUED, OutboxState.PARKED, OutboxState.CONFLICT)))
    with desk.store.read() as session:
        return bool(session.scalar(query))


# -- for the sync page ---------------------------------------------------------------------------------------
def _person(session: Any, row: OutboxEntry, names: dict[str, str]) -> str:
    """The name of the job seeker the record belongs to, or ""."""
    seeker_id = row.entity_id if row.entity == Entity.JOB_SEEKER else _dependency(row.payload)
    if not seeker_id:
        return ""
    if seeker_id not in names:
        seeker = session.get(JobSeeker, seeker_id)
        names[seeker_id] = seeker.full_name if seeker is not None else ""
    return names[seeker_id]


def _label(session: Any, row: OutboxEntry, names: dict[str, str]) -> str:
    kind = ENTITY_LABELS.get(row.entity, row.entity.replace("_", " ").capitalize())
    person = _person(session, row, names)
    if person:
        return f"{kind}: {person}" if row.entity != Entity.JOB_SEEKER else person
    return f"{kind} {row.entity_id[:8]}"


def list_entries(desk: Desk, *, statuses: tuple[str, ...] = (OutboxState.QUEUED, OutboxState.PARKED, OutboxState.CONFLICT),
                 limit: int = 5000) -> list[OutboxItem]:
    """Items needing attention first (conflicts, then parked), then the queue in order."""
    order: dict[str, int] = {OutboxState.CONFLICT: 0, OutboxState.PARKED: 1, OutboxState.QUEUED: 2}
    names: dict[str, str] = {}
    with desk.store.read() as session:
        rows = list(session.scalars(select(OutboxEntry).where(OutboxEntry.status.in_(statuses))
                                    .order_by(OutboxEntry.seq).limit(limit)))
        items = [OutboxItem(seq=r.seq, change_id=r.change_id, entity=r.entity, entity_id=r.entity_id, op=r.op,
                            status=r.status, attempts=r.attempts, last_error=r.last_error, created_at=r.created_at,
                            updated_at=r.updated_at, label=_label(session, r, names),
                            has_server_version=r.server_version is not None,
                            person=_person(session, r, names), reason_code=r.reason_code) for r in rows]
    return sorted(items, key=lambda i: (order.get(i.status, 3), i.seq))


def retry_entry(desk: Desk, seq: int) -> None:
    """Send a parked change again, as it is (e.g. once the record it depends on has reached the server).

    It goes under a new change id: the server remembers its answer to the old one and would only repeat it.
    """
    with desk.store.write() as session:
        row = _entry(session, seq, ("parked",))
        row.change_id = str(uuid.uuid4())
        row.status = OutboxState.QUEUED
        row.last_error = None
        row.reason_code = None
        row.updated_at = utcnow()
        record_audit(session, desk.actor, "sync_retry", entity=row.entity, entity_id=row.entity_id)
        note_changes(OpChanges(outbox=True))


def retry_all_parked(desk: Desk) -> int:
    with desk.store.read() as session:
        seqs = list(session.scalars(select(OutboxEntry.seq).where(OutboxEntry.status == OutboxState.PARKED)))
    for seq in seqs:
        retry_entry(desk, seq)
    return len(seqs)


def entry_detail(desk: Desk, seq: int) -> tuple[OutboxItem, dict[str, Any]]:
    """One entry and its payload, for the "fix and resend" form."""
    with desk.store.read() as session:
        row = session.get(OutboxEntry, seq)
        if row is None:
            raise NotFoundError(Message(
                    "outbox.change_longer_waiting",
                    "This change is no longer waiting to be sent."))
        item = OutboxItem(seq=row.seq, change_id=row.change_id, entity=row.entity, entity_id=row.entity_id,
                          op=row.op, status=row.status, attempts=row.attempts, last_error=row.last_error,
                          created_at=row.created_at, updated_at=row.updated_at, label=_label(session, row, {}),
                          has_server_version=row.server_version is not None, person=_person(session, row, {}),
                          reason_code=row.reason_code)
        return item, dict(row.payload)


def fix_and_resend(desk: Desk, seq: int, changes: Mapping[str, Any]) -> None:
    """Correct a parked change (and the local record with it), then queue it again under a new change id."""
    with desk.store.write() as session:
        row = _entry(session, seq, ("parked",))
        model = LOCAL_MODELS.get(row.entity)
        if row.entity == Entity.JOB_SEEKER:
            cleaned = clean_job_seeker(changes, today=utcnow().date(), partial=True)
        else:
            allowed = {a for a in record_values(model, dict(changes))} if model else set()
            unknown = sorted(set(changes) - allowed - BOOKKEEPING) if model else sorted(changes)
            if unknown:
                raise ValidationError({k: Message("outbox.field_not_correctable", "'{field}' cannot be corrected here.",
                                                  field=k) for k in unknown})
            cleaned = record_values(model, dict(changes)) if model else {}  # type: ignore[arg-type,unused-ignore]
        local = session.get(model, row.entity_id) if model else None
        if local is not None:
            for key, value in cleaned.items():
                setattr(local, key, value)
        row.payload = dict(row.payload) | json_safe(cleaned)
        row.change_id = str(uuid.uuid4())
        row.status = OutboxState.QUEUED
        row.last_error = None
        row.reason_code = None
        row.updated_at = utcnow()
        record_audit(session, desk.actor, "sync_fix", entity=row.entity, entity_id=row.entity_id,
                     detail={"fields": sorted(cleaned)})
        note_changes(OpChanges.of_record(row.entity))


def _entry(session: Any, seq: int, statuses: tuple[str, ...]) -> OutboxEntry:
    row: OutboxEntry | None = session.get(OutboxEntry, seq)
    if row is None:
        raise NotFoundError(Message(
                "outbox.change_longer_waiting",
                "This change is no longer waiting to be sent."))
    if row.status not in statuses:
        raise ValidationError({"status": Message(
                "outbox.change",
                "This change is {status}, not {value}.", status=row.status, value=' or '.join(statuses))})
    return row


# -- conflicts -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldDiff:
    field: str
    label: str
    mine: Any
    theirs: Any
    changed_here: bool  # this device's pending changes touched the field

    @property
    def differs(self) -> bool:
        return bool(self.mine != self.theirs)


@dataclass(frozen=True, slots=True)
class ConflictView:
    seq: int
    entity: str
    entity_id: str
    title: str
    my_version: int | None
    server_version: int | None
    fields: list[FieldDiff]
    reason: str | None
    reason_code: str | None = None  # "conflict" (versions) or LICENSE_ELSEWHERE (a second live license)

    @property
    def differing(self) -> list[FieldDiff]:
        return [f for f in self.fields if f.differs]


def _field_label(entity: str, name: str) -> str:
    if entity == Entity.JOB_SEEKER and name in FIELD_LABELS:
        label = FIELD_LABELS[name]
        return label[0].upper() + label[1:]
    return name.replace("_", " ").capitalize()


def _my_changed_fields(entries: list[OutboxEntry]) -> set[str]:
    fields: set[str] = set()
    for entry in entries:
        fields.update(k for k in entry.payload if k not in BOOKKEEPING)
    return fields


def conflict_view(desk: Desk, seq: int) -> ConflictView:
    """Both versions field by field: this device's current record against the server's copy."""
    with desk.store.read() as session:
        row = _entry(session, seq, ("conflict",))
        server = dict(row.server_version or {})
        entries = list(session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == row.entity, OutboxEntry.entity_id == row.entity_id).order_by(OutboxEntry.seq)))
        model = LOCAL_MODELS.get(row.entity)
        local = session.get(model, row.entity_id) if model else None
        mine = local_snapshot(local) if local is not None else {}
        for entry in entries:  # no local row (an entity this device does not keep): the changes are "mine"
            if local is None:
                mine.update(entry.payload)
        changed = _my_changed_fields(entries)
        if row.entity == Entity.JOB_SEEKER:
            names = list(FIELD_LABELS)
        else:
            names = sorted((set(mine) | set(server)) - BOOKKEEPING)
        fields = [FieldDiff(field=name, label=_field_label(row.entity, name), mine=mine.get(name),
                            theirs=server.get(name), changed_here=name in changed) for name in names]
        title = _label(session, row, {})
        return ConflictView(seq=row.seq, entity=row.entity, entity_id=row.entity_id, title=title,
                            my_version=mine.get("version"), server_version=server.get("version"), fields=fields,
                            reason=row.last_error, reason_code=row.reason_code)


def resolve_conflict(desk: Desk, seq: int, choice: Choice | Mapping[str, Choice]) -> str:
    """Settle a conflict, never silently: "theirs" takes the server's copy; "mine" re-applies this device's
    changes on top of the server's version; a mapping picks field by field (fields not named: mine where this
    device changed them, theirs elsewhere). Returns "theirs" or "requeued"."""
    with desk.store.write() as session:
        row = _entry(session, seq, ("conflict",))
        if row.reason_code == LICENSE_ELSEWHERE:
            if isinstance(choice, Mapping):
                keep_mine = choice.get("status", "mine") == "mine"
            elif choice in ("mine", "theirs"):
                keep_mine = choice == "mine"
            else:
                raise ValidationError({"choice": Message(
                        "outbox.choose_mine_theirs",
                        "Choose mine, theirs, or field by field.")})
            outcome = _settle_second_license(session, desk, row, keep_mine)
            note_changes(OpChanges.of_record(row.entity))
            record_audit(session, desk.actor, "sync_resolve", entity=row.entity, entity_id=row.entity_id,
                         detail={"choice": "mine" if keep_mine else "theirs", "second_live_license": True})
            return outcome
        server = dict(row.server_version or {})
        server_version = server.get("version")
        if not isinstance(server_version, int):
            raise ValidationError({"server_version": Message(
                    "outbox.server_s_version",
                    "The server's version of this record is missing; sync again.")})
        entries = list(session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == row.entity, OutboxEntry.entity_id == row.entity_id).order_by(OutboxEntry.seq)))
        changed = _my_changed_fields(entries)
        model = LOCAL_MODELS.get(row.entity)
        local = session.get(model, row.entity_id) if model else None
        mine = local_snapshot(local) if local is not None else {}
        if local is None:
            for entry in entries:
                mine.update(entry.payload)
        if choice == "theirs":
            keep: set[str] = set()
        elif choice == "mine":
            keep = set(changed)
        elif isinstance(choice, Mapping):
            unknown = [k for k, v in choice.items() if v not in ("mine", "theirs")]
            if unknown:
                raise ValidationError({k: Message("outbox.choose_mine_or_theirs", "Choose mine or theirs.")
                                       for k in unknown})
            keep = {f for f in changed if choice.get(f, "mine") == "mine"}
            keep |= {f for f, v in choice.items() if v == "mine"}
        else:
            raise ValidationError({"choice": Message(
                    "outbox.choose_mine_theirs",
                    "Choose mine, theirs, or field by field.")})
        keep = {f for f in keep if f not in BOOKKEEPING and mine.get(f) != server.get(f)}
        kept_values = {f: mine.get(f) for f in keep}
        for entry in entries:
            session.delete(entry)
        session.flush()
        outcome = "theirs"
        if model is not None:
            applied = apply_server_record(session, entity=row.entity, entity_id=row.entity_id, data=server,
                                          version=server_version, center_name=None)
            if applied is not None and kept_values:
                new_version = server_version + 1
                for key, value in record_values(model, kept_values).items():
                    setattr(applied, key, value)
                if hasattr(applied, "version"):
                    applied.version = new_version  # type: ignore[attr-defined,unused-ignore]
                if hasattr(applied, "updated_at"):
                    applied.updated_at = utcnow()  # type: ignore[attr-defined,unused-ignore]
                session.flush()
                payload = dict(kept_values) | {"version": new_version}
                if hasattr(applied, "updated_at"):
                    payload["updated_at"] = applied.updated_at  # type: ignore[attr-defined,unused-ignore]
                append_change(session, entity=row.entity, entity_id=row.entity_id, op=ChangeOp.UPDATE, payload=payload,
                              base_version=server_version)
                outcome = "requeued"
        elif kept_values:
            append_change(session, entity=row.entity, entity_id=row.entity_id, op=ChangeOp.UPDATE,
                          payload=dict(kept_values) | {"version": server_version + 1}, base_version=server_version)
            outcome = "requeued"
        how = choice if isinstance(choice, str) else "field_by_field"
        note_changes(OpChanges.of_record(row.entity))
        record_audit(session, desk.actor, "sync_resolve", entity=row.entity, entity_id=row.entity_id,
                     detail={"choice": how, "kept_fields": sorted(kept_values), "server_version": server_version})
        return outcome
