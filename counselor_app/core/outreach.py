"""The services of the work before an appointment, built once per desk: campaigns, scheduling, the front desk and
partner referrals share the desk's store, actor, clock and the center's time zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from counselor_app.core.campaigns import CampaignService, ClaimArbiter
from counselor_app.core.front_desk import FrontDeskService
from counselor_app.core.models import utcnow
from counselor_app.core.outreach_mail import MailSender, MemoryMailSender, RelayMailSender
from counselor_app.core.partner_referrals import PartnerReferralService
from counselor_app.core.scheduling import SchedulingService

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk



@dataclass(slots=True)
class Outreach:
    campaigns: CampaignService
    scheduling: SchedulingService
    front_desk: FrontDeskService
    referrals: PartnerReferralService
    mail: MailSender | None
    from_address: str


def mail_sender_for(desk: Desk) -> MailSender | None:
    """The configured SMTP server; in the demo, an in-memory outbox; otherwise None (nothing is sent)."""
    s = desk.settings
    if s.smtp_host:
        from counselor_app.core.reminder_sender import connect_relay

        return RelayMailSender(connect=lambda: connect_relay(desk), sender=s.smtp_sender)
    if s.demo:
        return MemoryMailSender()
    return None


def outreach_for(desk: Desk, *, clock: Callable[[], datetime] = utcnow, mail: MailSender | None = None,
                 arbiter: ClaimArbiter | None = None) -> Outreach:
    zone = desk.settings.center_time_zone
    return Outreach(
        campaigns=CampaignService(desk.store, desk.actor, clock=clock, arbiter=arbiter),
        scheduling=SchedulingService(desk.store, desk.actor, zone=zone, clock=clock),
        front_desk=FrontDeskService(desk.store, desk.actor, zone=zone, clock=clock),
        referrals=PartnerReferralService(desk.store, desk.actor, clock=clock),
        mail=mail if mail is not None else mail_sender_for(desk),
        from_address=desk.settings.smtp_sender or "no-reply@counselor-desk.invalid",
    )
