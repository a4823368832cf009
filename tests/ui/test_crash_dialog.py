"""The crash dialog and the hooks: a report is written for every unhandled error, GUI thread or not, and the
dialog tells the counselor what to do and where the report is."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from counselor_app.core.crash_report import CrashReport
from counselor_app.core.paths import DataPaths
from counselor_app.ui.crash_dialog import CrashDialog, CrashHandler, install_excepthook


@pytest.fixture
def handler(tmp_path: Path, qapp, monkeypatch):
    monkeypatch.setattr(CrashHandler, "show_dialogs", False)
    installed = install_excepthook(DataPaths(tmp_path / "data"))
    yield installed
    installed.uninstall()


def test_dialog_text_buttons_and_copy(qtbot, tmp_path: Path) -> None:
    report = CrashReport(text="Counselor Desk problem report\n...", path=tmp_path / "logs" / "crash-1.txt")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "ran into a problem" in dialog.text_label.text() and "saved work is safe" in dialog.text_label.text()
    assert str(report.path) in dialog.info_label.text() and "IT help desk" in dialog.info_label.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report.text
    assert dialog.isVisible() is False or dialog.result() == 0  # copying does not close it
    assert dialog.open_button.isEnabled()
    dialog.details_button.click()
    assert dialog.details.isVisibleTo(dialog) and dialog.details.toPlainText() == report.text


def test_dialog_without_a_saved_file_says_to_copy(qtbot) -> None:
    dialog = CrashDialog(CrashReport(text="r", path=None))
    qtbot.addWidget(dialog)
    assert not dialog.open_button.isEnabled() and "Copy report" in dialog.info_label.text()


def test_sys_hook_writes_a_report(handler: CrashHandler, tmp_path: Path) -> None:
    assert sys.excepthook == handler.sys_hook
    try:
        raise RuntimeError("boom for maria@example.org")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(handler.reports) == 1 and handler.reports[0].path is not None
    assert "maria@example.org" not in handler.reports[0].path.read_text(encoding="utf-8")


def test_thread_hook_writes_a_report_and_queues_the_dialog(handler: CrashHandler, qtbot) -> None:
    shown: list[CrashReport] = []
    handler._show = shown.append  # type: ignore[method-assign]
    handler._bridge.crashed.disconnect()  # type: ignore[union-attr]
    handler._bridge.crashed.connect(lambda r: shown.append(r))  # type: ignore[union-attr]

    def work() -> None:
        raise ValueError("worker failed")

    thread = threading.Thread(target=work, name="sync-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    assert "Thread:        sync-worker" in shown[0].text


def test_uninstall_restores_the_previous_hooks(tmp_path: Path, qapp) -> None:
    before = (sys.excepthook, threading.excepthook)
    installed = install_excepthook(tmp_path)
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
