"""Campaign import: only a strong match links a list row to a local job seeker (the same state customer id, or
the same e-mail with a near-identical name); a phone-only or name-only similarity is a flagged possible match a
counselor confirms or rejects. And a list with bad cells never crashes: ZIPs that lost their leading zero and
one-name people are read as the registration form reads them, everything else is listed by row and column."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from counselor_app.core import validation as v
from counselor_app.core.campaigns import (
    POSSIBLE_PREFIX,
    CampaignImportError,
    MatchReason,
    excel_zip,
    read_customer_list,
)
from counselor_app.core.errors import ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender

DATA = Path(__file__).parent / "data"
TODAY = datetime(2026, 3, 5, 15, 0)


class Clock:
    def __call__(self) -> datetime:
        return TODAY


@pytest.fixture
def supervisor_desk(desk):
    desk.actor = replace(desk.actor, role="supervisor")
    return desk


def _import(desk, data: bytes, file_name: str = "list.csv"):
    out = outreach_for(desk, clock=Clock(), mail=MemoryMailSender())
    result = out.campaigns.import_list(data, file_name=file_name, name="Outreach")
    return out, result, {c.name: c for c in out.campaigns.contacts(result.campaign_id)}


def test_the_reported_case_mary_park_is_not_linked_to_ngozi_charles(supervisor_desk) -> None:
    ngozi = supervisor_desk.job_seekers.register({"first_name": "Ngozi", "last_name": "Charles",
                                                  "phone": "(617) 555-0123", "email": "ngozi@example.org"}).record
    out, result, contacts = _import(supervisor_desk, (DATA / "campaign-clean-cp1252.csv").read_bytes(),
                                    "campaign-clean-cp1252.csv")
    mary = contacts["Mary Park"]
    assert mary.job_seeker_id is None
    assert (mary.possible_match_id, mary.possible_match_name) == (ngozi.id, "Ngozi Charles")
    assert result.matched == 0 and result.prospects == 5
    # The counselor rejects it: still a prospect, no longer flagged; the booking would be Mary's own.
    row = out.campaigns.reject_match(mary.id)
    assert row.job_seeker_id is None and row.possible_match_name is None
    with pytest.raises(ValidationError):
        out.campaigns.confirm_match(mary.id)


def test_a_confirmed_possible_match_is_linked(supervisor_desk) -> None:
    bob = supervisor_desk.job_seekers.register({"first_name": "Robert", "last_name": "Chen", "phone": "6175550102"}).record
    out, _result, contacts = _import(supervisor_desk, b"First Name,Last Name,Phone\nBob,Chen,(617) 555-0102\n")
    row = contacts["Bob Chen"]
    assert row.job_seeker_id is None and row.possible_match_id == bob.id
    confirmed = out.campaigns.confirm_match(row.id)
    assert confirmed.job_seeker_id == bob.id and confirmed.possible_match_name is None
    with supervisor_desk.store.read() as s:
        from counselor_app.core.outreach_models import CampaignContact

        assert s.get(CampaignContact, row.id).match_reason == MatchReason.CONFIRMED


def test_strong_matches_link_and_the_same_email_under_another_name_does_not(supervisor_desk) -> None:
    ana = supervisor_desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera",
                                                "email": "ana@example.org"}).record
    carla = supervisor_desk.job_seekers.register({"first_name": "Carla", "last_name": "Souza",
                                                  "agency_customer_id": "MA-777"}).record
    supervisor_desk.job_seekers.register({"first_name": "Luisa", "last_name": "Gomez",
                                          "email": "luisa@example.org"})
    _out, result, contacts = _import(supervisor_desk, (
        b"First Name,Last Name,Email,Customer ID\n"
        b"Ana,Rivera,ANA@example.org,\n"          # same e-mail, same name: linked
        b"Carla,S,,MA-777\n"                       # same state customer id: linked
        b"Pedro,Rivera,pedro@example.org,\n"       # nobody
        b"Marta,Lopez,luisa@example.org,\n"))  # Luisa's e-mail, another name: only possible
    assert contacts["Ana Rivera"].job_seeker_id == ana.id
    assert contacts["Carla S"].job_seeker_id == carla.id
    assert contacts["Pedro Rivera"].job_seeker_id is None and contacts["Pedro Rivera"].possible_match_id is None
    assert contacts["Marta Lopez"].job_seeker_id is None
    assert contacts["Marta Lopez"].possible_match_name == "Luisa Gomez"
    assert (result.matched, result.prospects) == (2, 2)


_LETTERS = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéñçøüþ")), min_size=1, max_size=12)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(first=_LETTERS, last=st.one_of(st.just(""), _LETTERS), other_email=st.booleans(),
       zip_code=st.sampled_from(["", "02139"]))
def test_a_row_named_otherwise_is_never_linked_by_phone_alone(supervisor_desk, first, last, other_email,
                                                             zip_code) -> None:
    desk = supervisor_desk
    if not hasattr(desk, "_local_for_property"):
        desk._local_for_property = desk.job_seekers.register({
            "first_name": "Ngozi", "last_name": "Charles", "phone": "6175550123", "zip_code": "02139",
            "email": "ngozi@example.org", "birth_date": "1980-02-03"}).record
    local = desk._local_for_property
    first, last = first.capitalize(), last.capitalize()
    assume(v.name_key(first, last) != v.name_key("Ngozi", "Charles"))
    email = f"{first.encode('ascii', 'ignore').decode() or 'x'}.other@example.net" if other_email else ""
    data = f"First Name;Last Name;Email;Phone;ZIP\n{first};{last};{email};617-555-0123;{zip_code}\n"
    _out, result, contacts = _import(desk, data.encode("utf-8"))
    (row,) = contacts.values()
    assert row.job_seeker_id != local.id
    assert row.job_seeker_id is None and result.matched == 0
    assert row.possible_match_id == local.id  # flagged, for a counselor to decide


@pytest.mark.parametrize("file_name", ["campaign-cp1252.csv", "campaign-utf16.csv"])
def test_excel_damaged_lists_import_with_the_right_values(supervisor_desk, file_name) -> None:
    _out, result, contacts = _import(supervisor_desk, (DATA / file_name).read_bytes(), file_name)
    assert result.people == 5
    people = {p.agency_customer_id: p for p in read_customer_list((DATA / file_name).read_bytes(), name=file_name,
                                                                 today=TODAY.date())}
    assert people["C9001"].zip_code == "02139"  # "2139": Excel dropped the leading zero
    assert (people["C9002"].first_name, people["C9002"].last_name) == ("Muñoz", "")  # one name
    assert people["C9001"].birth_date.isoformat() == "1975-03-04"
    assert people["C9004"].preferred_language == "es"
    assert "Muñoz" in contacts


@pytest.mark.parametrize(("raw", "read"), [("2139", "02139"), ("501", "00501"), ("1843", "01843"),
                                           ("02139", "02139"), ("21391234", "02139-1234"), ("213", "00213"),
                                           ("12", "12"), ("ab12", "ab12"), ("123456", "123456")])
def test_excel_zip(raw, read) -> None:
    assert excel_zip(raw) == read


def test_a_one_name_person_in_either_name_column_is_accepted() -> None:
    people = read_customer_list("First Name,Last Name,Email\nMuñoz,,m@example.org\n,Ng,n@example.org\n"
                                .encode(), name="l.csv", today=TODAY.date())
    assert [(p.first_name, p.last_name) for p in people] == [("Muñoz", ""), ("Ng", "")]


def _bad_list(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["Customer ID", "First Name", "Last Name", "Email", "Phone", "ZIP", "Birth Date"])
    w.writerows(rows)
    return buf.getvalue().encode("cp1252", "replace")


_GOOD = ["C1", "Ana", "Rivera", "ana@example.org", "6175550101", "02118", "1980-02-03"]
_BAD_CELLS = {1: ["A1", "<x>", "!!"], 2: ["4711", "<Bob>"], 3: ["not-an-address", "a@@b"],
              4: ["12", "555-CALL"], 5: ["12", "ABCDE", "021181"], 6: ["31/31/1980", "tomorrow", "2099-01-01"]}


@settings(max_examples=40, deadline=None)
@given(bad=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(sorted(_BAD_CELLS)), st.integers(0, 10)),
                    min_size=1, max_size=8))
def test_every_bad_cell_is_listed_by_row_in_words_never_a_crash(bad) -> None:
    rows = [list(_GOOD) for _ in range(6)]
    for i, row in enumerate(rows):
        row[0], row[3], row[4] = f"C{i}", f"p{i}@example.org", f"61755501{i:02d}"
    expected: set[tuple[int, str]] = set()
    header = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "ZIP", "Birth Date"]
    for r, col, k in bad:
        choices = _BAD_CELLS[col]
        rows[r][col] = choices[k % len(choices)]
    damaged = {(r + 2, header[col]) for r, col, _k in bad}
    with pytest.raises(CampaignImportError) as err:
        read_customer_list(_bad_list(rows), name="l.csv", today=TODAY.date())
    exc = err.value
    assert isinstance(exc.message, Message) and exc.message.code == "campaigns.cells_unreadable"
    for p in exc.problems:
        assert isinstance(p, Message) and p.code == "campaigns.bad_cell"
        assert isinstance(p.args["problem"], Message)  # worded by its code in the UI's language
        expected.add((p.args["row"], p.args["column"]))
    assert expected == damaged  # every bad cell, each by its row and column, and nothing else
    assert exc.message.args["count"] == len(exc.problems) == len(damaged)
    assert "Row " in str(exc)


def test_problem_messages_pickle_and_word() -> None:
    with pytest.raises(CampaignImportError) as err:
        read_customer_list(b"First Name,Last Name,Email\nAna,Rivera,nope\n", name="l.csv", today=TODAY.date())
    (p,) = err.value.problems
    assert p.startswith("Row 2, column “Email”: “nope”:")
    assert POSSIBLE_PREFIX == "possible:"


@settings(max_examples=20, deadline=None)
@given(encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]), sep=st.sampled_from([",", ";", "\t"]),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_the_trial_list_saved_other_ways_reads_the_same(encoding, sep, newline) -> None:
    text = (DATA / "campaign-cp1252.csv").read_bytes().decode("cp1252")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=newline).writerows(rows)
    people = read_customer_list(buf.getvalue().encode(encoding), name="l.csv", today=TODAY.date())
    expected = read_customer_list((DATA / "campaign-cp1252.csv").read_bytes(), name="l.csv", today=TODAY.date())
    assert people == expected
    assert [p.zip_code for p in people] == ["02139", "01843", "02108", "02115", None]
