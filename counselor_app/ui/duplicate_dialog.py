""""This person may already be registered": shown before a second record is created for the same person.

Two records for one person means two licenses from a capped pool and a confusing case file, so the counselor
chooses explicitly: open the existing record, or confirm this is a different person.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.validation import format_us_phone
from counselor_app.ui.widgets import heading

OPEN_EXISTING = 1
SAVE_ANYWAY = 2


class DuplicateDialog(QDialog):
    """``exec()`` returns ``OPEN_EXISTING`` (see ``chosen_id``), ``SAVE_ANYWAY``, or 0 for cancel."""

    def __init__(self, candidates: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.setObjectName("duplicate_dialog")
        self.candidates = list(candidates)
        self.chosen_id = ""
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("This person may already be registered"), self, level=2))
        intro = QLabel(self.tr("Ask the job seeker whether one of these is them. Opening the existing record "
                               "avoids a second license for the same person."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicate_candidates")
        self.list.setAccessibleName(self.tr("Possible matches"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for cand in self.candidates:
            details = " · ".join(x for x in (cand.email or "", format_us_phone(cand.phone)) if x)
            why = "; ".join(cand.reasons)
            why_label = self.tr("Why:")  # outside the f-string, where pyside6-lupdate can see it
            item = QListWidgetItem(f"{cand.display_name}   {details}\n    {why_label} {why}")
            item.setData(256, cand.id)
            self.list.addItem(item)
        if self.candidates:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        # ActionRole, not AcceptRole: QDialogButtonBox makes its first accept button the default when shown.
        self.open_button = buttons.addButton(self.tr("&Open the existing record"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("&Save anyway: a different person"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for btn in (self.open_button, self.save_button, cancel):
            btn.setAccessibleName(btn.text().replace("&", ""))
            # No default and no auto-default: Enter must not attach this walk-in to someone else (a phone-only
            # match is often a relative) nor create a second record. The counselor clicks or uses Alt+O / Alt+S.
            btn.setDefault(False)
            btn.setAutoDefault(False)
        self.list.setFocus()
        self.open_button.clicked.connect(self._open)
        self.save_button.clicked.connect(lambda: self.done(SAVE_ANYWAY))
        cancel.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        layout.addWidget(buttons)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen_id = str(item.data(256))
        self.done(OPEN_EXISTING)
