"""Sync in the background: on a timer, when the network comes back, and when the counselor asks.

One controller per ``AppContext`` (``SyncController.instance(ctx)``). The work runs through the UI's operations
helper on its network worker, so a slow or absent server never delays a save, and the results come back on the
GUI thread as signals. It reports what the status bar needs (online or not, queued count, last successful sync)
both on its own signals and on the app-wide ``AppEvents`` (``online_changed``, ``sync_status``, ``changed``), so
the main window needs no reference to it.

Automatic syncs never open dialogs: a failure only changes what the status bar says. A manual sync shows
progress with Cancel after ~600 ms, and an ended sign-in asks the counselor to sign in again
(``needs_sign_in``), as Anki does.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from counselor_app.core.desk import LAST_SUCCESS_KEY
from counselor_app.core.op_changes import OpChanges
from counselor_app.sync.errors import (
    AuthenticationRequired,
    CertificateError,
    NotSignedIn,
    ServerUnreachable,
    SyncError,
    SyncInProgress,
)
from counselor_app.sync.service import SyncReport, SyncService
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.operations import NETWORK, TaskContext

log = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 30_000
FIRST_SYNC_DELAY_MS = 3_000


class SyncController(QObject):
    """``online_changed(True | False | None)``: None means no server is set up or the desk is not signed in."""

    online_changed = Signal(object)
    queued_changed = Signal(int)
    last_sync_changed = Signal(str)
    sync_started = Signal(bool)  # manual?
    sync_finished = Signal(object)  # SyncReport
    sync_failed = Signal(str, str)  # error kind (class name), message for the counselor
    needs_sign_in = Signal(str)  # why

    _instances: weakref.WeakKeyDictionary[AppContext, SyncController] = weakref.WeakKeyDictionary()

    @classmethod
    def instance(cls, ctx: AppContext) -> SyncController:
        controller = cls._instances.get(ctx)
        if controller is None:
            controller = cls(ctx)
            cls._instances[ctx] = controller
        return controller

    def __init__(self, ctx: AppContext, *, parent: QObject | None = None,
                 probe_interval_ms: int = PROBE_INTERVAL_MS) -> None:
        super().__init__(parent)
        # Weak, so the registry (keyed by the context) does not keep a closed context alive.
        self._ctx = weakref.ref(ctx)
        self.service = SyncService(ctx.desk)
        self.online: bool | None = None
        self.running = False
        self.last_report: SyncReport | None = None
        self.last_error: str | None = None
        self._op: Any = None
        self._started = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.sync_now(manual=False))
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(probe_interval_ms)
        self._probe_timer.timeout.connect(self.probe)
        self._apply_interval()
        ctx.events.operation_did_execute.connect(self._on_changed)
        self._network_info: Any = None

    @property
    def ctx(self) -> AppContext:
        ctx = self._ctx()
        if ctx is None:
            raise RuntimeError("The app context of this sync controller was closed.")
        return ctx

    # -- life cycle -----------------------------------------------------------------------------------------
    def start(self, *, first_sync_delay_ms: int = FIRST_SYNC_DELAY_MS) -> None:
        """Begin the schedule: a first sync shortly after start-up, then every ``sync_interval_minutes``."""
        self._started = True
        self._timer.start()
        self._probe_timer.start()
        self._watch_network()
        QTimer.singleShot(first_sync_delay_ms, lambda: self.sync_now(manual=False))

    def stop(self) -> None:
        self._started = False
        self._timer.stop()
        self._probe_timer.stop()
        if self._op is not None:
            self._op.cancel()

    def _apply_interval(self) -> None:
        minutes = max(1, int(self.ctx.desk.settings.sync_interval_minutes or 5))
        self._timer.setInterval(minutes * 60_000)

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.settings:
            self._apply_interval()

    def _watch_network(self) -> None:
        """Qt's reachability signal where the platform has one; the probe timer covers the rest."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend():
                info = QNetworkInformation.instance()
                if info is not None:
                    info.reachabilityChanged.connect(lambda _r: self.probe())
                    self._network_info = info
        except Exception:  # noqa: BLE001 - reachability is a nicety; the probe timer still works
            log.debug("No network reachability backend; relying on periodic probes.")

    # -- state ----------------------------------------------------------------------------------------------
    def _set_online(self, online: bool | None) -> None:
        changed = online != self.online
        self.online = online
        if changed:
            self.online_changed.emit(online)
            self.ctx.events.online_changed.emit(online)

    def status(self) -> dict[str, Any]:
        """For the status bar and the sync page (reads the store: call from a background op)."""
        status = self.service.status()
        status["online"] = self.online
        status["running"] = self.running
        return status

    # -- probing --------------------------------------------------------------------------------------------
    def probe(self) -> None:
        """Is the server reachable? When it just came back, sync at once."""
        if self.running or not self.service.configured:
            return
        self.ctx.query(None, self.service.probe, self._probed).on_executor(NETWORK) \
            .failure(lambda exc: self._probed(False)).run_in_background()

    def _probed(self, reachable: bool) -> None:
        was = self.online
        if not self.service.signed_in():
            self._set_online(None)
            return
        self._set_online(bool(reachable))
        if reachable and was is False:
            log.info("The agency server is reachable again; syncing.")
            self.sync_now(manual=False)

    # -- syncing --------------------------------------------------------------------------------------------
    def sync_now(self, *, manual: bool = True, parent: QWidget | None = None) -> bool:
        """Start a sync unless one is running. Returns whether one was started."""
        if self.running:
            return False
        if not self.service.signed_in():
            self._set_online(None)
            if manual:
                self.needs_sign_in.emit(self.tr("Sign in to the agency server to sync."))
            return False
        self.running = True
        self.sync_started.emit(manual)
        service = self.service

        def work(task: TaskContext) -> SyncReport:
            return service.sync_once(
                progress=lambda step: task.progress(step.done, step.total or 0, step.message),
                cancel=task.cancel)

        op = self.ctx.collection_op(parent, work).on_executor(NETWORK) \
            .success(self._done).failure(self._failed).finally_(self._finished)
        if manual:
            op.with_progress(self.tr("Syncing with the agency server…"), cancellable=True)
        self._op = op
        op.run_in_background()
        return True

    def _finished(self) -> None:
        self.running = False
        self._op = None

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.last_report = report
        self.last_error = None
        self._set_online(True)
        self.queued_changed.emit(report.queued_left)
        if report.finished_at is not None:
            self.last_sync_changed.emit(report.finished_at.isoformat(timespec="seconds"))
        self.sync_finished.emit(report)
        self.ctx.events.sync_status.emit({"report": report.as_dict(), "online": True})

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, SyncInProgress):
            return
        from counselor_app.ui.core_messages import error_words

        message = error_words(exc)
        self.last_error = message
        if isinstance(exc, (ServerUnreachable, CertificateError)):
            self._set_online(False)
        elif isinstance(exc, (AuthenticationRequired, NotSignedIn)):
            self._set_online(None)
            self.needs_sign_in.emit(message)
        elif not isinstance(exc, SyncError):
            log.error("Sync failed unexpectedly: %s", type(exc).__name__, exc_info=exc)
        report = getattr(exc, "report", None)
        if isinstance(report, SyncReport):
            self.last_report = report
            self.queued_changed.emit(report.queued_left)
        self.sync_failed.emit(type(exc).__name__, message)
        self.ctx.events.sync_status.emit({"error": type(exc).__name__, "message": message, "online": self.online})
        self.ctx.events.operation_did_execute.emit(OpChanges(sync=True))

    def last_successful_sync(self) -> str | None:
        return self.ctx.desk.get_state(LAST_SUCCESS_KEY) or None
