"""What the reference server does, independent of HTTP: the API and the CLI both call ``AgencyService``.

The guarantees the desktop relies on live here:

* a change id is answered once: its first result is stored with a fingerprint of its content, a replay gets
  that result back, and the same id with other content is rejected;
* an update made on an older version than the server's is a conflict, never an overwrite;
* a bad change is rejected on its own and never fails the rest of its batch;
* every writer of the changes feed holds the feed lock, so feed order is commit order.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counselor_app.agency_server import security
from counselor_app.agency_server.db import ServerStore, lock_feed, store_feed_counter
from counselor_app.agency_server.models import (
    AuditEvent,
    CatalogVersion,
    Center,
    ChangeLog,
    DeviceBlock,
    FeedEntry,
    LearnerProgress,
    License,
    LicensePool,
    LoginFailure,
    ProgressImport,
    ServerRecord,
    SessionToken,
    UserAccount,
    new_id,
    utcnow,
)
from counselor_app.core.usage_report import read_usage_report
from counselor_app.sync import protocol as p

log = logging.getLogger(__name__)

LIVE_LICENSE = ("issued", "pending_approval")
CONSUMED_LICENSE = ("issued", "inactivated")
LICENSE_STATUSES = ("issued", "pending_approval", "revoked", "inactivated")
MAX_PAYLOAD_CHARS = 200_000
MAX_PROGRESS_BYTES = 50 * 1024 * 1024
_CHUNK = 400  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


class ServiceError(Exception):
    """An error with an HTTP status; the message is safe to show to the caller."""

    status = 400


class Unauthorized(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404


class BadRequest(ServiceError):
    status = 400


class TooManyAttempts(ServiceError):
    """Sign-in refused without checking the password: too many recent failures (``security.LoginLimits``)."""

    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: int
    username: str
    display_name: str
    role: str
    center_id: int
    center: str
    device_id: str | None = None

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "administrator")

    @property
    def is_administrator(self) -> bool:
        return self.role == "administrator"


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _rejected(change: p.Change, code: str, reason: str) -> p.ChangeResult:
    return p.ChangeResult(change_id=change.change_id, status="rejected", reason_code=code, reason=reason)


def csv_safe(value: Any) -> str:
    """A cell a spreadsheet will show as text, never run as a formula (OWASP: = + - @ tab CR)."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@dataclass
class _Batch:
    """What one batch has looked up so far, so each record is read once per batch."""

    principal: Principal
    device_id: str
    now: datetime
    seq: int
    records: dict[tuple[str, str], ServerRecord | None] = field(default_factory=dict)
    feed: dict[tuple[str, str], FeedEntry | None] = field(default_factory=dict)
    licenses: dict[str, License | None] = field(default_factory=dict)
    blocks: dict[str, DeviceBlock | None] = field(default_factory=dict)
    dirty_programs: set[str] = field(default_factory=set)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


class AgencyService:
    def __init__(self, store: ServerStore, *, token_ttl: timedelta = timedelta(hours=12),
                 clock: Callable[[], datetime] = utcnow,
                 login_limits: security.LoginLimits | None = None) -> None:
        self.store = store
        self.token_ttl = token_ttl
        self.clock = clock
        self.login_limits = login_limits or security.LoginLimits()

    # -- users and centers ---------------------------------------------------------------------------------
    @staticmethod
    def _center(session: Session, name: str) -> Center:
        center = session.scalar(select(Center).where(Center.name == name))
        if center is None:
            center = Center(name=name)
            session.add(center)
            session.flush()
        return center

    def add_user(self, *, username: str, role: str, center: str, password: str,
                 display_name: str | None = None) -> bool:
        """Create the account, or reset its password, role and center. Returns True when it was created."""
        username = username.strip()
        if not username or len(username) > 120:
            raise BadRequest("Give a user name of 1 to 120 characters.")
        if role not in p.ROLES:
            raise BadRequest("The role must be counselor, supervisor, administrator or partner.")
        if not center.strip():
            raise BadRequest("Give the user's center.")
        problem = security.password_problem(password)
        if problem:
            raise BadRequest(problem)
        hashed = security.hash_password(password)
        with self.store.session() as session:
            center_row = self._center(session, center.strip())
            user = session.scalar(select(UserAccount).where(UserAccount.username == username))
            created = user is None
            if user is None:
                user = UserAccount(username=username, display_name=display_name or username, role=role,
                                   center_id=center_row.id, password_hash=hashed, disabled=False,
                                   created_at=self.clock())
                session.add(user)
            else:
                user.role = role
                user.center_id = center_row.id
                user.password_hash = hashed
                user.disabled = False
                if display_name:
                    user.display_name = display_name
                # A reset password ends every session the old one opened.
                for token in session.scalars(select(SessionToken).where(SessionToken.user_id == user.id)):
                    token.revoked = True
            # ... and lifts a lockout after failed sign-ins (see ``login``).
            session.execute(delete(LoginFailure).where(LoginFailure.username == username))
            session.add(AuditEvent(at=self.clock(), username=username, action="user_added" if created
                                   else "user_updated", detail={"role": role}))
        return created

    # -- sessions ------------------------------------------------------------------------------------------
    def login(self, request: p.SessionRequest, *, address: str | None = None) -> p.SessionInfo:
        """Check the password and open a session. ``address`` is the client's network address (the API passes
        it; the CLI and tests may not): it is throttled like the user name, see ``security.LoginLimits``."""
        username = request.username[:120]
        address = address[:64] if address else None
        now = self.clock()
        self._refuse_if_throttled(username, address, now)
        with self.store.read() as session:
            row = session.execute(select(UserAccount, Center.name).join(Center, Center.id == UserAccount.center_id)
                                  .where(UserAccount.username == request.username)).first()
        if row is None or row[0].disabled:
            security.burn_time_like_verify(request.password)
            ok = False
        else:
            ok = security.verify_password(request.password, row[0].password_hash)
        if not ok or row is None:
            self._record_failed_login(username, address, now)
            raise Unauthorized("The user name or password is not right.")
        user, center_name = row
        token = security.new_token()
        expires = now + self.token_ttl
        with self.store.session() as session:
            session.add(SessionToken(token_hash=security.token_digest(token), user_id=user.id,
                                     device_id=request.device_id, created_at=now, expires_at=expires,
                                     revoked=False))
            session.add(AuditEvent(at=now, username=user.username, action="login"))
            # The user's failures are forgiven; the address's are not (see ``security.LoginLimits``).
            session.execute(delete(LoginFailure).where(LoginFailure.username == user.username))
        return p.SessionInfo(token=token, username=user.username, display_name=user.display_name,
                             role=user.role, center=center_name, expires_at=expires)  # type: ignore[arg-type]

    def _lockout(self, session: Session, column: Any, value: str, limit: int, now: datetime) -> tuple[int, int]:
        """``(failures, seconds_locked)`` of one user name or address: how many of its newest ``limit`` failures
        lie within one window of the newest, and, when that is all ``limit`` of them and the newest is less than
        a window old, the seconds until it is (0: not locked)."""
        window = self.login_limits.window
        newest_first = list(session.scalars(
            select(LoginFailure.at).where(column == value, LoginFailure.at > now - 2 * window)
            .order_by(LoginFailure.at.desc()).limit(limit)))
        if not newest_first:
            return 0, 0
        last = newest_first[0]
        failures = sum(1 for at in newest_first if at > last - window)
        if failures < limit or last + window <= now:
            return failures, 0
        return failures, max(1, math.ceil((last + window - now).total_seconds()))

    def _refuse_if_throttled(self, username: str, address: str | None, now: datetime) -> None:
        limits = self.login_limits
        checks: list[tuple[Any, str, int, str]] = [
            (LoginFailure.username, username, limits.max_failures_per_user, "user")]
        if address:
            checks.append((LoginFailure.address, address, limits.max_failures_per_address, "address"))
        with self.store.read() as session:
            for column, value, limit, kind in checks:
                if not limit:
                    continue
                failures, seconds = self._lockout(session, column, value, limit, now)
                if not seconds:
                    continue
                log.warning("sign-in refused for user %r from %s: %d failed attempts for this %s within %s",
                            username, address or "-", failures, kind, limits.window)
                wait = security.minutes_phrase(seconds)
                if kind == "user":
                    raise TooManyAttempts(
                        f"Too many failed sign-in attempts for this user. Try again in {wait}, or ask an "
                        "administrator to reset the password.", retry_after=seconds)
                raise TooManyAttempts(
                    f"Too many failed sign-in attempts from this computer's network address. Try again in {wait}.",
                    retry_after=seconds)

    def _record_failed_login(self, username: str, address: str | None, now: datetime) -> None:
        limits = self.login_limits
        with self.store.session() as session:
            session.add(AuditEvent(at=now, username=username, action="login_failed"))
            session.add(LoginFailure(username=username, address=address, at=now))
            # Forget what no lockout can depend on any more (see ``_lockout``).
            session.execute(delete(LoginFailure).where(LoginFailure.at <= now - 2 * limits.window))
            session.flush()
            failures, seconds = (self._lockout(session, LoginFailure.username, username,
                                               limits.max_failures_per_user, now)
                                 if limits.max_failures_per_user else (0, 0))
            if seconds:
                session.add(AuditEvent(at=now, username=username, action="login_locked",
                                       detail={"failures": failures}))
        # Never the password: the user name (repr, so no line breaks reach the log) and the address only.
        log.warning("sign-in failed for user %r from %s (%d of %d allowed within %s)%s", username,
                    address or "-", failures, limits.max_failures_per_user, limits.window,
                    "; further attempts are refused until the window has passed" if seconds else "")

    def authenticate(self, token: str) -> Principal:
        digest = security.token_digest(token)
        with self.store.read() as session:
            row = session.execute(
                select(SessionToken, UserAccount, Center.name)
                .join(UserAccount, UserAccount.id == SessionToken.user_id)
                .join(Center, Center.id == UserAccount.center_id)
                .where(SessionToken.token_hash == digest)).first()
        if row is None:
            raise Unauthorized("Sign in first.")
        tok, user, center_name = row
        if tok.revoked or user.disabled or tok.expires_at <= self.clock():
            raise Unauthorized("The session has ended; sign in again.")
        return Principal(user_id=user.id, username=user.username, display_name=user.display_name,
                         role=user.role, center_id=user.center_id, center=center_name, device_id=tok.device_id)

    def logout(self, token: str) -> None:
        with self.store.session() as session:
            tok = session.get(SessionToken, security.token_digest(token))
            if tok is not None:
                tok.revoked = True

    # -- pushing changes -----------------------------------------------------------------------------------
    def apply_changes(self, principal: Principal, batch: p.ChangeBatch) -> p.ChangeBatchResult:
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
        with self.store.session() as session:
            ctx = _Batch(principal=principal, device_id=batch.device_id, now=now, seq=lock_feed(session))
            known = self._known_changes(session, [c.change_id for c in batch.changes])
            self._prefetch(session, ctx, batch.changes)
            # Records whose earlier change in this batch did not apply: their later changes wait. Records that
            # depend on a job seeker wait only if the job seeker's creation was refused (it is not here).
            blocked: set[str] = set()
            refused: set[str] = set()
            for change in batch.changes:
                fingerprint = p.change_fingerprint(change)
                prior = known.get(change.change_id)
                if prior is not None:
                    if prior.fingerprint != fingerprint:
                        results.append(_rejected(change, p.REJECT_PAYLOAD_MISMATCH, "This change was already "
                                                 "received with different content; it was not applied again."))
                    else:
                        results.append(p.ChangeResult.model_validate(prior.result))
                        if prior.status in ("conflict", "rejected"):
                            blocked.add(change.entity_id)
                        if prior.status == "rejected" and change.op == "create":
                            refused.add(change.entity_id)
                    continue
                depends_on = change.payload.get("job_seeker_id")
                if change.entity_id in blocked or (isinstance(depends_on, str) and depends_on in refused):
                    results.append(_rejected(change, p.REJECT_BLOCKED, "An earlier change to the same record "
                                             "was not applied; this one waits for it."))
                    continue
                if careful:
                    try:
                        with session.begin_nested():
                            result = self._apply_one(session, ctx, change)
                    except DBAPIError as exc:
                        if _is_lock_error(exc):
                            raise
                        ctx.records.pop((change.entity, change.entity_id), None)
                        ctx.feed.clear()
                        ctx.licenses.clear()
                        ctx.blocks.clear()
                        result = _rejected(change, p.REJECT_INVALID, "The server could not store this change "
                                           "(it breaks a rule of the agency's database).")
                else:
                    result = self._apply_one(session, ctx, change)
                if result.status in ("conflict", "rejected"):
                    blocked.add(change.entity_id)
                if result.status == "rejected" and change.op == "create":
                    refused.add(change.entity_id)
                row = ChangeLog(change_id=change.change_id, fingerprint=fingerprint, device_id=batch.device_id,
                                user_id=principal.user_id, entity=change.entity[:40],
                                entity_id=change.entity_id, op=change.op, status=result.status,
                                result=result.model_dump(mode="json", exclude_none=True), received_at=now)
                session.add(row)
                known[change.change_id] = row
                results.append(result)
            for program_id in sorted(ctx.dirty_programs):
                self._feed_pool(session, ctx, program_id)
            store_feed_counter(session, ctx.seq)
        return results

    @staticmethod
    def _known_changes(session: Session, change_ids: list[str]) -> dict[str, ChangeLog]:
        known: dict[str, ChangeLog] = {}
        unique = list(dict.fromkeys(change_ids))
        for chunk in _chunks(unique):
            for row in session.scalars(select(ChangeLog).where(ChangeLog.change_id.in_(chunk))):
                known[row.change_id] = row
        return known

    @staticmethod
    def _prefetch(session: Session, ctx: _Batch, changes: Sequence[p.Change]) -> None:
        by_entity: dict[str, set[str]] = {}
        for change in changes:
            by_entity.setdefault(change.entity, set()).add(change.entity_id)
            seeker = change.payload.get("job_seeker_id")
            if isinstance(seeker, str):
                by_entity.setdefault("job_seeker", set()).add(seeker)
        for entity, ids in by_entity.items():
            id_list = sorted(ids)
            for key in id_list:
                ctx.records[(entity, key)] = None
            for chunk in _chunks(id_list):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == entity,
                                                                      ServerRecord.entity_id.in_(chunk))):
                    ctx.records[(entity, rec.entity_id)] = rec
        feed_keys = sorted(f"{c.entity}:{c.entity_id}" for c in changes if c.entity in p.FEED_ENTITIES)
        for key in feed_keys:
            ctx.feed[("record", key)] = None
        for chunk in _chunks(feed_keys):
            for entry in session.scalars(select(FeedEntry).where(FeedEntry.kind == "record",
                                                                 FeedEntry.key.in_(chunk))):
                ctx.feed[("record", entry.key)] = entry

    def _record(self, session: Session, ctx: _Batch, entity: str, entity_id: str) -> ServerRecord | None:
        key = (entity, entity_id)
        if key not in ctx.records:
            ctx.records[key] = session.get(ServerRecord, key)
        return ctx.records[key]

    def _apply_one(self, session: Session, ctx: _Batch, change: p.Change) -> p.ChangeResult:
        if change.entity not in p.SYNCED_ENTITIES:
            return _rejected(change, p.REJECT_UNKNOWN_ENTITY, f"The server does not take '{change.entity[:40]}' "
                             "records.")
        if len(p.canonical_json(change.payload)) > MAX_PAYLOAD_CHARS:
            return _rejected(change, p.REJECT_INVALID, "This record is too large for the server.")
        if "id" in change.payload and change.payload["id"] != change.entity_id:
            return _rejected(change, p.REJECT_INVALID, "The record's id does not match the change.")
        principal = ctx.principal
        problem = _validate_payload(change)
        if problem:
            return _rejected(change, p.REJECT_INVALID, problem)
        seeker_id = change.payload.get("job_seeker_id")
        if change.entity != "job_seeker" and isinstance(seeker_id, str):
            seeker = self._record(session, ctx, "job_seeker", seeker_id)
            if seeker is None or seeker.deleted:
                return _rejected(change, p.REJECT_NOT_FOUND, "The job seeker this record belongs to has not "
                                 "reached the server; send the job seeker's record first.")
            if not principal.is_administrator and seeker.center_id != principal.center_id:
                return _rejected(change, p.REJECT_FORBIDDEN, "This job seeker belongs to another center.")
        rec = self._record(session, ctx, change.entity, change.entity_id)
        if rec is not None and not principal.is_administrator and rec.center_id != principal.center_id:
            return _rejected(change, p.REJECT_FORBIDDEN, "This record belongs to another center.")

        if change.op == "create":
            if rec is not None:
                mine = {k: v for k, v in change.payload.items() if k != "version"}
                if not rec.deleted and rec.version == 1 and all(rec.data.get(k) == v for k, v in mine.items()):
                    return p.ChangeResult(change_id=change.change_id, status="duplicate", server_version=rec.version)
                return self._conflict(change, rec)
            if change.entity == "license_issuance":
                refusal = self._license_rule(session, ctx, change.entity_id, change.payload)
                if refusal:
                    return _rejected(change, p.REJECT_RULE, refusal)
            data = dict(change.payload) | {"id": change.entity_id, "version": 1}
            rec = ServerRecord(entity=change.entity, entity_id=change.entity_id, version=1,
                               center_id=principal.center_id, email_lc=_email_key(change.entity, data), data=data,
                               deleted=False, origin_device=ctx.device_id, created_at=ctx.now, updated_at=ctx.now,
                               updated_by=principal.user_id)
            session.add(rec)
            ctx.records[(change.entity, change.entity_id)] = rec
            self._after_write(session, ctx, rec, previous_status=None)
            return p.ChangeResult(change_id=change.change_id, status="applied", server_version=1)

        if rec is None or rec.deleted:
            return _rejected(change, p.REJECT_NOT_FOUND, "This record is not on the server, so it cannot be "
                             "changed there; the record itself must be sent first.")
        if change.base_version is None:
            return _rejected(change, p.REJECT_INVALID, "A change to an existing record must say which version it "
                             "was made on.")
        if rec.version != change.base_version:
            return self._conflict(change, rec)
        previous_status = rec.data.get("status")
        if change.entity == "license_issuance" and change.op == "update":
            status = change.payload.get("status")
            if status in LIVE_LICENSE and previous_status not in LIVE_LICENSE:
                refusal = self._license_rule(session, ctx, change.entity_id, rec.data | change.payload)
                if refusal:
                    return _rejected(change, p.REJECT_RULE, refusal)
        version = rec.version + 1
        data = dict(rec.data)
        if change.op == "delete":
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
        self._after_write(session, ctx, rec, previous_status=previous_status)
        return p.ChangeResult(change_id=change.change_id, status="applied", server_version=version)

    @staticmethod
    def _conflict(change: p.Change, rec: ServerRecord) -> p.ChangeResult:
        record = dict(rec.data) | {"version": rec.version}
        return p.ChangeResult(change_id=change.change_id, status="conflict", server_version=rec.version,
                              server_record=record, reason_code="version",
                              reason="Someone else changed this record first.")

    def _license_rule(self, session: Session, ctx: _Batch, issuance_id: str, data: dict[str, Any]) -> str | None:
        """One live license per job seeker per program, statewide."""
        if data.get("status") not in LIVE_LICENSE:
            return None
        other = session.scalar(select(License.issuance_id).where(
            License.job_seeker_id == data.get("job_seeker_id"), License.program_id == data.get("program_id"),
            License.status.in_(LIVE_LICENSE), License.issuance_id != issuance_id).limit(1))
        if other is None:
            for lic in ctx.licenses.values():  # rows added earlier in this batch, not flushed
                if (lic is not None and lic.issuance_id != issuance_id and lic.status in LIVE_LICENSE
                        and lic.job_seeker_id == data.get("job_seeker_id")
                        and lic.program_id == data.get("program_id")):
                    other = lic.issuance_id
                    break
        if other is not None:
            return ("This job seeker already has a license in this program, issued from another device or "
                    "center; a second one was not recorded.")
        return None

    def _after_write(self, session: Session, ctx: _Batch, rec: ServerRecord, *, previous_status: Any) -> None:
        if rec.entity in p.FEED_ENTITIES:
            self._feed_put(session, ctx, kind="record", key=f"{rec.entity}:{rec.entity_id}", data={},
                           center_id=rec.center_id, origin_device=ctx.device_id)
        if rec.entity == "license_issuance":
            self._project_license(session, ctx, rec, previous_status=previous_status)

    def _project_license(self, session: Session, ctx: _Batch, rec: ServerRecord, *, previous_status: Any) -> None:
        data = rec.data
        lic = ctx.licenses.get(rec.entity_id) if rec.entity_id in ctx.licenses else session.get(License,
                                                                                                  rec.entity_id)
        status = str(data.get("status") or "issued")
        if rec.deleted:
            status = "revoked"
        if lic is None:
            lic = License(issuance_id=rec.entity_id, job_seeker_id=str(data.get("job_seeker_id") or ""),
                          program_id=str(data.get("program_id") or ""), status=status,
                          email=str(data.get("email") or "")[:254], issued_on=_parse_date(data.get("issued_on")),
                          center_id=rec.center_id, device_id=ctx.device_id, received_at=ctx.now)
            session.add(lic)
        else:
            lic.status = status
            lic.email = str(data.get("email") or lic.email)[:254]
        ctx.licenses[rec.entity_id] = lic
        # The device's offline block pays for what it issued from it, so its next reservation is not double.
        from_block = previous_status is None and status == "issued" and bool(data.get("from_device_block", True))
        approved = previous_status == "pending_approval" and status == "issued"
        if from_block or approved:
            block = self._block(session, ctx, lic.program_id)
            if block is not None:
                block.used += 1
        if previous_status != status:
            ctx.dirty_programs.add(lic.program_id)

    def _block(self, session: Session, ctx: _Batch, program_id: str) -> DeviceBlock | None:
        if program_id not in ctx.blocks:
            ctx.blocks[program_id] = session.get(DeviceBlock, (ctx.device_id, program_id))
        return ctx.blocks[program_id]

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
        self._feed_put(session, ctx, kind="license_pool", key=program_id, data=data)

    # -- the changes feed ----------------------------------------------------------------------------------
    def feed_page(self, principal: Principal, *, since: str | None, limit: int,
                  device_id: str | None = None) -> p.FeedPage:
        try:
            after = int(since) if since else 0
        except ValueError:
            raise BadRequest("The cursor is not one this server gave out.") from None
        limit = max(1, min(limit, p.MAX_PAGE))
        device = device_id or principal.device_id
        query = select(FeedEntry).where(FeedEntry.seq > after)
        if device:
            query = query.where(or_(FeedEntry.origin_device.is_(None), FeedEntry.origin_device != device),
                                or_(FeedEntry.only_device.is_(None), FeedEntry.only_device == device))
        else:
            query = query.where(FeedEntry.only_device.is_(None))
        if not principal.is_administrator:
            query = query.where(or_(FeedEntry.center_id == principal.center_id,
                                    FeedEntry.kind.in_(("catalog", "license_pool", "license_block"))))
        if not principal.is_supervisor:
            query = query.where(FeedEntry.kind != "progress")
        with self.store.read() as session:
            rows = list(session.scalars(query.order_by(FeedEntry.seq).limit(limit)))
            record_keys = [tuple(r.key.split(":", 1)) for r in rows if r.kind == "record"]
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
            if row.kind == "record":
                entity, entity_id = row.key.split(":", 1)
                found = records.get((entity, entity_id))
                if found is None:
                    continue
                items.append(p.FeedItem(kind="record", key=row.key, entity=entity, entity_id=entity_id,
                                        version=found.version, deleted=found.deleted,
                                        center=centers.get(found.center_id) if found.center_id else None,
                                        data=found.data))
            else:
                items.append(p.FeedItem(kind=row.kind, key=row.key,  # type: ignore[arg-type]
                                        center=centers.get(row.center_id) if row.center_id else None,
                                        data=row.data))
        next_cursor = str(rows[-1].seq) if rows else str(after)
        return p.FeedPage(items=items, next_cursor=next_cursor, has_more=len(rows) == limit)

    # -- license blocks ------------------------------------------------------------------------------------
    def reserve_block(self, principal: Principal, request: p.BlockRequest) -> p.BlockGrant:
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=principal, device_id=request.device_id, now=now, seq=lock_feed(session))
            pool = session.get(LicensePool, request.program_id)
            if pool is None:
                pool = LicensePool(program_id=request.program_id, pool_size=request.pool_size_hint or None,
                                   updated_at=now)
                session.add(pool)
                session.flush()
            pool_size, issued = self._pool_counts(session, request.program_id)
            others = session.scalars(select(DeviceBlock).where(DeviceBlock.program_id == request.program_id,
                                                               DeviceBlock.device_id != request.device_id))
            outstanding = sum(max(0, b.block_size - b.used) for b in others)
            if pool_size:
                granted = max(0, min(request.requested, pool_size - issued - outstanding))
            else:
                granted = request.requested
            block = session.get(DeviceBlock, (request.device_id, request.program_id))
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
            self._feed_put(session, ctx, kind="license_block", key=f"{request.device_id}:{request.program_id}",
                           data=grant.model_dump(mode="json"), only_device=request.device_id)
            self._feed_pool(session, ctx, request.program_id)
            store_feed_counter(session, ctx.seq)
            session.add(AuditEvent(at=now, username=principal.username, action="license_block",
                                   detail={"program_id": request.program_id, "granted": granted}))
        return grant

    def set_pool(self, program_id: str, pool_size: int | None) -> None:
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now, seq=lock_feed(session))
            pool = session.get(LicensePool, program_id)
            if pool is None:
                session.add(LicensePool(program_id=program_id, pool_size=pool_size, updated_at=now))
            else:
                pool.pool_size = pool_size
                pool.updated_at = now
            self._feed_pool(session, ctx, program_id)
            store_feed_counter(session, ctx.seq)

    # -- administration ------------------------------------------------------------------------------------
    def publish_catalog(self, catalog: dict[str, Any], *, by: str | None) -> p.CatalogPublished:
        if not isinstance(catalog, dict) or not catalog:
            raise BadRequest("The catalog must be a JSON object.")
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now, seq=lock_feed(session))
            version = int(session.scalar(select(func.max(CatalogVersion.version))) or 0) + 1
            session.add(CatalogVersion(version=version, data=catalog, published_at=now, published_by=by))
            self._feed_put(session, ctx, kind="catalog", key="current",
                           data={"catalog_version": version, "published_at": now.isoformat(), "catalog": catalog})
            store_feed_counter(session, ctx.seq)
            session.add(AuditEvent(at=now, username=by, action="catalog_published", detail={"version": version}))
        return p.CatalogPublished(catalog_version=version, published_at=now)

    def import_progress(self, data: bytes | str, *, file_name: str, by: str | None) -> p.ProgressImportResult:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if len(raw) > MAX_PROGRESS_BYTES:
            raise BadRequest("The progress file is larger than 50 MB; split it and import the parts.")
        # The desk's parser: same columns, dates and refusals (every bad cell by row and column) on both sides.
        parsed = read_usage_report(raw, name=file_name)
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now, seq=lock_feed(session))
            imp = ProgressImport(file_name=file_name[:260], sha256=hashlib.sha256(raw).hexdigest(),
                                 rows=len(parsed.rows), imported_by=by, imported_at=now)
            session.add(imp)
            session.flush()
            by_external: dict[str, ServerRecord] = {}
            by_email: dict[str, ServerRecord] = {}
            externals = sorted({ln.external_id for ln in parsed.rows if ln.external_id})
            emails = sorted({ln.email for ln in parsed.rows if ln.email})
            for chunk in _chunks(externals):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.entity_id.in_(chunk))):
                    by_external[rec.entity_id] = rec
            for chunk in _chunks(emails):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.email_lc.in_(chunk))):
                    by_email.setdefault(rec.email_lc or "", rec)
            matched = 0
            for line in parsed.rows:
                seeker = (by_external.get(line.external_id or "") or by_email.get(line.email or ""))
                course = line.course_name[:300]
                key = f"{line.external_id or ''}|{line.email or ''}|{course}"[:600]
                row = session.scalar(select(LearnerProgress).where(LearnerProgress.learner_key == key))
                if row is None:
                    row = LearnerProgress(learner_key=key)
                    session.add(row)
                row.job_seeker_id = seeker.entity_id if seeker else None
                row.center_id = seeker.center_id if seeker else None
                row.external_id = line.external_id
                row.email = line.email
                row.learner_name = line.learner_name
                row.program_name = line.program_name
                row.course_name = course
                row.enrollment_time = line.enrollment_time
                row.completion_time = line.completion_time
                row.completed = line.completed
                row.learning_hours = line.learning_hours or 0.0
                row.course_grade = line.course_grade
                row.import_id = imp.id
                row.updated_at = now
                session.flush()
                matched += 1 if seeker else 0
                self._feed_put(session, ctx, kind="progress", key=row.id, data=_progress_data(row),
                               center_id=row.center_id)
            imp.matched = matched
            imp.unmatched = len(parsed.rows) - matched
            store_feed_counter(session, ctx.seq)
            session.add(AuditEvent(at=now, username=by, action="progress_imported",
                                   detail={"rows": len(parsed.rows), "matched": matched}))
            return p.ProgressImportResult(import_id=imp.id, rows=len(parsed.rows), matched=matched,
                                          unmatched=len(parsed.rows) - matched,
                                          ignored_columns=parsed.ignored_columns)

    def invitation_rows(self, day: date) -> list[tuple[str, str, str]]:
        """(Full Name, Email, External ID) of the licenses issued on ``day``; External ID is the job seeker's
        id, so the provider's progress report can be matched back without any PII."""
        with self.store.read() as session:
            licenses = list(session.scalars(select(License).where(License.issued_on == day,
                                                                  License.status == "issued")))
            names: dict[str, str] = {}
            ids = sorted({lic.job_seeker_id for lic in licenses})
            for chunk in _chunks(ids):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.entity_id.in_(chunk))):
                    first = str(rec.data.get("first_name") or "").strip()
                    last = str(rec.data.get("last_name") or "").strip()
                    names[rec.entity_id] = f"{first} {last}".strip()
        rows = [(names.get(lic.job_seeker_id, ""), lic.email, lic.job_seeker_id) for lic in licenses]
        return sorted(rows, key=lambda r: (r[0].casefold(), r[1]))

    @staticmethod
    def invitation_csv(rows: Iterable[tuple[str, str, str]]) -> str:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Full Name", "Email", "External ID"])
        for row in rows:
            writer.writerow([csv_safe(cell) for cell in row])
        return out.getvalue()

    def stats(self) -> dict[str, Any]:
        with self.store.read() as session:
            records = dict(session.execute(select(ServerRecord.entity, func.count())
                                           .where(ServerRecord.deleted.is_(False))
                                           .group_by(ServerRecord.entity)).all())
            changes = dict(session.execute(select(ChangeLog.status, func.count())
                                           .group_by(ChangeLog.status)).all())
            licenses = dict(session.execute(select(License.status, func.count())
                                            .group_by(License.status)).all())

            def count(model: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            return {
                "records": {entity: int(records.get(entity, 0)) for entity in p.SYNCED_ENTITIES},
                "changes": {status: int(changes.get(status, 0))
                            for status in ("applied", "duplicate", "conflict", "rejected")},
                "licenses": {status: int(licenses.get(status, 0)) for status in LICENSE_STATUSES},
                "users": count(UserAccount), "centers": count(Center), "learner_progress": count(LearnerProgress),
                "catalog_versions": count(CatalogVersion), "device_blocks": count(DeviceBlock),
                "feed_entries": count(FeedEntry),
            }

    # -- reads for people ----------------------------------------------------------------------------------
    def get_job_seeker(self, principal: Principal, entity_id: str) -> p.JobSeekerRecord:
        with self.store.read() as session:
            rec = session.get(ServerRecord, ("job_seeker", entity_id))
            if rec is None or rec.deleted:
                raise NotFound("No such job seeker.")
            if not principal.is_administrator and rec.center_id != principal.center_id:
                raise Forbidden("This job seeker belongs to another center.")
            center = session.get(Center, rec.center_id) if rec.center_id else None
            return p.JobSeekerRecord(entity_id=rec.entity_id, version=rec.version,
                                     center=center.name if center else "", data=rec.data)

    def list_progress(self, principal: Principal, *, limit: int, offset: int) -> p.ProgressList:
        if not principal.is_supervisor:
            raise Forbidden("Only supervisors and administrators can read learners' progress.")
        query = select(LearnerProgress)
        if not principal.is_administrator:
            query = query.where(LearnerProgress.center_id == principal.center_id)
        with self.store.read() as session:
            total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
            rows = list(session.scalars(query.order_by(LearnerProgress.id).offset(max(0, offset))
                                        .limit(max(1, min(limit, 1000)))))
            centers = dict(session.execute(select(Center.id, Center.name)).all())
        return p.ProgressList(total=total, rows=[p.ProgressRow(
            id=r.id, job_seeker_id=r.job_seeker_id, center=centers.get(r.center_id) if r.center_id else None,
            external_id=r.external_id, email=r.email, learner_name=r.learner_name, course_name=r.course_name,
            enrollment_time=r.enrollment_time, completion_time=r.completion_time, completed=r.completed,
            learning_hours=r.learning_hours) for r in rows])

    def report_summary(self, principal: Principal) -> p.ReportSummary:
        if not principal.is_supervisor:
            raise Forbidden("Only supervisors and administrators can read reports.")
        with self.store.read() as session:
            centers = dict(session.execute(select(Center.id, Center.name)).all())
            seekers = dict(session.execute(select(ServerRecord.center_id, func.count()).where(
                ServerRecord.entity == "job_seeker", ServerRecord.deleted.is_(False))
                .group_by(ServerRecord.center_id)).all())
            lic = session.execute(select(License.center_id, License.status, func.count())
                                  .group_by(License.center_id, License.status)).all()
            prog = session.execute(select(LearnerProgress.center_id, LearnerProgress.completed, func.count())
                                   .group_by(LearnerProgress.center_id, LearnerProgress.completed)).all()
        out = []
        for center_id, name in sorted(centers.items(), key=lambda kv: kv[1]):
            if not principal.is_administrator and center_id != principal.center_id:
                continue
            out.append(p.CenterSummary(
                center=name, job_seekers=int(seekers.get(center_id, 0)),
                licenses_issued=sum(n for c, s, n in lic if c == center_id and s == "issued"),
                licenses_pending=sum(n for c, s, n in lic if c == center_id and s == "pending_approval"),
                learners_enrolled=sum(n for c, _done, n in prog if c == center_id),
                learners_completed=sum(n for c, done, n in prog if c == center_id and done)))
        return p.ReportSummary(centers=out)


_SYSTEM = Principal(user_id=0, username="system", display_name="Agency server", role="administrator",
                    center_id=0, center="")


def _email_key(entity: str, data: dict[str, Any]) -> str | None:
    if entity != "job_seeker":
        return None
    email = data.get("email")
    return str(email).strip().casefold()[:254] if email else None


def _validate_payload(change: p.Change) -> str | None:
    """Checks the server needs to keep its own rules; the desktop validated the rest already."""
    data = change.payload
    if change.entity == "job_seeker":
        if change.op == "create":
            for name in ("first_name", "last_name"):
                value = data.get(name)
                if not isinstance(value, str) or not value.strip():
                    return "A job seeker needs a first and a last name."
        email = data.get("email")
        if email is not None and (not isinstance(email, str) or len(email) > 254 or "@" not in email):
            return "The e-mail address is not valid."
    elif change.entity == "license_issuance":
        if change.op == "create":
            for name in ("job_seeker_id", "program_id", "email", "status"):
                if not isinstance(data.get(name), str) or not data.get(name):
                    return f"A license needs its {name.replace('_', ' ')}."
        status = data.get("status")
        if status is not None and status not in LICENSE_STATUSES:
            return "Unknown license status."
    if change.op == "create" and change.entity != "job_seeker" and "job_seeker_id" in data:
        if not isinstance(data["job_seeker_id"], str):
            return "The record does not name its job seeker."
    return None


def _progress_data(row: LearnerProgress) -> dict[str, Any]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {"id": row.id, "job_seeker_id": row.job_seeker_id, "external_id": row.external_id, "email": row.email,
            "learner_name": row.learner_name, "program_name": row.program_name, "course_name": row.course_name,
            "enrollment_time": iso(row.enrollment_time), "completion_time": iso(row.completion_time),
            "completed": row.completed, "learning_hours": row.learning_hours, "course_grade": row.course_grade}


def _is_lock_error(exc: DBAPIError) -> bool:
    """Lock waits and dropped connections are retried by the client, not turned into rejections."""
    text = str(exc.orig).casefold() if exc.orig is not None else ""
    return bool(exc.connection_invalidated) or "locked" in text or "deadlock" in text or "serializ" in text
