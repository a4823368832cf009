"""Usable by everyone: every control has a name a screen reader can say, every button a keyboard mnemonic, and
the screens keep working at 200 % text size."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)

from tests.ui import wizard_driver as drive

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView, QPlainTextEdit)


def _buddied(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _unnamed(root: QWidget) -> list[str]:
    buddied = _buddied(root)
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or isinstance(w, QTabBar) or w.parent().metaObject().className().startswith(
                ("QComboBox", "QAbstractSpinBox", "QSpinBox", "QLineEdit", "QTabBar", "QScrollBar", "QHeaderView",
                 "QTableCornerButton", "QAbstractScrollArea", "QCalendar")):
            continue
        if type(w).__name__ in ("QToolButton", "QHeaderView") or w.objectName().startswith("qt_"):
            continue
        named = bool(w.accessibleName()) or id(w) in buddied
        if isinstance(w, QAbstractButton):
            named = named or bool(w.text().replace("&", "").strip())
        if not named:
            out.append(f"{type(w).__name__}:{w.objectName() or '?'} in {w.parent().objectName()}")
    return out


def _buttons_without_mnemonic(root: QWidget) -> list[str]:
    """Buttons no key reaches: no Alt letter, no shortcut of their own, not the default (Enter) button."""
    return [b.text() for b in root.findChildren(QPushButton)
            if b.isVisibleTo(root) and b.text() and "&" not in b.text() and b.shortcut().isEmpty()
            and not b.isDefault() and not b.property("key")]


def test_every_control_is_named_and_every_button_has_a_mnemonic(qtbot: Any, main_window: Any) -> None:
    for key in ("today", "job_seekers", "catalog", "sync", "settings", "outreach", "calendar"):
        main_window.go_to(key)
        page = main_window.page(key)
        assert not _unnamed(page), (key, _unnamed(page))
        assert not _buttons_without_mnemonic(page), (key, _buttons_without_mnemonic(page))
    wizard = drive.start_walk_in(main_window)
    drive.register_new(wizard, first="Ana", last="Silva", email="ana@example.com")
    drive.press_next(wizard, expect_step="eligibility")
    drive.answer_eligible(wizard)
    drive.press_next(wizard, expect_step="background")
    drive.fill_background(wizard)
    drive.press_next(wizard, expect_step="recommendations")
    drive.tick_first_recommendations(wizard)
    for step in ("find", "eligibility", "background", "recommendations"):
        page = wizard.steps[step]
        assert not _unnamed(page), (step, _unnamed(page))
    drive.press_next(wizard, expect_step="plan")
    drive.press_next(wizard, expect_step="license")
    for step in ("plan", "license", "summary"):
        page = wizard.steps[step]
        assert not _unnamed(page), (step, _unnamed(page))
    assert not _buttons_without_mnemonic(wizard), _buttons_without_mnemonic(wizard)


def test_tab_order_on_the_registration_form_follows_the_fields(qtbot: Any, main_window: Any) -> None:
    from PySide6.QtCore import Qt

    wizard = drive.start_walk_in(main_window)
    step = wizard.steps["find"]
    step.tabs.setCurrentIndex(1)
    form = step.form
    form.inputs["first_name"].setFocus()
    order = []
    focus = form.inputs["first_name"]
    for _ in range(4):
        order.append(focus.objectName())
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = wizard.focusWidget()
    assert order == ["field_first_name", "field_last_name", "field_email", "field_phone"]


def test_readable_at_200_percent_text(qtbot: Any, main_window: Any) -> None:
    """Double the font (what 200 % scaling does to layouts): nothing is squeezed below its minimum size."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    font = app.font()
    big = type(font)(font)
    big.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(big)
    try:
        wizard = drive.start_walk_in(main_window)
        main_window.resize(1600, 1100)
        drive.wait(20)
        for root in (wizard.steps["find"], main_window.page("today")):
            if root is main_window.page("today"):
                main_window.go_to("today")
                drive.wait(20)
            for w in root.findChildren(QPushButton):
                if w.isVisible():
                    assert w.width() >= w.minimumSizeHint().width(), w.text()
        main_window.show_wizard()
        drive.wait(20)
        assert wizard.next_button.width() >= wizard.next_button.fontMetrics().horizontalAdvance(
            wizard.next_button.text().replace("&", ""))
    finally:
        app.setFont(font)
