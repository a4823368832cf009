"""The changes feed: every writer holds the feed lock (``db.lock_feed``), so feed order is commit order;
readers page through it by cursor, filtered to what the user and device may see."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from counselor_app.agency_server.common import (
    CONSUMED_LICENSE,
    BadRequest,
    Principal,
    _Batch,
    _chunks,
    _ServiceBase,
)
from counselor_app.agency_server.models import (
    Center,
    Counter,
    FeedEntry,
    License,
    LicensePool,
    ServerRecord,
)
from counselor_app.core.vocabulary import FeedKind
from counselor_app.sync import protocol as p
from counselor_app.sync.payloads import INT64_MAX, json_depth

FEED_MAX_DEPTH = 32

log = logging.getLogger(__name__)


class FeedService(_ServiceBase):
    """Writing to and reading from the changes feed."""

    def _feed_put(self, session: Session, ctx: _Batch, *, kind: str, key: str, data: dict[str, Any],
                  center_id: int | None = None, origin_device: str | None = None,
                  only_device: str | None = None) -> None:
        entry = ctx.feed[(kind, key)] if (kind, key) in ctx.feed else session.get(FeedEntry, (kind, key))
        seq = ctx.next_seq()
        if entry is None:
            entry = FeedEntry(kind=kind, key=key, seq=seq, center_id=center_id, origin_device=origin_device,
                              only_device=only_device, data=data)
            session.add(entry)
        else:
            entry.seq = seq
            entry.center_id = center_id
            entry.origin_device = origin_device
            entry.only_device = only_device
            entry.data = data
        ctx.feed[(kind, key)] = entry

    def _pool_counts(self, session: Session, program_id: str) -> tuple[int | None, int]:
        session.flush()
        pool = session.get(LicensePool, program_id)
        issued = session.scalar(select(func.count()).select_from(License).where(
            License.program_id == program_id, License.status.in_(CONSUMED_LICENSE))) or 0
        return (pool.pool_size if pool is not None else None), int(issued)

    def _feed_pool(self, session: Session, ctx: _Batch, program_id: str) -> None:
        pool_size, issued = self._pool_counts(session, program_id)
        data = {"program_id": program_id, "pool_size": pool_size, "issued_statewide": issued}
        current = ctx.feed.get(("license_pool", program_id)) or session.get(FeedEntry, ("license_pool", program_id))
        if current is not None and current.data == data:
            return  # unchanged: do not send every device the same figures again
        self._feed_put(session, ctx, kind=FeedKind.LICENSE_POOL, key=program_id, data=data)

    # -- the changes feed ----------------------------------------------------------------------------------
    def feed_page(self, principal: Principal, *, since: str | None, limit: int,
                  device_id: str | None = None) -> p.FeedPage:
        if since and not (since.isascii() and since.isdigit() and len(since) <= 19 and int(since) <= INT64_MAX):
            raise BadRequest("The cursor is not one this server gave out.")
        after = int(since) if since else 0
        limit = max(1, min(limit, p.MAX_PAGE))
        device = device_id or principal.device_id
        query = select(FeedEntry)
        if device:
            query = query.where(or_(FeedEntry.origin_device.is_(None), FeedEntry.origin_device != device),
                                or_(FeedEntry.only_device.is_(None), FeedEntry.only_device == device))
        else:
            query = query.where(FeedEntry.only_device.is_(None))
        if not principal.is_administrator:
            query = query.where(or_(FeedEntry.center_id == principal.center_id,
                                    FeedEntry.kind.in_((FeedKind.CATALOG, FeedKind.LICENSE_POOL, FeedKind.LICENSE_BLOCK))))
        if not principal.is_supervisor:
            query = query.where(FeedEntry.kind != FeedKind.PROGRESS)
        replayed = False
        with self.store.read() as session:
            if after:
                last = session.scalar(select(Counter.value).where(Counter.name == "feed")) or 0
                if after > last:
                    # A cursor from this server's future: the server was restored from an older backup. The
                    # device reads the whole feed again rather than miss what is numbered below its cursor.
                    log.warning("feed cursor %d is past the last entry %d (restored server?): replaying", after,
                                last)
                    after = 0
                    replayed = True
            rows = list(session.scalars(query.where(FeedEntry.seq > after).order_by(FeedEntry.seq).limit(limit)))
            record_keys = [tuple(r.key.split(":", 1)) for r in rows if r.kind == FeedKind.RECORD]
            records: dict[tuple[str, str], ServerRecord] = {}
            by_entity: dict[str, list[str]] = {}
            for entity, entity_id in record_keys:
                by_entity.setdefault(entity, []).append(entity_id)
            for entity, ids in by_entity.items():
                for chunk in _chunks(ids):
                    for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == entity,
                                                                          ServerRecord.entity_id.in_(chunk))):
                        records[(entity, rec.entity_id)] = rec
            centers = dict(session.execute(select(Center.id, Center.name)).all())
        items: list[p.FeedItem] = []
        for row in rows:
            if row.kind == FeedKind.RECORD:
                entity, entity_id = row.key.split(":", 1)
                found = records.get((entity, entity_id))
                if found is None:
                    continue
                if json_depth(found.data, limit=FEED_MAX_DEPTH) > FEED_MAX_DEPTH:
                    # Stored before payloads had schemas: leave it out rather than fail the page for everyone.
                    log.warning("feed: %s is nested too deeply to send; left out", row.key[:80])
                    continue
                items.append(p.FeedItem(kind=FeedKind.RECORD, key=row.key, entity=entity, entity_id=entity_id,
                                        version=found.version, deleted=found.deleted,
                                        center=centers.get(found.center_id) if found.center_id else None,
                                        data=found.data))
            else:
                items.append(p.FeedItem(kind=row.kind, key=row.key,  # type: ignore[arg-type]
                                        center=centers.get(row.center_id) if row.center_id else None,
                                        data=row.data))
        next_cursor = str(rows[-1].seq) if rows else str(after)
        return p.FeedPage(items=items, next_cursor=next_cursor, has_more=len(rows) == limit, replayed=replayed)
