"""The desk's side of outreach claims and partner-referral statuses (issue 16).

``ServerClaimArbiter`` asks the agency server who works a campaign contact now, so two desks never call the same
person at once; when the server cannot be reached the desk falls back to its local view (it is offline, so no
other desk can be asked) and says so in ``offline``. ``send_referral_statuses`` tells the server what the center
did with each partner referral; it runs in every sync round after the outbox is pushed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from counselor_app.core.campaigns import ClaimResult, LocalClaimArbiter
from counselor_app.core.partner_referrals import PartnerReferralService
from counselor_app.sync import referral_protocol as rp
from counselor_app.sync.errors import ServerRefused, SyncError

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk
    from counselor_app.sync.transport import AgencyClient

log = logging.getLogger(__name__)


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


class ServerClaimArbiter:
    """``client_factory`` returns a signed-in ``AgencyClient`` (or None when the desk is not signed in)."""

    def __init__(self, desk: Desk, client_factory: Callable[[], AgencyClient | None]) -> None:
        self._desk = desk
        self._client_factory = client_factory
        self._local = LocalClaimArbiter(desk.store)
        self.offline = False

    def claim(self, contact_id: str, *, holder: str, minutes: int) -> ClaimResult:
        client = self._client_factory()
        if client is None:
            self.offline = True
            return self._local.claim(contact_id, holder=holder, minutes=minutes)
        try:
            grant = client._call("POST", "/outreach/claims", rp.ClaimGrant, retry=False,
                                 body=rp.ClaimRequest(contact_id=contact_id, minutes=minutes,
                                                      device_id=self._desk.settings.device_id))
        except SyncError as exc:
            log.info("claim not arbitrated by the server (%s); using the local view", type(exc).__name__)
            self.offline = True
            return self._local.claim(contact_id, holder=holder, minutes=minutes)
        self.offline = False
        return ClaimResult(grant.granted, grant.holder, _naive_utc(grant.expires_at))

    def release(self, contact_id: str, *, holder: str) -> None:
        client = self._client_factory()
        if client is None:
            return
        try:
            client._call("DELETE", f"/outreach/claims/{contact_id}", None, retry=False)
        except SyncError:
            pass  # the claim expires on its own


def send_referral_statuses(desk: Desk, client: AgencyClient) -> int:
    """POST each status this desk set on a partner referral; returns how many the server confirmed."""
    service = PartnerReferralService(desk.store, desk.actor)
    service.promote_served()
    sent = 0
    for referral_id, status, seeker_id in service.statuses_to_send():
        try:
            client._call("POST", f"/referrals/{referral_id}/status", rp.ReferralRecord,
                         body=rp.ReferralStatusUpdate(status=status, job_seeker_id=seeker_id))  # type: ignore[arg-type]
        except ServerRefused as exc:
            # Refused for good (the referral is gone or went to another center): one bad item must not stop
            # every later sync round; the local status stays as the counselor set it.
            log.warning("referral status refused by the server: %s", exc)
        else:
            sent += 1
        service.status_sent(referral_id, status)
    return sent
