"""The server load benchmark must not rot: at smoke size it runs every backend available, with 1 and 2
workers, and every configuration applies every change it sent. Its figures are not judged here (shared, noisy
machines); ``python tests/benchmarks/server_load.py --scale full`` prints them against issue 18's targets."""

from __future__ import annotations

import pytest

from tests.benchmarks import server_load


@pytest.mark.slow
def test_server_load_benchmark_runs_at_smoke_size() -> None:
    report = server_load.run("smoke", desks=[3], verbose=False)
    backends = {"sqlite", "postgres"} if server_load.postgres_server_url() else {"sqlite"}
    assert {r["backend"] for r in report["runs"]} == backends
    assert {r["workers"] for r in report["runs"]} == {1, 2}
    for r in report["runs"]:
        assert r["errors"] == [] and r["not_applied"] == 0 and r["timeouts"] == 0, r
        assert r["changes"] == 3 * 2 * 20 and r["changes_s"] > 0 and r["batch_p95_s"] > 0
    assert report["baselines"]["http_requests_s"] > 0 and report["baselines"]["sqlite_insert_changes_s"] > 0
    text = server_load.table(report)
    assert "| sqlite | 3 | 2 |" in text and "load average" in text
