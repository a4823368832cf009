"""Settings: who works at this desk, the app's language, and where the data lives.

Changes to the center, the counselor or the agency apply when the app restarts, because every open service is
bound to the person and center it was opened with; the page says so rather than half-applying them.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.profiles import available_profiles, load_profile
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.first_run_dialog import role_labels
from counselor_app.ui.widgets import banner, button, heading, paragraph


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.desk.settings
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings"), self))

        desk_box = QGroupBox(self.tr("This desk"), self)
        form = QFormLayout(desk_box)
        self.agency = QComboBox(desk_box)
        for pid in available_profiles(data_dir=ctx.desk.paths.root):
            try:
                prof = load_profile(pid, data_dir=ctx.desk.paths.root)
                self.agency.addItem(f"{prof.state_name} — {prof.agency_name}", pid)
            except Exception:  # noqa: BLE001 - a broken override must not hide the page
                self.agency.addItem(pid.upper(), pid)
        self.agency.setCurrentIndex(max(self.agency.findData(s.agency), 0))
        self.center = QLineEdit(s.center_name, desk_box)
        self.counselor = QLineEdit(s.counselor_name, desk_box)
        self.role = QComboBox(desk_box)
        for value, text in role_labels().items():
            self.role.addItem(text, value)
        self.role.setCurrentIndex(max(self.role.findData(s.counselor_role), 0))
        self.language = QComboBox(desk_box)
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        # The language on screen now (``--lang`` may differ from the saved one): the page must not contradict it.
        from counselor_app.ui.i18n import current_language

        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.block = QSpinBox(desk_box)
        self.block.setRange(0, 1000)
        self.block.setValue(s.default_offline_license_block)
        self.block.setToolTip(self.tr("Licenses this device may issue offline before its first sync reserves a "
                                      "block from the server."))
        for text, widget in ((self.tr("A&gency profile"), self.agency), (self.tr("&Career center"), self.center),
                             (self.tr("Counselor &name"), self.counselor), (self.tr("&Role"), self.role),
                             (self.tr("&Language of the app"), self.language),
                             (self.tr("&Offline licenses before first sync"), self.block)):
            label = QLabel(text, desk_box)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        layout.addWidget(desk_box)

        self.notice = banner(self, kind="info")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        self.save_button = button(self.tr("&Save settings"), self, shortcut="Ctrl+S")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.sync_button = button(self.tr("Server and s&ync settings…"), self)
        self.sync_button.clicked.connect(self._open_sync_settings)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout.addLayout(row)

        info = QGroupBox(self.tr("Data"), self)
        iform = QFormLayout(info)
        profile = ctx.desk.profile
        for text, value in ((self.tr("Data folder"), str(ctx.desk.paths.root)),
                            (self.tr("Agency"), profile.agency_name), (self.tr("Program"), profile.program.name),
                            (self.tr("Case-management system"), self.tr("{cms} (service recorded: “{label}”)").format(
                                cms=profile.case_management_system, label=profile.service_label)),
                            (self.tr("Encryption"), self._key_place())):
            iform.addRow(QLabel(text, info), paragraph(value, info))
        layout.addWidget(info)
        layout.addStretch(1)

    def _key_place(self) -> str:
        """Where the database key really is: the status bar and this page must say the same."""
        import keyring

        from counselor_app.core.keystore import ThrowawayKeyring

        if isinstance(keyring.get_keyring(), ThrowawayKeyring):
            return self.tr("The database is encrypted; its key is kept in memory only and is lost when the app "
                           "closes (demo data).")
        return self.tr("The database is encrypted; its key is kept in this computer's keyring.")

    def save(self) -> None:
        desk = self.ctx.desk
        s = desk.settings
        restart_needed = (s.agency != self.agency.currentData() or s.center_name != self.center.text().strip()
                          or s.counselor_name != self.counselor.text().strip()
                          or s.counselor_role != self.role.currentData()
                          or s.ui_language != self.language.currentData())
        if not self.center.text().strip() or not self.counselor.text().strip():
            self.notice.setText(self.tr("Enter the career center and the counselor's name."))
            self.notice.setVisible(True)
            return
        s.agency = str(self.agency.currentData())
        s.center_name = " ".join(self.center.text().split())
        s.counselor_name = " ".join(self.counselor.text().split())
        s.counselor_role = str(self.role.currentData())
        s.ui_language = str(self.language.currentData())
        s.default_offline_license_block = self.block.value()

        def done(_: Any) -> None:
            self.notice.setText(self.tr("Saved. Restart the app for the new name, center, role, agency or "
                                        "language to take effect.") if restart_needed else self.tr("Saved."))
            self.notice.setVisible(True)

        self.ctx.collection_op(self, desk.save_settings, success=done).run_in_background()

    def _open_sync_settings(self) -> None:
        try:
            module = importlib.import_module("counselor_app.ui.sync_settings_dialog")
        except ModuleNotFoundError:
            self.notice.setText(self.tr("Server settings are not installed in this build."))
            self.notice.setVisible(True)
            return
        dialog_cls = getattr(module, "SyncSettingsDialog", None)
        if dialog_cls is None:
            return
        dialog = dialog_cls(self.ctx, self)
        dialog.open()
