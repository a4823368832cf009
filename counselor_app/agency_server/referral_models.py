"""The reference server's tables for partner referrals and outreach claims (issue 16).

On the same ``Base`` as ``agency_server.models``, which imports this module at its end so migrations and the
metadata see them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counselor_app.agency_server.models import Base, new_id, utcnow


class PartnerOrganization(Base):
    """Which partner organization a ``partner`` user speaks for (default: the user's display name)."""

    __tablename__ = "partner_organization"
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    organization: Mapped[str] = mapped_column(String(200), index=True)


class Referral(Base):
    """A partner's referral of a shared customer to a career center, and where the center has got with it."""

    __tablename__ = "partner_referral"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organization: Mapped[str] = mapped_column(String(200), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    center_id: Mapped[int] = mapped_column(ForeignKey("center.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="submitted", index=True)
    job_seeker_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class OutreachClaim(Base):
    """Who is working a campaign contact now, until when. One row per contact: the primary key is what makes two
    desks racing for the same person end with one holder."""

    __tablename__ = "outreach_claim"
    contact_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("center.id"))
    holder: Mapped[str] = mapped_column(String(120))
    device_id: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
