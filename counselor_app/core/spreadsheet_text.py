"""The one formula guard (issue 14 asked for one; there were three, with different trigger characters).

Files people open in a spreadsheet — the supervisor's workbook, reminder lists, any CSV meant to be read — must
never run a cell as a formula or show it as an error value (OWASP CSV injection; ASVS 1.2.10). A text that
starts with one of ``FORMULA_TRIGGERS`` or is an error literal gets the quote prefix: an apostrophe in a CSV,
Excel's ``quotePrefix`` style in a workbook (``export/cells.py``, ``export/sheet_stream.py``).

Files written for machines — the provider's bulk-invitation file (``core/invitation_file.py``) — are written as
they are: an e-mail address is never altered. What cannot be held safely there is refused where it is typed
(``validation.normalize_email``).
"""

from __future__ import annotations

# = + - @ start formulas in Excel, LibreOffice and Google Sheets; tab, CR, LF and NUL can hide one.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
ERROR_LITERALS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


def needs_text_guard(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS) or value in ERROR_LITERALS


def guard_csv_text(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: the apostrophe prefix when needed; NUL dropped anywhere (no
    legitimate name or address has one, and some programs cut the line at it)."""
    if needs_text_guard(text):
        text = "'" + text
    return text.replace("\0", "")
