"""Drive the appointment wizard the way a counselor does: keys typed into fields, clicks on buttons.

Uses ``QTest`` directly (what pytest-qt's ``qtbot`` wraps) so ``scripts/screenshots.py`` can walk the same path
without pytest.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from tests.ui.stall_meter import type_text  # noqa: F401 - re-exported for scripts


def wait(ms: int = 0) -> None:
    """Process events for ``ms`` milliseconds (debounce timers, queued signals)."""
    deadline = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.processEvents()
        if time.monotonic() >= deadline:
            break
        time.sleep(0.005)


def click(widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    pos = widget.rect().center()
    if isinstance(widget, QCheckBox | QRadioButton):
        pos = QPoint(min(8, widget.width() // 2), widget.height() // 2)  # on the indicator, not past the text
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    wait()


def type_into(widget: QWidget, text: str, *, clear: bool = True) -> None:
    widget.setFocus()
    if clear and isinstance(widget, QLineEdit):
        widget.selectAll()
        QTest.keyClick(widget, Qt.Key.Key_Backspace)
    type_text(widget, text)
    wait()


def choose(combo: QComboBox, text: Any) -> None:
    """Pick a combo-box entry with the arrow keys, by its stored value (any language) or by the start of its text."""
    combo.setFocus()
    index = combo.findData(text)
    if index < 0 and isinstance(text, str):
        index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    steps = index - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        QTest.keyClick(combo, key)
    wait()
    assert combo.currentIndex() == index, (combo.currentText(), text)


def next_button(wizard: Any) -> QAbstractButton:
    return wizard.next_button


def press_next(wizard: Any, *, expect_step: str | None = None, timeout_ms: int = 5000) -> None:
    # A counselor's pace: the primary button ignores clicks for one double-click interval after its meaning
    # changed (see ``ClickGuard``).
    wait_for(lambda: not wizard.click_guard.armed, timeout_ms, "the primary button stayed guarded")
    click(wizard.next_button)
    wait_for(lambda: not wizard._busy, timeout_ms)
    if expect_step is not None:
        wait_for(lambda: wizard.current_step == expect_step, timeout_ms,
                 f"expected step {expect_step}, still on {wizard.current_step}")


def wait_for(predicate: Any, timeout_ms: int = 5000, message: str = "condition not met") -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        wait(5)


def start_walk_in(window: Any) -> Any:
    window.go_to("today")
    today = window.page("today")
    click(today.walk_in_button)
    wait_for(lambda: window.wizard is not None, message="the wizard did not open")
    return window.wizard


def register_new(wizard: Any, *, first: str, last: str, email: str, phone: str = "", zip_code: str = "",
                 accept_suggestion: bool = False, employment: str | None = "unemployed") -> None:
    step = wizard.steps["find"]
    tabbar = step.tabs.tabBar()
    QTest.mouseClick(tabbar, Qt.MouseButton.LeftButton, pos=tabbar.tabRect(1).center())
    wait()
    form = step.form
    type_into(form.inputs["first_name"], first)
    QTest.keyClick(form.inputs["first_name"], Qt.Key.Key_Tab)
    type_into(form.inputs["last_name"], last)
    type_into(form.inputs["email"], email)
    if accept_suggestion:
        assert form.suggest_button is not None and form.suggest_button.isVisible(), "no e-mail suggestion shown"
        click(form.suggest_button)
    if phone:
        type_into(form.inputs["phone"], phone)
    if zip_code:
        type_into(form.inputs["zip_code"], zip_code)
    if employment:
        choose(form.inputs["employment_status"], employment)


def answer(wizard: Any, question_id: str, value: Any) -> None:
    step = wizard.steps["eligibility"]
    for v, radio in step.buttons[question_id]:
        if v == value:
            assert isinstance(radio, QRadioButton)
            step.scroll_area.ensureWidgetVisible(radio)
            click(radio)
            assert radio.isChecked()
            return
    raise AssertionError(f"no answer {value!r} for {question_id}")


def answer_eligible(wizard: Any) -> None:
    answer(wizard, "employment_status", "unemployed")
    answer(wizard, "covid_reason", "laid_off")
    answer(wizard, "ui_claimant", True)
    answer(wizard, "attests", True)


def answer_not_eligible(wizard: Any) -> None:
    answer(wizard, "employment_status", "employed")
    answer(wizard, "covid_reason", "not_related")
    answer(wizard, "attests", True)


def fill_background(wizard: Any, *, weekly_hours: str = "10") -> None:
    form = wizard.steps["background"].form
    occ = form.inputs["last_occupation_soc"]
    type_into(occ, "43-4051")
    QTest.keyClick(occ, Qt.Key.Key_Escape)  # close the suggestions, keep the code as typed
    type_into(form.inputs["interests"], "computers, customer service")
    choose(form.inputs["education"], "high_school")
    choose(form.inputs["digital_skill"], 3)
    spin = form.inputs["weekly_hours"]
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, weekly_hours)
    wait()


def tick_first_recommendations(wizard: Any, n: int = 1) -> list[str]:
    step = wizard.steps["recommendations"]
    wait_for(lambda: bool(step.cards), message="no recommendation cards")
    chosen = []
    cards = [c for c in step.cards.values() if c.rec.kind != "collection"][:n]
    for card in cards:
        step.scroll_area.ensureWidgetVisible(card.plan_box)
        click(card.plan_box)
        chosen.append(card.rec.id)
    return chosen
