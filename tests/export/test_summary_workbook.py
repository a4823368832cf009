"""The supervisor's workbook, opened again and checked: sheets, figures against the database, charts, formats,
text that stays text, cancel and failure leaving nothing behind, permission and audit."""

from __future__ import annotations

import re
import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from counselor_app.core.errors import Cancelled, CounselorDeskError, PermissionDeniedError
from counselor_app.core.models import AuditEvent, Center, JobSeeker, LearnerProgress, LicenseIssuance
from counselor_app.core.reports import ReportFilter, compute_summary
from counselor_app.export import summary_workbook
from counselor_app.export.summary_workbook import SHEET_NAMES, export_summary_workbook
from tests.export.conftest import make_desk

INJECTIONS = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+1-2", "-3+4", "@SUM(A1:A2)", "\tTabbed",
              "\rReturn", "\0=cmd|' /C calc'!A0", "#N/A", "=1+1")


def summary_values(ws) -> dict[str, object]:
    return {row[0].value: row[1].value for row in ws.iter_rows(min_row=1, max_col=2) if row[0].value}


def test_sheets_and_figures_match_the_database(export_desk, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx",
                                     progress=lambda done, total: calls.append((done, total)))
    figures = compute_summary(export_desk)
    wb = load_workbook(result.path)
    assert wb.sheetnames == list(SHEET_NAMES)
    values = summary_values(wb["Summary"])
    t = figures.totals
    assert values["Licenses issued"] == t.issued and values["Pending approval"] == t.pending_approval
    assert (values["Invited"], values["Joined"], values["Enrolled"], values["Completed"]) == (
        t.invited, t.joined, t.enrolled, t.completed)
    assert values["Completion rate"] == pytest.approx(t.completion_rate)
    assert values["Learning hours"] == pytest.approx(t.learning_hours, abs=0.05)
    assert values["Course completions"] == figures.course_completions
    assert values["Credentials earned"] == figures.credentials_earned
    assert "Filter: Licenses all issue dates" in wb["Summary"]["A2"].value

    centers = wb["By Center"]
    data = [r for r in centers.iter_rows(min_row=5, values_only=True) if r[0] and r[0] != "All"]
    assert len(data) == len(figures.by_center)
    assert sum(r[1] for r in data) == t.issued and sum(r[8] for r in data) == t.completed
    assert [r for r in centers.iter_rows(min_row=5, values_only=True) if r[0] == "All"][0][1] == t.issued
    weeks = [r for r in wb["By Week"].iter_rows(min_row=5, values_only=True) if r[0] and r[0] != "All"]
    assert sum(r[1] for r in weeks) == t.issued
    courses = [r for r in wb["By Course"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert len(courses) == len(figures.by_course) and sum(r[4] for r in courses) == figures.course_completions

    with export_desk.store.read() as session:
        licenses = session.scalar(select(func.count()).select_from(LicenseIssuance))
    detail = wb["Detail"]
    assert detail.max_row - 4 == licenses == result.detail_rows
    assert [c.value for c in detail[4]][:3] == ["Full Name", "Email", "External ID"]
    assert calls and calls[-1][0] == calls[-1][1]  # progress reached the end
    assert all(b[0] >= a[0] for a, b in zip(calls, calls[1:], strict=False))


def test_charts_are_native_excel_charts(export_desk, tmp_path: Path) -> None:
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx", include_detail=False)
    with zipfile.ZipFile(result.path) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        xml = [z.read(n).decode() for n in charts]
        drawing_rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert len(charts) == 3
    # The serializer (lxml or the standard library) decides the spacing, so match the elements, not bytes.
    assert any(re.search(r"<barChart\b", x) and re.search(r"<lineChart\b", x) for x in xml)  # licenses by week
    assert sum(bool(re.search(r'<barDir val="col"\s*/>', x)) for x in xml) == 2
    assert any(re.search(r'<barDir val="bar"\s*/>', x) for x in xml)
    assert all("'Summary'!$B$" in x for x in xml)  # the charts read the figures on the Summary sheet
    assert "drawing" in drawing_rels


def test_formats_filters_frozen_headers_and_widths(export_desk, tmp_path: Path) -> None:
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx")
    wb = load_workbook(result.path)
    summary = wb["Summary"]
    rows = {r[0].value: r[1] for r in summary.iter_rows(max_col=2) if r[0].value}
    assert rows["Licenses issued"].number_format == "#,##0"
    assert rows["Completion rate"].number_format == "0.0%"
    assert rows["Learning hours"].number_format == "#,##0.0"
    assert summary["A1"].font.bold and summary["A1"].font.size == 14
    for name in SHEET_NAMES[1:]:
        ws = wb[name]
        assert ws.freeze_panes == "B5", name
        assert ws.auto_filter.ref.startswith("A4:"), name
        assert ws["A4"].font.bold, name
        assert ws.column_dimensions["A"].width >= 10, name
    week = wb["By Week"]
    assert week["A5"].is_date and week["A5"].number_format == "m/d/yyyy"
    assert week["J5"].number_format == "0.0%"
    detail = wb["Detail"]
    assert detail["G5"].is_date and detail.auto_filter.ref == f"A4:O{detail.max_row}"
    assert wb["Summary"].page_setup.orientation == "landscape"
    # Issue 13: statuses in words, a Center column wide enough, and the Detail sheet printed at a readable size
    # (several pages wide, the header row and names repeated) instead of squeezed onto one page.
    statuses = {detail.cell(row, 8).value for row in range(5, detail.max_row + 1)}
    assert statuses and statuses <= {"Issued", "Pending approval", "Revoked", "Inactivated"}, statuses
    assert detail.column_dimensions["E"].width >= 40
    assert int(detail.page_setup.fitToWidth) == 3 and detail.print_title_rows == "$4:$4"


def test_strings_from_data_are_always_text(export_desk, tmp_path: Path) -> None:
    with export_desk.store.write() as session:
        seekers = list(session.scalars(select(JobSeeker).join(LicenseIssuance,
                                                              LicenseIssuance.job_seeker_id == JobSeeker.id)
                                       .limit(len(INJECTIONS))))
        for seeker, text in zip(seekers, INJECTIONS, strict=True):
            seeker.first_name, seeker.last_name = text, ""
            seeker.agency_customer_id = text[:40]
        center = session.scalars(select(Center).order_by(Center.name).limit(1)).one()
        center.name = "=cmd|'/C notepad'!A1"
        rows = list(session.scalars(select(LearnerProgress).limit(len(INJECTIONS))))
        for row, text in zip(rows, INJECTIONS, strict=True):
            row.course_name = f"{text} course"
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx")
    with zipfile.ZipFile(result.path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode(), f"a formula in {name}"
    wb = load_workbook(result.path)
    # Depending on the XML writer a carriage return may come back as a line feed; what matters is that it is
    # still text, so compare with line ends folded.
    expected = {t.replace("\0", "").replace("\r", "\n") for t in INJECTIONS}
    found: set[str] = set()
    for ws in (wb["Detail"], wb["By Center"], wb["By Course"]):
        for row in ws.iter_rows(min_row=5):
            for cell in row:
                if isinstance(cell.value, str) and (cell.value.replace("\r", "\n") in expected
                                                    or cell.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "#"))):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found.add(cell.value.replace("\r", "\n"))
    assert expected <= found
    assert "=cmd|'/C notepad'!A1" in found


def test_cancel_leaves_no_file(export_desk, tmp_path: Path) -> None:
    cancel = threading.Event()
    out = tmp_path / "out"
    out.mkdir()

    def progress(done: int, total: int) -> None:
        if done > 40:
            cancel.set()

    with pytest.raises(Cancelled):
        export_summary_workbook(export_desk, out / "summary.xlsx", progress=progress, cancel=cancel)
    assert list(out.iterdir()) == []


def test_failure_leaves_no_file_and_keeps_an_older_one(export_desk, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.xlsx").write_bytes(b"last week's summary")

    def full_disk(wb, filename):  # noqa: ANN001
        Path(filename).write_bytes(b"PK partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summary_workbook, "_save_workbook", full_disk)
    with pytest.raises(CounselorDeskError, match="is full"):  # a sentence, not a raw OSError (issue 12)
        export_summary_workbook(export_desk, out / "summary.xlsx")
    assert [p.name for p in out.iterdir()] == ["summary.xlsx"]
    assert (out / "summary.xlsx").read_bytes() == b"last week's summary"


def test_filter_is_printed_and_audited(export_desk, tmp_path: Path) -> None:
    figures = compute_summary(export_desk)
    center = figures.by_center[0]
    f = ReportFilter(center_id=center.key)
    result = export_summary_workbook(export_desk, tmp_path / "center.xlsx", report_filter=f)
    wb = load_workbook(result.path)
    assert center.label in wb["Summary"]["A2"].value
    assert result.detail_rows == center.issued + center.pending_approval + center.revoked
    with export_desk.store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "export_summary")).one()
    assert event.detail["filter"]["center_id"] == center.key
    assert event.detail["detail_rows"] == result.detail_rows and event.actor_name == export_desk.actor.username


def test_only_supervisors_export(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "c", role="counselor")
    try:
        with pytest.raises(PermissionDeniedError):
            export_summary_workbook(desk, tmp_path / "x.xlsx")
    finally:
        desk.close()
    assert not (tmp_path / "x.xlsx").exists()


def test_empty_desk_still_makes_a_workbook(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "empty")
    try:
        result = export_summary_workbook(desk, tmp_path / "empty.xlsx")
    finally:
        desk.close()
    wb = load_workbook(result.path)
    assert summary_values(wb["Summary"])["Licenses issued"] == 0 and result.detail_rows == 0
