"""Reconciling: what a device and the server each hold, compared by ids and versions in digest buckets.

A device asks for one entity's bucket digests (one small answer, whatever the number of records), compares them
with its own, and lists only the buckets that differ; then it re-sends what the server lacks or holds at an older
version (a server restored from a backup, a demo server). The records compared are those a device is expected
to hold: the job seekers of the user's center (every device of the center receives them through the feed), and
of any other entity the records the device itself last wrote.

A restored server is noticed by each device on its own (``checkpoint``): the device leaves a random mark at the
end of every sync and asks for it at the start of the next; a database restored from an older copy or replaced
no longer holds it. Repairs never overwrite what someone wrote after the restore (``record_states``): the server
says, per record, whether its copy is one the device already knew (older: the device's state replaces it) or was
written since on top of a state that lacks the device's version (diverged: the device shows a conflict).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from counselor_app.agency_server.common import BadRequest, Principal, _chunks, _ServiceBase
from counselor_app.agency_server.models import ChangeLog, ServerRecord, SyncCheckpoint
from counselor_app.core.vocabulary import ChangeResultStatus
from counselor_app.sync import protocol as p


class ReconcileService(_ServiceBase):
    """Digest buckets and bucket pages for ``counselor-app sync --reconcile``."""

    def _scope(self, principal: Principal, entity: str, device_id: str | None) -> Any:
        if entity not in p.SYNCED_ENTITIES:
            raise BadRequest(f"The server does not take '{entity[:40]}' records.")
        query = select(ServerRecord.entity_id, ServerRecord.version).where(ServerRecord.entity == entity,
                                                                           ServerRecord.center_id == principal.center_id)
        if entity not in p.FEED_ENTITIES:
            device = device_id or principal.device_id
            if not device:
                raise BadRequest("Name the device (device_id) whose records to compare.")
            query = query.where(ServerRecord.origin_device == device)
        return query

    def reconcile_digests(self, principal: Principal, entity: str, *, device_id: str | None) -> p.ReconcileDigests:
        query = self._scope(principal, entity, device_id)
        with self.store.read() as session:
            pairs = [(str(i), int(v)) for i, v in session.execute(query)]
        return p.ReconcileDigests(entity=entity, buckets=p.bucket_digests(pairs))

    def reconcile_page(self, principal: Principal, entity: str, bucket: str, *,
                       device_id: str | None) -> p.ReconcilePage:
        if len(bucket) != p.RECONCILE_BUCKET_CHARS:
            raise BadRequest("A bucket is the first two characters of a record id.")
        query = self._scope(principal, entity, device_id).where(
            func.lower(func.substr(ServerRecord.entity_id, 1, p.RECONCILE_BUCKET_CHARS)) == bucket.lower())
        with self.store.read() as session:
            rows = [p.RecordVersion(entity_id=str(i), version=int(v)) for i, v in session.execute(query)]
        return p.ReconcilePage(entity=entity, bucket=bucket.lower(), records=sorted(rows, key=lambda r: r.entity_id))

    # -- noticing a restore, and repairing without overwriting anyone (issue 11) ----------------------------
    def checkpoint(self, principal: Principal, request: p.SyncCheckpoint) -> p.SyncCheckpointResult:
        """Compare the device's last mark with the one held here, and keep the new one."""
        now = self.clock()
        with self.store.write() as session:
            row = session.get(SyncCheckpoint, (request.device_id, principal.user_id), with_for_update=True)
            if row is not None and row.token == request.next:
                # A retry of a request applied once whose answer was lost: the same answer again.
                return p.SyncCheckpointResult(matched=row.matched, server_time=now)
            matched = (row.token if row is not None else None) == request.previous
            if row is None:
                session.add(SyncCheckpoint(device_id=request.device_id, user_id=principal.user_id,
                                           token=request.next, matched=matched, updated_at=now))
            else:
                row.token = request.next
                row.matched = matched
                row.updated_at = now
        return p.SyncCheckpointResult(matched=matched, server_time=now)

    def written_since(self, principal: Principal, entity: str, request: p.WrittenSinceRequest) -> p.WrittenSince:
        """Records of the user's center written after ``request.after`` (server time), in id order, a page at a
        time: what a device that knew the server up to then compares after a restore (a record written since at
        the very version the device holds is not seen by digests)."""
        if entity not in p.SYNCED_ENTITIES:
            raise BadRequest(f"The server does not take '{entity[:40]}' records.")
        query = select(ServerRecord.entity_id, ServerRecord.version).where(
            ServerRecord.entity == entity, ServerRecord.center_id == principal.center_id,
            ServerRecord.updated_at > _naive(request.after))
        if request.start_after:
            query = query.where(ServerRecord.entity_id > request.start_after)
        with self.store.read() as session:
            rows = list(session.execute(query.order_by(ServerRecord.entity_id).limit(request.limit + 1)))
        return p.WrittenSince(entity=entity, records=[p.RecordVersion(entity_id=str(i), version=int(v))
                                                      for i, v in rows[:request.limit]],
                              has_more=len(rows) > request.limit)

    def record_states(self, principal: Principal, entity: str, request: p.RecordStatesRequest) -> p.RecordStates:
        """Per record a device means to repair: what the server holds compared with the device's version
        (``p.RecordState.held``). A copy written after ``known_until`` descends from the device's version only if
        the server held that version (or a later one) at ``known_until``, by its change log; otherwise someone
        wrote it after the server lost the device's version, and it comes back with its data as ``diverged``.
        Without ``known_until`` (a device that never left a mark) every copy that differs is ``diverged``."""
        if entity not in p.SYNCED_ENTITIES:
            raise BadRequest(f"The server does not take '{entity[:40]}' records.")
        wanted = {r.entity_id: r.version for r in request.records}
        known_until = _naive(request.known_until) if request.known_until is not None else None
        with self.store.read() as session:
            recs: dict[str, ServerRecord] = {}
            for chunk in _chunks(sorted(wanted)):
                for found in session.scalars(select(ServerRecord).where(ServerRecord.entity == entity,
                                                                        ServerRecord.entity_id.in_(chunk))):
                    recs[found.entity_id] = found
            later = sorted(i for i, rec in recs.items()
                           if known_until is None or rec.updated_at > known_until)
            held_then: dict[str, int] = {}
            if known_until is not None:
                for chunk in _chunks(later):
                    for entity_id, result in session.execute(
                            select(ChangeLog.entity_id, ChangeLog.result).where(
                                ChangeLog.entity == entity, ChangeLog.entity_id.in_(chunk),
                                ChangeLog.status.in_((ChangeResultStatus.APPLIED, ChangeResultStatus.DUPLICATE)),
                                ChangeLog.received_at <= known_until)):
                        version = (result or {}).get("server_version")
                        if isinstance(version, int):
                            held_then[entity_id] = max(held_then.get(entity_id, 0), version)
        out: list[p.RecordState] = []
        for entity_id, version in wanted.items():
            rec = recs.get(entity_id)
            if rec is None:
                out.append(p.RecordState(entity_id=entity_id, held="missing"))
                continue
            if not principal.is_administrator and rec.center_id != principal.center_id:
                continue  # another center's record: nothing to repair from here
            held: p.RecordHeld
            if known_until is not None and rec.updated_at <= known_until:
                held = "same" if rec.version == version else "behind" if rec.version < version else "ahead"
            elif held_then.get(entity_id, -1) >= version and rec.version >= version:
                # Written since, on top of what the server held when the device last knew it: a descendant.
                held = "ahead" if rec.version > version else "same"
            else:
                held = "diverged"
            out.append(p.RecordState(entity_id=entity_id, held=held, version=rec.version, deleted=rec.deleted,
                                     data=dict(rec.data) | {"version": rec.version} if held == "diverged" else None))
        return p.RecordStates(entity=entity, records=out)


def _naive(moment: datetime) -> datetime:
    """Server times are stored naive in UTC (``models.utcnow``)."""
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment
