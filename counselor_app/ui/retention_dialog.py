"""File ▸ Remove personal data past retention… (issue 17): the retention purge with its preview, in the app.

The core decides everything (``core.retention``): which job seekers qualify (synced, nothing unsent, past the
profile's period after the program ends), what is blanked, the audit. This only shows the preview's counts and the
profile's source, asks, and runs the purge in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from counselor_app.ui.session_lock import add_to_file_menu

if TYPE_CHECKING:
    from counselor_app.ui.app_context import AppContext


class RetentionAction(QObject):
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.action = QAction(self.tr("&Remove personal data past retention…"), window)
        self.action.setObjectName("action_retention")
        self.action.triggered.connect(self.preview)
        add_to_file_menu(window, self.action)

    def preview(self) -> None:
        from counselor_app.core.retention import preview

        desk = self.ctx.desk
        self.ctx.query(self.window, lambda: preview(desk), self._ask).run_in_background()

    def _ask(self, shown: Any) -> None:
        if shown.policy is None:
            QMessageBox.information(self.window, self.tr("Retention"), self.tr(
                "The agency profile sets no retention period for this computer, so nothing is removed."))
            return
        pol = shown.policy
        facts = self.tr(
            "Personal data of job seekers leaves this computer {days} days after the program ends ({end}), from "
            "{cutoff} on, once the agency server has it.\n\nSource: {source}\n\nNow: {purgeable} job seekers "
            "qualify. Kept: {unsynced} with something not yet on the server, {recent} changed recently or after the "
            "last sync. Removed before: {done}.").format(
                days=pol.days_after_program_end, end=pol.program_end.isoformat(),
                cutoff=pol.cutoff(shown.today).isoformat(), source=pol.source, purgeable=shown.purgeable,
                unsynced=shown.kept_unsynced, recent=shown.kept_recent, done=shown.already_purged)
        if not shown.purgeable:
            QMessageBox.information(self.window, self.tr("Retention"), facts)
            return
        answer = QMessageBox.question(self.window, self.tr("Retention"), facts + "\n\n" + self.tr(
            "Remove their names, contact details and notes from this computer now? The counts in reports stay "
            "the same and the agency server keeps its records."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from counselor_app.core.retention import purge

        desk = self.ctx.desk
        self.ctx.collection_op(self.window, lambda: purge(desk),
                               success=self._done).run_in_background()

    def _done(self, result: Any) -> None:
        QMessageBox.information(self.window, self.tr("Retention"), self.tr(
            "Removed the personal data of %n job seeker(s) from this computer.", "", result.purged))
