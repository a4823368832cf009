"""Usage-report import benchmark: a provider-style CSV with one row per issuance (100,000 at "full"), parsed,
checked, matched and stored in one transaction; then the same data again under another file name (every row
compared, none rewritten).

Run alone: ``python tests/benchmarks/bench_import.py smoke``; normally ``tests/benchmarks/run.py`` runs it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.benchmarks.run import summarize, working_copy  # noqa: E402

ROUNDS = {"smoke": 3, "full": 2, "1m": 2}


def run(scale: str) -> dict[str, Any]:
    from sqlalchemy import delete

    from counselor_app.core.demo_progress import usage_rows_from_desk, write_usage_report
    from counselor_app.core.models import LearnerProgress, ProgressImport
    from counselor_app.core.progress_import import import_usage_report

    with working_copy(scale) as data:
        with data.open_desk() as desk:
            rows = usage_rows_from_desk(desk, seed=1, share=0.75)[: data.issuances]
            report = data.data_dir / "exports" / "usage-report.csv"
            write_usage_report(report, rows, excel_style=True)
            size_mb = report.stat().st_size / 1e6
            copy = report.with_name("usage-report-copy.csv")
            copy.write_bytes(report.read_bytes() + b"\r\n")
            fresh, again = [], []
            result = None
            for _ in range(ROUNDS[scale]):
                with desk.store.write() as session:
                    session.execute(delete(LearnerProgress))
                    session.execute(delete(ProgressImport))
                t0 = time.perf_counter()
                result = import_usage_report(desk, report)
                fresh.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                second = import_usage_report(desk, copy)
                again.append(time.perf_counter() - t0)
                assert second.inserted == 0 and second.updated == 0
    assert result is not None
    note = (f"{result.rows:,} rows, {result.learners:,} learners, {result.unmatched_rows:,} unmatched, "
            f"{size_mb:.1f} MB CSV")
    return {"import_s": summarize(fresh, unit="s", note=note),
            "reimport_unchanged_s": summarize(again, unit="s", note="same rows, new file: compared, none rewritten"),
            "rows": result.rows}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=1))
