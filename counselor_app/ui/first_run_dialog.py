"""First run: whose desk is this? Agency profile, center and counselor name, saved to ``settings.json``.

Every record the desk writes carries the counselor and center, so the app asks once before anything else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.profiles import available_profiles, load_profile
from counselor_app.core.settings import Settings
from counselor_app.core.vocabulary import Role
from counselor_app.ui.widgets import error_label, heading, paragraph


def role_labels() -> dict[str, str]:
    tr = QCoreApplication
    return {Role.COUNSELOR: tr.translate("FirstRunDialog", "Counselor"),
            Role.SUPERVISOR: tr.translate("FirstRunDialog", "Supervisor"),
            Role.ADMINISTRATOR: tr.translate("FirstRunDialog", "Program administrator")}


class FirstRunDialog(QDialog):
    def __init__(self, settings: Settings, *, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Welcome to Counselor Desk"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Set up this desk"), self))
        layout.addWidget(paragraph(self.tr(
            "Counselor Desk records who issued each license and where. Enter your agency, your career center and "
            "your name. You can change them later in Settings."), self))
        form = QFormLayout()
        self.agency = QComboBox(self)
        self.agency.setObjectName("agency")
        for pid in available_profiles(data_dir=data_dir):
            try:
                profile = load_profile(pid, data_dir=data_dir)
                text = f"{profile.state_name} — {profile.agency_name}"
            except Exception:  # noqa: BLE001 - a broken override must not block set-up
                text = pid
            self.agency.addItem(text, pid)
        idx = self.agency.findData(settings.agency)
        self.agency.setCurrentIndex(max(idx, 0))
        self.center = QLineEdit(settings.center_name, self)
        self.center.setObjectName("center_name")
        self.center.setPlaceholderText(self.tr("e.g. MassHire Boston Career Center"))
        self.counselor = QLineEdit(settings.counselor_name, self)
        self.counselor.setObjectName("counselor_name")
        self.counselor.setPlaceholderText(self.tr("Your name as colleagues know it"))
        self.role = QComboBox(self)
        for value, text in role_labels().items():
            self.role.addItem(text, value)
        self.role.setCurrentIndex(max(self.role.findData(settings.counselor_role), 0))
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(max(self.language.findData(settings.ui_language), 0))
        self.error = error_label(self)
        for text, widget in ((self.tr("&Agency"), self.agency), (self.tr("&Career center"), self.center),
                             (self.tr("Your &name"), self.counselor), (self.tr("&Role"), self.role),
                             (self.tr("&Language of the app"), self.language)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start"))
        ok.setObjectName("first_run_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        center = " ".join(self.center.text().split())
        name = " ".join(self.counselor.text().split())
        if not center or not name:
            self.error.setText(self.tr("Enter the career center and your name."))
            self.error.setVisible(True)
            (self.center if not center else self.counselor).setFocus()
            return
        self.settings.agency = str(self.agency.currentData())
        self.settings.center_name = center
        self.settings.counselor_name = name
        self.settings.counselor_role = str(self.role.currentData())
        self.settings.ui_language = str(self.language.currentData())
        self.accept()
