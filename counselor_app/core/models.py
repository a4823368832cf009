"""The local store's tables (SQLAlchemy 2.0 typed ORM).

Ids are UUID strings made on the device so records created offline at two outreach events never collide; the
agency's own customer id (MOSES/OSOS) is a separate field. Records the server must receive carry a ``version``
that the sync protocol uses as ``base_version`` to detect concurrent edits.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
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
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from counselor_app.core.vocabulary import (
    AppointmentKind,
    AppointmentStatus,
    LicenseStatus,
    OutboxState,
    PlaceKind,
    Role,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


ROLES = tuple(Role)


class Center(Base):
    __tablename__ = "center"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class User(Base):
    """A counselor, supervisor or administrator known to this device."""

    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=Role.COUNSELOR)
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class JobSeeker(Base):
    __tablename__ = "job_seeker"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    agency_customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    zip_code: Mapped[str | None] = mapped_column(String(10), index=True)
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    education: Mapped[str | None] = mapped_column(String(20))
    last_occupation_soc: Mapped[str | None] = mapped_column(String(7))
    last_occupation_title: Mapped[str | None] = mapped_column(String(200))
    goal_soc: Mapped[str | None] = mapped_column(String(7))
    interests: Mapped[list[Any]] = mapped_column(JSON, default=list)
    employment_status: Mapped[str | None] = mapped_column(String(30))
    unemployment_cause: Mapped[str | None] = mapped_column(String(30))
    ui_claimant: Mapped[bool | None] = mapped_column(Boolean)
    return_to_work_date: Mapped[date | None] = mapped_column(Date)
    digital_skill: Mapped[int | None] = mapped_column(Integer)
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    barriers: Mapped[list[Any]] = mapped_column(JSON, default=list)
    consent_to_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    # Reminders go by text message (a CSV for the agency's texting tool) instead of e-mail.
    prefers_text: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    created_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    __table_args__ = (Index("ix_job_seeker_name", "last_name", "first_name"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


APPOINTMENT_STATUSES = tuple(AppointmentStatus)


class Appointment(Base):
    __tablename__ = "appointment"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    job_seeker_id: Mapped[str | None] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    counselor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    kind: Mapped[str] = mapped_column(String(20), default=AppointmentKind.WALK_IN)  # scheduled | walk_in
    place_kind: Mapped[str] = mapped_column(String(20), default=PlaceKind.CENTER)  # center | outreach
    place_name: Mapped[str | None] = mapped_column(String(200))
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default=AppointmentStatus.SCHEDULED, index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(60))
    # Where the appointment wizard stopped and what was typed, so a crash never loses the counselor's work.
    wizard_step: Mapped[str | None] = mapped_column(String(40))
    wizard_state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EligibilityAttestation(Base):
    __tablename__ = "eligibility_attestation"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    program_id: Mapped[str] = mapped_column(String(60))
    text_version: Mapped[str] = mapped_column(String(40))
    attestation_text: Mapped[str] = mapped_column(Text)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    eligible: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    counselor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    attested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LearningPlanRecord(Base):
    __tablename__ = "learning_plan"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"), index=True)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    plan: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


LICENSE_STATUSES = tuple(LicenseStatus)


class InvitationBatch(Base):
    """One daily invitation file sent to the provider; each license records the batch it went out in."""

    __tablename__ = "invitation_batch"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    for_date: Mapped[date] = mapped_column(Date, index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LicenseIssuance(Base):
    __tablename__ = "license_issuance"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    program_id: Mapped[str] = mapped_column(String(60))
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    attestation_id: Mapped[str | None] = mapped_column(ForeignKey("eligibility_attestation.id"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    email: Mapped[str] = mapped_column(String(254))
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    from_device_block: Mapped[bool] = mapped_column(Boolean, default=True)
    invitation_batch_id: Mapped[str | None] = mapped_column(ForeignKey("invitation_batch.id"), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    status_changed_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        # One live license per person per program; revoked ones stay for the record.
        Index("ix_license_one_per_program", "job_seeker_id", "program_id"),
        # The reports' filters (issue 18): program and dates (the summary's grouping comes out in index order,
        # no sort), and a center or a counselor over dates. Migration i18d_folded_name.
        Index("ix_license_issuance_report", "program_id", "issued_on", "center_id", "issued_by", "status",
              "job_seeker_id"),
        Index("ix_license_issuance_center_report", "program_id", "center_id", "issued_on"),
        Index("ix_license_issuance_counselor_report", "program_id", "issued_by", "issued_on"),
    )


class CaseManagementService(Base):
    """The service/activity the state's case-management system needs ("Coursera License Issued" in MOSES).

    Recorded as a career service / referral: the provider is not on the training-provider list, so this is
    never WIOA-funded training.
    """

    __tablename__ = "case_service"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    issuance_id: Mapped[str | None] = mapped_column(ForeignKey("license_issuance.id"))
    system: Mapped[str] = mapped_column(String(20))
    service_label: Mapped[str] = mapped_column(String(120))
    service_category: Mapped[str] = mapped_column(String(60), default="career_service_referral")
    service_date: Mapped[date] = mapped_column(Date)
    counselor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseNote(Base):
    __tablename__ = "case_note"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ProgressImport(Base):
    __tablename__ = "progress_import"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    matched_count: Mapped[int] = mapped_column(Integer, default=0)
    unmatched_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LearnerProgress(Base):
    """One learner's progress in one course, from the provider's usage report or the server."""

    __tablename__ = "learner_progress"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    job_seeker_id: Mapped[str | None] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(60), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    learner_name: Mapped[str | None] = mapped_column(String(240))
    program_name: Mapped[str | None] = mapped_column(String(200))
    course_name: Mapped[str] = mapped_column(String(300))
    enrollment_time: Mapped[datetime | None] = mapped_column(DateTime)
    completion_time: Mapped[datetime | None] = mapped_column(DateTime)
    last_activity_time: Mapped[datetime | None] = mapped_column(DateTime)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    learning_hours: Mapped[float] = mapped_column(Float, default=0.0)
    course_grade: Mapped[float | None] = mapped_column(Float)
    matched: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    import_id: Mapped[str | None] = mapped_column(ForeignKey("progress_import.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("email", "external_id", "course_name", name="uq_progress_learner_course"),)


class LicensePool(Base):
    """What this device knows of a program's pool, and the block the server reserved for it."""

    __tablename__ = "license_pool"
    program_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    pool_size: Mapped[int] = mapped_column(Integer)
    issued_statewide: Mapped[int] = mapped_column(Integer, default=0)
    block_size: Mapped[int] = mapped_column(Integer)
    block_used: Mapped[int] = mapped_column(Integer, default=0)
    block_reserved_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


OUTBOX_STATUSES = (OutboxState.QUEUED, OutboxState.PARKED, OutboxState.CONFLICT)


class OutboxEntry(Base):
    """A change waiting for the server, written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(20))  # create | update | delete
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default=OutboxState.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    server_version: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: Why the server (or this desk) set the change aside, as a code the UI words (sync/protocol's REJECT_*,
    #: "conflict", or outbox.LOCAL_* for what the desk decided itself); ``last_error`` keeps the sentence.
    reason_code: Mapped[str | None] = mapped_column(String(40))
    # The local counselor who made the change (issue 17): sync sends it under their own server sign-in.
    author: Mapped[str | None] = mapped_column(String(120))


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str | None] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# -- after the appointment (issue 15): outcomes, reminder sends, removal files -------------------------------------


class OutcomeRecord(Base):
    """An entry the state's case-management system needs (course completion, credential, skill gain, closure).

    Proposed by the desk from imported progress, reviewed by an administrator; only accepted ones are synced.
    The id is derived from ``proposal_key`` (see ``core/outcomes.py``), so two desks that accept the same
    outcome make one record on the server, not two.
    """

    __tablename__ = "outcome"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    proposal_key: Mapped[str] = mapped_column(String(400), unique=True)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    program_id: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(8))
    system: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300), default="")
    achieved_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True, default="proposed")
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    proposed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reviewed_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    entered_at: Mapped[datetime | None] = mapped_column(DateTime)
    entered_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReminderSend(Base):
    """One reminder to one person: claimed (``sending``) before the SMTP conversation, then ``sent`` or failed.

    A row left ``sending`` by a crash is never sent again (at most once): the administrator sees it as
    "outcome unknown". Synced so another desk does not send the same reminder inside the window.
    """

    __tablename__ = "reminder_send"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    list_name: Mapped[str] = mapped_column(String(40), index=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")  # email | text
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    smtp_code: Mapped[int | None] = mapped_column(Integer)
    failure: Mapped[str | None] = mapped_column(String(200))
    message_id: Mapped[str | None] = mapped_column(String(200))
    device_id: Mapped[str | None] = mapped_column(String(64))
    sent_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    claimed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class RemovalEntry(Base):
    """A revoked or inactivated license waiting for (or written into) the provider's removal file."""

    __tablename__ = "removal_entry"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    issuance_id: Mapped[str] = mapped_column(ForeignKey("license_issuance.id"), unique=True)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    file_name: Mapped[str | None] = mapped_column(String(260))
    written_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    written_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LocalCredential(Base):
    """A counselor's local sign-in on this desk (issue 17, ``core.local_accounts``): a scrypt hash of their PIN or
    password, and the throttle of wrong entries (kept here so quitting the app does not reset it)."""

    __tablename__ = "local_credential"
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(10))  # local_accounts.SecretKind
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PurgedRecord(Base):
    """A job seeker whose personal data the retention purge removed from this desk (issue 17,
    ``core.retention``). The rows stay, without PII, so the reports' counts do not change."""

    __tablename__ = "purged_record"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    purged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    run_id: Mapped[str] = mapped_column(String(36), index=True)


# The tables of the work before an appointment (issue 16) share this Base; imported here so Base.metadata and
# Alembic always see them.
from counselor_app.core import outreach_models as _outreach_models  # noqa: E402,F401
