"""Ending an appointment early (the trial finished a nobody as "License issued"): the summary offers only the
outcomes that fit, and the core refuses the others in the counselor's words."""

from __future__ import annotations

from typing import Any

from tests.ui import wizard_driver as drive


def test_end_early_with_nobody_picked_offers_only_outcomes_without_a_person(main_window: Any, desk: Any) -> None:
    wizard = drive.start_walk_in(main_window)
    appointment_id = wizard.appointment_id
    drive.click(wizard.end_button)
    drive.wait_for(lambda: wizard.current_step == "summary")
    combo = wizard.steps["summary"].outcome
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["needs_follow_up", "left_before_seen"]
    assert combo.currentData() == "left_before_seen"
    drive.press_next(wizard)
    drive.wait_for(lambda: desk.appointments.get(appointment_id).status == "completed", 10_000)
    assert desk.appointments.get(appointment_id).outcome == "left_before_seen"


def test_summary_after_a_person_without_a_license_offers_no_license_outcome(main_window: Any, desk: Any) -> None:
    from counselor_app.ui.wizard_summary_page import fitting_outcomes

    assert "license_issued" not in fitting_outcomes({"job_seeker_id": "x"})
    assert "license_issued" in fitting_outcomes({"job_seeker_id": "x", "issuance": {"status": "issued"}})
    assert fitting_outcomes({}) == ["needs_follow_up", "left_before_seen"]
