"""The demo's own walk-in appointment, as a new user tries it (issue 11): ``counselor-app --demo``, Ctrl+N, pick a
person from the list, attest, plan, issue, finish, Sync now, against the demo's own server. It must end with the
status bar saying everything is on the server: nothing set aside, nothing waiting."""

from __future__ import annotations

import argparse
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from counselor_app.core.models import JobSeeker, LicenseIssuance, OutboxEntry
from counselor_app.ui import app as app_module
from counselor_app.ui.job_seeker_table_model import ID_ROLE
from tests.ui import wizard_driver as drive


@pytest.fixture(autouse=True)
def small_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_fatal", lambda message, **_kw: None)
    monkeypatch.setattr(app_module, "DEMO_JOB_SEEKERS", 150)


def _unlicensed_person(desk: Any) -> JobSeeker:
    with desk.store.read() as session:
        licensed = set(session.scalars(select(LicenseIssuance.job_seeker_id)))
        for seeker in session.scalars(select(JobSeeker).order_by(JobSeeker.last_name, JobSeeker.first_name)):
            if seeker.id not in licensed and seeker.email:
                session.expunge(seeker)
                return seeker
    raise AssertionError("every demo job seeker already has a license")


def test_demo_walk_in_from_ctrl_n_to_everything_on_the_server(qtbot: Any) -> None:
    session = app_module.start_app(argparse.Namespace(data_dir=None, agency=None, demo=True, lang=None))
    assert not isinstance(session, int)
    try:
        window, desk, ctx = session.window, session.desk, session.ctx
        qtbot.waitUntil(lambda: desk.job_seekers.count() >= 150, timeout=60_000)
        ctx.runner.wait_idle(60)
        controller = session.sync_controller
        qtbot.waitUntil(lambda: controller.service.signed_in(), timeout=30_000)
        person = _unlicensed_person(desk)

        # Ctrl+N opens the walk-in appointment before anyone is picked.
        window.resize(1366, 768)
        window.activateWindow()
        window.raise_()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=5000)
        wizard = window.wizard
        assert wizard.current_step == "find"
        find = wizard.steps["find"]
        drive.type_into(find.search.search_edit, f"{person.first_name} {person.last_name}")
        find.search.search_now()
        model = find.search.model

        def listed() -> list[str]:
            return [str(model.data(model.index(i, 0), ID_ROLE)) for i in range(model.rowCount())]

        drive.wait_for(lambda: person.id in listed(), 10_000, "the person is not listed")
        ctx.runner.wait_idle(10)
        drive.wait(500)  # the search box's debounce: the list is final

        def picked() -> bool:
            if person.id in listed() and find.search.current_id() != person.id:
                find.search.select_row(listed().index(person.id))
            return find.search.current_id() == person.id

        drive.wait_for(picked, 10_000, "the person could not be picked from the list")
        drive.press_next(wizard, expect_step="eligibility")

        drive.answer_eligible(wizard)
        drive.press_next(wizard, expect_step="background")  # "Record and continue"
        drive.wait_for(lambda: wizard.steps["background"]._loaded_for is not None)
        drive.fill_background(wizard)
        drive.press_next(wizard, expect_step="recommendations")
        drive.wait_for(lambda: bool(wizard.steps["recommendations"].cards), 10_000, "no recommendations")
        ctx.runner.wait_idle(10)
        drive.wait(300)
        assert drive.tick_first_recommendations(wizard, 1)
        drive.press_next(wizard, expect_step="plan")
        drive.wait_for(lambda: wizard.steps["plan"].plan is not None)
        drive.press_next(wizard, expect_step="license")
        license_step = wizard.steps["license"]
        drive.wait_for(lambda: license_step.email_label.text() == person.email)
        drive.click(license_step.confirm)
        drive.press_next(wizard, expect_step="summary")
        assert "License issued" in wizard.steps["summary"].result.text()
        # A person reads the summary before finishing: a click within a double-click of "Issue" is ignored on
        # purpose (the second half of a double-click on Issue must not skip the summary).
        drive.wait(QApplication.doubleClickInterval() + 100)
        drive.click(wizard.next_button)  # Finish the appointment
        drive.wait_for(lambda: window.wizard is None or not window.wizard.isVisible(), 10_000,
                       "the wizard did not close")
        ctx.runner.wait_idle(30)

        # Sync now, as the counselor would; then the status bar must say it is all on the server.
        qtbot.waitUntil(lambda: not controller.running, timeout=120_000)
        assert controller.sync_now(manual=False)
        qtbot.waitUntil(lambda: not controller.running, timeout=120_000)
        report = controller.last_report
        assert report is not None and report.complete, report.summary() if report else controller.last_error
        assert report.rejected == 0, report.summary()
        status = window.status
        qtbot.waitUntil(lambda: "Everything is on the agency server" in status.queued_label.text(), timeout=10_000)
        assert not status.attention_label.isVisible()
        with desk.store.read() as session_:
            assert not list(session_.scalars(select(OutboxEntry)))
        # The demo server holds the appointment, the person, the attestation, the plan and the license.
        from counselor_app.sync.service import stored_token
        from counselor_app.sync.transport import AgencyClient

        with AgencyClient(desk.settings.server_url, token=stored_token(desk)) as client:
            record = client.get_json(f"/job-seekers/{person.id}")
        assert record["entity_id"] == person.id
    finally:
        session.close()
