"""The workbook opens in another spreadsheet program: LibreOffice converts every sheet to CSV, and the figures it
reads are the ones the database holds. CI installs libreoffice-calc; without ``soffice`` the test is skipped."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from counselor_app.core.reports import compute_summary
from counselor_app.export.summary_workbook import SHEET_NAMES, export_summary_workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Comma, double quote, UTF-8, from line 1, raw values (not "as shown"), every sheet to its own file.
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                       "apt-get install -y libreoffice-calc"),
]


def convert(xlsx: Path, out_dir: Path, target: str) -> None:
    assert SOFFICE is not None
    profile = out_dir / "lo-profile"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                           "--outdir", str(out_dir), str(xlsx)], capture_output=True, text=True, timeout=180,
                          check=False)
    assert proc.returncode == 0, proc.stderr


def read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_libreoffice_reads_the_same_figures(export_desk, tmp_path: Path) -> None:
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx")
    figures = compute_summary(export_desk)
    out = tmp_path / "converted"
    out.mkdir()
    convert(result.path, out, ALL_SHEETS_CSV)
    files = {p.stem.removeprefix("summary-"): p for p in out.glob("summary-*.csv")}
    assert set(files) == set(SHEET_NAMES)

    summary = {row[0]: row[1] for row in read(files["Summary"]) if len(row) > 1 and row[0]}
    t = figures.totals
    assert t.completion_rate is not None
    assert int(summary["Licenses issued"]) == t.issued
    assert int(summary["Joined"]) == t.joined and int(summary["Completed"]) == t.completed
    assert float(summary["Completion rate"].rstrip("%")) == pytest.approx(100 * t.completion_rate, abs=1e-6)
    assert float(summary["Learning hours"]) == pytest.approx(t.learning_hours, abs=0.05)

    centers = [r for r in read(files["By Center"])[4:] if r and r[0] and r[0] != "All"]
    assert sum(int(r[1]) for r in centers) == t.issued
    detail = [r for r in read(files["Detail"])[4:] if r and r[0]]
    assert len(detail) == result.detail_rows
    assert all(not r[2].startswith("=") for r in detail)


def test_libreoffice_renders_a_pdf(export_desk, tmp_path: Path) -> None:
    result = export_summary_workbook(export_desk, tmp_path / "summary.xlsx", include_detail=False)
    convert(result.path, tmp_path, "pdf")
    pdf = tmp_path / "summary.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
