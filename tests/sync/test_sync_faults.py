"""One test per network fault, against the real server on loopback behind a fault-injecting proxy. After each,
the server holds every change exactly once: none lost, none applied twice, nothing left in the queue."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from counselor_app.sync.errors import ServerUnreachable
from counselor_app.sync.service import sync_once
from counselor_app.sync.transport import RetryPolicy, parse_retry_after
from tests.sync.fault_proxy import (
    RequestInfo,
    cut_response,
    delay,
    drop_before,
    drop_mid_request,
    lose_response,
    script,
    status,
)
from tests.sync.sync_support import (
    FAST_RETRY,
    Agency,
    DeskFactory,
    assert_exactly_once,
    outbox_rows,
    queued_change_ids,
    register_many,
    signed_in,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
CHANGES = "/api/v1/changes"


def kinds(proxy: Any) -> list[str]:
    return [kind for _t, _info, kind in proxy.requests_to("POST", CHANGES)]


def test_server_error_then_success(agency: Agency, make_desk: DeskFactory, proxy_factory: Any) -> None:
    proxy = proxy_factory(script({1: status(500), 2: status(503), 4: status(502)}))
    desk = signed_in(make_desk("a", batch_size=10), proxy.url, "dana")
    register_many(desk, 25)
    expected = queued_change_ids(desk)
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete and report.applied == 25
    assert kinds(proxy) == ["status", "status", "pass", "status", "pass", "pass"]
    assert_exactly_once(agency, expected, desks=[desk])


def test_too_many_requests_honours_retry_after(agency: Agency, make_desk: DeskFactory, proxy_factory: Any) -> None:
    proxy = proxy_factory(script({1: status(429, retry_after="1")}))
    desk = signed_in(make_desk("a"), proxy.url, "dana")
    register_many(desk, 5)
    expected = queued_change_ids(desk)
    assert sync_once(desk, retry=FAST_RETRY).complete
    (t1, _, first), (t2, _, second) = proxy.requests_to("POST", CHANGES)[:2]
    assert (first, second) == ("status", "pass")
    assert t2 - t1 >= 1.0, "the client did not wait as long as Retry-After asked"
    assert_exactly_once(agency, expected, desks=[desk])


def test_retry_after_forms() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: go now


def test_server_applies_the_batch_but_the_answer_is_lost(agency: Agency, make_desk: DeskFactory,
                                                         proxy_factory: Any) -> None:
    # The second batch reaches the server and is applied; the proxy holds the answer past the client's read
    # timeout, so the client retries the same change ids and must get the first results back.
    proxy = proxy_factory(script({2: lose_response(hold_s=1.2)}))
    desk = signed_in(make_desk("a", batch_size=10, read_timeout=0.5), proxy.url, "dana")
    register_many(desk, 30)
    expected = queued_change_ids(desk)
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete and report.applied == 30 and report.duplicates == 0
    sent = kinds(proxy)
    assert sent[:3] == ["pass", "lose_response", "pass"] and sent.count("lose_response") == 1
    assert proxy.log.forwarded >= 4  # the lost batch did reach the server
    assert_exactly_once(agency, expected, desks=[desk])
    assert len(agency.change_rows()) == 30


@pytest.mark.parametrize("fault", [drop_before(), drop_mid_request(), cut_response(), lose_response()],
                         ids=["before-forwarding", "mid-request", "mid-response", "after-applying"])
def test_connection_drops_mid_batch(fault: Any, agency: Agency, make_desk: DeskFactory,
                                    proxy_factory: Any) -> None:
    proxy = proxy_factory(script({2: fault, 3: fault}))
    desk = signed_in(make_desk("a", batch_size=8), proxy.url, "dana")
    register_many(desk, 20)
    desk.job_seekers.update(desk.job_seekers.search("Pa")[0].id, {"zip_code": "02119"})
    expected = queued_change_ids(desk)
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete, report.summary()
    assert kinds(proxy)[:4] == ["pass", fault.kind, fault.kind, "pass"]
    assert_exactly_once(agency, expected, desks=[desk])


def test_server_down_for_a_while(agency: Agency, make_desk: DeskFactory, proxy_factory: Any) -> None:
    state = {"phase": 1, "outages": 0, "restarts": 0}

    def back_up() -> None:
        agency.restart()
        state["restarts"] += 1

    def outage_after_first_post(info: RequestInfo) -> None:
        # Once per phase, right after a batch was applied: phase 1 longer than the client waits, phase 2 shorter.
        if info.method == "POST" and info.path.startswith(CHANGES) and state["outages"] < state["phase"]:
            state["outages"] += 1
            agency.thread.stop()
            threading.Timer(2.0 if state["phase"] == 1 else 0.8, back_up).start()

    proxy = proxy_factory(after_forward=outage_after_first_post)
    desk = signed_in(make_desk("a", batch_size=5), proxy.url, "dana")
    register_many(desk, 20)
    expected = queued_change_ids(desk)

    # 1. The sync gives up, keeps the rest queued, and does not claim success.
    with pytest.raises(ServerUnreachable) as err:
        sync_once(desk, retry=RetryPolicy(attempts=3, backoff_base_s=0.05, backoff_cap_s=0.1))
    assert err.value.report is not None and err.value.report.applied == 5
    assert len(outbox_rows(desk)) == 15 and desk.get_state("last_successful_sync") is None
    deadline = time.monotonic() + 10
    while state["restarts"] < 1 and time.monotonic() < deadline:
        time.sleep(0.05)

    # 2. Retries with backoff ride out a short outage in the middle of a sync.
    state["phase"] = 2
    report = sync_once(desk, retry=RetryPolicy(attempts=12, backoff_base_s=0.1, backoff_cap_s=0.4))
    assert report.complete and state["restarts"] == 2
    assert_exactly_once(agency, expected, desks=[desk])


def test_client_killed_mid_sync_and_restarted(agency: Agency, make_desk: DeskFactory, proxy_factory: Any,
                                             memory_keyring: Any, tmp_path: Path) -> None:
    child: dict[str, subprocess.Popen[str]] = {}
    killed = threading.Event()

    def kill_after_fourth_batch(info: RequestInfo) -> None:
        # Runs after the server applied the batch and before its answer is passed on: the worst moment.
        if info.method == "POST" and info.path.startswith(CHANGES) and not killed.is_set():
            kill_after_fourth_batch.count = getattr(kill_after_fourth_batch, "count", 0) + 1  # type: ignore[attr-defined]
            if kill_after_fourth_batch.count == 4:  # type: ignore[attr-defined]
                os.kill(child["p"].pid, signal.SIGKILL)
                child["p"].wait(10)
                killed.set()

    proxy = proxy_factory(lambda info: delay(0.05) if info.method == "POST" else delay(0),
                          after_forward=kill_after_fourth_batch)
    desk = signed_in(make_desk("a", batch_size=20), proxy.url, "dana")
    register_many(desk, 150)
    expected = queued_change_ids(desk)
    folder = desk.paths.root
    desk.close()

    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"{svc}/{name}": value
                                        for (svc, name), value in memory_keyring.secrets.items()}))
    env = dict(os.environ, COUNSELOR_TEST_KEYRING_FILE=str(keyring_file),
               PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child["p"] = subprocess.Popen([sys.executable, "-m", "tests.sync.sync_child", str(folder)], cwd=REPO_ROOT,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert killed.wait(60), child["p"].communicate(timeout=5)
    assert child["p"].returncode == -signal.SIGKILL

    # Batches 1-3 were answered and left the queue; batch 4 was applied on the server but never answered.
    restarted = make_desk("a")
    left = outbox_rows(restarted)
    assert len(left) == 150 - 60
    assert len(agency.applied_change_ids()) == 80
    report = sync_once(restarted, retry=FAST_RETRY)
    assert report.complete and report.applied == 90
    assert_exactly_once(agency, expected, desks=[restarted])
    assert len(agency.change_rows()) == 150
