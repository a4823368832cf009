"""What a counselor sees when the app hits an error nobody planned for, and the hooks that catch it.

A counselor in the middle of an appointment needs three things from such a moment: to know the work already
saved is safe (every service call is its own committed transaction), what to do now, and something to hand
to IT. The report itself is written by the Qt-free ``core.crash_report`` (no personal data, no secrets); this
module only shows it and installs ``sys.excepthook`` / ``threading.excepthook`` so nothing unexpected is lost
as a traceback on a console that no counselor ever sees.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.crash_report import CrashReport, write_crash_report
from counselor_app.core.paths import DataPaths

log = logging.getLogger(__name__)


# Written out as ``_Q.translate("CrashDialog", ...)`` at every use so pyside6-lupdate can find the texts.
_Q = QCoreApplication


class CrashDialog(QDialog):
    """Message-box look, but a plain dialog: a QMessageBox closes on every button, and "Copy report" must
    leave it open so the counselor can still press "Open folder" afterwards."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(_Q.translate("CrashDialog", "Counselor Desk"))
        self.setAccessibleName(_Q.translate("CrashDialog", "Problem report"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.text_label = QLabel(_Q.translate("CrashDialog", "<b>Counselor Desk ran into a problem. Your saved work is safe.</b>"))
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label = QLabel(self._info_text(report))
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(report.text)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(_Q.translate("CrashDialog", "Report text"))
        self.details.setVisible(False)
        self.details.setMinimumHeight(220)

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(_Q.translate("CrashDialog", "&Open folder"))
        self.open_button.setEnabled(report.path is not None)
        self.open_button.setToolTip(_Q.translate("CrashDialog", "Show the report file, to attach it to an e-mail"))
        self.copy_button = QPushButton(_Q.translate("CrashDialog", "&Copy report"))
        self.copy_button.setToolTip(_Q.translate("CrashDialog", "Copy the report, to paste it into an e-mail or a help-desk ticket"))
        self.details_button = QPushButton(_Q.translate("CrashDialog", "Show &details"))
        self.details_button.setCheckable(True)
        self.close_button = QPushButton(_Q.translate("CrashDialog", "Close"))
        self.close_button.setDefault(True)
        for button in (self.open_button, self.copy_button, self.details_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_report)
        self.details_button.toggled.connect(self._show_details)
        buttons.accepted.connect(self.accept)

        texts = QVBoxLayout()
        texts.addWidget(self.text_label)
        texts.addWidget(self.info_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @staticmethod
    def _info_text(report: CrashReport) -> str:
        what_now = _Q.translate("CrashDialog", "Everything you saved before this message is kept. You can go on working; if the problem "
                       "comes back, close Counselor Desk and open it again.")
        if report.path is not None:
            where = _Q.translate("CrashDialog", "The report was saved to {path}; send it to your IT help desk.").format(
                path=os.fspath(report.path))
        else:
            where = _Q.translate("CrashDialog", "The report could not be saved to a file. Press Copy report and paste it into an e-mail "
                        "to your IT help desk.")
        note = _Q.translate("CrashDialog", "It holds no job seeker's personal information.")
        return f"{what_now}\n\n{where} {note}"

    def open_folder(self) -> None:
        if self.report.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(self.report.path.parent)))

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.text)
        self.copy_button.setText(_Q.translate("CrashDialog", "Copied"))

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(_Q.translate("CrashDialog", "Hide &details") if shown else _Q.translate("CrashDialog", "Show &details"))
        self.adjustSize()


class _GuiBridge(QObject):
    """Lives on the GUI thread; a worker thread's crash is emitted here and Qt queues the dialog onto the GUI
    thread, where widgets may be made."""

    crashed = Signal(object)  # CrashReport


class CrashHandler:
    """The installed hooks. ``uninstall()`` puts the previous ones back (tests, or an embedding script)."""

    #: Tests set this to collect reports instead of opening a modal dialog.
    show_dialogs = True

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self.reports: list[CrashReport] = []
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        self._dialog_open = False
        self._lock = threading.Lock()
        self._bridge: _GuiBridge | None = None
        app = QCoreApplication.instance()
        if app is not None:
            self._bridge = _GuiBridge()
            self._bridge.moveToThread(app.thread())
            self._bridge.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks ------------------------------------------------------------------------------------------------
    def sys_hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb, thread_name=threading.current_thread().name)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        exc_type = args.exc_type
        self.handle(exc_type, args.exc_value, args.exc_traceback,
                    thread_name=args.thread.name if args.thread is not None else None)

    def handle(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, *,
               thread_name: str | None = None) -> CrashReport | None:
        """Write the report, then show it: at once on the GUI thread, queued from any other thread."""
        try:
            with self._lock:
                busy = self._dialog_open
                report = write_crash_report(self.paths, exc_type, exc, tb, thread_name=thread_name)
                self.reports.append(report)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.critical("The crash report could not be written.")
            return None
        if not getattr(sys, "frozen", False) and sys.stderr is not None and exc is not None:
            # Developers running from a terminal still want the traceback there (Python's own printer, not
            # whatever hook came before, which may be another catcher).
            sys.__excepthook__(exc_type, exc, tb)
        if busy:
            return report  # one dialog at a time: an error that repeats in a paint event must not stack them
        if self._bridge is not None and threading.current_thread() is not threading.main_thread():
            self._bridge.crashed.emit(report)
        else:
            self._show(report)
        return report

    def _show(self, report: CrashReport) -> None:
        if not self.show_dialogs or QApplication.instance() is None:
            return
        self._dialog_open = True
        try:
            parent = QApplication.activeWindow()
            CrashDialog(report, parent).exec()
        except Exception:  # noqa: BLE001 - a broken dialog must not start a loop of crash reports
            log.critical("The crash dialog could not be shown.")
        finally:
            self._dialog_open = False

    # -- install ----------------------------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        sys.excepthook = self.sys_hook
        threading.excepthook = self.threading_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.sys_hook:
            sys.excepthook = self._previous_sys
        if threading.excepthook == self.threading_hook:
            threading.excepthook = self._previous_threading


def _paths_of(target: Any) -> DataPaths:
    if isinstance(target, DataPaths):
        return target
    if isinstance(target, str | os.PathLike):
        return DataPaths(Path(target))
    desk = getattr(target, "desk", target)  # an AppContext holds the desk; a Desk holds the paths
    paths = getattr(desk, "paths", None)
    if isinstance(paths, DataPaths):
        return paths
    raise TypeError(f"install_excepthook needs an AppContext, a Desk, DataPaths or a folder, not {target!r}")


def install_excepthook(ctx_or_paths: Any) -> CrashHandler:
    """Route every unhandled exception (GUI thread, Qt slots, plain threads) to a crash report and the dialog.

    Call it once the QApplication exists (so worker-thread crashes can be queued to the GUI thread) and the
    data folder is known (reports go to its ``logs`` folder, next to the app log).
    """
    return CrashHandler(_paths_of(ctx_or_paths)).install()
