"""What "usable on a laptop screen" means, checked on a live window (tests and ``scripts/screenshots.py``).

A page or wizard step passes at a window size when: the window did not have to grow to hold it (its minimum size
fits), no visible widget outside a scroll area leaves the window, nothing inside a scroll area needs sideways
scrolling, and no single-line label or button shows less than its text (Qt clips or elides it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

#: Window sizes (logical pixels) of the screens named in issue 13, minus a 30-pixel taskbar and the window frame.
#: 1920x1080 at 150 % is 1280x720 logical, the same as the 1280x720 laptop.
SCREENS = {"1366x768": (1366 - 16, 768 - 30 - 48), "1280x720": (1280 - 16, 720 - 30 - 48)}


def _in_scroll_area(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()[:40]
    return f"{type(widget).__name__}:{widget.objectName() or '?'}:{text!r}"


def _gives_way(label: QLabel) -> bool:
    """A label made to take only the room left (``QSizePolicy.Ignored``) with its whole text in its tooltip."""
    return label.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored and label.toolTip() == label.text()


def layout_problems(window: QWidget) -> list[str]:
    for _ in range(3):  # a text set by a timer a moment ago: let its layout request run first
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
    problems: list[str] = []
    hint = window.minimumSizeHint()
    if hint.width() > window.width() or hint.height() > window.height():
        problems.append(f"window needs {hint.width()}x{hint.height()}, has {window.width()}x{window.height()}")
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QMenu) or widget.isWindow():
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        area = _in_scroll_area(widget, window)
        if area is None:
            if not bounds.contains(rect):
                problems.append(f"{_name(widget)} leaves the window: {rect.getRect()} not in {bounds.getRect()}")
        elif isinstance(area, QScrollArea) and area.horizontalScrollBar().isVisible():
            problems.append(f"{_name(area)} scrolls sideways")
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and widget.pixmap().isNull() \
                and not _gives_way(widget):
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{_name(widget)} is cut: needs {widget.sizeHint().width()}, has {widget.width()}")
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{_name(widget)} is cut: needs {widget.sizeHint().width()}, has {widget.width()}")
    return problems
