"""Measure how long the GUI thread stops answering: a 5 ms ``QTimer`` ticks on the GUI thread and the largest
gap between two ticks is the longest stall a counselor could have felt.

Shared by ``tests/ui/test_responsiveness.py`` (small store, CI) and ``tests/benchmarks/bench_ui.py`` (seeded
store at smoke or full scale).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TICK_MS = 5


class StallMeter:
    """``with StallMeter() as meter: ...`` then ``meter.max_gap_ms``."""

    def __init__(self, interval_ms: int = TICK_MS) -> None:
        self.interval_ms = interval_ms
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.ticks: list[float] = []

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def __enter__(self) -> StallMeter:
        self.ticks = [time.perf_counter()]
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        QCoreApplication.processEvents()
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    @property
    def gaps_ms(self) -> list[float]:
        return [(b - a) * 1000.0 for a, b in zip(self.ticks, self.ticks[1:], strict=False)]

    @property
    def max_gap_ms(self) -> float:
        gaps = self.gaps_ms
        return max(gaps) if gaps else 0.0


def type_text(widget: Any, text: str) -> None:
    """``QTest.keyClicks``, plus characters outside ASCII (María), which QTest cannot map to keys."""
    for ch in text:
        if ord(ch) < 128:
            QTest.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def pump(ms: float) -> None:
    """Run the event loop for ``ms`` milliseconds, as a real application would between keystrokes."""
    deadline = time.perf_counter() + ms / 1000.0
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.001)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        pump(2)
    return True


def typing_stall(search: Any, words: Sequence[str], *, key_delay_ms: float = 70.0) -> dict[str, Any]:
    """Type ``words`` one key at a time into ``search`` (a ``JobSeekerSearchWidget``), like a counselor, and
    record the longest GUI stall and every search's issue-to-shown latency."""
    latencies: list[float] = []
    shown: list[str] = []

    def on_shown(text: str, _n: int, latency_s: float) -> None:
        latencies.append(latency_s * 1000.0)
        shown.append(text)

    search.results_shown.connect(on_shown)
    try:
        with StallMeter() as meter:
            for word in words:
                search.search_edit.clear()
                pump(key_delay_ms)
                for ch in word:
                    type_text(search.search_edit, ch)
                    pump(key_delay_ms)
                wait_until(lambda w=word: bool(shown) and shown[-1] == w)
    finally:
        search.results_shown.disconnect(on_shown)
    return {"max_stall_ms": meter.max_gap_ms, "latencies_ms": latencies, "searches": len(latencies)}


def keystroke_latency(search: Any, script: Sequence[str]) -> list[float]:
    """For every prefix a counselor types (``script``), the time from issuing the search to its rows being in
    the list, in ms. No debounce: each prefix is searched, as the slowest typist would cause."""
    samples: list[float] = []
    got: list[float] = []

    def on_shown(_text: str, _n: int, latency_s: float) -> None:
        got.append(latency_s * 1000.0)

    loop = QEventLoop()
    search.results_shown.connect(on_shown)
    search.results_shown.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    try:
        for query in script:
            before = len(got)
            search.search_edit.blockSignals(True)
            search.search_edit.setText(query)
            search.search_edit.blockSignals(False)
            search.search_now()
            if len(got) == before:  # the real event loop wakes the moment the result arrives; no polling
                guard.start(10_000)
                loop.exec()
                guard.stop()
            if len(got) == before:
                raise TimeoutError(f"no result for {query!r}")
            samples.append(got[-1])
    finally:
        search.results_shown.disconnect(on_shown)
        search.results_shown.disconnect(loop.quit)
    return samples


def operation_stall(ctx: Any, work: Callable[[Any], Any], *, label: str = "Exporting…",
                    timeout_s: float = 600.0) -> dict[str, Any]:
    """Run ``work(task)`` as a background ``CollectionOp`` with a progress dialog (as the app runs an export)
    and record the longest GUI stall until it finishes."""
    done: dict[str, Any] = {}
    started = time.perf_counter()
    with StallMeter() as meter:
        ctx.collection_op(None, work, success=lambda r: done.setdefault("result", r)) \
            .failure(lambda exc: done.setdefault("error", exc)) \
            .finally_(lambda: done.setdefault("finished", True)) \
            .with_progress(label, cancellable=True).run_in_background()
        finished = wait_until(lambda: "finished" in done, timeout_s)
    if "error" in done:
        raise done["error"]
    if not finished:
        raise TimeoutError("the background operation did not finish")
    return {"max_stall_ms": meter.max_gap_ms, "seconds": time.perf_counter() - started,
            "result": done.get("result")}
