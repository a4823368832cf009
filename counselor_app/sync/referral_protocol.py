"""Messages of the partner-referral and outreach-claim routes (issue 16), shared by the desk and the reference
server like ``sync.protocol``; FastAPI writes them into the OpenAPI document.

Routes (all under ``/api/v1``):

* ``POST /referrals`` (partner): refer a customer to a career center; the referral reaches that center's desks
  through the changes feed (kind ``referral``, key = the referral id, ``data`` = ``ReferralRecord``).
* ``GET /referrals`` and ``GET /referrals/{id}``: a partner reads its own organization's referrals only; center
  staff read their center's; an administrator reads all.
* ``POST /referrals/{id}/status`` (center staff): the center's progress (accepted, booked, served, declined),
  which the partner then reads.
* ``POST /outreach/claims`` and ``DELETE /outreach/claims/{contact_id}`` (center staff): who works a campaign
  contact now; the server keeps one holder per contact until the claim expires.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ReferralStatusValue = Literal["submitted", "accepted", "booked", "served", "declined"]
STAFF_STATUSES = ("accepted", "booked", "served", "declined")
NEXT_STEP_REGISTER = "register"
MAX_CLAIM_MINUTES = 120


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ReferralCreate(_Message):
    center: str | None = Field(default=None, max_length=200, description="The career center referred to; "
                               "default: the partner user's center.")
    first_name: str = Field(min_length=1, max_length=120)
    last_name: str = Field(min_length=1, max_length=120)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=40)
    preferred_language: str = Field(default="en", max_length=8)
    registered: bool = Field(description="Whether the person is registered with the state's job-seeker system "
                             "(JobQuest in Massachusetts). If not, the referral carries the next step 'register'.")
    reason: str = Field(min_length=1, max_length=4000, description="Why the partner refers the person.")


class ReferralRecord(_Message):
    id: str
    organization: str
    center: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    preferred_language: str
    registered: bool
    reason: str
    next_step: str | None = Field(description="'register' when the person must first register with the state's "
                                  "system and contact the nearest career center.")
    status: ReferralStatusValue
    created_at: datetime
    updated_at: datetime


class ReferralList(_Message):
    referrals: list[ReferralRecord]


class ReferralStatusUpdate(_Message):
    status: Literal["accepted", "booked", "served", "declined"]
    job_seeker_id: str | None = Field(default=None, max_length=64, description="The job seeker the person was "
                                      "linked to (never shown to the partner).")


class ClaimRequest(_Message):
    contact_id: str = Field(min_length=1, max_length=64)
    minutes: int = Field(default=15, ge=1, le=MAX_CLAIM_MINUTES)
    device_id: str | None = Field(default=None, max_length=64)


class ClaimGrant(_Message):
    contact_id: str
    granted: bool = Field(description="False when someone else holds an unexpired claim; holder and expires_at "
                          "then name them and when it ends.")
    holder: str
    expires_at: datetime
