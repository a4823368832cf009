"""Benchmark harness: seed the data once, run every benchmark module, print one table against the targets.

    python tests/benchmarks/run.py [--scale smoke|full|1m] [--json FILE] [--markdown FILE] [--only core,startup]
    python tests/benchmarks/run.py --scale 1m --compare full --only core,export,startup   # side by side

Each benchmark module (``tests/benchmarks/bench_*.py``) has ``run(scale: str) -> dict`` and runs in its own child
process, so one module's memory, Qt state or crash never colours another's figures. A module gets the shared,
already-seeded data folder from :func:`bench_data` (cached in the temp dir by scale, size, seed and the code that
shapes the data) and, when it writes, a private copy from :func:`working_copy`.

What ``run`` returns: ``{metric_name: value}``, where a value is a number, a list of samples, or a dict with any of
``median``, ``p95``, ``max``, ``min``, ``mean``, ``n``, ``samples``, ``unit``, ``note``. Name metrics with their unit
as a suffix (``_ms``, ``_s``, ``_mb``, ``_x``). ``TARGETS`` below maps metric names to the targets of issue 7;
metrics without a target are printed as information.

Targets are for the ``full`` scale on a 2-core machine. At ``smoke`` scale the table is only a sign of life: the
smoke test checks that every benchmark ran and produced numbers, never the targets (these machines are shared).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import fcntl
import hashlib
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# -- scales and targets: the one place ------------------------------------------------------------------------

SCALES: dict[str, dict[str, int]] = {
    # Job seekers (and, with license_share=1.0, as many issuances) in the seeded data folder.
    "smoke": {"job_seekers": 2_000},
    "full": {"job_seekers": 100_000},
    # A large state's records on one administrator's desk (issue 18): seeded once (bulk inserts, a few minutes),
    # cached like the others. The targets are the same as at ``full``.
    "1m": {"job_seekers": 1_000_000},
}
AGENCY = "ma"
DEFAULT_SEED = 1
# The page cache of the seeding process at large scales (KiB): about the size of the million-person indexes.
BULK_LOAD_CACHE_KIB = 1_500_000

BENCH_MODULES: tuple[str, ...] = (
    "bench_core", "bench_startup", "bench_ui", "bench_recommend", "bench_sync", "bench_export", "bench_import",
)
# A module that takes longer than this is stopped and reported as an error (full scale gets more).
MODULE_TIMEOUT_S = {"smoke": 180, "full": 1800, "1m": 3600}


@dataclass(frozen=True)
class Target:
    """One line of issue 7's table.

    ``metric`` names the measured figure (``module:metric``, first name found wins), judged on ``stat`` against
    ``limit`` (``op`` "<=" or ">="). ``baseline`` names the figure it is compared with in the same run; the ratio
    is ``measured / baseline`` unless ``speedup`` (then ``baseline / measured``), and must meet ``ratio_limit``.
    """

    key: str
    label: str
    metric: tuple[str, ...]
    stat: str = "median"
    limit: float | None = None
    op: str = "<="
    unit: str = "ms"
    baseline: tuple[str, ...] = ()
    ratio_limit: float | None = None
    speedup: bool = False


TARGETS: tuple[Target, ...] = (
    Target("cold_start", "cold start to main window shown (offscreen)",
           ("bench_startup:cold_start_s",), stat="median", limit=1.5, unit="s",
           baseline=("bench_startup:bare_window_s",), ratio_limit=2.5),
    Target("search_keystroke", "search as you type, per keystroke (core service)",
           ("bench_core:search_keystroke_ms",), stat="p95", limit=15.0),
    Target("ui_search_keystroke", "search as you type, per keystroke (in the GUI)",
           ("bench_ui:search_keystroke_ms", "bench_ui:keystroke_latency_ms", "bench_ui:search_latency_ms",
            "bench_ui:per_keystroke_ms"), stat="p95", limit=15.0),
    Target("stall_typing", "longest GUI-thread stall while typing a search",
           ("bench_ui:stall_typing_ms", "bench_ui:typing_stall_ms", "bench_ui:max_stall_typing_ms"),
           stat="max", limit=100.0),
    Target("stall_export", "longest GUI-thread stall while an export runs",
           ("bench_ui:stall_export_ms", "bench_ui:export_stall_ms", "bench_ui:max_stall_export_ms"),
           stat="max", limit=100.0),
    Target("register", "register a job seeker, call to committed",
           ("bench_core:register_ms",), stat="median", limit=20.0),
    Target("register_common", "register a job seeker with a common name (some flagged, then confirmed)",
           ("bench_core:register_common_names_ms",), stat="median", limit=20.0),
    Target("duplicate_check", "duplicate check alone, common names (issue 18)",
           ("bench_core:duplicate_check_common_ms",), stat="p95"),
    Target("issue", "issue a license, call to committed",
           ("bench_core:issue_ms",), stat="median", limit=20.0),
    Target("recommend", "one recommendation, 5,000-course catalog",
           ("bench_recommend:recommend_ms", "bench_recommend:recommendation_ms"), stat="median", limit=5.0),
    Target("sync_drain", "drain 10,000 queued changes, loopback",
           ("bench_sync:drain_s", "bench_sync:drain_10k_s", "bench_sync:batched_drain_s"), stat="median",
           limit=10.0, unit="s",
           baseline=("bench_sync:one_per_change_s", "bench_sync:naive_drain_s", "bench_sync:single_drain_s",
                     "bench_sync:per_change_drain_s"), ratio_limit=10.0, speedup=True),
    Target("export", "summary workbook, all issuances, with progress",
           ("bench_export:export_s", "bench_export:workbook_s", "bench_export:summary_workbook_s"),
           stat="median", limit=15.0, unit="s",
           baseline=("bench_export:bare_openpyxl_s", "bench_export:openpyxl_dump_s", "bench_export:baseline_s"),
           ratio_limit=2.0),
    Target("export_memory", "summary workbook, peak memory",
           ("bench_export:peak_memory_mb", "bench_export:export_peak_mb", "bench_export:peak_rss_mb"),
           stat="max", limit=400.0, unit="MB"),
    Target("import", "import the usage report (one row per issuance)",
           ("bench_import:import_s", "bench_import:usage_import_s"), stat="median", limit=15.0, unit="s"),
    Target("start_memory", "app memory after start (resident)",
           ("bench_startup:rss_after_start_mb",), stat="median", limit=250.0, unit="MB"),
    Target("encryption_overhead", "encrypted store vs plain SQLite, same workload",
           ("bench_core:encrypted_workload_ms",), stat="median",
           baseline=("bench_core:plain_workload_ms",), ratio_limit=1.5),
)


# -- statistics ---------------------------------------------------------------------------------------------

def percentile(samples: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100), as numpy's default."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def summarize(samples: Sequence[float], *, unit: str, note: str | None = None) -> dict[str, Any]:
    """What a benchmark returns for a repeated measurement."""
    out: dict[str, Any] = {"median": percentile(samples, 50), "p95": percentile(samples, 95),
                           "max": max(samples), "min": min(samples), "n": len(samples), "unit": unit}
    if note:
        out["note"] = note
    return out


@dataclass
class Stat:
    median: float | None = None
    p95: float | None = None
    max: float | None = None
    n: int | None = None
    unit: str = ""
    note: str = ""

    def get(self, name: str) -> float | None:
        value = getattr(self, name if name in ("median", "p95", "max") else "median")
        if value is None:  # a single figure stands for every statistic
            value = self.median if self.median is not None else self.max
        return value


def _unit_from_name(name: str) -> str:
    for suffix, unit in (("_ms", "ms"), ("_s", "s"), ("_mb", "MB"), ("_x", "x"), ("_ratio", "x"),
                         ("_count", ""), ("_n", "")):
        if name.lower().endswith(suffix):
            return unit
    return ""


_FLAT = re.compile(r"^(?:(?P<pre>.+?)_)?(?P<stat>median|p50|p95|p99|max|min|mean|avg)(?:_(?P<post>.+?))?"
                   r"_(?P<unit>ms|s|mb|x)$", re.IGNORECASE)
_STAT_KEY = {"median": "median", "p50": "median", "p95": "p95", "max": "max", "min": "min", "mean": "mean",
             "avg": "mean", "p99": "p99"}


def group_flat(module: str, metrics: dict[str, Any]) -> dict[str, Any]:
    """Fold flat statistics (``median_ms``, ``p95_ms``, ``drain_median_s``...) into one metric each, named by
    what is left (or by the module: ``bench_recommend`` → ``recommend_ms``), so every module's shape reads alike.
    """
    out: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {}
    count = next((metrics[k] for k in ("runs", "n", "repeats", "samples_n") if isinstance(metrics.get(k), int)),
                 None)
    for key, value in metrics.items():
        m = _FLAT.match(key) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        if m is None:
            out[key] = value
            continue
        stem = "_".join(part for part in (m["pre"], m["post"]) if part) or module.removeprefix("bench_")
        name = f"{stem}_{m['unit'].lower()}"
        group = groups.setdefault(name, {"unit": _unit_from_name(name)})
        group[_STAT_KEY[m["stat"].lower()]] = float(value)
    for name, group in groups.items():
        if name in out:  # a metric of that name already exists: keep both
            name = f"{name}_stats"
        if count is not None:
            group.setdefault("n", count)
        out[name] = group
    return out


def normalize(name: str, value: Any) -> Stat | None:
    """Read whatever shape a module returned; ``None`` for values that are not figures."""
    unit = _unit_from_name(name)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Stat(median=float(value), n=1, unit=unit)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value):
        return Stat(median=percentile(value, 50), p95=percentile(value, 95), max=max(value), n=len(value),
                    unit=unit)
    if isinstance(value, dict):
        samples = value.get("samples")
        st = Stat(unit=str(value.get("unit") or unit), note=str(value.get("note") or ""))
        if isinstance(samples, (list, tuple)) and samples:
            st.median, st.p95, st.max = percentile(samples, 50), percentile(samples, 95), max(samples)
            st.n = len(samples)
        for key in ("median", "p95", "max"):
            if isinstance(value.get(key), (int, float)):
                setattr(st, key, float(value[key]))
        if st.median is None:
            for key in ("value", "mean", "p50", "min"):
                if isinstance(value.get(key), (int, float)):
                    st.median = float(value[key])
                    break
        if isinstance(value.get("n"), int):
            st.n = value["n"]
        if st.median is None and st.max is None and st.p95 is None:
            return None
        return st
    return None


# -- the seeded data folder, built once and shared ------------------------------------------------------------

@dataclass(frozen=True)
class BenchData:
    """A seeded data folder and how to open it (in this process or in a child)."""

    scale: str
    seed: int
    data_dir: Path
    agency: str
    job_seekers: int
    issuances: int
    keyring_file: Path

    def child_env(self) -> dict[str, str]:
        """Environment for a child process that must open this folder (same keyring, offscreen Qt)."""
        env = dict(os.environ)
        env.update(_keyring_env(self.keyring_file))
        env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["COUNSELOR_BENCH_SCALE"] = self.scale
        env["COUNSELOR_BENCH_DATA_DIR"] = str(self.data_dir)
        # An installed app runs from bytecode. Without this, a shell that sets PYTHONDONTWRITEBYTECODE makes every
        # child compile the whole app from source (~0.3 s of every cold start). The cache lives outside the repo.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache_root() / "pycache")
        return env

    def open_desk(self, **kwargs: Any) -> Any:
        from counselor_app.core import open_desk

        use_keyring(self.keyring_file)
        return open_desk(data_dir=self.data_dir, agency=self.agency, **kwargs)


def _keyring_env(keyring_file: Path) -> dict[str, str]:
    return {"PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
            "COUNSELOR_TEST_KEYRING_FILE": str(keyring_file)}


def use_keyring(keyring_file: Path) -> None:
    """Point this process (and its children) at a file-backed keyring: no desktop keyring on these machines."""
    import keyring

    from tests.support.file_keyring import FileKeyring

    os.environ.update(_keyring_env(keyring_file))
    backend = keyring.get_keyring()
    if not isinstance(backend, FileKeyring):
        keyring.set_keyring(FileKeyring())


def job_seeker_count(scale: str) -> int:
    override = os.environ.get("COUNSELOR_BENCH_JOB_SEEKERS")
    if override:
        return int(override)
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose from {', '.join(SCALES)}")
    return SCALES[scale]["job_seekers"]


def _data_fingerprint() -> str:
    """Changes when the code that shapes the seeded data changes, so a stale cache is never reused."""
    h = hashlib.sha256()
    core = REPO_ROOT / "counselor_app" / "core"
    for path in sorted([core / "demo.py", core / "models.py", *(core / "migrations" / "versions").glob("*.py")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    profiles = REPO_ROOT / "counselor_app" / "resources" / "profiles"
    for path in sorted(profiles.glob("*.json")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def cache_root() -> Path:
    return Path(os.environ.get("COUNSELOR_BENCH_CACHE") or Path(tempfile.gettempdir()) / "counselor-desk-bench")


def _run_dir() -> Path:
    """A temp folder for this harness run (its keyring and working copies); children inherit it."""
    existing = os.environ.get("COUNSELOR_BENCH_RUN_DIR")
    if existing and Path(existing).is_dir():
        return Path(existing)
    path = Path(tempfile.mkdtemp(prefix="run-", dir=_ensure(cache_root() / "runs")))
    os.environ["COUNSELOR_BENCH_RUN_DIR"] = str(path)
    atexit.register(shutil.rmtree, path, ignore_errors=True)  # the process that made it cleans it up
    return path


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def bench_data(scale: str, *, seed: int = DEFAULT_SEED, progress: bool = False) -> BenchData:
    """The seeded data folder for ``scale`` (built on first use, then reused across runs). Treat it as read-only:
    benchmarks that write take a :func:`working_copy`."""
    n = job_seeker_count(scale)
    folder = cache_root() / f"{scale}-{n}js-seed{seed}-{_data_fingerprint()}"
    ready = folder / "ready.json"
    _ensure(folder.parent)
    lock_path = folder.parent / (folder.name + ".lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another engineer's run may be building the same folder right now
        info = _read_ready(ready)
        if info is None:
            info = _build(folder, scale=scale, n=n, seed=seed, progress=progress)
    run_keyring = _run_dir() / "keyring.json"
    _merge_keyring(folder / "keyring.json", run_keyring)
    use_keyring(run_keyring)
    return BenchData(scale=scale, seed=seed, data_dir=folder / "data", agency=AGENCY, job_seekers=info["job_seekers"],
                     issuances=info["issuances"], keyring_file=run_keyring)


def _read_ready(ready: Path) -> dict[str, Any] | None:
    try:
        info = json.loads(ready.read_text())
    except (OSError, ValueError):
        return None
    # The program window moves with the calendar (demo data is "live"): rebuild a week-old folder.
    built = dt.date.fromisoformat(info.get("built_on", "1970-01-01"))
    if (dt.date.today() - built).days > 7:
        return None
    return info


def _merge_keyring(source: Path, target: Path) -> None:
    data = json.loads(target.read_text()) if target.exists() else {}
    data.update(json.loads(source.read_text()))
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, target)


def _build(folder: Path, *, scale: str, n: int, seed: int, progress: bool) -> dict[str, Any]:
    """Seed in a child process, as ``counselor-app seed-demo`` does, but with one license per job seeker."""
    if folder.exists():
        shutil.rmtree(folder)
    _ensure(folder)
    keyring_file = folder / "keyring.json"
    env = dict(os.environ)
    env.update(_keyring_env(keyring_file))
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    t0 = time.perf_counter()
    if progress:
        print(f"Seeding {n:,} job seekers ({scale}, seed {seed}) into {folder} ...", file=sys.stderr, flush=True)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--seed-worker", str(folder / "data"),
                          "--job-seekers", str(n), "--seed", str(seed)],
                         env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{out.stderr[-4000:]}")
    info = json.loads(out.stdout.strip().splitlines()[-1])
    info.update(scale=scale, seed=seed, built_on=dt.date.today().isoformat(),
                seconds=round(time.perf_counter() - t0, 1))
    (folder / "ready.json").write_text(json.dumps(info, indent=2))
    if progress:
        print(f"Seeded in {info['seconds']} s.", file=sys.stderr, flush=True)
    return info


def _seed_worker(data_dir: Path, n: int, seed: int) -> None:
    from sqlalchemy import event

    from counselor_app.core import open_desk
    from counselor_app.core.db import checkpoint
    from counselor_app.core.demo import configure_demo_settings, seed_demo
    from counselor_app.core.paths import DataPaths

    paths = DataPaths(data_dir).ensure()
    configure_demo_settings(paths.root, AGENCY)
    with open_desk(data_dir=paths.root, agency=AGENCY) as desk:
        if n > 200_000:
            # A bulk load, not a counselor's desk: random-UUID keys spread each chunk's inserts over every
            # index page, so a page cache as large as the indexes, commits of 50,000 people and no fsync per
            # commit make a million people a matter of minutes instead of most of an hour (profile: 86 % of
            # the time in SQLite's executemany and commit). The folder is rebuilt if this process dies.
            @event.listens_for(desk.store.engine, "connect")
            def _bulk_load(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute(f"PRAGMA cache_size=-{BULK_LOAD_CACHE_KIB}")
                cur.execute("PRAGMA synchronous=OFF")
                cur.execute("PRAGMA wal_autocheckpoint=100000")
                cur.close()

            desk.store.engine.dispose()  # pooled connections were opened before: reopen with the above
        result = seed_demo(desk, job_seekers=n, seed=seed, license_share=1.0,
                           chunk=50_000 if n > 200_000 else 5000)
        with desk.store.write() as session:
            session.connection().exec_driver_sql("PRAGMA optimize")
        checkpoint(desk.store.engine)
    print(json.dumps({"job_seekers": result.job_seekers, "issuances": result.issuances,
                      "appointments": result.appointments}))


@contextlib.contextmanager
def working_copy(scale: str, *, seed: int = DEFAULT_SEED) -> Iterator[BenchData]:
    """A private copy of the seeded folder that a benchmark may change; removed afterwards."""
    shared = bench_data(scale, seed=seed)
    tmp = Path(tempfile.mkdtemp(prefix="copy-", dir=_run_dir()))
    try:
        target = tmp / "data"
        shutil.copytree(shared.data_dir, target)
        # The database key is filed under the folder's path: file it under the copy's path too.
        data = json.loads(shared.keyring_file.read_text())
        old, new = str(shared.data_dir.resolve()), str(target.resolve())
        for name, value in list(data.items()):
            if old in name:
                data[name.replace(old, new)] = value
        shared.keyring_file.write_text(json.dumps(data))
        yield BenchData(scale=shared.scale, seed=seed, data_dir=target, agency=shared.agency,
                        job_seekers=shared.job_seekers, issuances=shared.issuances,
                        keyring_file=shared.keyring_file)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- running modules ----------------------------------------------------------------------------------------

@dataclass
class ModuleResult:
    name: str
    status: str  # ok | missing | error | timeout
    seconds: float = 0.0
    metrics: dict[str, Any] = field(default_factory=dict)
    error: str = ""


def module_exists(name: str) -> bool:
    return (Path(__file__).with_name(f"{name}.py")).exists()


def run_module(name: str, scale: str, data: BenchData, *, timeout_s: float) -> ModuleResult:
    if not module_exists(name):
        return ModuleResult(name, "missing", error="not run: module missing")
    out_file = _run_dir() / f"{name}.json"
    out_file.unlink(missing_ok=True)
    env = data.child_env()
    env["COUNSELOR_BENCH_RUN_DIR"] = str(_run_dir())
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", name, "--scale", scale,
                               "--out", str(out_file)], env=env, cwd=REPO_ROOT, capture_output=True, text=True,
                              timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return ModuleResult(name, "timeout", time.perf_counter() - t0, error=f"stopped after {timeout_s:.0f} s")
    seconds = time.perf_counter() - t0
    if proc.returncode != 0 or not out_file.exists():
        tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-12:]
        return ModuleResult(name, "error", seconds, error="\n".join(tail) or f"exit code {proc.returncode}")
    metrics = json.loads(out_file.read_text())
    if not isinstance(metrics, dict):
        return ModuleResult(name, "error", seconds, error=f"run() returned {type(metrics).__name__}, not dict")
    return ModuleResult(name, "ok", seconds, metrics=group_flat(name, metrics))


def _worker(name: str, scale: str, out: Path) -> None:
    from tests.benchmarks.run import bench_data as shared_bench_data  # the importable copy of this module

    shared_bench_data(scale)  # keyring and environment, as the module will see them
    module = importlib.import_module(f"tests.benchmarks.{name}")
    result = module.run(scale)
    out.write_text(json.dumps(result, default=_json_default, indent=1))


def _json_default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return repr(value)


# -- the table ----------------------------------------------------------------------------------------------

@dataclass
class Row:
    key: str
    label: str
    module: str
    metric: str
    status: str  # measured | not run: ...
    median: float | None = None
    p95: float | None = None
    max: float | None = None
    n: int | None = None
    unit: str = ""
    stat: str = "median"
    target: str = ""
    ratio: float | None = None
    ratio_target: str = ""
    met: bool | None = None
    note: str = ""


def _find(metric_names: Sequence[str], results: dict[str, ModuleResult]) -> tuple[str, str, Stat | None, str]:
    """(module, metric, stat, why-not) for the first of ``metric_names`` some module produced."""
    module = metric_names[0].split(":")[0]
    for full in metric_names:
        mod, metric = full.split(":", 1)
        res = results.get(mod)
        if res is not None and res.status == "ok" and metric in res.metrics:
            return mod, metric, normalize(metric, res.metrics[metric]), ""
    res = results.get(module)
    if res is None:
        return module, metric_names[0].split(":", 1)[1], None, "not run: not selected"
    if res.status == "missing":
        return module, metric_names[0].split(":", 1)[1], None, "not run: module missing"
    if res.status != "ok":
        return module, metric_names[0].split(":", 1)[1], None, f"not run: {res.status}"
    return module, metric_names[0].split(":", 1)[1], None, "not run: metric missing from results"


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def build_rows(results: dict[str, ModuleResult]) -> list[Row]:
    rows: list[Row] = []
    used: set[tuple[str, str]] = set()
    for t in TARGETS:
        mod, metric, st, why = _find(t.metric, results)
        row = Row(key=t.key, label=t.label, module=mod, metric=metric, status=why or "measured", stat=t.stat,
                  unit=t.unit)
        if t.limit is not None:
            row.target = f"{t.stat} {'≤' if t.op == '<=' else '≥'} {_fmt(t.limit, t.unit)}"
        if t.ratio_limit is not None:
            row.ratio_target = (f"≥ {t.ratio_limit:g}× faster" if t.speedup else f"≤ {t.ratio_limit:g}×")
        if st is not None:
            used.add((mod, metric))
            row.median, row.p95, row.max, row.n, row.note = st.median, st.p95, st.max, st.n, st.note
            row.unit = st.unit or t.unit
            checks: list[bool] = []
            value = st.get(t.stat)
            if t.limit is not None and value is not None:
                checks.append(value <= t.limit if t.op == "<=" else value >= t.limit)
            if t.baseline:
                bmod, bmetric, bst, bwhy = _find(t.baseline, results)
                if bst is not None and bst.median and value:
                    used.add((bmod, bmetric))
                    base = bst.get(t.stat) or bst.median
                    row.ratio = (base / value) if t.speedup else (value / base)
                    if t.ratio_limit is not None:
                        checks.append(row.ratio >= t.ratio_limit if t.speedup else row.ratio <= t.ratio_limit)
                    row.note = (row.note + "; " if row.note else "") + f"baseline {bmetric} = {_fmt(base, bst.unit)}"
                else:
                    row.note = (row.note + "; " if row.note else "") + f"baseline {bwhy or 'missing'}"
                    if t.ratio_limit is not None:
                        checks.append(False)
            row.met = all(checks) if checks else None
        rows.append(row)
    # Everything else the modules measured, for the record.
    for name, res in results.items():
        if res.status != "ok":
            continue
        for metric, value in res.metrics.items():
            if (name, metric) in used:
                continue
            st = normalize(metric, value)
            if st is None:
                continue
            rows.append(Row(key=f"{name}:{metric}", label=f"({name}) {metric}", module=name, metric=metric,
                            status="measured", median=st.median, p95=st.p95, max=st.max, n=st.n, unit=st.unit,
                            note=st.note))
    return rows


def _met_text(row: Row) -> str:
    if row.status != "measured":
        return row.status
    if row.met is None:
        return "info" if not row.target and not row.ratio_target else "?"
    return "met" if row.met else "MISSED"


def _ratio_text(row: Row) -> str:
    if row.ratio is None:
        return row.ratio_target and f"({row.ratio_target})"
    return f"{row.ratio:.2f}× ({row.ratio_target})" if row.ratio_target else f"{row.ratio:.2f}×"


def _spread_text(row: Row) -> str:
    if row.p95 is not None and row.max is not None:
        return f"{_fmt(row.p95, row.unit)} / {_fmt(row.max, row.unit)}"
    return _fmt(row.max if row.max is not None else row.p95, row.unit)


def render_text(rows: list[Row], header: str) -> str:
    cols = ["metric", "median", "p95 / max", "n", "target", "ratio to baseline", "met"]
    lines = [[r.label, _fmt(r.median, r.unit), _spread_text(r), str(r.n or "—"), r.target or "—",
              _ratio_text(r) or "—", _met_text(r)] for r in rows]
    widths = [max(len(cols[i]), *(len(line[i]) for line in lines)) for i in range(len(cols))]
    out = [header, ""]
    out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(cols)))
    out.append("  ".join("-" * w for w in widths))
    out.extend("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) for line in lines)
    notes = [f"  {r.label}: {r.note}" for r in rows if r.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)


def render_markdown(rows: list[Row], meta: dict[str, Any]) -> str:
    m = meta["machine"]
    out = [f"Measured {meta['date']} at scale `{meta['scale']}` ({meta['job_seekers']:,} job seekers, "
           f"{meta['issuances']:,} issuances) on {m['nproc']} CPU cores ({m['cpu_model']}), "
           f"{m['ram_gb']} GB RAM, {m['os']}, Python {m['python']}; load average {m['load_avg_1m_at_start']} at "
           f"the start; commit `{meta['commit']}`. Medians and p95 / max over the repeats each module makes.", "",
           "| what | median | p95 / max | target | ratio to baseline | met |",
           "|---|---|---|---|---|---|"]
    for r in rows:
        if r.key.count(":") and r.status == "measured" and not r.target and not r.ratio_target:
            continue  # informational figures stay in the JSON
        out.append(f"| {r.label} | {_fmt(r.median, r.unit)} | {_spread_text(r)} | {r.target or '—'} | "
                   f"{_ratio_text(r) or '—'} | {_met_text(r)} |")
    out += ["", "Reproduce: `python tests/benchmarks/run.py --scale full --markdown bench.md --json bench.json` "
            "(seeds the data once into the temp dir, then runs every `tests/benchmarks/bench_*.py`)."]
    return "\n".join(out) + "\n"


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb: float | str = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"nproc": os.cpu_count(), "cpu_model": cpu, "ram_gb": ram_gb, "os": platform.platform(terse=True),
            "python": platform.python_version(), "load_avg_1m_at_start": round(load[0], 2)}


def _git_commit() -> str:
    with contextlib.suppress(Exception):
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return out + ("+changes" if dirty else "")
    return "unknown"


def run_all(scale: str, *, only: Sequence[str] | None = None, seed: int = DEFAULT_SEED,
            verbose: bool = True) -> tuple[dict[str, Any], list[Row]]:
    t0 = time.perf_counter()
    data = bench_data(scale, seed=seed, progress=verbose)
    prep_s = time.perf_counter() - t0
    names = [n for n in BENCH_MODULES if not only or n in only or n.removeprefix("bench_") in only]
    extra = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py") if p.stem not in BENCH_MODULES)
    names += [n for n in extra if not only or n in only or n.removeprefix("bench_") in only]
    results: dict[str, ModuleResult] = {}
    for name in names:
        if verbose:
            print(f"  {name} ...", end="", file=sys.stderr, flush=True)
        res = run_module(name, scale, data, timeout_s=MODULE_TIMEOUT_S.get(scale, 1800))
        results[name] = res
        if verbose:
            print(f" {res.status} ({res.seconds:.1f} s)" + (f": {res.error.splitlines()[-1]}" if res.error else ""),
                  file=sys.stderr, flush=True)
    rows = build_rows(results)
    meta = {"scale": scale, "seed": seed, "job_seekers": data.job_seekers, "issuances": data.issuances,
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": _git_commit(),
            "machine": machine_info(), "data_dir": str(data.data_dir), "prepare_s": round(prep_s, 2),
            "total_s": round(time.perf_counter() - t0, 2),
            "modules": {n: {"status": r.status, "seconds": round(r.seconds, 2), "error": r.error,
                            "metrics": r.metrics} for n, r in results.items()},
            "rows": [asdict(r) | {"met_text": _met_text(r)} for r in rows]}
    return meta, rows


def run_side_by_side(scales: Sequence[str], *, only: Sequence[str] | None = None, seed: int = DEFAULT_SEED,
                     verbose: bool = True) -> dict[str, Any]:
    """Each module at every scale in turn (module by module, so a change in the machine's load touches both
    scales alike), with the load average before each run. Returns ``{"scales": {scale: meta}, "load": [...]}``
    where each ``meta`` is shaped as :func:`run_all`'s."""
    t0 = time.perf_counter()
    datas = {scale: bench_data(scale, seed=seed, progress=verbose) for scale in scales}
    names = [n for n in BENCH_MODULES if not only or n in only or n.removeprefix("bench_") in only]
    results: dict[str, dict[str, ModuleResult]] = {scale: {} for scale in scales}
    loads: list[dict[str, Any]] = []
    for name in names:
        for scale in scales:
            load = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
            if verbose:
                print(f"  {name} at {scale} (load {load}) ...", end="", file=sys.stderr, flush=True)
            res = run_module(name, scale, datas[scale], timeout_s=MODULE_TIMEOUT_S.get(scale, 1800))
            results[scale][name] = res
            loads.append({"module": name, "scale": scale, "load_avg_1m": load, "seconds": round(res.seconds, 1)})
            if verbose:
                print(f" {res.status} ({res.seconds:.1f} s)" + (f": {res.error.splitlines()[-1]}" if res.error
                                                                 else ""), file=sys.stderr, flush=True)
    out: dict[str, Any] = {"scales": {}, "load": loads, "total_s": round(time.perf_counter() - t0, 1),
                           "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                           "commit": _git_commit(), "machine": machine_info()}
    for scale in scales:
        rows = build_rows(results[scale])
        out["scales"][scale] = {
            "scale": scale, "job_seekers": datas[scale].job_seekers, "issuances": datas[scale].issuances,
            "modules": {n: {"status": r.status, "seconds": round(r.seconds, 2), "error": r.error,
                            "metrics": r.metrics} for n, r in results[scale].items()},
            "rows": [asdict(r) | {"met_text": _met_text(r)} for r in rows], "_rows": rows}
    return out


def render_side_by_side(report: dict[str, Any], *, markdown: bool) -> str:
    """One line per target: each scale's median and p95 / max, the growth from the first scale to the last, the
    target, the ratio to its baseline and whether it is met at each scale."""
    scales = list(report["scales"])
    by_scale = {s: {r.key: r for r in report["scales"][s]["_rows"]} for s in scales}
    sizes = {s: f"{report['scales'][s]['job_seekers']:,}" for s in scales}
    head = ["what"]
    for s in scales:
        head += [f"{sizes[s]}: median", f"{sizes[s]}: p95 / max"]
    head += [f"{scales[-1]} ÷ {scales[0]}", "target"]
    head += [f"ratio to baseline at {sizes[s]}" for s in scales]
    head += [f"met at {sizes[s]}" for s in scales]
    lines = []
    for t in TARGETS:
        cells = [t.label]
        rows = [by_scale[s].get(t.key) for s in scales]
        for r in rows:
            cells += [_fmt(r.median, r.unit) if r else "—", _spread_text(r) if r else "—"]
        first, last = rows[0], rows[-1]
        stat_first = getattr(first, t.stat, None) if first else None
        stat_last = getattr(last, t.stat, None) if last else None
        cells.append(f"{stat_last / stat_first:.2f}× ({t.stat})" if stat_first and stat_last else "—")
        cells.append((rows[-1].target if rows[-1] else "") or "—")
        cells += [(_ratio_text(r) or "—") if r else "—" for r in rows]
        cells += [_met_text(r) if r else "—" for r in rows]
        if all(r is None or r.status != "measured" for r in rows):
            continue
        lines.append(cells)
    m = report["machine"]
    loads = [x["load_avg_1m"] for x in report["load"] if x["load_avg_1m"] is not None]
    intro = (f"Measured {report['date']}, scales {', '.join(f'`{s}` ({sizes[s]} job seekers)' for s in scales)} "
             f"side by side (each module at every scale in turn) on {m['nproc']} CPU cores ({m['cpu_model']}), "
             f"{m['ram_gb']} GB RAM, Python {m['python']}; load average {min(loads, default=0):.2f} to "
             f"{max(loads, default=0):.2f} over the run; commit `{report['commit']}`.")
    if markdown:
        out = [intro, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c) + " |" for c in lines]
        return "\n".join(out) + "\n"
    widths = [max(len(head[i]), *(len(line[i]) for line in lines)) if lines else len(head[i])
              for i in range(len(head))]
    out = [intro, "", "  ".join(h.ljust(widths[i]) for i, h in enumerate(head)),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(widths[i]) for i, c in enumerate(line)) for line in lines]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=tuple(SCALES), default="smoke")
    parser.add_argument("--json", metavar="FILE", help="write every figure, the machine and the targets as JSON")
    parser.add_argument("--markdown", metavar="FILE", help="write the table as Markdown (for the README)")
    parser.add_argument("--only", help="comma-separated modules, e.g. core,startup")
    parser.add_argument("--compare", choices=tuple(SCALES), metavar="SCALE",
                        help="also run at this scale, module by module beside --scale, and print both side by "
                             "side (e.g. --scale 1m --compare full)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--job-seekers", type=int, metavar="N",
                        help="override the scale's size (development only: targets are for 100,000)")
    # Internal: the child processes.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--seed-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.job_seekers is not None:
        os.environ["COUNSELOR_BENCH_JOB_SEEKERS"] = str(args.job_seekers)
    if args.seed_worker:
        _seed_worker(Path(args.seed_worker), args.job_seekers or job_seeker_count("smoke"), args.seed)
        return 0
    if args.worker:
        _worker(args.worker, args.scale, Path(args.out))
        return 0

    only = [s.strip() for s in args.only.split(",")] if args.only else None
    if args.compare:
        report = run_side_by_side([args.compare, args.scale], only=only, seed=args.seed)
        print(render_side_by_side(report, markdown=False))
        if args.markdown:
            Path(args.markdown).write_text(render_side_by_side(report, markdown=True))
        if args.json:
            for meta in report["scales"].values():
                meta.pop("_rows")
            Path(args.json).write_text(json.dumps(report, indent=2, default=_json_default))
        failed = [n for meta in report["scales"].values() for n, m in meta["modules"].items()
                  if m["status"] not in ("ok", "missing")]
        return 1 if failed else 0
    meta, rows = run_all(args.scale, only=only, seed=args.seed)
    header = (f"Counselor Desk benchmarks: scale {args.scale} ({meta['job_seekers']:,} job seekers, "
              f"{meta['issuances']:,} issuances), {meta['machine']['nproc']} cores, load "
              f"{meta['machine']['load_avg_1m_at_start']}, {meta['total_s']:.0f} s"
              + ("" if args.scale == "full" and args.job_seekers is None else
                 "  [targets are for full scale: indicative only]"))
    print(render_text(rows, header))
    if args.json:
        Path(args.json).write_text(json.dumps(meta, indent=2, default=_json_default))
    if args.markdown:
        Path(args.markdown).write_text(render_markdown(rows, meta))
    failed = [n for n, m in meta["modules"].items() if m["status"] not in ("ok", "missing")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
