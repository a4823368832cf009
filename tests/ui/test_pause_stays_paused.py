"""A paused appointment stays "paused" (the trial saw it relabelled "stopped", as if the app had crashed, once a
second appointment was opened and paused, and after a front-desk action)."""

from __future__ import annotations

from typing import Any

from counselor_app.ui.appointment_wizard import PAUSED_KEY
from tests.ui import wizard_driver as drive


def _pause_a_walk_in(window: Any) -> str:
    wizard = drive.start_walk_in(window)
    appointment_id = wizard.appointment_id
    drive.click(wizard.pause_button)
    drive.wait_for(lambda: window.current_page_name() == "today" if hasattr(window, "current_page_name")
                   else True)
    return appointment_id


def test_two_pauses_and_a_front_desk_action_stay_paused(main_window: Any, desk: Any) -> None:
    first = _pause_a_walk_in(main_window)
    second = _pause_a_walk_in(main_window)  # opening the second puts the first wizard away
    today = main_window.page("today")
    front_desk = today.front_desk.out.front_desk
    entry = front_desk.check_in(name="Maria Lopez")
    front_desk.left_unseen(entry.id)
    main_window.go_to("today")
    today.refresh()
    drive.wait_for(lambda: today.resume_list.count() == 2)
    for appointment_id in (first, second):
        assert (desk.appointments.get(appointment_id).wizard_state or {}).get(PAUSED_KEY), appointment_id
    texts = [today.resume_list.item(i).text() for i in range(today.resume_list.count())]
    assert all("paused at" in t and "stopped at" not in t for t in texts), texts
    assert "did not finish" not in today.resume_banner.text()


def test_working_in_a_paused_appointment_again_clears_the_mark(main_window: Any, desk: Any) -> None:
    first = _pause_a_walk_in(main_window)
    main_window.resume_appointment(first)
    drive.wait_for(lambda: main_window.wizard is not None and main_window.wizard.appointment_id == first)
    main_window.wizard.flush_autosave()
    assert not (desk.appointments.get(first).wizard_state or {}).get(PAUSED_KEY)
