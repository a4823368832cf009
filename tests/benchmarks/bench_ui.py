"""GUI responsiveness over a seeded store: the longest GUI-thread stall while typing a search and while an export
runs, and the per-keystroke search latency in the job-seekers list (query issued → rows in the list).

Run alone: ``python -c "from tests.benchmarks import bench_ui; print(bench_ui.run('smoke'))"``; normally
``tests/benchmarks/run.py`` runs it in a child process over the shared seeded folder (2,000 job seekers at
"smoke", 100,000 at "full"). The measuring functions live in ``tests/ui/stall_meter.py`` and are the ones the UI
test suite uses on a small store.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.run import summarize, working_copy  # noqa: E402

ROUNDS = {"smoke": 1, "full": 3, "1m": 3}


def _words(script: list[str]) -> list[str]:
    """The whole words of a keystroke script (each entry whose successor does not extend it)."""
    words = []
    for i, query in enumerate(script):
        nxt = script[i + 1] if i + 1 < len(script) else ""
        if not nxt.startswith(query) or len(nxt) != len(query) + 1:
            words.append(query)
    return words


def run(scale: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from counselor_app.ui.app import freeze_startup_objects
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.job_seekers_page import JobSeekersPage
    from counselor_app.ui.operations import TaskRunner
    from tests.benchmarks.bench_core import typing_script
    from tests.ui.stall_meter import keystroke_latency, operation_stall, pump, typing_stall

    app = QApplication.instance() or QApplication([sys.argv[0]])
    TaskRunner.suppress_dialogs = True  # a failure must end the benchmark, not wait on a dialog
    out: dict[str, Any] = {}
    with working_copy(scale) as data:
        desk = data.open_desk()
        ctx = AppContext(desk, runner=TaskRunner())
        page = None
        try:
            page = JobSeekersPage(ctx)
            page.resize(1200, 800)
            page.show()
            page.page_shown()
            ctx.runner.wait_idle()
            pump(50)
            freeze_startup_objects()  # as run_app does once the window is up
            script = typing_script(desk)
            words = _words(script)
            stalls: list[float] = []
            latencies: list[float] = []
            keystrokes: list[float] = []
            keystroke_latency(page.search, script[:20])  # warm-up: caches, first queries
            for _ in range(ROUNDS.get(scale, 1)):
                typing = typing_stall(page.search, words, key_delay_ms=60)
                stalls.append(typing["max_stall_ms"])
                latencies += typing["latencies_ms"]
                keystrokes += keystroke_latency(page.search, script)
            out["stall_typing_ms"] = {"max": max(stalls), "median": sorted(stalls)[len(stalls) // 2],
                                      "n": len(stalls), "unit": "ms",
                                      "note": "longest gap of a 5 ms GUI timer while typing at ~16 keys/s"}
            out["search_keystroke_ms"] = summarize(keystrokes, unit="ms",
                                                   note="query issued to rows in the list, every prefix")
            out["search_while_typing_ms"] = summarize(latencies, unit="ms",
                                                      note="debounced searches while typing")

            from counselor_app.export.summary_workbook import export_summary_workbook

            target = Path(tempfile.mkdtemp(prefix="bench-ui-")) / "summary.xlsx"
            export = operation_stall(ctx, lambda task: export_summary_workbook(
                desk, target, progress=lambda d, t: task.progress(d, t), cancel=task.cancel))
            out["stall_export_ms"] = {"max": export["max_stall_ms"], "n": 1, "unit": "ms",
                                      "note": f"summary workbook export, {export['seconds']:.1f} s"}
            out["export_s"] = round(export["seconds"], 2)
            out["job_seekers"] = data.job_seekers
        finally:
            ctx.close()
            desk.close()
            if page is not None:
                page.close()
                page.deleteLater()
            app.processEvents()
    return out


if __name__ == "__main__":  # pragma: no cover - manual runs
    import json

    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=2))
