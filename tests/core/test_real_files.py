"""Issue 12: usage reports as offices really save them, through the one parser both ends use.

Each real-world file (tests/core/data/real-files, from /work/shared/cases/real-files) stands for its kind; the
property test generates the kind: every supported encoding, separator, decimal convention and header position,
and asserts that the values parsed are the values written."""

from __future__ import annotations

import codecs
import csv
import io
import os
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.core.errors import Cancelled
from counselor_app.core.usage_report import (
    MAX_COURSE_HOURS,
    UsageReportError,
    decimal_convention,
    read_usage_report,
)

REAL = Path(__file__).resolve().parent / "data" / "real-files"


def test_case1_excel_unicode_text_utf16_tab() -> None:
    (row,) = read_usage_report(REAL / "usage_utf16_unicode_text.csv").rows
    assert (row.learner_name, row.email, row.course_name) == ("José Núñez", "jose.nunez@example.org",
                                                              "Crash Course on Python")
    assert row.learning_hours == 3.5 and row.enrollment_time == datetime(2020, 10, 2, 14, 23)


def test_case2_semicolons_with_decimal_commas() -> None:
    (row,) = read_usage_report(REAL / "usage_semicolon_decimal_comma.csv").rows
    assert row.learning_hours == 1.5 and row.course_grade == pytest.approx(0.875)


def test_case3_title_line_above_a_semicolon_header() -> None:
    (row,) = read_usage_report(REAL / "usage_title_line_then_semicolon.csv").rows
    assert (row.row, row.course_name, row.learning_hours) == (4, "Financial Markets", 2.5)


def test_case4_xlsx_declaring_a_smaller_dimension_than_it_holds() -> None:
    report = read_usage_report(REAL / "usage_xlsx_dimension_short.xlsx")
    assert [(r.row, r.email, r.learning_hours, r.completed) for r in report.rows] == [
        (2, "anna.berg@example.org", 2.5, False), (3, "li.wei@example.org", 12.0, True)]


@pytest.mark.parametrize(("cells", "fragment"), [
    ("2000,0;0,5", "more hours than any course takes"),  # 2,000 hours for one course
    ("1,5;875", "grades run from 0 to 1, or 0 to 100"),
    ("1.5;0,5", "mix decimal commas"),
])
def test_implausible_or_ambiguous_numbers_refuse_the_file(cells: str, fragment: str) -> None:
    hours, grade = cells.split(";")
    data = ("Email;Course Name;Enrollment Time;Completed;Learning Hours Spent;Course Grade\r\n"
            f"a@example.org;C;2020-10-05;No;{hours};{grade}\r\n").encode()
    with pytest.raises(UsageReportError, match=fragment):
        read_usage_report(data, name="usage.csv")


def test_decimal_comma_in_a_comma_separated_file_is_no_number() -> None:
    """"1,5" quoted in a comma file was read as 15; it is refused, and 1,500 with a decimal point is 1500."""
    bad = b'Email,Course Name,Enrollment Time,Completed,Learning Hours Spent\na@example.org,C,2020-10-05,No,"1,5"\n'
    with pytest.raises(UsageReportError, match="is not a number of hours"):
        read_usage_report(bad, name="usage.csv")
    assert decimal_convention(["1,5", "0,875"], separator=";") == "comma"
    assert decimal_convention(["2.5", "1,234.5"], separator="\t") == "point"
    assert decimal_convention(["1,5"], separator=",") == "point"


def test_grades_in_percent_and_in_fractions() -> None:
    head = "Email,Course Name,Enrollment Time,Completed,Course Grade\r\n"
    percent = read_usage_report((head + "a@x.org,C,2020-10-05,No,87.5\r\nb@x.org,C,2020-10-05,No,1\r\n").encode(),
                                name="p.csv")
    assert [r.course_grade for r in percent.rows] == [pytest.approx(0.875), pytest.approx(0.01)]
    fraction = read_usage_report((head + "a@x.org,C,2020-10-05,No,0.875\r\n").encode(), name="f.csv")
    assert fraction.rows[0].course_grade == pytest.approx(0.875)


def test_legacy_code_page_after_utf8_looking_start() -> None:
    """The first 64 KB are ASCII, a cp1252 é comes later: the reader starts again in the code page."""
    head = "Email,Course Name,Enrollment Time,Completed\r\n"
    body = "".join(f"p{i}@example.org,Course {i},2020-10-05,No\r\n" for i in range(3000))
    data = (head + body + "z@example.org,Café Skills,2020-10-05,No\r\n").encode("cp1252")
    assert len(data) > 65536
    assert read_usage_report(data, name="u.csv").rows[-1].course_name == "Café Skills"


# -- case 12: bounded input ----------------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_device_and_folder_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "report.csv"
    os.mkfifo(fifo)
    with pytest.raises(UsageReportError, match="not a file that holds a report"):
        read_usage_report(fifo)  # would block forever on open() if it were opened
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(UsageReportError, match="not a file that holds a report") as err:
        read_usage_report(link)
    assert err.value.code == "report_not_a_file"
    with pytest.raises(UsageReportError, match="not a file that holds a report"):
        read_usage_report(tmp_path)


def test_huge_sparse_file_is_refused_by_its_size(tmp_path: Path) -> None:
    sparse = tmp_path / "big.csv"
    with open(sparse, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)  # 3 GB, no blocks used
    with pytest.raises(UsageReportError, match="larger than 200 MB") as err:
        read_usage_report(sparse)
    assert err.value.code == "report_too_large"


def test_progress_and_cancel_on_a_large_report(tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Email,Course Name,Enrollment Time,Completed\r\n")
        for i in range(20_000):
            fh.write(f"p{i}@example.org,Course,2020-10-05,No\r\n")
    seen: list[tuple[int, int]] = []
    stop = threading.Event()

    def cancel() -> None:
        if stop.is_set():
            raise Cancelled("cancelled")

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 5:
            stop.set()

    with pytest.raises(Cancelled):
        read_usage_report(path, progress=progress, cancel=cancel)
    assert len(seen) == 5 and all(0 < d <= t == path.stat().st_size for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # the bar only moves forward


def test_bytes_over_the_limit_are_refused() -> None:
    with pytest.raises(UsageReportError, match="larger than"):
        read_usage_report(b"x" * 2048, name="u.csv", max_bytes=1024)


# -- the whole kind: generated reports ----------------------------------------------------------------------------

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
_letters = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñüçÉ ,;\"'-:&"))
course_names = st.text(_letters, min_size=1, max_size=30).map(str.strip).filter(
    lambda t: bool(t) and t.casefold() not in {"-", "n/a", "na", "none", "null"} and t[0] not in "-")
rows_strategy = st.lists(st.tuples(
    st.integers(0, 10_000),  # learner number
    course_names,
    st.integers(0, 99_999).map(lambda n: n / 100),  # hours with up to two decimals, under 1,000
    st.one_of(st.none(), st.integers(0, 1000).map(lambda n: n / 1000)),  # grade as a fraction
    st.booleans(),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2022, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)),
), min_size=1, max_size=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_strategy, encoding=st.sampled_from(ENCODINGS), separator=st.sampled_from([",", ";", "\t", "|"]),
       decimal_comma=st.booleans(), title_lines=st.integers(0, 4), blank_after_title=st.booleans(),
       crlf=st.booleans())
def test_generated_reports_read_back_the_values_written(rows, encoding, separator, decimal_comma, title_lines,
                                                        blank_after_title, crlf) -> None:
    decimal_comma = decimal_comma and separator != ","  # a comma file writes decimal points (or quotes)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n" if crlf else "\n")
    for i in range(title_lines):
        writer.writerow([f"Program usage report {i}" if i == 0 else "Generated 2020-10-05"])
    if title_lines and blank_after_title:
        writer.writerow([])
    writer.writerow(["Name", "Email", "Course Name", "Enrollment Time", "Completed", "Learning Hours Spent",
                     "Course Grade"])

    def number(value: float | None, places: int) -> str:
        if value is None:
            return ""
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if decimal_comma else text

    for learner, course, hours, grade, done, enrolled in rows:
        writer.writerow([f"Learner {learner}", f"l{learner}@example.org", course,
                         enrolled.strftime("%Y-%m-%d %H:%M"), "Yes" if done else "No", number(hours, 2),
                         number(grade, 3)])
    data = out.getvalue().encode(encoding)
    report = read_usage_report(data, name="generated.csv")
    got = [(r.email, r.course_name, r.learning_hours, r.course_grade, r.completed, r.enrollment_time)
           for r in report.rows]
    want = [(f"l{n}@example.org", c, pytest.approx(h), None if g is None else pytest.approx(g), d, e)
            for n, c, h, g, d, e in rows]
    assert got == want
    assert codecs.lookup(encoding)  # every encoding named is a real codec
    assert all(r.learning_hours <= MAX_COURSE_HOURS for r in report.rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_strategy, title_lines=st.integers(0, 4), short_dimension=st.booleans(),
       text_numbers=st.booleans())
def test_generated_workbooks_read_back_the_values_written(tmp_path_factory, rows, title_lines, short_dimension,
                                                          text_numbers) -> None:
    """Workbooks: title rows above the header, a <dimension> that says less than the sheet holds, numbers
    stored as numbers or as text (as some exporters do)."""
    import re
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for i in range(title_lines):
        ws.append([f"Program usage report {i}"])
    ws.append(["Name", "Email", "Course Name", "Enrollment Time", "Completed", "Learning Hours Spent",
               "Course Grade"])
    for learner, course, hours, grade, done, enrolled in rows:
        ws.append([f"Learner {learner}", f"l{learner}@example.org", course, enrolled, "Yes" if done else "No",
                   f"{hours:.2f}" if text_numbers else hours,
                   (f"{grade:.3f}" if text_numbers else grade) if grade is not None else None])
    path = tmp_path_factory.mktemp("xlsx") / "generated.xlsx"
    wb.save(path)
    if short_dimension:  # rewrite the sheet's declared size to its first two rows, as the real-world file does
        fixed = path.with_name("short.xlsx")
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:G2"/>', data)
                zout.writestr(item, data)
        path = fixed
    report = read_usage_report(path)
    got = [(r.email, r.course_name, r.learning_hours, r.course_grade, r.completed, r.enrollment_time)
           for r in report.rows]
    want = [(f"l{n}@example.org", c, pytest.approx(h), None if g is None else pytest.approx(g), d, e)
            for n, c, h, g, d, e in rows]
    assert got == want


def test_desk_import_refuses_a_link_to_a_device(tmp_path: Path) -> None:
    from counselor_app.core.progress_import import import_usage_report
    from tests.core.test_progress_import import make_desk

    desk = make_desk(tmp_path / "sup")
    try:
        link = tmp_path / "report.csv"
        link.symlink_to("/dev/zero")
        with pytest.raises(UsageReportError, match="not a file that holds a report"):
            import_usage_report(desk, link)
    finally:
        desk.close()


def test_cancel_works_while_a_workbook_sheet_is_still_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """calamine loads a sheet before its first row (18 s for 2 million rows on a busy machine): the cancel is
    honored during that load, not after it."""
    import time

    from python_calamine import CalamineWorkbook

    real = CalamineWorkbook.get_sheet_by_name

    class SlowWorkbook:
        def __init__(self, wb: CalamineWorkbook) -> None:
            self.wb, self.sheet_names = wb, wb.sheet_names

        def get_sheet_by_name(self, name: str):  # noqa: ANN201
            time.sleep(3)  # stands for a long load in Rust (which releases the GIL, as sleep does)
            return real(self.wb, name)

    from counselor_app.core import usage_report

    monkeypatch.setattr(usage_report, "_open_workbook", lambda raw: SlowWorkbook(CalamineWorkbook.from_filelike(raw)))
    started = time.monotonic()

    def cancel() -> None:
        if time.monotonic() - started > 0.3:
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        read_usage_report(REAL / "usage_xlsx_dimension_short.xlsx", cancel=cancel)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("name", ["usage_xlsx_dimension_short.xlsx", "usage_title_line_then_semicolon.csv"])
def test_more_rows_than_a_spreadsheet_holds_are_refused(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from counselor_app.core import usage_report

    monkeypatch.setattr(usage_report, "MAX_REPORT_ROWS", 0)
    monkeypatch.setattr(usage_report, "_CHECK_EVERY", 1)
    with pytest.raises(UsageReportError, match="more than 0 rows") as err:
        read_usage_report(REAL / name)
    assert err.value.code == "report_too_many_rows"


# -- slash dates in the file's own order (the day/month kind of the decimal-comma fault) ------------------------
def _slash_report(rows: list[tuple[str, str]], *, sep: str, hours: str) -> bytes:
    lines = [sep.join(["Name", "Email", "Course Name", "Enrollment Time", "Completed", "Learning Hours Spent"])]
    for i, (enrolled, course) in enumerate(rows):
        lines.append(sep.join([f"Learner {i}", f"learner{i}@example.org", course, enrolled, "No", hours]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_a_european_file_reads_its_slash_dates_day_first() -> None:
    """Seen by a new user: in a ;-separated file with decimal commas, 02/11/2026 was read as February 11 and
    20/11/2026 refused. European-locale Excel writes day first; the file's own dates and locale decide."""
    from counselor_app.core.usage_report import read_usage_report

    european = read_usage_report(_slash_report([("02/11/2026", "Course A"), ("20/11/2026", "Course B")],
                                               sep=";", hours="1,5"), name="eu.csv")
    assert [r.enrollment_time.date() for r in european.rows] == [date(2026, 11, 2), date(2026, 11, 20)]
    assert [r.learning_hours for r in european.rows] == [1.5, 1.5]
    ambiguous_eu = read_usage_report(_slash_report([("02/11/2026 14:30", "Course A")], sep=";", hours="1,5"),
                                     name="eu2.csv")
    assert ambiguous_eu.rows[0].enrollment_time == datetime(2026, 11, 2, 14, 30)
    us = read_usage_report(_slash_report([("02/11/2026", "Course A")], sep=",", hours="1.5"), name="us.csv")
    assert us.rows[0].enrollment_time.date() == date(2026, 2, 11), "a US file stays month first"
    us_by_evidence = read_usage_report(_slash_report([("02/11/2026", "Course A"), ("11/20/2026", "Course B")],
                                                     sep=";", hours="1,5"), name="us-eu-mark.csv")
    assert [r.enrollment_time.date() for r in us_by_evidence.rows] == [date(2026, 2, 11), date(2026, 11, 20)]


def test_a_file_whose_dates_mix_day_first_and_month_first_is_refused() -> None:
    from counselor_app.core.usage_report import UsageReportError, read_usage_report

    with pytest.raises(UsageReportError) as err:
        read_usage_report(_slash_report([("20/11/2026", "Course A"), ("11/20/2026", "Course B")], sep=",",
                                        hours="1"), name="mixed.csv")
    assert err.value.code == "report_mixed_dates" and "nothing was changed" in str(err.value)


@settings(max_examples=60, deadline=None)
@given(days=st.lists(st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31)), min_size=1, max_size=8),
       european=st.booleans())
def test_generated_slash_dates_come_back_in_either_order(days: list[date], european: bool) -> None:
    """Dates written as the file's locale writes them (d/m/y with ; and decimal commas, m/d/y with , and points)
    are read back as the same days, whether or not any of them proves the order."""
    from counselor_app.core.usage_report import read_usage_report

    def written(day: date) -> str:
        first, second = (day.day, day.month) if european else (day.month, day.day)
        return f"{first:02d}/{second:02d}/{day.year}"

    data = _slash_report([(written(d), f"Course {i}") for i, d in enumerate(days)],
                         sep=";" if european else ",", hours="1,5" if european else "1.5")
    report = read_usage_report(data, name="generated.csv")
    assert [r.enrollment_time.date() for r in report.rows] == days
