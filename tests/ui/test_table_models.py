"""Every table model passes Qt's model tester, filled and empty, and shows what the counselor expects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from counselor_app.core.job_seekers import JobSeekerRow
from counselor_app.ui.appointment_table_model import (
    COL_DETAIL,
    COL_NAME,
    AppointmentRow,
    AppointmentTableModel,
)
from counselor_app.ui.catalog_table_model import (
    COL_HOURS,
    COL_TITLE,
    ID_ROLE,
    CatalogFilterProxyModel,
    CatalogTableModel,
    rows_from_catalog,
)
from counselor_app.ui.job_seeker_table_model import COL_NAME as JS_NAME
from counselor_app.ui.job_seeker_table_model import COL_PHONE, JobSeekerTableModel
from counselor_app.ui.job_seeker_table_model import ID_ROLE as JS_ID


def _seekers(n: int) -> list[JobSeekerRow]:
    return [JobSeekerRow(id=f"id-{i}", first_name="Ana", last_name=f"Silva{i}", email=f"ana{i}@example.com",
                         phone="6175550123", agency_customer_id=f"MA{i}", zip_code="02108") for i in range(n)]


def test_job_seeker_model(qtmodeltester: Any) -> None:
    model = JobSeekerTableModel()
    qtmodeltester.check(model)
    model.set_rows(_seekers(25))
    qtmodeltester.check(model)
    assert model.rowCount() == 25
    assert model.data(model.index(0, JS_NAME)) == "Silva0, Ana"
    assert model.data(model.index(0, COL_PHONE)) == "(617) 555-0123"
    assert model.data(model.index(3, 0), JS_ID) == "id-3"
    assert model.data(model.index(99, 0)) is None
    model.set_rows([])
    qtmodeltester.check(model)


def test_appointment_model(qtmodeltester: Any) -> None:
    model = AppointmentTableModel()
    qtmodeltester.check(model)
    model.set_rows([
        AppointmentRow(id="a", when=datetime(2020, 10, 1, 9, 5), job_seeker_id="j", name="Ana Silva",
                       kind="walk_in", status="in_progress", outcome=None, step="license"),
        AppointmentRow(id="b", when=datetime(2020, 10, 1, 14, 30), job_seeker_id=None, name="", kind="scheduled",
                       status="completed", outcome="license_issued", step=None),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "9:05 AM"
    assert "License" in model.data(model.index(0, COL_DETAIL))
    assert model.data(model.index(1, COL_NAME)) == "(not chosen yet)"
    assert model.data(model.index(1, COL_DETAIL)) == "License issued"


def test_catalog_model_and_filters(qtmodeltester: Any, shared_catalog: Any) -> None:
    model = CatalogTableModel()
    qtmodeltester.check(model)
    rows = rows_from_catalog(shared_catalog)
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = CatalogFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    total = proxy.rowCount()
    assert total == len(shared_catalog.courses) + len(shared_catalog.certificates)

    proxy.set_filters(kind="certificate", free_credential_only=True)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < total
    assert all(model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).kind == "certificate"
               for r in range(proxy.rowCount()))

    proxy.set_filters(occupation_soc="15-1232")  # computer user support specialists
    ids = {proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())}
    assert "google-it-support" in ids and "technical-support-fundamentals" in ids

    proxy.set_filters(language="es")
    assert proxy.rowCount() > 0
    assert all("es" in model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).languages
               for r in range(proxy.rowCount()))

    proxy.set_filters(max_hours=10, level="beginner", collection_id="job-readiness")
    for r in range(proxy.rowCount()):
        row = model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
        assert row.hours is not None and row.hours <= 10 and row.level == "beginner"
        assert "job-readiness" in row.collection_ids

    proxy.set_filters(text="excel")
    assert any("Excel" in proxy.data(proxy.index(r, COL_TITLE)) for r in range(proxy.rowCount()))

    proxy.set_filters()
    proxy.sort(COL_HOURS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    hours = [model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).hours for r in range(proxy.rowCount())]
    known = [h for h in hours if h is not None]
    assert known == sorted(known) and hours[: len(known)] == known  # unknown lengths sort last


def test_times_are_in_the_centers_zone_and_spelled_out() -> None:
    from datetime import UTC, datetime

    from counselor_app.ui.labels import format_when, set_center_time_zone

    aware = datetime(2020, 10, 1, 14, 5, tzinfo=UTC)
    set_center_time_zone("America/New_York")
    try:
        text = format_when(aware)
        assert text == "October 1, 2020, 10:05 AM", text  # EDT, whatever the computer's own zone
        assert format_when(aware.replace(tzinfo=None)) == text  # the store's naive timestamps are UTC
        assert format_when(aware.isoformat()) == text
        assert format_when(aware, year=False) == "October 1, 10:05 AM"
        assert format_when("not a date") == "not a date"
        set_center_time_zone("America/Los_Angeles")
        assert format_when(aware) == "October 1, 2020, 7:05 AM"
    finally:
        set_center_time_zone(None)


def test_spanish_times_use_the_24_hour_clock() -> None:
    """One helper writes every time of day: the locale's own format, so Spanish reads 21:05, never 9:05 p. m."""
    from datetime import UTC, datetime, time

    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.labels import format_clock, format_when, set_center_time_zone
    from counselor_app.ui.outreach_table_models import clock_time
    from counselor_app.ui.status_bar import format_last_sync

    set_center_time_zone("America/New_York")
    install_translators("es")
    try:
        assert format_clock(time(21, 5)) == "21:05"
        assert format_clock(datetime(2020, 10, 1, 9, 5)) == "9:05"
        assert clock_time(datetime(2020, 10, 1, 13, 30)) == "13:30"
        when = datetime(2020, 10, 2, 1, 42, tzinfo=UTC)  # 21:42 on October 1 at the center
        assert format_when(when) == "1 de octubre de 2020, 21:42"
        assert format_last_sync(when.isoformat()) == "1 de octubre de 2020, 21:42"
        assert "m." not in format_when(when)
        model = AppointmentTableModel()
        model.set_rows([AppointmentRow(id="a", when=datetime(2020, 10, 1, 14, 30), job_seeker_id="j", name="Ana",
                                       kind="walk_in", status="in_progress", outcome=None, step="license")])
        assert model.data(model.index(0, 0)) == "14:30"
    finally:
        install_translators("en")
        set_center_time_zone(None)
    assert format_clock(time(21, 5)) == "9:05 PM"
