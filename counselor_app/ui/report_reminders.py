"""The Reports page's reminder lists: which list, how many days, the message to copy and the list
to export as CSV for the counselor's mail program.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.reports import ReportFilter
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.widgets import button, paragraph

if TYPE_CHECKING:  # the type checker sees the widget this mixin is part of (``self.tr``, ``self`` as parent)
    _PageBase = QWidget
else:
    _PageBase = object


class ReportReminders(_PageBase):
    """The reminders half of ``ReportsPage`` (a mixin: counts come from the page's refresh)."""

    ctx: AppContext
    reminder_counts: dict[str, int]

    def report_filter(self) -> ReportFilter:  # provided by the page
        raise NotImplementedError

    if TYPE_CHECKING:
        def _save_path(self, title: str, name: str, pattern: str) -> Path | None: ...  # ReportFileActions

    def _build_reminders(self, parent: QWidget) -> QGroupBox:
        from counselor_app.core.reminders import REMINDER_LISTS

        box = QGroupBox(self.tr("Reminder lists"), parent)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.reminder_list = QComboBox(box)
        self.reminder_list.setAccessibleName(self.tr("Reminder list"))
        for name, spec in REMINDER_LISTS.items():
            self.reminder_list.addItem(self.reminder_texts().get(name, (spec.title, ""))[0], name)
        self.reminder_days = QSpinBox(box)
        self.reminder_days.setRange(1, 365)
        self.reminder_days.setSuffix(self.tr(" days"))
        self.reminder_days.setAccessibleName(self.tr("Days"))
        self.reminder_export = button(self.tr("Export &list…"), box,
                                      tooltip=self.tr("Names and e-mail addresses as CSV, for your mail program"))
        self.copy_message = button(self.tr("&Copy message"), box)
        row.addWidget(self.reminder_list)
        row.addWidget(self.reminder_days)
        row.addStretch(1)
        row.addWidget(self.reminder_export)
        row.addWidget(self.copy_message)
        layout.addLayout(row)
        self.reminder_info = paragraph("", box)
        layout.addWidget(self.reminder_info)
        self.message = QPlainTextEdit(box)
        self.message.setReadOnly(True)
        self.message.setAccessibleName(self.tr("Reminder message"))
        self.message.setMinimumHeight(140)
        layout.addWidget(self.message)
        self.reminder_list.currentIndexChanged.connect(self._reminder_changed)
        self.reminder_days.valueChanged.connect(self._show_message)
        self.reminder_export.clicked.connect(self._ask_reminder_export)
        self.copy_message.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.message.toPlainText()))
        self._reminder_changed()
        return box

    def reminder_texts(self) -> dict[str, tuple[str, str]]:
        """Title and description of the core's reminder lists, in the UI language."""
        return {
            "invited_not_joined": (self.tr("Invited, not joined"), self.tr(
                "Licenses that were sent to the provider, but the learner does not appear in any usage report yet: "
                "the invitation may be in a spam folder, or was never opened.")),
            "joined_no_course": (self.tr("Joined, no course"), self.tr(
                "Learners who accepted the invitation but have not enrolled in any course.")),
            "inactive": (self.tr("Inactive"), self.tr(
                "Learners with an unfinished course and no activity for the given number of days.")),
            "deadline_near": (self.tr("Completion deadline near"), self.tr(
                "Learners with an unfinished course when the program's complete-by date is within the given "
                "number of days.")),
        }

    def _reminder_changed(self) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS

        spec = REMINDER_LISTS[self.reminder_list.currentData()]
        self.reminder_days.setEnabled(spec.default_days is not None)
        self.reminder_days.blockSignals(True)
        self.reminder_days.setValue(spec.default_days or 14)
        self.reminder_days.blockSignals(False)
        self._show_message()

    def _show_message(self) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS, reminder_message

        name = self.reminder_list.currentData()
        spec = REMINDER_LISTS[name]
        days = self.reminder_days.value() if spec.default_days is not None else None
        msg = reminder_message(self.ctx.profile, name, today=self.ctx.today(), days=days)
        self.message.setPlainText(msg.as_text())
        count = self.reminder_counts.get(name)
        people = "" if count is None or days not in (None, spec.default_days) else " " + self.tr(
            "{n:,} people on this list.").format(n=count)
        self.reminder_info.setText(self.reminder_texts().get(name, ("", spec.description))[1] + people)

    def _ask_reminder_export(self) -> None:
        name = self.reminder_list.currentData()
        path = self._save_path(self.tr("Save the reminder list"), f"reminders-{name}-{self.ctx.today()}.csv",
                               self.tr("CSV file (*.csv)"))
        if path is not None:
            self.export_reminders_to(path)

    def export_reminders_to(self, path: Path) -> None:
        from counselor_app.core.reminders import REMINDER_LISTS, build_reminder_list, export_reminder_csv

        desk, f = self.ctx.desk, self.report_filter()
        name = self.reminder_list.currentData()
        days = self.reminder_days.value() if REMINDER_LISTS[name].default_days is not None else None

        def work(task: Any) -> Any:
            reminders = build_reminder_list(desk, name, days=days, report_filter=f)
            return reminders, export_reminder_csv(desk, reminders, path, cancel=task.cancel)

        def done(result: Any) -> None:
            reminders, count = result
            text = self.tr("{count:,} people written to {path}.").format(count=count, path=path)
            if reminders.left_out_no_consent:
                text += " " + self.tr("{n:,} left out: they did not consent to be contacted.").format(
                    n=reminders.left_out_no_consent)
            if reminders.note:
                text += " " + reminders.note
            self.reminder_info.setText(text)

        self.ctx.collection_op(self, work).success(done) \
            .with_progress(self.tr("Writing the reminder list…"), cancellable=True).run_in_background()
