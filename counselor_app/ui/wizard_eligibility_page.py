"""Step 2: eligibility by self-attestation, with the state's questions and attestation text.

The verdict comes from the core's rules (``desk.appointments.attest``) and is stored whatever it is; the page
shows it with the reasons a counselor can read aloud and, when the answer is no, what to offer instead. Before
any question is asked, the page checks whether a license could be issued at all (already licensed, program
closed), so nobody answers questions for nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from counselor_app.core.errors import IssuanceRefused
from counselor_app.core.messages import to_json
from counselor_app.core.vocabulary import RefusalReason
from counselor_app.ui.core_messages import words
from counselor_app.ui.widgets import banner, html_escape, paragraph, set_banner_kind
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep

#: Refusals known before the attestation; the others (no attestation yet, not eligible) are what this step is for.
EARLY_REFUSALS = (RefusalReason.PAST_ISSUE_BY, RefusalReason.NOT_STARTED, RefusalReason.ALREADY_LICENSED)


def refusal_json(exc: IssuanceRefused) -> dict[str, Any]:
    """A refusal as the wizard state keeps it (autosaved): the reason, and the message and next step as codes with
    arguments (``core.messages.to_json``), so a resumed draft is worded in the language of the day."""
    return {"code": exc.reason_code, "message": to_json(exc.message), "next_step": to_json(exc.next_step)}


def refusal_html(message: Any, next_step: Any) -> str:
    """A refusal as the counselor reads it: why, then what they can do next (each a core message, its saved JSON
    form, or the English text of a draft saved before messages had codes)."""
    text = f"<b>{html_escape(words(message))}</b>"
    if next_step:
        text += "<br>" + html_escape(QCoreApplication.translate("EligibilityStep", "What you can do next: {step}")
                                     .format(step=words(next_step)))
    return text


class _OptionText(QLabel):
    """A choice's words beside its radio button, wrapped to the column's width; a click on them chooses it."""

    def __init__(self, text: str, radio: QRadioButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.radio = radio
        self.setWordWrap(True)
        self.setObjectName(f"{radio.objectName()}_text")

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if self.radio.isEnabled():
            self.radio.click()
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class EligibilityStep(WizardStep):
    step_id = "eligibility"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        profile = self.ctx.desk.profile
        self.refusal = banner(self.body, kind="error")
        self.refusal.setObjectName("early_refusal")
        self.refusal.setVisible(False)
        self.body_layout.addWidget(self.refusal)
        self.body_layout.addWidget(paragraph(self.tr(
            "Read the attestation to the job seeker (or let them read it), then ask each question."), self.body))
        # Two columns so the attestation, every question and the verdict fit one 1366x768 screen: the text and
        # the choice questions on the left, the yes/no questions and the verdict on the right.
        columns = QHBoxLayout()
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.body_layout.addLayout(columns)
        box = QGroupBox(self.tr("Attestation ({version})").format(version=profile.attestation_version), self.body)
        bl = QVBoxLayout(box)
        self.attestation_text = paragraph(profile.attestation_text, box)
        self.attestation_text.setObjectName("attestation_text")
        font = self.attestation_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.attestation_text.setFont(font)
        bl.addWidget(self.attestation_text)
        left.addWidget(box)
        self.prefilled_note = paragraph("", self.body)
        self.prefilled_note.setObjectName("prefilled_note")
        self.prefilled_note.setVisible(False)
        right.addWidget(self.prefilled_note)

        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, list[tuple[Any, QRadioButton]]] = {}
        self.question_boxes: dict[str, QGroupBox] = {}
        self.errors: dict[str, QLabel] = {}
        for q in profile.questions:
            # A group box's title and a radio button's text never wrap: one long question or answer (New York's,
            # or any in Spanish) would widen its column past the window. The texts are word-wrapped labels.
            qbox = QGroupBox(self.body)
            qbox.setObjectName(f"question_{q.id}")
            qbox.setAccessibleName(q.text)
            ql = QVBoxLayout(qbox)
            ql.setContentsMargins(8, 4, 8, 4)
            ql.setSpacing(2)
            question = QLabel(q.text + ("" if q.required else self.tr(" (optional)")), qbox)
            question.setObjectName(f"question_text_{q.id}")
            question.setWordWrap(True)
            ql.addWidget(question)
            group = QButtonGroup(qbox)
            group.setExclusive(True)
            options: list[tuple[Any, str]]
            if q.type == "yes_no":
                options = [(True, self.tr("Yes")), (False, self.tr("No"))]
                row = QHBoxLayout()
                ql.addLayout(row)
                target = row
            else:
                options = list(q.options)
                target = ql  # type: ignore[assignment]
            self.buttons[q.id] = []
            for i, (value, label) in enumerate(options):
                radio = QRadioButton(label if q.type == "yes_no" else "", qbox)
                radio.setObjectName(f"answer_{q.id}_{value}")
                radio.setAccessibleName(f"{q.text} {label}")
                group.addButton(radio, i)
                if q.type == "yes_no":
                    target.addWidget(radio)
                else:
                    option = QHBoxLayout()
                    option.setSpacing(4)
                    option.addWidget(radio, 0, Qt.AlignmentFlag.AlignTop)
                    option.addWidget(_OptionText(label, radio, qbox), 1)
                    target.addLayout(option)
                self.buttons[q.id].append((value, radio))
            if q.type == "yes_no":
                target.addStretch(1)
            err = QLabel(qbox)
            err.setObjectName(f"error_{q.id}")
            err.setStyleSheet("color: #b3261e;")
            err.setWordWrap(True)
            err.setVisible(False)
            ql.addWidget(err)
            self.errors[q.id] = err
            group.buttonToggled.connect(self._answer_changed)
            self.groups[q.id] = group
            self.question_boxes[q.id] = qbox
            (left if q.type == "choice" else right).addWidget(qbox)
        self.verdict = banner(self.body)
        self.verdict.setObjectName("verdict")
        self.verdict.setVisible(False)
        right.addWidget(self.verdict)
        left.addStretch(1)
        right.addStretch(1)
        self.body_layout.addStretch(1)
        self._early: dict[str, str] | None = None

    def title(self) -> str:
        return self.tr("Eligibility")

    # -- answers --------------------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for qid, pairs in self.buttons.items():
            for value, radio in pairs:
                if radio.isChecked():
                    out[qid] = value
        return out

    def _set_answers(self, answers: dict[str, Any]) -> None:
        for qid, pairs in self.buttons.items():
            group = self.groups[qid]
            group.blockSignals(True)
            group.setExclusive(False)
            for value, radio in pairs:
                radio.setChecked(qid in answers and answers[qid] == value)
            group.setExclusive(True)
            group.blockSignals(False)

    def _answer_changed(self, *_args: Any) -> None:
        attestation = self.state.attestation
        if attestation and attestation.get("answers") != self.answers():
            # New answers need a new attestation; the old one stays in the record.
            self.state.attestation = None
            self._show_verdict()
        for err in self.errors.values():
            err.setVisible(False)
        self._show_verdict()
        self.buttons_changed.emit()
        self.mark_changed()

    def draft(self) -> dict[str, Any]:
        return {"answers": self.answers()}

    def restore(self, draft: dict[str, Any]) -> None:
        self._set_answers(dict(draft.get("answers") or {}))
        self._show_verdict()

    # -- wizard ---------------------------------------------------------------------------------------------
    def enter(self) -> None:
        self._show_verdict()
        job_seeker_id = self.state.job_seeker_id
        if not job_seeker_id or self.state.issuance:
            return
        desk = self.ctx.desk
        if not self.answers() and not self.state.attestation:
            self.ctx.query(self, lambda: desk.job_seekers.get(job_seeker_id), self._prefill) \
                .latest_only(f"eligibility.prefill.{id(self)}").run_in_background()

        def check() -> dict[str, Any] | None:
            try:
                desk.licenses.check(job_seeker_id)
            except IssuanceRefused as exc:
                if exc.reason_code in EARLY_REFUSALS:
                    return refusal_json(exc)
            return None

        self.ctx.query(self, check, self._show_early).latest_only(f"eligibility.check.{id(self)}") \
            .run_in_background()

    def _prefill(self, seeker: Any) -> None:
        """Start from what the person's record says; the counselor reads the answers back to confirm them."""
        from counselor_app.core.attestation_details import QUESTION_FIELDS, answers_from_record

        if self.answers() or self.state.attestation or seeker.id != self.state.job_seeker_id:
            return
        record = {field: getattr(seeker, field, None) for field in QUESTION_FIELDS.values()}
        answers = answers_from_record(self.ctx.desk.profile.questions, record)
        self.prefilled_note.setVisible(bool(answers))
        if not answers:
            return
        self.prefilled_note.setText(self.tr(
            "Answers from {name}'s record are filled in: read them back and change any that are no longer "
            "true.").format(name=seeker.full_name))
        self._set_answers(answers)
        self._show_verdict()
        self.buttons_changed.emit()
        self.mark_changed()
        self.focus_first()

    def _preview(self) -> Any:
        """The verdict these answers would get (nothing is recorded), or None while a required one is missing."""
        from counselor_app.core.eligibility import evaluate
        from counselor_app.core.errors import ValidationError

        try:
            return evaluate(self.ctx.desk.profile, self.answers())
        except ValidationError:
            return None

    def _show_early(self, refusal: dict[str, Any] | None) -> None:
        self._early = refusal
        if refusal:
            self.refusal.setText(refusal_html(refusal["message"], refusal["next_step"]))
        self.refusal.setVisible(bool(refusal))
        # No license can follow, so there is nothing to attest: the questions wait, greyed out.
        for box in self.question_boxes.values():
            box.setEnabled(not refusal)
        self.buttons_changed.emit()

    def _show_verdict(self) -> None:
        att = self.state.attestation
        recorded = bool(att)
        if not att:
            preview = self._preview()
            if preview is None:
                self.verdict.setVisible(False)
                return
            att = {"eligible": preview.eligible, "reasons": list(preview.reasons), "notes": list(preview.notes),
                   "next_step": preview.next_step}
        reasons = "".join(f"<li>{html_escape(r)}</li>" for r in att.get("reasons", []))
        notes = "".join(f"<li>{html_escape(n)}</li>" for n in att.get("notes", []))
        # Translated outside the f-strings: pyside6-lupdate does not see tr() calls inside them.
        if att.get("eligible"):
            set_banner_kind(self.verdict, "ok")
            verdict = self.tr("Eligible.")
        else:
            set_banner_kind(self.verdict, "error")
            verdict = self.tr("Not eligible.")
        status = self.tr("Recorded.") if recorded else self.tr("Not recorded yet.")
        text = f"<b>{html_escape(verdict)}</b> {html_escape(status)}<ul>{reasons}{notes}</ul>"
        if not att.get("eligible") and att.get("next_step"):
            text += html_escape(self.tr("What you can do next: {step}").format(step=att["next_step"]))
        self.verdict.setText(text)
        self.verdict.setVisible(True)

    def next_label(self) -> str:
        if self._early:
            return self.tr("&Next: record the outcome")
        att = self.state.attestation
        if not att:
            preview = self._preview()
            if preview is not None and not preview.eligible:
                return self.tr("&Record the attestation")
            return self.tr("&Record and continue")
        if att.get("eligible"):
            return self.tr("&Next: background and goals")
        return self.tr("&Next: record the outcome")

    def go_next(self, proceed: Proceed) -> None:
        if self._early:
            self.state.refusal = dict(self._early)
            proceed("summary")
            return
        att = self.state.attestation
        if att:
            proceed(None if att.get("eligible") else "summary")
            return
        job_seeker_id = self.state.job_seeker_id
        if not job_seeker_id:
            proceed("find")
            return
        answers = self.answers()
        desk = self.ctx.desk
        appointment_id = self.wizard.appointment_id

        def recorded(result: Any) -> None:
            r = result.result
            self.state.attestation = {"id": result.attestation_id, "eligible": r.eligible,
                                         "reasons": list(r.reasons), "notes": list(r.notes),
                                         "next_step": r.next_step, "answers": answers}
            if not r.eligible:
                self.state.refusal = {"code": RefusalReason.NOT_ELIGIBLE, "message": " ".join(r.reasons),
                                         "next_step": r.next_step}
            else:
                self.state.refusal = None
            self._show_verdict()
            self.mark_changed()
            if r.eligible:  # the verdict was on screen before the click; go on to background and goals
                proceed(None)
                return
            self.wizard.save_now()
            proceed(STAY)
            self.scroll_area.ensureWidgetVisible(self.verdict)
            self.wizard.next_button.setFocus()

        def failed(exc: BaseException) -> None:
            from counselor_app.core.errors import ValidationError
            from counselor_app.ui.operations import show_error

            if isinstance(exc, ValidationError):
                first = None
                from counselor_app.ui.core_messages import words

                for qid, message in exc.field_errors.items():
                    err = self.errors.get(qid)
                    if err is not None:
                        err.setText(words(message))
                        err.setVisible(True)
                        first = first or qid
                if first:
                    self.buttons[first][0][1].setFocus()
                    self.scroll_area.ensureWidgetVisible(self.question_boxes[first])
            else:
                show_error(self, exc)
            proceed(STAY)

        self.ctx.collection_op(self, lambda: desk.appointments.attest(job_seeker_id, answers,
                                                                      appointment_id=appointment_id),
                               success=recorded) \
            .failure(failed).with_progress(self.tr("Recording the attestation…")).run_in_background()

    def focus_first(self) -> None:
        required = {q.id for q in self.ctx.desk.profile.questions if q.required}
        for qid, pairs in self.buttons.items():
            if qid in required and pairs and not any(r.isChecked() for _v, r in pairs):
                pairs[0][1].setFocus()
                return
        self.wizard.next_button.setFocus()
