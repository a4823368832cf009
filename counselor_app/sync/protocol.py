"""The sync protocol's messages, shared by the desktop client and the reference agency server.

One module for both sides so the two cannot drift apart: the server validates requests with these models and
FastAPI writes them into the OpenAPI document (``docs/protocol/openapi.json``) that state integrators code
against; the client builds its requests with them and reads the answers back through them.

Versioning: every path starts with ``/api/v1``. Additive changes (a new optional field, a new feed kind) keep
``v1``, so clients must ignore fields and feed kinds they do not know; anything else is ``/api/v2``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Which entities a device may push and the feed carries back: part of this module's API, defined in the vocabulary.
from counselor_app.core.vocabulary import FEED_ENTITIES as FEED_ENTITIES
from counselor_app.core.vocabulary import SYNCED_ENTITIES as SYNCED_ENTITIES
from counselor_app.core.vocabulary import (
    ChangeOp,
    ChangeResultStatus,
    FeedKind,
    RejectReason,
    Role,
)

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

# The message fields' allowed values are the vocabulary's enums, so the OpenAPI document lists them.
ROLES = tuple(role.value for role in Role)
Op = ChangeOp
ResultStatus = ChangeResultStatus

MAX_BATCH = 1000
MAX_PAGE = 1000

# Reason codes of ``rejected`` results. ``blocked`` is the one transient code: an earlier change to the same
# record in the same batch was not applied, so this one was not even tried; the client keeps it queued and the
# server does not remember it as the change's result.
REJECT_INVALID = RejectReason.INVALID
REJECT_UNKNOWN_ENTITY = RejectReason.UNKNOWN_ENTITY
REJECT_FORBIDDEN = RejectReason.FORBIDDEN
REJECT_NOT_FOUND = RejectReason.NOT_FOUND
REJECT_PAYLOAD_MISMATCH = RejectReason.PAYLOAD_MISMATCH
REJECT_RULE = RejectReason.RULE
REJECT_BLOCKED = RejectReason.BLOCKED


class _Message(BaseModel):
    # Unknown fields are ignored rather than refused, so a newer peer can add optional fields within v1.
    model_config = ConfigDict(extra="ignore")


# -- session -------------------------------------------------------------------------------------------------
class SessionRequest(_Message):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str | None = Field(default=None, max_length=64)


class SessionInfo(_Message):
    token: str = Field(description="Bearer token; send as 'Authorization: Bearer <token>'. Keep it secret.")
    token_type: Literal["bearer"] = "bearer"
    username: str
    display_name: str
    role: Role
    center: str
    expires_at: datetime
    protocol_version: int = PROTOCOL_VERSION


# -- pushing changes -----------------------------------------------------------------------------------------
class Change(_Message):
    change_id: str = Field(min_length=1, max_length=64,
                           description="Made by the device (a UUID); the idempotency key of this change.")
    entity: str = Field(min_length=1, max_length=40)
    entity_id: str = Field(min_length=1, max_length=64)
    op: Op
    base_version: int | None = Field(default=None, description="The record's version the change was made "
                                     "on; null for a create.")
    payload: dict[str, Any]


class ChangeBatch(_Message):
    device_id: str = Field(min_length=1, max_length=64)
    changes: list[Change] = Field(max_length=MAX_BATCH)


class ChangeResult(_Message):
    change_id: str
    status: ResultStatus
    server_version: int | None = Field(default=None, description="The record's version on the server after "
                                       "this change (applied, duplicate) or the version it conflicts with.")
    server_record: dict[str, Any] | None = Field(default=None, description="On conflict: the server's copy "
                                                 "of the record, so both versions can be shown field by field.")
    reason_code: str | None = Field(default=None, description="On rejection: one of the RejectReason values "
                                    "(invalid, unknown_entity, forbidden, not_found, payload_mismatch, rule, blocked); "
                                    "on conflict: version. A string, so a newer server may add codes within v1.")
    reason: str | None = Field(default=None, description="On rejection: a sentence for the counselor.")
    missing_entity: str | None = Field(default=None, description="With reason_code 'not_found': the kind of "
                                       "record the server lacks (the record itself, or the job seeker it names). "
                                       "The device sends that record's current state, then this change again.")
    missing_entity_id: str | None = Field(default=None, description="With missing_entity: which record.")


class ChangeBatchResult(_Message):
    results: list[ChangeResult]
    server_time: datetime


# -- the changes feed ----------------------------------------------------------------------------------------
class FeedItem(_Message):
    kind: FeedKind
    key: str = Field(description="Stable identity of the item within its kind; a later item with the same "
                     "kind and key replaces an earlier one.")
    entity: str | None = None
    entity_id: str | None = None
    version: int | None = None
    deleted: bool = False
    center: str | None = Field(default=None, description="The center the record belongs to.")
    data: dict[str, Any] = Field(default_factory=dict)


class FeedPage(_Message):
    items: list[FeedItem]
    replayed: bool = Field(default=False, description="The cursor sent was past the server's newest entry (the "
                           "server was restored from an older backup): this page starts the feed again from the "
                           "beginning. Devices then reconcile (compare ids and versions) and re-send what the "
                           "server lacks.")
    next_cursor: str = Field(description="Opaque. Store it only after the page is applied, then send it as "
                             "'since' for the next page.")
    has_more: bool


# -- license blocks ------------------------------------------------------------------------------------------
class BlockRequest(_Message):
    device_id: str = Field(min_length=1, max_length=64)
    program_id: str = Field(min_length=1, max_length=60)
    requested: int = Field(ge=0, le=10_000)
    pool_size_hint: int | None = Field(default=None, ge=0, description="The device profile's pool size, used "
                                       "only if the server does not know the program's pool yet.")


class BlockGrant(_Message):
    block_id: str
    program_id: str
    block_size: int
    pool_size: int | None
    issued_statewide: int
    reserved_at: datetime


# -- reconciling what desk and server hold --------------------------------------------------------------------
RECONCILE_BUCKET_CHARS = 2  # records are grouped by the first characters of their id (UUIDs: 256 buckets)


class DigestBucket(_Message):
    count: int
    digest: str = Field(description="sha256 (hex) of the bucket's 'entity_id:version' lines, sorted by id, "
                        "joined by newlines.")


class ReconcileDigests(_Message):
    entity: str
    buckets: dict[str, DigestBucket] = Field(description="By the first two characters of the record ids. Which "
                                             "records count: job seekers of the user's center; of any other "
                                             "entity, the records this device last wrote.")


class RecordVersion(_Message):
    entity_id: str
    version: int


class ReconcilePage(_Message):
    entity: str
    bucket: str
    records: list[RecordVersion]


def bucket_of(entity_id: str) -> str:
    return entity_id[:RECONCILE_BUCKET_CHARS].lower()


def bucket_digests(pairs: list[tuple[str, int]]) -> dict[str, DigestBucket]:
    """``{bucket: DigestBucket}`` of ``(entity_id, version)`` pairs; both sides compute it the same way."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for entity_id, version in pairs:
        grouped.setdefault(bucket_of(entity_id), []).append((entity_id, version))
    out = {}
    for bucket, items in grouped.items():
        lines = "\n".join(f"{i}:{v}" for i, v in sorted(items))
        out[bucket] = DigestBucket(count=len(items), digest=hashlib.sha256(lines.encode("utf-8")).hexdigest())
    return out


# -- noticing a restored server, and repairing it without overwriting anyone (issue 11) ---------------------
class SyncCheckpoint(_Message):
    """A device's mark on the server: at the start of each sync it asks whether the server still holds the mark
    it left at the end of its last sync (``previous``), and leaves a new one (``next``). A server restored from an
    older copy of its database, or replaced, no longer holds the mark, whatever order writes arrived in."""

    device_id: str = Field(min_length=1, max_length=64)
    previous: str | None = Field(default=None, max_length=64, description="The mark this device left last; "
                                 "null for a device that never synced with this server.")
    next: str = Field(min_length=1, max_length=64, description="The mark to keep from now on (a random id).")


class SyncCheckpointResult(_Message):
    matched: bool = Field(description="False when the server did not hold 'previous': its database was restored "
                          "from an older copy or replaced since this device last synced. The device then "
                          "reconciles (digest pages) and repairs what the server lost.")
    server_time: datetime


class HeldVersion(_Message):
    entity_id: str = Field(min_length=1, max_length=64)
    version: int = Field(ge=0, le=2**62)


RecordHeld = Literal["missing", "same", "behind", "ahead", "diverged"]


class RecordStatesRequest(_Message):
    """The records a device would repair, with the versions it holds and the server time up to which it knew the
    server (the ``server_time`` of its last checkpoint)."""

    device_id: str = Field(min_length=1, max_length=64)
    known_until: datetime | None = None
    records: list[HeldVersion] = Field(max_length=MAX_PAGE)


class RecordState(_Message):
    entity_id: str
    held: RecordHeld = Field(description="missing: the server lacks the record (re-create it). same: the server "
                             "holds the device's version. behind: the server holds an older version nobody wrote "
                             "after the device's known_until (a restored copy: the device's state replaces it). "
                             "ahead: a newer version made on top of the device's (the feed brings it). diverged: "
                             "written after known_until on top of a state that lacks the device's version (a "
                             "restore, then someone else's edit): never overwritten silently; 'data' is the server's "
                             "copy, to show both side by side.")
    version: int | None = None
    deleted: bool = False
    data: dict[str, Any] | None = None


class RecordStates(_Message):
    entity: str
    records: list[RecordState]


class WrittenSinceRequest(_Message):
    device_id: str = Field(min_length=1, max_length=64)
    after: datetime = Field(description="A server time: the known_until of the device's last checkpoint.")
    start_after: str | None = Field(default=None, max_length=64, description="The last id of the previous page.")
    limit: int = Field(default=1000, ge=1, le=MAX_PAGE)


class WrittenSince(_Message):
    """Records of one entity (in the device's reconcile scope) written after a server time, in id order."""

    entity: str
    records: list[RecordVersion]
    has_more: bool


# -- administration and reports ------------------------------------------------------------------------------
class CatalogPublished(_Message):
    catalog_version: int
    published_at: datetime


class ProgressImportResult(_Message):
    import_id: str
    rows: int
    matched: int
    unmatched: int
    ignored_columns: list[str] = Field(default_factory=list)


class JobSeekerRecord(_Message):
    entity_id: str
    version: int
    center: str
    data: dict[str, Any]


class ProgressRow(_Message):
    id: str
    job_seeker_id: str | None
    center: str | None
    external_id: str | None
    email: str | None
    learner_name: str | None
    course_name: str
    enrollment_time: datetime | None
    completion_time: datetime | None
    completed: bool
    learning_hours: float


class ProgressList(_Message):
    rows: list[ProgressRow]
    total: int


class CenterSummary(_Message):
    center: str
    job_seekers: int
    licenses_issued: int
    licenses_pending: int
    learners_enrolled: int
    learners_completed: int


class ReportSummary(_Message):
    centers: list[CenterSummary]


class Health(_Message):
    status: Literal["ok"] = "ok"
    protocol_version: int = PROTOCOL_VERSION


class ErrorBody(_Message):
    detail: str


# -- helpers both sides use ----------------------------------------------------------------------------------
def canonical_json(value: Any) -> str:
    """One spelling per value, so equal content always hashes equal on every platform."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def change_fingerprint(change: Change) -> str:
    """What makes a change *that* change: a replay with the same id must carry the same fingerprint."""
    return change_fingerprint_sized(change)[0]


def change_fingerprint_sized(change: Change) -> tuple[str, int]:
    """``change_fingerprint`` and the length of the canonical text it hashed (an upper bound of the payload's
    canonical length, so the server encodes each change once)."""
    body = {"entity": change.entity, "entity_id": change.entity_id, "op": change.op,
            "base_version": change.base_version, "payload": change.payload}
    text = canonical_json(body)
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text)
