"""The workbook shows participants vs reportable individuals and outcomes entered (Summary and Outcomes sheets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from counselor_app.core.models import CaseManagementService
from counselor_app.core.outcomes import (
    OutcomeKind,
    accept_outcome,
    confirm_entered,
    import_and_propose,
    list_outcomes,
)
from counselor_app.export.summary_workbook import export_summary_workbook
from tests.core.test_outcomes import make_desk, people, write_known_report


def test_workbook_counts_outcomes_once_and_splits_participants(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "ny", "ny", seekers=5)
    try:
        write_known_report(desk, tmp_path / "usage.csv")
        import_and_propose(desk, tmp_path / "usage.csv")
        rows = list_outcomes(desk)
        cred = next(r for r in rows if r.kind == OutcomeKind.CREDENTIAL)
        gain = next(r for r in rows if r.kind == OutcomeKind.SKILL_GAIN)
        accept_outcome(desk, cred.id)
        accept_outcome(desk, gain.id)
        confirm_entered(desk, [cred.id, cred.id])  # twice in one call: still one
        with desk.store.write() as session:
            session.add(CaseManagementService(job_seeker_id=people(desk)[0][0], system="OSOS",
                                              service_label="Initial Assessment", service_date=date(2021, 1, 5)))
        result = export_summary_workbook(desk, tmp_path / "summary.xlsx")
    finally:
        desk.close()
    wb = load_workbook(result.path)
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(max_col=2) if r[0].value}
    assert summary["WIOA participants"] == 1 and summary["Reportable individuals"] == 4
    assert summary["Outcomes accepted"] == 2 and summary["Outcomes entered"] == 1
    sheet = wb["Outcomes"]
    assert sheet["A4"].value == "OSOS entry" and sheet.freeze_panes == "B5"
    table = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]}
    assert table["Credential: Coursera Professional Certificate"][2:6] == (0, 0, 1, 0)
    assert table["Skills Gain: Coursera Training Milestone"][2:6] == (0, 1, 0, 0)
    assert table["All"][4] == 1
    assert table["Reportable individuals (no enrolling service; not in performance)"][2] == 4
