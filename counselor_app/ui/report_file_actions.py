"""The Reports page's file actions: the Excel summary, the provider's usage report and the daily
invitation file, each asked for with a file dialog and written in the background with progress.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from counselor_app.core.reports import ReportFilter
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.core_messages import words
from counselor_app.ui.widgets import button

if TYPE_CHECKING:  # the type checker sees the widget this mixin is part of (``self.tr``, ``self`` as parent)
    _PageBase = QWidget
else:
    _PageBase = object


class ReportFileActions(_PageBase):
    """The file-actions half of ``ReportsPage`` (a mixin: the page calls ``report_filter``)."""

    ctx: AppContext
    status_label: QLabel

    def report_filter(self) -> ReportFilter:  # provided by the page
        raise NotImplementedError

    def _build_file_actions(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = button(self.tr("&Export Excel summary…"), parent, shortcut="Ctrl+E",
                                    tooltip=self.tr("Workbook with charts and sheets by center, counselor, week "
                                                    "and course, for the filter above"))
        self.import_button = button(self.tr("&Import usage report…"), parent, shortcut="Ctrl+I",
                                    tooltip=self.tr("The provider's usage (enrollment) report, CSV or Excel"))
        self.invite_button = button(self.tr("Make i&nvitation file…"), parent,
                                    tooltip=self.tr("Yesterday's licenses (and any not sent yet) in the provider's "
                                                    "bulk-invite layout"))
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.invite_button.clicked.connect(self._ask_invitations)
        for b in (self.export_button, self.import_button, self.invite_button):
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        folder = self.ctx.desk.paths.exports_dir
        if self.ctx.demo:  # the demo's data folder is deleted on exit: offer the person's documents instead
            from PySide6.QtCore import QStandardPaths

            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            # A folder that does not exist makes the file dialog fall back to the working directory (a checkout,
            # a shared drive): offer the home folder then.
            folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        start = str(folder / name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        return Path(path) if path else None

    def _ask_export(self) -> None:
        stamp = self.ctx.today().isoformat()
        path = self._save_path(self.tr("Save the Excel summary"), f"summary-{stamp}.xlsx",
                               self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_summary_to(path)

    def export_summary_to(self, path: Path) -> None:
        from counselor_app.export.summary_workbook import export_summary_workbook

        desk, f = self.ctx.desk, self.report_filter()
        template = self.tr("Writing the Excel summary: {done:,} of {total:,} steps…")  # on the GUI thread

        def work(task: Any) -> Any:
            return export_summary_workbook(desk, path, report_filter=f, cancel=task.cancel,
                                           progress=lambda done, total: task.progress(
                                               done, total, template.format(done=done, total=total)))

        self.ctx.collection_op(self, work) \
            .success(self._exported) \
            .with_progress(self.tr("Writing the Excel summary…"), cancellable=True).run_in_background()

    def _exported(self, result: Any) -> None:
        """Say it was saved, where, and offer the folder: a status line alone was overwritten by the next refresh."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("Saved {path} ({rows:,} license rows).").format(path=result.path, rows=result.detail_rows)
        self.status_label.setText(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Excel summary saved"), text,
                          QMessageBox.StandardButton.Ok, self)
        folder = box.addButton(self.tr("Open the &folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent))))
        box.setObjectName("export_saved")
        self.saved_box = box
        box.open()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the provider's usage report"),
                                              str(Path.home()), self.tr("Reports (*.csv *.xlsx)"))
        if path:
            self.import_report_from(Path(path))

    def import_report_from(self, path: Path) -> None:
        from counselor_app.core.progress_import import import_usage_report

        desk = self.ctx.desk

        def work(task: Any) -> Any:
            result = import_usage_report(desk, path, cancel=task.cancel,
                                         progress=lambda done, total: task.progress(done, total))
            if not result.already_imported:
                from counselor_app.core.outcomes import propose_after_import

                propose_after_import(desk)  # issue 15: outcome proposals for the administrator's review
            return result

        self.ctx.collection_op(self, work) \
            .success(lambda result: self.status_label.setText(" ".join(words(m) for m in result.messages()))) \
            .with_progress(self.tr("Importing the usage report…"), cancellable=True).run_in_background()

    def _ask_invitations(self) -> None:
        from counselor_app.core.invitations import default_file_path, default_invitation_date

        day = default_invitation_date(self.ctx.desk)
        suggested = default_file_path(self.ctx.desk, day)
        path = self._save_path(self.tr("Save the invitation file"), suggested.name, self.tr("CSV file (*.csv)"))
        if path is not None:
            self.write_invitations_to(path, for_date=day, overwrite=True)  # the dialog asked about overwriting

    def write_invitations_to(self, path: Path, *, for_date: date | None = None, overwrite: bool = False) -> None:
        from counselor_app.core.invitations import write_invitation_file

        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: write_invitation_file(desk, path, for_date=for_date,
                                                                   overwrite=overwrite)) \
            .success(lambda result: self.status_label.setText(" ".join(words(m) for m in result.messages()))) \
            .with_progress(self.tr("Writing the invitation file…")).run_in_background()
