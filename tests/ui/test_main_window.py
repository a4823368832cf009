"""The main window: keyboard navigation, pages from other engineers loaded lazily, the status bar, layout memory."""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counselor_app.core.op_changes import OpChanges
from counselor_app.ui.main_window import MainWindow, MissingModulePage


def _activate(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_ctrl_number_shortcuts_switch_pages(qtbot: Any, main_window: Any) -> None:
    _activate(qtbot, main_window)
    for key, page in ((Qt.Key.Key_2, "job_seekers"), (Qt.Key.Key_3, "catalog"), (Qt.Key.Key_6, "settings"),
                      (Qt.Key.Key_5, "sync"), (Qt.Key.Key_1, "today")):
        qtbot.keyClick(main_window, key, Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_key() == page
    # Reports is for supervisors: the fixture's counselor does not see it.
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == "today"
    assert main_window.nav.item(main_window._row_for("reports")).isHidden()


def test_ctrl_n_starts_a_walk_in(qtbot: Any, main_window: Any) -> None:
    _activate(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.wizard is not None, timeout=2000)
    assert main_window.current_key() == "appointment"
    assert not main_window.appointment_item.isHidden()
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == "today"
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == "appointment"


def test_pages_of_other_engineers_are_optional(main_window: Any) -> None:
    import importlib.util

    page = main_window.page("sync")
    if importlib.util.find_spec("counselor_app.ui.sync_page") is None:
        assert isinstance(page, MissingModulePage)
    else:
        assert page is not None


def test_reports_page_for_supervisors(qtbot: Any, desk: Any, make_ctx: Any) -> None:
    desk.actor = type(desk.actor)(**{**desk.actor.__dict__, "role": "supervisor"}) \
        if hasattr(desk.actor, "__dict__") else desk.actor
    from dataclasses import replace

    desk.actor = replace(desk.actor, role="supervisor")
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    assert not window.nav.item(window._row_for("reports")).isHidden()
    window.go_to("reports")
    assert window.current_key() == "reports"


def test_status_bar_shows_queue_and_last_sync(qtbot: Any, main_window: Any, ui_ctx: Any) -> None:
    status = main_window.status
    main_window.set_sync_status(True, 12, 1, 2, "2020-10-01T13:05:00+00:00")
    assert "Online" in status.online_label.text()
    assert "12 records waiting" in status.queued_label.text()
    assert status.attention_label.isVisibleTo(main_window) and "3" in status.attention_label.text()
    assert "2020" in status.last_sync_label.text()
    main_window.set_sync_status(None, 0, 0, 0, None)
    assert "never" in status.last_sync_label.text()
    assert not status.attention_label.isVisibleTo(main_window)

    ui_ctx.events.online_changed.emit(False)
    ui_ctx.desk.job_seekers.register({"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"})
    ui_ctx.events.operation_did_execute.emit(OpChanges(job_seekers=True))
    qtbot.waitUntil(lambda: "1 record waiting" in status.queued_label.text(), timeout=2000)
    assert "Offline" in status.online_label.text()


def test_window_remembers_its_size(qtbot: Any, desk: Any, make_ctx: Any) -> None:
    ctx = make_ctx(desk)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    # The offscreen screen is small (800 wide): its smallest window, which differs from the default size.
    window.resize(window.minimumSize())
    wanted = (window.width(), window.height())
    assert wanted != (window.sizeHint().width(), window.sizeHint().height())
    window.close()
    assert desk.settings.window_geometry and base64.b64decode(desk.settings.window_geometry)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == wanted


def test_no_two_actions_of_the_window_share_a_shortcut(main_window: Any) -> None:
    """An ambiguous shortcut does nothing at all in Qt ("Ambiguous shortcut overload"): pages added by different
    features once both took Ctrl+7. Every action the window holds has its own keys."""
    from PySide6.QtGui import QAction, QKeySequence

    seen: dict[str, list[str]] = {}
    for action in main_window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if keys:
                seen.setdefault(keys, []).append(action.text().replace("&", ""))
    clashes = {keys: names for keys, names in seen.items() if len(names) > 1}
    assert not clashes, clashes


def test_the_status_bar_and_sync_page_read_the_centers_clock(main_window: Any, desk: Any) -> None:
    """Today shows the center's time zone; the last sync (stored in UTC) must read the same clock everywhere."""
    from counselor_app.core.desk import LAST_SUCCESS_KEY
    from tests.ui import wizard_driver as drive

    assert desk.settings.center_time_zone == "America/New_York"
    desk.set_state(LAST_SUCCESS_KEY, "2020-10-01T20:42:00+00:00")
    main_window.set_sync_status(True, 0, 0, 0, "2020-10-01T20:42:00+00:00")
    assert "4:42 PM" in main_window.status.last_sync_label.text(), main_window.status.last_sync_label.text()
    main_window.go_to("sync")
    page = main_window.page("sync")
    page.refresh()
    drive.wait_for(lambda: "4:42 PM" in page.summary.text(), message=page.summary.text())
    assert "8:42" not in page.summary.text()
