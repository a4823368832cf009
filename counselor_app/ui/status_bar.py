"""The status bar: online or offline, what has not reached the server, and when the last sync succeeded.

Field workers' most requested feature (ODK, CommCare) is a visible count of unsent records; the time shown is the
last *successful* sync, never the last attempt. The values arrive through ``set_sync_status`` so the sync
controller (or the desk's own counts) can drive it without knowing the widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from counselor_app.ui.labels import format_when


def format_last_sync(value: str | None) -> str | None:
    """ISO timestamp → "October 1, 2020, 9:05 AM" in local time, in the UI language."""
    if not value:
        return None
    return format_when(value)


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusBar")
        self.online_label = QLabel(self)
        self.queued_label = QLabel(self)
        self.attention_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("demoNotice")
        for label, name in ((self.online_label, self.tr("Connection")), (self.queued_label, self.tr("Queued")),
                            (self.attention_label, self.tr("Needs attention")),
                            (self.last_sync_label, self.tr("Last successful sync")),
                            (self.busy_label, self.tr("Background work")), (self.notice_label, self.tr("Notice"))):
            label.setAccessibleName(name)
        # The notice takes what room is left and never asks for more: a long notice (or a long translation) must
        # not widen the window past a laptop's screen. Its whole text is in the tooltip.
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice_label.setMinimumWidth(0)
        self.addWidget(self.notice_label, 1)
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.online_label)
        self.addPermanentWidget(self.queued_label)
        self.addPermanentWidget(self.attention_label)
        self.addPermanentWidget(self.last_sync_label)
        self.online: bool | None = None
        self.queued = self.parked = self.conflicts = 0
        self.last_sync: str | None = None
        self.set_sync_status(None, 0, 0, 0, None)
        self.set_busy(0)

    def set_sync_status(self, online: bool | None, queued: int, parked: int, conflicts: int,
                        last_sync: str | None) -> None:
        self.online, self.queued, self.parked, self.conflicts, self.last_sync = (
            online, queued, parked, conflicts, last_sync)
        if online is None:
            self.online_label.setText(self.tr("○ Offline (no server connection)"))
        elif online:
            self.online_label.setText(self.tr("● Online"))
        else:
            self.online_label.setText(self.tr("○ Offline"))
        attention = parked + conflicts
        if online and not queued and not attention and last_sync:
            # The one sentence a counselor wants after an appointment: nothing is left on this laptop only.
            self.queued_label.setText(self.tr("✓ Everything is on the agency server"))
        else:
            self.queued_label.setText(self.tr("%n record(s) waiting to be sent", "", queued))
        self.attention_label.setVisible(attention > 0)
        self.attention_label.setText(self.tr("⚠ %n need(s) attention", "", attention))
        self.attention_label.setToolTip(self.tr("Open the Sync page (Ctrl+5) to see what was set aside and why"))
        shown = format_last_sync(last_sync)
        self.last_sync_label.setText(self.tr("Last sync: {when}").format(when=shown) if shown
                                     else self.tr("Last sync: never"))

    def set_busy(self, count: int) -> None:
        self.busy_label.setVisible(count > 0)
        self.busy_label.setText(self.tr("Working…"))

    def set_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text)
