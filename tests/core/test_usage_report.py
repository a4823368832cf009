"""The provider's usage report parser shared by the desk's import and the agency server's."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook

from counselor_app.core.demo_progress import USAGE_REPORT_HEADER
from counselor_app.core.usage_report import COLUMN_LABELS, UsageReportError, read_usage_report

HEADER = "Email,Course Name,Enrollment Time,Completion Time,Learning Hours Spent,Course Grade,Skills Learned,Extra"


def test_typed_rows_and_ignored_columns() -> None:
    data = (f"\ufeff{HEADER}\r\n\r\nAna@Example.org,\"Data, Data\",10/5/2020 2:30 PM,2020-10-20T09:00:00Z,n/a,95%,"
            "SQL,x\r\n").encode()
    report = read_usage_report(data, name="usage.csv")
    (row,) = report.rows
    assert (row.row, row.email, row.course_name) == (3, "ana@example.org", "Data, Data")
    assert row.enrollment_time == datetime(2020, 10, 5, 14, 30) and row.completed is True  # from Completion Time
    assert row.learning_hours is None and row.course_grade == pytest.approx(0.95)
    assert report.ignored_columns == ["Skills Learned", "Extra"] and report.blank_rows == 1
    assert "completed" not in report.columns and "learning_hours" in report.columns


def test_workbook_bytes_are_read_like_csv() -> None:
    wb = Workbook()
    wb.active.append(HEADER.split(","))
    wb.active.append(["a@example.org", "Course", datetime(2020, 10, 5, 9), None, 2.5, 0.8])
    buffer = io.BytesIO()
    wb.save(buffer)
    (row,) = read_usage_report(buffer.getvalue(), name="upload").rows
    assert (row.enrollment_time, row.completed, row.learning_hours) == (datetime(2020, 10, 5, 9), False, 2.5)


def test_every_bad_cell_is_named_by_row_and_column() -> None:
    data = f"{HEADER}\na@example.org,C,2020-13-40,,lots,,,\n,C,2020-10-01,,1,,,\n".encode()
    with pytest.raises(UsageReportError) as err:
        read_usage_report(data, name="usage.csv")
    assert [(p.row, p.column) for p in err.value.problems] == [
        (2, "Enrollment Time"), (2, "Learning Hours Spent"), (3, "Email")]


def test_demo_header_comes_from_the_table() -> None:
    assert set(USAGE_REPORT_HEADER) == set(COLUMN_LABELS.values())
    assert USAGE_REPORT_HEADER[:2] == ("Name", "Email")
