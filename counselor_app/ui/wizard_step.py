"""The contract between the appointment wizard and each of its steps (``wizard_*_page.py``).

A step shows one part of the appointment, keeps its half-typed input in a JSON-safe ``draft()`` so the wizard can
autosave it after every change, and decides in ``go_next`` whether (and where) the appointment moves on: it may
run a background operation first (record the attestation, issue the license) and call ``proceed`` from the
operation's callback. Steps never call each other; shared facts live in ``wizard.state``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from counselor_app.ui.appointment_wizard import AppointmentWizard
    from counselor_app.ui.wizard_state import WizardState

#: ``proceed(step_id)``: move to ``step_id``; ``None``: the next step in order; ``STAY``: remain here (the
#: step showed why, e.g. field errors or a refusal).
Proceed = Callable[[str | None], None]
STAY = ""


class WizardStep(QWidget):
    step_id = ""
    changed = Signal()
    #: Ask the wizard to refresh its buttons (e.g. the Next label changed after a verdict).
    buttons_changed = Signal()

    def __init__(self, wizard: AppointmentWizard) -> None:
        super().__init__(None)
        self.wizard = wizard
        self.ctx = wizard.ctx
        self.setObjectName(f"step_{self.step_id}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget(self.scroll_area)
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area)

    # -- what the wizard asks -------------------------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def next_label(self) -> str:
        return self.tr("&Next")

    def next_enabled(self) -> bool:
        return True

    def can_go_back(self) -> bool:
        return True

    def enter(self) -> None:
        """Called each time the step is shown: refresh from ``wizard.state``."""

    def draft(self) -> dict[str, Any]:
        return {}

    def restore(self, draft: dict[str, Any]) -> None:
        """Put back what was typed (after a resume)."""

    def go_next(self, proceed: Proceed) -> None:
        proceed(None)

    def focus_first(self) -> None:
        self.focusNextChild()

    # -- helpers --------------------------------------------------------------------------------------------
    @property
    def state(self) -> WizardState:
        return self.wizard.state

    def mark_changed(self, *_args: Any) -> None:
        self.changed.emit()
