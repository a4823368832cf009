"""The benchmark harness must not rot: at smoke scale every benchmark module present runs and produces numbers.

Targets are not checked here (shared, noisy machines); ``python tests/benchmarks/run.py --scale full`` does that.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks import run as harness

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
def test_smoke_run_produces_numbers_for_every_benchmark(tmp_path: Path, report_figure) -> None:
    out = tmp_path / "bench.json"
    md = tmp_path / "bench.md"
    env = dict(os.environ)
    env.pop("COUNSELOR_BENCH_RUN_DIR", None)
    env.pop("COUNSELOR_BENCH_JOB_SEEKERS", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run([sys.executable, str(HERE / "run.py"), "--scale", "smoke", "--json", str(out),
                           "--markdown", str(md)], env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert out.exists(), proc.stderr[-4000:]
    report = json.loads(out.read_text())
    print(proc.stdout)  # the table, visible with -s or on failure
    modules = report["modules"]

    present = [n for n in harness.BENCH_MODULES if (HERE / f"{n}.py").exists()]
    assert "bench_core" in present and "bench_startup" in present
    for name in harness.BENCH_MODULES:
        if name in present:
            assert modules[name]["status"] == "ok", f"{name}: {modules[name]['error']}"
            figures = [harness.normalize(k, v) for k, v in modules[name]["metrics"].items()]
            assert any(f is not None and f.median is not None for f in figures), f"{name} produced no numbers"
        else:
            assert modules[name]["status"] == "missing"
    assert proc.returncode == 0, proc.stderr[-4000:]

    rows = {r["key"]: r for r in report["rows"]}
    for target in harness.TARGETS:
        module = target.metric[0].split(":")[0]
        row = rows[target.key]
        if module in present:
            # A renamed metric would silently drop a target from the table: catch it here.
            assert row["status"] == "measured", f"{target.key}: {row['status']}"
            assert row["median"] is not None or row["max"] is not None
            if target.baseline:
                assert row["ratio"] is not None, f"{target.key}: no baseline figure"
        else:
            assert row["status"] == "not run: module missing"
    assert "| what |" in md.read_text()
    report_figure("Benchmarks at smoke scale (a sign of life, not the targets):\n" + md.read_text().strip())
    assert report["machine"]["nproc"] and report["job_seekers"] == harness.SCALES["smoke"]["job_seekers"]


def test_statistics_and_result_shapes() -> None:
    assert harness.percentile([1, 2, 3, 4, 5], 50) == 3
    assert harness.percentile([0, 10], 95) == pytest.approx(9.5)
    s = harness.summarize([1.0, 2.0, 3.0], unit="ms")
    assert (s["median"], s["max"], s["n"]) == (2.0, 3.0, 3)

    grouped = harness.group_flat("bench_recommend", {"median_ms": 1.5, "p95_ms": 2.5, "runs": 30})
    st = harness.normalize("recommend_ms", grouped["recommend_ms"])
    assert st is not None and (st.median, st.p95, st.n, st.unit) == (1.5, 2.5, 30, "ms")
    grouped = harness.group_flat("bench_sync", {"drain_median_s": 3.0, "drain_max_s": 4.0, "changes": 10000})
    drain = harness.normalize("drain_s", grouped["drain_s"])
    assert drain is not None and drain.max == 4.0

    single, samples = harness.normalize("x_s", 1.25), harness.normalize("x_ms", [3, 1, 2])
    assert single is not None and single.median == 1.25
    assert samples is not None and samples.median == 2
    assert harness.normalize("label", "text") is None


def test_table_marks_met_missed_and_missing() -> None:
    ok = harness.ModuleResult("bench_core", "ok", metrics={
        "search_keystroke_ms": {"median": 2.0, "p95": 20.0, "max": 30.0, "unit": "ms"},
        "register_ms": [5.0, 6.0, 7.0], "issue_ms": 3.0,
        "encrypted_workload_ms": 120.0, "plain_workload_ms": 100.0})
    rows = {r.key: r for r in harness.build_rows({"bench_core": ok,
                                                  "bench_sync": harness.ModuleResult("bench_sync", "missing")})}
    assert rows["search_keystroke"].met is False  # p95 20 > 15
    assert rows["register"].met is True
    assert rows["encryption_overhead"].ratio == pytest.approx(1.2) and rows["encryption_overhead"].met is True
    assert rows["sync_drain"].status == "not run: module missing"
    assert rows["cold_start"].status == "not run: not selected"
    text = harness.render_text(list(rows.values()), "header")
    assert "MISSED" in text and "not run: module missing" in text
