"""Step 6: issue the license, after the job seeker has confirmed the e-mail address on screen.

The invitation is e-mailed by the provider, so a wrong address means the license is wasted: the address is shown
large enough to read across the desk, typo suggestions are offered, and issuing needs an explicit confirmation.
Every refusal from the core is shown with its reason and what the counselor can do next.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit

from counselor_app.core.errors import IssuanceRefused
from counselor_app.core.validation import display_email, suggest_email
from counselor_app.core.vocabulary import RefusalReason
from counselor_app.ui import labels
from counselor_app.ui.core_messages import words
from counselor_app.ui.widgets import banner, button, error_label, html_escape, make_helper_chip, paragraph
from counselor_app.ui.wizard_eligibility_page import refusal_html, refusal_json
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep


class LicenseStep(WizardStep):
    step_id = "license"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        profile = self.ctx.desk.profile
        program = profile.program
        self.refusal = banner(self.body, kind="error")
        self.refusal.setObjectName("license_refusal")
        self.refusal.setVisible(False)
        self.body_layout.addWidget(self.refusal)
        self.body_layout.addWidget(paragraph(self.tr(
            "Turn the screen toward the job seeker and ask them to read the address back. The invitation from "
            "{sender} goes to this address.").format(sender=profile.invitation.get("sender", program.provider)),
            self.body))
        self.email_label = QLabel(self.body)
        self.email_label.setObjectName("license_email")
        self.email_label.setAccessibleName(self.tr("E-mail address for the invitation"))
        font = QFont(self.email_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.email_label.setFont(font)
        self.email_label.setWordWrap(True)
        self.email_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.email_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.email_label.setStyleSheet("QLabel { border: 2px solid palette(highlight); border-radius: 6px; "
                                       "padding: 12px; }")
        self.body_layout.addWidget(self.email_label)
        self.suggestion = banner(self.body, kind="warn")
        self.suggestion.setVisible(False)
        self.body_layout.addWidget(self.suggestion)

        fix_row = QHBoxLayout()
        self.use_suggestion_button = button("", self.body)
        self.use_suggestion_button.setObjectName("use_suggested_email")
        make_helper_chip(self.use_suggestion_button)
        self.use_suggestion_button.setVisible(False)
        self.use_suggestion_button.setAccessibleName(self.tr("Use the suggested e-mail address"))
        self.use_suggestion_button.clicked.connect(self._use_suggestion)
        fix_row.addWidget(self.use_suggestion_button)
        self.fix_button = button(self.tr("&Fix the address"), self.body)
        self.fix_button.setObjectName("fix_email")
        self.fix_button.clicked.connect(self._start_fix)
        fix_row.addWidget(self.fix_button)
        self.email_edit = QLineEdit(self.body)
        self.email_edit.setObjectName("license_email_edit")
        self.email_edit.setAccessibleName(self.tr("Corrected e-mail address"))
        self.email_edit.setVisible(False)
        fix_row.addWidget(self.email_edit, 1)
        self.save_email_button = button(self.tr("Sa&ve address"), self.body)
        self.save_email_button.setVisible(False)
        self.save_email_button.clicked.connect(self._save_email)
        fix_row.addWidget(self.save_email_button)
        fix_row.addStretch(1)
        self.body_layout.addLayout(fix_row)
        self.email_error = error_label(self.body)
        self.body_layout.addWidget(self.email_error)

        self.confirm = QCheckBox(self.tr("The job seeker &confirmed that this address is correct"), self.body)
        self.confirm.setObjectName("confirm_email")
        self.confirm.setAccessibleName(self.confirm.text().replace("&", ""))
        font = self.confirm.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.confirm.setFont(font)
        self.confirm.toggled.connect(self._confirm_toggled)
        self.body_layout.addWidget(self.confirm)

        self.deadlines = paragraph("", self.body, rich=True)  # in the job seeker's language: see enter()
        self.deadlines.setObjectName("license_deadlines")
        self.deadlines.setProperty("reader", "job_seeker")  # not the counselor: tests skip it for English
        self.body_layout.addWidget(self.deadlines)
        self.pool = paragraph("", self.body)
        self.pool.setObjectName("license_pool")
        self.body_layout.addWidget(self.pool)
        self.body_layout.addStretch(1)
        self._refused: dict[str, str] | None = None
        self._suggested: str | None = None
        self._confirmed_for = ""

    def title(self) -> str:
        return self.tr("License")

    def _confirm_toggled(self, _on: bool) -> None:
        self.buttons_changed.emit()
        self.mark_changed()

    def next_label(self) -> str:
        if self.state.issuance:
            return self.tr("&Next: summary and handout")
        if self._refused:
            return self.tr("&Next: record the outcome")
        return self.tr("&Issue the license")

    def next_enabled(self) -> bool:
        if self.state.issuance or self._refused:
            return True
        return self.confirm.isChecked() and bool(self.state.email)

    def can_go_back(self) -> bool:
        return not self.state.issuance

    def draft(self) -> dict[str, Any]:
        return {"confirmed": self.confirm.isChecked(), "confirmed_for": self.state.email
                if self.confirm.isChecked() else ""}

    def restore(self, draft: dict[str, Any]) -> None:
        self._confirmed_for = str(draft.get("confirmed_for") or "")
        self.confirm.blockSignals(True)
        self.confirm.setChecked(bool(draft.get("confirmed")))
        self.confirm.blockSignals(False)

    def focus_first(self) -> None:
        self.confirm.setFocus()

    # -- entering -------------------------------------------------------------------------------------------
    def _show_deadlines(self) -> None:
        """What to tell the job seeker, in the job seeker's language (which may not be the counselor's)."""
        from counselor_app.core.profiles import ProfileError
        from counselor_app.ui.handout_pdf import job_seeker_language, profile_in
        from counselor_app.ui.i18n import DocumentTexts

        language = job_seeker_language(self.state)
        texts = DocumentTexts(language)
        try:
            profile = profile_in(self.ctx, language)
        except ProfileError:  # an override changed since the app opened: the desk's profile still has the dates
            profile = self.ctx.desk.profile
        program = profile.program
        lines = (texts.translate("LicenseStep", "Accept the invitation and enroll by {date}.").format(
                     date=labels.format_date(program.enroll_by, texts=texts)),
                 texts.translate("LicenseStep", "Finish the courses by {date}; access ends after that.").format(
                     date=labels.format_date(program.complete_by, texts=texts)),
                 texts.translate("LicenseStep", "The invitation e-mail comes from {sender} within a few days.")
                 .format(sender=profile.invitation.get("sender", program.provider)))
        self.deadlines.setText("<b>" + html_escape(self.tr("Tell the job seeker:")) + "</b><ul>"
                               + "".join(f"<li>{html_escape(line)}</li>" for line in lines) + "</ul>")

    def enter(self) -> None:
        self._show_email()
        self._show_deadlines()
        job_seeker_id = self.state.job_seeker_id
        if not job_seeker_id:
            return
        if self.state.issuance:
            self.refusal.setVisible(False)
            self.confirm.setEnabled(False)
            self.fix_button.setEnabled(False)
            return
        desk = self.ctx.desk
        attestation_id = (self.state.attestation or {}).get("id")

        def work() -> tuple[Any, dict[str, Any] | None, Any]:
            seeker = desk.job_seekers.get(job_seeker_id)
            refusal = None
            try:
                desk.licenses.check(job_seeker_id, attestation_id=attestation_id)
            except IssuanceRefused as exc:
                refusal = refusal_json(exc)
            return seeker, refusal, desk.licenses.pool_status()

        # pool_status() may create the pool row, so this runs on the write queue.
        self.ctx.collection_op(self, work, success=self._checked).run_in_background()

    def _checked(self, result: tuple[Any, dict[str, Any] | None, Any]) -> None:
        seeker, refusal, pool = result
        self.wizard.set_job_seeker(seeker)
        self._show_email()
        self._show_refusal(refusal if refusal and refusal["code"] != RefusalReason.INVALID_EMAIL else None)
        if refusal and refusal["code"] == RefusalReason.INVALID_EMAIL:
            self.email_error.setText(words(refusal["message"]))
            self.email_error.setVisible(True)
            self._start_fix()
        remaining = pool.block_remaining
        if remaining > 0:
            self.pool.setText(self.tr("This device can issue %n more license(s) before it needs to sync.", "",
                                      remaining))
        else:
            self.pool.setText(self.tr("This device has used its block of licenses: this one will be recorded as "
                                      "pending approval and confirmed after the next sync."))
        self.buttons_changed.emit()

    def _show_email(self) -> None:
        email = self.state.email or ""
        self.email_label.setText(display_email(email) if email else self.tr("(no e-mail address on file)"))
        if self._confirmed_for and self._confirmed_for != email:
            self.confirm.setChecked(False)
        self._suggested = suggest_email(email) if email else None
        if self._suggested:
            self.suggestion.setText(html_escape(self.tr("⚠ This address looks mistyped. Did you mean {email}? "
                                                        "Check with the job seeker.").format(email=self._suggested)))
            self.use_suggestion_button.setText(self.tr("&Use {email}").format(email=self._suggested))
        self.suggestion.setVisible(bool(self._suggested))
        self.use_suggestion_button.setVisible(bool(self._suggested) and not self.state.issuance)

    def _show_refusal(self, refusal: dict[str, Any] | None) -> None:
        self._refused = refusal
        if refusal:
            self.refusal.setText(refusal_html(refusal["message"], refusal["next_step"]))
        self.refusal.setVisible(bool(refusal))
        for w in (self.confirm, self.fix_button, self.use_suggestion_button):
            w.setEnabled(not refusal or refusal["code"] == RefusalReason.INVALID_EMAIL)

    # -- fixing the address ---------------------------------------------------------------------------------
    def _start_fix(self) -> None:
        self.email_edit.setText(self._suggested or self.state.email or "")
        self.email_edit.setVisible(True)
        self.save_email_button.setVisible(True)
        self.email_edit.setFocus()
        self.email_edit.selectAll()

    def _use_suggestion(self) -> None:
        if self._suggested:
            self._save_email(self._suggested)

    def _save_email(self, new_email: str | None = None) -> None:
        new_email = (new_email if isinstance(new_email, str) else self.email_edit.text()).strip()
        desk = self.ctx.desk
        job_seeker_id = self.state.chosen_job_seeker_id()

        def saved(result: Any) -> None:  # Saved[JobSeeker]
            self.email_edit.setVisible(False)
            self.save_email_button.setVisible(False)
            self.email_error.setVisible(False)
            self.wizard.set_job_seeker(result.record)
            self.confirm.setChecked(False)
            self.enter()
            self.confirm.setFocus()

        def failed(exc: BaseException) -> None:
            from counselor_app.core.errors import ValidationError
            from counselor_app.ui.operations import show_error

            if isinstance(exc, ValidationError):
                self.email_error.setText(words(exc.field_errors.get("email", str(exc))))
                self.email_error.setVisible(True)
                self.email_edit.setFocus()
            else:
                show_error(self, exc)

        self.ctx.collection_op(self, lambda: desk.job_seekers.update(job_seeker_id, {"email": new_email}),
                               success=saved).failure(failed) \
            .run_in_background()

    # -- issuing --------------------------------------------------------------------------------------------
    def go_next(self, proceed: Proceed) -> None:
        if self.state.issuance:
            proceed(None)
            return
        if self._refused:
            self.state.refusal = dict(self._refused)
            proceed("summary")
            return
        if not self.confirm.isChecked():
            proceed(STAY)
            return
        desk = self.ctx.desk
        job_seeker_id = self.state.chosen_job_seeker_id()
        appointment_id = self.wizard.appointment_id
        attestation_id = (self.state.attestation or {}).get("id")

        def issued(result: Any) -> None:
            self.state.issuance = {"id": result.issuance_id, "status": result.status, "email": result.email,
                                      "service_record_id": result.service_record_id,
                                      "block_remaining": result.block_remaining}
            self.state.refusal = None
            self.wizard.save_now()
            proceed(None)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, IssuanceRefused):
                self._show_refusal(refusal_json(exc))
                self.scroll_area.ensureWidgetVisible(self.refusal)
            else:
                from counselor_app.ui.operations import show_error

                show_error(self, exc)
            proceed(STAY)

        self.ctx.collection_op(self, lambda: desk.licenses.issue(job_seeker_id, appointment_id=appointment_id,
                                                                 attestation_id=attestation_id),
                               success=issued).failure(failed) \
            .with_progress(self.tr("Issuing the license…")).run_in_background()

