"""Every page and every wizard step fits a laptop's screen, in English and in Spanish (issue 13, item 4).

The window is set to what a 1366x768 laptop (and a 1280x720 one, or 1920x1080 at 150 %) leaves for it; each
screen is then checked with ``laptop_layout.layout_problems``: the window never has to grow, nothing leaves it,
nothing scrolls sideways, no label or button is cut. Alt-key mnemonics are checked for clashes on each screen, in
each language, since translations pick their own letters.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

from tests.ui import wizard_driver as drive
from tests.ui.laptop_layout import SCREENS, layout_problems


def _sizes() -> dict[str, tuple[int, int]]:
    """The laptops' windows, and the smallest the window can be made (nothing may overlap there either)."""
    from counselor_app.ui.main_window import MINIMUM_WINDOW

    return {**SCREENS, "minimum": MINIMUM_WINDOW.toTuple()}


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
    """An Alt+letter that should act (press a button, tick a box, open a tab) but is shared with another visible
    control, so Qt only moves the focus between them (Alt+C focusing "Corregir la dirección" instead of ticking
    the confirmation). Field labels sharing a letter only cycle the focus between their fields: allowed."""
    seen: dict[str, list[str]] = defaultdict(list)
    acts: set[str] = set()
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
        elif isinstance(widget, QMenuBar):  # Alt+F opens File: a button's Alt+F must not take it
            texts = [action.text() for action in widget.actions() if action.isVisible()]
        for text in texts:
            letter = _mnemonic(text)
            if letter:
                seen[letter].append(text.replace("&", ""))
                if isinstance(widget, QAbstractButton | QTabBar | QGroupBox | QMenuBar):
                    acts.add(letter)
    return [f"Alt+{k.upper()}: {v}" for k, v in seen.items() if len(v) > 1 and k in acts]


def _check(window: Any, where: str, problems: list[str], *, english: bool = True) -> None:
    from counselor_app.ui.i18n import current_language
    from tests.ui.english_check import english_on_screen

    drive.wait(10)
    problems += [f"{where}: {p}" for p in layout_problems(window)]
    problems += [f"{where}: mnemonic clash {p}" for p in mnemonic_clashes(window)]
    if english and current_language() == "es":
        problems += [f"{where}: English in the Spanish UI: {p}" for p in english_on_screen(window)]


@pytest.mark.parametrize("screen", [*sorted(SCREENS), "minimum"])
@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
def test_every_page_and_step_fits_the_laptop(spanish_or_english: str, screen: str, configured_data_dir: Any,
                                              make_ctx: Any, qtbot: Any) -> None:
    from counselor_app.core import open_desk
    from counselor_app.core.demo import seed_demo
    from counselor_app.ui.main_window import MainWindow
    from tests.conftest import MA_PROGRAM_DAY

    # Opened the way the app opens it in this language (the agency profile's texts follow it).
    desk = open_desk(data_dir=configured_data_dir, agency="ma", today=MA_PROGRAM_DAY, language=spanish_or_english)
    request_close = desk.close
    seed_demo(desk, job_seekers=30, today=MA_PROGRAM_DAY)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.resize(*_sizes()[screen])
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
    drive.press_next(wizard)  # nothing asked yet: every message of the step at once
    assert wizard.current_step == "background"
    _check(window, "background errors", problems)
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
    drive.press_next(wizard)
    drive.wait_for(lambda: window.wizard is None, message="the appointment did not finish")

    # The same person again: already licensed, the refusal banner over the greyed questions, then its summary.
    wizard = drive.start_walk_in(window)
    find = wizard.steps["find"]
    find.search.set_text("Fernández-Villanueva")
    drive.wait_for(lambda: find.search.model.rowCount() > 0, message="the licensed person was not found")
    find.search.select_row(0)
    drive.press_next(wizard, expect_step="eligibility")
    drive.wait_for(lambda: wizard.steps["eligibility"].refusal.isVisible(), message="no refusal shown")
    _check(window, "eligibility refused", problems)
    drive.press_next(wizard, expect_step="summary")
    _check(window, "summary refused", problems)
    window.close_wizard()

    # Every validation error a form can show, at once (issue 13, item 8), in the window's language.
    window.go_to("job_seekers")
    people = window.page("job_seekers")
    people.new_record()
    form = people.form
    for field, typed in (("first_name", "123"), ("email", "ana@@example"), ("phone", "12"), ("zip_code", "1"),
                         ("birth_date", "31/31/1980")):
        drive.type_into(form.inputs[field], typed)
    drive.click(people.save_button)
    shown = [name for name, label in form.errors.items() if label.isVisible()]
    assert set(shown) >= {"first_name", "email", "phone", "zip_code", "birth_date"}, shown
    _check(window, "job seeker errors", problems)
    # The attestation recorded with nothing answered: every required question says so.
    wizard = drive.start_walk_in(window)
    drive.register_new(wizard, first="Olga", last="Petrova", email="olga.petrova@example.org", employment=None)
    drive.press_next(wizard, expect_step="eligibility")
    drive.press_next(wizard)
    step = wizard.steps["eligibility"]
    required = [q.id for q in desk.profile.questions if q.required]
    assert all(step.errors[q].isVisible() for q in required), [q for q in required if not step.errors[q].isVisible()]
    _check(window, "eligibility errors", problems)
    # Not eligible: the recorded verdict with its reasons and what to offer instead.
    drive.answer_not_eligible(wizard)
    drive.press_next(wizard)
    drive.wait_for(lambda: step.state.attestation is not None, message="the attestation was not recorded")
    _check(window, "eligibility not eligible", problems)
    window.close_wizard()
    assert window.size().toTuple() == _sizes()[screen], "the window resized itself"
    window.close()
    request_close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
@pytest.mark.parametrize(("agency", "today"), [("ny", "2020-12-01"), ("ma", "2020-09-01"), ("ma", "2020-11-30")],
                         ids=["ny", "ma-not-started", "ma-closed"])
def test_the_eligibility_step_fits_with_every_agencys_questions_and_refusals(
        spanish_or_english: str, agency: str, today: str, configured_data_dir: Any, make_ctx: Any,
        qtbot: Any) -> None:
    """Not only the empty step of one agency: New York's long answers (a radio button never wraps), a refusal
    banner before the program starts or after it closed, and every required question's message, at both laptop
    sizes and in both languages."""
    from datetime import date

    from counselor_app.core import open_desk
    from counselor_app.ui.main_window import MainWindow

    desk = open_desk(data_dir=configured_data_dir, agency=agency, today=date.fromisoformat(today),
                     language=spanish_or_english)
    window = MainWindow(make_ctx(desk), remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    wizard = drive.start_walk_in(window)
    drive.register_new(wizard, first="María José", last="Fernández-Villanueva", email="mj.fv@example.org")
    drive.press_next(wizard, expect_step="eligibility")
    step = wizard.steps["eligibility"]
    drive.wait(50)
    refused = step.refusal.isVisible()
    assert refused == (agency == "ma"), step.refusal.text()
    if not refused:
        drive.press_next(wizard)  # nothing answered: every required question's message
        assert any(label.isVisible() for label in step.errors.values())
    for screen, size in sorted(SCREENS.items()):
        window.resize(*size)
        drive.wait(30)
        # The refusals' own sentences are worded by the core (issue 14 translates them): layout only here.
        problems += [f"{agency} {screen}: {p}" for p in layout_problems(window)]
        problems += [f"{agency} {screen}: mnemonic clash {p}" for p in mnemonic_clashes(window)]
    window.close_wizard()
    window.close()
    desk.close()
    assert not problems, "\n".join(problems)


def test_the_window_is_never_smaller_than_its_minimum_and_that_fits_every_laptop(main_window: Any) -> None:
    """Its minimum is one fixed size whatever pages were opened, checked above with every page at that size;
    it fits the smallest screen (1280x720, or 1920x1080 at 150 %)."""
    from counselor_app.ui.main_window import MINIMUM_WINDOW

    for width, height in SCREENS.values():
        assert MINIMUM_WINDOW.width() <= width and MINIMUM_WINDOW.height() <= height
    from counselor_app.ui.main_window import FRAME_ALLOWANCE

    # On a screen smaller than the minimum (the offscreen one is 800x600) the minimum gives way to the screen.
    expected = MINIMUM_WINDOW.boundedTo(main_window.screen().availableGeometry().size() - FRAME_ALLOWANCE)
    for key in ("today", "job_seekers", "catalog", "sync", "settings"):
        main_window.go_to(key)
        main_window.resize(400, 300)
        drive.wait()
        assert main_window.minimumSize() == expected
        assert main_window.size() == expected, (key, main_window.size())


@pytest.mark.skipif(bool(os.environ.get("QT_SCALE_FACTOR")), reason="the child run itself")
def test_every_page_and_step_fits_1920x1080_at_150_percent() -> None:
    """Qt's scale factor must be set before it starts, so the checks above run again in a child process with
    ``QT_SCALE_FACTOR=1.5``: a 1920x1080 screen at 150 % gives the window 1280x720 logical pixels, with text
    and icons drawn at that scale (rounding differs from 100 %)."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    here = Path(__file__)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", str(here),
         "-k", "(fits_the_laptop and (1280x720 or minimum)) or fits_with_every_agencys or at_scale"],
        cwd=here.parents[2], env=env, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and "skipped" not in proc.stdout.splitlines()[-1], proc.stdout[-2000:]


@pytest.mark.skipif(not os.environ.get("QT_SCALE_FACTOR"), reason="only in the 150 % child run")
def test_the_child_really_runs_at_scale(main_window: Any) -> None:
    assert abs(main_window.devicePixelRatioF() - float(os.environ["QT_SCALE_FACTOR"])) < 0.01
