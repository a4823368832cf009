"""A campaign list with bad cells is refused in words, never a crash dialog; a list row that only looks like a
registered job seeker (same phone) shows its "possible match" flag and is confirmed or rejected in the queue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from counselor_app.core.campaigns import CampaignImportError, read_customer_list
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.ui.operations import error_message
from tests.ui import wizard_driver as drive

DATA = Path(__file__).parent.parent / "core" / "data"
BAD = (b"Customer ID;First Name;Last Name;Email;Phone;ZIP\r\n"
       b"C1;Ana;Rivera;ana@example.org;617555;02118\r\n"
       b"C2;<Bob>;Chen;bob@@example.org;6175550102;12\r\n")


@pytest.fixture
def spanish() -> Iterator[None]:
    from counselor_app.ui.i18n import install_translators

    install_translators("es")
    yield
    install_translators("en")


def _refusal() -> CampaignImportError:
    with pytest.raises(CampaignImportError) as err:
        read_customer_list(BAD, name="list.csv", today=date(2026, 3, 5))
    return err.value


def test_every_bad_cell_is_listed_by_row_in_words() -> None:
    text = error_message(_refusal())
    assert "4 cell(s) could not be read" in text
    assert "Row 2, column “Phone”: “617555”" in text
    assert "Row 3, column “First Name”: “<Bob>”" in text
    assert "Row 3, column “Email”" in text and "Row 3, column “ZIP”: “12”" in text
    assert "Traceback" not in text and "AttributeError" not in text


def test_in_spanish(spanish: None) -> None:
    text = error_message(_refusal())
    assert "Fila 2, columna «Phone»: «617555»" in text
    assert "could not be read" not in text


class _Odd:
    def as_message(self) -> str:
        raise RuntimeError("no words")

    def __str__(self) -> str:
        return "an odd problem"


@pytest.mark.parametrize("problems", [["row 2: plain text"], [Message("no.such.code", "Some {x}", x=1)],
                                      [_Odd()], [None, 3, b"bytes"], [Message("report_cell", "broken {row}")]])
def test_error_message_never_crashes_on_wording(problems: list[Any]) -> None:
    exc = CounselorDeskError(Message("campaigns.cells_unreadable", "{name} was not imported: {count} cell(s) "
                                     "could not be read.", name="l.csv", count=len(problems)))
    exc.problems = problems  # type: ignore[attr-defined]
    text = error_message(exc)
    assert text.startswith("l.csv was not imported")
    assert text.count("\n  • ") == len(problems)


@pytest.mark.parametrize("file_name", ["campaign-cp1252.csv", "campaign-utf16.csv", "campaign-clean-cp1252.csv"])
def test_the_trial_files_import_from_the_page(qtbot: Any, desk: Any, make_ctx: Any, file_name: str) -> None:
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.outreach_context import set_outreach

    desk.actor = replace(desk.actor, role="supervisor")
    ngozi = desk.job_seekers.register({"first_name": "Ngozi", "last_name": "Charles", "phone": "(617) 555-0123"}).record
    ctx = make_ctx(desk)
    out = outreach_for(desk, clock=lambda: datetime(2020, 10, 1, 13, 0), mail=MemoryMailSender())
    set_outreach(ctx, out)
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to("outreach")
    page = window.page("outreach")
    page.import_file(DATA / file_name, "Trial", "")
    drive.wait_for(lambda: "5 people imported" in page.notice.text())
    drive.wait_for(lambda: page.model.rowCount() == 5)
    names = [page.model.row_at(i).name for i in range(5)]
    row = next(i for i, n in enumerate(names) if n == "Mary Park")
    assert page.model.row_at(row).job_seeker_id is None
    assert "possible match: Ngozi Charles" in page.model.data(page.model.index(row, 0))
    page.table.selectRow(row)
    assert "Possible match: Ngozi Charles" in page.person.text()
    assert page.confirm_match_button.isVisibleTo(page) and page.reject_match_button.isVisibleTo(page)
    drive.click(page.reject_match_button)
    drive.wait_for(lambda: not page.reject_match_button.isVisibleTo(page))
    contact = next(c for c in out.campaigns.contacts(page.campaign_id()) if c.name == "Mary Park")
    assert contact.job_seeker_id is None and contact.possible_match_id is None
    assert ngozi.id not in {c.job_seeker_id for c in out.campaigns.contacts(page.campaign_id())}


def test_a_referral_with_only_the_same_phone_is_accepted_as_a_flagged_prospect(qtbot: Any, desk: Any,
                                                                              make_ctx: Any) -> None:
    from counselor_app.core.partner_referrals import store_feed_referral
    from counselor_app.ui.campaign_page import REFERRALS
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.outreach_context import set_outreach

    ngozi = desk.job_seekers.register({"first_name": "Ngozi", "last_name": "Charles", "phone": "(617) 555-0123"}).record
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    with desk.store.write() as session:
        for rid, first, last, extra in (("r-1", "Mary", "Park", {"phone": "6175550123"}),
                                        ("r-2", "Ana", "Rivera", {"email": "ana@example.org"})):
            store_feed_referral(session, {"id": rid, "organization": "Partners", "first_name": first,
                                          "last_name": last, "preferred_language": "en", "registered": False,
                                          "reason": "training", "status": "submitted",
                                          "created_at": "2020-09-30T15:00:00+00:00", **extra})
    ctx = make_ctx(desk)
    out = outreach_for(desk, clock=lambda: datetime(2020, 10, 1, 13, 0), mail=MemoryMailSender())
    set_outreach(ctx, out)
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to("outreach")
    page = window.page("outreach")
    page.campaign_combo.setCurrentIndex(page.campaign_combo.findData(REFERRALS))
    for left in (1, 0):
        drive.wait_for(lambda left=left: page.referral_model.rowCount() == left + 1)
        page._accept_referral()
        drive.wait_for(lambda left=left: page.referral_model.rowCount() == left)
    contacts = {c.name: c for c in out.campaigns.contacts(None)}
    assert contacts["Mary Park"].job_seeker_id is None
    assert contacts["Mary Park"].possible_match_id == ngozi.id
    assert contacts["Ana Rivera"].job_seeker_id == ana.id
