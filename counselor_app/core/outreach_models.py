"""The local store's tables for the work before an appointment (issue 16): outreach campaigns and their contacts,
contact attempts, partner referrals, bookings and the front desk's waiting list.

They live on the same ``Base`` as ``core.models`` (which imports this module at its end so Alembic and
``Base.metadata`` see them). Times are naive UTC like every other column of the store; the center's time zone is
applied only when a time is shown or typed (``core.scheduling``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselor_app.core.models import Base, new_id, utcnow


class OutreachCampaign(Base):
    """A customer list imported from the state's system, worked as a queue ("RESEA attendees since March 2020")."""

    __tablename__ = "outreach_campaign"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str | None] = mapped_column(String(300))
    source_file: Mapped[str | None] = mapped_column(String(260))
    source_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    matched_count: Mapped[int] = mapped_column(Integer, default=0)
    prospect_count: Mapped[int] = mapped_column(Integer, default=0)
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    created_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CampaignContact(Base):
    """One person of a campaign (or one accepted partner referral): a local job seeker or a prospect.

    ``claimed_by``/``claim_expires_at`` say which counselor is working the person right now; the agency server
    arbitrates the claim between desks (``agency_server.referrals``), the local copy only shows it.
    """

    __tablename__ = "campaign_contact"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("outreach_campaign.id"), index=True)
    job_seeker_id: Mapped[str | None] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    referral_id: Mapped[str | None] = mapped_column(String(36), index=True)
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    zip_code: Mapped[str | None] = mapped_column(String(10))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    agency_customer_id: Mapped[str | None] = mapped_column(String(40))
    match_reason: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    decline_reason: Mapped[str | None] = mapped_column(String(40))
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    invited_at: Mapped[datetime | None] = mapped_column(DateTime)
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    claim_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_campaign_contact_queue", "campaign_id", "status"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class OutreachAttempt(Base):
    """One call or e-mail to a contact, with when, who, and how it went."""

    __tablename__ = "outreach_attempt"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    contact_id: Mapped[str] = mapped_column(ForeignKey("campaign_contact.id"), index=True)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("outreach_campaign.id"), index=True)
    counselor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    counselor_name: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class PartnerReferral(Base):
    """A partner agency's referral as this desk received it through the feed; ``id`` is the server's."""

    __tablename__ = "partner_referral"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="submitted", index=True)
    # A status this desk set that the server has not confirmed yet (sent by ``sync.referral_sync``).
    status_to_send: Mapped[str | None] = mapped_column(String(20))
    job_seeker_id: Mapped[str | None] = mapped_column(ForeignKey("job_seeker.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("campaign_contact.id"))
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    referred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AppointmentBooking(Base):
    """What a booked appointment needs besides ``appointment``: how it is held, how long, whom to tell.

    ``id`` is the appointment's id (one booking per appointment)."""

    __tablename__ = "appointment_booking"
    id: Mapped[str] = mapped_column(ForeignKey("appointment.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    mode: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    counselor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    email: Mapped[str | None] = mapped_column(String(254))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("campaign_contact.id"))
    referral_id: Mapped[str | None] = mapped_column(String(36))
    confirmation_sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The counselor as every desk of the center knows them (the sign-in name; ``counselor_id`` is this desk's
    # row) and their name, so a booking made at another desk still says whose it is and still blocks the time.
    counselor_key: Mapped[str | None] = mapped_column(String(120), index=True)
    counselor_name: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class WaitingEntry(Base):
    """Someone at the front desk: arrived (walk-in or booked), then called in, or gone before being seen."""

    __tablename__ = "waiting_entry"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    center_id: Mapped[str | None] = mapped_column(ForeignKey("center.id"))
    job_seeker_id: Mapped[str | None] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(240))
    booked_appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    arrived_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    left_at: Mapped[datetime | None] = mapped_column(DateTime)
    checked_in_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def outbox_payload(row: Base, *, drop: tuple[str, ...] = ()) -> dict[str, object]:
    """The record's columns for the outbox, without ``drop`` and without a null ``job_seeker_id``: the agency
    server refuses a created record that names no job seeker, and a prospect or a walk-in has none yet (the
    field is sent in the update that links them)."""
    from counselor_app.core.changes import record_payload

    payload = record_payload(row)
    for key in drop:
        payload.pop(key, None)
    if payload.get("job_seeker_id", "") is None:
        payload.pop("job_seeker_id")
    return payload
