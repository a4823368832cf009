"""The handout goes home in the job seeker's language, whatever the counselor's screens are in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from counselor_app.core.catalog import build_learning_plan
from tests.ui import wizard_driver as drive


def _state(ui_ctx: Any, *, preferred: str) -> dict[str, Any]:
    program = ui_ctx.desk.profile.program
    plan = build_learning_plan(ui_ctx.catalog, ["google-it-support", "ai-for-everyone"], weekly_hours=10,
                               start=ui_ctx.today(), enroll_by=program.enroll_by,
                               complete_by=program.complete_by)  # built in the counselor's English
    return {"job_seeker_id": "js-1", "job_seeker_name": "María López", "preferred_language": preferred,
            "issuance": {"status": "issued", "email": "maria.lopez@gmail.com"}, "plan": plan.to_dict()}


def _pdf_text(path: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    return " ".join(text.split())


def test_a_spanish_speaker_takes_home_a_spanish_handout(ui_ctx: Any, tmp_path: Path) -> None:
    from counselor_app.ui.handout_pdf import handout_data, handout_html, write_handout_pdf

    data = handout_data(ui_ctx, _state(ui_ctx, preferred="es"))
    assert data.language == "es"
    html = handout_html(data)
    assert "Su plan de aprendizaje" in html and "Fechas importantes" in html
    assert "de diciembre de 2020" in html  # the dates too
    assert "Inscribirse en los cursos antes del" in html  # the plan's milestones, stored in English
    assert "Busque un correo de Coursera" in html  # the agency profile's Spanish texts
    assert "Your learning plan" not in html and "Enroll in the courses" not in html
    text = _pdf_text(write_handout_pdf(data, tmp_path / "plan.pdf"))
    assert "Su plan de aprendizaje" in text and "Fechas importantes" in text


def test_anyone_else_gets_english_and_the_counselor_can_choose(ui_ctx: Any) -> None:
    from counselor_app.ui.handout_pdf import handout_data, handout_html

    for preferred in ("en", "pt", None):
        html = handout_html(handout_data(ui_ctx, _state(ui_ctx, preferred=preferred)))  # type: ignore[arg-type]
        assert "Your learning plan" in html and "Enroll in the courses by" in html
        assert "Look for an e-mail from Coursera" in html
    chosen = handout_html(handout_data(ui_ctx, _state(ui_ctx, preferred="en"), language="es"))
    assert "Su plan de aprendizaje" in chosen


def test_summary_step_offers_the_handout_language(main_window: Any) -> None:
    wizard = drive.start_walk_in(main_window)
    summary = wizard.steps["summary"]
    combo = summary.handout_language
    assert combo.accessibleName() == "Handout language"
    wizard.state.update(_state(wizard.ctx, preferred="es"))
    summary.enter()
    assert summary.language() == "es"
    # The box is read by the counselor: in the app's language, whatever the handout's (issue 13, item 5).
    assert "Look for an e-mail from Coursera" in summary.result.text()
    assert "Busque un correo de Coursera" not in summary.result.text()
    drive.choose(combo, "en")
    assert summary.language() == "en" and "Look for an e-mail from Coursera" in summary.result.text()
    wizard.state["preferred_language"] = "es"
    summary.enter()  # the counselor's choice stands
    assert summary.language() == "en"
    assert summary.draft()["handout_language"] == "en"
    summary.restore({})
    summary.enter()
    assert summary.language() == "es"


def test_license_step_tells_the_job_seeker_in_their_language(main_window: Any) -> None:
    wizard = drive.start_walk_in(main_window)
    lic = wizard.steps["license"]
    wizard.state.update({"preferred_language": "es"})
    lic._show_deadlines()
    assert "Acepte la invitación e inscríbase antes del" in lic.deadlines.text()
    assert "de diciembre de 2020" in lic.deadlines.text()
    assert "Tell the job seeker" in lic.deadlines.text()  # the counselor's own words stay in English
    wizard.state["preferred_language"] = "en"
    lic._show_deadlines()
    assert "Accept the invitation and enroll by" in lic.deadlines.text()


def test_the_handout_gives_the_centers_phone_address_and_hours(ui_ctx: Any) -> None:
    """Issue 13, item 9: "Questions? Who to call" names a number, a place and the hours, from the deployment's
    settings, in the job seeker's language."""
    from counselor_app.ui.handout_pdf import handout_data, handout_html

    settings = ui_ctx.desk.settings
    settings.center_phone, settings.center_address = "(617) 555-0100", "1010 Harrison Ave, Boston, MA 02119"
    settings.center_hours = "Mon–Fri 8:30 AM – 5 PM"
    english = handout_html(handout_data(ui_ctx, _state(ui_ctx, preferred="en")))
    assert "Phone: (617) 555-0100" in english and "Address: 1010 Harrison Ave" in english
    assert "Hours: Mon–Fri" in english
    spanish = handout_html(handout_data(ui_ctx, _state(ui_ctx, preferred="es")))
    assert "Teléfono: (617) 555-0100" in spanish and "Horario: Mon–Fri" in spanish


def test_the_handouts_total_never_counts_a_collection_as_zero_hours(ui_ctx: Any) -> None:
    from counselor_app.ui.handout_pdf import handout_data, handout_html

    program = ui_ctx.desk.profile.program

    def html(chosen: list[str], preferred: str) -> str:
        plan = build_learning_plan(ui_ctx.catalog, chosen, weekly_hours=10, start=ui_ctx.today(),
                                   enroll_by=program.enroll_by, complete_by=program.complete_by)
        state = dict(_state(ui_ctx, preferred=preferred), plan=plan.to_dict())
        return handout_html(handout_data(ui_ctx, state))

    only_collection = html(["entrepreneurship"], "en")
    assert "In total" not in only_collection and "0 hours" not in only_collection
    mixed = html(["entrepreneurship", "ai-for-everyone"], "en")
    assert "In total at least" in mixed
    assert "En total, al menos" in html(["entrepreneurship", "ai-for-everyone"], "es")
    assert "In total at least" not in html(["ai-for-everyone"], "en")
