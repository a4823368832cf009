"""The idle lock covers every page, survives a sync and an appointment in progress, throttles wrong PINs, and lets
another counselor sign in on the same laptop."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout

from counselor_app.core.local_accounts import LocalAccounts
from counselor_app.core.models import AuditEvent
from counselor_app.ui.main_window import MainWindow
from tests.sync.sync_support import Agency, agency, signed_in  # noqa: F401 - the loopback server fixture
from tests.ui.wizard_driver import click, register_new, start_walk_in, type_into, wait

PIN = "274913"


@pytest.fixture
def locked_window(qtbot: Any, desk: Any, make_ctx: Any) -> Any:
    LocalAccounts(desk.store).set_secret(desk.actor, desk.actor.user_id, PIN)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def covered(window: Any) -> bool:
    """Every pixel of the window is the lock screen's."""
    QApplication.processEvents()
    screen = window.session_lock.screen
    if not screen.isVisible() or screen.geometry() != window.rect():
        return False
    rgb = QImage.Format.Format_RGB32
    return window.grab().toImage().convertToFormat(rgb) == screen.grab().toImage().convertToFormat(rgb)


def unlock(window: Any, secret: str = PIN) -> None:
    screen = window.session_lock.screen
    type_into(screen.secret, secret)
    click(screen.ok_button)
    wait(10)


def test_the_lock_covers_every_page(locked_window: Any) -> None:
    window = locked_window
    lock = window.session_lock
    for key in ("today", "job_seekers", "catalog", "sync", "settings"):
        window.go_to(key)
        assert not covered(window)
        lock.lock()
        assert lock.locked and covered(window), key
        assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
        unlock(window)
        assert not lock.locked and window.current_key() == key


def test_the_lock_covers_reports_for_a_supervisor(qtbot: Any, desk: Any, make_ctx: Any) -> None:
    from dataclasses import replace

    desk.switch_actor(replace(desk.actor, role="supervisor"))
    LocalAccounts(desk.store).set_secret(desk.actor, desk.actor.user_id, PIN)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to("reports")
    window.session_lock.lock()
    assert covered(window)


def test_ctrl_l_locks_and_shortcuts_beneath_do_nothing(qtbot: Any, locked_window: Any) -> None:
    window = locked_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.go_to("catalog")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session_lock.locked and covered(window)
    qtbot.keyClick(window.session_lock.screen.secret, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.session_lock.screen.secret, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "catalog" and window.wizard is None
    unlock(window)
    assert window.current_key() == "catalog"


def test_idle_time_locks(locked_window: Any) -> None:
    lock = locked_window.session_lock
    assert lock.idle_seconds == 300  # the default: 5 minutes
    lock.check_idle(now=time.monotonic() + 299)
    assert not lock.locked
    lock.check_idle(now=time.monotonic() + 301)
    assert lock.locked and covered(locked_window)


def test_the_wizard_resumes_where_it_was(locked_window: Any) -> None:
    window = locked_window
    wizard = start_walk_in(window)
    register_new(wizard, first="Maria", last="Lopez", email="maria.lopez@example.org")
    step = wizard.current_step
    window.session_lock.lock(reason="idle")
    assert covered(window)
    grab_text = [w.text() for w in window.session_lock.screen.findChildren(QLabel)]
    assert not any("Maria" in t or "lopez" in t.lower() for t in grab_text)
    unlock(window)
    assert window.wizard is wizard and wizard.current_step == step and window.current_key() == "appointment"
    assert wizard.steps["find"].form.inputs["first_name"].text() == "Maria"


def test_wrong_pins_throttle(locked_window: Any) -> None:
    window = locked_window
    lock = window.session_lock
    lock.lock()
    screen = lock.screen
    for _ in range(2):
        unlock(window, "000001")
        assert lock.locked and screen.ok_button.isEnabled()
        assert "not the right" in screen.message.text()
    unlock(window, "000001")
    assert lock.locked and not screen.ok_button.isEnabled()
    assert "wait 30 seconds." in screen.message.text()
    # Pressing Enter with the right PIN while throttled does nothing.
    type_into(screen.secret, PIN)
    screen.secret.returnPressed.emit()
    wait(10)
    assert lock.locked
    with window.ctx.desk.store.read() as session:
        failures = session.query(AuditEvent).filter(AuditEvent.action == "unlock_failed").count()
    assert failures == 3


def test_a_dialog_left_open_is_hidden_then_back(qtbot: Any, locked_window: Any) -> None:
    window = locked_window
    dialog = QDialog(window)
    QVBoxLayout(dialog).addWidget(QLabel("Rosa Alvarez, rosa@example.org", dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    position = dialog.pos()
    window.session_lock.lock()
    assert dialog.windowOpacity() == 0.0 and not dialog.isEnabled() and dialog.pos() != position
    unlock(window)
    assert dialog.isVisible() and dialog.windowOpacity() == 1.0 and dialog.isEnabled()
    dialog.close()


def test_first_run_chooses_a_pin(qtbot: Any, desk: Any, make_ctx: Any) -> None:
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    lock = window.session_lock
    lock.start()
    assert lock.locked and lock.screen.mode == "set_secret" and covered(window)
    type_into(lock.screen.secret, "1234")
    type_into(lock.screen.confirm, "1234")
    click(lock.screen.ok_button)
    assert lock.locked and "at least 6 digits" in lock.screen.message.text()
    type_into(lock.screen.secret, "839201")
    type_into(lock.screen.confirm, "839201")
    click(lock.screen.ok_button)
    assert not lock.locked and LocalAccounts(desk.store).has_secret(desk.actor.user_id)


def test_switching_counselor_locks_and_attributes_to_the_new_one(locked_window: Any) -> None:
    window = locked_window
    desk = window.ctx.desk
    first = desk.actor
    lee = LocalAccounts(desk.store).add_counselor(first, display_name="Lee Chen", secret="outreach fair")
    start_walk_in(window)
    window.session_lock.lock(sign_in=True)
    screen = window.session_lock.screen
    assert covered(window) and screen.mode == "sign_in"
    names = [screen.people.item(i).text() for i in range(screen.people.count())]
    assert names == ["Dana Rivera", "Lee Chen"]
    screen.people.setCurrentRow(1)
    unlock(window, "outreach fair")
    assert not window.session_lock.locked
    assert desk.actor.user_id == lee.user_id and "Lee Chen" in window.windowTitle()
    assert window.wizard is None, "the previous counselor's appointment is put away (autosaved)"
    seeker = desk.job_seekers.register({"first_name": "Ana", "last_name": "Reyes"}, confirmed_not_duplicate=True).record
    with desk.store.read() as session:
        actions = {(e.action, e.actor_name) for e in session.query(AuditEvent).all()}
        created_by = session.get(type(seeker), seeker.id).created_by
    assert ("counselor_switched", "lee.chen") in actions and ("unlock", "lee.chen") in actions
    assert created_by == lee.user_id


def test_the_lock_survives_a_sync(qtbot: Any, agency: Agency, desk: Any, make_ctx: Any) -> None:  # noqa: F811
    from counselor_app.ui.sync_controller import SyncController
    from tests.sync.sync_support import register_many

    signed_in(desk, agency.url, "dana")
    LocalAccounts(desk.store).set_secret(desk.actor, desk.actor.user_id, PIN)
    ctx = make_ctx(desk)
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ids = register_many(desk, 3, prefix="lk")
    window.go_to("sync")
    start_walk_in(window)
    window.session_lock.lock(reason="idle")
    controller = SyncController(ctx)
    assert controller.sync_now(manual=False)
    wait(50)
    assert controller.last_report is not None and controller.last_report.error is None
    assert all(agency.record("job_seeker", i) is not None for i in ids)
    assert window.session_lock.locked and covered(window), "a finished sync must not uncover anything"
    unlock(window)
    assert window.current_key() == "appointment"


def test_retention_from_the_menu_previews_then_purges(qtbot: Any, agency: Agency, configured_data_dir: Any,  # noqa: F811
                                                      make_ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from counselor_app.core import open_desk
    from counselor_app.sync.service import sync_once
    from tests.security.test_retention import _age
    from tests.sync.sync_support import FAST_RETRY, register_many

    desk = open_desk(data_dir=configured_data_dir, agency="ma")  # today is today: the program ended in 2020
    signed_in(desk, agency.url, "dana")
    ids = register_many(desk, 2, prefix="rt")
    _age(desk, ids)
    assert sync_once(desk, retry=FAST_RETRY).error is None
    _age(desk, ids)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        shown.append(text), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text))
    window.retention_action.action.trigger()
    wait(20)
    assert "Now: 2 job seekers qualify" in shown[0] and "TEGL 39-11" in shown[0]
    assert shown[-1] == "Removed the personal data of 2 job seekers from this computer."
    assert desk.job_seekers.search("Rta") == []
    desk.close()


def test_start_refusals_are_worded_by_the_ui() -> None:
    from counselor_app.core.device_wipe import DeviceErased
    from counselor_app.core.key_escrow import DatabaseKeyLost
    from counselor_app.ui.app import _security_refusal_text

    assert "on 2026-11-29 because the agency reported it lost" in _security_refusal_text(
        DeviceErased("lost", "2026-11-29T22:00:00+00:00"))
    assert "recover-key" in _security_refusal_text(DatabaseKeyLost("x"))
    assert _security_refusal_text(ValueError("x")) == ""


def test_the_real_app_opens_behind_the_pin_then_behind_the_sign_in(qtbot: Any, configured_data_dir: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from counselor_app.ui import app as app_module

    monkeypatch.setattr(app_module, "_fatal", lambda message, **_kw: None)
    args = argparse.Namespace(data_dir=str(configured_data_dir), agency=None, demo=False, lang=None)
    session = app_module.start_app(args)
    assert not isinstance(session, int)
    try:
        lock = session.window.session_lock
        assert lock.locked and lock.screen.mode == "set_secret" and covered(session.window)
        type_into(lock.screen.secret, "839201")
        type_into(lock.screen.confirm, "839201")
        click(lock.screen.ok_button)
        qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    finally:
        session.close()
    session = app_module.start_app(args)
    assert not isinstance(session, int)
    try:
        lock = session.window.session_lock
        assert lock.locked and lock.screen.mode == "sign_in" and covered(session.window)
        assert lock.screen.people.currentItem().text() == "Dana Rivera"
        type_into(lock.screen.secret, "839201")
        click(lock.screen.ok_button)
        qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
        assert session.window.centralWidget().isEnabled()
    finally:
        session.close()


def test_a_desk_erased_during_a_sync_covers_the_window_for_good(qtbot: Any, agency: Agency, desk: Any,  # noqa: F811
                                                                make_ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from counselor_app.agency_server.devices import DeviceRegistry
    from counselor_app.sync.device_protocol import DeviceState, DeviceStatusChange
    from counselor_app.ui import app as app_module
    from counselor_app.ui.sync_controller import SyncController

    signed_in(desk, agency.url, "dana")
    ctx = make_ctx(desk)
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(app_module, "ensure_application", lambda: type("App", (), {"exit": lambda *_: None})())
    controller = SyncController(ctx)
    controller.sync_failed.connect(lambda kind, message: app_module._device_erased(window, kind, message))
    DeviceRegistry(agency.store).set_status(desk.settings.device_id, DeviceStatusChange(status=DeviceState.LOST),
                                            by="it")
    controller.sync_now(manual=False)
    wait(50)
    assert shown and "erased its records" in shown[0]
    lock = window.session_lock
    assert lock.locked and covered(window) and not lock.screen.secret.isVisible()
    assert lock.screen.title.text() == "This computer's records were erased"
    assert not desk.paths.database("ma").exists()
