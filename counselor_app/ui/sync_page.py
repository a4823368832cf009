"""Sync: what has not reached the agency server, and what needs the counselor.

Lists queued, set-aside (rejected) and conflicting changes, with the three things a counselor can do about
them: retry, fix and resend, resolve a conflict by choosing between both versions. "Sync now" runs through the
``SyncController`` (background, with progress and Cancel). Nothing here touches the store on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.desk import LAST_SUCCESS_KEY
from counselor_app.core.job_seekers import FIELD_LABELS
from counselor_app.core.op_changes import OpChanges
from counselor_app.core.vocabulary import ChangeOp, Entity, OutboxState
from counselor_app.sync import outbox
from counselor_app.sync.service import SyncReport, session_info
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.conflict_dialog import ConflictDialog
from counselor_app.ui.core_messages import words
from counselor_app.ui.operations import error_message
from counselor_app.ui.outbox_table_model import (
    COL_PROBLEM,
    COL_WHAT,
    ITEM_ROLE,
    OutboxFilterProxyModel,
    OutboxTableModel,
    problem_text,
    record_label,
    server_words,
)
from counselor_app.ui.status_bar import format_last_sync
from counselor_app.ui.sync_controller import SyncController
from counselor_app.ui.widgets import (
    banner,
    button,
    heading,
    html_escape,
    make_primary,
    paragraph,
    set_banner_kind,
)

# Fields a counselor can correct in a set-aside job seeker record, as text.
_TEXT_FIELDS = ("first_name", "last_name", "email", "phone", "zip_code", "agency_customer_id",
                "last_occupation_title", "birth_date", "return_to_work_date")


class FixDialog(QDialog):
    """Correct the fields of a set-aside job seeker change; ``changes()`` holds what was edited."""

    def __init__(self, item: outbox.OutboxItem, payload: dict[str, Any], parent: QWidget | None = None, *,
                 cms: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fix and resend"))
        self.setObjectName("fixDialog")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        names = labels.job_seeker_field_labels(cms=cms)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(record_label(item), self, level=2))
        reason = banner(self, kind="warn")
        reason.setText(html_escape(self.tr("The agency server did not accept this change: {reason}").format(
            reason=item.last_error or self.tr("no reason given"))))
        layout.addWidget(reason)
        form = QFormLayout()
        self._edits: dict[str, tuple[QLineEdit, str]] = {}
        for field in _TEXT_FIELDS:
            if field not in payload and item.op != ChangeOp.CREATE:
                continue
            original = "" if payload.get(field) is None else str(payload.get(field))
            edit = QLineEdit(original, self)
            edit.setObjectName(f"fix_{field}")
            label_text = names.get(field) or FIELD_LABELS.get(field, field).capitalize()
            edit.setAccessibleName(label_text)
            label = QLabel(label_text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self._edits[field] = (edit, original)
        layout.addLayout(form)
        layout.addWidget(paragraph(self.tr("The corrected values are saved on this device too, then the change is "
                                           "sent again."), self))
        buttons = QDialogButtonBox(self)
        self.resend_button = buttons.addButton(self.tr("&Save and resend"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        return {field: edit.text() for field, (edit, original) in self._edits.items() if edit.text() != original}

    def set_field(self, field: str, value: str) -> None:
        self._edits[field][0].setText(value)


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = SyncController.instance(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync with the agency server"), self))
        self.summary = paragraph("", self)
        self.summary.setObjectName("syncSummary")
        layout.addWidget(self.summary)
        self.message = banner(self, kind="info")
        self.message.setObjectName("syncMessage")
        self.message.setVisible(False)
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.sync_button = make_primary(button(self.tr("S&ync now"), self, shortcut="Ctrl+Shift+Y",
                                               tooltip=self.tr("Send what is waiting and receive the server's "
                                                               "updates")))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.settings_button = button(self.tr("Server and &sign-in…"), self)
        self.settings_button.clicked.connect(lambda: self.open_settings())
        row.addWidget(self.sync_button)
        row.addWidget(self.settings_button)
        row.addStretch(1)
        show = QLabel(self.tr("Sho&w:"), self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("outboxFilter")
        self.filter.addItem(self.tr("Everything not yet sent"), OutboxFilterProxyModel.ALL)
        self.filter.addItem(self.tr("Only what needs attention"), OutboxFilterProxyModel.ATTENTION)
        self.filter.addItem(self.tr("Only what is waiting to be sent"), OutboxFilterProxyModel.QUEUED)
        self.filter.setAccessibleName(self.tr("Show"))
        show.setBuddy(self.filter)
        row.addWidget(show)
        row.addWidget(self.filter)
        layout.addLayout(row)

        self.model = OutboxTableModel(self)
        self.proxy = OutboxFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter.currentIndexChanged.connect(lambda _i: self.proxy.set_mode(str(self.filter.currentData())))
        self.table = QTableView(self)
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Changes not yet on the agency server"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # One line per change: names never wrap; a long problem is elided and shown whole in its tooltip.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._size_columns(has_problems=False)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("Everything on this desk is on the agency server."), self)
        self.empty_label.setObjectName("outboxEmpty")
        layout.addWidget(self.empty_label)
        # The selected change's problem in full (the table elides it), with what to do about it.
        self.detail = banner(self, kind="warn")
        self.detail.setObjectName("outboxDetail")
        self.detail.setAccessibleName(self.tr("Problem with the selected change"))
        self.detail.setVisible(False)
        layout.addWidget(self.detail)
        # The server's own words, quoted apart from ours: the server speaks one language, the desk two.
        self.server_said = paragraph("", self)
        self.server_said.setObjectName("serverSaid")
        self.server_said.setProperty("reader", "agency_server")
        self.server_said.setVisible(False)
        layout.addWidget(self.server_said)

        actions = QHBoxLayout()
        self.resolve_button = button(self.tr("&Resolve conflict…"), self,
                                     tooltip=self.tr("Compare both versions field by field and choose"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.fix_button = button(self.tr("&Fix and resend…"), self)
        self.fix_button.clicked.connect(self.fix_selected)
        self.retry_button = button(self.tr("Re&try"), self, tooltip=self.tr("Send the set-aside change again as "
                                                                            "it is"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button = button(self.tr("Retry &all set aside"), self)
        self.retry_all_button.clicked.connect(self.retry_all)
        for btn in (self.resolve_button, self.fix_button, self.retry_button, self.retry_all_button):
            actions.addWidget(btn)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.controller.sync_started.connect(self._sync_started)
        self.controller.sync_finished.connect(self._sync_finished)
        self.controller.sync_failed.connect(self._sync_failed)
        self.controller.needs_sign_in.connect(self._needs_sign_in)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self._sign_in_open = False
        self._update_buttons()
        self.refresh()

    # -- data -----------------------------------------------------------------------------------------------
    def page_shown(self) -> None:
        self.refresh()
        self.table.setFocus()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches("outbox", "sync", "settings", "job_seekers", "licenses"):
            self.refresh()

    def refresh(self) -> None:
        desk = self.ctx.desk

        def work() -> tuple[list[outbox.OutboxItem], dict[str, Any] | None, str | None]:
            return outbox.list_entries(desk), session_info(desk), desk.get_state(LAST_SUCCESS_KEY)

        self.ctx.query(self, work, self._show).latest_only("sync_page.refresh").run_in_background()

    def _show(self, result: tuple[list[outbox.OutboxItem], dict[str, Any] | None, str | None]) -> None:
        items, info, last_success = result
        selected = self.selected_item()
        self.model.set_rows(items)
        self._size_columns(has_problems=any(item.last_error for item in items))
        counts = self.model.counts()
        self.empty_label.setVisible(not items)
        server = self.ctx.desk.settings.server_url
        if not server:
            who = self.tr("No agency server is set up yet: press Server and sign-in… to enter the address your "
                          "agency gave you.")
        elif info is None:
            who = self.tr("Not signed in to {server}.").format(server=server)
        else:
            who = self.tr("Signed in to {server} as {name} ({center}).").format(
                server=server, name=info.get("display_name", ""), center=info.get("center", ""))
        when = format_last_sync(last_success) or self.tr("never")
        self.summary.setText(self.tr("{who} Last successful sync: {when}. Waiting: {queued}; set aside: {parked}; "
                                     "conflicts: {conflicts}.").format(
            who=who, when=when, queued=counts["queued"], parked=counts["parked"], conflicts=counts["conflict"]))
        if selected is not None:
            self.select_seq(selected.seq)
        self._update_buttons()

    def _size_columns(self, *, has_problems: bool) -> None:
        """The record's name gets the room while nothing went wrong; the server's reasons get it when something
        did (and the Problem column is hidden while it would be empty)."""
        header = self.table.horizontalHeader()
        self.table.setColumnHidden(COL_PROBLEM, not has_problems)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.ResizeToContents if has_problems
                                    else QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PROBLEM, QHeaderView.ResizeMode.Stretch if has_problems
                                    else QHeaderView.ResizeMode.ResizeToContents)

    def selected_item(self) -> outbox.OutboxItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = rows[0].data(ITEM_ROLE)
        return item if isinstance(item, outbox.OutboxItem) else None

    def select_seq(self, seq: int) -> bool:
        for row in range(self.proxy.rowCount()):
            item = self.proxy.index(row, 0).data(ITEM_ROLE)
            if isinstance(item, outbox.OutboxItem) and item.seq == seq:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        item = self.selected_item()
        status = item.status if item is not None else ""
        self.resolve_button.setEnabled(status == OutboxState.CONFLICT)
        self.fix_button.setEnabled(status == OutboxState.PARKED and item is not None and item.entity == Entity.JOB_SEEKER)
        self.retry_button.setEnabled(status == OutboxState.PARKED)
        self.retry_all_button.setEnabled(self.model.counts()["parked"] > 0)
        self.sync_button.setEnabled(not self.controller.running)
        self._show_detail(item)

    def _show_detail(self, item: outbox.OutboxItem | None) -> None:
        self.server_said.setVisible(False)
        if item is None or item.status == OutboxState.QUEUED or not item.last_error:
            self.detail.setVisible(False)
            return
        if item.status == OutboxState.CONFLICT:
            what_now = self.tr("Press Resolve conflict… to compare both versions and choose.")
        elif item.entity == Entity.JOB_SEEKER:
            what_now = self.tr("Press Fix and resend… to correct the record, or Retry to send it again as it is.")
        else:
            what_now = self.tr("Press Retry to send it again.")
        problem = problem_text(item)
        said = server_words(item) if problem != item.last_error else ""
        self.detail.setText(f"<b>{html_escape(record_label(item))}:</b> {html_escape(problem)}<br>"
                            + html_escape(what_now))
        self.server_said.setText(said)
        self.server_said.setVisible(bool(said))
        self.detail.setVisible(True)

    def _say(self, text: str, kind: str = "info") -> None:
        set_banner_kind(self.message, kind)
        self.message.setText(html_escape(text).replace("\n", "<br>"))
        self.message.setVisible(bool(text))

    # -- sync -----------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """Not signed in: the controller says so through ``needs_sign_in``, which opens the sign-in dialog."""
        self.controller.sync_now(manual=True, parent=self)

    def _sync_started(self, _manual: bool) -> None:
        self.sync_button.setEnabled(False)
        self._say(self.tr("Syncing…"))

    def _sync_finished(self, report: SyncReport) -> None:
        # "Open the Sync page to fix them" is for the command line and the status bar: this is the Sync page.
        lines = [words(m) for m in report.messages() if getattr(m, "code", "") != "sync.open_sync_page"]
        self._say("\n".join(lines), "ok" if report.complete else "warn")
        self._update_buttons()
        self.refresh()

    def _sync_failed(self, _kind: str, message: str) -> None:
        self._say(message, "error")
        self._update_buttons()
        self.refresh()

    def _needs_sign_in(self, reason: str) -> None:
        if self.isVisible():
            self.open_settings(reason=reason)

    def open_settings(self, *, reason: str = "") -> None:
        if self._sign_in_open:
            return
        from counselor_app.ui.sync_settings_dialog import SyncSettingsDialog

        dialog = SyncSettingsDialog(self.ctx, self, reason=reason)
        self._sign_in_open = True
        dialog.finished.connect(self._settings_closed)
        dialog.open()

    def _settings_closed(self, _result: int) -> None:
        self._sign_in_open = False
        self.refresh()

    # -- actions on one change ------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, outbox.OutboxItem):
            return
        if item.status == OutboxState.CONFLICT:
            self.resolve_selected()
        elif item.status == OutboxState.PARKED:
            if item.entity == Entity.JOB_SEEKER:
                self.fix_selected()
            else:
                self.retry_selected()

    def resolve_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.status != OutboxState.CONFLICT:
            return
        desk = self.ctx.desk
        self.ctx.query(self, lambda: outbox.conflict_view(desk, item.seq), self._open_conflict) \
            .failure(lambda exc: self._say(error_message(exc), "error")).run_in_background()

    def _open_conflict(self, view: outbox.ConflictView) -> None:
        dialog = ConflictDialog(view, self, cms=self.ctx.desk.profile.case_management_system)
        if not dialog.exec() or dialog.choice is None:
            return
        choice = dialog.choice
        desk = self.ctx.desk

        def done(outcome: str) -> None:
            self._say(self.tr("Resolved: the server's version was taken.") if outcome == "theirs" else
                      self.tr("Resolved: your choice will be sent at the next sync."), "ok")
            if outcome != "theirs":
                self.controller.sync_now(manual=False)

        self.ctx.collection_op(self, lambda: outbox.resolve_conflict(desk, view.seq, choice),  # type: ignore[arg-type]
                               success=done) \
            .failure(lambda exc: self._say(error_message(exc), "error")).run_in_background()

    def fix_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.status != OutboxState.PARKED:
            return
        desk = self.ctx.desk
        self.ctx.query(self, lambda: outbox.entry_detail(desk, item.seq), self._open_fix) \
            .failure(lambda exc: self._say(error_message(exc), "error")).run_in_background()

    def _open_fix(self, detail: tuple[outbox.OutboxItem, dict[str, Any]]) -> None:
        item, payload = detail
        dialog = FixDialog(item, payload, self, cms=self.ctx.desk.profile.case_management_system)
        if not dialog.exec():
            return
        changes = dialog.changes()
        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: outbox.fix_and_resend(desk, item.seq, changes),
                               success=lambda _: self._resent(self.tr("Corrected; it will be sent again now."))) \
            .failure(lambda exc: self._say(error_message(exc), "error")).run_in_background()

    def retry_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.status != OutboxState.PARKED:
            return
        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: outbox.retry_entry(desk, item.seq),
                               success=lambda _: self._resent(self.tr("It will be sent again now."))) \
            .failure(lambda exc: self._say(error_message(exc), "error")).run_in_background()

    def retry_all(self) -> None:
        desk = self.ctx.desk
        self.ctx.collection_op(self, lambda: outbox.retry_all_parked(desk),
                               success=lambda n: self._resent(self.tr("%n change(s) will be sent again now.", "",
                                                                      int(n)))).run_in_background()

    def _resent(self, text: str) -> None:
        self._say(text, "info")
        self.controller.sync_now(manual=False)
