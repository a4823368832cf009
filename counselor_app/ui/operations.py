"""Background work for the UI, in the spirit of Anki's ``QueryOp``/``CollectionOp``.

A counselor with a job seeker waiting must never see a frozen window, so every search, save, import, export and
sync goes through this one helper::

    QueryOp(parent=self, op=lambda: desk.job_seekers.search(text), success=self.show_rows).run_in_background()

    CollectionOp(parent=self, op=lambda task: desk.licenses.issue(...)) \
        .success(self.on_issued).failure(self.on_refused) \
        .with_progress(self.tr("Issuing the license…"), cancellable=False).run_in_background()

Rules the helper enforces:

- The work function runs on a worker thread and never touches widgets. It is called with no argument, or with
  one ``TaskContext`` (``task.cancel`` is a ``threading.Event``, ``task.progress(done, total, label)`` reports
  progress) when its signature takes one.
- Results come back on the GUI thread through a queued Qt signal; callbacks whose ``parent`` widget was deleted
  in the meantime are dropped (a ``CollectionOp`` still announces its changes).
- A ``CollectionOp`` never says what it changes: the services return typed results carrying ``changes``
  (``core/op_changes.py``; a list or tuple of results is merged), and on success the op fires
  ``AppEvents.operation_did_execute(OpChanges)`` once; each page refreshes on the fields that concern it (Anki's
  ``OpChanges`` and ``operation_did_execute`` hook). Calls that do not return their changes yet (signing in,
  seeding the demo, sending booking mails) are still covered by the per-thread journal the op opens.
- Database writes share one single-worker executor, so they are serialized in the order they were started;
  reads use a small pool; network work has its own single worker so a slow server never delays a save.
- A progress dialog appears only when the work is still running after ~600 ms.
- A failure without a ``failure`` handler shows an error dialog with the ``CounselorDeskError`` message.
- ``latest_only(key)`` drops a result when a newer op with the same key was started (search as you type).
- ``TaskRunner(synchronous=True)`` runs everything inline so tests are deterministic.
"""

from __future__ import annotations

import concurrent.futures
import functools
import inspect
import logging
import operator
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from counselor_app.core.errors import Cancelled, CounselorDeskError, ValidationError
from counselor_app.core.op_changes import NO_CHANGES, changes_of, collect_changes

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Executor names. Writes are serialized; reads may overlap; network work never waits behind a write.
READ = "read"
WRITE = "write"
NETWORK = "network"

PROGRESS_DELAY_MS = 600

#: How long a worker thread may hold the GIL while the GUI thread waits for it. Python's default (5 ms) lets a
#: busy worker (an export writing 100,000 rows) and the GUI thread fall into a convoy where the GUI waits well
#: over 100 ms; measured at 1 ms: longest GUI stall 19 ms instead of 136 ms, and the export no slower.
GIL_SWITCH_INTERVAL_S = 0.001


def tune_gil_for_responsiveness() -> None:
    if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)


@dataclass
class TaskContext:
    """What a work function may use: a cancel flag and a progress callback. No Qt objects here."""

    cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int, str | None], None] | None = None

    def progress(self, done: int, total: int = 0, label: str | None = None) -> None:
        if self._report is not None:
            self._report(done, total, label)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()


def _wants_task(fn: Callable[..., Any]) -> bool:
    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty]
    except (TypeError, ValueError):
        return False
    return len(params) >= 1


def _widget_alive(widget: QWidget | None) -> bool:
    if widget is None:
        return True
    try:
        import shiboken6

        return bool(shiboken6.isValid(widget))
    except Exception:  # noqa: BLE001 - shiboken is always there with PySide6; be safe anyway
        return True


def error_message(exc: BaseException) -> str:
    """The sentence to show a counselor for an exception."""
    if isinstance(exc, ValidationError) and exc.field_errors:

        return QCoreApplication.translate("operations", "Please correct: {problems}").format(
            problems="; ".join(_safe_words(m) for m in exc.field_errors.values()))
    if isinstance(exc, CounselorDeskError):

        text = _safe_words(exc.message)
        problems = list(getattr(exc, "problems", None) or [])  # a file's bad cells, one per line
        if problems:
            text += "".join("\n  • " + _problem_words(p) for p in problems[:25])
            if len(problems) > 25:
                text += "\n  " + QCoreApplication.translate("operations", "…and {count} more.").format(
                    count=len(problems) - 25)
        return text
    return QCoreApplication.translate(
        "operations", "Something went wrong that the app did not expect ({kind}: {detail}). Your saved work is "
        "safe. If it happens again, tell your IT support what you were doing.").format(
            kind=type(exc).__name__, detail=str(exc)[:300])


def _safe_words(message: object) -> str:
    """A message in words, whatever it is: wording never raises (English, then plain text, as a last resort)."""
    from counselor_app.ui.core_messages import words

    try:
        return words(message)
    except Exception:  # noqa: BLE001 - an error message must never itself become a crash
        log.exception("Could not word a message")
        try:
            return str(message)
        except Exception:  # noqa: BLE001
            return repr(message)


def _problem_words(problem: object) -> str:
    """One listed problem: a ``Message``, an object that gives one (``as_message()``, a usage report's cell), or
    anything else shown as text."""
    as_message = getattr(problem, "as_message", None)
    if callable(as_message):
        try:
            problem = as_message()
        except Exception:  # noqa: BLE001
            log.exception("Could not word a problem")
    return _safe_words(problem)


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    if not isinstance(exc, CounselorDeskError):
        log.error("Unexpected error in background work:\n%s",
                  "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("operations", "Counselor Desk"),
                      error_message(exc), QMessageBox.StandardButton.Ok, parent if _widget_alive(parent) else None)
    box.setAccessibleName(QCoreApplication.translate("operations", "Error"))
    if getattr(exc, "next_step", ""):
        from counselor_app.ui.core_messages import words

        box.setInformativeText(QCoreApplication.translate("operations", "What you can do next: {step}")
                               .format(step=words(exc.next_step)))  # type: ignore[attr-defined]
    if TaskRunner.suppress_dialogs:
        TaskRunner.suppressed_errors.append(exc)
        box.deleteLater()
        return
    box.exec()


PROGRESS_INTERVAL_S = 0.05


def _throttled(emit: Callable[[int, int, str | None], None]) -> Callable[[int, int, str | None], None]:
    """Forward at most ~20 progress reports a second (and always the last one): a work function may report
    every row of a 100,000-row export, and each report is a queued call on the GUI thread."""
    last = [0.0]

    def report(done: int, total: int, label: str | None) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL_S or (total and done >= total):
            last[0] = now
            emit(done, total, label)

    return report


class _Bridge(QObject):
    """Lives on the GUI thread; worker threads emit on it and Qt queues the call to the GUI thread."""

    finished = Signal(object, object, object)  # op, result, exception
    progressed = Signal(object, int, int, object)  # op, done, total, label

    @Slot(object, object, object)
    def _on_finished(self, op: BackgroundOp[Any], result: Any, exc: BaseException | None) -> None:
        op._deliver(result, exc)

    @Slot(object, int, int, object)
    def _on_progress(self, op: BackgroundOp[Any], done: int, total: int, label: str | None) -> None:
        op._show_progress(done, total, label)


class TaskRunner(QObject):
    """Owns the executors; one per application (``AppContext.runner``).

    ``busy_changed(int)`` tells the status bar how many operations are under way.
    """

    busy_changed = Signal(int)

    #: Tests set this to collect unhandled errors instead of opening modal dialogs.
    suppress_dialogs: bool = False
    suppressed_errors: list[BaseException] = []

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._bridge._on_finished, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._bridge._on_progress, Qt.ConnectionType.QueuedConnection)
        self._executors: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
        if not synchronous:
            tune_gil_for_responsiveness()
            self._executors = {
                WRITE: concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="desk-write"),
                READ: concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="desk-read"),
                NETWORK: concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="desk-network"),
            }
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._running: set[BackgroundOp[Any]] = set()
        self._closed = False

    # -- bookkeeping ----------------------------------------------------------------------------------------
    @property
    def running_count(self) -> int:
        return len(self._running)

    def _next_serial(self) -> int:
        self._serial += 1
        return self._serial

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.task.cancel.set()

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work; with ``wait`` let queued writes finish so nothing typed is lost."""
        self._closed = True
        for name, executor in self._executors.items():
            if name != WRITE:
                for op in list(self._running):
                    if op._executor_name == name:
                        op.task.cancel.set()
            executor.shutdown(wait=wait, cancel_futures=name != WRITE)

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Process events until no operation is running (tests and shutdown)."""
        deadline = time.monotonic() + timeout_s
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return not self._running

    # -- running --------------------------------------------------------------------------------------------
    def start(self, op: BackgroundOp[Any]) -> None:
        if self._closed:
            log.warning("Background work started after shutdown was ignored.")
            return
        op._serial = self._next_serial()
        if op._latest_key is not None:
            self._latest[op._latest_key] = op._serial
        self._running.add(op)
        self.busy_changed.emit(len(self._running))
        op.task._report = _throttled(lambda done, total, label: self._bridge.progressed.emit(op, done, total, label))
        if self.synchronous:
            result, exc = op._call()
            self._finish(op, result, exc)
            return
        op._arm_progress()

        def work() -> None:
            result, exc = op._call()
            self._bridge.finished.emit(op, result, exc)

        self._executors[op._executor_name].submit(work)

    def _finish(self, op: BackgroundOp[Any], result: Any, exc: BaseException | None) -> None:
        self._running.discard(op)
        self.busy_changed.emit(len(self._running))
        stale = op._latest_key is not None and self._latest.get(op._latest_key) != op._serial
        op._complete(result, exc, stale=stale)


class BackgroundOp(Generic[T]):
    """Shared machinery of ``QueryOp`` and ``CollectionOp``; build one, chain options, ``run_in_background()``."""

    _default_executor = READ
    _default_runner: TaskRunner | None = None

    def __init__(self, *, parent: QWidget | None, op: Callable[..., T],
                 success: Callable[[T], Any] | None = None, runner: TaskRunner | None = None) -> None:
        self._parent = parent
        self._op = op
        self._pass_task = _wants_task(op)
        self._success = success
        self._failure: Callable[[BaseException], Any] | None = None
        self._finally: Callable[[], Any] | None = None
        self._runner = runner
        self._executor_name = self._default_executor
        self._progress_label: str | None = None
        self._cancellable = False
        self._latest_key: str | None = None
        self._serial = 0
        self.task = TaskContext()
        self._dialog: QProgressDialog | None = None
        self._progress_timer: QTimer | None = None
        self._done = False

    # -- builder --------------------------------------------------------------------------------------------
    def success(self, callback: Callable[[T], Any]) -> BackgroundOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> BackgroundOp[T]:
        """Handle the error yourself (e.g. show field errors next to the fields) instead of the error dialog."""
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], Any]) -> BackgroundOp[T]:
        """Runs after success, failure or cancel: re-enable buttons here."""
        self._finally = callback
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> BackgroundOp[T]:
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def latest_only(self, key: str) -> BackgroundOp[T]:
        """Drop this result if another op with the same key started after it (stale search results)."""
        self._latest_key = key
        return self

    def on_executor(self, name: str) -> BackgroundOp[T]:
        if name not in (READ, WRITE, NETWORK):
            raise ValueError(f"unknown executor {name!r}")
        self._executor_name = name
        return self

    def run_in_background(self) -> BackgroundOp[T]:
        runner = self._runner or BackgroundOp._default_runner
        if runner is None:
            raise RuntimeError("No TaskRunner: create an AppContext (or pass runner=) before running operations.")
        self._runner = runner
        runner.start(self)
        return self

    def cancel(self) -> None:
        self.task.cancel.set()

    # -- worker side ----------------------------------------------------------------------------------------
    def _call(self) -> tuple[Any, BaseException | None]:
        try:
            if self.task.cancel.is_set():
                raise Cancelled()
            return (self._op(self.task) if self._pass_task else self._op()), None
        except BaseException as exc:  # noqa: BLE001 - everything is reported on the GUI thread
            return None, exc

    # -- GUI side -------------------------------------------------------------------------------------------
    def _deliver(self, result: Any, exc: BaseException | None) -> None:
        assert self._runner is not None
        self._runner._finish(self, result, exc)

    def _arm_progress(self) -> None:
        if self._progress_label is None:
            return
        self._progress_timer = QTimer()
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._open_dialog)
        self._progress_timer.start(PROGRESS_DELAY_MS)

    def _open_dialog(self) -> None:
        if self._done or self._progress_label is None:
            return
        parent = self._parent if _widget_alive(self._parent) else None
        dialog = QProgressDialog(self._progress_label, "", 0, 0, parent)
        dialog.setWindowTitle(QCoreApplication.translate("operations", "Please wait"))
        dialog.setAccessibleName(self._progress_label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("operations", "&Cancel"))
            dialog.canceled.connect(self.task.cancel.set)
        else:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.show()
        self._dialog = dialog

    def _show_progress(self, done: int, total: int, label: str | None) -> None:
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))
        if label:
            self._dialog.setLabelText(label)

    def _close_progress(self) -> None:
        if self._progress_timer is not None:
            self._progress_timer.stop()
            self._progress_timer = None
        if self._dialog is not None:
            try:
                self._dialog.canceled.disconnect()  # closing a progress dialog emits "canceled"
            except (RuntimeError, TypeError):
                pass
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _announce(self) -> None:
        """Hook for ``CollectionOp``: tell the app what changed."""

    def _complete(self, result: Any, exc: BaseException | None, *, stale: bool) -> None:
        self._done = True
        self._close_progress()
        alive = _widget_alive(self._parent)
        try:
            if exc is None:
                self._announce()
                if self._success is not None and alive and not stale:
                    self._success(result)
            elif isinstance(exc, Cancelled) or stale:
                pass
            elif self._failure is not None:
                if alive:
                    self._failure(exc)
            else:
                show_error(self._parent if alive else None, exc)
        finally:
            if self._finally is not None and alive:
                self._finally()


class QueryOp(BackgroundOp[T]):
    """Read-only work (search, load a record, build recommendations). Runs on the read pool."""

    _default_executor = READ


class CollectionOp(BackgroundOp[T]):
    """A change to the store. Serialized on the single write worker; on success fires the app-level
    ``AppEvents.operation_did_execute(OpChanges)`` with what the core reported changing (nothing when it
    changed nothing), so every view can decide what to refresh."""

    _default_executor = WRITE
    _default_events: Any = None  # AppEvents, set by AppContext

    def __init__(self, *, parent: QWidget | None, op: Callable[..., T],
                 success: Callable[[T], Any] | None = None,
                 runner: TaskRunner | None = None, events: Any = None) -> None:
        super().__init__(parent=parent, op=op, success=success, runner=runner)
        self._events = events
        #: What the core noted while the work ran (set on the worker, read on the GUI thread after delivery).
        self.changes = NO_CHANGES

    def _call(self) -> tuple[Any, BaseException | None]:
        with collect_changes() as journal:
            outcome = super()._call()
        # A service's typed result says what it changed (``changes``); work that made other calls as well (an
        # import followed by outcome proposals, a check followed by the pool's status) noted those here too.
        returned = changes_of(outcome[0])
        if returned is None and isinstance(outcome[0], list | tuple):  # several service calls: merge their results
            parts = [changes for changes in map(changes_of, outcome[0]) if changes is not None]
            returned = functools.reduce(operator.or_, parts, NO_CHANGES) if parts else None
        self.changes = journal.changes | returned if returned is not None else journal.changes
        return outcome

    def _announce(self) -> None:
        events = self._events or CollectionOp._default_events
        if events is None or not self.changes:
            return
        events.operation_did_execute.emit(self.changes)
