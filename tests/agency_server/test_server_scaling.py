"""The server under many desks at once: concurrent writers never make a feed reader skip a change, license
blocks are never over-issued with several server processes, saturation is answered with 503 + Retry-After, and
a batch whose client went away is rolled back."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import OperationalError

from counselor_app.agency_server import admission
from counselor_app.agency_server.admission import AdmissionLimits, AdmissionMiddleware
from counselor_app.agency_server.common import ClientGone
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.service import AgencyService
from counselor_app.sync import protocol as p
from tests.agency_server.server_support import (
    BOSTON,
    LOWELL,
    PASSWORD,
    PROGRAM,
    Server,
    change,
    license_change,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


# -- the feed under concurrent writers ----------------------------------------------------------------------------
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(writers=st.integers(2, 5), batches=st.integers(2, 5), batch_size=st.integers(1, 40),
       update_share=st.floats(0.0, 0.6), page=st.integers(1, 25), seed=st.integers(0, 2**16))
def test_feed_readers_never_skip_a_change_while_writers_commit_side_by_side(
        server: Server, writers: int, batches: int, batch_size: int, update_share: float, page: int,
        seed: int) -> None:
    """Writers (several users, devices and centers) push batches of new records and edits to their records at
    once; readers page through the feed with their cursor the whole time. When everything has
    been written and the readers have caught up, each reader holds every record at its final version: a row that
    committed after a reader had moved its cursor past it would be missing (or stale) for that reader."""
    service = server.service
    tag = uuid.uuid4().hex[:8]
    principals = []
    for index in range(writers):
        name = f"w{index}-{tag}"
        service.add_user(username=name, role="counselor", center=BOSTON if index % 2 else LOWELL, password=PASSWORD)
        principals.append(service.login(p.SessionRequest(username=name, password=PASSWORD,
                                                         device_id=f"dev-{name}")))
    service.add_user(username=f"reader-{tag}", role="administrator", center=BOSTON, password=PASSWORD)
    reader_token = service.login(p.SessionRequest(username=f"reader-{tag}", password=PASSWORD,
                                                  device_id=f"reader-{tag}")).token
    reader = service.authenticate(reader_token)
    writers_done = threading.Event()
    errors: list[BaseException] = []
    mine: set[str] = set()
    lock = threading.Lock()

    def write(index: int) -> None:
        rng = random.Random(seed * 31 + index)
        user = service.authenticate(principals[index].token)
        versions: dict[str, int] = {}
        try:
            for _ in range(batches):
                changes = []
                for _ in range(batch_size):
                    if versions and rng.random() < update_share:
                        entity_id = rng.choice(sorted(versions))
                        if any(c.entity_id == entity_id for c in changes):
                            continue
                        changes.append(p.Change(**change(entity_id=entity_id, op="update",
                                                         base_version=versions[entity_id],
                                                         phone=str(rng.randrange(10**9)))))
                    else:
                        changes.append(p.Change(**change()))
                result = service.apply_changes(user, p.ChangeBatch(device_id=f"dev-w{index}-{tag}",
                                                                   changes=changes))
                for sent, got in zip(changes, result.results, strict=True):
                    assert got.status == "applied", got
                    versions[sent.entity_id] = int(got.server_version or 0)
                with lock:
                    mine.update(c.entity_id for c in changes)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def read(seen: dict[str, int]) -> None:
        cursor: str | None = None
        try:
            while True:
                finished = writers_done.is_set()  # read before the page: the last pass starts after the writers
                while True:
                    answer = service.feed_page(reader, since=cursor, limit=page, device_id=f"reader-{tag}")
                    for item in answer.items:
                        if item.kind == "record" and item.entity_id:
                            seen[item.entity_id] = int(item.version or 0)
                    assert cursor is None or int(answer.next_cursor) >= int(cursor)
                    cursor = answer.next_cursor
                    if not answer.has_more:
                        break
                if finished:
                    return
                time.sleep(0.001)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    views: list[dict[str, int]] = [{}, {}]
    readers = [threading.Thread(target=read, args=(view,)) for view in views]
    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for t in readers + threads:
        t.start()
    for t in threads:
        t.join()
    writers_done.set()
    for t in readers:
        t.join()
    assert not errors, errors
    final = {}
    for entity_id in mine:
        record = service.get_job_seeker(reader, entity_id)
        final[entity_id] = record.version
    for view in views:
        got = {k: v for k, v in view.items() if k in mine}
        assert got == final


# -- license blocks with several server processes ------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(database_url: str, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "counselor_app.agency_server", "serve", "--database-url",
                             database_url, "--port", str(port), *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if requests.get(f"{url}{p.API_PREFIX}/health", timeout=2).ok:
                return proc, url
        except requests.ConnectionError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("the server did not start: " + (proc.stderr.read() if proc.stderr else ""))
        time.sleep(0.2)


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err or ""


@pytest.mark.slow
def test_license_blocks_are_never_over_issued_by_several_server_processes(database_url: str) -> None:
    """Desks reserve blocks, issue from them and reserve again, all at once, against 3 server processes (2 on
    SQLite, which has one writer). Some desks also issue to the same job seekers (one live license per person).
    However the requests interleave, licenses issued plus licenses still reserved never exceed the pool."""
    pool_size, desks, rounds = 200, 12, 3
    store = ServerStore(database_url)
    service = AgencyService(store)
    service.set_pool(PROGRAM, pool_size)
    for index in range(desks):
        service.add_user(username=f"desk{index}", role="counselor", center=BOSTON, password=PASSWORD)
    store.close()
    workers = "2" if database_url.startswith("sqlite") else "3"
    proc, url = _serve(database_url, "--workers", workers)
    shared_seekers = [str(uuid.uuid4()) for _ in range(5)]
    barrier = threading.Barrier(desks, timeout=120)  # the desks reserve at the same moment, every round
    errors: list[str] = []
    issued_by: dict[str, int] = {}

    def desk(index: int) -> None:
        http = requests.Session()
        token = http.post(f"{url}{p.API_PREFIX}/session", json={
            "username": f"desk{index}", "password": PASSWORD, "device_id": f"device-{index}"}, timeout=60).json()
        http.headers["Authorization"] = f"Bearer {token['token']}"
        rng = random.Random(index)
        issued = 0
        for round_ in range(rounds):
            barrier.wait()
            grant = _post(http, f"{url}{p.API_PREFIX}/licenses/block", {
                "device_id": f"device-{index}", "program_id": PROGRAM, "requested": rng.randint(10, 60)})
            if grant is None:
                errors.append(f"desk {index}: no block")
                return
            size = grant["block_size"]
            use = rng.randint(0, size)
            seekers = [change() for _ in range(use)]
            licenses = [license_change(s["entity_id"]) for s in seekers]
            if round_ == 0:  # everyone also tries the same few people: one of them gets each license
                seekers += [change(entity_id=s) for s in shared_seekers]
                licenses += [license_change(s, from_block=False) for s in shared_seekers]
            answer = _post(http, f"{url}{p.API_PREFIX}/changes", {"device_id": f"device-{index}",
                                                                    "changes": seekers + licenses})
            if answer is None:
                errors.append(f"desk {index}: batch not applied")
                return
            issued += sum(1 for r, c in zip(answer["results"], seekers + licenses, strict=True)
                          if r["status"] == "applied" and c["entity"] == "license_issuance")
        issued_by[str(index)] = issued

    try:
        threads = [threading.Thread(target=desk, args=(i,)) for i in range(desks)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        log = _stop(proc)
    assert not errors, errors + [log[-2000:]]
    store = ServerStore(database_url)
    try:
        stats = AgencyService(store).stats()
        with store.read() as session:
            from sqlalchemy import func, select

            from counselor_app.agency_server.models import DeviceBlock, License
            live = session.execute(select(License.job_seeker_id, func.count()).where(
                License.job_seeker_id.in_(shared_seekers), License.status.in_(("issued", "pending_approval")))
                .group_by(License.job_seeker_id)).all()
            outstanding = sum(max(0, b.block_size - b.used) for b in session.scalars(select(DeviceBlock)))
            issued = session.scalar(select(func.count()).select_from(License).where(License.status == "issued"))
    finally:
        store.close()
    assert sorted(n for _, n in live) == [1] * len(shared_seekers)  # exactly one license each
    assert issued == sum(issued_by.values()) == stats["licenses"]["issued"]
    # The shared ones were issued online, outside any block; every other license came out of a block.
    assert issued - len(shared_seekers) + outstanding <= pool_size


def _post(http: requests.Session, url: str, body: dict[str, Any]) -> dict[str, Any] | None:
    """POST as the desk does: a 503 is retried after its Retry-After."""
    for _ in range(30):
        response = http.post(url, json=body, timeout=60)
        if response.status_code == 503:
            time.sleep(min(5.0, float(response.headers.get("Retry-After", "1"))))
            continue
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]
    return None


# -- admission control ---------------------------------------------------------------------------------------------
def test_a_saturated_server_answers_503_with_retry_after_sized_to_its_queue() -> None:
    release = asyncio.Event()
    started: list[str] = []

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        started.append(scope["path"])
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})

    limits = AdmissionLimits(max_in_flight=2, max_queue=3, max_wait_s=60)
    guarded = AdmissionMiddleware(slow_app, paths=["/changes"], limits=limits)

    async def scenario() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=guarded)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            tasks = [asyncio.create_task(client.post("/changes", content=b"{}")) for _ in range(5)]
            while len(started) < 2 or len(guarded._state.waiting) < 3:
                await asyncio.sleep(0.01)
            assert len(started) == 2  # two applied at once, three wait in order
            refused = await client.post("/changes", content=b"{}")
            release.set()
            return [refused, *await asyncio.gather(*tasks)]

    refused, *served = asyncio.run(scenario())
    assert refused.status_code == 503
    # 3 waiting + 2 running + this one, at the seeded 0.25 s each, over 2 at a time: 0.75 s, rounded up to 1.
    assert refused.headers["Retry-After"] == "1" and "busy" in refused.json()["detail"]
    assert [r.status_code for r in served] == [200] * 5
    assert guarded.stats.admitted == 5 and guarded.stats.refused == 1 and guarded._state.in_flight == 0


def test_retry_after_grows_with_the_queue_and_the_time_per_batch() -> None:
    guarded = AdmissionMiddleware(lambda *a: None, paths=["/x"],  # type: ignore[arg-type,return-value]
                                  limits=AdmissionLimits(max_in_flight=4, max_retry_after_s=120))
    guarded._state.in_flight = 4
    guarded._state.seconds_per_request = 2.0
    guarded._state.waiting.extend([object()] * 20)  # type: ignore[list-item]
    assert guarded.retry_after() == 13  # (20 + 4 + 1) × 2 s / 4, rounded up
    guarded._state.waiting.extend([object()] * 500)  # type: ignore[list-item]
    assert guarded.retry_after() == 120


def test_a_batch_whose_client_went_away_is_rolled_back(server: Server) -> None:
    principal = server.service.authenticate(server.user("dana"))
    batch = p.ChangeBatch(device_id="device-dana", changes=[p.Change(**change()) for _ in range(5)])
    gone = threading.Event()
    gone.set()
    token = admission._GONE.set(gone)
    try:
        with pytest.raises(ClientGone):
            server.service.apply_changes(principal, batch)
    finally:
        admission._GONE.reset(token)
    assert server.service.stats()["records"].get("job_seeker", 0) == 0
    assert [r.status for r in server.service.apply_changes(principal, batch).results] == ["applied"] * 5


def test_health_answers_503_when_the_database_is_unreachable(server: Server, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    assert server.client.get(f"{p.API_PREFIX}/health").json() == {"status": "ok", "protocol_version": 1}

    def down() -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(server.store, "ping", down)
    answer = server.client.get(f"{p.API_PREFIX}/health")
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"


@pytest.mark.slow
def test_sigterm_lets_the_batch_being_applied_commit(tmp_path: Path) -> None:
    """A server told to stop (SIGTERM, as a deployment's process manager does) finishes the batches it is
    applying or has queued, and answers them, before it exits."""
    url = f"sqlite:///{tmp_path / 'agency.db'}"
    store = ServerStore(url)
    service = AgencyService(store)
    service.add_user(username="dana", role="counselor", center=BOSTON, password=PASSWORD)
    token = service.login(p.SessionRequest(username="dana", password=PASSWORD, device_id="device-dana")).token
    store.close()
    proc, base = _serve(url)
    batches = [[change() for _ in range(p.MAX_BATCH)] for _ in range(4)]
    answers: list[requests.Response] = []

    def send(changes: list[dict[str, Any]]) -> None:
        answers.append(requests.post(f"{base}{p.API_PREFIX}/changes", json={"device_id": "device-dana",
                                     "changes": changes}, headers={"Authorization": f"Bearer {token}"},
                                     timeout=120))

    senders = [threading.Thread(target=send, args=(batch,)) for batch in batches]
    for t in senders:
        t.start()
    time.sleep(0.5)  # the bodies are on the server; 4,000 changes, one writer, take longer than this
    log = _stop(proc)
    for t in senders:
        t.join()
    # uvicorn exits by the signal it was stopped with, once its graceful shutdown is over.
    assert proc.returncode in (0, -signal.SIGTERM), log[-2000:]
    assert "Finished server process" in log
    assert [a.status_code for a in answers] == [200] * 4, log[-2000:]
    assert all(r["status"] == "applied" for a in answers for r in a.json()["results"])
    store = ServerStore(url)
    try:
        assert AgencyService(store).stats()["records"]["job_seeker"] == 4 * p.MAX_BATCH
    finally:
        store.close()


def test_the_feed_pool_figure_follows_issues_and_revocations_across_batches(server: Server) -> None:
    """The pool's issued figure is a running count moved by each batch (not a recount inside the feed lock):
    after issuing, revoking and re-issuing over several batches it still equals a count of the licenses."""
    seekers = [change() for _ in range(4)]
    licenses = [license_change(s["entity_id"]) for s in seekers]
    server.push("dana", seekers + licenses[:3])
    server.push("dana", [licenses[3],
                         change("license_issuance", licenses[0]["entity_id"], op="update", base_version=1,
                                status="revoked")])
    again = license_change(seekers[0]["entity_id"])  # the revoked person may get a license again
    server.push("dana", [again])

    def figure() -> int:
        feed = server.client.get(f"{p.API_PREFIX}/changes", headers=server.headers("lee")).json()["items"]
        return [i for i in feed if i["kind"] == "license_pool"][-1]["data"]["issued_statewide"]

    assert figure() == 4 == server.service.stats()["licenses"]["issued"]
    server.service.set_pool(PROGRAM, 10)  # a pool change publishes the figure too, from the same count
    assert figure() == 4
