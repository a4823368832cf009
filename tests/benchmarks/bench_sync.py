"""Sync drain benchmark: N queued changes (10,000 at "full", 500 at "smoke") go from a desk's outbox to the
reference server on loopback, in batches (``settings.sync_batch_size``, gzip), through ``sync_once`` exactly as
the app does it. The baseline, measured in the same run with the same code, sends one request per change
(batch size 1); at "full" it is timed on 1,000 changes and scaled to N, since 10,000 single requests would
only spend minutes proving the same rate.

The server runs in its own process (``counselor-agency-server serve``, SQLite file) so client and server do not
share a GIL, as in real life. The queue is 80% job seekers registered offline and 20% later edits to them.

Run alone: ``python tests/benchmarks/bench_sync.py smoke``; normally ``tests/benchmarks/run.py`` runs it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

CHANGES = {"smoke": 500, "full": 10_000, "1m": 10_000}
BASELINE_CHANGES = {"smoke": 500, "full": 1_000, "1m": 1_000}
ROUNDS = {"smoke": 2, "full": 2, "1m": 2}
PASSWORD = "benchmark password 2020"


def _memory_keyring() -> None:
    """The desk's database key and the token live in a throw-away in-memory keyring."""
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    def __init__(self, folder: Path) -> None:
        from counselor_app.agency_server.db import ServerStore
        from counselor_app.agency_server.service import AgencyService

        self.db_url = f"sqlite:///{folder / 'agency.db'}"
        store = ServerStore(self.db_url)
        AgencyService(store).add_user(username="bench", role="counselor", center="Bench Career Center",
                                      password=PASSWORD)
        store.close()
        self.port = _free_port()
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen([sys.executable, "-m", "counselor_app.agency_server", "serve",
                                      "--database-url", self.db_url, "--port", str(self.port)],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = f"http://127.0.0.1:{self.port}"
        import requests

        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the reference server did not start: " + (self.proc.stderr.read() if
                                                                             self.proc.stderr else ""))
            time.sleep(0.1)

    def applied(self) -> int:
        from counselor_app.agency_server.db import ServerStore
        from counselor_app.agency_server.service import AgencyService

        store = ServerStore(self.db_url)
        try:
            return int(AgencyService(store).stats()["changes"]["applied"])
        finally:
            store.close()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _queue_changes(desk: Any, n: int, *, seed_offset: int) -> None:
    """Fill the outbox as a day offline would: registrations, then edits to some of them."""
    from sqlalchemy import insert

    from counselor_app.core.changes import json_safe
    from counselor_app.core.models import JobSeeker, OutboxEntry

    creates = n - n // 5
    updates = n - creates
    stamp = datetime(2020, 10, 1, 9, 0)
    seekers: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    for i in range(creates):
        sid = str(uuid.UUID(int=(seed_offset << 64) + i + 1))
        row = {"id": sid, "version": 1, "first_name": "Maria", "last_name": "Benchmark", "email":
               f"maria.bench{seed_offset}.{i}@example.org", "phone": f"617555{i % 10000:04d}", "zip_code": "02119",
               "birth_date": date(1980, 1, 1) + timedelta(days=i % 9000), "preferred_language": "es",
               "education": "high_school", "last_occupation_soc": "41-2031",
               "last_occupation_title": "Retail salesperson", "interests": ["data"], "employment_status":
               "unemployed", "unemployment_cause": "covid_layoff", "ui_claimant": True, "digital_skill": 3,
               "weekly_hours": 10.0, "barriers": [], "consent_to_contact": True, "created_at": stamp,
               "updated_at": stamp}
        seekers.append(row)
        outbox.append({"change_id": str(uuid.uuid4()), "entity": "job_seeker", "entity_id": sid, "op": "create",
                       "base_version": None, "payload": json_safe(row), "status": "queued", "attempts": 0})
    for i in range(updates):
        sid = str(seekers[i]["id"])
        outbox.append({"change_id": str(uuid.uuid4()), "entity": "job_seeker", "entity_id": sid, "op": "update",
                       "base_version": 1, "payload": {"phone": "6175550199", "version": 2,
                                                      "updated_at": stamp.isoformat()},
                       "status": "queued", "attempts": 0})
    with desk.store.write() as session:
        session.execute(insert(JobSeeker), seekers)
        session.execute(insert(OutboxEntry), outbox)


def _drain(folder: Path, server: ServerProcess, n: int, *, batch_size: int, seed_offset: int) -> float:
    from counselor_app.core import open_desk
    from counselor_app.core.settings import Settings
    from counselor_app.sync.service import sign_in, sync_once

    folder.mkdir(parents=True)
    Settings(agency="ma", center_name="Bench Career Center", counselor_name="Bench Counselor",
             sync_batch_size=batch_size).save(folder / "settings.json")
    with open_desk(data_dir=folder, agency="ma") as desk:
        sign_in(desk, server_url=server.url, username="bench", password=PASSWORD)
        _queue_changes(desk, n, seed_offset=seed_offset)
        t0 = time.perf_counter()
        report = sync_once(desk, pull=False, reserve_block=False)
        elapsed = time.perf_counter() - t0
    if not report.complete or report.applied != n:
        raise RuntimeError(f"the drain did not complete: {report.summary()}")
    return elapsed


def run(scale: str) -> dict[str, Any]:
    from tests.benchmarks.run import summarize

    _memory_keyring()
    n = CHANGES[scale]
    baseline_n = min(n, BASELINE_CHANGES[scale])
    with tempfile.TemporaryDirectory(prefix="counselor-bench-sync-") as tmp:
        root = Path(tmp)
        server = ServerProcess(root)
        try:
            drains, offset = [], 1
            for r in range(ROUNDS[scale]):
                drains.append(_drain(root / f"batched-{r}", server, n, batch_size=200, seed_offset=offset))
                offset += 1
            single = _drain(root / "single", server, baseline_n, batch_size=1, seed_offset=offset)
            applied = server.applied()
        finally:
            server.stop()
    expected = n * ROUNDS[scale] + baseline_n
    if applied != expected:
        raise RuntimeError(f"the server applied {applied} changes, expected {expected}")
    per_change = single / baseline_n
    one_per_change = per_change * n
    median = sorted(drains)[len(drains) // 2]
    return {
        "drain_s": summarize(drains, unit="s", note=f"{n:,} changes, batches of 200, gzip, server in its own "
                             "process (SQLite)"),
        "one_per_change_s": {"median": one_per_change, "unit": "s", "n": 1,
                             "note": f"one request per change: {per_change * 1000:.2f} ms each, measured on "
                                     f"{baseline_n:,} changes" + (f", scaled to {n:,}" if baseline_n != n else "")},
        "speedup_x": round(one_per_change / median, 1),
        "changes": n,
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=2))
