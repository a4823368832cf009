"""Job seekers page: search as you type, register with inline errors and the e-mail fix, the duplicate warning
(open existing / save anyway), edit, and the history panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui import wizard_driver as drive


def _page(main_window: Any) -> Any:
    main_window.go_to("job_seekers")
    return main_window.page("job_seekers")


def _register(desk: Any, first: str, last: str, email: str, **extra: Any) -> Any:
    return desk.job_seekers.register({"first_name": first, "last_name": last, "email": email, **extra},
                                     confirmed_not_duplicate=True).record


def test_search_as_you_type(qtbot: Any, main_window: Any, desk: Any) -> None:
    _register(desk, "Keisha", "Brown", "keisha.brown@example.com")
    _register(desk, "Kwame", "Mensah", "kwame@example.org", phone="617-555-0101")
    page = _page(main_window)
    search = page.search
    drive.type_into(search.search_edit, "kei")
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=2000)  # after the ~150 ms debounce
    assert search.model.row_at(0).last_name == "Brown"
    drive.type_into(search.search_edit, "5550101")
    qtbot.waitUntil(lambda: search.model.rowCount() == 1 and search.model.row_at(0).first_name == "Kwame",
                    timeout=2000)
    # Down arrow into the list, Enter opens the record.
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Down)
    assert search.table.hasFocus()
    qtbot.keyClick(search.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.record_title.text() == "Kwame Mensah", timeout=2000)
    assert page.form.inputs["phone"].text() == "(617) 555-0101"


def test_register_shows_errors_next_to_fields_and_fixes_the_email(qtbot: Any, main_window: Any, desk: Any) -> None:
    page = _page(main_window)
    drive.click(page.new_button)
    form = page.form
    drive.type_into(form.inputs["first_name"], "Luis")
    drive.type_into(form.inputs["email"], "luis.ortega@yaho.com")
    drive.type_into(form.inputs["zip_code"], "2108")
    drive.click(page.save_button)
    assert not form.errors["last_name"].isVisibleTo(form)  # one name is enough (issue 12)
    assert form.errors["zip_code"].isVisibleTo(form) and "ZIP" in form.errors["zip_code"].text()
    assert form.inputs["zip_code"].hasFocus()  # the first problem gets the cursor
    assert form.suggest_button is not None and "yahoo.com" in form.suggest_button.text()
    drive.click(form.suggest_button)
    assert form.inputs["email"].text() == "luis.ortega@yahoo.com"
    drive.type_into(form.inputs["last_name"], "Ortega")
    drive.type_into(form.inputs["zip_code"], "02108")
    drive.click(page.save_button)
    qtbot.waitUntil(lambda: page.record_title.text() == "Luis Ortega", timeout=2000)
    assert "Saved" in page.notice.text()
    found = desk.job_seekers.search("ortega")
    assert len(found) == 1 and found[0].email == "luis.ortega@yahoo.com"


def test_duplicate_warning_open_existing_or_save_anyway(qtbot: Any, main_window: Any, desk: Any) -> None:
    existing = _register(desk, "Ana", "Silva", "ana.silva@example.com")
    page = _page(main_window)

    def fill() -> None:
        drive.click(page.new_button)
        drive.type_into(page.form.inputs["first_name"], "Anna")
        drive.type_into(page.form.inputs["last_name"], "Silva")
        drive.type_into(page.form.inputs["email"], "ana.silva@example.com")
        drive.click(page.save_button)

    fill()
    dialog = page.form.duplicate_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Ana Silva" in dialog.list.item(0).text() and "same e-mail" in dialog.list.item(0).text()
    drive.click(dialog.open_button)
    qtbot.waitUntil(lambda: page.record_id == existing.id, timeout=2000)
    assert desk.job_seekers.count() == 1

    fill()
    dialog = page.form.duplicate_dialog
    drive.click(dialog.save_button)
    qtbot.waitUntil(lambda: desk.job_seekers.count() == 2, timeout=2000)
    assert page.record_title.text() == "Anna Silva"


def test_edit_and_history(qtbot: Any, main_window: Any, desk: Any) -> None:
    seeker = _register(desk, "Mei", "Chen", "mei.chen@example.com")
    appt = desk.appointments.start(job_seeker_id=seeker.id).record
    desk.appointments.attest(seeker.id, {"employment_status": "unemployed", "covid_reason": "laid_off",
                                         "attests": True}, appointment_id=appt.id)
    desk.licenses.issue(seeker.id, appointment_id=appt.id)
    page = _page(main_window)
    page.open_record(seeker.id)
    qtbot.waitUntil(lambda: page.record_id == seeker.id, timeout=2000)
    drive.type_into(page.form.inputs["phone"], "(508) 555-0199")
    drive.click(page.save_button)
    qtbot.waitUntil(lambda: desk.job_seekers.get(seeker.id).phone == "5085550199", timeout=2000)
    page.tabs.setCurrentIndex(1)
    history = page.history
    qtbot.waitUntil(lambda: history.history is not None and bool(history.history.licenses), timeout=2000)
    assert "Has a license" in history.summary.text()
    top = [history.tree.topLevelItem(i).text(0) for i in range(history.tree.topLevelItemCount())]
    assert top[0].startswith("Licenses (1)") and any(t.startswith("Eligibility attestations (1)") for t in top)
    drive.click(page.start_button)
    qtbot.waitUntil(lambda: main_window.wizard is not None, timeout=2000)
    assert main_window.wizard.job_seeker_id == seeker.id
    assert main_window.wizard.current_step == "eligibility"


def test_catalog_page_filters(qtbot: Any, main_window: Any) -> None:
    main_window.go_to("catalog")
    page = main_window.page("catalog")
    total = page.proxy.rowCount()
    assert total > 100
    drive.choose(page.kind, "certificate")
    assert 0 < page.proxy.rowCount() < total
    drive.click(page.free)
    filtered = page.proxy.rowCount()
    drive.type_into(page.text, "google")
    qtbot.waitUntil(lambda: 0 < page.proxy.rowCount() < filtered, timeout=2000)  # after the typing pause
    page.table.selectRow(0)
    assert "Google" in page.detail.toPlainText()
    drive.click(page.clear_button)
    assert page.proxy.rowCount() == total


def test_idn_address_is_shown_as_typed_and_a_one_name_person_opens(qtbot: Any, main_window: Any, desk: Any) -> None:
    """Issue 12: stored in the provider's form (xn--), shown as the person typed it; a one-name title."""
    kim = _register(desk, "Kim", "Weber", "kim@bücher.example")
    sukarni = desk.job_seekers.register({"first_name": "Sukarni"}).record
    page = _page(main_window)
    page.open_record(kim.id)
    qtbot.waitUntil(lambda: page.record_title.text() == "Kim Weber", timeout=2000)
    assert kim.email == "kim@xn--bcher-kva.example"
    assert page.form.inputs["email"].text() == "kim@bücher.example"
    page.open_record(sukarni.id)
    qtbot.waitUntil(lambda: page.record_title.text() == "Sukarni", timeout=2000)
    drive.type_into(page.search.search_edit, "")
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 2, timeout=2000)
    model = page.search.model
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, 1)) for r in range(2)}
    assert shown == {"Sukarni": "", "Weber, Kim": "kim@bücher.example"}
    import os

    shots = os.environ.get("COUNSELOR_SCREENSHOTS")  # to look at it: COUNSELOR_SCREENSHOTS=DIR
    if shots:
        main_window.resize(1366, 768)
        main_window.grab().save(os.path.join(shots, "job-seeker-idn-email.png"))
