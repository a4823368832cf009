"""The agency's mail relay for reminders: host, port, security, sign-in and sender. The password goes to the
keyring (``core/reminder_sender.configure_relay``) and is never shown again; leave it empty to keep it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from counselor_app.ui.app_context import AppContext
from counselor_app.ui.operations import error_message
from counselor_app.ui.widgets import error_label


class MailRelayDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.desk.settings
        self.setWindowTitle(self.tr("Mail relay for reminders"))
        form = QFormLayout(self)
        self.host = QLineEdit(s.smtp_host, self)
        self.host.setPlaceholderText("smtp.agency.example.gov")
        form.addRow(self.tr("&Relay host:"), self.host)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(s.smtp_port)
        form.addRow(self.tr("&Port:"), self.port)
        self.security = QComboBox(self)
        self.security.addItem(self.tr("STARTTLS (usually port 587)"), "starttls")
        self.security.addItem(self.tr("TLS (usually port 465)"), "tls")
        self.security.addItem(self.tr("None (a relay on this computer only)"), "none")
        self.security.setCurrentIndex(max(0, self.security.findData(s.smtp_security)))
        form.addRow(self.tr("&Security:"), self.security)
        self.username = QLineEdit(s.smtp_username, self)
        form.addRow(self.tr("&User name:"), self.username)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the saved password"))
        form.addRow(self.tr("Pass&word:"), self.password)
        self.sender_edit = QLineEdit(s.smtp_sender, self)
        self.sender_edit.setPlaceholderText("reminders@agency.example.gov")
        form.addRow(self.tr("Sender &address:"), self.sender_edit)
        self.sender_name = QLineEdit(s.smtp_sender_name, self)
        form.addRow(self.tr("Sender &name:"), self.sender_name)
        self.window_days = QSpinBox(self)
        self.window_days.setRange(0, 365)
        self.window_days.setValue(s.reminder_window_days)
        form.addRow(self.tr("Not the same reminder again within (&days):"), self.window_days)
        self.error = error_label(self)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        from counselor_app.core.reminder_sender import configure_relay

        desk = self.ctx.desk
        values: dict[str, Any] = dict(
            host=self.host.text(), port=self.port.value(), security=self.security.currentData(),
            username=self.username.text(), sender=self.sender_edit.text(), sender_name=self.sender_name.text(),
            ca_bundle=desk.settings.smtp_ca_bundle, password=self.password.text() or None,
            window_days=self.window_days.value())

        def failed(exc: BaseException) -> None:
            self.error.setText(error_message(exc))
            self.error.setVisible(True)

        self.ctx.collection_op(self, lambda: configure_relay(desk, **values)) \
            .success(lambda _: self.accept()).failure(failed).run_in_background()
