"""Summary workbook benchmark: every issuance (100,000 at "full", ~2,000 at "smoke") with progress rows, written
with charts, formats and the detail sheet; time and peak memory measured in a child process, and compared with a
bare openpyxl write-only dump of the same detail rows (no styles, no summary, rows already in memory).

Run alone: ``python tests/benchmarks/bench_export.py smoke``; normally ``tests/benchmarks/run.py`` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.benchmarks.run import BenchData, summarize, working_copy  # noqa: E402

ROUNDS = {"smoke": 2, "full": 2, "1m": 1}


def _child(data: BenchData, mode: str, out: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", mode, str(data.data_dir),
                           data.agency, str(out)], env=data.child_env(), capture_output=True, text=True,
                          timeout=1800, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _child_main(mode: str, data_dir: str, agency: str, out: str) -> None:
    import resource

    from counselor_app.core import open_desk
    from counselor_app.core.reports import DETAIL_COLUMNS, ReportFilter, iter_detail_rows

    with open_desk(data_dir=data_dir, agency=agency) as desk:
        if mode == "export":
            from counselor_app.export.summary_workbook import export_summary_workbook

            calls = 0

            def progress(done: int, total: int) -> None:
                nonlocal calls
                calls += 1

            t0 = time.perf_counter()
            result = export_summary_workbook(desk, Path(out), progress=progress)
            seconds = time.perf_counter() - t0
            rows = result.detail_rows
        else:
            from openpyxl import Workbook

            rows_in_memory = [(r.full_name, r.email, r.external_id, r.agency_customer_id, r.center, r.counselor,
                               r.issued_on, r.status, r.invitation_date, "Yes" if r.joined else "No",
                               r.courses_enrolled, r.courses_completed, r.courses_in_progress, r.learning_hours,
                               r.last_activity) for r in iter_detail_rows(desk, ReportFilter())]
            t0 = time.perf_counter()
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Detail")
            ws.append(list(DETAIL_COLUMNS))
            for row in rows_in_memory:
                ws.append(row)
            wb.save(out)
            seconds = time.perf_counter() - t0
            rows = len(rows_in_memory)
            calls = 0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "rows": rows, "progress_calls": calls,
                      "bytes": os.path.getsize(out)}))


def run(scale: str) -> dict[str, Any]:
    from counselor_app.core.demo_progress import seed_progress

    with working_copy(scale) as data:
        with data.open_desk() as desk:
            t0 = time.perf_counter()
            seeded = seed_progress(desk, seed=1)
            seed_s = time.perf_counter() - t0
        out_dir = data.data_dir / "exports"
        out_dir.mkdir(parents=True, exist_ok=True)
        export_s, bare_s, peaks, ratios = [], [], [], []
        rows = 0
        size = 0
        for i in range(ROUNDS[scale]):
            bare = _child(data, "bare", out_dir / f"bare-{i}.xlsx")
            full = _child(data, "export", out_dir / f"summary-{i}.xlsx")
            export_s.append(full["seconds"])
            bare_s.append(bare["seconds"])
            peaks.append(full["peak_mb"])
            ratios.append(full["seconds"] / bare["seconds"])
            rows, size = full["rows"], full["bytes"]
    note = f"{rows:,} detail rows, {seeded.rows:,} progress rows, {size / 1e6:.1f} MB file"
    return {
        "export_s": summarize(export_s, unit="s", note=note),
        "bare_openpyxl_s": summarize(bare_s, unit="s", note="write-only dump of the same rows, already in memory"),
        "export_vs_bare_x": summarize(ratios, unit="x"),
        "peak_memory_mb": summarize(peaks, unit="MB", note="max resident size of the exporting process"),
        "seed_progress_s": round(seed_s, 2),
        "detail_rows": rows,
    }


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child_main(*sys.argv[2:6])
    else:
        print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=1))
