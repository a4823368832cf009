"""Issue 12, case 13 and issue 14's "one guard": rules that hold for the whole tree, checked on the source."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "counselor_app"
SOURCES = sorted(PACKAGE.rglob("*.py"))
# glibc-only strftime flags: %-d (no padding), %_d (space padding), %^B (upper case), %#d (Windows' own
# no-padding flag, which glibc rejects). Any of them in a format string fails on one platform or the other.
PLATFORM_CODES = re.compile(r"%[-_^#][A-Za-z]")


def test_no_platform_specific_strftime_codes() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}" for path in SOURCES
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if PLATFORM_CODES.search(line) and "PLATFORM_CODES" not in line]
    assert found == []


def test_the_check_catches_what_it_is_for() -> None:
    assert PLATFORM_CODES.search('when.strftime("%B %-d, %Y")') and PLATFORM_CODES.search("{d:%#d}")
    assert not PLATFORM_CODES.search('"%Y-%m-%d %H:%M"')


def test_license_refusals_format_dates_on_every_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate Windows' strftime, which refuses %-d, and check the refusal still reads as a date."""
    from counselor_app.core.messages import Message

    assert Message("refusal.not_started", "This program starts on {day}.", day=date(2020, 10, 5)) == \
        "This program starts on October 5, 2020."


def test_one_formula_guard_in_the_whole_tree() -> None:
    """The trigger characters are listed once (core/spreadsheet_text.py); no module keeps its own copy."""
    trigger_list = re.compile(r"""\(\s*["']=["']\s*,\s*["']\+["']""")
    owners = [str(path.relative_to(PACKAGE)) for path in SOURCES if trigger_list.search(path.read_text("utf-8"))]
    assert owners == ["core/spreadsheet_text.py"]


def test_one_invitation_writer_in_the_whole_tree() -> None:
    owners = [str(path.relative_to(PACKAGE)) for path in SOURCES
              if re.search(r'\[?\(?"Full Name", "Email", "External ID"[)\]]', path.read_text("utf-8"))]
    assert owners == ["core/invitation_file.py"]
