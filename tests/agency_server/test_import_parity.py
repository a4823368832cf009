"""Issue 12: the same usage-report files through the desk's import and the server's, with the same people on
both, give the same figures: rows, matches, who each row belongs to, hours, grades and completion. Case 5's
file (a family sharing one e-mail; a re-enrollment) is the one where the two ends used to disagree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from counselor_app.agency_server.models import LearnerProgress as ServerProgress
from counselor_app.core.models import LearnerProgress
from counselor_app.core.progress_import import import_usage_report
from tests.agency_server.server_support import Server, change
from tests.core.test_progress_import import make_desk

REAL = Path(__file__).resolve().parents[1] / "core" / "data" / "real-files"
PLACEHOLDER = "8e189d15-25d9-473a-8335-909fb11c9593"


@pytest.fixture
def both(server: Server, tmp_path: Path):
    """A desk and the server, with the same people (same ids, same e-mails)."""
    desk = make_desk(tmp_path / "desk")
    people = [("Rosa", "Diaz", "diazfamily@example.org"), ("Luis", "Diaz", "diazfamily@example.org"),
              ("Kim", "Park", "kim.park@example.org"), ("Anna", "Berg", "anna.berg@example.org"),
              ("Li", "Wei", "li.wei@example.org"), ("José", "Núñez", "jose.nunez@example.org")]
    ids = {}
    for first, last, email in people:
        seeker = desk.job_seekers.register({"first_name": first, "last_name": last, "email": email},
                                           confirmed_not_duplicate=True).record
        ids[first] = seeker.id
    server.push("dana", [change(entity_id=ids[first], first_name=first, last_name=last, email=email)
                         for first, last, email in people])
    yield desk, server, ids
    desk.close()


def _desk_figures(desk) -> dict:
    with desk.store.read() as session:
        return {(r.email, r.course_name): (r.job_seeker_id, r.completed, r.learning_hours, r.course_grade)
                for r in session.scalars(select(LearnerProgress))}


def _server_figures(server: Server) -> dict:
    with server.store.read() as session:
        return {(r.email, r.course_name): (r.job_seeker_id, r.completed, r.learning_hours, r.course_grade)
                for r in session.scalars(select(ServerProgress))}


@pytest.mark.parametrize("name", ["usage_shared_email_and_reenrollment.csv", "usage_semicolon_decimal_comma.csv",
                                  "usage_title_line_then_semicolon.csv", "usage_utf16_unicode_text.csv",
                                  "usage_xlsx_dimension_short.xlsx"])
def test_same_file_same_figures_on_desk_and_server(both, tmp_path: Path, name: str) -> None:
    desk, server, ids = both
    data = (REAL / name).read_bytes().replace(PLACEHOLDER.encode(), ids["Kim"].encode())
    path = tmp_path / name
    path.write_bytes(data)
    on_desk = import_usage_report(desk, path)
    on_server = server.service.import_progress(data, file_name=name, by="ada")
    assert (on_server.rows, on_server.matched, on_server.unmatched) == (
        on_desk.rows, on_desk.matched_rows, on_desk.unmatched_rows)
    assert _server_figures(server) == _desk_figures(desk)


def test_case5_family_email_held_and_reenrollment_keeps_the_further_row(both, tmp_path: Path) -> None:
    desk, server, ids = both
    data = (REAL / "usage_shared_email_and_reenrollment.csv").read_bytes().replace(
        PLACEHOLDER.encode(), ids["Kim"].encode())
    path = tmp_path / "usage.csv"
    path.write_bytes(data)
    on_desk = import_usage_report(desk, path)
    on_server = server.service.import_progress(data, file_name="usage.csv", by="ada")
    assert on_desk.rows == on_server.rows == 2 and on_desk.duplicates_merged == 1
    assert on_desk.unmatched_rows == on_server.unmatched == 1
    (held,) = on_desk.unmatched
    assert held.email == "diazfamily@example.org" and "2 job seekers" in held.reason
    for figures in (_desk_figures(desk), _server_figures(server)):
        assert figures[("diazfamily@example.org", "Excel Skills for Business: Essentials")][0] is None
        assert figures[("kim.park@example.org", "Crash Course on Python")] == (ids["Kim"], True, 30.0, None)


def test_case6_invitation_files_by_not_yet_sent(server: Server) -> None:
    """A license issued offline on day D and synced after D's file goes into the next file; asking again for D
    gives D's file, not new invitations; each license is in exactly one file; e-mail written as it is."""
    from tests.agency_server.server_support import license_change

    early, late, next_day = (change(first_name=n, last_name="Test", email=f"{n.lower()}@example.org")
                             for n in ("Early", "Late", "Next"))
    one_name = change(first_name="Sukarni", last_name="", email="sukarni@xn--bcher-kva.example")
    server.push("dana", [early, one_name, license_change(early["entity_id"], email="early@example.org"),
                         license_change(one_name["entity_id"], email="sukarni@xn--bcher-kva.example")])
    day_d = server.service.invitation_rows(date(2020, 10, 1))
    assert [r[0] for r in day_d] == ["Early Test", "Sukarni"]
    # Issued on D on a laptop at an outreach event, synced on D+2:
    server.push("dana", [late, next_day, license_change(late["entity_id"], email="late@example.org"),
                         license_change(next_day["entity_id"], email="next@example.org", issued_on="2020-10-02")])
    assert server.service.invitation_rows(date(2020, 10, 1)) == day_d  # the same file again
    day_next = server.service.invitation_rows(date(2020, 10, 2))
    assert [r[1] for r in day_next] == ["late@example.org", "next@example.org"]
    assert server.service.invitation_rows(date(2020, 10, 3)) == []
    text = server.service.invitation_csv(day_d)
    assert "sukarni@xn--bcher-kva.example" in text and "'" not in text and "Sukarni," in text
