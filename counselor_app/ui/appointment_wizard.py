"""The appointment, step by step, with the job seeker sitting in front of the counselor.

Find or register → eligibility attestation → background and goals → recommendations → learning plan →
license → summary. Explicit steps in a ``QStackedWidget`` (not ``QWizard``) because the path branches (a person
who is not eligible goes straight to the summary) and every step needs its own wording on the Next button.

Nothing typed is ever lost: every change is autosaved (debounced, committed) with
``desk.appointments.save_wizard_state``, and an appointment interrupted by a crash or a power cut reopens at the
step where it stopped with everything that was typed.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import Written
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.core_messages import error_words
from counselor_app.ui.widgets import button, heading, make_primary, separator
from counselor_app.ui.wizard_state import WizardState
from counselor_app.ui.wizard_step import STAY, WizardStep

log = logging.getLogger(__name__)

AUTOSAVE_MS = 400
# In the saved wizard state: when the counselor paused the appointment (cleared by the next save).
PAUSED_KEY = "paused_at"
STEP_ORDER = ("find", "eligibility", "background", "recommendations", "plan", "license", "summary")


class _SaveGate:
    """Orders autosaves: an older snapshot finishing late must never overwrite a newer one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._saved = 0

    def claim(self, seq: int) -> bool:
        with self._lock:
            if seq <= self._saved:
                return False
            self._saved = seq
            return True


class ClickGuard(QObject):
    """Swallows mouse clicks on a button for one double-click interval after it changed meaning.

    The wizard's primary button stays in one place while its meaning changes ("Issue the license" becomes
    "Finish the appointment"): the second click of a double-click, or an impatient second click, must not land on
    the new action. Keys are never swallowed: Enter is deliberate.
    """

    MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._since = QElapsedTimer()
        self._last_press: int | None = None  # the event timestamp (ms) of the last press that went through
        self._changed_since_press = False
        target.installEventFilter(self)

    def arm(self) -> None:
        self._since.start()
        self._changed_since_press = True

    @property
    def armed(self) -> bool:
        return self._since.isValid() and self._since.elapsed() < QApplication.doubleClickInterval()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in self.MOUSE:
            return False
        interval = QApplication.doubleClickInterval()
        stamp = event.timestamp()  # type: ignore[attr-defined]
        # By the events' own clock: a click that waited in the queue while the last one was being handled
        # (a slow step change) is still the second half of that double-click.
        if self._changed_since_press and self._last_press is not None and 0 <= stamp - self._last_press < interval:
            return True
        if self.armed:
            return True
        if event.type() == QEvent.Type.MouseButtonPress:
            self._last_press = stamp
            self._changed_since_press = False
        return False


class AppointmentWizard(QWidget):
    """``finished()`` after the appointment is completed; ``paused()`` when the counselor steps away from it."""

    finished = Signal()
    paused = Signal()
    step_changed = Signal(str)

    def __init__(self, ctx: AppContext, *, appointment_id: str, job_seeker_id: str | None = None,
                 step: str | None = None, state: Mapping[str, Any] | WizardState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("appointment_wizard")
        self.appointment_id = appointment_id
        # Typed and versioned (wizard_state.py); a dict is what autosave stored (any version).
        self.state: WizardState = copy.deepcopy(state) if isinstance(state, WizardState) \
            else WizardState.from_json(state)
        if job_seeker_id and not self.state.job_seeker_id:
            self.state.job_seeker_id = job_seeker_id
        self._seq = 0
        self._gate = _SaveGate()
        self._dirty = False
        self._busy = False
        self._completed = False
        self._paused = False  # the counselor pressed Pause and has not worked in it since

        from counselor_app.ui.wizard_background_page import BackgroundStep
        from counselor_app.ui.wizard_eligibility_page import EligibilityStep
        from counselor_app.ui.wizard_find_page import FindStep
        from counselor_app.ui.wizard_license_page import LicenseStep
        from counselor_app.ui.wizard_plan_page import PlanStep
        from counselor_app.ui.wizard_recommendations_page import RecommendationsStep
        from counselor_app.ui.wizard_summary_page import SummaryStep

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title_label = heading("", self)
        self.title_label.setObjectName("wizard_title")
        top.addWidget(self.title_label, 1)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("autosave_label")
        self.saved_label.setAccessibleName(self.tr("Autosave"))
        top.addWidget(self.saved_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.person_label = QLabel(self)
        self.person_label.setObjectName("wizard_person")
        self.person_label.setWordWrap(True)
        layout.addWidget(self.person_label)
        self.steps_label = QLabel(self)
        self.steps_label.setObjectName("wizard_steps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)
        self.steps_label.setAccessibleName(self.tr("Steps of the appointment"))
        layout.addWidget(self.steps_label)
        layout.addWidget(separator(self))

        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.steps: dict[str, WizardStep] = {}
        step_classes: tuple[type[WizardStep], ...] = (
            FindStep, EligibilityStep, BackgroundStep, RecommendationsStep, PlanStep, LicenseStep, SummaryStep)
        for cls in step_classes:
            page = cls(self)
            self.steps[page.step_id] = page
            self.stack.addWidget(page)
            page.changed.connect(self.schedule_autosave)
            page.buttons_changed.connect(self.update_buttons)

        layout.addWidget(separator(self))
        buttons = QHBoxLayout()
        # The four buttons under every step carry no Alt letters: the fields of the steps need them all, and
        # each button has its own key (Enter, Alt+Left, Ctrl+Shift+P, Ctrl+Shift+E).
        self.pause_button = button(self.tr("Pause (back to Today)"), self, shortcut="Ctrl+Shift+P", tooltip=self.tr(
            "Keep this appointment open and go to the Today page; everything typed is saved"))
        self.pause_button.setObjectName("wizard_pause")
        self.pause_button.clicked.connect(self.pause)
        self.end_button = button(self.tr("End early…"), self, shortcut="Ctrl+Shift+E", tooltip=self.tr(
            "The job seeker has to leave: go to the summary and record the outcome"))
        self.end_button.setObjectName("wizard_end_early")
        self.end_button.clicked.connect(lambda: self.go_to_step("summary"))
        self.back_button = button(self.tr("Back"), self, shortcut="Alt+Left")
        self.back_button.setObjectName("wizard_back")
        self.back_button.clicked.connect(self.back)
        self.next_button = make_primary(button(self.tr("&Next"), self, default=True))
        self.next_button.setObjectName("wizard_next")
        self.next_button.clicked.connect(self.next)
        self.click_guard = ClickGuard(self.next_button)
        self.next_button.setProperty("key", "Enter")  # see keyPressEvent
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)

        for step_id, draft in self.state.pages.items():
            saved = self.steps.get(step_id)
            if saved is not None and isinstance(draft, dict):
                saved.restore(draft)
        start = step if step in self.steps else ("eligibility" if self.state.job_seeker_id else "find")
        self.history: list[str] = list(self.state.history)
        self._show(start, record=False)

    # -- navigation -----------------------------------------------------------------------------------------
    @property
    def current(self) -> WizardStep:
        page = self.stack.currentWidget()
        assert isinstance(page, WizardStep)
        return page

    @property
    def current_step(self) -> str:
        return self.current.step_id

    def _show(self, step_id: str, *, record: bool = True) -> None:
        if record and self.stack.currentWidget() is not None:
            prev = self.current_step
            if prev != step_id:
                self.history.append(prev)
        page = self.steps[step_id]
        self.stack.setCurrentWidget(page)
        self.state.history = list(self.history)
        page.enter()
        self.update_header()
        self.update_buttons()
        self.step_changed.emit(step_id)
        self.focus_current()
        self.save_now()

    def go_to_step(self, step_id: str) -> None:
        self._paused = False
        self.state.pages[self.current_step] = self.current.draft()
        self._show(step_id)

    def next(self) -> None:
        if self._busy or not self.next_button.isEnabled():
            return
        self._paused = False
        page = self.current
        self.state.pages[page.step_id] = page.draft()
        self.set_busy(True)

        def proceed(target: str | None) -> None:
            self.set_busy(False)
            if page is not self.current or target == STAY:
                self.update_buttons()
                return
            if target is None:
                idx = STEP_ORDER.index(page.step_id)
                if idx + 1 >= len(STEP_ORDER):
                    return
                target = STEP_ORDER[idx + 1]
            self._show(target)

        try:
            page.go_next(proceed)
        except Exception:
            self.set_busy(False)
            raise

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Shown again (resumed from Today or the navigation): no longer paused."""
        self._paused = False
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter anywhere in a step (a field, a radio button, a check box) is the primary button; fields that
        take Enter themselves (notes, lists) never pass it up here."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isEnabled():
            event.accept()
            self.next()
            return
        super().keyPressEvent(event)

    def back(self) -> None:
        if self._busy or not self.history or not self.current.can_go_back():
            return
        self._paused = False
        self.state.pages[self.current_step] = self.current.draft()
        target = self.history.pop()
        self._show(target, record=False)

    def pause(self) -> None:
        self._paused = True  # until the counselor works in it again: closing it later keeps the mark
        self.flush_autosave(paused=True)
        self.paused.emit()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.update_buttons()

    def update_buttons(self) -> None:
        page = self.current
        if self.next_button.text() != page.next_label().replace("&", ""):
            self.click_guard.arm()
        label = page.next_label().replace("&", "")  # Enter is its key; its Alt letter would clash with a field's
        self.next_button.setText(label)
        self.next_button.setAccessibleName(label)
        self.next_button.setToolTip(label + " (Enter)")
        self.next_button.setEnabled(not self._busy and page.next_enabled())
        self.back_button.setEnabled(not self._busy and bool(self.history) and page.can_go_back())
        issued = bool(self.state.issuance)
        self.end_button.setVisible(page.step_id != "summary" and not self._completed)
        self.end_button.setEnabled(not self._busy and not issued)

    def update_header(self) -> None:
        name = self.state.job_seeker_name or ""
        self.title_label.setText(self.tr("Appointment with {name}").format(name=name) if name
                                 else self.tr("New appointment"))
        email = self.state.email or ""
        self.person_label.setText(email)
        self.person_label.setVisible(bool(email))
        parts = []
        current = self.current_step
        for i, step_id in enumerate(STEP_ORDER, 1):
            text = f"{i}. {self.steps[step_id].title()}"
            parts.append(f"<b><u>{text}</u></b>" if step_id == current else text)
        self.steps_label.setText(" &nbsp;›&nbsp; ".join(parts))
        self.steps_label.setAccessibleDescription(self.tr("Step {n} of {total}: {title}").format(
            n=STEP_ORDER.index(current) + 1, total=len(STEP_ORDER), title=self.steps[current].title()))

    def focus_current(self) -> None:
        self.current.focus_first()

    # -- shared facts ---------------------------------------------------------------------------------------
    def set_job_seeker(self, seeker: Any) -> None:
        """The person this appointment is for (a ``JobSeeker`` record)."""
        previous = self.state.job_seeker_id
        if previous and previous != seeker.id:
            # A different person: what was recorded for the previous one does not carry over.
            self.state.forget_person()
            for step_id in ("eligibility", "background", "recommendations", "plan", "license", "summary"):
                self.state.pages.pop(step_id, None)
                self.steps[step_id].restore({})
        self.state.job_seeker_id = seeker.id
        self.state.job_seeker_name = seeker.full_name
        self.state.email = seeker.email or ""
        self.state.preferred_language = getattr(seeker, "preferred_language", None) or "en"
        self.update_header()

    @property
    def job_seeker_id(self) -> str | None:
        return self.state.job_seeker_id

    # -- autosave -------------------------------------------------------------------------------------------
    def schedule_autosave(self) -> None:
        self._paused = False  # something was typed: the appointment is being worked on again
        self._dirty = True
        self._timer.start()

    def _snapshot(self, *, paused: bool = False) -> tuple[int, str, dict[str, Any], str | None]:
        self.state.pages[self.current_step] = self.current.draft()
        # Today tells a paused appointment (the counselor stepped away) from one the app was closed on. A paused
        # wizard put away later (another appointment opened, the front desk started one) stays paused.
        if paused or self._paused:
            self.state.extra[PAUSED_KEY] = datetime.now(UTC).isoformat(timespec="seconds")
        else:
            self.state.extra.pop(PAUSED_KEY, None)
        self._seq += 1
        return self._seq, self.current_step, self.state.to_json(), self.state.job_seeker_id

    def autosave(self) -> None:
        """Queue a save of the current state on the write worker (debounced by ``schedule_autosave``)."""
        if self._completed:
            return
        self._timer.stop()
        self._dirty = False
        seq, step, state, jsid = self._snapshot()
        desk = self.ctx.desk
        gate = self._gate

        def work() -> Written | None:
            if not gate.claim(seq):
                return None
            return desk.appointments.save_wizard_state(self_id, step=step, state=state, job_seeker_id=jsid)

        self_id = self.appointment_id
        self.ctx.collection_op(None, work, success=self._saved) \
            .failure(lambda exc: self._save_failed(exc)).run_in_background()

    def save_now(self) -> None:
        self.autosave()

    def _saved(self, wrote: Written | None) -> None:
        if wrote is not None and not self._completed:
            try:
                self.saved_label.setText(self.tr("✓ Saved"))
            except RuntimeError:  # the wizard was closed meanwhile
                pass

    def _save_failed(self, exc: BaseException) -> None:
        log.error("Autosave failed: %s", exc)
        try:
            self.saved_label.setText(self.tr("⚠ Not saved: {error}").format(error=error_words(exc)[:120]))
        except RuntimeError:
            pass

    def flush_autosave(self, *, paused: bool = False) -> None:
        """Save what is on screen right now, on this thread (closing, pausing): a few milliseconds, and certain."""
        if self._completed:
            return
        self._timer.stop()
        self._dirty = False
        seq, step, state, jsid = self._snapshot(paused=paused)
        if self._gate.claim(seq):
            try:
                self.ctx.desk.appointments.save_wizard_state(self.appointment_id, step=step, state=state,
                                                             job_seeker_id=jsid)
            except Exception as exc:  # noqa: BLE001 - closing must go on; the previous autosave stands
                log.error("Final autosave failed: %s", exc)

    def mark_completed(self) -> None:
        """After ``complete()``: stop autosaving (the appointment is a record now, not a draft)."""
        self._completed = True
        self._timer.stop()
        self.update_buttons()
