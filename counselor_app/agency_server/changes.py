"""Applying devices' changes. The guarantees the desktop relies on live here:

* a change id is answered once: its first result is stored with a fingerprint of its content, a replay gets
  that result back, and the same id with other content is rejected;
* an update made on an older version than the server's is a conflict, never an overwrite;
* a bad change is rejected on its own and never fails the rest of its batch."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any, cast

from email_validator import SPECIAL_USE_DOMAIN_NAMES
from sqlalchemy import String, Table, any_, bindparam, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counselor_app.agency_server.admission import client_gone
from counselor_app.agency_server.calendar_rules import booking_refusal
from counselor_app.agency_server.common import (
    CONSUMED_LICENSE,
    LICENSE_STATUSES,
    LIVE_LICENSE,
    MAX_PAYLOAD_CHARS,
    ClientGone,
    Principal,
    Unprocessable,
    _Batch,
    _chunks,
    _Known,
    _parse_date,
    _Rec,
    _rejected,
)
from counselor_app.agency_server.db import insert_rows, lock_pools
from counselor_app.agency_server.feed import FeedService
from counselor_app.agency_server.models import (
    ChangeLog,
    DeviceBlock,
    License,
    ServerRecord,
)
from counselor_app.core import validation
from counselor_app.core.vocabulary import (
    ChangeOp,
    ChangeResultStatus,
    Entity,
    FeedKind,
    LicenseStatus,
    RejectReason,
)
from counselor_app.sync import protocol as p
from counselor_app.sync.payloads import payload_problem

log = logging.getLogger(__name__)

# Planner statistics are refreshed (``ServerStore.refresh_statistics``) after this many batches per process.
STATISTICS_EVERY_BATCHES = 2000


class ChangeService(FeedService):
    """Applying pushed batches of outbox changes."""

    _batches_since_statistics = 0

    # -- pushing changes -----------------------------------------------------------------------------------
    def apply_changes(self, principal: Principal, batch: p.ChangeBatch) -> p.ChangeBatchResult:
        """Apply ``batch`` in order. Raises ``Unprocessable`` (422, nothing applied) when a payload is not its
        entity's schema (``sync.payloads``); every other refusal is a per-change ``rejected`` result."""
        problems = []
        for index, change in enumerate(batch.changes):
            problem = payload_problem(change.entity, change.op, change.payload)
            if problem:
                problems.append(f"changes[{index}] ({change.entity[:40]} {change.entity_id[:36]}): {problem}")
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            raise Unprocessable(" ".join(problems[:3]) + more)
        try:
            results = self._apply_batch(principal, batch, careful=False)
        except DBAPIError as exc:
            if _is_lock_error(exc):
                raise
            # Something in the batch broke a database rule we did not foresee. Try again one change at a time,
            # each in its own savepoint, so the rest of the batch still goes through.
            log.warning("batch of %d changes failed as a whole (%s); applying one by one",
                        len(batch.changes), type(exc.orig).__name__ if exc.orig else type(exc).__name__)
            results = self._apply_batch(principal, batch, careful=True)
        return p.ChangeBatchResult(results=results, server_time=self.clock())

    def _apply_batch(self, principal: Principal, batch: p.ChangeBatch, *, careful: bool) -> list[p.ChangeResult]:
        now = self.clock()
        results: list[p.ChangeResult] = []
        # No autoflush: the batch's reads are a few set-based queries up front (``_prefetch``), and its writes go
        # to the database together at the end, not one flush per query in between.
        with self.store.session() as session, session.no_autoflush:
            ctx = _Batch(principal=principal, device_id=batch.device_id, now=now)
            # Records first (locked on PostgreSQL until the commit), then the change ids: a retry that arrives
            # while its first attempt is still running waits here and then finds that attempt's results.
            self._prefetch(session, ctx, batch.changes)
            known = self._known_changes(session, [c.change_id for c in batch.changes])
            self._prefetch_licenses(session, ctx, batch.changes)
            # Records whose earlier change in this batch did not apply: their later changes wait. Records that
            # depend on a job seeker wait only if the job seeker's creation was refused (it is not here).
            blocked: set[str] = set()
            refused: set[str] = set()
            for change in batch.changes:
                fingerprint, encoded_chars = p.change_fingerprint_sized(change)
                prior = known.get(change.change_id)
                if prior is not None:
                    if prior.user_id != principal.user_id:
                        # A change id belongs to the user who first sent it: nobody learns another's result.
                        results.append(_rejected(change, p.REJECT_FORBIDDEN, "This change id was first sent by "
                                                 "another user; it was not applied."))
                    elif prior.fingerprint != fingerprint:
                        results.append(_rejected(change, p.REJECT_PAYLOAD_MISMATCH, "This change was already "
                                                 "received with different content; it was not applied again."))
                    else:
                        results.append(p.ChangeResult.model_validate(prior.result))
                        if prior.status in (ChangeResultStatus.CONFLICT, ChangeResultStatus.REJECTED):
                            blocked.add(change.entity_id)
                        if prior.status == ChangeResultStatus.REJECTED and change.op == ChangeOp.CREATE:
                            refused.add(change.entity_id)
                    continue
                depends_on = change.payload.get("job_seeker_id")
                if change.entity_id in blocked or (isinstance(depends_on, str) and depends_on in refused):
                    results.append(_rejected(change, p.REJECT_BLOCKED, "An earlier change to the same record "
                                             "was not applied; this one waits for it."))
                    continue
                if client_gone():
                    raise ClientGone("The client went away; the batch was rolled back.")
                if careful:
                    saved = ctx.snapshot()
                    try:
                        with session.begin_nested():
                            result = self._apply_one(session, ctx, change, encoded_chars)
                            self._write_records(session, ctx)
                    except DBAPIError as exc:
                        if _is_lock_error(exc):
                            raise
                        ctx.restore(saved)
                        ctx.record_writes.clear()
                        ctx.records.pop((change.entity, change.entity_id), None)
                        result = _rejected(change, p.REJECT_INVALID, "The server could not store this change "
                                           "(it breaks a rule of the agency's database).")
                else:
                    result = self._apply_one(session, ctx, change, encoded_chars)
                if result.status in (ChangeResultStatus.CONFLICT, ChangeResultStatus.REJECTED):
                    blocked.add(change.entity_id)
                if result.status == ChangeResultStatus.REJECTED and change.op == ChangeOp.CREATE:
                    refused.add(change.entity_id)
                answer = result.model_dump(mode="json", exclude_none=True)
                ctx.change_rows.append({"change_id": change.change_id, "fingerprint": fingerprint,
                                        "device_id": batch.device_id, "user_id": principal.user_id,
                                        "entity": change.entity[:40], "entity_id": change.entity_id,
                                        "op": change.op, "status": result.status, "result": answer,
                                        "received_at": now})
                known[change.change_id] = _Known(principal.user_id, fingerprint, result.status, answer)
                results.append(result)
            if client_gone():  # last chance before the commit: nobody would learn the results
                raise ClientGone("The client went away; the batch was rolled back.")
            self._write_records(session, ctx)
            if ctx.change_rows:
                insert_rows(session, ChangeLog.__table__, ctx.change_rows)
                ctx.change_rows.clear()
            self._publish_feed(session, ctx)
            self._batches_since_statistics += 1
        if self._batches_since_statistics >= STATISTICS_EVERY_BATCHES:
            self._batches_since_statistics = 0
            try:
                self.store.refresh_statistics()
            except DBAPIError as exc:  # statistics are an optimization: never fail a batch over them
                log.warning("refreshing planner statistics failed: %s", type(exc.orig).__name__)
        return results

    @staticmethod
    def _known_changes(session: Session, change_ids: list[str]) -> dict[str, _Known]:
        known: dict[str, _Known] = {}
        unique = list(dict.fromkeys(change_ids))
        for chunk in _chunks(unique):
            for change_id, user_id, fingerprint, status, result in session.execute(
                    select(ChangeLog.change_id, ChangeLog.user_id, ChangeLog.fingerprint, ChangeLog.status,
                           ChangeLog.result).where(_among(session, ChangeLog.change_id, chunk))):
                known[change_id] = _Known(user_id, fingerprint, status, result)
        return known

    @staticmethod
    def _write_records(session: Session, ctx: _Batch) -> None:
        """Write the records the batch created or changed: one multi-row INSERT for the new ones and one
        executemany UPDATE (pipelined on PostgreSQL) for the changed ones, then the ORM's few license and block
        rows. No unit of work over hundreds of objects."""
        if ctx.record_writes:
            new_rows = []
            changed_rows = []
            for rec in ctx.record_writes.values():
                if rec.stored:
                    changed_rows.append({"k_entity": rec.entity, "k_entity_id": rec.entity_id, "version": rec.version,
                                         "center_id": rec.center_id, "email_lc": rec.email_lc, "data": rec.data,
                                         "deleted": rec.deleted, "origin_device": rec.origin_device,
                                         "updated_at": rec.updated_at, "updated_by": rec.updated_by})
                else:
                    new_rows.append(rec.row())
                    rec.stored = True
            ctx.record_writes.clear()
            if new_rows:
                insert_rows(session, ServerRecord.__table__, new_rows)
            if changed_rows:
                table = cast(Table, ServerRecord.__table__)
                session.execute(update(table).where(
                    table.c.entity == bindparam("k_entity"), table.c.entity_id == bindparam("k_entity_id")
                ).values({name: bindparam(name) for name in ("version", "center_id", "email_lc", "data", "deleted",
                                                            "origin_device", "updated_at", "updated_by")}),
                    changed_rows)
        session.flush()

    @staticmethod
    def _prefetch(session: Session, ctx: _Batch, changes: Sequence[p.Change]) -> None:
        """Read every record the batch names (and the job seekers its records belong to) in one query per
        entity and chunk. On PostgreSQL the rows are locked until the commit, in key order, so two batches that
        change the same record take turns (neither overwrites the other) while all others run side by side."""
        by_entity: dict[str, set[str]] = {}
        for change in changes:
            by_entity.setdefault(change.entity, set()).add(change.entity_id)
            seeker = change.payload.get("job_seeker_id")
            if isinstance(seeker, str):
                by_entity.setdefault("job_seeker", set()).add(seeker)
        for entity in sorted(by_entity):
            id_list = sorted(by_entity[entity])
            for key in id_list:
                ctx.records[(entity, key)] = None
            for chunk in _chunks(id_list):
                query = (select(*_REC_COLUMNS).where(ServerRecord.entity == entity,
                                                     _among(session, ServerRecord.entity_id, chunk))
                         .order_by(ServerRecord.entity_id).with_for_update())
                for row in session.execute(query):
                    ctx.records[(entity, row[1])] = _Rec(*row, stored=True)

    @staticmethod
    def _prefetch_licenses(session: Session, ctx: _Batch, changes: Sequence[p.Change]) -> None:
        """The license rule's inputs for the whole batch, set-based: the projections of the licenses it names
        and every live license of the job seekers it issues to (one query per chunk each), then the shared pool
        locks of its programs (``db.lock_pools``)."""
        issuance_ids = sorted({c.entity_id for c in changes if c.entity == Entity.LICENSE_ISSUANCE})
        if not issuance_ids:
            return
        for key in issuance_ids:
            ctx.licenses[key] = None
        for chunk in _chunks(issuance_ids):
            for lic in session.scalars(select(License).where(License.issuance_id.in_(chunk))):
                ctx.licenses[lic.issuance_id] = lic
        seekers: set[str] = set()
        programs: set[str] = set()
        for change in changes:
            if change.entity != Entity.LICENSE_ISSUANCE:
                continue
            rec = ctx.records.get(("license_issuance", change.entity_id))
            known = ctx.licenses.get(change.entity_id)
            for source in (change.payload, rec.data if rec is not None else {},
                           {"job_seeker_id": known.job_seeker_id, "program_id": known.program_id} if known else {}):
                if isinstance(source.get("job_seeker_id"), str):
                    seekers.add(source["job_seeker_id"])
                if isinstance(source.get("program_id"), str):
                    programs.add(source["program_id"])
        for chunk in _chunks(sorted(seekers)):
            for issuance_id, seeker_id, program_id in session.execute(
                    select(License.issuance_id, License.job_seeker_id, License.program_id).where(
                        License.job_seeker_id.in_(chunk), License.status.in_(LIVE_LICENSE))):
                ctx.live_licenses.setdefault((seeker_id, program_id), set()).add(issuance_id)
        ctx.live_seekers |= seekers
        lock_pools(session, programs - ctx.locked_programs, exclusive=False)
        ctx.locked_programs |= programs

    def _record(self, session: Session, ctx: _Batch, entity: str, entity_id: str) -> _Rec | None:
        key = (entity, entity_id)
        if key not in ctx.records:
            row = session.execute(select(*_REC_COLUMNS).where(ServerRecord.entity == entity,
                                                              ServerRecord.entity_id == entity_id)).first()
            ctx.records[key] = _Rec(*row, stored=True) if row is not None else None
        return ctx.records[key]

    def _apply_one(self, session: Session, ctx: _Batch, change: p.Change,
                   encoded_chars: int | None = None) -> p.ChangeResult:
        """``encoded_chars``: the length of the change's canonical JSON (the fingerprint's), which bounds the
        payload's: only a change longer than the limit has its payload encoded again to measure it."""
        if change.entity not in p.SYNCED_ENTITIES:
            return _rejected(change, p.REJECT_UNKNOWN_ENTITY, f"The server does not take '{change.entity[:40]}' "
                             "records.")
        if ((encoded_chars is None or encoded_chars > MAX_PAYLOAD_CHARS)
                and len(p.canonical_json(change.payload)) > MAX_PAYLOAD_CHARS):
            return _rejected(change, p.REJECT_INVALID, "This record is too large for the server.")
        if "id" in change.payload and change.payload["id"] != change.entity_id:
            return _rejected(change, p.REJECT_INVALID, "The record's id does not match the change.")
        principal = ctx.principal
        problem = _validate_payload(change)
        if problem:
            return _rejected(change, p.REJECT_INVALID, problem)
        seeker_id = change.payload.get("job_seeker_id")
        if change.entity != Entity.JOB_SEEKER and isinstance(seeker_id, str):
            seeker = self._record(session, ctx, "job_seeker", seeker_id)
            if seeker is None or seeker.deleted:
                return _rejected(change, p.REJECT_NOT_FOUND, "The job seeker this record belongs to has not "
                                 "reached the server; send the job seeker's record first.",
                                 missing=None if seeker is not None else ("job_seeker", seeker_id))
            if not principal.is_administrator and seeker.center_id != principal.center_id:
                return _rejected(change, p.REJECT_FORBIDDEN, "This job seeker belongs to another center.")
        rec = self._record(session, ctx, change.entity, change.entity_id)
        if rec is not None and not principal.is_administrator and rec.center_id != principal.center_id:
            return _rejected(change, p.REJECT_FORBIDDEN, "This record belongs to another center.")
        if change.entity == Entity.APPOINTMENT_BOOKING and change.op != ChangeOp.DELETE:  # issue 16
            refusal = booking_refusal(session, center_id=rec.center_id if rec is not None else principal.center_id,
                                      booking_id=change.entity_id, data=(rec.data if rec is not None else {})
                                      | change.payload)
            if refusal:
                return _rejected(change, p.REJECT_RULE, refusal)

        if change.op == ChangeOp.CREATE:
            if rec is not None:
                mine = {k: v for k, v in change.payload.items() if k != "version"}
                if (not rec.deleted and rec.version == _sent_version(change, 1)
                        and all(rec.data.get(k) == v for k, v in mine.items())):
                    return p.ChangeResult(change_id=change.change_id, status=ChangeResultStatus.DUPLICATE, server_version=rec.version)
                return self._conflict(change, rec)
            if change.entity == Entity.LICENSE_ISSUANCE:
                refusal = self._license_rule(session, ctx, change.entity_id, change.payload)
                if refusal:
                    return _rejected(change, p.REJECT_RULE, refusal)
            # A record re-sent by a device after the server lost it (restored from a backup) keeps the version
            # the device knows, so the device's later changes still line up with the server's numbering.
            first = _sent_version(change, 1)
            data = dict(change.payload) | {"id": change.entity_id, "version": first}
            rec = _Rec(change.entity, change.entity_id, first, principal.center_id, _email_key(change.entity, data),
                       data, False, ctx.device_id, ctx.now, ctx.now, principal.user_id)
            ctx.records[(change.entity, change.entity_id)] = rec
            ctx.record_writes[(change.entity, change.entity_id)] = rec
            self._after_write(session, ctx, rec, previous_status=None)
            return p.ChangeResult(change_id=change.change_id, status=ChangeResultStatus.APPLIED, server_version=first)

        if rec is None or rec.deleted:
            return _rejected(change, p.REJECT_NOT_FOUND, "This record is not on the server, so it cannot be "
                             "changed there; the record itself must be sent first.",
                             missing=None if rec is not None else (change.entity, change.entity_id))
        if change.base_version is None:
            return _rejected(change, p.REJECT_INVALID, "A change to an existing record must say which version it "
                             "was made on.")
        if rec.version != change.base_version:
            return self._conflict(change, rec)
        previous_status = rec.data.get("status")
        if change.entity == Entity.LICENSE_ISSUANCE and change.op == ChangeOp.UPDATE:
            status = change.payload.get("status")
            if status in LIVE_LICENSE and previous_status not in LIVE_LICENSE:
                refusal = self._license_rule(session, ctx, change.entity_id, rec.data | change.payload)
                if refusal:
                    return _rejected(change, p.REJECT_RULE, refusal)
        version = max(rec.version + 1, _sent_version(change, 0))
        data = dict(rec.data)
        if change.op == ChangeOp.DELETE:
            rec.deleted = True
        else:
            data.update(change.payload)
        data["version"] = version
        rec.data = data
        rec.version = version
        rec.email_lc = _email_key(change.entity, data)
        rec.origin_device = ctx.device_id
        rec.updated_at = ctx.now
        rec.updated_by = principal.user_id
        ctx.record_writes[(change.entity, change.entity_id)] = rec
        self._after_write(session, ctx, rec, previous_status=previous_status)
        return p.ChangeResult(change_id=change.change_id, status=ChangeResultStatus.APPLIED, server_version=version)

    @staticmethod
    def _conflict(change: p.Change, rec: _Rec) -> p.ChangeResult:
        record = dict(rec.data) | {"version": rec.version}
        return p.ChangeResult(change_id=change.change_id, status=ChangeResultStatus.CONFLICT, server_version=rec.version,
                              server_record=record, reason_code=RejectReason.VERSION,
                              reason="Someone else changed this record first.")

    def _license_rule(self, session: Session, ctx: _Batch, issuance_id: str, data: dict[str, Any]) -> str | None:
        """One live license per job seeker per program, statewide. Answered from what ``_prefetch_licenses``
        read for the whole batch (kept current as the batch applies), not one query per license; on PostgreSQL
        a batch running alongside that issues the same person a license is stopped by the partial unique index
        ``uq_license_live_person``, and the batch is then applied again change by change."""
        if data.get("status") not in LIVE_LICENSE:
            return None
        seeker, program = str(data.get("job_seeker_id") or ""), str(data.get("program_id") or "")
        if seeker not in ctx.live_seekers:  # not named in the batch up front (a payload without it): read it
            for other_id, program_id in session.execute(
                    select(License.issuance_id, License.program_id).where(
                        License.job_seeker_id == seeker, License.status.in_(LIVE_LICENSE))):
                ctx.live_licenses.setdefault((seeker, program_id), set()).add(other_id)
            ctx.live_seekers.add(seeker)
        if ctx.live_licenses.get((seeker, program), set()) - {issuance_id}:
            return ("This job seeker already has a license in this program, issued from another device or "
                    "center; a second one was not recorded.")
        return None

    def _after_write(self, session: Session, ctx: _Batch, rec: _Rec, *, previous_status: Any) -> None:
        if rec.entity in p.FEED_ENTITIES:
            self._feed_put(session, ctx, kind=FeedKind.RECORD, key=f"{rec.entity}:{rec.entity_id}", data={},
                           center_id=rec.center_id, origin_device=ctx.device_id)
        if rec.entity == Entity.LICENSE_ISSUANCE:
            self._project_license(session, ctx, rec, previous_status=previous_status)

    def _project_license(self, session: Session, ctx: _Batch, rec: _Rec, *, previous_status: Any) -> None:
        data = rec.data
        lic = ctx.licenses.get(rec.entity_id) if rec.entity_id in ctx.licenses else session.get(License,
                                                                                                  rec.entity_id)
        status = str(data.get("status") or "issued")
        if rec.deleted:
            status = LicenseStatus.REVOKED
        program = lic.program_id if lic is not None else str(data.get("program_id") or "")
        if program not in ctx.locked_programs:
            lock_pools(session, [program], exclusive=False)
            ctx.locked_programs.add(program)
        was_consumed = lic is not None and lic.status in CONSUMED_LICENSE
        if lic is None:
            lic = License(issuance_id=rec.entity_id, job_seeker_id=str(data.get("job_seeker_id") or ""),
                          program_id=str(data.get("program_id") or ""), status=status,
                          email=str(data.get("email") or "")[:254], issued_on=_parse_date(data.get("issued_on")),
                          center_id=rec.center_id, device_id=ctx.device_id, received_at=ctx.now)
            session.add(lic)
        else:
            lic.status = status
            lic.email = str(data.get("email") or lic.email)[:254]
        mark = data.get("invitation_batch_id")  # sent in a desk's invitation file (issue 12): never sent again
        if isinstance(mark, str) and mark and not lic.invitation_batch_id:
            lic.invitation_batch_id = mark[:36]
        ctx.licenses[rec.entity_id] = lic
        moved = int(status in CONSUMED_LICENSE) - int(was_consumed)
        if moved:
            ctx.consumed_delta[lic.program_id] = ctx.consumed_delta.get(lic.program_id, 0) + moved
        live = ctx.live_licenses.setdefault((lic.job_seeker_id, lic.program_id), set())
        if status in LIVE_LICENSE:
            live.add(lic.issuance_id)
        else:
            live.discard(lic.issuance_id)
        # The device's offline block pays for what it issued from it, so its next reservation is not double.
        from_block = previous_status is None and status == LicenseStatus.ISSUED and bool(data.get("from_device_block", True))
        approved = previous_status == LicenseStatus.PENDING_APPROVAL and status == LicenseStatus.ISSUED
        if from_block or approved:
            block = self._block(session, ctx, lic.program_id)
            if block is not None:
                block.used += 1
        if previous_status != status:
            ctx.dirty_programs.add(lic.program_id)

    def _block(self, session: Session, ctx: _Batch, program_id: str) -> DeviceBlock | None:
        if program_id not in ctx.blocks:
            block = session.get(DeviceBlock, (ctx.device_id, program_id), with_for_update=True)
            # Another user's block is not charged for what this user issued under the same device id.
            if block is not None and block.user_id is not None and block.user_id != ctx.principal.user_id:
                block = None
            ctx.blocks[program_id] = block
        return ctx.blocks[program_id]


def _among(session: Session, column: Any, values: Sequence[str]) -> Any:
    """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``, one parameter whatever the count, so the
    statement's text (and its prepared plan) is the same for every batch."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(values)


_REC_COLUMNS = (ServerRecord.entity, ServerRecord.entity_id, ServerRecord.version, ServerRecord.center_id,
                ServerRecord.email_lc, ServerRecord.data, ServerRecord.deleted, ServerRecord.origin_device,
                ServerRecord.created_at, ServerRecord.updated_at, ServerRecord.updated_by)


def _email_key(entity: str, data: dict[str, Any]) -> str | None:
    if entity != Entity.JOB_SEEKER:
        return None
    email = data.get("email")
    return str(email).strip().casefold()[:254] if email else None


def _sent_version(change: p.Change, default: int) -> int:
    """The version the device gave the record in this change (a plain 64-bit integer), else ``default``."""
    value = change.payload.get("version")
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**62 else default


# A plain ASCII address (letters, digits, ``_ % + . -`` before the @, ordinary host names after it) that the
# desk's full check (``validation.normalize_email``, email-validator) is sure to accept: the server checks such
# an address with one regular expression and leaves the full check to anything else. A property test
# (tests/agency_server/test_server_email_fast_path.py) holds the two together.
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9_%](?:[A-Za-z0-9_%+-]|\.(?!\.))*(?<!\.)@"
                          r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_SPECIAL_USE_DOMAINS = tuple(SPECIAL_USE_DOMAIN_NAMES)


def plain_email(email: str) -> bool:
    """True when ``email`` is a plain address the full check would accept as it is (see ``_PLAIN_EMAIL``)."""
    if len(email) > 254 or "--" in email.partition("@")[2] or not _PLAIN_EMAIL.fullmatch(email):
        return False
    local, _, domain = email.partition("@")
    if len(local) > 64 or len(domain) > 253:
        return False
    domain = domain.lower()
    return not any(domain == name or domain.endswith("." + name) for name in _SPECIAL_USE_DOMAINS)


def _validate_payload(change: p.Change) -> str | None:
    """Checks the server needs to keep its own rules; the desktop validated the rest already."""
    data = change.payload
    if change.entity == Entity.JOB_SEEKER:
        if change.op == ChangeOp.CREATE:  # one name is enough (issue 12: people with a single name)
            value = data.get("first_name")
            if not isinstance(value, str) or not value.strip():
                return "A job seeker needs a name."
        for name in ("first_name", "last_name"):  # the desk's rules: what the invitation file can hold as is
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                try:
                    validation.normalize_name(value, field_label=name.replace("_", " "))
                except ValueError as exc:
                    return str(exc)
        email = data.get("email")
        if email is not None and (not isinstance(email, str) or len(email) > 254 or "@" not in email):
            return "The e-mail address is not valid."
        if isinstance(email, str) and email and not plain_email(email):
            try:
                validation.normalize_email(email)
            except ValueError as exc:
                return str(exc)
    elif change.entity == Entity.LICENSE_ISSUANCE:
        if change.op == ChangeOp.CREATE:
            for name in ("job_seeker_id", "program_id", "email", "status"):
                if not isinstance(data.get(name), str) or not data.get(name):
                    return f"A license needs its {name.replace('_', ' ')}."
        status = data.get("status")
        if status is not None and status not in LICENSE_STATUSES:
            return "Unknown license status."
    return None



def _is_lock_error(exc: DBAPIError) -> bool:
    """Lock waits and dropped connections are retried by the client, not turned into rejections."""
    text = str(exc.orig).casefold() if exc.orig is not None else ""
    return bool(exc.connection_invalidated) or "locked" in text or "deadlock" in text or "serializ" in text
