"""Password guessing on ``POST /api/v1/session`` is throttled per user name and per client address, in the
database (so it holds across restarts and workers), and lifted by time, a successful sign-in or a password reset."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.cli import build_parser
from counselor_app.agency_server.cli import main as server_main
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import AuditEvent, LoginFailure
from counselor_app.agency_server.security import LoginLimits
from counselor_app.agency_server.service import AgencyService, TooManyAttempts, Unauthorized
from counselor_app.sync import protocol as p
from tests.agency_server.server_support import PASSWORD, TestClient

SESSION = f"{p.API_PREFIX}/session"
USER_LOCKED = ("Too many failed sign-in attempts for this user. Try again in {}, or ask an administrator to "
               "reset the password.")
T0 = datetime(2026, 3, 2, 9, 0, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class Throttled:
    store: ServerStore
    service: AgencyService
    client: Any
    clock: Clock

    def login(self, username: str, password: str) -> Any:
        return self.client.post(SESSION, json={"username": username, "password": password, "device_id": "d1"})

    def fail(self, username: str, times: int = 1) -> None:
        for _ in range(times):
            assert self.login(username, "wrong password!").status_code == 401


@pytest.fixture
def throttled(database_url: str) -> Iterator[Throttled]:
    store = ServerStore(database_url)
    app = create_app(store)  # the defaults: 5 per user, 20 per address, 15 minutes
    clock = Clock()
    service: AgencyService = app.state.service
    service.clock = clock
    for name in ("dana", "eli"):
        service.add_user(username=name, role="counselor", center="Boston", password=PASSWORD)
    with TestClient(app) as client:
        yield Throttled(store=store, service=service, client=client, clock=clock)
    store.close()


def test_lockout_after_five_failures_refuses_even_the_right_password(throttled: Throttled,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    throttled.fail("dana", 4)
    throttled.clock.advance(minutes=5)
    throttled.fail("dana")  # the fifth, 5 minutes after the first: the lockout runs 15 minutes from here
    refused = throttled.login("dana", PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "900"
    assert refused.json() == {"detail": USER_LOCKED.format("15 minutes")}
    assert "token" not in refused.text

    throttled.clock.advance(minutes=14, seconds=30)
    wrong = throttled.login("dana", "wrong password!")  # refused, not counted: it does not prolong the lockout
    assert wrong.status_code == 429 and wrong.headers["Retry-After"] == "30"
    assert wrong.json()["detail"] == USER_LOCKED.format("1 minute")
    assert throttled.login("eli", PASSWORD).status_code == 200  # other users are not affected

    throttled.clock.advance(seconds=30)  # the window has passed since the last failure
    assert throttled.login("dana", PASSWORD).status_code == 200

    logged = caplog.text
    assert "sign-in failed for user 'dana'" in logged and "sign-in refused for user 'dana'" in logged
    assert "wrong password!" not in logged and PASSWORD not in logged
    with throttled.store.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions.count("login_failed") == 5 and actions.count("login_locked") == 1


def test_after_the_lockout_a_fresh_count_starts(throttled: Throttled) -> None:
    throttled.fail("dana", 5)
    throttled.clock.advance(minutes=15)
    throttled.fail("dana", 4)
    assert throttled.login("dana", "wrong password!").status_code == 401
    assert throttled.login("dana", PASSWORD).status_code == 429


def test_a_successful_sign_in_resets_the_users_count(throttled: Throttled) -> None:
    throttled.fail("dana", 4)
    assert throttled.login("dana", PASSWORD).status_code == 200
    throttled.fail("dana", 4)
    assert throttled.login("dana", PASSWORD).status_code == 200
    throttled.fail("dana", 5)
    assert throttled.login("dana", PASSWORD).status_code == 429


def test_unknown_user_names_are_locked_alike(throttled: Throttled) -> None:
    throttled.fail("nobody", 5)
    refused = throttled.login("nobody", "x" * 12)
    assert refused.status_code == 429 and refused.json()["detail"] == USER_LOCKED.format("15 minutes")


def test_add_user_password_reset_lifts_the_lockout(throttled: Throttled, database_url: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    throttled.fail("dana", 5)
    assert throttled.login("dana", PASSWORD).status_code == 429
    new_password = "a brand new passphrase"
    monkeypatch.setattr(sys, "stdin", io.StringIO(new_password + "\n"))
    assert server_main(["add-user", "dana", "--role", "counselor", "--center", "Boston", "--password-stdin",
                        "--database-url", database_url]) == 0
    assert "Updated dana" in capsys.readouterr().out
    assert throttled.login("dana", new_password).status_code == 200


def test_the_lockout_is_in_the_database_for_every_worker_and_restart(throttled: Throttled) -> None:
    throttled.fail("dana", 5)
    other_worker = AgencyService(throttled.store, clock=throttled.clock)
    with pytest.raises(TooManyAttempts) as refused:
        other_worker.login(p.SessionRequest(username="dana", password=PASSWORD))
    assert refused.value.retry_after == 900
    with throttled.store.read() as session:
        stored = list(session.scalars(select(LoginFailure)))
    assert len(stored) == 5 and {row.username for row in stored} == {"dana"}
    assert all(row.address == "testclient" for row in stored)  # the client address as the server saw it


def test_one_address_cannot_sweep_many_user_names(throttled: Throttled) -> None:
    for n in range(19):
        throttled.fail(f"guess{n}")
    # A successful sign-in forgives the user's failures, never the address's.
    assert throttled.login("eli", PASSWORD).status_code == 200
    throttled.fail("guess19")
    refused = throttled.login("dana", PASSWORD)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "900"
    assert "from this computer's network address" in refused.json()["detail"]
    # Another machine is not affected, and dana's own count is still zero.
    info = throttled.service.login(p.SessionRequest(username="dana", password=PASSWORD), address="10.1.2.3")
    assert info.username == "dana"
    throttled.clock.advance(minutes=15)
    assert throttled.login("dana", PASSWORD).status_code == 200
    throttled.clock.advance(minutes=15)
    throttled.fail("late")
    with throttled.store.read() as session:  # rows two windows old are cleared as new failures come in
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 1


def test_limits_are_settings(database_url: str) -> None:
    store = ServerStore(database_url)
    clock = Clock()
    service = AgencyService(store, clock=clock, login_limits=LoginLimits(
        max_failures_per_user=2, max_failures_per_address=0, window=timedelta(minutes=1)))
    service.add_user(username="dana", role="counselor", center="Boston", password=PASSWORD)
    for _ in range(2):
        with pytest.raises(Unauthorized):
            service.login(p.SessionRequest(username="dana", password="wrong password!"), address="a")
    with pytest.raises(TooManyAttempts) as refused:
        service.login(p.SessionRequest(username="dana", password=PASSWORD), address="a")
    assert refused.value.retry_after == 60
    clock.advance(minutes=1)
    assert service.login(p.SessionRequest(username="dana", password=PASSWORD), address="a").username == "dana"
    store.close()
    with pytest.raises(ValueError):
        LoginLimits(window=timedelta(0))

    args = build_parser().parse_args(["serve", "--login-max-failures", "3", "--login-max-failures-per-address",
                                      "0", "--login-window-minutes", "30"])
    assert (args.login_max_failures, args.login_max_failures_per_address, args.login_window_minutes) == (3, 0, 30)
    defaults = build_parser().parse_args(["serve"])
    assert (defaults.login_max_failures, defaults.login_max_failures_per_address,
            defaults.login_window_minutes) == (5, 20, 15)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--login-max-failures", "-1"])
