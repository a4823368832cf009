"""The idle lock and the counselors' local sign-in (issue 17), as one overlay over the main window.

A laptop left open on a table at a job fair must show nothing. After ``Settings.idle_lock_minutes`` without a key
press, click or touch (default 5; 0 switches it off), on Ctrl+L, or when a counselor chooses *Switch counselor*,
``LockScreen`` covers the whole window: menus, navigation, pages, the running appointment and the status bar.
Everything beneath it is disabled (no shortcut, no Tab into a hidden field), and any other window of the app (a
dialog left open) is made transparent, disabled and moved out of sight until the lock opens again. Nothing
beneath is closed or reset: a sync keeps running, the appointment wizard stays at its step with what was typed.

Unlocking takes the counselor's PIN or password (``core.local_accounts``: scrypt, throttled, audited). Another
counselor may sign in instead: the appointment of the one before is put away (it is autosaved and waits on their
Today page) and from then on every record and audit event names the new counselor (``Desk.switch_actor``).

What it does not do: it is not the operating system's screen lock (another program's windows, a screenshot taken
by malware, or the data folder copied while the laptop is unlocked are outside it; the encryption at rest and the
OS lock cover those).
"""

from __future__ import annotations

import logging
import time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counselor_app.ui.operations import WRITE, QueryOp

if TYPE_CHECKING:
    from counselor_app.ui.app_context import AppContext

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 5_000
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
DEMO_PIN = "246810"


def add_to_file_menu(window: QMainWindow, action: QAction) -> None:
    """Add ``action`` to the window (its shortcut works) and to its first menu (File), before the last entry
    (Quit)."""
    window.addAction(action)
    actions = window.menuBar().actions()
    menu = actions[0].menu() if actions else None
    if not isinstance(menu, QMenu):
        return
    entries = menu.actions()
    if entries:
        menu.insertAction(entries[-1], action)
    else:
        menu.addAction(action)


class LockMode(StrEnum):
    UNLOCK = "unlock"  # the counselor who locked comes back
    SIGN_IN = "sign_in"  # choose who you are (app start, switching counselor)
    SET_SECRET = "set_secret"  # first run: choose a PIN or password


class LockScreen(QFrame):
    """The overlay. It holds no records: counselors' names and the center only."""

    submitted = Signal(str, str)  # user_id, secret
    secret_chosen = Signal(str)  # the new PIN/password (SET_SECRET)
    switch_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QFrame#lock_screen { background: palette(window); }")
        self.mode = LockMode.UNLOCK
        self.user_id = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QFrame(self)
        box.setObjectName("lock_box")
        box.setMaximumWidth(460)
        box.setStyleSheet("QFrame#lock_box { background: palette(base); border: 1px solid palette(mid); "
                          "border-radius: 8px; }")
        form = QVBoxLayout(box)
        form.setContentsMargins(28, 24, 28, 24)
        form.setSpacing(10)
        self.title = QLabel(box)
        self.title.setObjectName("lock_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(box)
        self.subtitle.setObjectName("lock_subtitle")
        self.subtitle.setWordWrap(True)
        self.people = QListWidget(box)
        self.people.setObjectName("lock_people")
        self.people.setAccessibleName(self.tr("Counselors on this computer"))
        self.people.setMaximumHeight(150)
        self.people.currentItemChanged.connect(lambda *_: self._person_changed())
        self.secret = QLineEdit(box)
        self.secret.setObjectName("lock_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("PIN or password"))
        self.secret.returnPressed.connect(self._submit)
        self.confirm = QLineEdit(box)
        self.confirm.setObjectName("lock_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("The same PIN or password again"))
        self.confirm.returnPressed.connect(self._submit)
        self.message = QLabel(box)
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.hint = QLabel(box)
        self.hint.setObjectName("lock_hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Another counselor…"), box)
        self.switch_button.setObjectName("lock_switch")
        self.switch_button.clicked.connect(self.switch_requested.emit)
        self.ok_button = QPushButton(box)
        self.ok_button.setObjectName("lock_ok")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._submit)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        self.secret_label = QLabel(self.tr("&PIN or password"), box)
        self.secret_label.setBuddy(self.secret)
        self.confirm_label = QLabel(self.tr("&Again, to be sure"), box)
        self.confirm_label.setBuddy(self.confirm)
        for widget in (self.title, self.subtitle, self.people, self.secret_label, self.secret, self.confirm_label,
                       self.confirm, self.message, self.hint):
            form.addWidget(widget)
        form.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.hide()

    # -- modes ------------------------------------------------------------------------------------------------
    def show_unlock(self, *, user_id: str, name: str, center: str, others: bool) -> None:
        self.mode, self.user_id = LockMode.UNLOCK, user_id
        self.title.setText(self.tr("Counselor Desk is locked"))
        self.subtitle.setText(self.tr("{name} — {center}. Enter your PIN or password to go on where you left "
                                      "off.").format(name=name, center=center))
        self.ok_button.setText(self.tr("&Unlock"))
        self._layout_for(people=False, confirm=False)
        self.switch_button.setVisible(others)

    def show_sign_in(self, people: list[Any], *, center: str, preselect: str = "") -> None:
        self.mode = LockMode.SIGN_IN
        self.title.setText(self.tr("Sign in to Counselor Desk"))
        self.subtitle.setText(self.tr("{center}. Choose your name and enter your PIN or password.").format(
            center=center))
        self.ok_button.setText(self.tr("&Sign in"))
        self.people.clear()
        for person in people:
            item = QListWidgetItem(person.display_name, self.people)
            item.setData(Qt.ItemDataRole.UserRole, person.user_id)
            if person.user_id == preselect:
                self.people.setCurrentItem(item)
        if self.people.currentItem() is None and self.people.count():
            self.people.setCurrentRow(0)
        self._layout_for(people=True, confirm=False)
        self.switch_button.setVisible(False)

    def show_set_secret(self, *, name: str) -> None:
        self.mode = LockMode.SET_SECRET
        self.title.setText(self.tr("Choose your PIN or password"))
        self.subtitle.setText(self.tr("{name}, Counselor Desk locks itself when this computer is left alone and "
                                      "asks for it to open again. Use at least 6 digits, or a password of at least "
                                      "8 characters.").format(name=name))
        self.ok_button.setText(self.tr("&Save and go on"))
        self._layout_for(people=False, confirm=True)
        self.switch_button.setVisible(False)

    def _layout_for(self, *, people: bool, confirm: bool) -> None:
        self.people.setVisible(people)
        self.confirm.setVisible(confirm)
        self.confirm_label.setVisible(confirm)
        self.secret.clear()
        self.confirm.clear()
        self._clear_wait()

    def _clear_wait(self) -> None:
        """The countdown shown belongs to one counselor; another (or another mode) starts clean. The throttle
        itself is in the database (``core.local_accounts``) and answers again if the same counselor tries."""
        self._countdown.stop()
        self._wait_until = 0.0
        self.message.clear()
        self.ok_button.setEnabled(True)

    def _person_changed(self) -> None:
        item = self.people.currentItem()
        user_id = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        if user_id != self.user_id:
            self._clear_wait()
        self.user_id = user_id
        self.secret.setFocus()

    # -- input ------------------------------------------------------------------------------------------------
    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        secret = self.secret.text()
        if self.mode == LockMode.SET_SECRET:
            if secret != self.confirm.text():
                self.show_message(self.tr("The two entries are not the same. Type them again."))
                self.secret.clear()
                self.confirm.clear()
                self.secret.setFocus()
                return
            self.secret_chosen.emit(secret)
            return
        if not secret or not self.user_id:
            self.show_message(self.tr("Enter your PIN or password."))
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.user_id, secret)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def wrong(self, *, wait_seconds: int) -> None:
        self.secret.clear()
        self.secret.setFocus()
        if wait_seconds > 0:
            self.throttle(wait_seconds, wrong=True)
        else:
            self.ok_button.setEnabled(True)
            self.show_message(self.tr("That is not the right PIN or password."))

    def throttle(self, wait_seconds: int, *, wrong: bool = False) -> None:
        self._wait_until = time.monotonic() + wait_seconds
        self._wrong = wrong
        self.ok_button.setEnabled(False)
        self._tick()
        self._countdown.start()

    def _tick(self) -> None:
        left = int(round(self._wait_until - time.monotonic()))
        if left <= 0:
            self._countdown.stop()
            self.ok_button.setEnabled(True)
            self.message.clear()
            return
        if getattr(self, "_wrong", False):
            text = self.tr("That is not the right PIN or password. Too many tries: wait %n second(s).", "", left)
        else:
            text = self.tr("Too many wrong tries: wait %n second(s).", "", left)
        self.message.setText(text)

    def secret_refused(self, code: str) -> None:
        texts = {
            "pin_too_short": self.tr("A PIN needs at least 6 digits."),
            "pin_too_simple": self.tr("That PIN is too easy to guess (one digit repeated, or a run like 123456)."),
            "password_too_short": self.tr("A password needs at least 8 characters."),
        }
        self.show_message(texts.get(code, self.tr("That PIN or password cannot be used.")))
        self.ok_button.setEnabled(True)

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        if self.people.isVisible() and self.people.currentItem() is None:
            self.people.setFocus()
        else:
            self.secret.setFocus()


class SessionLock(QObject):
    """Owns the lock over one main window: idle detection, Ctrl+L, switching counselor, first-run PIN."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        from counselor_app.core.local_accounts import LocalAccounts

        self.window = window
        self.ctx = ctx
        self.accounts = LocalAccounts(ctx.desk.store)
        self.screen = LockScreen(window)
        self.screen.submitted.connect(self._check)
        self.screen.secret_chosen.connect(self._choose_secret)
        self.screen.switch_requested.connect(self._show_sign_in)
        self.locked = False
        self._disabled: list[Any] = []
        self._hidden_windows: list[tuple[QWidget, float, QPoint, bool]] = []
        self._last_activity = time.monotonic()
        minutes = float(getattr(ctx.desk.settings, "idle_lock_minutes", 5.0) or 0.0)
        self.idle_seconds = max(0.0, minutes * 60.0)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self.check_idle)
        if self.idle_seconds:
            self._idle_timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.installEventFilter(self)
        self._add_actions()

    def _add_actions(self) -> None:
        self.lock_action = QAction(self.tr("&Lock"), self.window)
        self.lock_action.setObjectName("action_lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Cover the screen until your PIN or password is entered (Ctrl+L)"))
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action = QAction(self.tr("&Switch counselor…"), self.window)
        self.switch_action.setObjectName("action_switch_counselor")
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.switch_action.triggered.connect(lambda: self.lock(sign_in=True))
        self.add_action = QAction(self.tr("&Add a counselor to this computer…"), self.window)
        self.add_action.setObjectName("action_add_counselor")
        self.add_action.triggered.connect(self.add_counselor)
        for action in (self.lock_action, self.switch_action, self.add_action):
            add_to_file_menu(self.window, action)

    # -- idle ---------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        etype = event.type()
        if etype in _ACTIVITY:
            self._last_activity = time.monotonic()
        elif watched is self.window and etype == QEvent.Type.Resize and self.locked:
            self.screen.setGeometry(self.window.rect())
        return False

    def check_idle(self, now: float | None = None) -> None:
        if self.locked or not self.idle_seconds:
            return
        if (now if now is not None else time.monotonic()) - self._last_activity >= self.idle_seconds:
            log.info("locked after %.0f s without input", self.idle_seconds)
            self.lock(reason="idle")

    # -- locking ------------------------------------------------------------------------------------------------
    def lock(self, *, sign_in: bool = False, reason: str = "manual") -> None:
        """Cover the window now. ``sign_in``: ask who is there (switching counselor, app start)."""
        actor = self.ctx.desk.actor
        if self.locked and not sign_in:
            self.screen.cover()
            return
        if not self.locked:
            self._cover_everything()
            self.locked = True
            if actor.user_id:
                try:
                    self.ctx.desk.audit("lock", detail={"reason": reason})
                except Exception:  # noqa: BLE001 - locking must never fail because the audit could not be written
                    log.warning("the lock could not be audited")
            self.locked_changed.emit(True)
        if actor.user_id and not self.accounts.has_secret(actor.user_id):
            self.screen.show_set_secret(name=actor.display_name)
        elif sign_in:
            self._show_sign_in()
        else:
            others = len([c for c in self.accounts.counselors() if c.has_secret]) > 1
            self.screen.show_unlock(user_id=actor.user_id or "", name=actor.display_name,
                                    center=actor.center_name or self.ctx.desk.settings.center_name, others=others)
        if self.ctx.demo:
            self.screen.hint.setText(self.tr("Demo: the PIN is {pin}.").format(pin=DEMO_PIN))
        self.screen.cover()

    def _show_sign_in(self) -> None:
        people = [c for c in self.accounts.counselors() if c.has_secret]
        self.screen.show_sign_in(people, center=self.ctx.desk.settings.center_name,
                                 preselect=self.ctx.desk.actor.user_id or "")
        self.screen.cover()

    def _cover_everything(self) -> None:
        self._disabled = []
        for widget in (self.window.centralWidget(), self.window.menuBar(), self.window.statusBar()):
            if widget is not None and widget.isEnabled():
                widget.setEnabled(False)
                self._disabled.append(widget)
        for action in self.window.findChildren(QAction):
            if action.isEnabled() and action is not self.lock_action:
                action.setEnabled(False)
                self._disabled.append(action)
        # Other windows of the app (a dialog left open): out of sight and out of reach, never closed, so what was
        # typed in them is still there afterwards.
        self._hidden_windows = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or not isinstance(widget, QDialog | QMainWindow):
                continue
            self._hidden_windows.append((widget, widget.windowOpacity(), widget.pos(), widget.isEnabled()))
            widget.setWindowOpacity(0.0)
            widget.setEnabled(False)
            widget.move(-32000, -32000)
        self.screen.cover()

    def _uncover(self) -> None:
        for item in self._disabled:
            item.setEnabled(True)
        self._disabled = []
        for widget, opacity, pos, enabled in self._hidden_windows:
            widget.move(pos)
            widget.setWindowOpacity(opacity)
            widget.setEnabled(enabled)
        self._hidden_windows = []
        self.screen.hide()
        self.locked = False
        self._last_activity = time.monotonic()
        self.locked_changed.emit(False)

    # -- checking ------------------------------------------------------------------------------------------------
    def _check(self, user_id: str, secret: str) -> None:
        accounts = self.accounts
        QueryOp(parent=None, op=lambda: accounts.unlock(user_id, secret),
                success=lambda result: self._checked(user_id, result), runner=self.ctx.runner) \
            .on_executor(WRITE).failure(self._check_failed).run_in_background()

    def _check_failed(self, exc: BaseException) -> None:
        log.warning("the PIN check failed: %s", type(exc).__name__)
        self.screen.show_message(self.tr("The PIN could not be checked. Try again."))
        self.screen.ok_button.setEnabled(True)

    def _checked(self, user_id: str, result: Any) -> None:
        from counselor_app.core.local_accounts import UnlockOutcome

        if result.outcome == UnlockOutcome.OK:
            if user_id != self.ctx.desk.actor.user_id:
                self._switch_to(user_id)
            self._uncover()
        elif result.outcome == UnlockOutcome.THROTTLED:
            self.screen.throttle(result.wait_seconds)
        elif result.outcome == UnlockOutcome.NO_CREDENTIAL:
            self.screen.show_message(self.tr("This counselor has no PIN yet."))
            self.screen.ok_button.setEnabled(True)
        else:
            self.screen.wrong(wait_seconds=result.wait_seconds)

    def _switch_to(self, user_id: str) -> None:
        """Another counselor: the previous one's appointment is put away (autosaved), everything is theirs now."""
        close_wizard = getattr(self.window, "close_wizard", None)
        if callable(close_wizard):
            close_wizard()
        self.ctx.desk.switch_actor(self.accounts.actor_for(user_id))
        self.ctx.desk.audit("counselor_switched")
        refresh = getattr(self.window, "counselor_changed", None)
        if callable(refresh):
            refresh()
        go_to = getattr(self.window, "go_to", None)
        if callable(go_to):
            go_to("today")
        from counselor_app.core.op_changes import OpChanges

        self.ctx.events.operation_did_execute.emit(OpChanges(settings=True, appointments=True, job_seekers=True))

    def _choose_secret(self, secret: str) -> None:
        from counselor_app.core.local_accounts import SecretRefused

        actor = self.ctx.desk.actor
        accounts = self.accounts
        self.screen.ok_button.setEnabled(False)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, SecretRefused):
                self.screen.secret_refused(exc.field_errors.get("secret", ""))
            else:
                self._check_failed(exc)

        QueryOp(parent=None, op=lambda: accounts.set_secret(actor, actor.user_id or "", secret),
                success=lambda _none: self._uncover(), runner=self.ctx.runner) \
            .on_executor(WRITE).failure(refused).run_in_background()

    def device_erased(self, message: str) -> None:
        """The agency reported this computer lost or retired and the desk erased itself during a sync: cover the
        window for good (nothing beneath is backed by data any more) and say so."""
        if not self.locked:
            self._cover_everything()
            self.locked = True
        self.lock_action.setEnabled(False)
        # Nothing beneath may reach for the erased store again: no page refresh, no status poll.
        self.ctx.events.blockSignals(True)
        for timer in self.window.findChildren(QTimer):
            timer.stop()
        screen = self.screen
        screen.title.setText(self.tr("This computer's records were erased"))
        screen.subtitle.setText(message)
        for widget in (screen.people, screen.secret_label, screen.secret, screen.confirm_label, screen.confirm,
                       screen.switch_button, screen.ok_button, screen.hint):
            widget.setVisible(False)
        screen.message.clear()
        screen.cover()

    # -- start-up and adding counselors ------------------------------------------------------------------------
    def start(self) -> None:
        """At app start: the counselor proves who they are (or, the first time, chooses a PIN)."""
        if self.ctx.demo:
            return
        actor = self.ctx.desk.actor
        if actor.user_id and not self.accounts.has_secret(actor.user_id):
            self.lock(reason="first_run")
        else:
            self.lock(sign_in=True, reason="start")

    def add_counselor(self) -> None:
        dialog = AddCounselorDialog(self.window)
        while dialog.exec():
            from counselor_app.core.errors import ValidationError
            from counselor_app.core.local_accounts import SecretRefused

            try:
                self.accounts.add_counselor(self.ctx.desk.actor, display_name=dialog.name.text(),
                                            secret=dialog.secret.text())
            except SecretRefused as exc:
                dialog.refused(self.screen_text(exc.field_errors.get("secret", "")))
                continue
            except ValidationError as exc:
                code = exc.field_errors.get("display_name", "")
                dialog.refused(self.tr("Someone with that name already uses this computer.") if code == "name_taken"
                               else self.tr("Enter the counselor's name."))
                continue
            return

    def screen_text(self, code: str) -> str:
        self.screen.secret_refused(code)
        return self.screen.message.text()


class AddCounselorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_counselor_dialog")
        self.setWindowTitle(self.tr("Add a counselor to this computer"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The new counselor signs in with their own PIN or password; everything they do is "
                               "recorded under their name. They see this center's records."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("add_counselor_name")
        self.secret = QLineEdit(self)
        self.secret.setObjectName("add_counselor_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("add_counselor_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&PIN or password"), self.secret)
        form.addRow(self.tr("&Again"), self.confirm)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("add_counselor_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.secret.text() != self.confirm.text():
            self.refused(self.tr("The two entries are not the same. Type them again."))
            return
        self.accept()

    def refused(self, text: str) -> None:
        self.message.setText(text)


def install_session_lock(window: QMainWindow, ctx: AppContext) -> SessionLock:
    """Called once by ``MainWindow.attach``."""
    return SessionLock(window, ctx)
