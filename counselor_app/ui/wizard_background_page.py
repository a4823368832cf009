"""Step 3: background and goals, saved to the job seeker's record (they feed the recommendations)."""

from __future__ import annotations

from typing import Any

from counselor_app.ui.job_seeker_form import BACKGROUND_FIELDS, JobSeekerForm
from counselor_app.ui.widgets import paragraph
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep

#: What the recommendation engine cannot work without.
NEEDED_FOR_RECOMMENDATIONS = ("education", "digital_skill", "weekly_hours")


class BackgroundStep(WizardStep):
    step_id = "background"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.body_layout.addWidget(paragraph(self.tr(
            "Ask about the last job, the goal, what they like, and how much time they have each week. The "
            "recommendations on the next step are built from these answers."), self.body))
        self.form = JobSeekerForm(self.ctx, fields=BACKGROUND_FIELDS, parent=self.body)
        self.form.changed.connect(self.mark_changed)
        self.body_layout.addWidget(self.form)
        self.body_layout.addStretch(1)
        self._loaded_for: str | None = None

    def title(self) -> str:
        return self.tr("Background and goals")

    def next_label(self) -> str:
        return self.tr("&Save and see recommendations")

    def draft(self) -> dict[str, Any]:
        return {"form": self.form.values(), "for": self._loaded_for}

    def restore(self, draft: dict[str, Any]) -> None:
        if draft.get("form"):
            self.form.set_values(draft["form"])
            self._loaded_for = draft.get("for") or self.state.job_seeker_id
        else:
            self.form.set_values({"preferred_language": "en"})
            self._loaded_for = None

    def enter(self) -> None:
        job_seeker_id = self.state.job_seeker_id
        if not job_seeker_id or self._loaded_for == job_seeker_id:
            return
        desk = self.ctx.desk

        def loaded(seeker: Any) -> None:
            self._loaded_for = seeker.id
            self.form.set_values(seeker)
            self.mark_changed()

        self.ctx.query(self, lambda: desk.job_seekers.get(job_seeker_id), loaded).run_in_background()

    def focus_first(self) -> None:
        first = self.form.first_input()
        if first is not None:
            first.setFocus()

    def go_next(self, proceed: Proceed) -> None:
        from counselor_app.core.errors import ValidationError
        from counselor_app.core.job_seekers import clean_job_seeker

        values = self.form.values()
        missing: dict[str, Any] = {name: self.tr("Ask this: the recommendations need it.")
                                   for name in NEEDED_FOR_RECOMMENDATIONS if values.get(name) in (None, "", [])}
        # Every problem of the step at once: what is missing and what the core would refuse (a pure check, no
        # write), instead of one round for each.
        try:
            clean_job_seeker(values, today=self.ctx.today(), partial=True)
        except ValidationError as exc:
            missing = dict(exc.field_errors) | missing
        if missing:
            self.form.show_errors(missing)
            proceed(STAY)
            return
        job_seeker_id = self.state.chosen_job_seeker_id()
        desk = self.ctx.desk

        def saved(seeker: Any) -> None:
            self.form.clear_errors()  # coming Back to this step must not show the last try's messages
            self.state.background_saved = True
            self.state.background = values
            proceed(None)

        def failed(exc: BaseException) -> None:
            from counselor_app.core.errors import ValidationError
            from counselor_app.ui.operations import show_error

            if isinstance(exc, ValidationError):
                self.form.show_errors(exc.field_errors)
            else:
                show_error(self, exc)
            proceed(STAY)

        self.ctx.collection_op(self, lambda: desk.job_seekers.update(job_seeker_id, values),
                               success=saved).failure(failed) \
            .with_progress(self.tr("Saving…")).run_in_background()
