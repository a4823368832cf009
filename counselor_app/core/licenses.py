"""License issuance against the program's pool, online or at an outreach event with no network.

A device issues from a block of licenses the server reserved for it (or a configured default before its first
sync). Past the block it records the issuance as *pending approval*: over-issuing a capped state pool is worse
than asking a supervisor to confirm later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from counselor_app.core import validation as v
from counselor_app.core.changes import Actor, append_change, record_audit, record_payload
from counselor_app.core.errors import IssuanceRefused, NotFoundError, PermissionDeniedError, ValidationError
from counselor_app.core.messages import Message, message_of
from counselor_app.core.models import (
    CaseManagementService,
    EligibilityAttestation,
    JobSeeker,
    LicenseIssuance,
    LicensePool,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Saved, Written, note_changes, returns_changes
from counselor_app.core.vocabulary import (
    LIVE_LICENSE_STATUSES,
    ChangeOp,
    Entity,
    LicenseStatus,
    RefusalReason,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.db import Store
    from counselor_app.core.profiles import AgencyProfile

LIVE_STATUSES = LIVE_LICENSE_STATUSES


@dataclass(frozen=True, slots=True)
class IssuanceResult:
    issuance_id: str
    status: LicenseStatus  # issued | pending_approval
    email: str
    service_record_id: str | None
    block_remaining: int
    changes: OpChanges = NO_CHANGES  # what issuing changed (licenses, the outbox)


@dataclass(frozen=True, slots=True)
class PoolStatus:
    pool_size: int | None
    issued_statewide: int
    block_size: int
    block_used: int
    issued_here: int
    pending_here: int

    @property
    def block_remaining(self) -> int:
        return max(0, self.block_size - self.block_used)


class LicenseService:
    def __init__(self, store: Store, actor: Actor, profile: AgencyProfile, *, default_block: int,
                 today: date | None = None, zone: Callable[[], str | None] | None = None) -> None:
        self._store = store
        self._actor = actor
        self._profile = profile
        self._default_block = default_block
        self._today = today
        self._zone = zone  # the center's time zone, read when asked (Settings may change it)

    def today(self) -> date:
        """The center's day (``core.center_clock``), unless fixed for a test or a demo."""
        from counselor_app.core.center_clock import center_today

        return self._today or center_today(self._zone() if self._zone else None)

    def _pool(self, session: Session) -> LicensePool:
        program = self._profile.program
        pool = session.get(LicensePool, program.id)
        if pool is None:
            pool = LicensePool(program_id=program.id, pool_size=program.license_pool or 0, issued_statewide=0,
                               block_size=self._default_block, block_used=0, updated_at=utcnow())
            session.add(pool)
            session.flush()
        return pool

    def pool_status(self) -> PoolStatus:
        """A read: before the first issuance there is no pool row yet, and its defaults are what it will hold."""
        with self._store.read() as session:
            pool = session.get(LicensePool, self._profile.program.id)
            counts = dict(session.execute(
                select(LicenseIssuance.status, func.count()).where(
                    LicenseIssuance.program_id == self._profile.program.id).group_by(LicenseIssuance.status)).all())
            return PoolStatus(pool_size=self._profile.program.license_pool,
                              issued_statewide=pool.issued_statewide if pool else 0,
                              block_size=pool.block_size if pool else self._default_block,
                              block_used=pool.block_used if pool else 0,
                              issued_here=int(counts.get("issued", 0)),
                              pending_here=int(counts.get("pending_approval", 0)))

    def check(self, job_seeker_id: str, *, attestation_id: str | None = None) -> None:
        """Raise ``IssuanceRefused`` with the reason and the next step, without writing anything."""
        with self._store.read() as session:
            self._check(session, job_seeker_id, attestation_id)

    def _check(self, session: Session, job_seeker_id: str,
               attestation_id: str | None) -> tuple[JobSeeker, EligibilityAttestation, str]:
        program = self._profile.program
        seeker = session.get(JobSeeker, job_seeker_id)
        if seeker is None:
            raise NotFoundError(Message("job_seeker.not_found", "This job seeker is not in the local records."))
        today = self.today()
        if today > program.issue_by:
            raise IssuanceRefused(
                RefusalReason.PAST_ISSUE_BY, Message(
                    "refusal.past_issue_by", "Licenses for this program could be issued until {day}; that date has "
                    "passed.", day=program.issue_by),
                next_step=Message("refusal.past_issue_by.next", "Offer the center's other services, and check with "
                                  "your supervisor whether the state has extended the program."))
        if today < program.starts_on:
            raise IssuanceRefused(RefusalReason.NOT_STARTED, Message(
                "refusal.not_started", "This program starts on {day}.", day=program.starts_on),
                next_step=Message("refusal.not_started.next",
                                  "Schedule a follow-up appointment for after the start date."))
        existing = session.scalar(select(LicenseIssuance).where(
            LicenseIssuance.job_seeker_id == job_seeker_id, LicenseIssuance.program_id == program.id,
            LicenseIssuance.status.in_(LIVE_STATUSES)))
        if existing is not None:
            if existing.status == LicenseStatus.PENDING_APPROVAL:
                already = Message("refusal.already_pending", "{name} already has a license in this program: it is "
                                  "waiting for approval since {day}.", name=seeker.full_name, day=existing.issued_on)
            else:
                already = Message("refusal.already_licensed", "{name} already has a license in this program: it "
                                  "was issued on {day}.", name=seeker.full_name, day=existing.issued_on)
            raise IssuanceRefused(RefusalReason.ALREADY_LICENSED, already, next_step=Message(
                "refusal.already_licensed.next", "Check that the invitation e-mail arrived; if the address was "
                "wrong, correct it and ask an administrator to resend."))
        if attestation_id:
            attestation = session.get(EligibilityAttestation, attestation_id)
            if attestation is None or attestation.job_seeker_id != job_seeker_id:
                raise IssuanceRefused(RefusalReason.NO_ATTESTATION, Message(
                    "refusal.attestation_not_found", "The eligibility attestation was not found for this person."),
                    next_step=Message("refusal.attestation_not_found.next",
                                      "Go back to the eligibility step and record the attestation."))
        else:
            attestation = session.scalar(select(EligibilityAttestation).where(
                EligibilityAttestation.job_seeker_id == job_seeker_id,
                EligibilityAttestation.program_id == program.id)
                .order_by(EligibilityAttestation.attested_at.desc()).limit(1))
            if attestation is None:
                raise IssuanceRefused(RefusalReason.NO_ATTESTATION, Message(
                    "refusal.no_attestation", "Eligibility has not been checked for this person yet."),
                    next_step=Message("refusal.no_attestation.next", "Record the self-attestation first."))
        if not attestation.eligible:
            # The reasons and the next step are the state's own texts (its profile), quoted as they are.
            raise IssuanceRefused(RefusalReason.NOT_ELIGIBLE, Message(
                "refusal.not_eligible", "The self-attestation shows this person is not eligible: {reasons}",
                reasons=" ".join(attestation.reasons)),
                next_step=str(self._profile.eligibility.get("next_step_if_not_eligible", "")))
        try:
            email = v.normalize_email(seeker.email or "")
        except ValueError as exc:
            raise IssuanceRefused(RefusalReason.INVALID_EMAIL, Message(
                "refusal.invalid_email", "The invitation goes by e-mail, and the e-mail address on file is missing "
                "or not valid ({problem})", problem=message_of(exc)),
                next_step=Message("refusal.invalid_email.next", "Correct the e-mail address in the job seeker's "
                                  "record, then issue the license.")) from None
        return seeker, attestation, email

    @returns_changes
    def issue(self, job_seeker_id: str, *, appointment_id: str | None = None,
              attestation_id: str | None = None) -> IssuanceResult:
        program = self._profile.program
        with self._store.write() as session:
            seeker, attestation, email = self._check(session, job_seeker_id, attestation_id)
            pool = self._pool(session)
            within_block = pool.block_used < pool.block_size
            status = LicenseStatus.ISSUED if within_block else LicenseStatus.PENDING_APPROVAL
            if within_block:
                pool.block_used += 1
                pool.updated_at = utcnow()
            issuance = LicenseIssuance(
                job_seeker_id=seeker.id, program_id=program.id, appointment_id=appointment_id,
                attestation_id=attestation.id, status=status, email=email, issued_on=self.today(),
                issued_at=utcnow(), issued_by=self._actor.user_id, center_id=self._actor.center_id,
                from_device_block=within_block, version=1)
            session.add(issuance)
            session.flush()
            append_change(session, entity=Entity.LICENSE_ISSUANCE, entity_id=issuance.id, op=ChangeOp.CREATE,
                          payload=record_payload(issuance))
            service_id = self._record_service(session, issuance) if status == LicenseStatus.ISSUED else None
            record_audit(session, self._actor, "license_issue" if within_block else "license_pending",
                         entity=Entity.LICENSE_ISSUANCE, entity_id=issuance.id,
                         detail={"job_seeker_id": seeker.id, "program_id": program.id, "status": status})
            return IssuanceResult(issuance_id=issuance.id, status=status, email=email,
                                  service_record_id=service_id,
                                  block_remaining=max(0, pool.block_size - pool.block_used))

    def _record_service(self, session: Session, issuance: LicenseIssuance) -> str:
        service = CaseManagementService(
            job_seeker_id=issuance.job_seeker_id, issuance_id=issuance.id,
            system=self._profile.case_management_system, service_label=self._profile.service_label,
            service_category=self._profile.service_category, service_date=issuance.issued_on,
            counselor_id=self._actor.user_id, recorded_at=utcnow())
        session.add(service)
        session.flush()
        append_change(session, entity=Entity.CASE_SERVICE, entity_id=service.id, op=ChangeOp.CREATE,
                      payload=record_payload(service))
        return service.id

    @returns_changes
    def approve_pending(self, issuance_id: str) -> IssuanceResult:
        """Turn a pending issuance into an issued one once the device has room in its block again."""
        with self._store.write() as session:
            issuance = session.get(LicenseIssuance, issuance_id)
            if issuance is None:
                raise NotFoundError(Message("license.not_found", "This license is not in the local records."))
            if issuance.status != LicenseStatus.PENDING_APPROVAL:
                raise IssuanceRefused(RefusalReason.NOT_PENDING, Message(
                    "refusal.not_pending", "This license is not waiting for approval."))
            pool = self._pool(session)
            if pool.block_used >= pool.block_size:
                raise IssuanceRefused(RefusalReason.BLOCK_EXHAUSTED, Message(
                    "refusal.block_exhausted", "This device has no licenses left in its reserved block."),
                    next_step=Message("refusal.block_exhausted.next",
                                      "Connect to the network and sync to reserve more licenses."))
            pool.block_used += 1
            base = issuance.version
            issuance.status = LicenseStatus.ISSUED
            issuance.version = base + 1
            issuance.status_changed_at = utcnow()
            issuance.status_changed_by = self._actor.user_id
            session.flush()
            append_change(session, entity=Entity.LICENSE_ISSUANCE, entity_id=issuance.id, op=ChangeOp.UPDATE,
                          payload={"status": LicenseStatus.ISSUED, "version": issuance.version,
                                   "status_changed_at": issuance.status_changed_at}, base_version=base)
            service_id = self._record_service(session, issuance)
            record_audit(session, self._actor, "license_approve", entity=Entity.LICENSE_ISSUANCE, entity_id=issuance.id)
            return IssuanceResult(issuance_id=issuance.id, status=LicenseStatus.ISSUED, email=issuance.email,
                                  service_record_id=service_id,
                                  block_remaining=max(0, pool.block_size - pool.block_used))

    @returns_changes
    def change_status(self, issuance_id: str, *, status: str, reason: str) -> Saved[LicenseIssuance]:
        """Revoke or inactivate a license: administrators only, always with a reason."""
        if not self._actor.is_administrator:
            raise PermissionDeniedError(Message("license.admin_only",
                                                "Only a program administrator can revoke or inactivate a license."))
        if status not in (LicenseStatus.REVOKED, LicenseStatus.INACTIVATED):
            raise ValidationError({"status": Message("license.status_choice",
                                                     "A license can be revoked or inactivated.")})
        if not (reason or "").strip():
            raise ValidationError({"reason": Message("license.reason_missing",
                                                     "Give the reason for this change; it is kept in the record.")})
        if len(reason.strip()) > 2000:  # within what the agency server takes (sync.payloads)
            raise ValidationError({"reason": Message("license.reason_too_long",
                                                     "The reason is too long (2,000 characters at most).")})
        with self._store.write() as session:
            issuance = session.get(LicenseIssuance, issuance_id)
            if issuance is None:
                raise NotFoundError(Message("license.not_found", "This license is not in the local records."))
            if issuance.status not in LIVE_STATUSES:
                raise IssuanceRefused(RefusalReason.NOT_LIVE, Message(
                    "refusal.already_revoked", "This license is already revoked.")
                    if issuance.status == LicenseStatus.REVOKED else Message(
                    "refusal.already_inactivated", "This license is already inactivated."))
            base = issuance.version
            issuance.status = status
            issuance.status_reason = reason.strip()
            issuance.status_changed_at = utcnow()
            issuance.status_changed_by = self._actor.user_id
            issuance.version = base + 1
            session.flush()
            append_change(session, entity=Entity.LICENSE_ISSUANCE, entity_id=issuance.id, op=ChangeOp.UPDATE,
                          payload={"status": status, "status_reason": issuance.status_reason,
                                   "version": issuance.version, "status_changed_at": issuance.status_changed_at},
                          base_version=base)
            record_audit(session, self._actor, f"license_{status}", entity=Entity.LICENSE_ISSUANCE,
                         entity_id=issuance.id, detail={"reason_given": True})
            session.expunge(issuance)
            return Saved(issuance)

    @returns_changes
    def set_block(self, *, block_size: int, issued_statewide: int | None = None) -> Written:
        """Called by sync with the block the server reserved for this device."""
        if block_size < 0:
            raise ValueError("block_size must not be negative")
        with self._store.write() as session:
            pool = self._pool(session)
            pool.block_size = block_size
            pool.block_used = 0
            pool.block_reserved_at = utcnow()
            note_changes(OpChanges(licenses=True))
            if issued_statewide is not None:
                pool.issued_statewide = issued_statewide
            pool.updated_at = utcnow()
            record_audit(session, self._actor, "license_block", entity=Entity.LICENSE_POOL,
                         entity_id=self._profile.program.id, detail={"block_size": block_size})
        return Written()
