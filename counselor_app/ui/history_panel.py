"""A person's story at this center: appointments, attestations, licenses, learning plans and progress.

A counselor opens it to answer "did she already get a license?" and "what did we plan last time?" before the
job seeker finishes sitting down. Loaded in the background; opening it is audited by the core.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.outcomes import OutcomeStatus
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext


def _row(group: QTreeWidgetItem, values: list[str]) -> QTreeWidgetItem:
    item = QTreeWidgetItem(group, values)
    item.setToolTip(2, values[2])
    return item


class HistoryPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job_seeker_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history_tree")
        self.tree.setAccessibleName(self.tr("History"))
        self.tree.setHeaderLabels([self.tr("What"), self.tr("When"), self.tr("Details")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Invitation to maria…@example.com"
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.tree, 1)
        self.history: Any = None
        ctx.events.operation_did_execute.connect(self._on_changed)

    def load(self, job_seeker_id: str) -> None:
        self.job_seeker_id = job_seeker_id
        if not job_seeker_id:
            self.tree.clear()
            self.summary.setText(self.tr("No one selected."))
            return
        desk = self.ctx.desk
        self.summary.setText(self.tr("Loading…"))
        # history() records an audit event ("viewed"), so it is a write and goes through the write queue.
        self.ctx.collection_op(self, lambda: desk.job_seekers.history(job_seeker_id),
                               success=self._show).latest_only(f"history.{id(self)}").run_in_background()

    def _on_changed(self, changes: OpChanges) -> None:
        if self.job_seeker_id and changes.touches("appointments", "attestations", "licenses", "plans", "progress",
                                                          "outcomes", "reminders"):
            self.load(self.job_seeker_id)

    def _show(self, history: Any) -> None:
        self.history = history
        self.tree.clear()
        statuses = labels.appointment_status_labels()
        outcomes = labels.outcome_labels()
        lic = labels.license_status_labels()

        def group(title: str, count: int) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.tree, [f"{title} ({count})", "", ""])
            item.setExpanded(True)
            return item

        g = group(self.tr("Licenses"), len(history.licenses))
        for row in history.licenses:
            _row(g, [lic.get(row.status, row.status), labels.format_date(row.issued_on),
                     self.tr("Invitation to {email}").format(email=row.email)])
        g = group(self.tr("Appointments"), len(history.appointments))
        for row in history.appointments:
            when = row.started_at or row.scheduled_at or row.created_at
            detail = outcomes.get(row.outcome or "", "") or (row.notes or "")
            _row(g, [statuses.get(row.status, row.status), labels.format_date(when), detail])
        g = group(self.tr("Eligibility attestations"), len(history.attestations))
        for row in history.attestations:
            verdict = self.tr("Eligible") if row.eligible else self.tr("Not eligible")
            _row(g, [verdict, labels.format_date(row.attested_at), " ".join(row.reasons or [])])
        g = group(self.tr("Learning plans"), len(history.plans))
        for row in history.plans:
            plan = row.plan or {}
            titles = [str(i.get("title", i.get("id", ""))) for i in plan.get("items", []) if isinstance(i, dict)]
            _row(g, [self.tr("Plan"), labels.format_date(row.created_at),
                     ", ".join(titles) or str(plan.get("summary", ""))])
        g = group(self.tr("Course progress"), len(history.progress))
        for row in history.progress:
            done = self.tr("completed") if row.completed else self.tr("in progress")
            _row(g, [row.course_name, labels.format_date(row.last_activity_time or row.enrollment_time),
                     self.tr("{hours:.1f} hours, {state}").format(hours=row.learning_hours or 0.0, state=done)])
        outcomes_ = getattr(history, "outcomes", [])

        g = group(self.tr("Outcomes for the state's system"), len(outcomes_))
        for row in outcomes_:
            _row(g, [row.label, labels.format_date(row.achieved_on), " ".join(filter(None, (
                row.subject, self.tr("(entered)") if row.status == OutcomeStatus.ENTERED else
                self.tr("(accepted)") if row.status == OutcomeStatus.ACCEPTED else
                self.tr("(rejected)") if row.status == OutcomeStatus.REJECTED else self.tr("(proposed)"))))])
        reminders_ = getattr(history, "reminders", [])
        g = group(self.tr("Reminders"), len(reminders_))
        for row in reminders_:
            state = {"sent": self.tr("sent"), "sending": self.tr("outcome unknown"),
                     "failed_permanent": self.tr("could not be delivered"),
                     "failed_temporary": self.tr("to be tried again"),
                     "text_exported": self.tr("in the texts file")}.get(row.status, row.status)
            channel = self.tr("e-mail") if row.channel == "email" else self.tr("text message")
            _row(g, [row.list_name.replace("_", " "), labels.format_date(row.claimed_at),
                     self.tr("{channel}: {state}").format(channel=channel, state=state)])
        # "What" and "When" fit their text; "Details" takes the rest (whole in its tooltip), so nothing hides off
        # to the right.
        for col in range(2):
            self.tree.resizeColumnToContents(col)
        if history.licenses:
            first = history.licenses[0]
            self.summary.setText(self.tr("Has a license: {status} on {date}.").format(
                status=lic.get(first.status, first.status).lower(), date=labels.format_date(first.issued_on)))
        else:
            self.summary.setText(self.tr("No license yet."))
