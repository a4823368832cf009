"""Wait and service times feed the reports (issue 16): from known arrivals, call-ins and ends, the figures by
day, center and counselor on the report, on the Reports page's table and in the summary workbook's sheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from counselor_app.core.changes import Actor
from counselor_app.core.front_desk import FrontDeskService, p90
from counselor_app.core.models import Appointment, User
from counselor_app.core.reports import ReportFilter, compute_summary
from counselor_app.export.summary_workbook import export_summary_workbook

DAY1, DAY2 = date(2026, 3, 9), date(2026, 3, 10)  # a Monday and Tuesday, EDT from March 8


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 9, 13, 0)

    def __call__(self) -> datetime:
        return self.now


def _visit(desk, service: FrontDeskService, clock: Clock, *, name: str, arrive: datetime, wait: int,
           serve: int | None) -> None:
    """Arrive at ``arrive`` (UTC), called in ``wait`` minutes later, served ``serve`` minutes (None: left)."""
    clock.now = arrive
    entry = service.check_in(name=name)
    clock.now = arrive + timedelta(minutes=wait)
    if serve is None:
        service.left_unseen(entry.id)
        return
    appt = service.start(entry.id).record
    with desk.store.write() as session:
        session.get(Appointment, appt.id).ended_at = clock.now + timedelta(minutes=serve)


@pytest.fixture
def figures_desk(desk):
    desk.actor = replace(desk.actor, role="supervisor")
    with desk.store.write() as session:
        me = session.get(User, desk.actor.user_id)
        other = User(username="lee", display_name="Lee Park", role="counselor", center_id=me.center_id)
        session.add(other)
        session.flush()
        other_id = other.id
    clock = Clock()
    zone = desk.settings.center_time_zone
    mine = FrontDeskService(desk.store, desk.actor, zone=zone, clock=clock)
    lee = FrontDeskService(desk.store, Actor(user_id=other_id, username="lee", display_name="Lee Park",
                                             role="counselor", center_id=desk.actor.center_id,
                                             center_name=desk.actor.center_name), zone=zone, clock=clock)
    # Monday (UTC 13:00 is 09:00 EDT): waits 10, 20, 40; services 30, 45, 60; one leaves after 25 minutes.
    _visit(desk, mine, clock, name="Ann One", arrive=datetime(2026, 3, 9, 13, 0), wait=10, serve=30)
    _visit(desk, lee, clock, name="Ben Two", arrive=datetime(2026, 3, 9, 14, 0), wait=20, serve=45)
    _visit(desk, mine, clock, name="Cal Three", arrive=datetime(2026, 3, 9, 15, 0), wait=40, serve=60)
    _visit(desk, mine, clock, name="Dot Four", arrive=datetime(2026, 3, 9, 16, 0), wait=25, serve=None)
    # Tuesday 23:30 EDT is Wednesday in UTC: it still counts on Tuesday, the center's day. Wait 5, service 20.
    _visit(desk, lee, clock, name="Eve Five", arrive=datetime(2026, 3, 11, 3, 30), wait=5, serve=20)
    return desk


def test_p90_is_the_nearest_rank() -> None:
    assert p90([10, 20, 40, 5]) == 40 and p90([1.0] * 9 + [100.0]) == 1.0 and p90([]) is None
    assert p90(list(range(1, 21))) == 18


def test_the_report_figures_by_day_center_and_counselor(figures_desk) -> None:
    fd = compute_summary(figures_desk, ReportFilter(date_from=DAY1, date_to=DAY2)).front_desk
    assert fd["totals"] | {} == {"key": "", "label": "All", "seen": 4, "left_unseen": 1, "median_wait_min": 15.0,
                                 "p90_wait_min": 40.0, "median_service_min": 37.5, "p90_service_min": 60.0}
    days = {g["key"]: (g["seen"], g["left_unseen"], g["median_wait_min"], g["p90_wait_min"],
                       g["median_service_min"], g["p90_service_min"]) for g in fd["by_day"]}
    assert days == {"2026-03-09": (3, 1, 20.0, 40.0, 45.0, 60.0), "2026-03-10": (1, 0, 5.0, 5.0, 20.0, 20.0)}
    me = figures_desk.actor.display_name
    counselors = {g["key"]: (g["seen"], g["median_wait_min"], g["median_service_min"]) for g in fd["by_counselor"]}
    assert counselors == {me: (2, 25.0, 45.0), "Lee Park": (2, 12.5, 32.5), "": (0, None, None)}
    assert [(g["key"], g["seen"]) for g in fd["by_center"]] == [(figures_desk.actor.center_name, 4)]
    # One counselor's figures only.
    with figures_desk.store.read() as session:
        lee_id = session.scalar(select(User.id).where(User.username == "lee"))
    lee_only = compute_summary(figures_desk, ReportFilter(date_from=DAY1, date_to=DAY2, counselor_id=lee_id))
    assert (lee_only.front_desk["totals"]["seen"], lee_only.front_desk["totals"]["median_wait_min"]) == (2, 12.5)
    # Monday alone.
    monday = compute_summary(figures_desk, ReportFilter(date_from=DAY1, date_to=DAY1)).front_desk
    assert [g["key"] for g in monday["by_day"]] == ["2026-03-09"] and monday["totals"]["seen"] == 3


def test_the_workbook_sheet_and_the_reports_table(figures_desk, tmp_path: Path) -> None:
    from counselor_app.ui.report_table_model import front_desk_table

    f = ReportFilter(date_from=DAY1, date_to=DAY2)
    result = export_summary_workbook(figures_desk, tmp_path / "summary.xlsx", report_filter=f)
    ws = load_workbook(result.path)["Front Desk"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5) if any(c.value is not None for c in r)]
    by_label = {(r[0], r[1] if not isinstance(r[1], datetime) else r[1].date().isoformat()): r[2:8] for r in rows
                if r[0] in ("Day", "Center", "Counselor", "All")}
    assert by_label[("Day", "2026-03-09")] == [3, 1, 20, 40, 45, 60]
    assert by_label[("Day", "2026-03-10")] == [1, 0, 5, 5, 20, 20]
    assert by_label[("Counselor", "Lee Park")] == [2, 0, 12.5, 20, 32.5, 45]
    assert by_label[("All", "2026-03-09 – 2026-03-10")] == [4, 1, 15, 40, 37.5, 60]
    # The Reports page shows the same figures.
    columns, table = front_desk_table(compute_summary(figures_desk, f).front_desk)
    assert len(columns) == 8
    assert table[0][2:] == (4, 1, 15.0, 40.0, 37.5, 60.0)
    assert ("Day", "3/9/2026", 3, 1, 20.0, 40.0, 45.0, 60.0) in table
