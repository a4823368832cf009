"""Stream a big sheet's rows as SpreadsheetML text and splice them into a workbook openpyxl wrote.

Why: openpyxl builds, styles and serializes one ``Cell`` object per value even in write-only mode, about 6 µs a
cell. The detail sheet has 1.5 million cells, so that alone took ~10 s of the 17.6 s export. Here a row is one
f-string (about 1 µs a cell) written to an anonymous temporary file; openpyxl still writes everything else (the
sheet's title and header rows, widths, frozen panes, auto-filter, page setup, styles, charts), and
:func:`splice_rows` puts the streamed rows in front of that sheet's ``</sheetData>`` when the package is copied.

The cells are the ones openpyxl itself writes in write-only mode: inline strings (``t="inlineStr"``), numbers,
dates as serial numbers with a date style. Style ids come from cells openpyxl registered in the same workbook,
so the stylesheet it writes has them. Strings keep the rules of ``export.cells``: control characters XML cannot
hold are dropped, and a string that would read as a formula or an error gets the quote-prefix (text) style.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl.utils import get_column_letter

from counselor_app.export.cells import clean_text, needs_text_guard

_EXCEL_EPOCH = date(1899, 12, 30).toordinal()  # serial 0 in the 1900 date system (after Excel's leap-year bug)


def excel_serial(value: date) -> int | float:
    days = value.toordinal() - _EXCEL_EPOCH
    if isinstance(value, datetime):
        return days + (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    return days


def _escape(text: str) -> str:
    # A bare CR would come back as LF after XML line-end normalisation; the character reference keeps it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class RowStream:
    """Rows for one sheet, from ``first_row`` on, as ``<row>`` elements in a temporary file.

    ``day_style``/``stamp_style`` are the cellXfs ids for ``date`` and ``datetime`` values; ``text_style`` is the
    id of a text cell with Excel's quote prefix. ``None`` values and empty strings leave the cell out.
    """

    def __init__(self, *, first_row: int, columns: int, day_style: int, stamp_style: int, text_style: int) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="counselor-sheet-")  # gone when closed, even on crash
        self.next_row = first_row
        self._letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._day = f' s="{day_style}"'
        self._stamp = f' s="{stamp_style}"'
        self._text = f' s="{text_style}"'
        self._pending: list[str] = []

    def append(self, values: Sequence[Any]) -> None:
        r = self.next_row
        self.next_row += 1
        parts = [f'<row r="{r}">']
        add = parts.append
        for col, value in zip(self._letters, values):  # noqa: B905 - a short row leaves the last cells empty
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                text = value if value.isprintable() else clean_text(value)  # C-speed check first, as text_cell
                style = self._text if needs_text_guard(value) or needs_text_guard(text) else ""
                space = ' xml:space="preserve"' if text != text.strip() else ""
                add(f'<c r="{col}{r}"{style} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>')
            elif kind is int or kind is float:
                add(f'<c r="{col}{r}" t="n"><v>{value!r}</v></c>')
            elif kind is bool:
                add(f'<c r="{col}{r}" t="b"><v>{int(value)}</v></c>')
            elif kind is datetime:
                if value.tzinfo is not None:
                    raise TypeError("Excel does not support time zones; store naive UTC datetimes.")
                add(f'<c r="{col}{r}"{self._stamp} t="n"><v>{excel_serial(value)!r}</v></c>')
            elif kind is date:
                add(f'<c r="{col}{r}"{self._day} t="n"><v>{excel_serial(value)}</v></c>')
            else:
                raise TypeError(f"cannot stream a {kind.__name__} into a sheet")
        add("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.file.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    def close(self) -> None:
        self._pending.clear()
        self.file.close()


def splice_rows(source: Path, target: Path, part: str, rows: RowStream, *, compresslevel: int = 6) -> None:
    """Copy the package ``source`` to ``target`` with ``rows`` added at the end of ``part``'s sheet data."""
    rows.flush()
    rows.file.seek(0)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True,
                                                         compresslevel=compresslevel) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != part:
                zout.writestr(info.filename, data)
                continue
            head, marker, tail = data.rpartition(b"</sheetData>")
            if not marker:
                raise ValueError(f"{part} has no sheet data to add rows to")
            with zout.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                shutil.copyfileobj(rows.file, out, 1 << 20)
                out.write(marker + tail)
