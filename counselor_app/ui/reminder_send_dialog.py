"""The send preview: how many people a reminder reaches (and who is left out, and why), the first messages exactly
as they will go out, then Send with progress and Cancel. The sending itself is ``core/reminder_sender.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.operations import NETWORK
from counselor_app.ui.widgets import heading, make_primary, paragraph


class ReminderSendDialog(QDialog):
    """``sent(text)`` carries the result sentence for the page."""

    sent = Signal(str)

    def __init__(self, ctx: AppContext, plan: Any, messages: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from counselor_app.ui.outcomes_page import reminder_list_labels

        self.ctx, self.plan = ctx, plan
        self.setWindowTitle(self.tr("Send reminders"))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        title = reminder_list_labels().get(plan.list_name, plan.list_name)
        layout.addWidget(heading(title, self, level=2))
        self.count_label = paragraph(self.count_text(), self)
        self.count_label.setObjectName("send_count")
        layout.addWidget(self.count_label)
        self.previews = QTabWidget(self)
        self.previews.setAccessibleName(self.tr("First messages"))
        languages = labels.language_labels()
        for i, message in enumerate(messages, 1):
            view = QPlainTextEdit(self.previews)
            view.setReadOnly(True)
            view.setPlainText(self.tr("To: {to}\nSubject: {subject}\n\n{body}").format(
                to=message.to, subject=message.subject, body=message.body))
            self.previews.addTab(view, self.tr("Message {n} ({language})").format(
                n=i, language=languages.get(message.language, message.language)))
        if not messages:
            layout.addWidget(paragraph(self.tr("Nobody is on this list for e-mail today."), self))
            self.previews.setVisible(False)
        layout.addWidget(self.previews, 1)
        buttons = QDialogButtonBox(self)
        self.send_button = make_primary(QPushButton(self.tr("&Send {n} e-mails").format(n=len(plan.emails)), self))
        self.send_button.setEnabled(bool(plan.emails))
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.texts_button = QPushButton(self.tr("Save &texts file…"), self)
        self.texts_button.setEnabled(bool(plan.texts))
        buttons.addButton(self.texts_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.send_button.clicked.connect(self.send)
        self.texts_button.clicked.connect(self.ask_texts)
        layout.addWidget(buttons)

    def count_text(self) -> str:
        p = self.plan
        text = self.tr("{emails} e-mails will be sent and {texts} people prefer text messages.").format(
            emails=len(p.emails), texts=len(p.texts))
        if p.left_out_no_consent:
            text += " " + self.tr("{n} left out: they did not agree to be contacted.").format(n=p.left_out_no_consent)
        if p.skipped_recent:
            text += " " + self.tr("{n} left out: they had this reminder in the last {days} days.").format(
                n=p.skipped_recent, days=p.window_days)
        if p.no_phone_for_text:
            text += " " + self.tr("{n} prefer texts but have no phone number.").format(n=p.no_phone_for_text)
        return text

    def send(self) -> None:
        from counselor_app.core.reminder_sender import send_reminders

        desk, plan = self.ctx.desk, self.plan
        self.send_button.setEnabled(False)
        template = self.tr("Sending {done} of {total}…")

        def work(task: Any) -> Any:
            return send_reminders(desk, plan, cancel=task.cancel, progress=lambda done, total: task.progress(
                done, total, template.format(done=done, total=total)))

        def done(report: Any) -> None:
            text = self.tr("Sent {sent}; {failed} could not be delivered; {later} will be tried again later.").format(
                sent=report.sent, failed=report.failed_permanent, later=report.failed_temporary)
            if report.cancelled:
                text = self.tr("Cancelled.") + " " + text
            self.sent.emit(text)
            self.accept()

        # The network worker, like sync: the SMTP conversation must not hold the write queue (each claim and
        # result is its own short transaction in the core) while counselors save records.
        self.ctx.collection_op(self, work).on_executor(NETWORK).success(done) \
            .finally_(lambda: self.send_button.setEnabled(bool(plan.emails))) \
            .with_progress(self.tr("Sending reminders…"), cancellable=True).run_in_background()

    def ask_texts(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        start = str(self.ctx.desk.paths.exports_dir / f"texts-{self.plan.list_name}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the texts file"), start, self.tr("CSV file (*.csv)"))
        if path:
            self.write_texts_to(Path(path))

    def write_texts_to(self, path: Any) -> None:
        from counselor_app.core.reminder_sender import export_texts

        desk, plan = self.ctx.desk, self.plan
        self.ctx.collection_op(self, lambda: export_texts(desk, plan, path)) \
            .success(lambda n: self.sent.emit(self.tr("{n} text messages saved to {path}.").format(n=n, path=path))) \
            .run_in_background()
