"""Cold start and memory after start, each in a fresh child process, offscreen.

* ``cold_start_s``: from just before the parent spawns ``python`` to the first event-loop turn after the main
  window is shown, for the real entry point (``counselor-app --data-dir D``, i.e. ``counselor_app.cli.main`` →
  ``ui.app.run_app``) over the seeded data folder. Both ends read ``time.monotonic()``, which on Linux is one
  clock for every process.
* ``bare_window_s``: the same for a bare PySide6 ``QMainWindow``: what any Qt app pays, the baseline.
* ``start_to_first_page_s``: from the same start until the desk is open behind the window (``window.opening``
  is false), the first page is built and its background work is done (the operations runner is idle).
* ``rss_after_start_mb``: VmRSS of the app's process at that point.

The child learns that the window is up without any hook in the app: it wraps ``QApplication.exec`` so that the
event loop's first turn (``QTimer.singleShot(0)``, after ``show()``) reports, then the child exits at once with
``os._exit`` (no save of window layout into the shared data folder).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from typing import Any

from tests.benchmarks.run import BenchData, bench_data, summarize

RUNS = {"smoke": 2, "full": 7}

# Reports the first event-loop turn with a visible main window, then (app only) waits for the first page's
# background work and reports resident memory.
_REPORTER = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def _rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return -1.0

def _emit(**fields):
    sys.stdout.write("BENCH " + json.dumps(fields) + "\n")
    sys.stdout.flush()

def _window():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMainWindow) and w.isVisible():
            return w
    return None

def _watch(deadline_s=60.0):
    started = time.monotonic()

    def wait_shown():
        window = _window()
        if window is None:
            if time.monotonic() - started > deadline_s:
                _emit(error="no main window was shown"); os._exit(3)
            QTimer.singleShot(5, wait_shown)
            return
        shown = time.monotonic()

        def wait_idle():
            # The window may be shown before the records are open (``opening``); the first page counts as
            # loaded only once they are open, the page is built and its background work is done.
            runner = getattr(getattr(window, "ctx", None), "runner", None)
            busy = bool(getattr(window, "opening", False)) or (
                runner is not None and getattr(runner, "running_count", 0))
            if busy and time.monotonic() - shown < 30.0:
                QTimer.singleShot(10, wait_idle)
                return
            QApplication.processEvents()
            _emit(shown=shown, idle=time.monotonic(), rss_mb=_rss_mb(), title=window.windowTitle())
            os._exit(0)

        QTimer.singleShot(0, wait_idle)

    QTimer.singleShot(0, wait_shown)

_real_exec = QApplication.exec

def _exec(*_args):  # app.exec() and QApplication.exec() both land here; Qt's exec is static
    _watch()
    return _real_exec()

QApplication.exec = _exec
"""

APP_CHILD = _REPORTER + r"""
from counselor_app.cli import main
sys.exit(main(sys.argv[1:]))
"""

BARE_CHILD = _REPORTER + r"""
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.show()
sys.exit(app.exec())
"""


def spawn(code: str, args: list[str], env: dict[str, str], *, timeout_s: float = 120.0) -> dict[str, Any]:
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=timeout_s, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")]
    if not lines:
        raise RuntimeError(f"the child reported nothing (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    report = json.loads(lines[-1][6:])
    if "error" in report:
        raise RuntimeError(f"the child failed: {report['error']}\n{proc.stderr[-3000:]}")
    report["start_to_shown_s"] = report["shown"] - t0
    report["start_to_idle_s"] = report["idle"] - t0
    return report


def measure(data: BenchData, *, runs: int) -> dict[str, Any]:
    env = data.child_env()
    app_args = ["--data-dir", str(data.data_dir), "--agency", data.agency]
    spawn(BARE_CHILD, [], env)  # warm-up: disk cache and .pyc files, as on a machine where the app ran before
    spawn(APP_CHILD, app_args, env)
    app: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    for i in range(runs):
        # Alternate which goes first so a busy neighbour hurts both alike.
        pair: list[tuple[str, list[str], list[dict[str, Any]]]] = [(APP_CHILD, app_args, app),
                                                                   (BARE_CHILD, [], bare)]
        for code, args, out in pair if i % 2 == 0 else reversed(pair):
            out.append(spawn(code, args, env))
    cold = [r["start_to_shown_s"] for r in app]
    return {
        "cold_start_s": summarize(cold, unit="s", note=f"window title {app[-1].get('title', '')!r}"),
        "bare_window_s": summarize([r["start_to_shown_s"] for r in bare], unit="s"),
        "start_to_first_page_s": summarize([r["start_to_idle_s"] for r in app], unit="s",
                                           note="until the first page's background work is done"),
        "rss_after_start_mb": summarize([r["rss_mb"] for r in app], unit="MB"),
        "bare_window_rss_mb": summarize([r["rss_mb"] for r in bare], unit="MB"),
        "cold_start_ratio_x": round(statistics.median(cold) / statistics.median(
            [r["start_to_shown_s"] for r in bare]), 3),
    }


def run(scale: str) -> dict[str, Any]:
    return measure(bench_data(scale), runs=RUNS.get(scale, RUNS["full"]))


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=1))
