"""Local sign-in per counselor: slow hashes, throttling that survives a restart, attribution in the audit."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from counselor_app.core import open_desk
from counselor_app.core.local_accounts import (
    FREE_ATTEMPTS,
    MAX_WAIT,
    LocalAccounts,
    SecretRefused,
    UnlockOutcome,
    hash_secret,
    secret_problem,
    verify_secret,
    wait_after,
)
from counselor_app.core.models import AuditEvent, JobSeeker, LocalCredential
from tests.conftest import MA_PROGRAM_DAY


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2020, 10, 1, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def test_hash_is_scrypt_salted_and_verifies() -> None:
    a, b = hash_secret("274913"), hash_secret("274913")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert verify_secret("274913", a) and not verify_secret("274914", a)
    assert not verify_secret("274913", "garbage")


@pytest.mark.parametrize("secret, problem", [("12345", "pin_too_short"), ("123456", "pin_too_simple"),
                                             ("000000", "pin_too_simple"), ("654321", "pin_too_simple"),
                                             ("abc", "password_too_short"), ("274913", None),
                                             ("outreach fair", None)])
def test_secret_rules(secret: str, problem: str | None) -> None:
    assert secret_problem(secret) == problem


def test_wrong_pins_throttle_and_the_throttle_survives_a_restart(desk) -> None:
    clock = Clock()
    accounts = LocalAccounts(desk.store, clock=clock)
    me = desk.actor
    accounts.set_secret(me, me.user_id, "274913")
    for n in range(1, FREE_ATTEMPTS):
        result = accounts.unlock(me.user_id, "000001")
        assert result.outcome == UnlockOutcome.WRONG and result.failures == n and result.wait_seconds == 0
    third = accounts.unlock(me.user_id, "000001")
    assert third.outcome == UnlockOutcome.WRONG and third.wait_seconds == 30
    # While throttled even the right PIN is not checked.
    blocked = accounts.unlock(me.user_id, "274913")
    assert blocked.outcome == UnlockOutcome.THROTTLED and 0 < blocked.wait_seconds <= 30
    # A new process (the app restarted) sees the same throttle.
    fresh = LocalAccounts(desk.store, clock=clock)
    assert fresh.unlock(me.user_id, "274913").outcome == UnlockOutcome.THROTTLED
    clock.now += timedelta(seconds=31)
    fourth = fresh.unlock(me.user_id, "999999")
    assert fourth.outcome == UnlockOutcome.WRONG and fourth.wait_seconds == 60, "the wait doubles"
    clock.now += timedelta(seconds=61)
    assert fresh.unlock(me.user_id, "274913").ok
    with desk.store.read() as session:
        cred = session.get(LocalCredential, me.user_id)
        assert cred.failures == 0 and cred.locked_until is None
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("unlock%"))))
    assert actions.count("unlock_failed") == 4 and actions.count("unlock_throttled") == 2 and "unlock" in actions


@given(st.integers(min_value=0, max_value=10**9))
@settings(max_examples=60, deadline=None)
def test_wait_never_shrinks_and_is_capped(failures: int) -> None:
    assert wait_after(failures) <= wait_after(failures + 1) <= MAX_WAIT
    assert (wait_after(failures) == timedelta(0)) == (failures < FREE_ATTEMPTS)


def test_second_counselor_is_attributed_in_records_and_audit(desk, configured_data_dir: Path) -> None:
    accounts = LocalAccounts(desk.store)
    first = desk.actor
    accounts.set_secret(first, first.user_id, "274913")
    added = accounts.add_counselor(first, display_name="Lee  Chen", secret="outreach fair")
    assert added.center_name == first.center_name and added.has_secret and added.username == "lee.chen"
    with pytest.raises(SecretRefused):
        accounts.add_counselor(first, display_name="Sam Ortiz", secret="1234")
    assert accounts.unlock(added.user_id, "outreach fair").ok
    desk.switch_actor(accounts.actor_for(added.user_id))
    seeker = desk.job_seekers.register({"first_name": "Rosa", "last_name": "Alvarez", "email": "rosa@example.org"},
                                       confirmed_not_duplicate=True).record
    with desk.store.read() as session:
        assert session.get(JobSeeker, seeker.id).created_by == added.user_id
        names = list(session.scalars(select(AuditEvent.actor_name).where(AuditEvent.entity_id == seeker.id)))
    assert names and set(names) == {"lee.chen"}
    # Reopened, the desk still knows both counselors.
    desk.close()
    with open_desk(data_dir=configured_data_dir, agency="ma", today=MA_PROGRAM_DAY) as again:
        listed = {c.display_name: c.has_secret for c in LocalAccounts(again.store).counselors()}
    assert listed == {"Dana Rivera": True, "Lee Chen": True}


def test_only_a_supervisor_adds_a_supervisor(desk) -> None:
    accounts = LocalAccounts(desk.store)
    added = accounts.add_counselor(desk.actor, display_name="Pat Doe", secret="274913", role="supervisor")
    assert added.role == "counselor"


class UnlockMachine(RuleBasedStateMachine):
    """A counselor and a passer-by at the lock screen, in any order, with time passing: the right PIN opens only
    when no wait is pending, a wrong one never opens, and the waits follow ``wait_after``."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        from counselor_app.core.settings import Settings

        folder = Path(tempfile.mkdtemp(prefix="unlock-"))
        Settings(agency="ma", center_name="Boston Career Center", counselor_name="Dana Rivera").save(
            folder / "settings.json")
        self.desk = open_desk(data_dir=folder, agency="ma", today=MA_PROGRAM_DAY)
        self.clock = Clock()
        self.accounts = LocalAccounts(self.desk.store, clock=self.clock)
        self.user = self.desk.actor.user_id
        self.accounts.set_secret(self.desk.actor, self.user, "274913")
        self.failures = 0
        self.locked_until: datetime | None = None

    def _throttled(self) -> bool:
        return self.locked_until is not None and self.locked_until > self.clock.now

    @rule(secret=st.sampled_from(["274913", "000001", "27491", "2749130", ""]))
    def attempt(self, secret: str) -> None:
        result = self.accounts.unlock(self.user, secret)
        if self._throttled():
            assert result.outcome == UnlockOutcome.THROTTLED
            assert 0 < result.wait_seconds <= int((self.locked_until - self.clock.now).total_seconds()) + 1
            return
        if secret == "274913":
            assert result.ok
            self.failures, self.locked_until = 0, None
            return
        assert result.outcome == UnlockOutcome.WRONG
        self.failures += 1
        assert result.failures == self.failures
        assert result.wait_seconds == int(wait_after(self.failures).total_seconds())
        pause = wait_after(self.failures)
        self.locked_until = self.clock.now + pause if pause else None

    @rule(seconds=st.integers(min_value=1, max_value=1200))
    def time_passes(self, seconds: int) -> None:
        self.clock.now += timedelta(seconds=seconds)

    @invariant()
    def stored_state_matches(self) -> None:
        with self.desk.store.read() as session:
            cred = session.get(LocalCredential, self.user)
            assert cred.failures == self.failures and cred.locked_until == self.locked_until

    def teardown(self) -> None:
        self.desk.close()


UnlockMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=20, deadline=None)
test_unlock_state_machine = UnlockMachine.TestCase
