"""Statewide load on the reference server: many desks syncing at once (issue 18).

A bounded loop of simulated desks on loopback: each desk signs in (a session row made directly, so start-up
does not time scrypt), then pushes its batches one after the other, as ``sync_once`` does, each batch followed by
one feed pull. The batches are built with the desk's own protocol models (``sync.protocol.ChangeBatch``,
payloads shaped as the desk's tables) and sent gzip-compressed; a 503 is retried after its ``Retry-After`` and a
batch's time runs from its first attempt to its answer, so waiting in the server's queue counts. A batch is 80 %
new job seekers, 10 % edits of this desk's earlier ones and 10 % licenses issued to job seekers of the batch.

Side by side in one run, for each backend (SQLite file, PostgreSQL database of its own), desk count and worker
count: changes/s, batch p50/p95/max, timeouts (client read timeout 30 s, as the desk), 503 answers, feed pull
p95; and two baselines measured in the same run: bare loopback HTTP (a trivial ASGI endpoint under uvicorn, the
same number of client threads) and bare inserts of the same rows (server_record, change_log, feed_entry,
license; SQLAlchemy Core, batches of the same size, one connection).

    python tests/benchmarks/server_load.py --scale full                     # the whole table (about 10 min)
    python tests/benchmarks/server_load.py --scale full --backends postgres --desks 100
    python tests/benchmarks/server_load.py --scale full --preload 1000000   # on top of 1 M rows, 100,000 licenses
    python tests/benchmarks/server_load.py --scale smoke                    # seconds; also run by the suite

PostgreSQL comes from ``$COUNSELOR_BENCH_POSTGRES_URL`` or ``$COUNSELOR_TEST_POSTGRES_URL`` (a server URL; each
configuration gets a database of its own, dropped afterwards); without it only SQLite runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SCALES: dict[str, dict[str, Any]] = {
    "smoke": {"desks": (2, 4), "workers": (1, 2), "batches": 2, "batch_size": 20, "http_s": 1.0},
    "full": {"desks": (20, 50, 100), "workers": (1, 2), "batches": 3, "batch_size": 200, "http_s": 4.0},
}
CENTERS = 30
PROGRAM = "ma-coursera-2020"
CLIENT_TIMEOUT_S = 30.0
# Issue 18's targets, at 100 desks on PostgreSQL (2-core machine).
TARGET_CHANGES_S = 5000.0
TARGET_P95_S = 2.0
TARGET_WORKER_GAIN_X = 1.6


@dataclass
class RunResult:
    backend: str
    desks: int
    workers: int
    changes: int = 0
    seconds: float = 0.0
    changes_s: float = 0.0
    batch_p50_s: float = 0.0
    batch_p95_s: float = 0.0
    batch_max_s: float = 0.0
    pull_p95_s: float = 0.0
    timeouts: int = 0
    busy_503: int = 0
    reconnects: int = 0
    not_applied: int = 0
    # CPU seconds spent during the run (Linux /proc): the simulated desks (this process), the server's workers,
    # and the whole machine (PostgreSQL and anything else running, the other engineers' tests included).
    cpu_desks_s: float = 0.0
    cpu_server_s: float = 0.0
    cpu_machine_s: float = 0.0
    errors: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def postgres_server_url() -> str:
    return os.environ.get("COUNSELOR_BENCH_POSTGRES_URL") or os.environ.get("COUNSELOR_TEST_POSTGRES_URL", "")


class Database:
    """A fresh database of one backend, removed on ``drop``."""

    def __init__(self, backend: str, folder: Path) -> None:
        from sqlalchemy.engine import make_url

        self.backend = backend
        self.name = f"agency_bench_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            self.url = f"sqlite:///{folder / (self.name + '.db')}"
            return
        from sqlalchemy import create_engine, text

        self._admin = create_engine(postgres_server_url(), isolation_level="AUTOCOMMIT")
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = make_url(postgres_server_url()).set(database=self.name).render_as_string(hide_password=False)

    def drop(self) -> None:
        if self.backend == "sqlite":
            return
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()


def prepare(url: str, desks: int) -> list[str]:
    """Migrate, make the centers and one counselor per desk with a session each; return the tokens."""
    from counselor_app.agency_server import security
    from counselor_app.agency_server.db import ServerStore
    from counselor_app.agency_server.models import Center, SessionToken, UserAccount

    store = ServerStore(url)
    hashed = security.hash_password("benchmark password 2020")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    tokens = [secrets.token_urlsafe(32) for _ in range(desks)]
    with store.session() as session:
        centers = [Center(name=f"Bench Career Center {i}") for i in range(CENTERS)]
        session.add_all(centers)
        session.flush()
        users = [UserAccount(username=f"desk{i}", display_name=f"Desk {i}", role="counselor",
                             center_id=centers[i % CENTERS].id, password_hash=hashed, disabled=False,
                             created_at=now) for i in range(desks)]
        session.add_all(users)
        session.flush()
        session.add_all(SessionToken(token_hash=security.token_digest(tokens[i]), user_id=users[i].id,
                                     device_id=f"bench-device-{i}", created_at=now,
                                     expires_at=now + dt.timedelta(days=1), revoked=False) for i in range(desks))
    store.close()
    return tokens


def _letters(n: int) -> str:
    """A number as lower-case letters (0 -> "a", 27 -> "bb"): names may hold letters only, as on the desk."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(ord("a") + r) + out
        if not n:
            return out


def _seeker(sid: str, i: int) -> dict[str, Any]:
    from counselor_app.core.changes import json_safe

    stamp = dt.datetime(2020, 10, 1, 9, 0)
    return json_safe({"id": sid, "version": 1, "first_name": "Maria", "last_name": "Bench" + _letters(i % 997),
                      "email": f"maria.{sid[:13]}@example.org", "phone": f"617555{i % 10000:04d}",
                      "zip_code": "02119", "birth_date": dt.date(1980, 1, 1) + dt.timedelta(days=i % 9000),
                      "preferred_language": "es", "education": "high_school", "last_occupation_soc": "41-2031",
                      "last_occupation_title": "Retail salesperson", "interests": ["data"],
                      "employment_status": "unemployed", "unemployment_cause": "covid_layoff",
                      "ui_claimant": True, "digital_skill": 3, "weekly_hours": 10.0, "barriers": [],
                      "consent_to_contact": True, "created_at": stamp, "updated_at": stamp})


def make_batches(desk: int, batches: int, size: int) -> list[Any]:
    """The desk's outbox as ``ChangeBatch`` models: 80 % registrations, 10 % edits, 10 % licenses."""
    from counselor_app.sync import protocol as p

    rng = random.Random(desk)
    out = []
    earlier: list[str] = []
    counter = 0
    for _ in range(batches):
        changes: list[p.Change] = []
        fresh: list[str] = []
        edits = size // 10 if earlier else 0
        licenses = size // 10
        for _ in range(size - edits - licenses):
            sid = str(uuid.UUID(int=rng.getrandbits(128)))
            counter += 1
            changes.append(p.Change(change_id=str(uuid.uuid4()), entity="job_seeker", entity_id=sid, op="create",
                                    base_version=None, payload=_seeker(sid, counter)))
            fresh.append(sid)
        for sid in earlier[:edits]:
            changes.append(p.Change(change_id=str(uuid.uuid4()), entity="job_seeker", entity_id=sid, op="update",
                                    base_version=1, payload={"phone": "6175550199", "version": 2,
                                                             "updated_at": "2020-10-02T10:00:00"}))
        earlier = earlier[edits:]
        for sid in fresh[:licenses]:
            lid = str(uuid.UUID(int=rng.getrandbits(128)))
            changes.append(p.Change(change_id=str(uuid.uuid4()), entity="license_issuance", entity_id=lid,
                                    op="create", base_version=None, payload={
                                        "id": lid, "version": 1, "job_seeker_id": sid, "program_id": PROGRAM,
                                        "status": "issued", "email": f"maria.{sid[:13]}@example.org",
                                        "issued_on": "2020-10-01", "from_device_block": False}))
        earlier += fresh[licenses:]
        out.append(p.ChangeBatch(device_id=f"bench-device-{desk}", changes=changes))
    return out


class ServerProcess:
    def __init__(self, url: str, workers: int, *, extra: tuple[str, ...] = (), profile: Path | None = None) -> None:
        import requests

        self.port = _free_port()
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        command = [sys.executable, "-m", "counselor_app.agency_server", "serve", "--database-url", url, "--port",
                   str(self.port), "--workers", str(workers), *extra]
        if profile is not None:  # py-spy (pip install py-spy): every worker, folded stacks, idle time left out
            command = ["py-spy", "record", "--subprocesses", "--format", "raw", "--rate", "50", "-o", str(profile),
                       "--", *command]
        self.proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                raise RuntimeError("the server did not start: " + (self.proc.stderr.read() if self.proc.stderr
                                                                    else ""))
            time.sleep(0.2)
        # Every worker up: several health calls in a row on fresh connections.
        for _ in range(4 * workers):
            requests.get(f"{self.url}/api/v1/health", timeout=10)

    def stop(self) -> None:
        if self.proc.args[0] == "py-spy":  # stop the server, not py-spy, so py-spy writes its profile
            subprocess.run(["pkill", "-TERM", "-P", str(self.proc.pid)], check=False)
        else:
            self.proc.terminate()
        try:
            self.proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


def _tick() -> float:
    return float(os.sysconf("SC_CLK_TCK"))


def machine_cpu_s() -> float:
    """CPU seconds the whole machine has been busy (all cores; idle and I/O wait left out)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    return (sum(fields[:8]) - fields[3] - fields[4]) / _tick()


def process_tree_cpu_s(pid: int) -> float:
    """CPU seconds of ``pid`` and its live descendants (the server's workers)."""
    total = 0.0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            parts = stat[stat.rindex(")") + 2:].split()
            total += (int(parts[11]) + int(parts[12])) / _tick()
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def drive(url: str, tokens: list[str], bodies: list[list[bytes]], result: RunResult,
          server_pid: int | None = None) -> None:
    """Every desk at once, each pushing its batches in turn (each followed by one feed pull)."""
    import requests

    from counselor_app.sync import protocol as p

    latencies: list[float] = []
    pulls: list[float] = []
    answered = [0]
    lock = threading.Lock()
    start = threading.Barrier(len(tokens) + 1)

    def desk(index: int) -> None:
        http = requests.Session()
        http.headers.update({"Authorization": f"Bearer {tokens[index]}", "Content-Type": "application/json",
                             "Content-Encoding": "gzip"})
        cursor = ""
        start.wait()
        for body in bodies[index]:
            first = time.perf_counter()
            while True:
                try:
                    response = http.post(f"{url}{p.API_PREFIX}/changes", data=body, timeout=CLIENT_TIMEOUT_S)
                except requests.Timeout:
                    with lock:
                        result.timeouts += 1
                    continue
                except requests.ConnectionError:
                    # A kept-alive connection the server closed while this desk waited out a Retry-After: the
                    # desk's transport opens a new one and sends again (the change ids make that safe).
                    with lock:
                        result.reconnects += 1
                    continue
                if response.status_code == 503:
                    with lock:
                        result.busy_503 += 1
                    time.sleep(float(response.headers.get("Retry-After", "1")))
                    continue
                break
            elapsed = time.perf_counter() - first
            if response.status_code != 200:
                with lock:
                    result.errors.append(f"{response.status_code}: {response.text[:200]}")
                continue
            answer = p.ChangeBatchResult.model_validate_json(response.content)
            bad = sum(1 for r in answer.results if r.status not in ("applied", "duplicate"))
            t0 = time.perf_counter()
            try:
                page = http.get(f"{url}{p.API_PREFIX}/changes", params={"since": cursor, "limit": 200} if cursor
                                else {"limit": 200}, timeout=CLIENT_TIMEOUT_S)
                if page.ok:
                    cursor = p.FeedPage.model_validate_json(page.content).next_cursor
            except requests.RequestException:
                pass  # the next pull starts from the same cursor
            pulled = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                pulls.append(pulled)
                result.not_applied += bad
                answered[0] += len(answer.results)

    threads = [threading.Thread(target=desk, args=(i,), daemon=True) for i in range(len(tokens))]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    desks0, machine0 = time.process_time(), machine_cpu_s()
    server0 = process_tree_cpu_s(server_pid) if server_pid else 0.0
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - t0
    result.cpu_desks_s = time.process_time() - desks0
    result.cpu_machine_s = machine_cpu_s() - machine0
    result.cpu_server_s = (process_tree_cpu_s(server_pid) - server0) if server_pid else 0.0
    if answered[0] != result.changes:
        result.errors.append(f"{result.changes - answered[0]} of {result.changes} changes got no answer")
    result.changes = answered[0]  # the rate counts the changes the server answered, nothing planned
    result.changes_s = result.changes / result.seconds if result.seconds else 0.0
    result.batch_p50_s = _pct(latencies, 0.5)
    result.batch_p95_s = _pct(latencies, 0.95)
    result.batch_max_s = max(latencies, default=0.0)
    result.pull_p95_s = _pct(pulls, 0.95)


def run_config(backend: str, desks: int, workers: int, scale: dict[str, Any], folder: Path, *,
               preload: int = 0, profile: Path | None = None) -> RunResult:
    result = RunResult(backend=backend, desks=desks, workers=workers)
    db = Database(backend, folder)
    try:
        tokens = prepare(db.url, desks)
        if preload:
            bare_inserts(db.url, preload, batch_size=1000, licenses=preload // 10)
        batches = [make_batches(i, scale["batches"], scale["batch_size"]) for i in range(desks)]
        bodies = [[gzip.compress(b.model_dump_json().encode("utf-8"), 6) for b in desk] for desk in batches]
        result.changes = sum(len(b.changes) for desk in batches for b in desk)
        server = ServerProcess(db.url, workers, profile=profile)
        try:
            drive(server.url, tokens, bodies, result, server_pid=server.proc.pid)
        finally:
            server.stop()
    finally:
        db.drop()
    return result


# -- baselines -----------------------------------------------------------------------------------------------------
_TRIVIAL_APP = '''
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"{}"})
'''


def bare_http(clients: int, seconds: float, folder: Path) -> float:
    """Requests/s of a trivial endpoint under uvicorn (one process), ``clients`` threads posting a small body."""
    import requests

    (folder / "trivial_app.py").write_text(_TRIVIAL_APP)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "trivial_app:app", "--port", str(port),
                             "--log-level", "warning", "--no-access-log"], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.post(url, data=b"{}", timeout=2)
                break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        count = [0]
        lock = threading.Lock()
        stop_at = [0.0]
        start = threading.Barrier(clients + 1)

        def client() -> None:
            http = requests.Session()
            n = 0
            start.wait()
            while time.perf_counter() < stop_at[0]:
                http.post(url, data=b'{"device_id": "x", "changes": []}', timeout=CLIENT_TIMEOUT_S)
                n += 1
            with lock:
                count[0] += n

        threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
        for t in threads:
            t.start()
        t0 = time.perf_counter()
        stop_at[0] = t0 + seconds
        start.wait()
        for t in threads:
            t.join()
        return count[0] / (time.perf_counter() - t0)
    finally:
        proc.terminate()
        proc.wait(20)


def bare_inserts(url: str, changes: int, *, batch_size: int, licenses: int | None = None) -> float:
    """Change-equivalents/s: the rows a batch writes (record, change log, feed row; a license row for one in ten),
    inserted with SQLAlchemy Core in transactions of ``batch_size``, one connection."""
    from sqlalchemy import insert

    from counselor_app.agency_server.db import ServerStore
    from counselor_app.agency_server.models import ChangeLog, FeedEntry, License, ServerRecord

    store = ServerStore(url)
    now = dt.datetime(2020, 10, 1, 9, 0)
    licenses = changes // 10 if licenses is None else licenses
    with store.read() as session:
        from sqlalchemy import func, select

        base = int(session.scalar(select(func.coalesce(func.max(FeedEntry.seq), 0))) or 0) + 1
    t0 = time.perf_counter()
    done = 0
    while done < changes:
        n = min(batch_size, changes - done)
        records, logs, feed, lics = [], [], [], []
        for i in range(done, done + n):
            sid = str(uuid.uuid4())
            data = _seeker(sid, i)
            records.append({"entity": "job_seeker", "entity_id": sid, "version": 1, "center_id": None,
                            "email_lc": data["email"], "data": data, "deleted": False, "origin_device": "bare",
                            "created_at": now, "updated_at": now, "updated_by": None})
            logs.append({"change_id": str(uuid.uuid4()), "fingerprint": "0" * 64, "device_id": "bare",
                         "user_id": 1, "entity": "job_seeker", "entity_id": sid, "op": "create",
                         "status": "applied", "result": {"status": "applied", "server_version": 1},
                         "received_at": now})
            feed.append({"kind": "record", "key": f"job_seeker:{sid}", "seq": base + i, "center_id": None,
                         "origin_device": "bare", "only_device": None, "data": {}})
            if i < licenses:
                lics.append({"issuance_id": str(uuid.uuid4()), "job_seeker_id": sid, "program_id": PROGRAM,
                             "status": "issued", "email": data["email"], "issued_on": dt.date(2020, 10, 1),
                             "center_id": None, "device_id": "bare", "received_at": now})
        with store.engine.begin() as conn:
            conn.execute(insert(ServerRecord), records)
            conn.execute(insert(ChangeLog), logs)
            conn.execute(insert(FeedEntry), feed)
            if lics:
                conn.execute(insert(License), lics)
        done += n
    elapsed = time.perf_counter() - t0
    with store.engine.begin() as conn:
        from sqlalchemy import update

        from counselor_app.agency_server.models import Counter

        if conn.execute(update(Counter).where(Counter.name == "feed").values(value=base + changes)).rowcount == 0:
            conn.execute(insert(Counter).values(name="feed", value=base + changes))
    store.refresh_statistics()
    store.close()
    return changes / elapsed


# -- the table -----------------------------------------------------------------------------------------------------
def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def run(scale_name: str, *, backends: list[str] | None = None, desks: list[int] | None = None,
        workers: list[int] | None = None, preload: int = 0, verbose: bool = True,
        profile: Path | None = None) -> dict[str, Any]:
    scale = SCALES[scale_name]
    if backends is None:
        backends = ["sqlite"] + (["postgres"] if postgres_server_url() else [])
    desk_counts = desks or list(scale["desks"])
    worker_counts = workers or list(scale["workers"])
    load_before = load_average()
    results: list[RunResult] = []
    baselines: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="counselor-bench-server-") as tmp:
        folder = Path(tmp)
        baselines["http_requests_s"] = bare_http(max(desk_counts), scale["http_s"], folder)
        for backend in backends:
            db = Database(backend, folder)
            try:
                prepare(db.url, 1)
                n = scale["batch_size"] * scale["batches"] * max(desk_counts)
                baselines[f"{backend}_insert_changes_s"] = bare_inserts(db.url, n, batch_size=scale["batch_size"])
            finally:
                db.drop()
            for desk_count in desk_counts:
                for worker_count in worker_counts:
                    if verbose:
                        print(f"  {backend}, {desk_count} desks, {worker_count} worker(s) ...", file=sys.stderr,
                              flush=True)
                    out = None if profile is None else profile.with_name(
                        f"{profile.stem}-{backend}-{desk_count}d-{worker_count}w{profile.suffix}")
                    results.append(run_config(backend, desk_count, worker_count, scale, folder, preload=preload,
                                              profile=out))
    return {"scale": scale_name, "preload": preload, "load_before": load_before, "load_after": load_average(),
            "cpus": os.cpu_count(), "baselines": baselines, "runs": [asdict(r) for r in results],
            "batch_size": scale["batch_size"], "batches_per_desk": scale["batches"]}


def _cpu_shares(r: dict[str, Any], cpus: int | None) -> str:
    capacity = r["seconds"] * (cpus or 1)
    if not capacity or not r.get("cpu_machine_s"):
        return ""
    rest = max(0.0, r["cpu_machine_s"] - r["cpu_desks_s"] - r["cpu_server_s"])
    return " / ".join(f"{100 * v / capacity:.0f}" for v in (r["cpu_desks_s"], r["cpu_server_s"], rest))


def table(report: dict[str, Any]) -> str:
    base = report["baselines"]
    http = base["http_requests_s"]
    by_key = {(r["backend"], r["desks"], r["workers"]): r for r in report["runs"]}
    lines = [f"Server load benchmark ({report['scale']}; batches of {report['batch_size']}, "
             f"{report['batches_per_desk']} per desk; {report['preload']:,} rows preloaded; "
             f"{report['cpus']} CPUs; load average before {report['load_before']}, after {report['load_after']})",
             f"bare loopback HTTP: {http:,.0f} requests/s; bare inserts: " + ", ".join(
                 f"{k.split('_')[0]} {v:,.0f} changes/s" for k, v in base.items() if k.endswith("insert_changes_s")),
             "",
             "| backend | desks | workers | changes/s | batch p50 s | batch p95 s | max s | timeouts | 503s | "
             "reconnects | not applied | pull p95 s | batches/s ÷ bare HTTP req/s | changes/s ÷ bare inserts | 2 workers ÷ 1 "
             "| CPU: desks / server / rest of machine (% of 2 cores) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in report["runs"]:
        inserts = base.get(f"{r['backend']}_insert_changes_s") or 0
        batches_s = r["changes_s"] / report["batch_size"]
        one = by_key.get((r["backend"], r["desks"], 1))
        gain = f"{r['changes_s'] / one['changes_s']:.2f}×" if r["workers"] == 2 and one and one["changes_s"] else ""
        lines.append(f"| {r['backend']} | {r['desks']} | {r['workers']} | {r['changes_s']:,.0f} | "
                     f"{r['batch_p50_s']:.2f} | {r['batch_p95_s']:.2f} | {r['batch_max_s']:.2f} | {r['timeouts']} | "
                     f"{r['busy_503']} | {r['reconnects']} | {r['not_applied']} | {r['pull_p95_s']:.2f} | {batches_s / http:.3f} | "
                     f"{r['changes_s'] / inserts if inserts else 0:.2f} | {gain} | {_cpu_shares(r, report['cpus'])} |")
    target = [r for r in report["runs"] if r["backend"] == "postgres" and r["desks"] == 100]
    if target:
        lines.append("")
        lines.append("Targets at 100 desks on PostgreSQL:")
        for r in target:
            lines.append(f"- {r['workers']} worker(s): {r['changes_s']:,.0f} changes/s (target ≥ {TARGET_CHANGES_S:,.0f}: "
                         f"{'met' if r['changes_s'] >= TARGET_CHANGES_S else 'NOT met'}), batch p95 "
                         f"{r['batch_p95_s']:.2f} s (≤ {TARGET_P95_S:g} s: "
                         f"{'met' if r['batch_p95_s'] <= TARGET_P95_S else 'NOT met'}), timeouts {r['timeouts']} "
                         f"({'met' if r['timeouts'] == 0 else 'NOT met'})")
        one = by_key.get(("postgres", 100, 1))
        two = by_key.get(("postgres", 100, 2))
        if one and two and one["changes_s"]:
            gain = two["changes_s"] / one["changes_s"]
            lines.append(f"- 2 workers ÷ 1: {gain:.2f}× (target ≥ {TARGET_WORKER_GAIN_X}×: "
                         f"{'met' if gain >= TARGET_WORKER_GAIN_X else 'NOT met'})")
    errors = [e for r in report["runs"] for e in r["errors"]]
    if errors:
        lines.append("")
        lines.append(f"Errors ({len(errors)}): " + "; ".join(errors[:5]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=tuple(SCALES), default="smoke")
    parser.add_argument("--backends", help="comma-separated: sqlite,postgres (default: both when PostgreSQL is set)")
    parser.add_argument("--desks", help="comma-separated desk counts (default 20,50,100 at full)")
    parser.add_argument("--workers", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--preload", type=int, default=0, metavar="ROWS",
                        help="server rows inserted before each configuration (a tenth of them licenses)")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    parser.add_argument("--profile", type=Path, metavar="FILE.txt",
                        help="record each server under py-spy (folded stacks, one file per configuration)")
    args = parser.parse_args(argv)

    def ints(text: str | None) -> list[int] | None:
        return [int(x) for x in text.split(",")] if text else None

    report = run(args.scale, backends=args.backends.split(",") if args.backends else None, desks=ints(args.desks),
                 workers=ints(args.workers), preload=args.preload, profile=args.profile)
    print(table(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
