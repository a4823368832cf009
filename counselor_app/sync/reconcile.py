"""``reconcile``: compare what this desk holds with what the server holds, and re-send what the server lacks.

Used by ``counselor-app sync --reconcile``, and by sync on its own when the server's feed says it was restored
from an older backup. Per entity, one request brings the server's digests of ids and versions by bucket (the
first two characters of the id); the desk computes the same digests over the records it believes the server
has (those with nothing waiting in its outbox), and asks for the lists of only the buckets that differ. At
100,000 records in step, that is one small request per entity.

What is re-sent goes through the outbox like any change: a record the server lacks as a create of its current
state; a record the server holds at an older version as an update of its whole current state made on the
server's version. Nothing is sent for records the server holds at a newer version (the feed brings those).

A repair never overwrites what someone else wrote after the restore. Before queuing, the desk asks the server
(``record_states``) what each record's copy is relative to the version the desk holds, given the server time up
to which the desk knew the server (``KNOWN_UNTIL_KEY``, from its last sync's checkpoint): a copy nobody wrote
since is replaced; a copy written since on top of a state that lacks the desk's version has *diverged*: when its
content is the desk's, the desk takes the server's version number and nothing is sent; otherwise the change
waits as a conflict, the server's copy beside it, for the counselor to resolve like any other. After a restore
the desk also compares the records written since it last knew the server (``written_since``): one written at the
very version the desk holds is invisible to digests of ids and versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, inspect, select

from counselor_app.core.changes import append_change, json_safe, record_audit
from counselor_app.core.models import OutboxEntry
from counselor_app.core.vocabulary import ChangeOp, OutboxState
from counselor_app.sync import protocol as p
from counselor_app.sync.local_records import BOOKKEEPING, LOCAL_MODELS, apply_server_record
from counselor_app.sync.outbox import repair_payload

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk
    from counselor_app.sync.transport import AgencyClient


@dataclass
class ReconcileReport:
    compared: int = 0  # local records compared
    buckets_differing: int = 0
    missing: int = 0  # re-sent as creates
    older: int = 0  # re-sent as updates on the server's version
    diverged: int = 0  # written on the server since a restore by someone else: now conflicts to resolve
    converged: int = 0  # written since by someone else with this desk's very content: nothing to send
    requests: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)

    @property
    def resent(self) -> int:
        return self.missing + self.older


def local_versions(desk: Desk, entity: str) -> list[tuple[str, int]]:
    """(id, version) of the records of ``entity`` this desk believes are on the server: every local record with
    nothing waiting in the outbox (version 1 for entities that are never edited)."""
    model = LOCAL_MODELS[entity]
    columns = {a.key for a in inspect(model).column_attrs}
    with desk.store.read() as session:
        waiting = set(session.scalars(select(OutboxEntry.entity_id).where(OutboxEntry.entity == entity)))
        id_col = model.id  # type: ignore[attr-defined]
        if "version" in columns:
            rows = session.execute(select(id_col, model.version))  # type: ignore[attr-defined]
            pairs = [(str(i), int(v or 1)) for i, v in rows]
        else:
            pairs = [(str(i), 1) for i in session.scalars(select(id_col))]
    return [(i, v) for i, v in pairs if i not in waiting]


#: Sync state: the server time up to which this desk knew the server (its last sync's checkpoint), and the mark
#: it left there (``sync.service``).
KNOWN_UNTIL_KEY = "server_known_until"
CHECKPOINT_KEY = "server_checkpoint"
#: Columns naming rows of this desk's own tables (users, centers): not the record's content.
LOCAL_REFERENCES = frozenset({"created_by", "counselor_id", "author_id", "issued_by", "status_changed_by",
                              "center_id"})


def known_until(desk: Desk) -> datetime | None:
    raw = desk.get_state(KNOWN_UNTIL_KEY)
    try:
        return datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def reconcile(desk: Desk, client: AgencyClient, *, entities: tuple[str, ...] | None = None,
              restored: bool = False) -> ReconcileReport:
    """Compare and queue what the server lacks; the caller pushes the queue afterwards (``sync_once`` does).
    ``restored``: the server was restored from an older copy; also compare what was written since this desk last
    knew it."""
    report = ReconcileReport()
    device = desk.settings.device_id
    since = known_until(desk)
    for entity in entities or p.SYNCED_ENTITIES:
        if entity not in LOCAL_MODELS:
            continue
        client.check_cancel()
        mine = local_versions(desk, entity)
        report.compared += len(mine)
        local_buckets = p.bucket_digests(mine)
        theirs = client.reconcile_digests(entity, device_id=device)
        report.requests += 1
        differing = sorted(b for b, digest in local_buckets.items() if theirs.buckets.get(b) != digest)
        report.buckets_differing += len(differing)
        held = dict(mine)
        check: dict[str, int] = {}
        if differing:
            by_bucket: dict[str, dict[str, int]] = {}
            for entity_id, version in mine:
                by_bucket.setdefault(p.bucket_of(entity_id), {})[entity_id] = version
            for bucket in differing:
                client.check_cancel()
                page = client.reconcile_page(entity, bucket, device_id=device)
                report.requests += 1
                server = {r.entity_id: r.version for r in page.records}
                for entity_id, version in by_bucket.get(bucket, {}).items():
                    if entity_id not in server or server[entity_id] < version:
                        check[entity_id] = version
        if restored and since is not None:
            # Changes waiting here were made on the version this desk knew; if someone wrote the record since
            # the restore at that very version number, sending them would overwrite that edit unseen.
            held.update({i: v for i, v in waiting_bases(desk, entity).items() if i not in held})
            start: str | None = None
            while True:
                client.check_cancel()
                written = client.written_since(entity, p.WrittenSinceRequest(
                    device_id=device, after=since, start_after=start, limit=p.MAX_PAGE))
                report.requests += 1
                for record in written.records:
                    if record.entity_id in held:
                        check.setdefault(record.entity_id, held[record.entity_id])
                if not written.has_more or not written.records:
                    break
                start = written.records[-1].entity_id
        if not check:
            continue
        states = record_states(client, entity, check, device_id=device, since=since, report=report)
        counts = settle(desk, entity, states, check)
        report.missing += counts["missing"]
        report.older += counts["behind"]
        report.diverged += counts["diverged"]
        report.converged += counts["converged"]
        resent = counts["missing"] + counts["behind"]
        if resent or counts["diverged"]:
            report.by_entity[entity] = resent + counts["diverged"]
    return report


def waiting_bases(desk: Desk, entity: str) -> dict[str, int]:
    """Records of ``entity`` with changes queued here (none in conflict or set aside): the version the first of
    them was made on."""
    with desk.store.read() as session:
        rows = list(session.execute(select(OutboxEntry.entity_id, OutboxEntry.status, OutboxEntry.base_version,
                                           OutboxEntry.op).where(OutboxEntry.entity == entity)
                                    .order_by(OutboxEntry.seq)))
    out: dict[str, int] = {}
    stuck: set[str] = set()
    first: set[str] = set()
    for entity_id, status, base, op in rows:
        if status != OutboxState.QUEUED:
            stuck.add(entity_id)
        if entity_id in first:
            continue
        first.add(entity_id)
        if op != ChangeOp.CREATE and base is not None:
            out[entity_id] = int(base)
    return {i: v for i, v in out.items() if i not in stuck}


def record_states(client: AgencyClient, entity: str, versions: dict[str, int], *, device_id: str,
                  since: datetime | None, report: ReconcileReport | None = None) -> list[p.RecordState]:
    """The server's ``RecordState`` of each record, a page of ``p.MAX_PAGE`` per request."""
    items = sorted(versions.items())
    out: list[p.RecordState] = []
    for start in range(0, len(items), p.MAX_PAGE):
        client.check_cancel()
        answer = client.record_states(entity, p.RecordStatesRequest(
            device_id=device_id, known_until=since,
            records=[p.HeldVersion(entity_id=i, version=v) for i, v in items[start:start + p.MAX_PAGE]]))
        if report is not None:
            report.requests += 1
        out.extend(answer.records)
    return out


def same_content(entity: str, payload: dict[str, Any], server: dict[str, Any]) -> bool:
    """Whether the server's copy says what this desk's record says (bookkeeping and local references aside)."""
    return all(server.get(k) == v for k, v in json_safe(payload).items()
               if k not in BOOKKEEPING and k not in LOCAL_REFERENCES)


def settle(desk: Desk, entity: str, states: list[p.RecordState], versions: dict[str, int]) -> dict[str, int]:
    """Act on the server's answers in one transaction: re-create what it lacks, replace what it holds at an
    older version nobody wrote since, and for a copy that diverged either take the server's version (same
    content) or set the desk's state aside as a conflict beside the server's copy. Queued changes to a record
    settled here are folded into what is queued (the record's current state includes them)."""
    counts = {"missing": 0, "behind": 0, "diverged": 0, "converged": 0}
    model = LOCAL_MODELS[entity]
    # Updates before creates: the server applies the queue in order, and a record it lacks may only be
    # acceptable after another one's update (a license revoked here, then a new one issued to the same person:
    # the server restored with the first one live refuses the new one until it takes the revocation).
    ordered = sorted(states, key=lambda state: state.held == "missing")
    with desk.store.write() as session:
        for state in ordered:
            row = session.get(model, state.entity_id)
            if row is None or state.held in ("same", "ahead"):
                continue
            payload = repair_payload(row, entity)
            if state.held == "diverged" and not state.deleted and same_content(entity, payload, state.data or {}):
                _drop_queued(session, entity, state.entity_id)
                apply_server_record(session, entity=entity, entity_id=state.entity_id, data=dict(state.data or {}),
                                    version=int(state.version or 0), center_name=None)
                counts["converged"] += 1
                continue
            _drop_queued(session, entity, state.entity_id)
            if state.held == "missing":
                append_change(session, entity=entity, entity_id=state.entity_id, op=ChangeOp.CREATE,
                              payload=payload)
                counts["missing"] += 1
                continue
            payload.pop("id", None)
            if state.held == "behind":
                append_change(session, entity=entity, entity_id=state.entity_id, op=ChangeOp.UPDATE,
                              payload=payload, base_version=state.version)
                counts["behind"] += 1
                continue
            # Diverged: someone wrote this record after the server lost this desk's version. Both stay until a
            # person chooses (the Sync page's conflict dialog); nothing is sent meanwhile.
            entry = append_change(session, entity=entity, entity_id=state.entity_id, op=ChangeOp.UPDATE,
                                  payload=payload, base_version=versions.get(state.entity_id))
            entry.status = OutboxState.CONFLICT
            entry.server_version = dict(state.data or {}) | {"version": state.version}
            entry.reason_code = OutboxState.CONFLICT
            entry.last_error = ("Someone changed this record on the agency server after it was restored from an "
                                "older backup, and this desk's changes were lost there.")
            counts["diverged"] += 1
        if any(counts.values()):
            record_audit(session, desk.actor, "sync_reconcile", entity=entity, detail=dict(counts))
    return counts


def _drop_queued(session: Any, entity: str, entity_id: str) -> None:
    session.execute(delete(OutboxEntry).where(OutboxEntry.entity == entity, OutboxEntry.entity_id == entity_id,
                                              OutboxEntry.status == OutboxState.QUEUED))
