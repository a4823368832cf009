"""Summary figures, reminder lists, the daily invitation file and the report CLI, checked against the database."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from counselor_app.cli import main
from counselor_app.core import reports as reports_module
from counselor_app.core.errors import CounselorDeskError, PermissionDeniedError
from counselor_app.core.invitations import rewrite_batch_file, write_invitation_file
from counselor_app.core.models import AuditEvent, JobSeeker, LearnerProgress, LicenseIssuance
from counselor_app.core.reminders import (
    REMINDER_LISTS,
    build_reminder_list,
    export_reminder_csv,
    reminder_message,
)
from counselor_app.core.reports import (
    UNCATEGORIZED,
    CourseCatalogIndex,
    ReportFilter,
    compute_summary,
    safe_csv_text,
)
from tests.support.seeded import SUPERVISOR_DAY, make_desk, open_copy, seed_folder

TODAY = SUPERVISOR_DAY


def _revoke_one_and_employ_five(desk) -> None:
    """A revoked license and a few people who now work, so every figure has something to count."""
    with desk.store.write() as session:
        lic = session.scalars(select(LicenseIssuance).where(LicenseIssuance.status == "issued").limit(1)).one()
        lic.status = "revoked"
        for js in session.scalars(select(JobSeeker).limit(5)):
            js.employment_status = "employed"


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory):
    """Seeded once for the module (tests that write take a copy): 400 job seekers with progress."""
    return seed_folder(tmp_path_factory.mktemp("seeded") / "data", job_seekers=400, seed=11,
                       then=_revoke_one_and_employ_five)


@pytest.fixture
def sup(seeded_dir, memory_keyring, tmp_path: Path):
    desk = open_copy(seeded_dir, memory_keyring, tmp_path / "data")
    yield desk
    desk.close()


def hand_counts(desk, f: ReportFilter) -> dict[str, float]:
    """The same figures, the slow obvious way, from ORM rows."""
    with desk.store.read() as session:
        licenses = list(session.scalars(select(LicenseIssuance)))
        progress = list(session.scalars(select(LearnerProgress).where(LearnerProgress.matched.is_(True))))
    by_person = defaultdict(list)
    for p in progress:
        by_person[p.job_seeker_id].append(p)

    def keep(lic: LicenseIssuance) -> bool:
        return ((f.date_from is None or lic.issued_on >= f.date_from)
                and (f.date_to is None or lic.issued_on <= f.date_to)
                and (f.center_id is None or lic.center_id == f.center_id)
                and (f.counselor_id is None or lic.issued_by == f.counselor_id))

    sent = [lic for lic in licenses if keep(lic) and lic.status in ("issued", "inactivated")]
    joined = [lic for lic in sent if by_person.get(lic.job_seeker_id)]
    return {
        "issued": len(sent),
        "pending": sum(1 for lic in licenses if keep(lic) and lic.status == "pending_approval"),
        "revoked": sum(1 for lic in licenses if keep(lic) and lic.status == "revoked"),
        "joined": len(joined),
        "enrolled": sum(1 for lic in joined if any(p.enrollment_time for p in by_person[lic.job_seeker_id])),
        "completed": sum(1 for lic in joined if any(p.completed for p in by_person[lic.job_seeker_id])),
        "hours": sum(p.learning_hours for lic in joined for p in by_person[lic.job_seeker_id]),
        "course_completions": sum(1 for lic in joined for p in by_person[lic.job_seeker_id] if p.completed),
    }


def test_summary_matches_the_database(sup) -> None:
    figures = compute_summary(sup)
    t = figures.totals
    expected = hand_counts(sup, ReportFilter())
    assert (t.issued, t.pending_approval, t.revoked, t.joined, t.enrolled, t.completed) == (
        expected["issued"], expected["pending"], expected["revoked"], expected["joined"], expected["enrolled"],
        expected["completed"])
    assert t.learning_hours == pytest.approx(expected["hours"])
    assert figures.course_completions == expected["course_completions"]
    assert figures.invited_basis == "issued" and t.invited == t.issued  # no invitation file made yet
    assert t.joined > t.enrolled > t.completed > 0
    assert figures.completion_rate == pytest.approx(t.completed / t.enrolled)
    assert sum(g.issued for g in figures.by_center) == t.issued
    assert sum(g.completed for g in figures.by_counselor) == t.completed
    assert sum(w.issued for w in figures.by_week) == t.issued
    assert all(w.week_start.weekday() == 0 for w in figures.by_week)
    assert sum(w.course_completions for w in figures.by_week) == figures.course_completions
    assert figures.popular_courses[0].enrolled == max(c.enrolled for c in figures.by_course)
    assert figures.credentials_earned <= figures.course_completions
    assert figures.outcomes.recorded_working >= 1 and "no job placements" in figures.outcomes.note
    assert figures.outcomes.appointment_outcomes.get("license_issued", 0) > 0
    assert json.loads(json.dumps(figures.to_dict()))["totals"]["issued"] == t.issued


def test_collections_come_from_the_catalog(sup) -> None:
    figures = compute_summary(sup)
    names = {c.collection for c in figures.by_collection}
    assert "Job Readiness" in names  # the catalog's collections, when the catalog loads
    for course in figures.by_course:
        for col in course.collections:
            assert col in names


def test_courses_outside_the_catalog_are_uncategorized(sup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports_module, "course_catalog_index",
                        lambda: CourseCatalogIndex(by_title={}, collection_titles=(), available=False))
    figures = compute_summary(sup)
    assert [c.collection for c in figures.by_collection] == [UNCATEGORIZED]
    assert figures.credentials_earned == 0 and not figures.catalog_available


def test_filters_by_center_counselor_and_dates(sup) -> None:
    whole = compute_summary(sup)
    center = whole.by_center[0]
    f = ReportFilter(center_id=center.key)
    part = compute_summary(sup, f)
    assert part.totals.issued == center.issued and part.totals.completed == center.completed
    assert center.label in part.filter_text
    counselor = whole.by_counselor[1]
    assert compute_summary(sup, ReportFilter(counselor_id=counselor.key)).totals.issued == counselor.issued
    start = whole.by_week[1].week_start
    f = ReportFilter(date_from=start, date_to=start + timedelta(days=6))
    week = compute_summary(sup, f)
    expected = hand_counts(sup, f)
    assert (week.totals.issued, week.totals.joined, week.totals.completed) == (
        expected["issued"], expected["joined"], expected["completed"])
    assert week.totals.issued == whole.by_week[1].issued
    assert f"{start:%B} {start.day}, 2020 –" in week.filter_text


def test_counselors_see_only_their_own_figures(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "c", role="counselor")
    try:
        with pytest.raises(PermissionDeniedError):
            compute_summary(desk)
        own = compute_summary(desk, ReportFilter(counselor_id=desk.actor.user_id))
        assert own.totals.issued == 0
        with pytest.raises(PermissionDeniedError):
            build_reminder_list(desk, "inactive")
        with pytest.raises(PermissionDeniedError):
            write_invitation_file(desk, tmp_path / "inv.csv")
    finally:
        desk.close()


# -- invitation file ------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(raw.decode("utf-8").splitlines()))


def test_invitation_file_sends_each_license_once(sup, tmp_path: Path) -> None:
    day = TODAY - timedelta(days=1)
    with sup.store.read() as session:
        expected_rows = session.execute(select(LicenseIssuance.job_seeker_id, LicenseIssuance.issued_on).where(
            LicenseIssuance.status == "issued", LicenseIssuance.issued_on <= day)).all()
        expected = [r[0] for r in expected_rows]
        pending = session.scalars(select(LicenseIssuance.job_seeker_id).where(
            LicenseIssuance.status == "pending_approval")).all()
        revoked = session.scalars(select(LicenseIssuance.job_seeker_id).where(
            LicenseIssuance.status == "revoked")).all()
        today_ids = session.scalars(select(LicenseIssuance.job_seeker_id).where(
            LicenseIssuance.issued_on == TODAY)).all()
    result = write_invitation_file(sup, tmp_path / "inv.csv")
    assert result.for_date == day and result.rows == len(expected)
    assert result.from_earlier_days == sum(1 for r in expected_rows if r[1] < day) > 0
    assert result.earlier_days and max(result.earlier_days) < day and "earlier days" in result.summary()
    rows = read_csv(tmp_path / "inv.csv")
    assert rows[0] == ["Full Name", "Email", "External ID"]
    ids = [r[2] for r in rows[1:]]
    assert sorted(ids) == sorted(expected)
    assert not set(ids) & (set(pending) | set(revoked) | set(today_ids))
    # The next day's file holds only the licenses not sent yet: none twice, none missed.
    later = write_invitation_file(sup, tmp_path / "inv2.csv", for_date=TODAY)
    assert later.rows == len([i for i in today_ids if i not in pending]) and later.from_earlier_days == 0
    # Asking again for a day gives that day's file again: the same people, nobody newly marked (issue 12).
    again = write_invitation_file(sup, tmp_path / "inv3.csv", for_date=TODAY)
    assert again.rows == later.rows and again.repeated == (later.rows > 0)
    first_again = write_invitation_file(sup, tmp_path / "inv4.csv", for_date=day)
    assert first_again.repeated and first_again.rows == result.rows
    assert "Nobody is invited twice" in first_again.summary()
    assert read_csv(tmp_path / "inv4.csv") == rows
    figures = compute_summary(sup)
    assert figures.invited_basis == "invitation_batches" and figures.totals.invited == figures.totals.issued
    # A lost file can be written again without sending anyone twice.
    assert result.batch_id is not None
    assert rewrite_batch_file(sup, result.batch_id, tmp_path / "copy.csv") == result.rows
    assert read_csv(tmp_path / "copy.csv") == rows


def test_invitation_file_writes_values_as_they_are_and_does_not_overwrite(sup, tmp_path: Path) -> None:
    """The invitation file is for the provider's importer: no formula guard, an e-mail never altered (issue 12,
    case 7: an address stored before registration refused it went out as '-ana.ruiz@..., which does not exist)."""
    with sup.store.write() as session:
        lic = session.scalars(select(LicenseIssuance).where(LicenseIssuance.status == "issued")
                              .order_by(LicenseIssuance.issued_on).limit(1)).one()
        seeker = session.get(JobSeeker, lic.job_seeker_id)
        seeker.first_name, seeker.last_name = "Sukarni", ""
        lic.email = "-ana.ruiz@example.org"
    (tmp_path / "inv.csv").write_text("earlier file", encoding="utf-8")
    with pytest.raises(CounselorDeskError, match="already exists"):
        write_invitation_file(sup, tmp_path / "inv.csv")
    assert (tmp_path / "inv.csv").read_text() == "earlier file"
    result = write_invitation_file(sup, tmp_path / "inv.csv", overwrite=True)
    rows = read_csv(tmp_path / "inv.csv")
    assert ["Sukarni", "-ana.ruiz@example.org", seeker.id] in rows and result.rows == len(rows) - 1
    assert not any(cell.startswith("'") for row in rows for cell in row)


def test_dry_run_marks_nothing(sup, tmp_path: Path) -> None:
    result = write_invitation_file(sup, tmp_path / "x.csv", dry_run=True)
    assert result.rows > 0 and not (tmp_path / "x.csv").exists()
    assert write_invitation_file(sup, tmp_path / "y.csv").rows == result.rows


def test_failed_commit_leaves_no_file(sup, tmp_path: Path) -> None:
    """The file is moved into place just before the commit; if the commit fails, it is taken back."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    out = tmp_path / "out"

    def boom(session: Session) -> None:
        if (out / "inv.csv").exists():
            raise RuntimeError("disk I/O error")

    event.listen(Session, "before_commit", boom)
    try:
        with pytest.raises(RuntimeError):
            write_invitation_file(sup, out / "inv.csv")
    finally:
        event.remove(Session, "before_commit", boom)
    assert list(out.iterdir()) == []
    with sup.store.read() as session:
        assert session.scalars(select(LicenseIssuance.invitation_batch_id)
                               .where(LicenseIssuance.invitation_batch_id.is_not(None))).first() is None


# -- reminders -------------------------------------------------------------------------------------------------


def test_reminder_lists_hold_the_right_people(sup) -> None:
    with sup.store.read() as session:
        progress = list(session.scalars(select(LearnerProgress)))
        licenses = list(session.scalars(select(LicenseIssuance).where(LicenseIssuance.status == "issued")))
    people = defaultdict(list)
    for p in progress:
        people[p.job_seeker_id].append(p)
    not_joined = {lic.job_seeker_id for lic in licenses if lic.job_seeker_id not in people}
    # Only people whose license is live are reminded (the fixture revokes one).
    licensed = {lic.job_seeker_id for lic in licenses}
    people = {j: rows for j, rows in people.items() if j in licensed}
    no_course = {j for j, rows in people.items() if not any(r.enrollment_time for r in rows)}
    lists = {name: build_reminder_list(sup, name) for name in REMINDER_LISTS}
    assert {r.job_seeker_id for r in lists["invited_not_joined"].rows} == not_joined
    assert {r.job_seeker_id for r in lists["joined_no_course"].rows} == no_course
    cutoff = TODAY - timedelta(days=14)
    inactive = {j for j, rows in people.items()
                if any(r.enrollment_time and not r.completed for r in rows)
                and max(r.last_activity_time or r.completion_time or r.enrollment_time for r in rows).date() < cutoff}
    assert {r.job_seeker_id for r in lists["inactive"].rows} == inactive
    # MA's complete-by date (Dec 31) is more than 30 days after Oct 20: the list says why it is empty.
    assert lists["deadline_near"].rows == [] and "December 31, 2020" in lists["deadline_near"].note
    near = build_reminder_list(sup, "deadline_near", days=90)
    assert near.rows and all(r.courses_in_progress > 0 for r in near.rows)


def test_people_without_consent_are_left_out(sup) -> None:
    first = build_reminder_list(sup, "invited_not_joined")
    with sup.store.write() as session:
        session.get(JobSeeker, first.rows[0].job_seeker_id).consent_to_contact = False
    second = build_reminder_list(sup, "invited_not_joined")
    assert len(second.rows) == len(first.rows) - 1 and second.left_out_no_consent == 1


def test_messages_use_the_profiles_dates_and_contact(sup) -> None:
    for name in REMINDER_LISTS:
        msg = reminder_message(sup.profile, name, today=TODAY, days=14)
        assert "December 31, 2020" in msg.body and "MassHire" in msg.body
        assert msg.subject and "{" not in msg.body
    assert "October 31, 2020" in reminder_message(sup.profile, "invited_not_joined", today=TODAY).body
    with pytest.raises(ValueError, match="no reminder list"):
        build_reminder_list(sup, "nobody")


def test_reminder_export_is_audited_and_safe(sup, tmp_path: Path) -> None:
    reminders = build_reminder_list(sup, "joined_no_course")
    n = export_reminder_csv(sup, reminders, tmp_path / "r.csv", message_path=tmp_path / "m.txt")
    rows = read_csv(tmp_path / "r.csv")
    assert len(rows) == n + 1 == len(reminders.rows) + 1 and rows[0][0] == "Full Name"
    assert (tmp_path / "m.txt").read_text().startswith("Subject: ")
    with sup.store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "export_reminders")).one()
    assert event.detail["rows"] == n and event.detail["list"] == "joined_no_course"
    assert "filter" in event.detail


@pytest.mark.parametrize("text,expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("\0=x", "'=x"), ("María", "María"), ("a-b", "a-b"),
])
def test_safe_csv_text(text: str, expected: str) -> None:
    assert safe_csv_text(text) == expected


# -- CLI -------------------------------------------------------------------------------------------------------


def test_cli_commands(sup, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(sup.paths.root)
    sup.close()
    assert main(["--data-dir", root, "--agency", "ma", "report", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["issued"] > 0 and data["by_course"]
    center = data["by_center"][0]
    assert main(["--data-dir", root, "--agency", "ma", "report", "--json", "--center", center["label"]]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["issued"] == center["issued"]
    assert main(["--data-dir", root, "--agency", "ma", "report", "--center", "Nowhere"]) == 1
    assert "No center is named" in capsys.readouterr().err
    out = tmp_path / "inv.csv"
    assert main(["--data-dir", root, "--agency", "ma", "invitations", "--out", str(out), "--date",
                 "2020-10-19"]) == 0
    assert "invitations went into" in capsys.readouterr().out and out.exists()
    rem = tmp_path / "rem.csv"
    assert main(["--data-dir", root, "--agency", "ma", "reminders", "--list", "inactive", "--out", str(rem),
                 "--days", "7"]) == 0
    assert "Subject:" in capsys.readouterr().out and rem.exists()
    usage = Path(__file__).resolve().parents[1] / "export" / "data" / "usage_report_provider.csv"
    assert main(["--data-dir", root, "--agency", "ma", "import-progress", str(usage)]) == 0
    assert "match no job seeker" in capsys.readouterr().out
    xlsx = tmp_path / "s.xlsx"
    assert main(["--data-dir", root, "--agency", "ma", "export-summary", "--out", str(xlsx), "--from",
                 "2020-09-08", "--to", "2020-10-20", "--no-detail"]) == 0
    assert xlsx.exists() and "Wrote" in capsys.readouterr().out
