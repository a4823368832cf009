"""Step 7: what happened, the handout for the job seeker, the outcome and notes; then the appointment ends.

``desk.appointments.complete`` is the last write; until then the appointment stays "in progress" and can be
resumed, so a counselor who is interrupted on this page loses nothing either.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
)

from counselor_app.core.vocabulary import Entity, LicenseStatus, RefusalReason
from counselor_app.ui import labels
from counselor_app.ui.core_messages import words
from counselor_app.ui.handout_pdf import (
    handout_data,
    handout_html,
    job_seeker_language,
    profile_in,
    write_handout_pdf,
)
from counselor_app.ui.i18n import current_language
from counselor_app.ui.widgets import banner, button, html_escape, paragraph, set_banner_kind
from counselor_app.ui.wizard_state import WizardState
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep


def default_outcome(state: WizardState | dict[str, Any]) -> str:
    issuance = state.get("issuance") or {}
    if issuance.get("status") == LicenseStatus.ISSUED:
        return "license_issued"
    if issuance.get("status") == LicenseStatus.PENDING_APPROVAL:
        return "pending_approval"
    refusal = state.get("refusal") or {}
    code = refusal.get("code")
    if code == RefusalReason.NOT_ELIGIBLE or (state.get("attestation") or {}).get("eligible") is False:
        return "not_eligible"
    if code == RefusalReason.ALREADY_LICENSED:
        return "already_licensed"
    if code in (RefusalReason.PAST_ISSUE_BY, RefusalReason.NOT_STARTED):
        return "referred_elsewhere"
    if not state.get("job_seeker_id"):
        return "left_before_seen"
    return "needs_follow_up"


def fitting_outcomes(state: WizardState | dict[str, Any]) -> list[str]:
    """The outcomes this appointment can end with (the core's rule): none that needs a person when nobody was
    picked, and "License issued" only when a license was issued in it."""
    from counselor_app.core.appointments import OUTCOMES, outcome_refusal

    issuance = state.get("issuance") or {}
    statuses = (str(issuance["status"]),) if issuance.get("status") else ()
    has_person = bool(state.get("job_seeker_id"))
    return [o for o in OUTCOMES if outcome_refusal(o, has_person=has_person, issuance_statuses=statuses) is None]


class SummaryStep(WizardStep):
    step_id = "summary"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.result = banner(self.body)
        self._issued_text = ""
        self.result.setObjectName("summary_result")
        self.body_layout.addWidget(self.result)
        self.plan_label = paragraph("", self.body, rich=True)
        self.plan_label.setObjectName("summary_plan")
        self.body_layout.addWidget(self.plan_label)
        row = QHBoxLayout()
        # The handout goes home with the job seeker: in their language, which the counselor may change.
        self.handout_language = QComboBox(self.body)
        self.handout_language.setObjectName("handout_language")
        self.handout_language.addItem(self.tr("English"), "en")
        self.handout_language.addItem(self.tr("Spanish"), "es")
        self.handout_language.setAccessibleName(self.tr("Handout language"))
        self.handout_language.setToolTip(self.tr("The language of the printed or saved handout; it starts as the "
                                                 "job seeker's preferred language"))
        self.handout_language.currentIndexChanged.connect(self._handout_language_changed)
        language_label = QLabel(self.tr("Handout &language"), self.body)
        language_label.setBuddy(self.handout_language)
        row.addWidget(language_label)
        row.addWidget(self.handout_language)
        self.pdf_button = button(self.tr("Save the handout as &PDF…"), self.body, tooltip=self.tr(
            "A one-page learning plan for the job seeker: plan, dates, how the invitation arrives, whom to call"))
        self.pdf_button.setObjectName("save_handout")
        self.pdf_button.clicked.connect(self.save_handout)
        self.print_button = button(self.tr("P&rint the handout…"), self.body)
        self.print_button.setObjectName("print_handout")
        self.print_button.clicked.connect(self.print_handout)
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.handout_status = QLabel(self.body)
        self.handout_status.setWordWrap(True)
        self.body_layout.addWidget(self.handout_status)
        form = QFormLayout()
        self.outcome = QComboBox(self.body)
        self.outcome.setObjectName("outcome")
        for value, text in labels.outcome_labels().items():
            self.outcome.addItem(text, value)
        self.outcome.currentIndexChanged.connect(self.mark_changed)
        outcome_label = QLabel(self.tr("&Outcome"), self.body)
        outcome_label.setBuddy(self.outcome)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.notes = QPlainTextEdit(self.body)
        self.notes.setObjectName("appointment_notes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything the next counselor should know (optional)"))
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.notes.textChanged.connect(self.mark_changed)
        notes_label = QLabel(self.tr("No&tes"), self.body)
        notes_label.setBuddy(self.notes)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.outcome)
        outcome_row.addStretch(1)
        form.addRow(outcome_label, outcome_row)
        form.addRow(notes_label, self.notes)
        self.body_layout.addLayout(form)
        self.body_layout.addStretch(1)
        self._outcome_touched = False
        self._language_touched = False
        self.last_handout: Path | None = None

    def title(self) -> str:
        return self.tr("Summary")

    def next_label(self) -> str:
        return self.tr("&Finish the appointment")

    def can_go_back(self) -> bool:
        return not self.state.issuance

    def draft(self) -> dict[str, Any]:
        return {"outcome": self.outcome.currentData(), "notes": self.notes.toPlainText(),
                "outcome_touched": self._outcome_touched or self.outcome.currentData() != default_outcome(
                    self.state),
                "handout_language": self.handout_language.currentData() if self._language_touched else None}

    def restore(self, draft: dict[str, Any]) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(str(draft.get("notes") or ""))
        self.notes.blockSignals(False)
        self._outcome_touched = bool(draft.get("outcome_touched"))
        self._language_touched = draft.get("handout_language") in ("en", "es")
        if self._language_touched:
            self._set_handout_language(str(draft["handout_language"]))
        if draft.get("outcome"):
            self.outcome.blockSignals(True)
            self.outcome.setCurrentIndex(max(self.outcome.findData(draft["outcome"]), 0))
            self.outcome.blockSignals(False)

    def _set_handout_language(self, language: str) -> None:
        self.handout_language.blockSignals(True)
        self.handout_language.setCurrentIndex(max(self.handout_language.findData(language), 0))
        self.handout_language.blockSignals(False)

    def _handout_language_changed(self) -> None:
        self._language_touched = True
        self.mark_changed()
        self.enter()

    def _show_service_state(self, pending: bool | None) -> None:
        """Say exactly what happened to the case-management service: queued on this desk, or recorded."""
        profile = self.ctx.desk.profile
        if pending is None:
            line = ""
        elif pending:
            line = self.tr("Queued for {cms} as “{label}”: it is recorded there once this desk syncs with the "
                           "agency server.").format(cms=profile.case_management_system, label=profile.service_label)
        else:
            line = self.tr("Recorded in {cms} as “{label}”.").format(
                cms=profile.case_management_system, label=profile.service_label)
        self.result.setText(self._issued_text + ("<br>" + html_escape(line) if line else ""))

    def language(self) -> str:
        """The handout's language: the job seeker's preferred one unless the counselor chose another."""
        return str(self.handout_language.currentData() or "en")

    def focus_first(self) -> None:
        self.pdf_button.setFocus()

    def enter(self) -> None:
        state = self.state
        issuance = state.get("issuance") or {}
        refusal = state.get("refusal")
        if not self._language_touched:
            self._set_handout_language(job_seeker_language(state))
        # The box is read by the counselor: in the app's language (the handout follows the job seeker's).
        how = profile_in(self.ctx, current_language()).invitation.get("how_it_arrives", "")
        if issuance.get("status") == LicenseStatus.ISSUED:
            set_banner_kind(self.result, "ok")
            self._issued_text = "<b>" + html_escape(self.tr("License issued.")) + "</b> " + html_escape(self.tr(
                "The invitation will be sent to {email}. {how}").format(email=issuance.get("email", ""), how=how))
            self._show_service_state(None)
            service_id = issuance.get("service_record_id")
            if service_id:
                from counselor_app.sync.outbox import is_pending

                desk = self.ctx.desk
                self.ctx.query(self, lambda: is_pending(desk, entity=Entity.CASE_SERVICE, entity_id=service_id),
                               self._show_service_state).latest_only(f"summary.service.{id(self)}") \
                    .run_in_background()
        elif issuance.get("status") == LicenseStatus.PENDING_APPROVAL:
            set_banner_kind(self.result, "warn")
            self.result.setText("<b>" + html_escape(self.tr("License recorded, pending approval.")) + "</b> "
                                + html_escape(self.tr(
                                    "This device has used its reserved licenses. The license is confirmed after "
                                    "the next sync; the invitation goes out once it is approved.")))
        elif refusal:
            set_banner_kind(self.result, "error")
            text = "<b>" + html_escape(self.tr("No license was issued.")) + "</b> " + html_escape(
                words(refusal.get("message", "")))
            if refusal.get("next_step"):
                text += "<br>" + html_escape(self.tr("What you can do next: {step}").format(
                    step=words(refusal["next_step"])))
            self.result.setText(text)
        else:
            set_banner_kind(self.result, "info")
            self.result.setText(html_escape(self.tr("No license was issued in this appointment with {name}.")
                                            .format(name=state.get("job_seeker_name") or self.tr("the job seeker"))))
        plan = state.get("plan") or {}
        if plan.get("items"):
            items = "".join(f"<li>{html_escape(i.get('title', ''))}</li>" for i in plan["items"])
            self.plan_label.setText("<b>" + html_escape(self.tr("Learning plan:")) + f"</b><ul>{items}</ul>")
        else:
            self.plan_label.setText("")
        has_person = bool(state.get("job_seeker_id"))
        self.pdf_button.setEnabled(has_person)
        self.print_button.setEnabled(has_person)
        self._offer_outcomes(state)
        if not self._outcome_touched:
            self.outcome.blockSignals(True)
            self.outcome.setCurrentIndex(max(self.outcome.findData(default_outcome(state)), 0))
            self.outcome.blockSignals(False)

    def _offer_outcomes(self, state: WizardState | dict[str, Any]) -> None:
        """Only the outcomes that fit this appointment are offered; the chosen one stays when it still fits."""
        current = self.outcome.currentData()
        fitting = fitting_outcomes(state)
        names = labels.outcome_labels()
        self.outcome.blockSignals(True)
        self.outcome.clear()
        for value in names:
            if value in fitting:
                self.outcome.addItem(names[value], value)
        index = self.outcome.findData(current)
        if index < 0:
            index = max(self.outcome.findData(default_outcome(state)), 0)
            self._outcome_touched = False
        self.outcome.setCurrentIndex(index)
        self.outcome.blockSignals(False)

    # -- handout --------------------------------------------------------------------------------------------
    def save_handout(self, path: str | None = None) -> None:
        """Ask where to save (unless ``path`` is given) and write the PDF in the background."""
        if not path:
            name = (self.state.job_seeker_name or "job-seeker").replace(" ", "-")
            suggested = str(self.ctx.desk.paths.exports_dir / f"learning-plan-{name}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the handout"), suggested,
                                                  self.tr("PDF files (*.pdf)"))
            if not path:
                return
        data = handout_data(self.ctx, self.state, language=self.language())

        def done(written: Path) -> None:
            self.last_handout = written
            self.handout_status.setText(self.tr("Saved: {path}").format(path=written))

        self.ctx.query(self, lambda: write_handout_pdf(data, path), done) \
            .with_progress(self.tr("Writing the handout…")).run_in_background()

    def print_handout(self) -> None:
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a build without print support still has the PDF
            path = Path(tempfile.mkdtemp(prefix="counselor-desk-handout-")) / "learning-plan.pdf"
            self.save_handout(str(path))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return
        from PySide6.QtGui import QTextDocument

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml(handout_html(handout_data(self.ctx, self.state, language=self.language())))
        doc.print_(printer)
        self.handout_status.setText(self.tr("Sent to the printer."))

    # -- finishing ------------------------------------------------------------------------------------------
    def go_next(self, proceed: Proceed) -> None:
        desk = self.ctx.desk
        appointment_id = self.wizard.appointment_id
        outcome = str(self.outcome.currentData())
        notes = self.notes.toPlainText().strip() or None
        self.wizard.flush_autosave()

        def done(_appt: Any) -> None:
            self.wizard.mark_completed()
            proceed(STAY)
            self.wizard.finished.emit()

        def failed(exc: BaseException) -> None:
            from counselor_app.ui.operations import show_error

            show_error(self, exc)
            proceed(STAY)

        self.ctx.collection_op(self, lambda: desk.appointments.complete(appointment_id, outcome=outcome,
                                                                        notes=notes),
                               success=done).failure(failed) \
            .run_in_background()
