"""Partner referrals on the desk: received through the sync feed, accepted into the outreach queue, booked.

A partner agency (a ``partner`` user on the agency server) refers a shared customer with a reason; the server
puts the referral in the changes feed for the center's desks (feed kind ``referral``). A counselor accepts it:
the person becomes a contact of the referrals queue, linked to the job seeker they already are or held as a
prospect. Booking the person moves the referral to ``booked``; the appointment held, to ``served``. Each status
this desk sets waits in ``status_to_send`` until ``sync.referral_sync`` has told the server, which is where the
partner reads it. Someone not registered with the state's system carries the next step ``register`` (MassHire
100 DCS 14.355: register in JobQuest and contact the nearest career center).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselor_app.core.changes import Actor, append_change, record_audit
from counselor_app.core.errors import NotFoundError, ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.models import JobSeeker, utcnow
from counselor_app.core.op_changes import OpChanges, Written, note_changes, returns_changes
from counselor_app.core.outreach_models import CampaignContact, PartnerReferral, outbox_payload
from counselor_app.core.vocabulary import AppointmentStatus, ChangeOp, Entity

if TYPE_CHECKING:
    from counselor_app.core.db import Store


class ReferralStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    BOOKED = "booked"
    SERVED = "served"
    DECLINED = "declined"


class ReferralNextStep(StrEnum):
    REGISTER = "register"  # not yet registered with the state's system (JobQuest in Massachusetts)


# A referral's status moves forward only; a late feed item never takes it back.
_ORDER = {ReferralStatus.SUBMITTED: 0, ReferralStatus.ACCEPTED: 1, ReferralStatus.BOOKED: 2,
          ReferralStatus.SERVED: 3, ReferralStatus.DECLINED: 3}


@dataclass(frozen=True, slots=True)
class ReferralRow:
    id: str
    organization: str
    name: str
    email: str | None
    phone: str | None
    language: str
    registered: bool
    reason: str
    next_step: ReferralNextStep | None
    status: ReferralStatus
    job_seeker_id: str | None
    contact_id: str | None
    referred_at: datetime
    waiting_to_send: bool


def set_referral_status(session: Session, referral_id: str, status: ReferralStatus, *, now: datetime,
                        appointment_id: str | None = None, job_seeker_id: str | None = None) -> None:
    """Inside the caller's transaction: move a referral forward and queue the status for the server."""
    ref = session.get(PartnerReferral, referral_id)
    if ref is None or _ORDER[ReferralStatus(ref.status)] >= _ORDER[status]:
        return
    ref.status = status
    ref.status_to_send = status
    ref.updated_at = now
    if appointment_id:
        ref.appointment_id = appointment_id
    if job_seeker_id:
        ref.job_seeker_id = job_seeker_id


def store_feed_referral(session: Session, data: dict[str, Any]) -> bool:
    """Write a referral from the feed. A status this desk has not sent yet is kept. False when unusable."""
    rid = str(data.get("id") or "")[:36]
    first, last = str(data.get("first_name") or "").strip(), str(data.get("last_name") or "").strip()
    if not rid or not (first or last):
        return False
    try:
        status = ReferralStatus(str(data.get("status") or "submitted"))
    except ValueError:
        status = ReferralStatus.SUBMITTED
    ref = session.get(PartnerReferral, rid)
    if ref is None:
        ref = PartnerReferral(id=rid, status=status, referred_at=_parse(data.get("created_at")) or utcnow())
        session.add(ref)
    elif ref.status_to_send is None and _ORDER[status] >= _ORDER[ReferralStatus(ref.status)]:
        ref.status = status
    ref.organization = str(data.get("organization") or "")[:200]
    ref.first_name, ref.last_name = first[:120], last[:120]
    ref.email = (str(data["email"])[:254] if data.get("email") else None)
    ref.phone = (str(data["phone"])[:20] if data.get("phone") else None)
    ref.preferred_language = str(data.get("preferred_language") or "en")[:8]
    ref.registered = bool(data.get("registered"))
    ref.reason = str(data.get("reason") or "")[:4000]
    ref.next_step = str(data["next_step"])[:40] if data.get("next_step") else None
    ref.updated_at = utcnow()
    return True


def _parse(value: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    if parsed.tzinfo is not None:
        from datetime import UTC

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


class PartnerReferralService:
    def __init__(self, store: Store, actor: Actor, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    def referrals(self, *, open_only: bool = False) -> list[ReferralRow]:
        with self._store.read() as session:
            query = select(PartnerReferral).order_by(PartnerReferral.referred_at)
            if open_only:
                query = query.where(PartnerReferral.status == ReferralStatus.SUBMITTED)
            return [_row(r) for r in session.scalars(query)]

    def get(self, referral_id: str) -> ReferralRow:
        with self._store.read() as session:
            ref = session.get(PartnerReferral, referral_id)
            if ref is None:
                raise NotFoundError(Message(
                        "partner_referrals.referral_desk",
                        "This referral is not on this desk."))
            return _row(ref)

    def accept(self, referral_id: str, *, job_seeker_id: str | None = None,
               possible_match_id: str | None = None) -> str:
        """Accept a referral into the referrals queue; returns the new contact's id. ``job_seeker_id`` links the
        person to a job seeker already registered; without it they are a prospect, flagged with
        ``possible_match_id`` (a weak similarity such as the same phone) for a counselor to confirm or reject."""
        from counselor_app.core.campaigns import POSSIBLE_PREFIX

        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            ref = session.get(PartnerReferral, referral_id)
            if ref is None:
                raise NotFoundError(Message(
                        "partner_referrals.referral_desk",
                        "This referral is not on this desk."))
            if ref.contact_id:
                return ref.contact_id
            if ref.status != ReferralStatus.SUBMITTED:
                raise ValidationError({"referral": Message(
                        "partner_referrals.referral_already_handled",
                        "This referral was already handled.")})
            if job_seeker_id is not None and session.get(JobSeeker, job_seeker_id) is None:
                raise NotFoundError(Message(
                        "partner_referrals.job_seeker_local",
                        "This job seeker is not in the local records."))
            contact = CampaignContact(
                campaign_id=None, job_seeker_id=job_seeker_id, referral_id=ref.id, first_name=ref.first_name,
                last_name=ref.last_name, email=ref.email, phone=ref.phone, preferred_language=ref.preferred_language,
                match_reason=(POSSIBLE_PREFIX + possible_match_id if possible_match_id and job_seeker_id is None
                              else "partner_referral"), status="new", attempt_count=0, center_id=self._actor.center_id,
                created_at=now, updated_at=now, version=1)
            session.add(contact)
            session.flush()
            append_change(session, entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, op=ChangeOp.CREATE,
                          payload=outbox_payload(contact, drop=("claimed_by", "claim_expires_at")))
            ref.contact_id = contact.id
            set_referral_status(session, ref.id, ReferralStatus.ACCEPTED, now=now, job_seeker_id=job_seeker_id)
            record_audit(session, self._actor, "referral_accept", entity="partner_referral", entity_id=ref.id)
            return contact.id

    @returns_changes
    def decline(self, referral_id: str) -> Written:
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            if session.get(PartnerReferral, referral_id) is None:
                raise NotFoundError(Message(
                        "partner_referrals.referral_desk",
                        "This referral is not on this desk."))
            set_referral_status(session, referral_id, ReferralStatus.DECLINED, now=self._clock())
        return Written()

    def promote_served(self) -> int:
        """Referrals whose appointment was held become ``served``; returns how many moved."""
        from counselor_app.core.models import Appointment

        moved = 0
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            rows = session.execute(
                select(PartnerReferral.id, Appointment.job_seeker_id)
                .join(Appointment, Appointment.id == PartnerReferral.appointment_id)
                .where(PartnerReferral.status == ReferralStatus.BOOKED, Appointment.status == AppointmentStatus.COMPLETED)).all()
            for referral_id, seeker_id in rows:
                set_referral_status(session, referral_id, ReferralStatus.SERVED, now=self._clock(),
                                    job_seeker_id=seeker_id)
                moved += 1
        return moved

    def statuses_to_send(self) -> list[tuple[str, str, str | None]]:
        """(referral id, status, job seeker id) the server has not confirmed yet."""
        with self._store.read() as session:
            return [(r.id, r.status_to_send, r.job_seeker_id) for r in session.scalars(
                select(PartnerReferral).where(PartnerReferral.status_to_send.is_not(None)))
                if r.status_to_send]

    def status_sent(self, referral_id: str, status: str) -> None:
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            ref = session.get(PartnerReferral, referral_id)
            if ref is not None and ref.status_to_send == status:
                ref.status_to_send = None


def _row(r: PartnerReferral) -> ReferralRow:
    try:
        step = ReferralNextStep(r.next_step) if r.next_step else None
    except ValueError:
        step = None
    return ReferralRow(id=r.id, organization=r.organization, name=f"{r.first_name} {r.last_name}".strip(),
                       email=r.email, phone=r.phone, language=r.preferred_language, registered=r.registered,
                       reason=r.reason, next_step=step, status=ReferralStatus(r.status),
                       job_seeker_id=r.job_seeker_id, contact_id=r.contact_id, referred_at=r.referred_at,
                       waiting_to_send=r.status_to_send is not None)
