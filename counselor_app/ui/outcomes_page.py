"""After the appointment: outcomes for the state's system, reminders that are sent, removal files.

The page only coordinates: every action is a core call (``core/outcomes.py``, ``core/reminder_sender.py``,
``core/removals.py``) run in the background; rows stay typed and their words are chosen here, in the UI language.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.outcomes import OutcomeKind, OutcomeRow, OutcomeStatus
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.row_table_model import RowTableModel, TableColumn
from counselor_app.ui.widgets import banner, button, heading, make_primary, paragraph

ROW_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


# Written out as ``_Q.translate("OutcomesPage", ...)`` at every use so pyside6-lupdate can find the texts.
_Q = QCoreApplication


def status_labels() -> dict[str, str]:
    return {OutcomeStatus.PROPOSED: _Q.translate("OutcomesPage", "Proposed"), OutcomeStatus.ACCEPTED: _Q.translate("OutcomesPage", "Accepted, not yet entered"),
            OutcomeStatus.REJECTED: _Q.translate("OutcomesPage", "Rejected"), OutcomeStatus.ENTERED: _Q.translate("OutcomesPage", "Entered")}


def kind_labels() -> dict[str, str]:
    return {OutcomeKind.COURSE_COMPLETION: _Q.translate("OutcomesPage", "Course completed"), OutcomeKind.CREDENTIAL: _Q.translate("OutcomesPage", "Credential earned"),
            OutcomeKind.SKILL_GAIN: _Q.translate("OutcomesPage", "Skill gain"), OutcomeKind.SERVICE_CLOSURE: _Q.translate("OutcomesPage", "Service closed")}


def reminder_list_labels() -> dict[str, str]:
    return {"invited_not_joined": _Q.translate("OutcomesPage", "Invited, not joined"), "invitation_not_received": _Q.translate("OutcomesPage", "Invitation not received"),
            "joined_no_course": _Q.translate("OutcomesPage", "Joined, no course"), "inactive": _Q.translate("OutcomesPage", "Inactive"),
            "deadline_near": _Q.translate("OutcomesPage", "Completion deadline near")}


class OutcomeTableModel(RowTableModel[OutcomeRow]):
    """The administrator's review list: one outcome per row; ``ROW_ID_ROLE`` gives the outcome id."""

    sort_role = int(Qt.ItemDataRole.UserRole) + 2

    def __init__(self, parent: Any = None) -> None:
        kinds, statuses = kind_labels(), status_labels()
        columns: list[TableColumn[OutcomeRow]] = [
            TableColumn(_Q.translate("OutcomesPage", "Job seeker"), lambda r: r.full_name),
            TableColumn(_Q.translate("OutcomesPage", "Customer ID"), lambda r: r.agency_customer_id or ""),
            TableColumn(_Q.translate("OutcomesPage", "Outcome"), lambda r: kinds.get(r.kind, r.kind), tooltip=lambda r: f"{r.label} ({r.code})"),
            TableColumn(_Q.translate("OutcomesPage", "Course or credential"), lambda r: r.subject, tooltip=lambda r: r.subject),
            TableColumn(_Q.translate("OutcomesPage", "Date"), lambda r: labels.format_date(r.achieved_on), sort=lambda r: r.achieved_on.isoformat()),
            TableColumn(_Q.translate("OutcomesPage", "Status"), lambda r: statuses.get(r.status, r.status),
                        tooltip=lambda r: r.reject_reason or ""),
        ]
        super().__init__(columns, row_roles={ROW_ID_ROLE: lambda r: r.id}, parent=parent)


class SendAttentionTableModel(RowTableModel[Any]):
    """Reminder sends that need a person: refused addresses, failures to retry, and sends whose outcome is
    unknown because the app stopped mid-send (never re-sent automatically)."""

    def __init__(self, parent: Any = None) -> None:
        lists = reminder_list_labels()
        states = {"failed_permanent": _Q.translate("OutcomesPage", "Could not be delivered"),
                  "failed_temporary": _Q.translate("OutcomesPage", "Will be tried in the next send"),
                  "sending": _Q.translate("OutcomesPage", "Outcome unknown (the app stopped while sending)")}
        columns: list[TableColumn[Any]] = [
            TableColumn(_Q.translate("OutcomesPage", "Job seeker"), lambda r: r.full_name),
            TableColumn(_Q.translate("OutcomesPage", "Reminder"), lambda r: lists.get(r.list_name, r.list_name)),
            TableColumn(_Q.translate("OutcomesPage", "When"), lambda r: labels.format_date(r.claimed_at)),
            TableColumn(_Q.translate("OutcomesPage", "Problem"), lambda r: states.get(r.status, r.status)),
            TableColumn(_Q.translate("OutcomesPage", "Mail server's answer"),
                        lambda r: f"{r.smtp_code or ''} {r.failure or ''}".strip(),
                        tooltip=lambda r: r.failure or ""),
        ]
        super().__init__(columns, parent=parent)


class RemovalTableModel(RowTableModel[Any]):
    """Revoked and inactivated licenses and where each stands on the way to the provider's removal file."""

    def __init__(self, parent: Any = None) -> None:
        states = {"waiting_for_progress": _Q.translate("OutcomesPage", "Waiting for a newer usage report"),
                  "ready": _Q.translate("OutcomesPage", "Ready for the next removal file"),
                  "written": _Q.translate("OutcomesPage", "In a removal file")}
        lic = labels.license_status_labels()
        columns: list[TableColumn[Any]] = [
            TableColumn(_Q.translate("OutcomesPage", "Job seeker"), lambda r: r.full_name),
            TableColumn(_Q.translate("OutcomesPage", "License"), lambda r: lic.get(r.license_status, r.license_status)),
            TableColumn(_Q.translate("OutcomesPage", "Last activity"), lambda r: labels.format_date(r.last_activity)),
            TableColumn(_Q.translate("OutcomesPage", "Needs a report imported after"),
                        lambda r: labels.format_date(r.needs_import_after)),
            TableColumn(_Q.translate("OutcomesPage", "State"), lambda r: states.get(r.state, r.state),
                        tooltip=lambda r: r.file_name or ""),
        ]
        super().__init__(columns, parent=parent)


class EditOutcomeDialog(QDialog):
    def __init__(self, row: OutcomeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the outcome"))
        form = QFormLayout(self)
        form.addRow(self.tr("Job seeker:"), QLabel(row.full_name, self))
        self.date_edit = QDateEdit(QDate(row.achieved_on.year, row.achieved_on.month, row.achieved_on.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("MM/dd/yyyy")
        form.addRow(self.tr("&Date achieved:"), self.date_edit)
        self.subject_edit = QLineEdit(row.subject, self)
        self.subject_edit.setMaxLength(300)
        form.addRow(self.tr("&Course or credential:"), self.subject_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[date, str]:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day()), self.subject_edit.text()


class OutcomesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("After the appointment"), self))
        self.figures_label = paragraph("", self)
        self.figures_label.setObjectName("outcome_figures")
        outer.addWidget(self.figures_label)
        self.notice = banner(self, kind="ok")
        self.notice.setVisible(False)
        outer.addWidget(self.notice)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_outcomes_tab(), self.tr("&Outcomes"))
        self.tabs.addTab(self._build_reminders_tab(), self.tr("&Reminders"))
        self.tabs.addTab(self._build_removals_tab(), self.tr("Re&movals"))
        ctx.events.operation_did_execute.connect(self._on_changed)
        self._loaded = False

    # -- outcomes -------------------------------------------------------------------------------------------
    def _build_outcomes_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"), tab)
        top.addWidget(show_label)
        self.status_filter = QComboBox(tab)
        self.status_filter.setAccessibleName(self.tr("Show"))
        show_label.setBuddy(self.status_filter)
        self.status_filter.addItem(self.tr("Waiting for review"), [OutcomeStatus.PROPOSED])
        self.status_filter.addItem(self.tr("Accepted, not yet entered"), [OutcomeStatus.ACCEPTED])
        self.status_filter.addItem(self.tr("Entered"), [OutcomeStatus.ENTERED])
        self.status_filter.addItem(self.tr("Rejected"), [OutcomeStatus.REJECTED])
        self.status_filter.addItem(self.tr("All"), [])
        self.status_filter.currentIndexChanged.connect(lambda _: self.refresh())
        top.addWidget(self.status_filter)
        top.addStretch(1)
        self.propose_button = button(self.tr("&Propose from progress"), tab,
                                     tooltip=self.tr("Look at the imported progress again for new outcomes"))
        self.propose_button.clicked.connect(self.propose)
        top.addWidget(self.propose_button)
        layout.addLayout(top)

        self.model = OutcomeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(OutcomeTableModel.sort_role)
        self.table = QTableView(tab)
        self.table.setObjectName("outcome_table")
        self.table.setAccessibleName(self.tr("Outcomes"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order (last name) until a click
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.accept_button = make_primary(button(self.tr("&Accept"), tab, shortcut="Ctrl+Return",
                                                 tooltip=self.tr("Accept the selected outcomes")))
        self.accept_button.clicked.connect(self.accept_selected)
        self.edit_button = button(self.tr("&Edit…"), tab, tooltip=self.tr("Correct the date or the name"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.reject_button = button(self.tr("Re&ject…"), tab, tooltip=self.tr("Reject with a reason"))
        self.reject_button.clicked.connect(self.reject_selected)
        for b in (self.accept_button, self.edit_button, self.reject_button):
            row.addWidget(b)
        row.addStretch(1)
        self.export_button = button(self.tr("E&xport for data entry…"), tab,
                                    tooltip=self.tr("Accepted outcomes not yet entered, in the state's columns"))
        self.export_button.clicked.connect(self.ask_export)
        self.confirm_button = button(self.tr("&Confirm entered…"), tab,
                                     tooltip=self.tr("Mark the outcomes of an exported sheet as entered"))
        self.confirm_button.clicked.connect(self.ask_confirm)
        row.addWidget(self.export_button)
        row.addWidget(self.confirm_button)
        layout.addLayout(row)
        return tab

    def page_shown(self) -> None:
        if not self._loaded:
            self._loaded = True
        self.refresh()

    def _on_changed(self, changes: OpChanges) -> None:
        if self._loaded and changes.touches("outcomes", "progress", "reminders", "licenses"):
            self.refresh()

    def refresh(self) -> None:
        from counselor_app.core.outcomes import list_outcomes, outcome_figures, rules_for

        desk = self.ctx.desk
        statuses = self.status_filter.currentData() or None

        def load() -> Any:
            return list_outcomes(desk, statuses=statuses), outcome_figures(desk), rules_for(desk).system

        self.ctx.query(self, load, self._show).latest_only(f"outcomes.{id(self)}").run_in_background()
        self.refresh_sends()
        self.refresh_removals()

    def _show(self, result: Any) -> None:
        rows, figures, system = result
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))
        self.figures_label.setText(self.tr(
            "{licensed} job seekers with a license: {participants} WIOA participants, {reportable} reportable "
            "individuals. Outcomes accepted: {accepted}; entered in {system}: {entered}.").format(
            licensed=figures.licensed, participants=figures.participants, reportable=figures.reportable_individuals,
            accepted=figures.accepted, entered=figures.entered, system=system))

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ROW_ID_ROLE) for r in rows]

    def _selected_rows(self) -> list[OutcomeRow]:
        out = []
        for r in sorted({i.row() for i in self.table.selectionModel().selectedRows()}):
            row = self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            if row is not None:
                out.append(row)
        return out

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)

    def propose(self) -> None:
        from counselor_app.core.outcomes import propose_outcomes

        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: propose_outcomes(desk)) \
            .success(lambda r: self._say(self.tr("{n} new outcome proposals.").format(n=r.proposed))) \
            .with_progress(self.tr("Looking at the progress…")).run_in_background()

    def accept_selected(self) -> None:
        from counselor_app.core.outcomes import accept_outcome

        desk = self.ctx.desk
        ids = [r.id for r in self._selected_rows() if r.status == OutcomeStatus.PROPOSED]
        if not ids:
            self._say(self.tr("Select one or more proposed outcomes first."))
            return
        self.ctx.collection_op(self, lambda: [accept_outcome(desk, i) for i in ids]) \
            .success(lambda done: self._say(self.tr("{n} outcomes accepted.").format(n=len(done)))) \
            .run_in_background()

    def edit_selected(self) -> None:
        from counselor_app.core.outcomes import edit_outcome

        rows = self._selected_rows()
        if len(rows) != 1:
            self._say(self.tr("Select one outcome to correct."))
            return
        dialog = EditOutcomeDialog(rows[0], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day, subject = dialog.values()
        desk, oid = self.ctx.desk, rows[0].id
        self.ctx.collection_op(self, lambda: edit_outcome(desk, oid, achieved_on=day, subject=subject)) \
            .success(lambda _: self._say(self.tr("Outcome corrected."))).run_in_background()

    def reject_selected(self) -> None:
        from counselor_app.core.outcomes import reject_outcome

        ids = [r.id for r in self._selected_rows() if r.status == OutcomeStatus.PROPOSED]
        if not ids:
            self._say(self.tr("Select one or more proposed outcomes first."))
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reject"), self.tr("Why is this not an outcome to enter?"))
        if not ok:
            return
        if not reason.strip():
            QMessageBox.warning(self, self.tr("Reject"), self.tr("Give the reason; it is kept in the record."))
            return
        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: [reject_outcome(desk, i, reason=reason) for i in ids]) \
            .success(lambda done: self._say(self.tr("{n} outcomes rejected.").format(n=len(done)))) \
            .run_in_background()

    def ask_export(self) -> None:
        start = str(self.ctx.desk.paths.exports_dir / f"outcomes-{self.ctx.today().isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the data-entry sheet"), start,
                                              self.tr("CSV file (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from counselor_app.core.outcomes import export_outcomes

        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: export_outcomes(desk, path)) \
            .success(lambda e: self._say(self.tr(
                "{n} accepted outcomes written to {path}. Enter them in the state's system, then choose "
                "Confirm entered.").format(n=e.count, path=e.path))).run_in_background()

    def ask_confirm(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The sheet whose outcomes are entered"),
                                              str(self.ctx.desk.paths.exports_dir), self.tr("CSV file (*.csv)"))
        if path:
            self.confirm_from(Path(path))

    def confirm_from(self, path: Path) -> None:
        from counselor_app.core.outcomes import confirm_entered, outcome_ids_in_file

        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: confirm_entered(desk, outcome_ids_in_file(path))) \
            .success(lambda r: self._say(self.tr("{n} outcomes marked as entered.").format(n=r.entered))) \
            .run_in_background()

    # -- reminders ------------------------------------------------------------------------------------------
    def _build_reminders_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(paragraph(self.tr(
            "Reminders go by e-mail through the agency's mail relay, in each person's language, only to people "
            "who agreed to be contacted, and never twice within the set number of days. People who prefer text "
            "messages go into a file for the texting tool."), tab))
        form = QFormLayout()
        self.list_choice = QComboBox(tab)
        for name, text in reminder_list_labels().items():
            self.list_choice.addItem(text, name)
        form.addRow(self.tr("&Reminder:"), self.list_choice)
        self.days_spin = QSpinBox(tab)
        self.days_spin.setRange(0, 365)
        self.days_spin.setSpecialValueText(self.tr("Default"))
        form.addRow(self.tr("&Days:"), self.days_spin)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.preview_button = make_primary(button(self.tr("&Preview and send…"), tab,
                                                  tooltip=self.tr("See the count and the first messages first")))
        self.preview_button.clicked.connect(self.open_send_preview)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        self.relay_button = button(self.tr("&Mail relay…"), tab,
                                   tooltip=self.tr("The agency's mail server that sends the reminders"))
        self.relay_button.clicked.connect(self.open_relay_settings)
        self.relay_button.setEnabled(bool(self.ctx.desk.actor.is_administrator))
        row.addWidget(self.relay_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Sends that need attention:"), tab))
        self.attention_model = SendAttentionTableModel(self)
        self.attention_table = QTableView(tab)
        self.attention_table.setAccessibleName(self.tr("Sends that need attention"))
        self.attention_table.setModel(self.attention_model)
        self.attention_table.verticalHeader().setVisible(False)
        self.attention_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.attention_table, 1)
        return tab

    def refresh_sends(self) -> None:
        from counselor_app.core.reminder_sender import SendStatus, list_sends

        desk = self.ctx.desk
        wanted = [SendStatus.FAILED_PERMANENT, SendStatus.FAILED_TEMPORARY, SendStatus.SENDING]

        def shown(rows: Any) -> None:
            self.attention_model.set_rows(rows)
            self.attention_table.resizeColumnsToContents()

        self.ctx.query(self, lambda: list_sends(desk, statuses=wanted), shown) \
            .latest_only(f"outcomes.sends.{id(self)}").run_in_background()

    def open_relay_settings(self) -> None:
        from counselor_app.ui.mail_relay_dialog import MailRelayDialog

        self.relay_dialog = MailRelayDialog(self.ctx, self)
        self.relay_dialog.open()

    def open_send_preview(self) -> None:
        from counselor_app.core.reminder_sender import plan_reminders, preview

        desk = self.ctx.desk
        name = self.list_choice.currentData()
        days = self.days_spin.value() or None

        def load() -> Any:
            plan = plan_reminders(desk, name, days=days)
            return plan, preview(desk, plan, first=3)

        self.ctx.query(self, load, self._show_preview).run_in_background()

    def _show_preview(self, result: Any) -> None:
        from counselor_app.ui.reminder_send_dialog import ReminderSendDialog

        plan, messages = result
        dialog = ReminderSendDialog(self.ctx, plan, messages, self)
        dialog.sent.connect(lambda text: self._say(text))
        self.send_dialog = dialog
        dialog.open()

    # -- removals -------------------------------------------------------------------------------------------
    def _build_removals_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(paragraph(self.tr(
            "Revoked and inactivated licenses go into a removal file for the provider. A learner removed at the "
            "provider drops out of its reports, so each person waits until a usage report made after their last "
            "activity has been imported; their progress stays on the desk."), tab))
        row = QHBoxLayout()
        self.removal_button = button(self.tr("&Write removal file…"), tab)
        self.removal_button.clicked.connect(self.ask_removals)
        row.addWidget(self.removal_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.removal_result = paragraph("", tab)
        layout.addWidget(self.removal_result)
        self.removal_model = RemovalTableModel(self)
        self.removal_table = QTableView(tab)
        self.removal_table.setAccessibleName(self.tr("Revoked and inactivated licenses"))
        self.removal_table.setModel(self.removal_model)
        self.removal_table.verticalHeader().setVisible(False)
        self.removal_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.removal_table, 1)
        return tab

    def refresh_removals(self) -> None:
        from counselor_app.core.removals import removal_candidates

        desk = self.ctx.desk

        def shown(rows: Any) -> None:
            self.removal_model.set_rows(rows)
            self.removal_table.resizeColumnsToContents()

        self.ctx.query(self, lambda: removal_candidates(desk), shown) \
            .latest_only(f"outcomes.removals.{id(self)}").run_in_background()

    def ask_removals(self) -> None:
        start = str(self.ctx.desk.paths.exports_dir / f"removals-{self.ctx.today().isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the removal file"), start,
                                              self.tr("CSV file (*.csv)"))
        if path:
            self.write_removals_to(Path(path))

    def write_removals_to(self, path: Path) -> None:
        from counselor_app.core.removals import write_removal_file

        desk = self.ctx.desk

        def done(result: Any) -> None:
            text = (self.tr("{n} learners written to {path}.").format(n=result.written, path=result.path)
                    if result.written else self.tr("Nobody is ready for removal; no file was written."))
            if result.waiting:
                text += " " + self.tr("{n} wait for a newer usage report: {names}.").format(
                    n=len(result.waiting), names=", ".join(c.full_name for c in result.waiting[:10]))
            self.removal_result.setText(text)

        self.ctx.collection_op(self, lambda: write_removal_file(desk, path)) \
            .success(done).run_in_background()
