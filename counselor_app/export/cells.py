"""Cells that are always text when the data is text.

A job seeker's name, a course title or a center name must never become a formula, an error value or a number
in a spreadsheet (OWASP ASVS 1.2.10; CSV/formula injection). openpyxl turns a string starting with ``=`` into a
formula and ``#N/A``-like strings into errors, so such strings are written as explicit text cells
(``data_type="s"``) with Excel's quote prefix, which keeps them text even when someone edits the cell. Control
characters that XML cannot hold (NUL and most others below 0x20) are dropped rather than failing the export.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# The one guard, shared with the CSV writers (``core/spreadsheet_text.py``).
from counselor_app.core.spreadsheet_text import FORMULA_TRIGGERS, needs_text_guard

__all__ = ["FORMULA_TRIGGERS", "clean_text", "needs_text_guard", "styled_cell", "text_cell"]


def clean_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def text_cell(ws: Any, value: object, *, style: dict[str, Any] | None = None) -> Any:
    """A value for ``ws.append``: a plain ``str`` when harmless (fast path), else a forced-text cell."""
    if value is None:
        return None
    raw = value if isinstance(value, str) else str(value)
    text = raw if raw.isprintable() else clean_text(raw)  # the C-speed check spares 700k regex calls
    guard = needs_text_guard(raw) or needs_text_guard(text)
    if style is None and not guard:
        return text
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # after assigning: openpyxl has just guessed "f" or "e" for some strings
    if guard:
        cell.quotePrefix = True
    if style:
        for key, val in style.items():
            setattr(cell, key, val)
    return cell


def styled_cell(ws: Any, value: object, **style: Any) -> Any:
    """A number, date or heading with a format; text goes through ``text_cell``."""
    if isinstance(value, str):
        return text_cell(ws, value, style=style)
    cell = WriteOnlyCell(ws, value=value)
    for key, val in style.items():
        setattr(cell, key, val)
    return cell
