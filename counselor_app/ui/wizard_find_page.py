"""Step 1: find the job seeker, or register them (with the duplicate check before a second record is made)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from counselor_app.ui.job_seeker_form import REGISTER_FIELDS, JobSeekerForm, save_form
from counselor_app.ui.job_seeker_search_widget import JobSeekerSearchWidget
from counselor_app.ui.widgets import banner, paragraph
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep

TAB_FIND = 0
TAB_REGISTER = 1


class FindStep(WizardStep):
    step_id = "find"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.body_layout.addWidget(paragraph(self.tr(
            "Ask for the job seeker's name, e-mail or phone. If they are not in the list, register them."),
            self.body))
        self.tabs = QTabWidget(self.body)
        self.tabs.setObjectName("find_tabs")
        self.tabs.setAccessibleName(self.tr("Find or register"))
        self.search = JobSeekerSearchWidget(self.ctx, self.tabs)
        self.search.activated.connect(lambda _id: self.wizard.next())
        self.search.current_changed.connect(self._selection_changed)
        self.search.search_edit.textChanged.connect(self.mark_changed)
        self.tabs.addTab(self.search, self.tr("Find someone re&gistered"))
        holder = QWidget(self.tabs)
        hl = QVBoxLayout(holder)
        self.form = JobSeekerForm(self.ctx, fields=REGISTER_FIELDS, parent=holder)
        self.form.changed.connect(self.mark_changed)
        hl.addWidget(self.form)
        hl.addStretch(1)
        self.tabs.addTab(holder, self.tr("Register someone ne&w"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body_layout.addWidget(self.tabs, 1)
        self.chosen_banner = banner(self.body, kind="ok")
        self.chosen_banner.setVisible(False)
        self.body_layout.addWidget(self.chosen_banner)
        self._searched = False

    def title(self) -> str:
        return self.tr("Find or register")

    def _selection_changed(self, _job_seeker_id: str) -> None:
        self.buttons_changed.emit()
        self.mark_changed()

    def _tab_changed(self, _index: int) -> None:
        self.buttons_changed.emit()
        self.mark_changed()
        self.focus_first()

    def next_label(self) -> str:
        if self.tabs.currentIndex() == TAB_REGISTER:
            return self.tr("&Register and continue")
        return self.tr("&Continue with the selected person")

    def next_enabled(self) -> bool:
        if self.tabs.currentIndex() == TAB_REGISTER:
            return True
        return bool(self.search.current_id()) or bool(self.state.job_seeker_id)

    def enter(self) -> None:
        name = self.state.job_seeker_name
        if name:
            self.chosen_banner.setText(self.tr("This appointment is with {name}. Pick someone else only if that "
                                               "was a mistake.").format(name=name))
        self.chosen_banner.setVisible(bool(name))
        if not self._searched:
            self._searched = True
            self.search.search_now()

    def focus_first(self) -> None:
        if self.tabs.currentIndex() == TAB_REGISTER:
            first = self.form.first_input()
            if first is not None:
                first.setFocus()
        else:
            self.search.search_edit.setFocus()

    def draft(self) -> dict[str, Any]:
        return {"tab": self.tabs.currentIndex(), "search": self.search.search_edit.text(),
                "form": self.form.values()}

    def restore(self, draft: dict[str, Any]) -> None:
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(int(draft.get("tab", TAB_FIND) or 0))
        self.tabs.blockSignals(False)
        self.search.search_edit.blockSignals(True)
        self.search.search_edit.setText(str(draft.get("search", "") or ""))
        self.search.search_edit.blockSignals(False)
        self.form.set_values(draft.get("form") or {"preferred_language": "en"})

    def go_next(self, proceed: Proceed) -> None:
        desk = self.ctx.desk

        def chosen(seeker: Any) -> None:
            self.wizard.set_job_seeker(seeker)
            proceed(None)

        def open_existing(job_seeker_id: str) -> None:
            def failed(exc: BaseException) -> None:
                proceed(STAY)
                self._error(exc)

            self.ctx.query(self, lambda: desk.job_seekers.get(job_seeker_id), chosen).failure(failed) \
                .run_in_background()

        if self.tabs.currentIndex() == TAB_REGISTER:
            done = {"saved": False}

            def saved(seeker: Any) -> None:
                done["saved"] = True
                chosen(seeker)

            def finished() -> None:
                if not done["saved"]:
                    proceed(STAY)

            save_form(self.ctx, self.form, on_saved=saved, on_open_existing=open_existing, on_done=finished)
            return
        job_seeker_id = self.search.current_id() or self.state.job_seeker_id or ""
        if not job_seeker_id:
            proceed(STAY)
            return
        open_existing(job_seeker_id)

    def _error(self, exc: BaseException) -> None:
        from counselor_app.ui.operations import show_error

        show_error(self, exc)
