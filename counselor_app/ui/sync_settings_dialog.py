"""The agency server: its address, the agency's CA bundle, how often to sync, and signing in or out.

Signing in runs in the background (the server may be slow); the password is never stored, only the session
token, which goes to the system keyring. ``SyncSettingsDialog(ctx, parent)``; ``open()`` or ``exec()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.vocabulary import Role
from counselor_app.sync import protocol
from counselor_app.sync.service import session_info, sign_in, sign_out
from counselor_app.sync.transport import normalize_server_url
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.labels import format_when
from counselor_app.ui.operations import NETWORK, error_message
from counselor_app.ui.widgets import banner, button, heading, html_escape, set_banner_kind


class SyncSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, reason: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Agency server"))
        self.setObjectName("syncSettingsDialog")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 96)  # room for an https address in full
        settings = ctx.desk.settings
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Agency server and sign-in"), self, level=2))
        self.message = banner(self, kind="warn" if reason else "info")
        self.message.setText(html_escape(reason))
        self.message.setVisible(bool(reason))
        layout.addWidget(self.message)

        form = QFormLayout()
        self.server_url = QLineEdit(settings.server_url, self)
        self.server_url.setPlaceholderText("https://sync.example.gov")
        self.ca_bundle = QLineEdit(settings.ca_bundle, self)
        self.ca_bundle.setPlaceholderText(self.tr("(the computer's trusted certificates)"))
        browse = button(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 240)
        self.interval.setSuffix(self.tr(" minutes"))
        self.interval.setValue(max(1, settings.sync_interval_minutes))
        self.username = QLineEdit(settings.counselor_username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.sign_in)
        for text, widget in ((self.tr("Server &address"), self.server_url),
                             (self.tr("Agency &CA bundle (optional)"), ca_row),
                             (self.tr("Sync &every"), self.interval), (self.tr("&User name"), self.username),
                             (self.tr("&Password"), self.password)):
            label = QLabel(text, self)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
                widget.setAccessibleName(text.replace("&", ""))
            else:
                label.setBuddy(self.ca_bundle)
                self.ca_bundle.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        layout.addLayout(form)

        self.session_label = QLabel(self)
        self.session_label.setWordWrap(True)
        self.session_label.setObjectName("sessionLabel")
        layout.addWidget(self.session_label)

        row = QHBoxLayout()
        self.sign_in_button = button(self.tr("&Sign in"), self, default=True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button = button(self.tr("Sign &out"), self)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.save_button = button(self.tr("Sa&ve without signing in"), self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.sign_out_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        closer = QDialogButtonBox(self)
        closer.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        closer.rejected.connect(self.reject)
        layout.addWidget(closer)
        self.refresh_session()
        (self.password if self.server_url.text() and self.username.text() else self.server_url).setFocus()

    # -- helpers --------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The agency's CA certificates"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    def _say(self, text: str, kind: str = "info") -> None:
        set_banner_kind(self.message, kind)
        self.message.setText(html_escape(text))
        self.message.setVisible(bool(text))

    def _url(self) -> str | None:
        try:
            return normalize_server_url(self.server_url.text())
        except ValueError as exc:
            self._say(str(exc), "error")
            self.server_url.setFocus()
            return None

    def _apply_fields(self, url: str) -> None:
        settings = self.ctx.desk.settings
        settings.server_url = url
        settings.ca_bundle = self.ca_bundle.text().strip()
        settings.sync_interval_minutes = self.interval.value()

    def refresh_session(self) -> None:
        desk = self.ctx.desk
        self.ctx.query(self, lambda: session_info(desk), self._show_session).run_in_background()

    def _show_session(self, info: dict[str, Any] | None) -> None:
        self.sign_out_button.setEnabled(info is not None)
        if info is None:
            self.session_label.setText(self.tr("Not signed in to the agency server."))
            return
        roles: dict[str, str] = {Role.COUNSELOR: self.tr("counselor"), Role.SUPERVISOR: self.tr("supervisor"),
                 Role.ADMINISTRATOR: self.tr("administrator")}
        expires = format_when(str(info.get("expires_at", "")), year=False)
        self.session_label.setText(self.tr("Signed in as {name} ({role}, {center}); the sign-in lasts until "
                                           "{expires}.").format(name=info.get("display_name", ""),
                                                                role=roles.get(str(info.get("role")), ""),
                                                                center=info.get("center", ""), expires=expires))

    # -- actions --------------------------------------------------------------------------------------------
    def save(self) -> None:
        url = self._url()
        if url is None:
            return
        self._apply_fields(url)
        desk = self.ctx.desk
        self.ctx.collection_op(self, desk.save_settings,
                               success=lambda _: self._say(self.tr("Saved."), "ok")).run_in_background()

    def sign_in(self) -> None:
        url = self._url()
        if url is None:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self._say(self.tr("Enter your user name and password for the agency server."), "error")
            return
        # The address and CA bundle are kept only if the server accepts the sign-in (``sign_in`` saves them).
        self.ctx.desk.settings.sync_interval_minutes = self.interval.value()
        desk = self.ctx.desk
        ca_bundle = self.ca_bundle.text().strip()
        self.sign_in_button.setEnabled(False)
        self._say(self.tr("Signing in…"))

        def work() -> protocol.SessionInfo:
            return sign_in(desk, server_url=url, username=username, password=password, ca_bundle=ca_bundle)

        self.ctx.collection_op(self, work).on_executor(NETWORK) \
            .success(self._signed_in).failure(lambda exc: self._say(error_message(exc), "error")) \
            .finally_(lambda: self.sign_in_button.setEnabled(True)).run_in_background()

    def _signed_in(self, info: protocol.SessionInfo) -> None:
        self.password.clear()
        self._say(self.tr("Signed in. Syncing now."), "ok")
        self.refresh_session()
        from counselor_app.ui.sync_controller import SyncController

        SyncController.instance(self.ctx).sync_now(manual=False)

    def sign_out(self) -> None:
        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: sign_out(desk)).on_executor(NETWORK) \
            .success(self._signed_out).run_in_background()

    def _signed_out(self, _: object) -> None:
        self._say(self.tr("Signed out. Changes stay queued until you sign in again."), "info")
        self.refresh_session()
