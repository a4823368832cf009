"""Applying a page of the server's changes feed to the local store.

A page and the cursor after it commit in one transaction: a crash mid-page leaves the old cursor, and the page
comes again (applying it twice is harmless: records carry versions, the rest replaces by key).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselor_app.core.changes import record_audit
from counselor_app.core.invitations import ensure_batch_known
from counselor_app.core.models import (
    Appointment,
    JobSeeker,
    LearnerProgress,
    LicensePool,
    OutboxEntry,
    SyncState,
    utcnow,
)
from counselor_app.core.partner_referrals import store_feed_referral
from counselor_app.core.scheduling import shared_booking_arrived
from counselor_app.core.vocabulary import Entity, FeedKind, OutboxState
from counselor_app.sync import protocol as p
from counselor_app.sync.local_records import (
    LOCAL_MODELS,
    ForeignKeyResolver,
    apply_server_record,
    to_column_value,
    waits_for_parent,
)

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

CURSOR_KEY = "pull_cursor"
CATALOG_KEY = "server_catalog"
CATALOG_VERSION_KEY = "server_catalog_version"
BLOCK_ID_KEY = "license_block_id"
#: Feed records that arrived before the record they belong to (a booking before its appointment, a note before
#: its job seeker: the feed lists a record where it last changed, so a parent edited later comes on a later
#: page). Kept here, keyed "entity:id", and applied when the parent arrives: nothing the feed sends is lost.
#: One whose missing parent is only an optional link (an appointment's job seeker) is shown meanwhile once the
#: feed is read to its end, without that link (marked ``SHOWN``), and written again with it when the parent comes.
PARKED_KEY = "parked_feed_items"
SHOWN = "_shown"
#: ``_apply_record``'s answer for a record kept until its parent comes.
WAITS = "waits_for_parent"


@dataclass(frozen=True, slots=True)
class PageApplied:
    records: int = 0
    skipped_local_changes: int = 0
    catalog: bool = False
    pool: bool = False
    block: bool = False
    progress: int = 0
    ignored: int = 0
    # Bookings received from another desk that take the time of a booking here for the same counselor (issue 16).
    double_booked: int = 0


def set_state(session: Session, key: str, value: str) -> None:
    """``desk.set_state`` inside a caller's transaction."""
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def get_state(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else None


def server_catalog(desk: Desk) -> dict[str, Any] | None:
    """The catalog the agency last published, if this device has received one (else use the shipped one)."""
    raw = desk.get_state(CATALOG_KEY)
    return json.loads(raw) if raw else None


def apply_page(desk: Desk, page: p.FeedPage) -> PageApplied:
    stats: dict[str, Any] = {"records": 0, "skipped_local_changes": 0, "catalog": False, "pool": False,
                             "block": False, "progress": 0, "ignored": 0, "double_booked": 0}
    program_id = desk.profile.program.id
    with desk.store.write() as session:
        resolver = ForeignKeyResolver(session)
        parked = _parked(session)
        record_ids = [i.entity_id for i in page.items if i.kind == FeedKind.RECORD and i.entity_id]
        record_ids += [str(raw.get("entity_id") or "") for raw in parked.values()]
        pending: set[str] = set()
        for start in range(0, len(record_ids), 500):
            pending.update(session.scalars(select(OutboxEntry.entity_id).where(
                OutboxEntry.entity_id.in_(record_ids[start:start + 500]))))
        # The feed lists a record where it last changed, so a page may bring an appointment before the person
        # it names (edited later) or a booking before its appointment (whose id it shares). Within a page,
        # people go first, then appointments, then the rest, bookings last (a stable sort: same-kind order kept).
        for item in sorted(page.items, key=_dependency_rank):
            if item.kind == FeedKind.RECORD:
                key = f"{item.entity}:{item.entity_id}"
                outcome = _apply_record(session, item, pending, resolver, again=bool(parked.get(key, {}).get(SHOWN)))
                if outcome == WAITS:
                    kept = parked.get(key)
                    if kept is None or int(kept.get("version") or 0) < int(item.version or 0):
                        parked[key] = item.model_dump(mode="json")  # the same version again keeps its mark
                    continue
                if outcome == "records" or item.deleted or (
                        key in parked and int(parked[key].get("version") or 0) <= int(item.version or 0)):
                    parked.pop(key, None)  # a newer copy (or its deletion) replaces the one kept
                stats[outcome] += 1
                if outcome == "records" and item.entity == Entity.APPOINTMENT_BOOKING:
                    stats["double_booked"] += int(shared_booking_arrived(session, item.entity_id or ""))
            elif item.kind == FeedKind.CATALOG:
                catalog = item.data.get("catalog")
                if isinstance(catalog, dict):
                    set_state(session, CATALOG_KEY, json.dumps(catalog, ensure_ascii=False))
                    set_state(session, CATALOG_VERSION_KEY, str(item.data.get("catalog_version", "")))
                    stats["catalog"] = True
            elif item.kind == FeedKind.LICENSE_POOL:
                if item.data.get("program_id") == program_id:
                    pool = _pool(session, desk)
                    if item.data.get("pool_size") is not None:
                        pool.pool_size = int(item.data["pool_size"])
                    pool.issued_statewide = int(item.data.get("issued_statewide") or 0)
                    pool.updated_at = utcnow()
                    stats["pool"] = True
            elif item.kind == FeedKind.LICENSE_BLOCK:
                if (item.data.get("program_id") == program_id
                        and item.data.get("block_id") != get_state(session, BLOCK_ID_KEY)):
                    # A reservation whose answer never arrived (the device went offline or stopped).
                    pool = _pool(session, desk)
                    pool.block_size = int(item.data.get("block_size") or 0)
                    pool.block_used = 0
                    pool.block_reserved_at = utcnow()
                    pool.issued_statewide = int(item.data.get("issued_statewide") or pool.issued_statewide)
                    pool.updated_at = utcnow()
                    set_state(session, BLOCK_ID_KEY, str(item.data.get("block_id")))
                    stats["block"] = True
            elif item.kind == FeedKind.PROGRESS:
                if _apply_progress(session, item.data):
                    stats["progress"] += 1
            elif item.kind == FeedKind.REFERRAL:
                if not store_feed_referral(session, item.data):
                    stats["ignored"] += 1
            else:
                stats["ignored"] += 1  # a kind from a newer protocol minor version
        if parked:
            _apply_parked(session, parked, pending, resolver, stats, caught_up=not page.has_more)
        set_state(session, PARKED_KEY, json.dumps(parked, ensure_ascii=False))
        set_state(session, CURSOR_KEY, page.next_cursor)
        if page.items:
            record_audit(session, desk.actor, "sync_pull", detail={
                "records": stats["records"], "progress": stats["progress"], "catalog": stats["catalog"]})
    return PageApplied(**stats)


def _parked(session: Session) -> dict[str, dict[str, Any]]:
    raw = get_state(session, PARKED_KEY)
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def parked_count(desk: Desk) -> int:
    """How many feed records wait here for the record they belong to."""
    with desk.store.read() as session:
        return len(_parked(session))


def _apply_parked(session: Session, parked: dict[str, dict[str, Any]], pending: set[str],
                  resolver: ForeignKeyResolver, stats: dict[str, Any], *, caught_up: bool) -> None:
    """Apply the kept records whose parent is here now; a chain (a booking, its appointment, its job seeker)
    settles in as many rounds as it is long. Once the feed is read to its end (``caught_up``), a record missing
    only an optional link is shown without it and stays kept, to be written again when the parent comes."""
    progress = True
    while progress and parked:
        progress = False
        entries = sorted(((k, p.FeedItem.model_validate({f: v for f, v in raw.items() if f != SHOWN}),
                           bool(raw.get(SHOWN))) for k, raw in parked.items()), key=lambda e: _dependency_rank(e[1]))
        for key, item, shown in entries:
            resolver.forget_missing()
            outcome = _apply_record(session, item, pending, resolver, again=shown)
            if outcome == WAITS:
                continue
            parked.pop(key, None)
            stats[outcome] += 1
            if outcome == "records":
                progress = True
                if item.entity == Entity.APPOINTMENT_BOOKING:
                    stats["double_booked"] += int(shared_booking_arrived(session, item.entity_id or ""))
    if not caught_up:
        return
    for raw in list(parked.values()):
        if raw.get(SHOWN):
            continue
        item = p.FeedItem.model_validate(raw)
        if _apply_record(session, item, pending, resolver, optional_links=False) == "records":
            raw[SHOWN] = True
            stats["records"] += 1


def _dependency_rank(item: p.FeedItem) -> int:
    if item.kind != FeedKind.RECORD:
        return 2
    ranks: dict[str, int] = {Entity.JOB_SEEKER: 0, Entity.APPOINTMENT: 1, Entity.APPOINTMENT_BOOKING: 3}
    return ranks.get(item.entity or "", 2)


def _pool(session: Session, desk: Desk) -> LicensePool:
    program = desk.profile.program
    pool = session.get(LicensePool, program.id)
    if pool is None:
        pool = LicensePool(program_id=program.id, pool_size=program.license_pool or 0, issued_statewide=0,
                           block_size=desk.settings.default_offline_license_block, block_used=0,
                           updated_at=utcnow())
        session.add(pool)
        session.flush()
    return pool


def _apply_record(session: Session, item: p.FeedItem, pending: set[str], resolver: ForeignKeyResolver, *,
                  again: bool = False, optional_links: bool = True) -> str:
    """``again``: this version is already shown here without an optional link; write it again once the link's
    record has come. ``optional_links=False``: wait only for required parents (store without optional links)."""
    entity, entity_id, version = item.entity or "", item.entity_id or "", item.version
    model = LOCAL_MODELS.get(entity)
    if model is None or not entity_id or version is None or item.deleted:
        return "ignored"
    if entity_id in pending:
        # This device changed the record too and has not had the server's answer: leave both versions for the
        # conflict step to show side by side, rather than overwrite the counselor's edit here. A conflict already
        # waiting for the counselor shows the server's newest copy, so "keep theirs" takes that one (the feed
        # will not bring this version again).
        for entry in session.scalars(select(OutboxEntry).where(
                OutboxEntry.entity == entity, OutboxEntry.entity_id == entity_id,
                OutboxEntry.status == OutboxState.CONFLICT)):
            shown = (entry.server_version or {}).get("version")
            if not isinstance(shown, int) or shown < version:
                entry.server_version = dict(item.data) | {"version": version}
        return "skipped_local_changes"
    local = session.get(model, entity_id)
    local_version = int(getattr(local, "version", 0) or 0) if local is not None else None
    if local_version is not None and local_version >= version and not (again and local_version == version):
        return "ignored"
    if (local is None or again) and waits_for_parent(session, entity=entity, entity_id=entity_id, data=item.data,
                                                     center_name=item.center, resolver=resolver,
                                                     optional_links=optional_links):
        return WAITS  # kept until the record it belongs to arrives (a later page)
    if entity == Entity.LICENSE_ISSUANCE:  # the invitation-file mark (issue 12) names a batch made elsewhere
        ensure_batch_known(session, item.data)
    row = apply_server_record(session, entity=entity, entity_id=entity_id, data=item.data, version=version,
                              center_name=item.center, resolver=resolver)
    if row is None:
        return "ignored"
    if isinstance(row, JobSeeker) and row.updated_at is None:
        row.updated_at = utcnow()
    if isinstance(row, Appointment) and not resolver.exists("app_user", str(item.data.get("counselor_id") or "")):
        # Another desk's counselor has it now (issue 16: the center's appointments are shared): not this
        # device's, so it is not "unfinished" here.
        row.counselor_id = None
    return "records"


def _apply_progress(session: Session, data: dict[str, Any]) -> bool:
    course = data.get("course_name")
    if not isinstance(course, str) or not course:
        return False
    email = data.get("email") or None
    external = data.get("external_id") or None
    row = session.get(LearnerProgress, str(data.get("id") or ""))
    if row is None:
        query = select(LearnerProgress).where(LearnerProgress.course_name == course)
        query = query.where(LearnerProgress.email == email if email else LearnerProgress.email.is_(None))
        query = query.where(LearnerProgress.external_id == external if external
                            else LearnerProgress.external_id.is_(None))
        row = session.scalar(query.limit(1))
    if row is None:
        row = LearnerProgress(course_name=course)
        if data.get("id"):
            row.id = str(data["id"])
        session.add(row)
    seeker_id = data.get("job_seeker_id")
    has_seeker = isinstance(seeker_id, str) and session.get(JobSeeker, seeker_id) is not None
    columns = LearnerProgress.__table__.columns
    row.job_seeker_id = seeker_id if has_seeker else None
    row.matched = has_seeker
    row.external_id = external
    row.email = email
    row.learner_name = data.get("learner_name")
    row.program_name = data.get("program_name")
    row.course_name = course
    row.enrollment_time = to_column_value(columns["enrollment_time"], data.get("enrollment_time"))
    row.completion_time = to_column_value(columns["completion_time"], data.get("completion_time"))
    row.completed = bool(data.get("completed"))
    row.learning_hours = float(data.get("learning_hours") or 0.0)
    row.course_grade = to_column_value(columns["course_grade"], data.get("course_grade"))
    row.updated_at = utcnow()
    return True
