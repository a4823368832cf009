"""Every page and every wizard step fits a laptop's screen, in English and in Spanish (issue 13, item 4).

The window is set to what a 1366x768 laptop (and a 1280x720 one, or 1920x1080 at 150 %) leaves for it; each
screen is then checked with ``laptop_layout.layout_problems``: the window never has to grow, nothing leaves it,
nothing scrolls sideways, no label or button is cut. Alt-key mnemonics are checked for clashes on each screen, in
each language, since translations pick their own letters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from tests.ui import wizard_driver as drive
from tests.ui.laptop_layout import SCREENS, layout_problems


@pytest.fixture
def spanish_or_english(request: Any) -> Iterator[str]:
    from counselor_app.ui.i18n import install_translators

    install_translators(request.param)
    yield request.param


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    if i < 0 or i + 1 >= len(text.replace("&&", "")):
        return None
    return text.replace("&&", "")[i + 1].casefold()


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Two visible, enabled widgets of one screen answering the same Alt+letter."""
    seen: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QLabel) and widget.buddy() is not None and widget.buddy().isVisible():
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        for text in texts:
            letter = _mnemonic(text)
            if letter:
                seen[letter].append(text.replace("&", ""))
    return [f"Alt+{k.upper()}: {v}" for k, v in seen.items() if len(v) > 1]


def _check(window: Any, where: str, problems: list[str]) -> None:
    drive.wait(10)
    problems += [f"{where}: {p}" for p in layout_problems(window)]
    problems += [f"{where}: mnemonic clash {p}" for p in mnemonic_clashes(window)]


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
def test_every_page_and_step_fits_the_laptop(spanish_or_english: str, screen: str, desk: Any, make_ctx: Any,
                                              qtbot: Any) -> None:
    from counselor_app.core.demo import seed_demo
    from counselor_app.ui.main_window import MainWindow
    from tests.conftest import MA_PROGRAM_DAY

    seed_demo(desk, job_seekers=30, today=MA_PROGRAM_DAY)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.resize(*SCREENS[screen])
    window.show()
    qtbot.waitExposed(window)
    # The status bar's longest state: offline, things queued, things set aside, working, a long notice.
    window.set_sync_status(False, 1234, 6, 3, "2020-10-01T20:42:00+00:00")
    window.status.set_busy(2)
    window.status.set_notice(window.tr("Demo data: synthetic people, thrown away when the app closes."))
    problems: list[str] = []
    for key in ("today", "job_seekers", "catalog", "reports", "sync", "settings"):
        window.go_to(key)
        _check(window, f"page {key}", problems)

    wizard = drive.start_walk_in(window)
    _check(window, "find", problems)
    drive.register_new(wizard, first="María José", last="Fernández-Villanueva",
                       email="maria.fernandez@gmial.com", phone="6175550142", zip_code="02119")
    _check(window, "register", problems)
    drive.press_next(wizard, expect_step="eligibility")
    _check(window, "eligibility", problems)
    drive.answer_eligible(wizard)
    _check(window, "eligibility with verdict", problems)
    drive.press_next(wizard, expect_step="background")
    drive.fill_background(wizard)
    _check(window, "background", problems)
    drive.press_next(wizard, expect_step="recommendations")
    drive.tick_first_recommendations(wizard, 2)
    _check(window, "recommendations", problems)
    drive.press_next(wizard, expect_step="plan")
    _check(window, "plan", problems)
    drive.press_next(wizard, expect_step="license")
    _check(window, "license", problems)
    drive.click(wizard.steps["license"].confirm)
    drive.press_next(wizard, expect_step="summary")
    _check(window, "summary", problems)
    assert window.size().toTuple() == SCREENS[screen], "the window resized itself"
    assert not problems, "\n".join(problems)
