"""The one vocabulary of the desk, the sync protocol and the agency server: every status, reason, entity, role
and kind a record or a message can carry, as string enums.

Why one module: these words are a contract. The desk stores them, the outbox queues them, the protocol sends
them (``sync/protocol.py`` annotates its messages with these types, so the OpenAPI document lists the allowed
values for integrators) and the server checks and stores them again. Written as literals in a dozen files they
drift apart silently; as enums a typo is an ``AttributeError`` and a search finds every use.

Each enum is a ``StrEnum``: a member *is* its string (``LicenseStatus.ISSUED == "issued"``), so values read
back from the database, from JSON or from an older autosave compare equal without conversion, and stored
values stay exactly what they were. ``tests/core/test_architecture.py`` fails the build when a status or
reason is written as a literal anywhere else in ``counselor_app`` (migrations excepted: they are history).

To add a state: add the member here, then follow the type checker and the tests (labels in ``ui/labels.py``,
the server's rules in ``agency_server``). Never rename a value: it is stored on laptops and on the server.
"""

from __future__ import annotations

from enum import StrEnum


class LicenseStatus(StrEnum):
    """Where a license issuance stands (``LicenseIssuance.status`` on the desk, ``License.status`` on the
    server). *Pending approval*: issued offline past the device's block, waiting for a supervisor."""

    ISSUED = "issued"
    PENDING_APPROVAL = "pending_approval"
    REVOKED = "revoked"
    INACTIVATED = "inactivated"


#: Licenses that hold a seat in the pool or may still do so: one per job seeker and program.
LIVE_LICENSE_STATUSES: tuple[LicenseStatus, ...] = (LicenseStatus.ISSUED, LicenseStatus.PENDING_APPROVAL)
#: Licenses that went out to the provider (counted as *issued* in the reports).
SENT_LICENSE_STATUSES: tuple[LicenseStatus, ...] = (LicenseStatus.ISSUED, LicenseStatus.INACTIVATED)


class RefusalReason(StrEnum):
    """Why the desk refuses to issue (or approve, or revoke) a license: ``IssuanceRefused.reason_code``.
    The UI chooses its words and its next step by this code, never by the message."""

    PAST_ISSUE_BY = "past_issue_by"
    NOT_STARTED = "not_started"
    ALREADY_LICENSED = "already_licensed"
    NO_ATTESTATION = "no_attestation"
    NOT_ELIGIBLE = "not_eligible"
    INVALID_EMAIL = "invalid_email"
    NOT_PENDING = "not_pending"
    BLOCK_EXHAUSTED = "block_exhausted"
    NOT_LIVE = "not_live"


class RejectReason(StrEnum):
    """Why the server rejected one pushed change (``ChangeResult.reason_code`` of a ``rejected`` result), and
    ``VERSION`` for a conflict. ``BLOCKED`` is the one transient code: an earlier change to the same record in
    the same batch was not applied, so this one was not even tried; the client keeps it queued."""

    INVALID = "invalid"
    UNKNOWN_ENTITY = "unknown_entity"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    PAYLOAD_MISMATCH = "payload_mismatch"
    RULE = "rule"
    BLOCKED = "blocked"
    VERSION = "version"


class Entity(StrEnum):
    """The kinds of record a change (outbox row, protocol ``Change``, server record) or an audit event is
    about. The first fourteen are synced; the rest appear only in audit events."""

    JOB_SEEKER = "job_seeker"
    APPOINTMENT = "appointment"
    ELIGIBILITY_ATTESTATION = "eligibility_attestation"
    LEARNING_PLAN = "learning_plan"
    LICENSE_ISSUANCE = "license_issuance"
    CASE_SERVICE = "case_service"
    CASE_NOTE = "case_note"
    OUTCOME = "outcome"  # an accepted outcome for the state's system (issue 15)
    REMINDER_SEND = "reminder_send"  # one reminder sent to one person (issue 15)
    OUTREACH_CAMPAIGN = "outreach_campaign"  # a list of people to reach before an appointment (issue 16)
    CAMPAIGN_CONTACT = "campaign_contact"  # one person on a campaign's list
    OUTREACH_ATTEMPT = "outreach_attempt"  # one call or e-mail to a campaign contact
    APPOINTMENT_BOOKING = "appointment_booking"  # an appointment booked for a date and time
    WAITING_ENTRY = "waiting_entry"  # a person checked in at the front desk
    # audit-only
    REPORT = "report"
    PROGRESS_IMPORT = "progress_import"
    INVITATION_BATCH = "invitation_batch"
    LICENSE_POOL = "license_pool"


#: Entities a device may push; the server rejects anything else (per item, never the whole batch).
SYNCED_ENTITIES: tuple[Entity, ...] = (
    Entity.JOB_SEEKER, Entity.APPOINTMENT, Entity.ELIGIBILITY_ATTESTATION, Entity.LEARNING_PLAN,
    Entity.LICENSE_ISSUANCE, Entity.CASE_SERVICE, Entity.CASE_NOTE, Entity.OUTCOME, Entity.REMINDER_SEND,
    Entity.OUTREACH_CAMPAIGN, Entity.CAMPAIGN_CONTACT, Entity.OUTREACH_ATTEMPT, Entity.APPOINTMENT_BOOKING,
    Entity.WAITING_ENTRY)
#: Entities the server's feed carries back to other devices.
FEED_ENTITIES: tuple[Entity, ...] = (Entity.JOB_SEEKER, Entity.OUTCOME, Entity.REMINDER_SEND, Entity.OUTREACH_CAMPAIGN,
                                     Entity.CAMPAIGN_CONTACT, Entity.OUTREACH_ATTEMPT,
                                     # the center's shared calendar and front desk (issue 16)
                                     Entity.APPOINTMENT, Entity.APPOINTMENT_BOOKING, Entity.WAITING_ENTRY)


class ChangeOp(StrEnum):
    """What a queued change does to its record."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class OutboxState(StrEnum):
    """Where a queued change stands on the desk: waiting to be sent, set aside after a rejection (the
    counselor fixes or discards it), or in conflict with the server's newer copy."""

    QUEUED = "queued"
    PARKED = "parked"
    CONFLICT = "conflict"


#: Every state an outbox row can be in, in the order the sync page lists them (most urgent first).
OUTBOX_STATES: tuple[OutboxState, ...] = (OutboxState.CONFLICT, OutboxState.PARKED, OutboxState.QUEUED)


class ChangeResultStatus(StrEnum):
    """The server's answer to one pushed change."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class FeedKind(StrEnum):
    """What one item of the server's changes feed carries."""

    RECORD = "record"
    CATALOG = "catalog"
    LICENSE_POOL = "license_pool"
    LICENSE_BLOCK = "license_block"
    PROGRESS = "progress"
    REFERRAL = "referral"  # a partner agency's referral for the center's desks (issue 16)


class Role(StrEnum):
    """What a person may do, on the desk and on the server. Supervisors and administrators see reports that
    name job seekers (USDOL TEGL 39-11, need-to-know) and approve pending licenses."""

    COUNSELOR = "counselor"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"
    # A partner agency's user: creates referrals for its organization and reads their status, nothing else
    # (every other route answers 403; ``agency_server.referrals``).
    PARTNER = "partner"


#: Roles that may see reports naming job seekers and approve licenses.
SUPERVISOR_ROLES: tuple[Role, ...] = (Role.SUPERVISOR, Role.ADMINISTRATOR)


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class AppointmentKind(StrEnum):
    SCHEDULED = "scheduled"
    WALK_IN = "walk_in"


class PlaceKind(StrEnum):
    """Where an appointment happens: at the career center, or at an outreach event (often with no network)."""

    CENTER = "center"
    OUTREACH = "outreach"


class AppointmentOutcome(StrEnum):
    """How the license conversation of an appointment ended (not a job outcome: the desk records none)."""

    LICENSE_ISSUED = "license_issued"
    PENDING_APPROVAL = "pending_approval"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_LICENSED = "already_licensed"
    REFERRED_ELSEWHERE = "referred_elsewhere"
    NEEDS_FOLLOW_UP = "needs_follow_up"
    DECLINED = "declined"
    LEFT_BEFORE_SEEN = "left_before_seen"  # the walk-in left before anyone was picked or served


class CatalogItemKind(StrEnum):
    """What a catalog item (and so a recommendation or a plan step) is."""

    COLLECTION = "collection"
    CERTIFICATE = "certificate"
    COURSE = "course"


#: Every enum above: the architecture test reads this to know which literals belong here.
VOCABULARIES: tuple[type[StrEnum], ...] = (
    LicenseStatus, RefusalReason, RejectReason, Entity, ChangeOp, OutboxState, ChangeResultStatus, FeedKind, Role,
    AppointmentStatus, AppointmentKind, AppointmentOutcome, PlaceKind, CatalogItemKind)
