"""The main window: navigation, the page area, the running appointment and the status bar.

Pages are built as ``Page(ctx, parent=None)``. A page may define ``page_shown()`` (called each time it becomes
visible) and must not call other pages: requests such as "open this job seeker" or "start an appointment" go
through ``ctx.events`` and are carried out here.

The Reports and Sync pages belong to other engineers and are imported lazily, so this window works in a build
that does not include them.
"""

from __future__ import annotations

import base64
import importlib
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.op_changes import OpChanges
from counselor_app.core.vocabulary import AppointmentKind, Role
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.status_bar import SyncStatusBar

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 30_000
# Room for the window manager's title bar and borders, which Qt cannot know before the window is shown.
FRAME_ALLOWANCE = QSize(16, 48)
#: The smallest the window may be made, the same whichever pages were opened (a stacked page's minimum would
#: otherwise grow the window's as pages are first shown): every page and wizard step, in English and Spanish,
#: fits it without overlapping or sideways scrolling (tests/ui/test_laptop_screens.py), and it fits the smallest
#: screen we support (1280x720, or 1920x1080 at 150 %).
MINIMUM_WINDOW = QSize(920, 600)


@dataclass
class NavEntry:
    key: str
    label: str
    shortcut: str
    factory: Any  # Callable[[], QWidget]
    visible: bool = True


SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 2


def _no_alt_letter(title: str) -> str:
    """Menu titles without Alt letters: the forms need every letter (Alt+F is "First name", Alt+G "Goal"), and
    the menus stay reachable with F10 or Alt alone, their actions with their own keys (Ctrl+N, Ctrl+1…6)."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&&")


class NavDelegate(QStyledItemDelegate):
    """Navigation entries with room to click and their keyboard shortcut shown on the right, dimmed."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics
        shortcut = str(index.data(SHORTCUT_ROLE) or "")
        width = metrics.horizontalAdvance(str(index.data(Qt.ItemDataRole.DisplayRole) or "")) \
            + metrics.horizontalAdvance(shortcut) + metrics.averageCharWidth() * 6
        return QSize(max(size.width(), width), metrics.height() * 2 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        shortcut = str(index.data(SHORTCUT_ROLE) or "")
        opt.rect = option.rect.adjusted(option.fontMetrics.averageCharWidth(), 0, 0, 0)
        super().paint(painter, opt, index)
        if shortcut:
            painter.save()
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(option.palette.color(role))
            rect = option.rect.adjusted(0, 0, -option.fontMetrics.averageCharWidth() * 2, 0)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shortcut)
            painter.restore()


class MissingModulePage(QWidget):
    """Stands in for a page whose module is not part of this build."""

    def __init__(self, title: str, module: str, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("{title} is not installed in this build ({module}).").format(
            title=title, module=module) + (f"\n\n{detail}" if detail else ""), self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(title)
        layout.addWidget(label)


def lazy_page(module: str, class_name: str, title: str, ctx: AppContext) -> QWidget:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return MissingModulePage(title, module)
        log.exception("Page %s could not be imported", module)
        return MissingModulePage(title, module, str(exc))
    except Exception as exc:  # noqa: BLE001 - a broken optional page must not keep the desk from opening
        log.exception("Page %s could not be imported", module)
        return MissingModulePage(title, module, str(exc))
    try:
        page: QWidget = getattr(mod, class_name)(ctx)
    except Exception as exc:  # noqa: BLE001
        log.exception("Page %s could not be built", module)
        return MissingModulePage(title, module, str(exc))
    return page


class MainWindow(QMainWindow):
    """``wizard_opened(wizard)`` lets tests and scripts reach the running appointment."""

    wizard_opened = Signal(object)

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None, *, remember_layout: bool = True,
                 settings: Any = None, demo: bool = False, demo_notice: str = "") -> None:
        """``MainWindow(ctx)`` is the whole window at once (tests, ``self-test --gui``). ``ctx=None`` (see
        :meth:`shell`) is the window shown before the records are open: navigation, status bar and an "Opening
        your records…" page, drawn from ``settings`` alone; :meth:`attach` makes it usable."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.remember_layout = remember_layout
        self.setObjectName("mainWindow")
        self.wizard: Any = None  # AppointmentWizard while an appointment is open
        self._pages: dict[str, QWidget] = {}
        self._closing = False
        self._settings = settings if ctx is None else ctx.desk.settings
        labels.set_center_time_zone(getattr(self._settings, "center_time_zone", None))
        self._demo = demo if ctx is None else ctx.demo
        self._demo_notice = demo_notice if ctx is None else ctx.demo_notice
        self._wanted_key = "today"

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.nav.setItemDelegate(NavDelegate(self.nav))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setStyleSheet("QListWidget#navigation { background: palette(base); "
                               "border-right: 1px solid palette(mid); }")
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("pages")
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self._online: bool | None = None
        self._last_counts: dict[str, Any] = {}

        self._entries = self._build_entries()
        self._actions: dict[str, QAction] = {}
        self._build_menus()
        self._build_nav()
        self.nav.currentRowChanged.connect(self._on_nav_row)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_debounce = QTimer(self)
        self._status_debounce.setSingleShot(True)
        self._status_debounce.setInterval(150)
        self._status_debounce.timeout.connect(self.refresh_status)

        self._apply_minimum()
        self._update_title()
        self.restore_layout()
        self.opening_page: QLabel | None = None
        if ctx is None:
            self._show_opening()
        else:
            self.attach(ctx)

    @classmethod
    def shell(cls, *, settings: Any, demo: bool = False, demo_notice: str = "",
              remember_layout: bool = True) -> MainWindow:
        """The window to show while the desk opens in the background: it needs no core import (only the
        settings read from ``settings.json``), so the counselor sees it as soon as Qt is up."""
        return cls(None, remember_layout=remember_layout, settings=settings, demo=demo, demo_notice=demo_notice)

    @property
    def opening(self) -> bool:
        """True until :meth:`attach`: the records are still being opened (the benchmark waits on this too)."""
        return self.ctx is None

    def _show_opening(self) -> None:
        page = QLabel(self.tr("Opening your records…"), self.stack)
        page.setObjectName("page_opening")
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.setWordWrap(True)
        page.setAccessibleName(self.tr("Opening your records…"))
        self.opening_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.new_appointment_action.setEnabled(False)
        self.status.set_busy(1)

    def show_opening_failed(self, message: str) -> None:
        """Say in the page area why the records did not open (the caller also shows a dialog)."""
        if self.opening_page is not None:
            self.opening_page.setText(message)

    def attach(self, ctx: AppContext) -> None:
        """The desk is open: build the first page and make the window fully usable."""
        if self.ctx is not None:
            raise RuntimeError("MainWindow.attach: this window already has a context")
        self.ctx = ctx
        self._settings = ctx.desk.settings
        labels.set_center_time_zone(getattr(self._settings, "center_time_zone", None))
        self._demo = ctx.demo
        self._demo_notice = ctx.demo_notice
        supervisor = bool(ctx.desk.actor.is_supervisor)
        for entry in self._entries:
            if entry.key in ("reports", "outcomes"):
                entry.visible = supervisor
                self._actions[entry.key].setVisible(supervisor)
                row = self._row_for(entry.key)
                if row >= 0:
                    self.nav.item(row).setHidden(not supervisor)
        self.new_appointment_action.setEnabled(True)
        ctx.events.operation_did_execute.connect(self._on_changed)
        ctx.events.online_changed.connect(self._on_online)
        ctx.events.open_job_seeker.connect(self.open_job_seeker)
        ctx.events.start_appointment.connect(self.start_appointment)
        ctx.events.resume_appointment.connect(self.resume_appointment)
        ctx.events.navigate.connect(self.go_to)
        ctx.runner.busy_changed.connect(self.status.set_busy)
        self.status.set_busy(ctx.runner.running_count)
        self._status_timer.start()
        self._update_title()
        wanted = self._wanted_key
        self.go_to(wanted if any(e.key == wanted and e.visible for e in self._entries) else "today")
        if self.opening_page is not None:
            self.stack.removeWidget(self.opening_page)
            self.opening_page.deleteLater()
            self.opening_page = None
        self.refresh_status()
        from counselor_app.ui.session_lock import install_session_lock

        self.session_lock = install_session_lock(self, ctx)  # issue 17: idle lock, Ctrl+L, switching counselor
        from counselor_app.ui.retention_dialog import RetentionAction

        self.retention_action = RetentionAction(self, ctx)  # issue 17: retention purge with its preview

    def counselor_changed(self) -> None:
        """Another counselor signed in on this computer (``ui.session_lock``): their role decides what shows."""
        assert self.ctx is not None
        supervisor = bool(self.ctx.desk.actor.is_supervisor)
        for entry in self._entries:
            if entry.key == "reports":
                entry.visible = supervisor
                self._actions[entry.key].setVisible(supervisor)
                row = self._row_for(entry.key)
                if row >= 0:
                    self.nav.item(row).setHidden(not supervisor)
        self._update_title()

    # -- navigation -----------------------------------------------------------------------------------------
    def _build_entries(self) -> list[NavEntry]:
        """Pages are imported when first built (after the desk is open), never while the window first paints."""

        def page(module: str, class_name: str) -> Any:
            def build() -> QWidget:
                widget: QWidget = getattr(importlib.import_module(module), class_name)(self.ctx)
                return widget
            return build

        def optional(module: str, class_name: str, title: str) -> Any:
            return lambda: lazy_page(module, class_name, title, self._context())

        # Before the desk is open the role comes from the settings; attach() sets it from the desk's actor.
        supervisor = str(getattr(self._settings, "counselor_role", "")) in (Role.SUPERVISOR, Role.ADMINISTRATOR)
        return [
            NavEntry("today", self.tr("&Today"), "Ctrl+1", page("counselor_app.ui.today_page", "TodayPage")),
            NavEntry("job_seekers", self.tr("&Job seekers"), "Ctrl+2",
                     page("counselor_app.ui.job_seekers_page", "JobSeekersPage")),
            NavEntry("catalog", self.tr("&Catalog"), "Ctrl+3", page("counselor_app.ui.catalog_page", "CatalogPage")),
            NavEntry("reports", self.tr("&Reports"), "Ctrl+4",
                     optional("counselor_app.ui.reports_page", "ReportsPage", self.tr("Reports")),
                     visible=supervisor),
            NavEntry("outcomes", self.tr("After the a&ppointment"), "Ctrl+9",
                     optional("counselor_app.ui.outcomes_page", "OutcomesPage", self.tr("After the appointment")),
                     visible=supervisor),
            NavEntry("sync", self.tr("S&ync"), "Ctrl+5",
                     optional("counselor_app.ui.sync_page", "SyncPage", self.tr("Sync"))),
            NavEntry("settings", self.tr("Se&ttings"), "Ctrl+6",
                     page("counselor_app.ui.settings_page", "SettingsPage")),
            # Issue 16: the work before the appointment.
            NavEntry("outreach", self.tr("&Outreach"), "Ctrl+7", page("counselor_app.ui.campaign_page", "CampaignPage")),
            NavEntry("calendar", self.tr("Ca&lendar"), "Ctrl+8", page("counselor_app.ui.calendar_page", "CalendarPage")),
        ]

    def _context(self) -> AppContext:
        if self.ctx is None:
            raise RuntimeError("The records are not open yet.")
        return self.ctx

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_no_alt_letter(self.tr("&File")))
        self.new_appointment_action = QAction(self.tr("&New walk-in appointment"), self)
        self.new_appointment_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_appointment_action.setToolTip(self.tr("Start an appointment with a job seeker (Ctrl+N)"))
        self.new_appointment_action.triggered.connect(lambda: self.start_appointment(""))
        file_menu.addAction(self.new_appointment_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = bar.addMenu(_no_alt_letter(self.tr("&Go")))
        self.appointment_action = QAction(self.tr("Current &appointment"), self)
        self.appointment_action.setShortcut(QKeySequence("Ctrl+0"))
        self.appointment_action.setEnabled(False)
        self.appointment_action.triggered.connect(self.show_wizard)
        go_menu.addAction(self.appointment_action)
        for entry in self._entries:
            action = QAction(entry.label, self)
            action.setShortcut(QKeySequence(entry.shortcut))
            action.setToolTip(f"{entry.label.replace('&', '')} ({entry.shortcut})")
            action.triggered.connect(lambda _=False, key=entry.key: self.go_to(key))
            action.setVisible(entry.visible)
            go_menu.addAction(action)
            self._actions[entry.key] = action

        help_menu = bar.addMenu(_no_alt_letter(self.tr("&Help")))
        about = QAction(self.tr("&About Counselor Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_nav(self) -> None:
        for entry in self._entries:
            text = entry.label.replace("&", "")
            item = QListWidgetItem(text)
            item.setToolTip(f"{text} ({entry.shortcut})")
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}, {entry.shortcut}")
            # Portable text ("Ctrl+1"), the way every tooltip and label of ours writes keys; Qt's own Spanish
            # would say "Control+1" beside our "Ctrl+N".
            item.setData(SHORTCUT_ROLE, QKeySequence(entry.shortcut).toString(
                QKeySequence.SequenceFormat.PortableText))
            self.nav.addItem(item)
            item.setHidden(not entry.visible)
        self.appointment_item = QListWidgetItem(self.tr("Current appointment"))
        self.appointment_item.setToolTip(self.tr("Back to the appointment in progress (Ctrl+0)"))
        self.appointment_item.setData(Qt.ItemDataRole.UserRole, "appointment")
        self.appointment_item.setData(SHORTCUT_ROLE, QKeySequence("Ctrl+0").toString(
            QKeySequence.SequenceFormat.PortableText))
        font = self.appointment_item.font()
        font.setBold(True)
        self.appointment_item.setFont(font)
        self.nav.insertItem(0, self.appointment_item)
        self.appointment_item.setHidden(True)

    def _row_for(self, key: str) -> int:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return row
        return -1

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        if key == "appointment":
            self.show_wizard()
        else:
            self.go_to(key)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        page = self._pages.get(key)
        if page is None:
            entry = next(e for e in self._entries if e.key == key)
            page = entry.factory()
            page.setObjectName(f"page_{key}")
            self._pages[key] = page
            self.stack.addWidget(page)
        return page

    def go_to(self, key: str) -> None:
        entry = next((e for e in self._entries if e.key == key), None)
        if entry is None or not entry.visible:
            return
        if self.ctx is None:  # still opening: remember where the counselor wants to go
            self._wanted_key = key
            row = self._row_for(key)
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        row = self._row_for(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        shown = getattr(page, "page_shown", None)
        if callable(shown):
            shown()

    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        if widget is not None and widget is self.wizard:
            return "appointment"
        for key, page in self._pages.items():
            if page is widget:
                return key
        return ""

    # -- appointments ---------------------------------------------------------------------------------------
    def start_appointment(self, job_seeker_id: str = "") -> None:
        """Open a walk-in appointment (optionally for a known job seeker) and show the wizard."""
        if self.ctx is None:
            return
        desk = self.ctx.desk

        def work() -> Any:
            return desk.appointments.start(job_seeker_id=job_seeker_id or None, kind=AppointmentKind.WALK_IN)

        self.ctx.collection_op(self, work, success=lambda started: self._open_wizard(
            started.record.id, job_seeker_id=job_seeker_id or None, step=None, state={})).run_in_background()

    def resume_appointment(self, appointment_id: str) -> None:
        if self.ctx is None:
            return
        if self.wizard is not None and self.wizard.appointment_id == appointment_id:
            self.show_wizard()
            return
        desk = self.ctx.desk
        self.ctx.query(self, lambda: desk.appointments.get(appointment_id),
                       lambda appt: self._open_wizard(appt.id, job_seeker_id=appt.job_seeker_id,
                                                      step=appt.wizard_step, state=appt.wizard_state or {})
                       ).run_in_background()

    def _open_wizard(self, appointment_id: str, *, job_seeker_id: str | None, step: str | None,
                     state: dict[str, Any]) -> None:
        from counselor_app.ui.appointment_wizard import AppointmentWizard

        assert self.ctx is not None
        self.close_wizard()
        wizard = AppointmentWizard(self.ctx, appointment_id=appointment_id, job_seeker_id=job_seeker_id,
                                   step=step, state=state)
        wizard.finished.connect(self._on_wizard_finished)
        wizard.paused.connect(lambda: self.go_to("today"))
        self.wizard = wizard
        self.stack.addWidget(wizard)
        self.appointment_item.setHidden(False)
        self.appointment_action.setEnabled(True)
        self.show_wizard()
        self.wizard_opened.emit(wizard)

    def show_wizard(self) -> None:
        if self.wizard is None:
            return
        self.stack.setCurrentWidget(self.wizard)
        self.nav.blockSignals(True)
        self.nav.setCurrentItem(self.appointment_item)
        self.nav.blockSignals(False)
        self.wizard.focus_current()

    def close_wizard(self) -> None:
        """Put the running appointment away (its state is already autosaved; flush the last keystrokes)."""
        if self.wizard is None:
            return
        wizard, self.wizard = self.wizard, None
        wizard.flush_autosave()
        self.stack.removeWidget(wizard)
        wizard.deleteLater()
        self.appointment_item.setHidden(True)
        self.appointment_action.setEnabled(False)

    def _on_wizard_finished(self) -> None:
        self.close_wizard()
        self.go_to("today")

    # -- requests from pages --------------------------------------------------------------------------------
    def open_job_seeker(self, job_seeker_id: str) -> None:
        self.go_to("job_seekers")
        page = self._pages.get("job_seekers")
        opener = getattr(page, "open_record", None)
        if callable(opener):
            opener(job_seeker_id)

    # -- status ---------------------------------------------------------------------------------------------
    def _on_changed(self, _changes: OpChanges) -> None:
        self._status_debounce.start()

    def _on_online(self, online: object) -> None:
        self._online = online if isinstance(online, bool) else None
        self._apply_status()

    def refresh_status(self) -> None:
        if self._closing or self.ctx is None:
            return
        desk = self.ctx.desk
        self.ctx.query(self, desk.status, self._set_counts).latest_only("main_window.status") \
            .failure(lambda exc: log.warning("Status refresh failed: %s", exc)).run_in_background()

    def _set_counts(self, status: dict[str, Any]) -> None:
        self._last_counts = status
        self._apply_status()

    def _apply_status(self) -> None:
        outbox = self._last_counts.get("outbox", {})
        self.set_sync_status(self._online, int(outbox.get("queued", 0)), int(outbox.get("parked", 0)),
                             int(outbox.get("conflict", 0)), self._last_counts.get("last_successful_sync"))

    def set_sync_status(self, online: bool | None, queued: int, parked: int, conflicts: int,
                        last_sync: str | None) -> None:
        """Drive the status bar (the sync controller may call this directly)."""
        self.status.set_sync_status(online, queued, parked, conflicts, last_sync)

    def _update_title(self) -> None:
        settings = self._settings
        counselor = self.ctx.desk.actor.display_name if self.ctx is not None \
            else str(getattr(settings, "counselor_name", "") or "")
        title = self.tr("Counselor Desk — {center} — {counselor}").format(
            center=getattr(settings, "center_name", "") or self.tr("not set up"), counselor=counselor)
        if self._demo:
            title = self.tr("[DEMO] ") + title
            if self._demo_notice:
                title += f" — {self._demo_notice}"
        self.setWindowTitle(title)
        notice = self._demo_notice if self._demo else ""
        if self._demo and not notice:
            notice = self.tr("Demo data: synthetic people, thrown away when the app closes.")
        self.status.set_notice(notice)

    # -- layout memory --------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """1200x800, or less on a smaller screen: a 1366x768 laptop (or 1920x1080 at 150 %) must see the status bar."""
        area = self._available_area()
        if area is None:
            return QSize(1200, 800)
        return QSize(min(1200, area.width() - FRAME_ALLOWANCE.width()),
                     min(800, area.height() - FRAME_ALLOWANCE.height()))

    def _available_area(self) -> QRect | None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def _apply_minimum(self) -> None:
        """MINIMUM_WINDOW, or less on a screen smaller than it (the window must stay on the screen)."""
        area = self._available_area()
        minimum = MINIMUM_WINDOW
        if area is not None and not area.isEmpty():
            minimum = minimum.boundedTo(area.size() - FRAME_ALLOWANCE)
        self.setMinimumSize(minimum)

    def fit_to_screen(self) -> None:
        """Keep the whole window (frame included) inside the screen's available area: a layout saved on a large
        monitor, or a default larger than a laptop's screen, must not put the status bar or buttons off screen."""
        area = self._available_area()
        if area is None or area.isEmpty():
            return
        if self.isMaximized() or self.isFullScreen():
            return
        self._apply_minimum()
        width = min(self.width(), area.width() - FRAME_ALLOWANCE.width())
        height = min(self.height(), area.height() - FRAME_ALLOWANCE.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(max(x, area.x()), max(y, area.y()))

    def restore_layout(self) -> None:
        settings = self._settings
        restored = False
        try:
            if settings is not None and settings.window_geometry:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(settings.window_geometry)))
            if settings is not None and settings.window_state:
                self.restoreState(QByteArray(base64.b64decode(settings.window_state)))
        except (ValueError, TypeError):
            log.warning("Saved window layout was unreadable; using the default.")
        if not restored:
            self.resize(self.sizeHint())
        self.fit_to_screen()

    def save_layout(self) -> None:
        if not self.remember_layout or self.ctx is None:  # closed while opening: nothing to save it into yet
            return
        settings = self.ctx.desk.settings
        settings.window_geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        settings.window_state = base64.b64encode(bytes(self.saveState().data())).decode("ascii")
        try:
            self.ctx.desk.save_settings()
        except OSError as exc:
            log.warning("Could not save the window layout: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._closing = True
        self._status_timer.stop()
        if self.wizard is not None:
            self.wizard.flush_autosave()
        self.save_layout()
        super().closeEvent(event)

    def _about(self) -> None:
        from counselor_app import __version__

        if self.ctx is None:
            QMessageBox.about(self, self.tr("About Counselor Desk"), f"Counselor Desk {__version__}")
            return
        profile = self.ctx.desk.profile
        QMessageBox.about(self, self.tr("About Counselor Desk"), self.tr(
            "Counselor Desk {version}\n\nAgency: {agency}\nProgram: {program}\nData folder: {folder}").format(
                version=__version__, agency=profile.agency_name, program=profile.program.name,
                folder=self.ctx.desk.paths.root))
