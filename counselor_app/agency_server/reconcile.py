"""Reconciling: what a device and the server each hold, compared by ids and versions in digest buckets.

A device asks for one entity's bucket digests (one small answer, whatever the number of records), compares them
with its own, and lists only the buckets that differ; then it re-sends what the server lacks or holds at an older
version (a server restored from a backup, a demo server). The records compared are those a device is expected
to hold: the job seekers of the user's center (every device of the center receives them through the feed), and
of any other entity the records the device itself last wrote.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from counselor_app.agency_server.common import BadRequest, Principal, _ServiceBase
from counselor_app.agency_server.models import ServerRecord
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
