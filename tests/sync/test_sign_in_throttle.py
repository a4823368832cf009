"""A sign-in the server refuses after too many failed attempts (429) is not retried: the counselor sees the
server's message, and ``counselor-app login`` prints it and exits non-zero."""

from __future__ import annotations

import io
import sys
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from counselor_app.agency_server.service import Unauthorized
from counselor_app.cli import main
from counselor_app.sync import protocol as p
from counselor_app.sync.errors import SignInThrottled
from counselor_app.sync.service import sign_in, stored_token
from tests.sync.sync_support import FAST_RETRY, PASSWORD, Agency, DeskFactory

T0 = datetime(2026, 3, 2, 9, 0, 0)


def _lock_dana_with_seconds_left(agency: Agency, seconds: int) -> None:
    """Five failures, then the clock just short of the lockout's end: a Retry-After small enough that the
    generic retry policy (``FAST_RETRY.max_retry_after_s``) would wait and try again."""
    now = [T0]
    agency.service.clock = lambda: now[0]
    for _ in range(5):
        with pytest.raises(Unauthorized):
            agency.service.login(p.SessionRequest(username="dana", password="wrong password!"))
    now[0] = T0 + agency.service.login_limits.window - timedelta(seconds=seconds)


def _count_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    real = requests.Session.request

    def counting(self: requests.Session, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        sent.append(f"{method} {url}")
        return real(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", counting)
    return sent


def test_sign_in_surfaces_the_lockout_message_without_retrying(agency: Agency, make_desk: DeskFactory,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _lock_dana_with_seconds_left(agency, 2)
    sent = _count_requests(monkeypatch)
    desk = make_desk("a")
    with pytest.raises(SignInThrottled) as refused:
        sign_in(desk, server_url=agency.url, username="dana", password=PASSWORD, retry=FAST_RETRY)
    assert str(refused.value) == ("Too many failed sign-in attempts for this user. Try again in 1 minute, or ask "
                                  "an administrator to reset the password.")
    assert refused.value.status == 429 and refused.value.retry_after == 2 and not refused.value.retryable
    assert sent == [f"POST {agency.url}{p.API_PREFIX}/session"]
    assert stored_token(desk) is None and desk.settings.server_url != agency.url


def test_login_command_prints_the_servers_message_and_fails(agency: Agency, make_desk: DeskFactory,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    _lock_dana_with_seconds_left(agency, 600)
    desk = make_desk("a")
    folder = desk.paths.root
    desk.close()
    sent = _count_requests(monkeypatch)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(folder), "login", "--server", agency.url, "--user", "dana", "--password-stdin"])
    _, err = capsys.readouterr()
    assert code != 0
    assert "Too many failed sign-in attempts for this user. Try again in 10 minutes" in err
    assert len(sent) == 1
