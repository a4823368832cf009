"""Step 5: the learning plan: what the job seeker will take, in what order, and the dates to hold to.

The dates come from the catalog engine (``build_learning_plan``) so the pace shown is the pace the plan needs;
the counselor can untick an item or change the weekly hours and see at once whether it still fits.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

from counselor_app.core.models import LearningPlanRecord
from counselor_app.core.op_changes import Saved
from counselor_app.ui import labels
from counselor_app.ui.catalog_table_model import format_hours
from counselor_app.ui.core_messages import error_words
from counselor_app.ui.i18n import current_language
from counselor_app.ui.widgets import banner, html_escape, paragraph, set_banner_kind
from counselor_app.ui.wizard_step import STAY, Proceed, WizardStep


class PlanStep(WizardStep):
    step_id = "plan"

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.body_layout.addWidget(paragraph(self.tr(
            "Check the plan with the job seeker. Untick anything they do not want; the dates update."), self.body))
        form = QFormLayout()
        self.weekly = QSpinBox(self.body)
        self.weekly.setObjectName("plan_weekly_hours")
        self.weekly.setRange(1, 80)
        self.weekly.setSuffix(self.tr(" hours a week"))
        self.weekly.setValue(5)
        self.weekly.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 6 + self.weekly.suffix()) * 2)
        label = QLabel(self.tr("&Time available"), self.body)
        label.setBuddy(self.weekly)
        self.weekly.setAccessibleName(self.tr("Time available each week"))
        form.addRow(label, self.weekly)
        self.items = QListWidget(self.body)
        self.items.setObjectName("plan_items")
        self.items.setAccessibleName(self.tr("Items in the plan"))
        items_label = QLabel(self.tr("&Items"), self.body)
        items_label.setBuddy(self.items)
        form.addRow(items_label, self.items)
        self.body_layout.addLayout(form)
        self.fit = banner(self.body)
        self.fit.setObjectName("plan_fit")
        self.body_layout.addWidget(self.fit)
        self.milestones = QTableWidget(0, 2, self.body)
        self.milestones.setObjectName("plan_milestones")
        self.milestones.setAccessibleName(self.tr("Dates in the plan"))
        self.milestones.setHorizontalHeaderLabels([self.tr("Date"), self.tr("What")])
        self.milestones.verticalHeader().setVisible(False)
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestones.setTabKeyNavigation(False)
        self.milestones.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.milestones.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.milestones.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.milestones.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_layout.addWidget(self.milestones)
        self.body_layout.addStretch(1)
        self.plan: Any = None
        self._weekly_set = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.rebuild)
        self.weekly.valueChanged.connect(self._edited)
        self.items.itemChanged.connect(self._edited)
        self._unticked: set[str] = set()

    def title(self) -> str:
        return self.tr("Learning plan")

    def _edited(self, *_args: Any) -> None:
        self._timer.start()
        self.mark_changed()

    def next_label(self) -> str:
        return self.tr("&Save the plan and continue")

    def next_enabled(self) -> bool:
        return self.plan is not None and bool(self.selected_ids())

    def draft(self) -> dict[str, Any]:
        return {"weekly_hours": self.weekly.value() if self._weekly_set else None,
                "unticked": sorted(self._current_unticked())}

    def restore(self, draft: dict[str, Any]) -> None:
        if draft.get("weekly_hours"):
            self.weekly.blockSignals(True)
            self.weekly.setValue(int(draft["weekly_hours"]))
            self.weekly.blockSignals(False)
            self._weekly_set = True
        else:
            self._weekly_set = False
        self._unticked = set(draft.get("unticked") or [])

    def focus_first(self) -> None:
        self.weekly.setFocus()

    def _current_unticked(self) -> set[str]:
        out = set()
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                out.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return out if self.items.count() else set(self._unticked)

    def selected_ids(self) -> list[str]:
        return [str(self.items.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.items.count())
                if self.items.item(r).checkState() == Qt.CheckState.Checked]

    def enter(self) -> None:
        catalog = self.ctx.catalog
        if not self._weekly_set:
            background = self.state.background or {}
            hours = background.get("weekly_hours")
            self.weekly.blockSignals(True)
            self.weekly.setValue(max(1, int(round(float(hours)))) if hours else 5)
            self.weekly.blockSignals(False)
            self._weekly_set = True
        self.items.blockSignals(True)
        self.items.clear()
        for item_id in self.state.chosen_ids:
            item = catalog.item(item_id) if catalog is not None else None
            title = getattr(item, "title", item_id)
            hours = getattr(item, "hours_value", None)
            entry = QListWidgetItem(f"{title} — {format_hours(hours)}")
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked if item_id in self._unticked else Qt.CheckState.Checked)
            self.items.addItem(entry)
        self.items.blockSignals(False)
        self.items.setMaximumHeight(self.items.sizeHintForRow(0) * (self.items.count() + 1) + 8
                                    if self.items.count() else 80)
        self.rebuild()

    def rebuild(self) -> None:
        self._unticked = self._current_unticked()
        catalog = self.ctx.catalog
        chosen = self.selected_ids()
        if catalog is None or not chosen:
            self.plan = None
            self.milestones.setRowCount(0)
            set_banner_kind(self.fit, "warn")
            self.fit.setText(html_escape(self.tr("Choose at least one item for the plan (go back to the "
                                                 "recommendations).")))
            self.buttons_changed.emit()
            return
        program = self.ctx.desk.profile.program
        weekly = float(self.weekly.value())
        start = self.ctx.today()
        language = current_language()

        def work() -> Any:
            from counselor_app.core.catalog import build_learning_plan

            return build_learning_plan(catalog, chosen, weekly_hours=weekly, start=start,
                                       enroll_by=program.enroll_by, complete_by=program.complete_by,
                                       language=language)

        def failed(exc: BaseException) -> None:
            self.plan = None
            set_banner_kind(self.fit, "error")
            self.fit.setText(html_escape(error_words(exc)))
            self.buttons_changed.emit()

        self.ctx.query(self, work, self._show).failure(failed).latest_only(f"plan.{id(self)}").run_in_background()

    def _show(self, plan: Any) -> None:
        self.plan = plan
        needed = plan.hours_per_week_needed
        measured = len(plan.items) - len(plan.unmeasured)
        deadline = labels.format_date(plan.complete_by)
        weekly = f"{plan.weekly_hours:g}"
        if plan.items and not measured:
            # A collection (or a course of unknown length) alone: no total to give, and no "0 hours".
            summary = self.tr("The catalog gives no length for what is chosen, so the hours cannot be counted; "
                              "the job seeker has {weekly} hours a week until {deadline}.").format(
                weekly=weekly, deadline=deadline)
        elif plan.unmeasured:
            summary = self.tr("Total: at least {total} hours, without what has no length in the catalog. Needs at "
                              "least {needed} hours a week until {deadline}; the job seeker has {weekly}.").format(
                total=f"{plan.total_hours:g}", needed=f"{needed:g}" if needed is not None else "?",
                deadline=deadline, weekly=weekly)
        else:
            summary = self.tr("Total: about {total} hours. Needs about {needed} hours a week until {deadline}; the "
                              "job seeker has {weekly}.").format(
                total=f"{plan.total_hours:g}", needed=f"{needed:g}" if needed is not None else "?",
                deadline=deadline, weekly=weekly)
        if plan.fits:
            verdict = self.tr("This plan fits.")
        elif plan.unmeasured and needed is not None and needed <= plan.weekly_hours:
            verdict = self.tr("What can be counted fits; check the rest.")
        elif plan.items and not measured:
            verdict = self.tr("Whether this plan fits cannot be told yet.")
        else:
            verdict = self.tr("This plan may not fit.")
        text = f"<b>{html_escape(verdict)}"
        text += f"</b> {html_escape(summary)}"
        if plan.warnings:
            text += "<ul>" + "".join(f"<li>{html_escape(w)}</li>" for w in plan.warnings) + "</ul>"
        set_banner_kind(self.fit, "ok" if plan.fits else "warn")
        self.fit.setText(text)
        self.milestones.setRowCount(len(plan.milestones))
        for row, m in enumerate(plan.milestones):
            self.milestones.setItem(row, 0, QTableWidgetItem(labels.format_date(m.day)))
            self.milestones.setItem(row, 1, QTableWidgetItem(m.label))
        self.milestones.resizeRowsToContents()
        self.buttons_changed.emit()

    def go_next(self, proceed: Proceed) -> None:
        if self.plan is None:
            proceed(STAY)
            return
        plan_dict = self.plan.to_dict()
        if self.state.plan == plan_dict and self.state.plan_id:
            proceed(None)
            return
        desk = self.ctx.desk
        job_seeker_id = self.state.chosen_job_seeker_id()
        appointment_id = self.wizard.appointment_id

        def saved(saved_plan: Saved[LearningPlanRecord]) -> None:
            self.state.plan = plan_dict
            self.state.plan_id = saved_plan.record.id
            proceed(None)

        self.ctx.collection_op(self, lambda: desk.appointments.save_plan(
            job_seeker_id=job_seeker_id, plan=plan_dict, appointment_id=appointment_id),
            success=saved).failure(lambda exc: self._failed(exc, proceed)) \
            .with_progress(self.tr("Saving the plan…")).run_in_background()

    def _failed(self, exc: BaseException, proceed: Proceed) -> None:
        from counselor_app.ui.operations import show_error

        show_error(self, exc)
        proceed(STAY)
