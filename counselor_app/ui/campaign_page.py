"""Outreach: the campaign queue, partner referrals, and the campaign's figures.

A counselor takes the next person (a claim the agency server arbitrates, so another desk does not call them at
the same time), calls or e-mails, and records how it went; "Book…" opens the booking dialog. Supervisors import
the customer list the state's system exports and send the e-mail invitations to book. The "Partner referrals"
queue holds referrals accepted from partner agencies; new ones wait above it to be accepted.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.campaigns import (
    AttemptChannel,
    AttemptOutcome,
    CampaignRow,
    ContactRow,
    DeclineReason,
    is_strong_match,
)
from counselor_app.core.op_changes import OpChanges
from counselor_app.core.validation import name_key
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.booking_dialog import BookingDialog
from counselor_app.ui.operations import NETWORK
from counselor_app.ui.outreach_context import outreach_of
from counselor_app.ui.outreach_table_models import (
    ContactTableModel,
    ReferralTableModel,
    contact_status_label,
    decline_reason_label,
    format_phone,
    language_label,
)
from counselor_app.ui.widgets import banner, button, heading, list_table, make_primary, paragraph

REFERRALS = "__referrals__"



class ImportCampaignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a customer list"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("campaign_file")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("&File (CSV or Excel)"), row)
        self.name = QLineEdit(self)
        self.name.setObjectName("campaign_name")
        self.name.setPlaceholderText(self.tr("e.g. RESEA attendees since March 2020"))
        form.addRow(self.tr("Campaign &name"), self.name)
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("campaign_purpose")
        self.purpose.setPlaceholderText(self.tr("What the invitation is about"))
        form.addRow(self.tr("&Purpose"), self.purpose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Customer list"), "",
                                              self.tr("Customer lists (*.csv *.xlsx *.txt)"))
        if path:
            self.path.setText(path)
            if not self.name.text():
                self.name.setText(Path(path).stem)


class CampaignPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.out = outreach_of(ctx)
        self.campaigns: list[CampaignRow] = []
        self.current: ContactRow | None = None
        self._pending_campaign: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Outreach"), self))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Campaign:"), self))
        self.campaign_combo = QComboBox(self)
        self.campaign_combo.setObjectName("campaign_combo")
        self.campaign_combo.setMinimumWidth(320)
        self.campaign_combo.currentIndexChanged.connect(lambda _i: self.refresh_queue())
        top.itemAt(0).widget().setBuddy(self.campaign_combo)  # type: ignore[union-attr]
        top.addWidget(self.campaign_combo)
        self.import_button = button(self.tr("&Import a customer list…"), self)
        self.import_button.setObjectName("import_campaign")
        self.import_button.clicked.connect(self._ask_import)
        self.import_button.setVisible(ctx.desk.actor.is_supervisor)
        top.addWidget(self.import_button)
        self.invite_button = button(self.tr("E-&mail invitations to book"), self,
                                    tooltip=self.tr("Send each person not yet invited an invitation in their "
                                                    "language"))
        self.invite_button.setObjectName("invite_all")
        self.invite_button.clicked.connect(self._invite_all)
        top.addWidget(self.invite_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.figures = paragraph("", self, rich=True)
        self.figures.setObjectName("campaign_figures")
        layout.addWidget(self.figures)
        # Results are told here, not in a modal box, so the queue can be worked on while reading them.
        self.notice = banner(self, kind="info")
        self.notice.setObjectName("campaign_notice")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

        self.referral_box = QGroupBox(self.tr("New referrals from partner agencies"), self)
        rl = QVBoxLayout(self.referral_box)
        self.referral_model = ReferralTableModel(self)
        self.referral_table = list_table(self.referral_box, "referral_table", self.referral_model)
        self.referral_table.setAccessibleName(self.tr("New referrals from partner agencies"))
        rl.addWidget(self.referral_table)
        rrow = QHBoxLayout()
        self.accept_button = button(self.tr("&Accept the referral"), self.referral_box)
        self.accept_button.setObjectName("accept_referral")
        self.accept_button.clicked.connect(self._accept_referral)
        rrow.addWidget(self.accept_button)
        rrow.addStretch(1)
        rl.addLayout(rrow)
        layout.addWidget(self.referral_box)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = ContactTableModel(self)
        self.table = list_table(split, "contact_table", self.model)
        self.table.setAccessibleName(self.tr("People to reach"))
        self.table.selectionModel().currentRowChanged.connect(self._select_row)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.table.setParent(left)
        ll.addWidget(self.table, 1)
        ll.addWidget(QLabel(self.tr("* a prospect: not registered on this desk yet."), left))
        split.addWidget(left)
        panel = QWidget(split)
        pl = QVBoxLayout(panel)
        self.next_button = make_primary(button(self.tr("Take the &next person"), panel, shortcut="Ctrl+Shift+T"))
        self.next_button.setObjectName("take_next")
        self.next_button.clicked.connect(self._take_next)
        pl.addWidget(self.next_button)
        self.person = paragraph(self.tr("Take the next person, or select someone in the list."), panel, rich=True)
        self.person.setObjectName("current_person")
        pl.addWidget(self.person)
        # A list row that only looks like a registered job seeker (same phone, similar name) is never linked
        # without a counselor: confirm it is them, or say it is someone else.
        mrow = QHBoxLayout()
        self.confirm_match_button = button(self.tr("Same person: link"), panel)
        self.confirm_match_button.setObjectName("confirm_match")
        self.confirm_match_button.setToolTip(self.tr("This person is the registered job seeker named in the flag"))
        self.confirm_match_button.clicked.connect(lambda: self._settle_match(confirm=True))
        self.reject_match_button = button(self.tr("Someone else"), panel)
        self.reject_match_button.setObjectName("reject_match")
        self.reject_match_button.setToolTip(self.tr("This person is not the registered job seeker named in the "
                                                    "flag; keep them as a prospect"))
        self.reject_match_button.clicked.connect(lambda: self._settle_match(confirm=False))
        mrow.addWidget(self.confirm_match_button)
        mrow.addWidget(self.reject_match_button)
        pl.addLayout(mrow)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for key, text in ((AttemptOutcome.NO_ANSWER, self.tr("No ans&wer")),
                          (AttemptOutcome.LEFT_MESSAGE, self.tr("&Left a message")),
                          (AttemptOutcome.REACHED, self.tr("&Reached, will think about it"))):
            btn = button(text, panel)
            btn.setObjectName(f"outcome_{key}")
            btn.clicked.connect(lambda _c=False, k=key: self._record(k))
            self.outcome_buttons[key] = btn
            pl.addWidget(btn)
        drow = QHBoxLayout()
        self.reason = QComboBox(panel)
        self.reason.setObjectName("decline_reason")
        self.reason.setAccessibleName(self.tr("Why they declined"))
        for reason in DeclineReason:
            self.reason.addItem(decline_reason_label(reason), str(reason))
        self.decline_button = button(self.tr("&Declined"), panel)
        self.decline_button.setObjectName("outcome_declined")
        self.decline_button.clicked.connect(lambda: self._record(AttemptOutcome.DECLINED))
        drow.addWidget(self.decline_button)
        drow.addWidget(self.reason, 1)
        pl.addLayout(drow)
        self.book_button = make_primary(button(self.tr("&Book an appointment…"), panel))
        self.book_button.setObjectName("book_contact")
        self.book_button.clicked.connect(self._book)
        pl.addWidget(self.book_button)
        pl.addStretch(1)
        split.addWidget(panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        ctx.events.operation_did_execute.connect(self._on_changed)
        self._set_person(None)
        self.refresh()

    # -- loading ------------------------------------------------------------------------------------------
    def page_shown(self) -> None:
        self.refresh()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches("outreach", "appointments", "licenses", "sync", "job_seekers"):
            self.refresh()

    def campaign_id(self) -> str | None:
        data = self.campaign_combo.currentData()
        return None if data in (None, REFERRALS) else str(data)

    def refresh(self) -> None:
        self.ctx.query(self, self.out.campaigns.campaigns, self._show_campaigns) \
            .latest_only(f"campaigns.{id(self)}").run_in_background()

    def _show_campaigns(self, rows: list[CampaignRow]) -> None:
        self.campaigns = rows
        wanted = self._pending_campaign or self.campaign_combo.currentData()
        self._pending_campaign = None
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for row in rows:
            self.campaign_combo.addItem(row.name, row.id)
        self.campaign_combo.addItem(self.tr("Partner referrals"), REFERRALS)
        index = self.campaign_combo.findData(wanted) if wanted is not None else 0
        self.campaign_combo.setCurrentIndex(max(0, index))
        self.campaign_combo.blockSignals(False)
        self.refresh_queue()

    def refresh_queue(self) -> None:
        campaign_id = self.campaign_id()
        referrals = self.campaign_combo.currentData() == REFERRALS
        out = self.out

        def work() -> tuple[list[ContactRow], Any, list[Any]]:
            contacts = out.campaigns.contacts(campaign_id)
            figures = out.campaigns.figures(campaign_id) if campaign_id else None
            new_refs = out.referrals.referrals(open_only=True) if referrals else []
            return contacts, figures, new_refs

        self.ctx.query(self, work, self._show_queue).latest_only(f"campaign_queue.{id(self)}").run_in_background()

    def _show_queue(self, result: tuple[list[ContactRow], Any, list[Any]]) -> None:
        contacts, figures, new_refs = result
        self.model.now = self.out.campaigns.now()
        selected = self.current.id if self.current else None
        self.model.set_rows(contacts)
        self.referral_model.set_rows(new_refs)
        self.referral_box.setVisible(self.campaign_combo.currentData() == REFERRALS)
        self.invite_button.setEnabled(self.campaign_id() is not None and self.out.mail is not None)
        if figures is not None:
            self.figures.setText(self.tr(
                "<b>{people}</b> people · called or e-mailed <b>{attempted}</b> · reached <b>{reached}</b> · "
                "booked <b>{booked}</b> · served <b>{served}</b> · licensed <b>{licensed}</b> · declined "
                "<b>{declined}</b>").format(people=figures.people, attempted=figures.attempted,
                                            reached=figures.reached, booked=figures.booked, served=figures.served,
                                            licensed=figures.licensed, declined=figures.declined))
        else:
            self.figures.setText(self.tr("Referrals accepted from partner agencies, worked like a campaign."))
        match = next((c for c in contacts if c.id == selected), None)
        self._set_person(match)

    # -- the current person ----------------------------------------------------------------------------------
    def _select_row(self, current: Any, _previous: Any) -> None:
        row = self.model.row_at(current.row())
        if row is not None and (self.current is None or row.id != self.current.id):
            self._set_person(row)

    def _set_person(self, row: ContactRow | None) -> None:
        self.current = row
        for btn in (*self.outcome_buttons.values(), self.decline_button, self.book_button):
            btn.setEnabled(row is not None and row.status != "booked")
        possible = row is not None and not row.job_seeker_id and bool(row.possible_match_name)
        self.confirm_match_button.setVisible(possible)
        self.reject_match_button.setVisible(possible)
        if row is None:
            self.person.setText(self.tr("Take the next person, or select someone in the list."))
            return
        lines = [f"<b>{row.name}</b>"]
        if row.phone:
            lines.append(self.tr("Phone: {phone}").format(phone=format_phone(row.phone)))
        if row.email:
            lines.append(self.tr("E-mail: {email}").format(email=row.email))
        lines.append(self.tr("Language: {language}").format(language=language_label(row.language)))
        lines.append(self.tr("Status: {status} · attempts: {n}").format(status=contact_status_label(row.status),
                                                                          n=row.attempts))
        if not row.job_seeker_id and row.possible_match_name:
            lines.append(self.tr("<b>Possible match: {name}</b> (same phone or a similar name). Ask, then "
                                 "confirm it is them or say it is someone else.").format(
                                     name=html.escape(row.possible_match_name)))
        elif not row.job_seeker_id:
            lines.append(self.tr("<i>Prospect: register them at the appointment.</i>"))
        self.person.setText("<br>".join(lines))

    def _settle_match(self, *, confirm: bool) -> None:
        if self.current is None:
            return
        contact_id = self.current.id
        campaigns = self.out.campaigns

        def work() -> ContactRow:
            if confirm:
                return campaigns.confirm_match(contact_id)
            return campaigns.reject_match(contact_id)

        self.ctx.collection_op(self, work, success=self._set_person).run_in_background()

    def _take_next(self) -> None:
        campaign_id = self.campaign_id()

        def shown(row: ContactRow | None) -> None:
            if row is None:
                self._tell(self.tr("Nobody is left to call in this list right now (the rest are booked, declined, "
                                   "or being worked by another counselor)."))
                return
            self._set_person(row)
            self.refresh_queue()

        self.ctx.collection_op(self, lambda: self.out.campaigns.claim_next(campaign_id),
                               success=shown).on_executor(NETWORK).run_in_background()

    def _record(self, outcome: str) -> None:
        if self.current is None:
            return
        reason = self.reason.currentData() if outcome == AttemptOutcome.DECLINED else None
        self._record_attempt(self.current.id, outcome, reason)

    def _record_attempt(self, contact_id: str, outcome: str, reason: str | None = None) -> None:
        campaigns = self.out.campaigns

        def recorded(row: ContactRow) -> None:
            self._set_person(row)
            # The server's claim is ended on the network worker, never holding up the store's writes.
            self.ctx.collection_op(self, lambda: campaigns.release(contact_id)) \
                .on_executor(NETWORK).run_in_background()

        self.ctx.collection_op(self, lambda: campaigns.record_attempt(
            contact_id, channel=AttemptChannel.CALL, outcome=outcome, reason=reason, release=False), success=recorded).run_in_background()

    def _book(self) -> None:
        if self.current is None:
            return
        row = self.current
        dialog = BookingDialog(self.ctx, name=row.name, job_seeker_id=row.job_seeker_id, contact_id=row.id,
                               parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.booked is not None:
            self._record_attempt(row.id, AttemptOutcome.APPOINTMENT_SET)

    # -- supervisors and referrals ----------------------------------------------------------------------------
    def _ask_import(self) -> None:
        dialog = ImportCampaignDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.path.text().strip():
            self.import_file(Path(dialog.path.text().strip()), dialog.name.text(), dialog.purpose.text())

    def import_file(self, path: Path, name: str, purpose: str = "") -> None:
        campaigns = self.out.campaigns

        def work(task: Any) -> Any:
            data = path.read_bytes()
            return campaigns.import_list(data, file_name=path.name, name=name or path.stem, purpose=purpose,
                                         progress=lambda done, total: task.progress(done, total),
                                         cancel=task.cancel)

        def done(result: Any) -> None:
            self._tell(self.tr(
                "{people} people imported: {matched} already registered here, {prospects} new prospects "
                "({repeated} repeated rows merged).").format(people=result.people, matched=result.matched,
                                                             prospects=result.prospects, repeated=result.repeated))
            self._pending_campaign = result.campaign_id
            self.refresh()

        self.ctx.collection_op(self, work, success=done) \
            .with_progress(self.tr("Importing the customer list…"), cancellable=True).run_in_background()

    def _tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)

    def select_campaign(self, campaign_id: str | None) -> None:
        index = self.campaign_combo.findData(campaign_id if campaign_id else REFERRALS)
        if index >= 0:
            self.campaign_combo.setCurrentIndex(index)

    def _invite_all(self) -> None:
        campaign_id = self.campaign_id()
        mail = self.out.mail
        if campaign_id is None or mail is None:
            return
        hint = self.tr("Call us or reply to this e-mail to choose a time.")
        center = self.ctx.desk.actor.center_name

        def work() -> tuple[int, int, int]:
            return self.out.campaigns.invite_all(campaign_id, mail, from_address=self.out.from_address,
                                                 center_name=center, booking_hint=hint)

        def done(result: tuple[int, int, int]) -> None:
            sent, failed, missing = result
            self._tell(self.tr(
                "{sent} invitations sent; {failed} could not be sent (they will be tried again next time); {missing} "
                "people have no e-mail address.").format(sent=sent, failed=failed, missing=missing))

        self.ctx.collection_op(self, work, success=done) \
            .with_progress(self.tr("Sending invitations…")).on_executor(NETWORK).run_in_background()

    def _accept_referral(self) -> None:
        index = self.referral_table.currentIndex()
        if not index.isValid():
            index = self.referral_model.index(0, 0)
        referral = self.referral_model.row_at(index.row())
        if referral is None:
            return
        out = self.out
        seekers = self.ctx.desk.job_seekers

        def work() -> str:
            first, _, last = referral.name.partition(" ")
            data = {"first_name": first, "last_name": last or first, "email": referral.email,
                    "phone": referral.phone}
            try:
                matches = seekers.find_duplicates({k: v for k, v in data.items() if v})
            except Exception:  # noqa: BLE001 - a value the duplicate check cannot read: accept as a prospect
                matches = []
            # Linked only on a strong match (same e-mail, near name); the same phone alone is only flagged.
            key = name_key(first, last)
            strong = [m for m in matches if is_strong_match(m, key)]
            return out.referrals.accept(referral.id, job_seeker_id=strong[0].id if len(strong) == 1 else None,
                                        possible_match_id=matches[0].id if matches and not strong else None)

        self.ctx.collection_op(self, work).run_in_background()
