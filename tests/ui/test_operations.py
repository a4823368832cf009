"""The background-work helper: results on the GUI thread, stale results dropped, errors never silent,
progress only for slow work, cancel reaches the work, and a synchronous mode for tests."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from counselor_app.core.errors import Cancelled, ValidationError
from counselor_app.core.op_changes import OpChanges, note_changes
from counselor_app.ui.app_context import AppEvents
from counselor_app.ui.operations import (
    CollectionOp,
    QueryOp,
    TaskRunner,
    error_message,
)


@pytest.fixture
def runner() -> Any:
    r = TaskRunner()
    TaskRunner.suppress_dialogs = True
    TaskRunner.suppressed_errors.clear()
    yield r
    r.shutdown(wait=True)
    TaskRunner.suppress_dialogs = False
    TaskRunner.suppressed_errors.clear()


def test_synchronous_runner_runs_inline_and_announces_changes() -> None:
    runner = TaskRunner(synchronous=True)
    events = AppEvents()
    seen: list[OpChanges] = []
    events.operation_did_execute.connect(seen.append)
    got: list[int] = []

    def work() -> int:  # stands for a core service: it notes what it wrote
        note_changes(OpChanges.of("job_seekers", "outbox"))
        return 41 + 1

    CollectionOp(parent=None, op=work, runner=runner, events=events).success(got.append).run_in_background()
    assert got == [42] and seen == [OpChanges(job_seekers=True, outbox=True)]


def test_an_operation_that_changed_nothing_announces_nothing() -> None:
    runner = TaskRunner(synchronous=True)
    events = AppEvents()
    seen: list[OpChanges] = []
    events.operation_did_execute.connect(seen.append)
    got: list[int] = []
    CollectionOp(parent=None, op=lambda: 1, runner=runner, events=events).success(got.append).run_in_background()
    assert got == [1] and seen == []


def test_a_failed_operation_announces_nothing_it_noted_before_failing() -> None:
    runner = TaskRunner(synchronous=True)
    events = AppEvents()
    seen: list[OpChanges] = []
    events.operation_did_execute.connect(seen.append)
    failures: list[BaseException] = []

    def work() -> None:
        note_changes(OpChanges(licenses=True))
        raise ValidationError({"email": "bad"})

    CollectionOp(parent=None, op=work, runner=runner, events=events).failure(failures.append).run_in_background()
    assert seen == [] and len(failures) == 1


def test_result_arrives_on_the_gui_thread(qtbot: Any, runner: Any) -> None:
    worker_thread: list[threading.Thread] = []
    got: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        worker_thread.append(threading.current_thread())
        return 7

    QueryOp(parent=None, op=work, runner=runner).success(
        lambda v: got.append((v, threading.current_thread()))).run_in_background()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][0] == 7
    assert got[0][1] is threading.main_thread()
    assert worker_thread[0] is not threading.main_thread()


def test_latest_only_drops_stale_results(qtbot: Any, runner: Any) -> None:
    got: list[str] = []
    slow_started = threading.Event()

    def slow() -> str:
        slow_started.set()
        time.sleep(0.2)
        return "old"

    QueryOp(parent=None, op=slow, runner=runner).success(got.append).latest_only("k").run_in_background()
    assert slow_started.wait(2)
    QueryOp(parent=None, op=lambda: "new", runner=runner).success(got.append).latest_only("k").run_in_background()
    assert runner.wait_idle(5)
    assert got == ["new"]


def test_failure_without_handler_shows_the_message(qtbot: Any, runner: Any) -> None:
    def bad() -> None:
        raise ValidationError({"email": "Enter an e-mail address."})

    CollectionOp(parent=None, op=bad, runner=runner).run_in_background()
    assert runner.wait_idle(5)
    assert len(TaskRunner.suppressed_errors) == 1
    assert "Enter an e-mail address." in error_message(TaskRunner.suppressed_errors[0])
    assert "ZeroDivisionError" in error_message(ZeroDivisionError("x"))


def test_failure_handler_and_finally(qtbot: Any, runner: Any) -> None:
    seen: list[Any] = []
    QueryOp(parent=None, op=lambda: 1 / 0, runner=runner).failure(seen.append) \
        .finally_(lambda: seen.append("done")).run_in_background()
    assert runner.wait_idle(5)
    assert isinstance(seen[0], ZeroDivisionError) and seen[1] == "done"
    assert not TaskRunner.suppressed_errors


def test_progress_dialog_only_for_slow_work_and_cancel_reaches_it(qtbot: Any, runner: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    QueryOp(parent=parent, op=lambda: "quick", runner=runner).with_progress("Quick").run_in_background()
    assert runner.wait_idle(5)
    qtbot.wait(700)
    assert not [w for w in parent.findChildren(QProgressDialog) if w.isVisible()]

    reports: list[int] = []

    def slow(task: Any) -> str:
        for i in range(200):
            task.progress(i, 200, "Working")
            reports.append(i)
            if task.cancelled:
                raise Cancelled()
            time.sleep(0.01)
        return "finished"

    results: list[str] = []
    op = QueryOp(parent=parent, op=slow, runner=runner).success(results.append) \
        .with_progress("Slow", cancellable=True).run_in_background()
    qtbot.wait(300)
    assert not [w for w in parent.findChildren(QProgressDialog) if w.isVisible()]
    qtbot.waitUntil(lambda: bool([w for w in parent.findChildren(QProgressDialog) if w.isVisible()]), timeout=2000)
    dialog = next(w for w in parent.findChildren(QProgressDialog) if w.isVisible())
    from PySide6.QtWidgets import QPushButton

    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "&Cancel"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(5)
    assert op.task.cancelled and results == []  # cancelled quietly: no result, no error dialog
    assert len(reports) < 200
    assert not TaskRunner.suppressed_errors


def test_results_for_a_closed_widget_are_dropped_but_changes_announced(qtbot: Any, runner: Any) -> None:
    events = AppEvents()
    seen: list[OpChanges] = []
    events.operation_did_execute.connect(seen.append)
    parent = QWidget()
    got: list[int] = []

    def work() -> int:
        time.sleep(0.1)
        note_changes(OpChanges(licenses=True))
        return 3

    CollectionOp(parent=parent, op=work, runner=runner, events=events).success(got.append).run_in_background()
    parent.deleteLater()
    qtbot.wait(10)
    assert runner.wait_idle(5)
    assert got == [] and seen == [OpChanges(licenses=True)]


def test_writes_are_serialized_in_order(qtbot: Any, runner: Any) -> None:
    order: list[int] = []
    active = [0]
    overlap = [False]

    def write(i: int) -> None:
        active[0] += 1
        overlap[0] |= active[0] > 1
        time.sleep(0.005)
        order.append(i)
        active[0] -= 1

    for i in range(20):
        CollectionOp(parent=None, op=lambda i=i: write(i), runner=runner).run_in_background()
    assert runner.wait_idle(5)
    assert order == list(range(20)) and not overlap[0]


def test_binding_keeps_references_to_none_and_true(qapp: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 lost a reference to None on every void call and to True on every emit, and a
    long session died with "Fatal Python error: none_dealloc"; pyproject excludes that release. This guards
    against the binding we run on doing it again."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Probe(QObject):
        ping = Signal(object)

    probe = Probe()
    probe.ping.connect(lambda _v: None)
    label = QLabel()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5_000):
        label.setText("x")
        probe.ping.emit(True)
    # Immortal on 3.12+ (counts stay huge); on 3.11 the counts must not fall by thousands.
    assert sys.getrefcount(None) > none_before - 1_000
    assert sys.getrefcount(True) > true_before - 1_000
