"""Job seekers: find anyone on the device as you type, register someone new, edit a record, see their history.

The list and the record sit side by side so a counselor can check a name, fix an e-mail address and start the
appointment without leaving the page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counselor_app.ui.app_context import AppContext
from counselor_app.ui.history_panel import HistoryPanel
from counselor_app.ui.job_seeker_form import ALL_FIELDS, JobSeekerForm, save_form
from counselor_app.ui.job_seeker_search_widget import JobSeekerSearchWidget
from counselor_app.ui.widgets import banner, button, heading, make_primary


class JobSeekersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = ""
        self.record_version: int | None = None
        self._loaded_once = False
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Job seekers"), self), 1)
        self.new_button = button(self.tr("Ne&w job seeker"), self, shortcut="Ctrl+Shift+N",
                                 tooltip=self.tr("Register someone who is not in the list"))
        self.new_button.clicked.connect(self.new_record)
        top.addWidget(self.new_button)
        outer.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        splitter.setChildrenCollapsible(False)
        self.search = JobSeekerSearchWidget(ctx, splitter, compact=True)
        self.search.current_changed.connect(self._on_current)
        self.search.activated.connect(self.open_record)
        splitter.addWidget(self.search)

        right = QWidget(splitter)
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        self.record_title = heading(self.tr("Select someone, or register a new job seeker"), right, level=2)
        rlayout.addWidget(self.record_title)
        self.notice = banner(right, kind="ok")
        self.notice.setVisible(False)
        rlayout.addWidget(self.notice)
        self.tabs = QTabWidget(right)
        self.tabs.setAccessibleName(self.tr("Record"))
        self.form = JobSeekerForm(ctx, fields=ALL_FIELDS)
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.tabs.addTab(scroll, self.tr("De&tails"))
        self.history = HistoryPanel(ctx, self.tabs)
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        rlayout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.start_button = make_primary(button(self.tr("Start &appointment"), right, shortcut="Ctrl+Shift+A",
                                                tooltip=self.tr("Start an appointment with this job seeker")))
        self.start_button.clicked.connect(self._start_appointment)
        self.save_button = button(self.tr("&Save"), right, shortcut="Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        rlayout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        self.setTabOrder(self.search.search_edit, self.search.table)
        self._set_editing(False)

    def page_shown(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.search.search_now()
            # Share the width: the list needs name, e-mail and phone; the record needs its labels and history.
            # The record keeps the width its form needs (it does not scroll sideways); the list gets the rest,
            # up to what its columns want.
            total = sum(self.splitter.sizes()) or self.width()
            scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            record_needs = self.form.minimumSizeHint().width() + scroll_bar + 4 * self.tabs.style().pixelMetric(
                QStyle.PixelMetric.PM_DefaultFrameWidth) + 16
            left = max(self.search.minimumSizeHint().width(),
                       min(self.search.preferred_width(), total - record_needs))
            self.splitter.setSizes([left, max(1, total - left)])
        self.search.search_edit.setFocus()

    def _set_editing(self, enabled: bool) -> None:
        self.form.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.start_button.setEnabled(bool(self.record_id))
        self.tabs.setTabEnabled(1, bool(self.record_id))

    def _on_current(self, job_seeker_id: str) -> None:
        if job_seeker_id and job_seeker_id != self.record_id:
            self.open_record(job_seeker_id, focus=False)

    # -- record ---------------------------------------------------------------------------------------------
    def open_record(self, job_seeker_id: str, *, focus: bool = True) -> None:
        desk = self.ctx.desk

        def show(seeker: Any) -> None:
            self.record_id = seeker.id
            self.record_version = seeker.version
            self.record_title.setText(seeker.full_name)
            self.form.set_values(seeker)
            self.notice.setVisible(False)
            self._set_editing(True)
            self.history.load(seeker.id)
            if focus:
                first = self.form.first_input()
                if first is not None:
                    first.setFocus()

        self.ctx.query(self, lambda: desk.job_seekers.get(job_seeker_id), show) \
            .latest_only(f"job_seekers_page.open.{id(self)}").run_in_background()

    def new_record(self) -> None:
        self.record_id = ""
        self.record_version = None
        self.record_title.setText(self.tr("New job seeker"))
        self.form.set_values({"preferred_language": "en"})
        self.notice.setVisible(False)
        self.history.load("")
        self._set_editing(True)
        self.tabs.setCurrentIndex(0)
        first = self.form.first_input()
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        self.save_button.setEnabled(False)

        def saved(seeker: Any) -> None:
            self.record_id = seeker.id
            self.record_version = seeker.version
            self.record_title.setText(seeker.full_name)
            self.notice.setText(self.tr("Saved."))
            self.notice.setVisible(True)
            self._set_editing(True)
            self.history.load(seeker.id)

        save_form(self.ctx, self.form, job_seeker_id=self.record_id or None,
                  expected_version=self.record_version, on_saved=saved,
                  on_open_existing=lambda jid: self.open_record(jid),
                  on_done=lambda: self.save_button.setEnabled(True))

    def _start_appointment(self) -> None:
        if self.record_id:
            self.ctx.events.start_appointment.emit(self.record_id)

