"""A whole appointment, driven by typed keys and clicks, checked against what the database holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from counselor_app.core.models import (
    Appointment,
    CaseManagementService,
    EligibilityAttestation,
    JobSeeker,
    LearningPlanRecord,
    LicenseIssuance,
    OutboxEntry,
)
from tests.ui import wizard_driver as drive


def _outbox_entities(desk: Any) -> dict[str, int]:
    with desk.store.read() as session:
        rows = session.scalars(select(OutboxEntry)).all()
        out: dict[str, int] = {}
        for row in rows:
            out[row.entity] = out.get(row.entity, 0) + 1
        return out


def test_new_job_seeker_to_issued_license(main_window: Any, desk: Any, tmp_path: Any) -> None:
    wizard = drive.start_walk_in(main_window)
    assert wizard.current_step == "find"
    drive.register_new(wizard, first="María", last="López", email="maria.lopez@gmial.com",
                       phone="617 555 0142", zip_code="02119", accept_suggestion=True)
    assert wizard.steps["find"].form.inputs["email"].text() == "maria.lopez@gmail.com"
    drive.press_next(wizard, expect_step="eligibility")
    assert "López" in wizard.title_label.text()

    drive.answer_eligible(wizard)
    assert "Record" in wizard.next_button.text()
    step = wizard.steps["eligibility"]
    assert step.verdict.isVisible() and "Eligible" in step.verdict.text()  # shown before it is recorded
    assert "Not recorded yet" in step.verdict.text()
    drive.press_next(wizard, expect_step="background")  # recorded, and on to the next step

    drive.wait_for(lambda: wizard.steps["background"]._loaded_for is not None)
    drive.fill_background(wizard)
    drive.press_next(wizard, expect_step="recommendations")
    chosen = drive.tick_first_recommendations(wizard, 2)
    assert chosen
    rec_step = wizard.steps["recommendations"]
    cards = list(rec_step.cards.values())
    drive.click(cards[0].compare_box)
    drive.click(cards[1].compare_box)
    assert rec_step.compare_box.isVisible()
    drive.press_next(wizard, expect_step="plan")
    plan_step = wizard.steps["plan"]
    drive.wait_for(lambda: plan_step.plan is not None)
    assert plan_step.milestones.rowCount() >= 3
    drive.press_next(wizard, expect_step="license")

    lic = wizard.steps["license"]
    drive.wait_for(lambda: lic.email_label.text() == "maria.lopez@gmail.com")
    assert not wizard.next_button.isEnabled()  # the address must be confirmed first
    drive.click(lic.confirm)
    assert wizard.next_button.isEnabled()
    drive.press_next(wizard, expect_step="summary")
    summary = wizard.steps["summary"]
    assert "License issued" in summary.result.text()
    # Offline, the MOSES service only waits on this desk: the summary must not say it is recorded there.
    assert "Queued for MOSES" in summary.result.text() and "Recorded in" not in summary.result.text()
    assert summary.outcome.currentData() == "license_issued"
    pdf = tmp_path / "handout.pdf"
    summary.save_handout(str(pdf))
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    drive.type_into(summary.notes, "Wants evening study time.")
    appointment_id = wizard.appointment_id
    drive.press_next(wizard)
    drive.wait_for(lambda: main_window.wizard is None, message="the wizard did not close")

    with desk.store.read() as session:
        seeker = session.scalars(select(JobSeeker).where(JobSeeker.last_name == "López")).one()
        assert seeker.email == "maria.lopez@gmail.com"
        assert seeker.phone == "6175550142"
        assert seeker.education == "high_school" and seeker.weekly_hours == 10.0
        att = session.scalars(select(EligibilityAttestation).where(
            EligibilityAttestation.job_seeker_id == seeker.id)).one()
        assert att.eligible and att.answers["covid_reason"] == "laid_off"
        assert att.appointment_id == appointment_id
        plan = session.scalars(select(LearningPlanRecord).where(LearningPlanRecord.job_seeker_id == seeker.id)).one()
        planned = [i["id"] for i in plan.plan["items"]]
        assert planned and set(planned) <= set(chosen)  # a course inside a chosen certificate counts once
        lic_row = session.scalars(select(LicenseIssuance).where(LicenseIssuance.job_seeker_id == seeker.id)).one()
        assert lic_row.status == "issued" and lic_row.attestation_id == att.id
        service = session.scalars(select(CaseManagementService).where(
            CaseManagementService.issuance_id == lic_row.id)).one()
        assert service.service_label == "Coursera License Issued"
        appt = session.get(Appointment, appointment_id)
        assert appt is not None and appt.status == "completed" and appt.outcome == "license_issued"
        assert appt.job_seeker_id == seeker.id and appt.notes == "Wants evening study time."
    outbox = _outbox_entities(desk)
    for entity in ("job_seeker", "appointment", "eligibility_attestation", "learning_plan", "license_issuance",
                   "case_service"):
        assert outbox.get(entity, 0) >= 1, (entity, outbox)


def test_not_eligible_job_seeker(main_window: Any, desk: Any) -> None:
    wizard = drive.start_walk_in(main_window)
    drive.register_new(wizard, first="Robert", last="Smith", email="rob.smith@example.org", employment="employed")
    drive.press_next(wizard, expect_step="eligibility")
    drive.answer_not_eligible(wizard)
    drive.press_next(wizard)
    step = wizard.steps["eligibility"]
    assert "Not eligible" in step.verdict.text()
    assert "other services" in step.verdict.text()  # the next step is offered
    assert "outcome" in wizard.next_button.text()
    drive.press_next(wizard, expect_step="summary")
    summary = wizard.steps["summary"]
    assert "No license was issued" in summary.result.text()
    assert summary.outcome.currentData() == "not_eligible"
    appointment_id = wizard.appointment_id
    drive.press_next(wizard)
    drive.wait_for(lambda: main_window.wizard is None)

    with desk.store.read() as session:
        seeker = session.scalars(select(JobSeeker).where(JobSeeker.last_name == "Smith")).one()
        att = session.scalars(select(EligibilityAttestation).where(
            EligibilityAttestation.job_seeker_id == seeker.id)).one()
        assert not att.eligible
        assert session.scalars(select(LicenseIssuance).where(LicenseIssuance.job_seeker_id == seeker.id)).first() \
            is None
        appt = session.get(Appointment, appointment_id)
        assert appt is not None and appt.status == "completed" and appt.outcome == "not_eligible"
    outbox = _outbox_entities(desk)
    assert outbox.get("eligibility_attestation") == 1
    assert "license_issuance" not in outbox


def test_interrupted_appointment_resumes_where_it_stopped(qtbot: Any, desk: Any, make_ctx: Any,
                                                          configured_data_dir: Any) -> None:
    from counselor_app.core import open_desk
    from counselor_app.ui.main_window import MainWindow
    from tests.conftest import MA_PROGRAM_DAY

    first = MainWindow(make_ctx(desk), remember_layout=False)
    first.show()
    wizard = drive.start_walk_in(first)
    drive.register_new(wizard, first="Wei", last="Chen", email="wei.chen@example.net")
    drive.press_next(wizard, expect_step="eligibility")
    drive.answer_eligible(wizard)
    drive.press_next(wizard, expect_step="background")
    drive.wait_for(lambda: wizard.steps["background"]._loaded_for is not None)
    form = wizard.steps["background"].form
    drive.type_into(form.inputs["interests"], "bookkeeping, spreadsheets")
    drive.choose(form.inputs["education"], "associate")
    appointment_id = wizard.appointment_id
    drive.wait(600)  # the debounced autosave commits
    # The power goes out: no close event, no final flush.
    first.deleteLater()
    drive.wait()
    del first, wizard

    desk2 = open_desk(data_dir=configured_data_dir, agency="ma", today=MA_PROGRAM_DAY)
    try:
        second = MainWindow(make_ctx(desk2), remember_layout=False)
        qtbot.addWidget(second)
        second.show()
        today = second.page("today")
        drive.wait_for(lambda: today.resume_list.count() == 1, message="no unfinished appointment offered")
        assert today.resume_box.isVisible()
        assert "Wei Chen" in today.resume_list.item(0).text()
        drive.click(today.resume_button)
        drive.wait_for(lambda: second.wizard is not None)
        wizard = second.wizard
        assert wizard.appointment_id == appointment_id
        assert wizard.current_step == "background"
        form = wizard.steps["background"].form
        assert form.inputs["interests"].text() == "bookkeeping, spreadsheets"
        assert form.inputs["education"].currentData() == "associate"
        assert wizard.state["attestation"]["eligible"] is True
        drive.choose(form.inputs["digital_skill"], 2)
        spin = form.inputs["weekly_hours"]
        spin.setFocus()
        spin.selectAll()
        drive.QTest.keyClicks(spin, "6")
        drive.press_next(wizard, expect_step="recommendations")
        drive.tick_first_recommendations(wizard, 1)
        drive.press_next(wizard, expect_step="plan")
        drive.wait_for(lambda: wizard.steps["plan"].plan is not None)
        drive.press_next(wizard, expect_step="license")
        drive.wait_for(lambda: wizard.steps["license"].email_label.text() == "wei.chen@example.net")
        drive.click(wizard.steps["license"].confirm)
        drive.press_next(wizard, expect_step="summary")
        drive.press_next(wizard)
        drive.wait_for(lambda: second.wizard is None)
        with desk2.store.read() as session:
            appt = session.get(Appointment, appointment_id)
            assert appt is not None and appt.status == "completed" and appt.outcome == "license_issued"
            assert session.scalars(select(LicenseIssuance).where(
                LicenseIssuance.appointment_id == appointment_id)).one().status == "issued"
            assert len(session.scalars(select(EligibilityAttestation)).all()) == 1
        second.close()
    finally:
        desk2.close()


def test_past_the_issue_by_date_the_refusal_says_why_and_what_next(qtbot: Any, configured_data_dir: Any,
                                                                    make_ctx: Any) -> None:
    from datetime import date

    from counselor_app.core import open_desk
    from counselor_app.ui.main_window import MainWindow

    late = open_desk(data_dir=configured_data_dir, agency="ma", today=date(2020, 11, 2))
    try:
        seeker = late.job_seekers.register({"first_name": "Omar", "last_name": "Hassan",
                                            "email": "omar.hassan@example.com"}).record
        window = MainWindow(make_ctx(late), remember_layout=False)
        qtbot.addWidget(window)
        window.show()
        window.start_appointment(seeker.id)
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=2000)
        wizard = window.wizard
        assert wizard.current_step == "eligibility"
        step = wizard.steps["eligibility"]
        qtbot.waitUntil(lambda: step.refusal.isVisible(), timeout=2000)
        assert "October 23, 2020" in step.refusal.text() and "What you can do next" in step.refusal.text()
        assert not step.question_boxes["attests"].isEnabled()
        drive.press_next(wizard, expect_step="summary")
        summary = wizard.steps["summary"]
        assert "No license was issued" in summary.result.text()
        assert summary.outcome.currentData() == "referred_elsewhere"
        drive.press_next(wizard)
        qtbot.waitUntil(lambda: window.wizard is None, timeout=2000)
        with late.store.read() as session:
            appt = session.scalars(select(Appointment).where(Appointment.job_seeker_id == seeker.id)).one()
            assert appt.outcome == "referred_elsewhere" and appt.status == "completed"
    finally:
        late.close()
