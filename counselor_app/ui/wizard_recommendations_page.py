"""Step 4: recommendations as cards (what, how long, fits the deadline, why), and two side by side.

Built by the catalog engine from what was saved on the background step; the counselor ticks what the job seeker
wants to do, and the plan step turns the ticks into dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.validation import LANGUAGES
from counselor_app.ui import labels
from counselor_app.ui.catalog_table_model import format_hours
from counselor_app.ui.core_messages import error_words
from counselor_app.ui.i18n import current_language
from counselor_app.ui.recommendation_card import RecommendationCard, fits_badge
from counselor_app.ui.widgets import banner, button, html_escape, paragraph
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep


def request_values(background: dict[str, Any], *, deadline: date) -> dict[str, Any]:
    """The background step's answers in the shape ``RecommendationRequest.from_dict`` reads."""
    language = background.get("preferred_language") or "en"
    if language not in LANGUAGES or language == "other":
        language = "en"
    return {
        "education": background.get("education"), "digital_skill": background.get("digital_skill"),
        "language": language, "weekly_hours": background.get("weekly_hours"),
        "last_occupation_soc": background.get("last_occupation_soc") or None,
        "goal_soc": background.get("goal_soc") or None,
        "interests": list(background.get("interests") or []), "barriers": list(background.get("barriers") or []),
        "deadline": deadline.isoformat(),
    }


class RecommendationsStep(WizardStep):
    step_id = "recommendations"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.intro = paragraph("", self.body)
        self.body_layout.addWidget(self.intro)
        self.messages = banner(self.body, kind="warn")
        self.messages.setObjectName("recommendation_messages")
        self.messages.setVisible(False)
        self.body_layout.addWidget(self.messages)
        self.shorter_button = button(self.tr("Use the &shorter path"), self.body)
        self.shorter_button.setObjectName("use_shorter_path")
        self.shorter_button.setVisible(False)
        self.shorter_button.clicked.connect(self._use_shorter_path)
        row = QHBoxLayout()
        row.addWidget(self.shorter_button)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.hint = paragraph(self.tr("Tick “Add to the plan” on what the job seeker wants to do. Tick “Compare” on "
                                      "two cards to see them side by side here."), self.body)
        self.body_layout.addWidget(self.hint)
        # The comparison sits above the cards, where the counselor is looking, not under eight of them.
        self.compare_box = QGroupBox(self.tr("Side by side"), self.body)
        self.compare_box.setObjectName("compare_panel")
        self.compare_grid = QGridLayout(self.compare_box)
        self.compare_box.setVisible(False)
        self.body_layout.addWidget(self.compare_box)
        self.cards_holder = QWidget(self.body)
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addWidget(self.cards_holder)
        self.body_layout.addStretch(1)
        self.cards: dict[str, RecommendationCard] = {}
        self.result: Any = None
        self.chosen: list[str] = []
        self.compare: list[str] = []
        self._request_key: Any = None
        self.error = ""

    def title(self) -> str:
        return self.tr("Recommendations")

    def next_label(self) -> str:
        return self.tr("&Next: make the plan (%n chosen)", "", len(self.chosen))

    def next_enabled(self) -> bool:
        return bool(self.chosen)

    def draft(self) -> dict[str, Any]:
        return {"chosen": list(self.chosen), "compare": list(self.compare)}

    def restore(self, draft: dict[str, Any]) -> None:
        self.chosen = [str(i) for i in draft.get("chosen", [])]
        self.compare = [str(i) for i in draft.get("compare", [])][:2]
        self._sync_boxes()

    def focus_first(self) -> None:
        if self.cards:
            next(iter(self.cards.values())).plan_box.setFocus()

    # -- building -------------------------------------------------------------------------------------------
    def enter(self) -> None:
        catalog = self.ctx.catalog
        program = self.ctx.desk.profile.program
        background = self.state.background or (self.state.pages.get("background") or {}).get(
            "form") or {}
        values = request_values(background, deadline=program.complete_by)
        key = (id(catalog), tuple(sorted((k, str(v)) for k, v in values.items())))
        self.intro.setText(self.tr(
            "Based on the answers just saved, with about {hours} hours a week until {deadline}. Tick what the "
            "job seeker wants to do.").format(hours=f"{values['weekly_hours']:g}" if values.get("weekly_hours")
                                              else "?",
                                              deadline=labels.format_date(program.complete_by)))
        if catalog is None:
            self.messages.setText(self.ctx.catalog_error or self.tr("The catalog is still loading…"))
            self.messages.setVisible(True)
            self.ctx.load_catalog()
            self.ctx.events.operation_did_execute.connect(self._catalog_arrived)
            return
        if key == self._request_key and self.result is not None:
            return
        self._request_key = key
        today = self.ctx.today()
        language = current_language()  # the reasons are read by the counselor, in the app's language

        def work() -> Any:
            from counselor_app.core.catalog import RecommendationRequest, recommend

            request = RecommendationRequest.from_dict(values)
            return recommend(catalog, request, today=today, language=language)

        def failed(exc: BaseException) -> None:
            self._request_key = None
            self.messages.setText(html_escape(error_words(exc)))
            self.messages.setVisible(True)

        self.ctx.query(self, work, self._show).failure(failed).latest_only(f"recommend.{id(self)}") \
            .with_progress(self.tr("Finding recommendations…")).run_in_background()

    def _catalog_arrived(self, changes: OpChanges) -> None:
        if changes.catalog and self.ctx.catalog is not None:
            self.ctx.events.operation_did_execute.disconnect(self._catalog_arrived)
            if self.wizard.current_step == self.step_id:
                self.enter()

    def _show(self, result: Any) -> None:
        self.result = result
        catalog = self.ctx.catalog
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards.clear()
        deadline_text = labels.format_date(result.deadline)
        for rank, rec in enumerate(result.recommendations, 1):
            card = RecommendationCard(rec, rank=rank, deadline_text=deadline_text,
                                      item=catalog.item(rec.id) if catalog is not None else None,
                                      parent=self.cards_holder)
            card.toggled_plan.connect(self._toggle_plan)
            card.toggled_compare.connect(self._toggle_compare)
            self.cards_layout.addWidget(card)
            self.cards[rec.id] = card
        lines = [f"⚠ {html_escape(w)}" for w in result.warnings] + [f"ℹ {html_escape(n)}" for n in result.notes]
        if result.shorter_path is not None:
            lines.append("→ " + html_escape(result.shorter_path.explanation))
        self.messages.setText("<br>".join(lines))
        self.messages.setVisible(bool(lines))
        self.shorter_button.setVisible(result.shorter_path is not None)
        self.chosen = [i for i in self.chosen if catalog is not None and catalog.item(i) is not None]
        self._sync_boxes()
        self.buttons_changed.emit()

    def _sync_boxes(self) -> None:
        for rid, card in self.cards.items():
            for box, on in ((card.plan_box, rid in self.chosen), (card.compare_box, rid in self.compare)):
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)
        self._update_compare()

    # -- choosing -------------------------------------------------------------------------------------------
    def _toggle_plan(self, rec_id: str, on: bool) -> None:
        if on and rec_id not in self.chosen:
            self.chosen.append(rec_id)
        elif not on and rec_id in self.chosen:
            self.chosen.remove(rec_id)
        self.buttons_changed.emit()
        self.mark_changed()

    def _toggle_compare(self, rec_id: str, on: bool) -> None:
        if on and rec_id not in self.compare:
            self.compare.append(rec_id)
            if len(self.compare) > 2:
                dropped = self.compare.pop(0)
                card = self.cards.get(dropped)
                if card is not None:
                    card.compare_box.blockSignals(True)
                    card.compare_box.setChecked(False)
                    card.compare_box.blockSignals(False)
        elif not on and rec_id in self.compare:
            self.compare.remove(rec_id)
        self._update_compare()
        self.mark_changed()

    def _use_shorter_path(self) -> None:
        if self.result is None or self.result.shorter_path is None:
            return
        path = self.result.shorter_path
        self.chosen = [i for i in self.chosen if i != path.instead_of]
        for item_id in path.item_ids:
            if item_id not in self.chosen:
                self.chosen.append(item_id)
        self._sync_boxes()
        self.buttons_changed.emit()
        self.mark_changed()

    def _update_compare(self) -> None:
        while self.compare_grid.count():
            item = self.compare_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        recs = {r.id: r for r in (self.result.recommendations if self.result is not None else ())}
        pair = [recs[i] for i in self.compare if i in recs]
        self.compare_box.setVisible(len(pair) == 2)
        if len(pair) != 2:
            return
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(self.compare_box, 0, 0))
        catalog = self.ctx.catalog
        deadline_text = labels.format_date(self.result.deadline)
        rows = [(self.tr("Kind"), lambda r, it: labels.kind_labels().get(r.kind, r.kind)),
                (self.tr("Hours"), lambda r, it: format_hours(r.hours)),
                (self.tr("Deadline"), lambda r, it: fits_badge(self, r.fits_deadline, r.hours, deadline_text)[0]),
                (self.tr("Level"), lambda r, it: labels.level_labels().get(getattr(it, "level", ""), "")),
                (self.tr("Free credential"), lambda r, it: self.tr("Yes") if getattr(it, "free_credential", False)
                 else self.tr("No")),
                (self.tr("Why"), lambda r, it: "\n".join(f"• {x}" for x in r.reasons))]
        for col, rec in enumerate(pair, 1):
            head = QLabel(f"<b>{html_escape(rec.title)}</b>", self.compare_box)
            head.setWordWrap(True)
            self.compare_grid.addWidget(head, 0, col)
        for row, (name, getter) in enumerate(rows, 1):
            self.compare_grid.addWidget(QLabel(f"<b>{html_escape(name)}</b>", self.compare_box), row, 0)
            for col, rec in enumerate(pair, 1):
                item = catalog.item(rec.id) if catalog is not None else None
                cell = QLabel(str(getter(rec, item)), self.compare_box)
                cell.setWordWrap(True)
                self.compare_grid.addWidget(cell, row, col)
        self.compare_grid.setColumnStretch(1, 1)
        self.compare_grid.setColumnStretch(2, 1)

    def go_next(self, proceed: Proceed) -> None:
        if not self.chosen:
            proceed(STAY)
            return
        self.state.chosen_ids = list(self.chosen)
        proceed(None)
