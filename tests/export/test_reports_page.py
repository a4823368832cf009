"""The Reports page over a seeded desk: figures, charts and tables filled, files written in the background, and
nothing shown to a counselor. Operations run inline (synchronous runner) so the test is deterministic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

@pytest.fixture
def page_ctx(export_desk: Any, make_ctx: Any) -> Any:
    return make_ctx(export_desk)


def test_dashboard_shows_the_summary_figures(qtbot: Any, page_ctx: Any, tmp_path: Path) -> None:
    from counselor_app.core.reports import compute_summary
    from counselor_app.ui.reports_page import ReportsPage

    page = ReportsPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    figures = compute_summary(page_ctx.desk)
    assert page.headline["issued"].text() == f"{figures.totals.issued:,}"
    assert page.headline["completed"].text() == f"{figures.totals.completed:,}"
    model, _view = page.tables["center"]
    assert model.rowCount() == len(figures.by_center)
    assert page.week_chart.chart().series() and page.funnel_chart.chart().series()
    funnel = page.funnel_chart.chart().series()[0].barSets()[0]  # type: ignore[attr-defined]
    # Horizontal bars, drawn bottom-up so that "Invited" is on top.
    assert [funnel.at(i) for i in range(funnel.count())] == [float(v) for _, v in reversed(figures.funnel())]
    assert not page.course_panel.is_empty() and page.course_chart.chart().series()
    assert not page.empty_import_button.isVisibleTo(page)
    assert "December 31, 2020" in page.message.toPlainText()

    # Filter by one center: the figures follow.
    center = figures.by_center[0]
    page.center.setCurrentIndex(page.center.findData(center.key))
    page.refresh()
    assert page.headline["issued"].text() == f"{center.issued:,}"

    page.export_summary_to(tmp_path / "s.xlsx")
    assert page.saved_box.isVisible() and "s.xlsx" in page.saved_box.text()  # a confirmation that stays
    page.saved_box.close()
    assert (tmp_path / "s.xlsx").exists() and "Saved" in page.status_label.text()
    page.reminder_list.setCurrentIndex(page.reminder_list.findData("joined_no_course"))
    page.export_reminders_to(tmp_path / "r.csv")
    assert (tmp_path / "r.csv").exists() and "written to" in page.reminder_info.text()
    page.write_invitations_to(tmp_path / "inv.csv")
    assert (tmp_path / "inv.csv").exists() and "invitations went into" in page.status_label.text()
    usage = Path(__file__).with_name("data") / "usage_report_provider.csv"
    page.import_report_from(usage)
    assert "match no job seeker" in page.status_label.text()


def test_charts_without_data_say_so(qtbot: Any, tmp_path: Path) -> None:
    """Licenses but no usage report yet: no bare "0 0 1 1" axes, a sentence and the import button instead."""
    from counselor_app.core.demo import seed_demo
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.operations import TaskRunner
    from counselor_app.ui.reports_page import ReportsPage
    from tests.export.conftest import TODAY, make_desk

    desk = make_desk(tmp_path / "empty")
    seed_demo(desk, job_seekers=20, seed=3, today=TODAY)
    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    try:
        page = ReportsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.page_shown()
        assert page.course_panel.is_empty() and not page.course_chart.isVisibleTo(page)
        assert "Import usage report" in page.course_panel.empty_text.text()
        assert page.empty_import_button.isVisibleTo(page)
        assert not page.week_panel.is_empty() and not page.funnel_panel.is_empty()
        assert "all centers" in page.status_label.text()

        # A filter that matches nothing empties every chart.
        page.use_dates.setChecked(True)
        page.date_from.setDate(page.date_from.date().addYears(-5))
        page.date_to.setDate(page.date_from.date().addDays(1))
        page.refresh()
        assert page.week_panel.is_empty() and page.funnel_panel.is_empty()
    finally:
        ctx.close()
        desk.close()


def test_table_model_passes_qt_model_checks(qtmodeltester: Any, export_desk: Any) -> None:
    from PySide6.QtCore import Qt

    from counselor_app.core.reports import compute_summary
    from counselor_app.ui.report_table_model import SORT_ROLE, ReportTableModel, tables_from_figures

    model = ReportTableModel()
    columns, rows = tables_from_figures(compute_summary(export_desk))["course"]
    model.set_table(columns, rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) and model.headerData(0, Qt.Orientation.Horizontal) == "Course"
    assert isinstance(model.data(model.index(0, 2), SORT_ROLE), int)


def test_counselors_see_no_reports(qtbot: Any, tmp_path: Path) -> None:
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.operations import TaskRunner
    from counselor_app.ui.reports_page import ReportsPage
    from tests.export.conftest import make_desk

    desk = make_desk(tmp_path / "c", role="counselor")
    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    try:
        page = ReportsPage(ctx)
        qtbot.addWidget(page)
        page.page_shown()
        assert not page.allowed and not hasattr(page, "export_button")
    finally:
        ctx.close()
        desk.close()
