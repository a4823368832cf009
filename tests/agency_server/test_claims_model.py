"""Model-based test of outreach claims on the server: counselors claim, renew and release people in any order while
time passes; the server's answers always match a simple model (one holder per person until the claim expires)."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.referrals import ReferralService
from counselor_app.agency_server.service import AgencyService
from counselor_app.sync import protocol as p
from counselor_app.sync import referral_protocol as rp

USERS = ("dana", "lee", "kim")
CONTACTS = ("c1", "c2", "c3")
PASSWORD = "correct horse battery staple"


class Claims(RuleBasedStateMachine):
    @initialize()
    def open_server(self) -> None:
        self.dir = tempfile.TemporaryDirectory()
        self.store = ServerStore(f"sqlite:///{Path(self.dir.name) / 'agency.db'}")
        agency = AgencyService(self.store)
        self.principals = {}
        for user in USERS:
            agency.add_user(username=user, role="counselor", center="Boston", password=PASSWORD)
            token = agency.login(p.SessionRequest(username=user, password=PASSWORD)).token
            self.principals[user] = agency.authenticate(token)
        self.now = datetime(2026, 3, 8, 6, 0)
        self.service = ReferralService(self.store, clock=lambda: self.now)
        self.model: dict[str, tuple[str, datetime]] = {}

    def teardown(self) -> None:
        if hasattr(self, "store"):
            self.store.close()
            self.dir.cleanup()

    def _holder(self, contact: str) -> str | None:
        held = self.model.get(contact)
        return held[0] if held and held[1] > self.now else None

    @rule(user=st.sampled_from(USERS), contact=st.sampled_from(CONTACTS), minutes=st.integers(1, 30))
    def claim(self, user: str, contact: str, minutes: int) -> None:
        grant = self.service.claim(self.principals[user], rp.ClaimRequest(contact_id=contact, minutes=minutes))
        holder = self._holder(contact)
        if holder is None or holder == user:
            assert grant.granted and grant.holder == user
            self.model[contact] = (user, self.now + timedelta(minutes=minutes))
        else:
            assert not grant.granted and grant.holder == holder
            assert grant.expires_at == self.model[contact][1]

    @rule(user=st.sampled_from(USERS), contact=st.sampled_from(CONTACTS))
    def release(self, user: str, contact: str) -> None:
        self.service.release(self.principals[user], contact)
        if self._holder(contact) == user:
            self.model[contact] = (user, self.now)

    @rule(minutes=st.integers(0, 40))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @invariant()
    def nobody_else_can_take_a_held_person(self) -> None:
        if not hasattr(self, "service"):
            return
        for contact in CONTACTS:
            holder = self._holder(contact)
            if holder is None:
                continue
            other = next(u for u in USERS if u != holder)
            # Asking must not change anything for the holder: a refused claim writes nothing.
            grant = self.service.claim(self.principals[other], rp.ClaimRequest(contact_id=contact))
            assert not grant.granted and grant.holder == holder


TestClaims = Claims.TestCase
TestClaims.settings = settings(max_examples=15, stateful_step_count=30, deadline=None)
