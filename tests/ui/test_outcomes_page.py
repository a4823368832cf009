"""The outcome review list (a Qt table model) and the page's actions; the reminder send preview with a real SMTP
server on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from counselor_app.core.outcomes import OutcomeKind, OutcomeStatus, import_and_propose, list_outcomes
from counselor_app.ui.outcomes_page import ROW_ID_ROLE, OutcomesPage, OutcomeTableModel
from tests.core.test_outcomes import make_desk, write_known_report
from tests.core.test_reminder_sender import make_desk as make_mail_desk
from tests.core.test_reminder_sender import relay  # noqa: F401 - the loopback SMTP fixture


def test_outcome_model_passes_the_model_tester(qtmodeltester: Any, tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "ma", "ma")
    try:
        write_known_report(desk, tmp_path / "usage.csv")
        import_and_propose(desk, tmp_path / "usage.csv")
        rows = list_outcomes(desk)
    finally:
        desk.close()
    model = OutcomeTableModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) == 9
    shown = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert shown == {"Course completed", "Credential earned", "Service closed"}
    assert {model.index(r, 0).data(ROW_ID_ROLE) for r in range(model.rowCount())} == {r.id for r in rows}


def test_review_accept_export_confirm_from_the_page(qtbot: Any, make_ctx: Any, tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "ma", "ma")
    write_known_report(desk, tmp_path / "usage.csv")
    import_and_propose(desk, tmp_path / "usage.csv")
    ctx = make_ctx(desk)
    page = OutcomesPage(ctx)
    qtbot.addWidget(page)
    page.page_shown()
    assert page.model.rowCount() == 9
    assert "4 job seekers with a license: 0 WIOA participants, 4 reportable individuals" in page.figures_label.text()
    credential = next(r for r in range(page.proxy.rowCount())
                      if page.proxy.index(r, 2).data() == "Credential earned")
    page.table.selectRow(credential)
    page.accept_selected()
    accepted = [r for r in list_outcomes(desk) if r.status == OutcomeStatus.ACCEPTED]
    assert [r.kind for r in accepted] == [OutcomeKind.CREDENTIAL]
    assert page.model.rowCount() == 8  # the list shows what waits for review
    page.export_to(tmp_path / "moses.csv")
    assert "1 accepted outcomes written" in page.notice.text()
    page.confirm_from(tmp_path / "moses.csv")
    assert [r.status for r in list_outcomes(desk, statuses=[OutcomeStatus.ENTERED])] == [OutcomeStatus.ENTERED]
    assert "entered in MOSES: 1" in page.figures_label.text()


def test_send_preview_shows_count_and_first_messages_then_sends(qtbot: Any, make_ctx: Any, tmp_path: Path,
                                                                relay: Any) -> None:  # noqa: F811
    desk, _ = make_mail_desk(tmp_path / "d", relay.port)
    ctx = make_ctx(desk)
    page = OutcomesPage(ctx)
    qtbot.addWidget(page)
    page.page_shown()
    page.list_choice.setCurrentIndex(page.list_choice.findData("invited_not_joined"))
    page.open_send_preview()
    dialog = page.send_dialog
    qtbot.addWidget(dialog)
    assert "3 e-mails will be sent and 1 people prefer text messages" in dialog.count_label.text()
    assert "1 left out: they did not agree to be contacted." in dialog.count_label.text()
    assert dialog.previews.count() == 3
    first = dialog.previews.widget(0).toPlainText()
    assert first.startswith("To: ana@example.org\nSubject: Su licencia gratuita de Coursera")
    relay.rcpt_codes["ben@example.org"] = ["550 5.1.1 No such user here"]
    dialog.send()
    assert sorted(relay.addresses()) == ["ana@example.org", "eve@example.org"]
    assert page.notice.text().startswith("Sent 2; 1 could not be delivered")
    # The refused address is listed for the administrator, with the relay's answer.
    assert page.attention_model.rowCount() == 1
    assert page.attention_model.index(0, 0).data() == "Ben Okafor"
    assert page.attention_model.index(0, 4).data() == "550 recipient refused: 5.1.1 No such user here"


def test_mail_relay_dialog_saves_settings_and_keeps_the_password_out_of_them(qtbot: Any, make_ctx: Any,
                                                                             tmp_path: Path) -> None:
    from counselor_app.core import keystore

    desk = make_desk(tmp_path / "ma", "ma", seekers=0)
    ctx = make_ctx(desk)
    page = OutcomesPage(ctx)
    qtbot.addWidget(page)
    page.open_relay_settings()
    dialog = page.relay_dialog
    dialog.host.setText("smtp.masshire.example.gov")
    dialog.sender_edit.setText("not an address")
    dialog.save()
    assert dialog.error.isVisible() and "e-mail address" in dialog.error.text()
    dialog.sender_edit.setText("reminders@masshire.example.gov")
    dialog.username.setText("desk")
    dialog.password.setText("relay secret")
    dialog.save()
    assert desk.settings.smtp_host == "smtp.masshire.example.gov" and desk.settings.smtp_security == "starttls"
    assert "relay secret" not in (desk.paths.settings_file).read_text()
    assert keystore.get_secret("smtp:smtp.masshire.example.gov:desk") == "relay secret"


def test_history_shows_outcomes_and_reminders(qtbot: Any, make_ctx: Any, tmp_path: Path,
                                              relay: Any) -> None:  # noqa: F811
    from counselor_app.core.outcomes import accept_outcome
    from counselor_app.core.reminder_sender import plan_reminders, send_reminders
    from counselor_app.ui.history_panel import HistoryPanel

    desk, ids = make_mail_desk(tmp_path / "d", relay.port)
    send_reminders(desk, plan_reminders(desk, "invited_not_joined"))
    ana = ids["ana@example.org"]
    report = tmp_path / "usage.csv"
    report.write_text("Name,Email,External ID,Course Name,Enrollment Time,Completion Time,Completed\n"
                      f"Ana Lopez,ana@example.org,{ana},AI For Everyone,2020-10-01 10:00,2020-10-10 10:00,Yes\n",
                      encoding="utf-8")
    import_and_propose(desk, report)
    accept_outcome(desk, list_outcomes(desk)[0].id)
    ctx = make_ctx(desk)
    panel = HistoryPanel(ctx)
    qtbot.addWidget(panel)
    panel.load(ana)
    groups = {panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
              for i in range(panel.tree.topLevelItemCount())}
    outcomes = groups["Outcomes for the state's system (1)"]
    assert outcomes.child(0).text(0) == "Coursera Course Completed"
    assert outcomes.child(0).text(2) == "AI For Everyone (accepted)"
    reminders = groups["Reminders (1)"]
    assert reminders.child(0).text(2) == "e-mail: sent"


def test_removals_tab_lists_who_waits_and_writes_the_file(qtbot: Any, make_ctx: Any, tmp_path: Path) -> None:
    from sqlalchemy import select

    from counselor_app.core.invitations import write_invitation_file
    from counselor_app.core.models import LicenseIssuance
    from counselor_app.core.outcomes import import_and_propose as import_report
    from tests.core.test_outcomes import TODAYS, people

    desk = make_desk(tmp_path / "ma", "ma", seekers=5)
    write_invitation_file(desk, tmp_path / "invite.csv", for_date=TODAYS["ma"])
    who = people(desk)[0][0]
    with desk.store.read() as session:
        issuance = session.scalar(select(LicenseIssuance.id).where(LicenseIssuance.job_seeker_id == who))
    desk.licenses.change_status(issuance, status="inactivated", reason="Moved out of state")
    ctx = make_ctx(desk)
    page = OutcomesPage(ctx)
    qtbot.addWidget(page)
    page.page_shown()
    assert page.removal_model.rowCount() == 1
    assert page.removal_model.index(0, 4).data() == "Waiting for a newer usage report"
    page.write_removals_to(tmp_path / "remove.csv")
    assert "Nobody is ready for removal" in page.removal_result.text() and not (tmp_path / "remove.csv").exists()
    write_known_report(desk, tmp_path / "usage.csv")
    import_report(desk, tmp_path / "usage.csv")
    page.write_removals_to(tmp_path / "remove.csv")
    assert page.removal_result.text().startswith("1 learners written to")
    page.refresh()
    assert page.removal_model.index(0, 4).data() == "In a removal file"
