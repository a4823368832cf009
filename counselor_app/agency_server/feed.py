"""The changes feed: writers number their feed rows at the very end of their transaction, under the feed lock
(``db.claim_feed_numbers``, held only from there to the commit), so feed order is commit order; readers page through it
by cursor, filtered to what the user and device may see."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from counselor_app.agency_server.common import (
    CONSUMED_LICENSE,
    BadRequest,
    Principal,
    _Batch,
    _chunks,
    _ServiceBase,
)
from counselor_app.agency_server.db import claim_feed_numbers, upsert_feed_rows
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
        """Queue the feed row of ``(kind, key)``; ``_publish_feed`` numbers and writes it at the end of the
        transaction. A later put of the same key in the same transaction replaces the earlier one."""
        ctx.pending_feed.pop((kind, key), None)  # keep the order of the latest put
        ctx.pending_feed[(kind, key)] = {"center_id": center_id, "origin_device": origin_device,
                                         "only_device": only_device, "data": data}

    def _pool_counts(self, session: Session, program_id: str) -> tuple[int | None, int]:
        session.flush()
        pool = session.get(LicensePool, program_id)
        issued = session.scalar(select(func.count()).select_from(License).where(
            License.program_id == program_id, License.status.in_(CONSUMED_LICENSE))) or 0
        return (pool.pool_size if pool is not None else None), int(issued)

    def _publish_feed(self, session: Session, ctx: _Batch) -> None:
        """Number and write the transaction's feed rows, last thing before its commit.

        Everything else the transaction writes is flushed first; only then is the feed counter's row lock taken
        (``db.claim_feed_numbers``: one ``UPDATE ... RETURNING`` that locks, allocates and stores), and it is held
        until the commit. So feed numbers are handed out in commit order (a reader never skips a row that commits
        late), while the batches themselves run side by side: they queue only for this short tail (the counter,
        the pool counts, one upsert of the feed rows, the commit), not for their whole work. The license pools the
        transaction changed are counted under the same lock, so their published figures are never stale."""
        session.flush()
        if not ctx.pending_feed and not ctx.dirty_programs:
            return
        programs = sorted(ctx.dirty_programs)
        for program_id in programs:  # reserve their place in the order of puts; the figures come under the lock
            self._feed_put(session, ctx, kind=FeedKind.LICENSE_POOL, key=program_id, data={})
        last = claim_feed_numbers(session, len(ctx.pending_feed))
        for program_id in programs:
            pool = session.get(LicensePool, program_id)
            pool_size = pool.pool_size if pool is not None else None
            issued = self._issued_count(session, program_id, ctx.consumed_delta.get(program_id, 0))
            ctx.pending_feed[("license_pool", program_id)]["data"] = {
                "program_id": program_id, "pool_size": pool_size, "issued_statewide": issued}
        first = last - len(ctx.pending_feed) + 1
        rows = [{"kind": kind, "key": key, "seq": first + offset} | values
                for offset, ((kind, key), values) in enumerate(ctx.pending_feed.items())]
        upsert_feed_rows(session, rows)
        ctx.pending_feed.clear()
        ctx.dirty_programs.clear()
        ctx.consumed_delta.clear()

    @staticmethod
    def _issued_count(session: Session, program_id: str, delta: int) -> int:
        """The program's consumed licenses, kept as a running count in ``counter`` (``issued:`` and a hash of the program id) so the
        feed's pool figure costs one row, not a count over every license, inside the feed lock. Called only under
        that lock, which every transaction that changes a license's status takes before its commit; the first
        call for a program counts the licenses once (its own, flushed, included) and stores the count."""
        name = "issued:" + hashlib.blake2b(program_id.encode("utf-8"), digest_size=16).hexdigest()  # fits 40
        value = session.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + delta)
                                .returning(Counter.value)).scalar()
        if value is None:
            value = int(session.scalar(select(func.count()).select_from(License).where(
                License.program_id == program_id, License.status.in_(CONSUMED_LICENSE))) or 0)
            session.add(Counter(name=name, value=value))
            session.flush()
        return int(value)

    # -- the changes feed ----------------------------------------------------------------------------------
    def feed_page(self, principal: Principal, *, since: str | None, limit: int,
                  device_id: str | None = None) -> p.FeedPage:
        if since and not (since.isascii() and since.isdigit() and len(since) <= 19 and int(since) <= INT64_MAX):
            raise BadRequest("The cursor is not one this server gave out.")
        after = int(since) if since else 0
        limit = max(1, min(limit, p.MAX_PAGE))
        device = device_id or principal.device_id
        query = select(FeedEntry.seq, FeedEntry.kind, FeedEntry.key, FeedEntry.center_id, FeedEntry.data)
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
            # The last number handed out, in this read's snapshot: every row numbered up to it is visible here,
            # since numbers are handed out under a lock held to the commit (``_publish_feed``).
            last = int(session.scalar(select(Counter.value).where(Counter.name == "feed")) or 0)
            if after:
                if after > last:
                    # A cursor from this server's future: the server was restored from an older backup. The
                    # device reads the whole feed again rather than miss what is numbered below its cursor.
                    log.warning("feed cursor %d is past the last entry %d (restored server?): replaying", after,
                                last)
                    after = 0
                    replayed = True
            rows = session.execute(query.where(FeedEntry.seq > after).order_by(FeedEntry.seq).limit(limit)).all()
            records: dict[tuple[str, str], Any] = {}
            by_entity: dict[str, list[str]] = {}
            for r in rows:
                if r.kind == FeedKind.RECORD:
                    entity, _, entity_id = r.key.partition(":")
                    by_entity.setdefault(entity, []).append(entity_id)
            for entity, ids in by_entity.items():
                for chunk in _chunks(ids):
                    for rec in session.execute(select(ServerRecord.entity_id, ServerRecord.version,
                                                      ServerRecord.deleted, ServerRecord.center_id, ServerRecord.data)
                                               .where(ServerRecord.entity == entity,
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
        has_more = len(rows) == limit
        # A short page read everything up to ``last``: the cursor moves past the rows this device may not see
        # too, so a small center's next poll does not scan the whole state's changes after its cursor again.
        next_cursor = str(rows[-1].seq) if has_more else str(max(after, last, rows[-1].seq if rows else 0))
        return p.FeedPage(items=items, next_cursor=next_cursor, has_more=has_more, replayed=replayed)
