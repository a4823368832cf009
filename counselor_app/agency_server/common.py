"""Shared pieces of the reference server's service: errors with an HTTP status, the signed-in
``Principal``, the per-batch lookup cache and small helpers. Split out of ``service.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from counselor_app.agency_server import security
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import (
    DeviceBlock,
    License,
)
from counselor_app.core.vocabulary import ChangeResultStatus, LicenseStatus, Role
from counselor_app.sync import protocol as p

LIVE_LICENSE = (LicenseStatus.ISSUED, LicenseStatus.PENDING_APPROVAL)


CONSUMED_LICENSE = (LicenseStatus.ISSUED, LicenseStatus.INACTIVATED)
LICENSE_STATUSES = (LicenseStatus.ISSUED, LicenseStatus.PENDING_APPROVAL, LicenseStatus.REVOKED, LicenseStatus.INACTIVATED)
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


class Unprocessable(ServiceError):
    """The request is well-formed JSON but not in the protocol's format (e.g. a payload off its schema)."""

    status = 422


class ClientGone(ServiceError):
    """The client disconnected while its request was being served: the work was rolled back, not finished for
    nobody (``admission.client_gone``). 499 is the status proxies log for it; nobody receives the answer."""

    status = 499


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
        return self.role in (Role.SUPERVISOR, Role.ADMINISTRATOR)

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR


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


def _rejected(change: p.Change, code: str, reason: str, *, missing: tuple[str, str] | None = None
              ) -> p.ChangeResult:
    return p.ChangeResult(change_id=change.change_id, status=ChangeResultStatus.REJECTED, reason_code=code, reason=reason,
                          missing_entity=missing[0] if missing else None,
                          missing_entity_id=missing[1] if missing else None)


class _Rec:
    """A server record as a batch reads and changes it: a plain object, written with Core statements at the end
    of the batch (``ChangeService._write_records``), not an ORM instance in a unit of work."""

    __slots__ = ("entity", "entity_id", "version", "center_id", "email_lc", "data", "deleted", "origin_device",
                 "created_at", "updated_at", "updated_by", "stored")

    def __init__(self, entity: str, entity_id: str, version: int, center_id: int | None, email_lc: str | None,
                 data: dict[str, Any], deleted: bool, origin_device: str | None, created_at: datetime,
                 updated_at: datetime, updated_by: int | None, *, stored: bool = False) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.version = version
        self.center_id = center_id
        self.email_lc = email_lc
        self.data = data
        self.deleted = deleted
        self.origin_device = origin_device
        self.created_at = created_at
        self.updated_at = updated_at
        self.updated_by = updated_by
        self.stored = stored  # a row in the database already (UPDATE), else a new one (INSERT)

    def row(self) -> dict[str, Any]:
        return {"entity": self.entity, "entity_id": self.entity_id, "version": self.version,
                "center_id": self.center_id, "email_lc": self.email_lc, "data": self.data, "deleted": self.deleted,
                "origin_device": self.origin_device, "created_at": self.created_at, "updated_at": self.updated_at,
                "updated_by": self.updated_by}


class _Known(NamedTuple):
    """A change id the server has answered (``change_log``): who sent it, its fingerprint and its first answer."""

    user_id: int
    fingerprint: str
    status: str
    result: dict[str, Any]


@dataclass
class _Batch:
    """What one batch has looked up so far, so each record is read once per batch."""

    principal: Principal
    device_id: str
    now: datetime
    seq: int = 0
    records: dict[tuple[str, str], _Rec | None] = field(default_factory=dict)
    # Records created or changed and not written yet, and the change log's rows (``ChangeService``).
    record_writes: dict[tuple[str, str], _Rec] = field(default_factory=dict)
    change_rows: list[dict[str, Any]] = field(default_factory=list)
    licenses: dict[str, License | None] = field(default_factory=dict)
    blocks: dict[str, DeviceBlock | None] = field(default_factory=dict)
    dirty_programs: set[str] = field(default_factory=set)
    # Feed rows to write at the end of the transaction (``FeedService._publish_feed``), in order of their puts.
    pending_feed: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    # Live licenses (issued or pending approval) per (job seeker, program), as this batch knows them: read in
    # one query at the start and kept current as the batch applies its changes.
    live_licenses: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    live_seekers: set[str] = field(default_factory=set)  # the job seekers whose live licenses were read
    locked_programs: set[str] = field(default_factory=set)  # pool locks this transaction holds (``db.lock_pools``)
    # Per program, licenses this batch moved into (+1) or out of (-1) the consumed statuses: the pool's running
    # count is moved by this much at the end (``FeedService._publish_feed``) instead of counted again.
    consumed_delta: dict[str, int] = field(default_factory=dict)

    def snapshot(self) -> tuple[Any, ...]:
        """What ``restore`` needs to undo one change whose savepoint was rolled back."""
        return (dict(self.pending_feed), set(self.dirty_programs),
                {k: set(v) for k, v in self.live_licenses.items()}, dict(self.consumed_delta))

    def restore(self, saved: tuple[Any, ...]) -> None:
        self.pending_feed, self.dirty_programs, self.live_licenses, self.consumed_delta = saved
        # Rows the rolled-back savepoint added or changed are expired or gone: read them again when needed.
        self.licenses.clear()
        self.blocks.clear()



class _ServiceBase:
    """What every part of the service shares: the store, the clock and the sign-in limits."""

    store: ServerStore
    token_ttl: timedelta
    clock: Callable[[], datetime]
    login_limits: security.LoginLimits


_SYSTEM = Principal(user_id=0, username="system", display_name="Agency server", role=Role.ADMINISTRATOR,
                    center_id=0, center="")
