"""Small building blocks shared by pages, so every screen has the same headings, error text and buttons."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

ERROR_STYLE = "color: palette(highlighted-text); background: #b3261e; border-radius: 3px; padding: 2px 6px;"
ERROR_TEXT_STYLE = "color: #b3261e;"
OK_TEXT_STYLE = "color: #1e6b2f;"


def heading(text: str, parent: QWidget | None = None, *, level: int = 1) -> QLabel:
    """A page or section title; sizes are relative to the system font so they scale with it."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text.replace("&", ""))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str = "", parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    """Shown under a field with the core's message for it; hidden while there is none."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_TEXT_STYLE)
    label.setVisible(False)
    label.setAccessibleName("error")
    return label


def button(text: str, parent: QWidget | None = None, *, shortcut: str | None = None, tooltip: str = "",
           default: bool = False) -> QPushButton:
    """A push button whose shortcut (if any) is also written in its tooltip, so it can be discovered."""
    btn = QPushButton(text, parent)
    plain = text.replace("&", "")
    btn.setAccessibleName(plain)
    tip = tooltip or plain
    if shortcut:
        btn.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    btn.setToolTip(tip)
    if default:
        btn.setDefault(True)
        btn.setAutoDefault(True)
    return btn


def make_helper_chip(btn: QPushButton) -> QPushButton:
    """A suggestion that appears beside a field ("Did you mean …? Use it") is reached by its Alt shortcut or a
    click, never by Tab: someone typing field after field must not land on it and press it with the space of the
    next field's text. Tests find every chip by its ``helper_chip`` property."""
    btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    btn.setAutoDefault(False)
    btn.setProperty("helper_chip", True)
    return btn


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def banner(parent: QWidget | None = None, *, kind: str = "info") -> QLabel:
    """A boxed message (verdicts, refusals, the demo notice). ``kind``: info | ok | warn | error."""
    colors = {"info": ("#e8f0fe", "#174ea6"), "ok": ("#e6f4ea", "#1e6b2f"), "warn": ("#fef7e0", "#7a4f01"),
              "error": ("#fce8e6", "#a50e0e")}
    bg, fg = colors.get(kind, colors["info"])
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px; "
                        f"padding: 8px; }}")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def set_banner_kind(label: QLabel, kind: str) -> None:
    colors = {"info": ("#e8f0fe", "#174ea6"), "ok": ("#e6f4ea", "#1e6b2f"), "warn": ("#fef7e0", "#7a4f01"),
              "error": ("#fce8e6", "#a50e0e")}
    bg, fg = colors.get(kind, colors["info"])
    label.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px; "
                        f"padding: 8px; }}")


def html_escape(text: object) -> str:
    import html

    return html.escape("" if text is None else str(text))


def make_primary(btn: QPushButton) -> QPushButton:
    """The one action the screen is for (start an appointment, issue the license): larger and in the accent
    color, with a visible focus ring so keyboard users still see where they are."""
    btn.setStyleSheet(
        "QPushButton { background: palette(highlight); color: palette(highlighted-text); font-weight: bold; "
        "padding: 0.5em 1.2em; border: 2px solid palette(highlight); border-radius: 4px; }"
        "QPushButton:focus { border: 2px solid palette(window-text); }"
        "QPushButton:disabled { background: palette(mid); border-color: palette(mid); }")
    return btn


def list_table(parent: QWidget, name: str, model: QAbstractItemModel, *, accessible: str = "") -> QTableView:
    """A read-only list of rows: one row selected at a time, Tab leaves the table, columns sized to their text."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    if accessible:
        table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
