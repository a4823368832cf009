"""``reconcile``: compare what this desk holds with what the server holds, and re-send what the server lacks.

Used by ``counselor-app sync --reconcile``, and by sync on its own when the server's feed says it was restored
from an older backup. Per entity, one request brings the server's digests of ids and versions by bucket (the
first two characters of the id); the desk computes the same digests over the records it believes the server
has (those with nothing waiting in its outbox), and asks for the lists of only the buckets that differ. At
100,000 records in step, that is one small request per entity.

What is re-sent goes through the outbox like any change: a record the server lacks as a create of its current
state; a record the server holds at an older version as an update of its whole current state made on the
server's version. Nothing is sent for records the server holds at a newer version (the feed brings those).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import inspect, select

from counselor_app.core.changes import append_change, record_audit
from counselor_app.core.models import OutboxEntry
from counselor_app.core.vocabulary import ChangeOp
from counselor_app.sync import protocol as p
from counselor_app.sync.local_records import LOCAL_MODELS
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


def reconcile(desk: Desk, client: AgencyClient, *, entities: tuple[str, ...] | None = None) -> ReconcileReport:
    """Compare and queue what the server lacks; the caller pushes the queue afterwards (``sync_once`` does)."""
    report = ReconcileReport()
    device = desk.settings.device_id
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
        if not differing:
            continue
        by_bucket: dict[str, dict[str, int]] = {}
        for entity_id, version in mine:
            by_bucket.setdefault(p.bucket_of(entity_id), {})[entity_id] = version
        to_create: list[str] = []
        to_update: list[tuple[str, int]] = []
        for bucket in differing:
            client.check_cancel()
            page = client.reconcile_page(entity, bucket, device_id=device)
            report.requests += 1
            server = {r.entity_id: r.version for r in page.records}
            for entity_id, version in by_bucket.get(bucket, {}).items():
                if entity_id not in server:
                    to_create.append(entity_id)
                elif server[entity_id] < version:
                    to_update.append((entity_id, server[entity_id]))
        _queue(desk, entity, to_create, to_update)
        report.missing += len(to_create)
        report.older += len(to_update)
        report.by_entity[entity] = len(to_create) + len(to_update)
    return report


def _queue(desk: Desk, entity: str, to_create: list[str], to_update: list[tuple[str, int]]) -> None:
    if not to_create and not to_update:
        return
    model = LOCAL_MODELS[entity]
    with desk.store.write() as session:
        for entity_id in to_create:
            row = session.get(model, entity_id)
            if row is not None:
                append_change(session, entity=entity, entity_id=entity_id, op=ChangeOp.CREATE,
                              payload=repair_payload(row, entity))
        for entity_id, server_version in to_update:
            row = session.get(model, entity_id)
            if row is not None:
                payload = repair_payload(row, entity)
                payload.pop("id", None)
                append_change(session, entity=entity, entity_id=entity_id, op=ChangeOp.UPDATE, payload=payload,
                              base_version=server_version)
        record_audit(session, desk.actor, "sync_reconcile", entity=entity,
                     detail={"missing": len(to_create), "older": len(to_update)})
