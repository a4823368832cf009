"""Rows streamed as sheet XML read back as openpyxl would have written them: text stays text (quote prefix on
formula-like strings), whitespace and line ends survive, dates keep their formats, a failure leaves no file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from counselor_app.export.cells import styled_cell, text_cell
from counselor_app.export.sheet_stream import RowStream, splice_rows


def _stream(ws) -> RowStream:  # noqa: ANN001
    return RowStream(first_row=2, columns=6,
                     day_style=styled_cell(ws, date(2000, 1, 1), number_format="m/d/yyyy").style_id,
                     stamp_style=styled_cell(ws, datetime(2000, 1, 1), number_format="m/d/yyyy h:mm").style_id,
                     text_style=text_cell(ws, "=").style_id)


def test_streamed_rows_round_trip(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["Header"])
    rows = _stream(ws)
    rows.append(["=1+1", " padded ", "a\rb & <c>", date(2024, 3, 5), datetime(2024, 3, 5, 13, 30), 2.5])
    rows.append(["bad\x00\x07name", None, "", 7, None, "#N/A"])
    wb.save(tmp_path / "plain.xlsx")
    splice_rows(tmp_path / "plain.xlsx", tmp_path / "out.xlsx", ws.path.lstrip("/"), rows)
    rows.close()

    sheet = load_workbook(tmp_path / "out.xlsx")["Data"]
    assert sheet.max_row == 3 and sheet["A1"].value == "Header"
    a2 = sheet["A2"]
    assert a2.value == "=1+1" and a2.data_type == "s" and a2.quotePrefix
    assert sheet["B2"].value == " padded " and not sheet["B2"].quotePrefix
    assert sheet["C2"].value == "a\rb & <c>"
    assert sheet["D2"].is_date and sheet["D2"].number_format == "m/d/yyyy"
    assert sheet["D2"].value == datetime(2024, 3, 5)
    assert sheet["E2"].number_format == "m/d/yyyy h:mm" and sheet["E2"].value == datetime(2024, 3, 5, 13, 30)
    assert sheet["F2"].value == 2.5
    assert sheet["A3"].value == "badname" and sheet["B3"].value is None and sheet["C3"].value is None
    assert sheet["D3"].value == 7 and sheet["F3"].value == "#N/A" and sheet["F3"].quotePrefix


def test_unsupported_values_are_refused(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    rows = _stream(wb.create_sheet("Data"))
    with pytest.raises(TypeError):
        rows.append([object()])
    rows.close()
