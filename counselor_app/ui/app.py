"""Start-up: first-run set-up, the demo, keyring problems, translations, and the main window.

``counselor-app`` with no command lands here (``run_app(args)``). ``counselor-app --demo`` opens a throw-away
folder of synthetic job seekers so a newcomer sees a working desk with one command.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counselor_app.core.errors import CounselorDeskError, KeyringUnavailableError

log = logging.getLogger(__name__)

DEMO_JOB_SEEKERS = 2000


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Counselor Desk")
    app.setOrganizationName("CounselorDesk")
    app.setApplicationDisplayName("Counselor Desk")
    return app


def _fatal(message: str, *, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical,
                      title or QCoreApplication.translate("app", "Counselor Desk cannot start"), message)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()


def freeze_startup_objects() -> None:
    """Move everything built at start-up (Qt wrappers, modules, the catalog) out of the garbage collector's
    view. A full collection otherwise walks all of it while holding the GIL: measured at 155 ms in the middle of
    a 100,000-row export, a visible freeze; after freezing, 18 ms."""
    gc.collect()
    gc.freeze()


def _prepare_demo(agency: str) -> tuple[Path, str]:
    """Make the throw-away folder; fall back to an in-memory keyring only here (synthetic data)."""
    from counselor_app.core import keystore
    from counselor_app.core.demo import configure_demo_settings

    root = Path(tempfile.mkdtemp(prefix="counselor-desk-demo-"))
    configure_demo_settings(root, agency)
    notice = ""
    try:
        keystore.ensure_keyring()
    except KeyringUnavailableError:
        import keyring

        from counselor_app.core.keystore import ThrowawayKeyring

        keyring.set_keyring(ThrowawayKeyring())
        notice = QCoreApplication.translate(
            "app", "No system keyring: the demo's encryption key is kept in memory only")
    return root, notice


def _start_demo_server(data_dir: Path) -> tuple[str | None, Callable[[], Any] | None]:
    from counselor_app.demo_server import start_demo_server

    return start_demo_server(data_dir)


def _seed_in_background(ctx: Any, window: Any) -> None:
    from counselor_app.core.demo import seed_demo

    desk = ctx.desk

    def work(task: Any) -> Any:
        result = seed_demo(desk, job_seekers=DEMO_JOB_SEEKERS, cancel=task.cancel,
                           progress=lambda done, total: task.progress(done, total, QCoreApplication.translate(
                               "app", "Creating demo job seekers: {done} of {total}").format(done=done,
                                                                                              total=total)))
        from counselor_app.core.outreach_demo import seed_outreach_demo

        seed_outreach_demo(desk)  # issue 16: a campaign, bookings and people waiting
        return result

    ctx.collection_op(window, work) \
        .with_progress(QCoreApplication.translate("app", "Creating demo job seekers…"), cancellable=True) \
        .run_in_background()


def _sign_in_demo(ctx: Any, url: str) -> None:
    """Sign the demo desk in to the demo server in the background, so Sync works in the one-command demo."""
    from counselor_app.demo_server import server_available, sign_in_to_demo_server
    from counselor_app.ui.operations import NETWORK

    if not server_available():
        return
    desk = ctx.desk
    ctx.collection_op(None, lambda: sign_in_to_demo_server(desk, url)).on_executor(NETWORK) \
        .failure(lambda exc: log.warning("Demo sign-in failed: %s", exc)).run_in_background()


#: Page modules the first screens need, imported on the worker thread while the desk opens so building the
#: first page on the GUI thread does not pay for them.
_WARM_MODULES = ("counselor_app.ui.today_page", "counselor_app.ui.job_seekers_page",
                 "counselor_app.ui.catalog_page", "counselor_app.ui.settings_page")


@dataclass
class AppSession:
    """What ``launch_app`` opened; ``close()`` undoes it (tests drive a session without the event loop).

    The window is shown first; ``desk`` and ``ctx`` stay ``None`` until the desk has opened in the background
    (``ready``). ``exit_code`` is set when it could not be opened (the reason was shown in a dialog)."""

    desk: Any
    ctx: Any
    window: Any
    demo_root: Path | None = None
    stop_server: Callable[[], Any] | None = None
    sync_controller: Any = None
    runner: Any = None
    exit_code: int | None = None
    closed: bool = False
    #: Set by ``run_app`` around ``exec()``: only then may a failure end the event loop (``QApplication.exit``
    #: outside a running loop leaves a pending quit that makes the next local event loop return at once).
    in_event_loop: bool = False

    @property
    def ready(self) -> bool:
        return self.ctx is not None

    def wait_ready(self, timeout_s: float = 120.0) -> bool:
        """Process events until the desk is open or failed to open (tests and ``start_app``)."""
        deadline = time.monotonic() + timeout_s
        while self.ctx is None and self.exit_code is None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return self.ctx is not None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if self.sync_controller is not None:
                self.sync_controller.stop()
            if self.window is not None:
                self.window.close()
            if self.ctx is not None:
                self.ctx.close()
            elif self.runner is not None:
                self.runner.shutdown(wait=True)  # an opening still under way finishes; its desk is closed below
        finally:
            if self.desk is not None:
                self.desk.close()
            if self.stop_server is not None:
                try:
                    self.stop_server()
                except Exception:  # noqa: BLE001 - the demo is being thrown away anyway
                    log.warning("The demo server did not stop cleanly.")
            if self.demo_root is not None:
                shutil.rmtree(self.demo_root, ignore_errors=True)


def launch_app(args: argparse.Namespace) -> AppSession | int:
    """Show the main window as soon as Qt is up, then open the desk behind it.

    Before the window: settings (``settings.json``), translations, first-run set-up, and for ``--demo`` the
    throw-away folder; none of it imports the store (SQLAlchemy, Alembic). The desk (core import, keyring,
    migrations) opens on the write worker; when it is ready the pages are built (``MainWindow.attach``). Returns
    an exit code when the app must not start (set-up cancelled: 0); an unopenable store (no keyring, a damaged
    file) is reported later through ``AppSession.exit_code`` (1), after a dialog says why."""
    from counselor_app.core.logs import configure_logging
    from counselor_app.core.paths import DataPaths, resolve_data_dir
    from counselor_app.core.settings import Settings
    from counselor_app.ui.crash_dialog import install_excepthook
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.operations import WRITE, QueryOp, TaskRunner

    ensure_application()
    demo = bool(getattr(args, "demo", False))
    agency = getattr(args, "agency", None)
    lang = getattr(args, "lang", None)
    demo_root: Path | None = None
    demo_notice = ""
    if demo:
        demo_root, demo_notice = _prepare_demo(agency or "ma")
        root = demo_root
    else:
        root = resolve_data_dir(getattr(args, "data_dir", None))
    paths = DataPaths(root).ensure()
    configure_logging(paths)
    install_excepthook(paths)
    settings = Settings.load(paths.settings_file)
    install_translators(lang or settings.ui_language)
    if not settings.configured:
        from counselor_app.ui.first_run_dialog import FirstRunDialog

        dialog = FirstRunDialog(settings, data_dir=paths.root)
        if not dialog.exec():
            return 0
        settings.save(paths.settings_file)
        install_translators(lang or settings.ui_language)

    if demo_notice:  # worded before the translators were installed: word it again in the UI's language
        demo_notice = QCoreApplication.translate(
            "app", "No system keyring: the demo's encryption key is kept in memory only")
    runner = TaskRunner()
    window = MainWindow.shell(settings=settings, demo=demo, demo_notice=demo_notice)
    session = AppSession(desk=None, ctx=None, window=window, demo_root=demo_root, runner=runner)
    window.show()
    language = lang or settings.ui_language

    def open_work() -> Any:
        """Worker thread: no widgets. Import the core, open (and if needed migrate) the store."""
        from counselor_app.core.desk import open_desk

        desk = open_desk(data_dir=paths.root, agency=agency, language=language)
        session.desk = desk  # so close() can close it even if the window was closed while it opened
        if demo:
            url, session.stop_server = _start_demo_server(paths.root)
            if url:
                desk.settings.server_url = url
                desk.save_settings()
        else:
            url = None
        for module in _WARM_MODULES:
            importlib.import_module(module)
        return desk, url

    def opened(result: tuple[Any, str | None]) -> None:
        desk, url = result
        if session.closed:
            return
        try:
            _attach(session, desk, demo=demo, demo_notice=demo_notice, url=url)
        except BaseException as exc:
            _failed(exc)
            if not isinstance(exc, Exception):
                raise

    def _failed(exc: BaseException) -> None:
        if session.closed:
            return
        security_text = _security_refusal_text(exc)  # issue 17: erased desk, lost key with escrow
        if security_text:
            message = security_text
        elif isinstance(exc, CounselorDeskError):  # KeyringUnavailableError included: its message says what to do
            message = str(exc)
        else:
            from counselor_app.ui.operations import error_message

            log.error("The desk could not be opened", exc_info=exc)
            message = error_message(exc)
        window.show_opening_failed(message)
        _fatal(message)
        session.exit_code = 1
        if session.in_event_loop:
            ensure_application().exit(1)
        session.close()
        session.window = None
        window.deleteLater()

    QueryOp(parent=None, op=open_work, success=opened, runner=runner).on_executor(WRITE) \
        .failure(_failed).run_in_background()
    return session


def _attach(session: AppSession, desk: Any, *, demo: bool, demo_notice: str, url: str | None) -> None:
    """GUI thread, once the desk is open: the context, the pages, background sync, the demo's seeding."""
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.sync_controller import SyncController

    ctx = AppContext(desk, runner=session.runner, demo=demo, demo_notice=demo_notice)
    session.ctx = ctx
    ctx.load_catalog()
    window = session.window
    window.attach(ctx)
    _start_session_lock(window, ctx, demo=demo)  # issue 17: who is at the keyboard, before any record shows
    # Sync in the background: when the network returns and every few minutes.
    session.sync_controller = SyncController.instance(ctx)
    session.sync_controller.sync_failed.connect(lambda kind, message: _device_erased(window, kind, message))
    session.sync_controller.start()
    if demo:
        QTimer.singleShot(0, lambda: _seed_in_background(ctx, window))
        if url:
            _sign_in_demo(ctx, url)
    QTimer.singleShot(1500, freeze_startup_objects)


def _security_refusal_text(exc: BaseException) -> str:
    """The words for the desk's two security refusals at start (``core.device_wipe``, ``core.key_escrow``)."""
    from counselor_app.core.device_wipe import DeviceErased
    from counselor_app.core.key_escrow import DatabaseKeyLost

    if isinstance(exc, DeviceErased):
        return QCoreApplication.translate(
            "app", "Counselor Desk erased its records, keys, exports and logs on this computer on {date} because the "
            "agency reported it lost or retired. Nothing can be opened here; contact your agency's IT.").format(
                date=exc.erased_at[:10])
    if isinstance(exc, DatabaseKeyLost):
        return QCoreApplication.translate(
            "app", "The encryption key of your records is no longer in this computer's keyring, so they cannot be "
            "opened now. Nothing is lost: your agency's IT can recover the key (counselor-app recover-key, see the "
            "deployment guide). Contact them before you use this computer for appointments.")
    return ""


def _device_erased(window: Any, kind: str, message: str) -> None:
    """issue 17: a sync found this computer reported lost or retired and erased the data folder."""
    if kind != "DeviceErasedBySync" or getattr(window, "session_lock", None) is None:
        return
    del message  # the core's English sentence; the words shown are chosen here
    text = QCoreApplication.translate(
        "app", "The agency reported this computer lost or retired, so Counselor Desk erased its records, keys, "
        "exports and logs here. Nothing can be opened on it any more; contact your agency's IT.")
    window.session_lock.device_erased(text)
    QMessageBox.critical(window, QCoreApplication.translate("app", "Counselor Desk"), text)
    ensure_application().exit(1)


def _start_session_lock(window: Any, ctx: Any, *, demo: bool) -> None:
    """A real desk opens behind the sign-in (or, the first time, the choice of a PIN); the demo opens at once and
    its counselor's PIN is ``session_lock.DEMO_PIN`` (shown on the lock screen) so Ctrl+L can be tried."""
    lock = getattr(window, "session_lock", None)
    if lock is None:
        return
    if demo:
        from counselor_app.ui.operations import WRITE, QueryOp
        from counselor_app.ui.session_lock import DEMO_PIN

        actor = ctx.desk.actor
        QueryOp(parent=None, op=lambda: lock.accounts.set_secret(actor, actor.user_id, DEMO_PIN),
                runner=ctx.runner).on_executor(WRITE).run_in_background()
        return
    lock.start()


def start_app(args: argparse.Namespace) -> AppSession | int:
    """``launch_app`` and wait (processing events) until the desk is open: returns the ready session, or an exit
    code when the app must not start (set-up cancelled: 0; no keyring or an unreadable store: 1)."""
    session = launch_app(args)
    if isinstance(session, int):
        return session
    try:
        session.wait_ready()
    except BaseException:
        session.close()
        raise
    if session.exit_code is not None:
        return session.exit_code
    if session.ctx is None:
        session.close()
        raise TimeoutError("The desk did not open in time.")
    return session


def run_app(args: argparse.Namespace) -> int:
    session = launch_app(args)
    if isinstance(session, int):
        return session
    try:
        session.in_event_loop = True
        code = int(ensure_application().exec())
        return session.exit_code if session.exit_code is not None else code
    finally:
        session.window = None  # already closed by the user
        session.close()


def gui_self_test(desk: Any) -> None:
    """``counselor-app self-test --gui``: build the main window offscreen over ``desk``, let it load, close it."""
    if QApplication.instance() is None and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.main_window import MainWindow

    app = ensure_application()
    from counselor_app.ui.i18n import install_translators

    install_translators(desk.settings.ui_language)
    ctx = AppContext(desk)
    ctx.load_catalog()
    window = MainWindow(ctx, remember_layout=False)
    window.show()
    for key in ("today", "job_seekers", "catalog", "settings"):
        window.go_to(key)
        app.processEvents()
    ctx.runner.wait_idle(10.0)
    window.close()
    app.processEvents()
    ctx.close()
    window.deleteLater()
    app.processEvents()
