"""The reference server's tables (SQLAlchemy 2.0 typed ORM), portable between SQLite and PostgreSQL.

Records arrive as the devices' JSON and are kept as JSON (``ServerRecord.data``) with a few columns lifted out
for what the server itself must query: the center (access control), the e-mail (matching the provider's
progress report) and, for licenses, a projection that the pool accounting and the invitation file need.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The desk's constraint naming (so both schemas name keys and indexes alike; the migrations were generated with
# it), ids and naive-UTC clock: SQLite and PostgreSQL ``timestamp without time zone`` keep it as written.
from counselor_app.core.models import NAMING, new_id, utcnow  # noqa: F401 - re-exported for the server


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON}


class Center(Base):
    __tablename__ = "center"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class UserAccount(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    center_id: Mapped[int] = mapped_column(ForeignKey("center.id"))
    # "scrypt$n$r$p$salt$hash" (base64): the parameters travel with the hash so they can be raised later.
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SessionToken(Base):
    """Only the SHA-256 of a token is kept: a copy of the database does not let anyone sign in."""

    __tablename__ = "session_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class ServerRecord(Base):
    __tablename__ = "server_record"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    email_lc: Mapped[str | None] = mapped_column(String(254), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    origin_device: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # The center calendar's clash check (issue 16): booking rows by center and counselor's sign-in name. The
    # expression is each database's own spelling (``calendar_rules.counselor_key_sql``); see i16b_booking_index.
    __table_args__ = (
        Index("ix_server_record_booking_counselor", "center_id", text("(data ->> 'counselor_key')"),
              postgresql_where=text("entity = 'appointment_booking'"),
              sqlite_where=text("entity = 'appointment_booking'")),
    )


class ChangeLog(Base):
    """Every change id the server has answered, with its first answer: the at-most-once guarantee."""

    __tablename__ = "change_log"
    change_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Issue 11: a repair asks which versions of a record the server held before a given time.
    __table_args__ = (Index("ix_change_log_record", "entity", "entity_id"),)


class License(Base):
    """Projection of ``license_issuance`` records for pool accounting and the daily invitation file."""

    __tablename__ = "license"
    issuance_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    job_seeker_id: Mapped[str] = mapped_column(String(64), index=True)
    program_id: Mapped[str] = mapped_column(String(60), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    email: Mapped[str] = mapped_column(String(254))
    issued_on: Mapped[date | None] = mapped_column(Date, index=True)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The invitation file this license went out in (issue 12): each license is in exactly one file. A server
    # batch's id, or a desk's (the sent mark travels in the license record), so no foreign key.
    invitation_batch_id: Mapped[str | None] = mapped_column(String(36), index=True)

    __table_args__ = (
        # The one-license-per-person rule, kept by the database itself: two batches applied side by side cannot
        # both give a job seeker a live license in a program. Also serves the rule's look-up by job seeker.
        Index("uq_license_live_person", "job_seeker_id", "program_id", unique=True,
              postgresql_where=text("status IN ('issued', 'pending_approval')"),
              sqlite_where=text("status IN ('issued', 'pending_approval')")),
        # Counting a program's issued licenses (the pool figures) from the index alone.
        Index("ix_license_program_status", "program_id", "status"),
    )


class LicensePool(Base):
    __tablename__ = "license_pool"
    program_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    pool_size: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DeviceBlock(Base):
    """Licenses a device may issue offline. A new reservation replaces the device's previous block."""

    __tablename__ = "device_block"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    program_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    block_id: Mapped[str] = mapped_column(String(36))
    block_size: Mapped[int] = mapped_column(Integer)
    used: Mapped[int] = mapped_column(Integer, default=0)
    reserved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class CatalogVersion(Base):
    __tablename__ = "catalog_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    published_by: Mapped[str | None] = mapped_column(String(120))


class ProgressImport(Base):
    __tablename__ = "progress_import"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    unmatched: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str | None] = mapped_column(String(120))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LearnerProgress(Base):
    """One learner in one course. ``learner_key`` (external id | e-mail | course) makes re-imports update
    rows instead of adding them."""

    __tablename__ = "learner_progress"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    learner_key: Mapped[str] = mapped_column(String(600), unique=True)
    job_seeker_id: Mapped[str | None] = mapped_column(String(64), index=True)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))
    learner_name: Mapped[str | None] = mapped_column(String(240))
    program_name: Mapped[str | None] = mapped_column(String(200))
    course_name: Mapped[str] = mapped_column(String(300))
    enrollment_time: Mapped[datetime | None] = mapped_column(DateTime)
    completion_time: Mapped[datetime | None] = mapped_column(DateTime)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    learning_hours: Mapped[float] = mapped_column(Float, default=0.0)
    course_grade: Mapped[float | None] = mapped_column(Float)
    import_id: Mapped[str | None] = mapped_column(ForeignKey("progress_import.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FeedEntry(Base):
    """The changes feed, compacted: one row per (kind, key) at the sequence number of its latest change.

    ``seq`` comes from ``Counter('feed')``, claimed under its row lock at the very end of the writing transaction
    (``db.claim_feed_numbers``) and held to the commit, so sequence order is commit order and a reader can never
    skip a row that commits late.
    """

    __tablename__ = "feed_entry"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    origin_device: Mapped[str | None] = mapped_column(String(64))
    only_device: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class Counter(Base):
    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEvent(Base):
    """Who did what on the server. ``detail`` names ids and counts only, never PII or secrets."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    username: Mapped[str | None] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)


class LoginFailure(Base):
    """One failed sign-in: the rows of the last window throttle password guessing (``security.LoginLimits``).

    Kept in the database, not in a process's memory, so a lockout survives a restart and holds across several
    server workers. Rows older than two windows are deleted as new failures arrive; a successful sign-in deletes
    the user's rows, ``add-user`` (a password reset) too. Never holds the password that was tried.
    """

    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(120), index=True)
    address: Mapped[str | None] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class InvitationBatch(Base):
    """One invitation file the server made: asking again for its day gives the same licenses back."""

    __tablename__ = "invitation_batch"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    for_date: Mapped[date] = mapped_column(Date, unique=True)
    row_count: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# Partner referrals and outreach claims (issue 16) share this Base; imported here so the metadata has them.
from counselor_app.agency_server import referral_models as _referral_models  # noqa: E402,F401


class Device(Base):
    """A desk known to the agency (issue 17): registered at its first sign-in, marked lost or retired by an
    administrator. Only the SHA-256 of the device's secret is kept; the secret lets a desk ask its own status
    without a session token, so a desk whose sessions were all revoked still learns that it must erase itself."""

    __tablename__ = "device"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(120))
    app_version: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)  # devices.DeviceState
    status_note: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    status_changed_by: Mapped[str | None] = mapped_column(String(120))
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    registered_by: Mapped[str | None] = mapped_column(String(120))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_user: Mapped[str | None] = mapped_column(String(120))
    wiped_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncCheckpoint(Base):
    """The mark each device leaves at the end of a sync (issue 11): a device whose mark the server no longer holds
    knows the database was restored from an older copy or replaced, and reconciles with it."""

    __tablename__ = "sync_checkpoint"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    # The answer given when ``token`` was stored, for a retry of that request (its first answer may be lost).
    matched: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
