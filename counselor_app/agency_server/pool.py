"""License pools and the blocks devices reserve to issue offline."""

from __future__ import annotations

from sqlalchemy import select

from counselor_app.agency_server.common import (
    _SYSTEM,
    Forbidden,
    Principal,
    _Batch,
)
from counselor_app.agency_server.db import lock_pools
from counselor_app.agency_server.feed import FeedService
from counselor_app.agency_server.models import (
    AuditEvent,
    DeviceBlock,
    LicensePool,
    new_id,
)
from counselor_app.core.vocabulary import FeedKind
from counselor_app.sync import protocol as p


class PoolService(FeedService):
    """The statewide license pool and devices' offline blocks."""

    # -- license blocks ------------------------------------------------------------------------------------
    def reserve_block(self, principal: Principal, request: p.BlockRequest) -> p.BlockGrant:
        """Reserve ``request.requested`` licenses (or what the pool has left) for the device, replacing its block.

        Raises ``Forbidden`` when another user reserved this device's block, or when anyone but an administrator
        sends ``pool_size_hint``. A program with no pool set gets a block of 0: the server cannot know how many
        licenses the state bought."""
        if request.pool_size_hint is not None and not principal.is_administrator:
            raise Forbidden("Only a program administrator can set the size of a license pool.")
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=principal, device_id=request.device_id, now=now)
            # Batches that issue licenses in this program hold this lock shared: a reservation waits for them
            # and counts what they issued, so two devices are never promised the same licenses.
            lock_pools(session, [request.program_id], exclusive=True)
            block = session.get(DeviceBlock, (request.device_id, request.program_id), with_for_update=True)
            if block is not None and block.user_id is not None and block.user_id != principal.user_id:
                raise Forbidden("This device's licenses were reserved by another user; sign in as that user, "
                                "or ask an administrator.")
            pool = session.get(LicensePool, request.program_id)
            if pool is None and request.pool_size_hint:
                pool = LicensePool(program_id=request.program_id, pool_size=request.pool_size_hint, updated_at=now)
                session.add(pool)
                session.flush()
            pool_size, issued = self._pool_counts(session, request.program_id)
            others = session.scalars(select(DeviceBlock).where(DeviceBlock.program_id == request.program_id,
                                                               DeviceBlock.device_id != request.device_id))
            outstanding = sum(max(0, b.block_size - b.used) for b in others)
            granted = max(0, min(request.requested, pool_size - issued - outstanding)) if pool_size else 0
            block_id = new_id()
            if block is None:
                block = DeviceBlock(device_id=request.device_id, program_id=request.program_id)
                session.add(block)
            block.block_id = block_id
            block.block_size = granted
            block.used = 0
            block.reserved_at = now
            block.user_id = principal.user_id
            grant = p.BlockGrant(block_id=block_id, program_id=request.program_id, block_size=granted,
                                 pool_size=pool_size, issued_statewide=issued, reserved_at=now)
            self._feed_put(session, ctx, kind=FeedKind.LICENSE_BLOCK, key=f"{request.device_id}:{request.program_id}",
                           data=grant.model_dump(mode="json"), only_device=request.device_id)
            ctx.dirty_programs.add(request.program_id)
            self._publish_feed(session, ctx)
            session.add(AuditEvent(at=now, username=principal.username, action="license_block",
                                   detail={"program_id": request.program_id, "granted": granted}))
        return grant

    def set_pool(self, program_id: str, pool_size: int | None) -> None:
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now)
            lock_pools(session, [program_id], exclusive=True)
            pool = session.get(LicensePool, program_id)
            if pool is None:
                session.add(LicensePool(program_id=program_id, pool_size=pool_size, updated_at=now))
            else:
                pool.pool_size = pool_size
                pool.updated_at = now
            ctx.dirty_programs.add(program_id)
            self._publish_feed(session, ctx)
