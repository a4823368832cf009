"""Import of the provider's usage report: real-shaped files, every malformed case, idempotency, matching."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counselor_app.core import open_desk
from counselor_app.core.demo import seed_demo
from counselor_app.core.demo_progress import usage_rows_from_desk, write_usage_report
from counselor_app.core.errors import PermissionDeniedError
from counselor_app.core.models import JobSeeker, LearnerProgress, LicenseIssuance, ProgressImport
from counselor_app.core.progress_import import (
    ProgressImportError,
    import_usage_report,
    list_unmatched,
    rematch_unmatched,
)
from counselor_app.core.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "export" / "data"
TODAY = date(2020, 10, 20)
HEADER = ("Name,Email,External ID,Program Name,Course Name,Enrollment Time,Completion Time,Completed,"
          "Learning Hours Spent,Course Grade,Skills Learned,Some New Column")


def make_desk(root: Path, *, role: str = "supervisor", job_seekers: int = 0):
    root.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Sam Okafor",
             counselor_role=role).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    if job_seekers:
        seed_demo(desk, job_seekers=job_seekers, seed=3, today=TODAY, license_share=1.0)
    return desk


@pytest.fixture
def sup(tmp_path: Path):
    desk = make_desk(tmp_path / "sup", job_seekers=12)
    yield desk
    desk.close()


def learners(desk, n: int = 4) -> list[tuple[str, str, str, str]]:
    """(job seeker id, agency customer id, e-mail, full name) of the first n licensed job seekers."""
    with desk.store.read() as session:
        return [tuple(r) for r in session.execute(
            select(JobSeeker.id, JobSeeker.agency_customer_id, LicenseIssuance.email,
                   JobSeeker.first_name + " " + JobSeeker.last_name)
            .join(LicenseIssuance, LicenseIssuance.job_seeker_id == JobSeeker.id)
            .order_by(JobSeeker.agency_customer_id).limit(n))]


def progress_rows(desk) -> list[tuple]:
    with desk.store.read() as session:
        return [tuple(r) for r in session.execute(
            select(LearnerProgress.job_seeker_id, LearnerProgress.external_id, LearnerProgress.email,
                   LearnerProgress.course_name, LearnerProgress.enrollment_time, LearnerProgress.completion_time,
                   LearnerProgress.completed, LearnerProgress.learning_hours, LearnerProgress.course_grade,
                   LearnerProgress.matched, LearnerProgress.updated_at)
            .order_by(LearnerProgress.email, LearnerProgress.course_name))]


def counts(desk) -> tuple[int, int]:
    with desk.store.read() as session:
        return (int(session.scalar(select(func.count()).select_from(LearnerProgress))),
                int(session.scalar(select(func.count()).select_from(ProgressImport))))


def real_shaped_csv(desk, path: Path) -> Path:
    """A report as the provider exports it, saved by Excel: BOM, CRLF, quoted commas, blank lines, extras."""
    (a_id, _a_acid, a_mail, a_name), (_b_id, b_acid, b_mail, b_name), (_c_id, _c_acid, c_mail, c_name), *_ = \
        learners(desk)
    lines = [
        HEADER,
        f'{a_name},{a_mail},{a_id},Coursera for Workforce Recovery,"Foundations: Data, Data, Everywhere",'
        "2020-10-02T14:23:11.000Z,2020-10-12T09:00:00.000Z,Yes,21.5,0.9234,Spreadsheet; Data Analysis,x",
        f'{a_name},{a_mail},{a_id},Coursera for Workforce Recovery,Technical Support Fundamentals,'
        "2020-10-05 10:00:00,,No,3.25,,,",
        "",
        f'{b_name},{b_mail},{b_acid},Coursera for Workforce Recovery,"Excel Skills for Business: Essentials",'
        "10/3/2020 9:15,,No,12,,,",  # the date as Excel rewrites it
        f'{c_name},{c_mail.upper()},,Coursera for Workforce Recovery,Learning How to Learn,'
        "10/6/2020 4:05 PM,10/15/2020 11:30 AM,Yes,15,95%,,",
        "",
        'Pat Unknown,pat.unknown@example.net,,Coursera for Workforce Recovery,"Crash Course on Python",'
        "2020-10-07,,No,0,,,",
        "",
    ]
    path.write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    return path


def test_real_shaped_report_is_imported_and_matched(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, _), (b_id, _, _, _), (c_id, _, c_mail, _), *_ = learners(sup)
    result = import_usage_report(sup, real_shaped_csv(sup, tmp_path / "usage.csv"))
    assert (result.rows, result.matched_rows, result.unmatched_rows, result.inserted) == (5, 4, 1, 5)
    assert result.blank_rows == 2 and not result.already_imported
    rows = {(r[2], r[3]): r for r in progress_rows(sup)}
    data = rows[(a_mail.casefold(), "Foundations: Data, Data, Everywhere")]
    assert data[0] == a_id and data[6] is True and data[7] == 21.5 and data[8] == pytest.approx(0.9234)
    assert data[4] == datetime(2020, 10, 2, 14, 23, 11)  # UTC, stored naive
    assert rows[(a_mail.casefold(), "Technical Support Fundamentals")][6] is False
    excel = next(r for r in rows.values() if r[3] == "Excel Skills for Business: Essentials")
    assert excel[0] == b_id  # External ID was the agency customer id
    assert excel[4] == datetime(2020, 10, 3, 9, 15) and excel[7] == 12.0
    learn = rows[(c_mail.casefold(), "Learning How to Learn")]
    assert learn[0] == c_id and learn[8] == pytest.approx(0.95)  # matched by e-mail, case-insensitively
    assert learn[5] == datetime(2020, 10, 15, 11, 30)
    unknown = rows[("pat.unknown@example.net", "Crash Course on Python")]
    assert unknown[0] is None and unknown[9] is False  # kept for review, not dropped
    assert [u.email for u in result.unmatched] == ["pat.unknown@example.net"]
    assert result.unmatched[0].row == 8 and "No job seeker" in result.unmatched[0].reason
    assert [u.email for u in list_unmatched(sup)] == ["pat.unknown@example.net"]


def test_same_report_twice_changes_nothing(sup, tmp_path: Path) -> None:
    path = real_shaped_csv(sup, tmp_path / "usage.csv")
    import_usage_report(sup, path)
    before_rows, before_counts = progress_rows(sup), counts(sup)
    again = import_usage_report(sup, path)
    assert again.already_imported and "already imported" in again.summary()
    assert progress_rows(sup) == before_rows and counts(sup) == before_counts
    # The same data under another name (a copy the supervisor saved again) rewrites nothing either.
    copy = tmp_path / "usage-copy.csv"
    copy.write_bytes(path.read_bytes() + b"\r\n")
    third = import_usage_report(sup, copy)
    assert (third.inserted, third.updated, third.unchanged) == (0, 0, 5)
    assert progress_rows(sup) == before_rows


def test_xlsx_of_the_same_data_matches_the_csv(sup, tmp_path: Path) -> None:
    rows = usage_rows_from_desk(sup, seed=4, share=1.0, today=TODAY)
    assert rows
    csv_path, xlsx_path = tmp_path / "usage.csv", tmp_path / "usage.xlsx"
    write_usage_report(csv_path, rows, excel_style=True)
    write_usage_report(xlsx_path, rows)
    first = import_usage_report(sup, csv_path)
    assert first.unmatched_rows == 0 and first.inserted == len({(r.email, r.course_name) for r in rows})
    snapshot = progress_rows(sup)
    second = import_usage_report(sup, xlsx_path)
    assert not second.already_imported
    # Excel-style CSV times have no seconds; the workbook's do: only the time columns may be rewritten.
    assert second.inserted == 0
    assert [r[:4] for r in progress_rows(sup)] == [r[:4] for r in snapshot]


def test_missing_columns_are_named_and_nothing_is_written(sup, tmp_path: Path) -> None:
    path = tmp_path / "enrollments.csv"
    path.write_text("Name,Email,Program Name,Completed,Learning Hours Spent\nAna,ana@example.com,P,Yes,2\n",
                    encoding="utf-8")
    with pytest.raises(ProgressImportError) as err:
        import_usage_report(sup, path)
    message = str(err.value)
    assert "“Course Name”" in message and "“Enrollment Time”" in message and "nothing was changed" in message
    assert "“Email”" in message  # lists the columns it did find
    assert err.value.missing_columns == ["“Course Name”", "“Enrollment Time”"]
    assert counts(sup) == (0, 0)


def test_unreadable_dates_and_numbers_are_listed_by_row_and_column(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, a_name), *_ = learners(sup)
    path = tmp_path / "usage.csv"
    path.write_text("\n".join([
        HEADER,
        f"{a_name},{a_mail},{a_id},P,Course A,2020-10-02 10:00,,No,2,,,",
        f"{a_name},{a_mail},{a_id},P,Course B,31/31/2020,,No,2,,,",
        f"{a_name},{a_mail},{a_id},P,Course C,2020-10-02,,Maybe,lots,,,",
        f"{a_name},,,P,Course D,2020-10-02,,No,1,,,",
        f"{a_name},{a_mail},{a_id},P,,2020-10-02,,No,1,,,",
    ]), encoding="utf-8")
    with pytest.raises(ProgressImportError) as err:
        import_usage_report(sup, path)
    message = str(err.value)
    assert "Row 3, column “Enrollment Time”: “31/31/2020”" in message
    assert "Row 4, column “Completed”: “Maybe” is not Yes or No" in message
    assert "Row 4, column “Learning Hours Spent”: “lots” is not a number" in message
    assert "Row 5, column “Email”" in message and "Row 6, column “Course Name”" in message
    assert len(err.value.problems) == 5
    assert counts(sup) == (0, 0)  # nothing partly imported


def test_excel_windows_csv_and_title_line_above_header(sup, tmp_path: Path) -> None:
    """Excel's plain "CSV" on Windows is Windows-1252, and some exports put a title line first."""
    (a_id, _, a_mail, _), *_ = learners(sup)
    text = ("Program usage report - generated 10/20/2020\r\n"
            f"{HEADER}\r\nJosé Núñez,{a_mail},{a_id},P,Introducción a la programación,10/5/2020 14:30,,No,"
            "4.5,,,\r\n")
    path = tmp_path / "report.csv"
    path.write_bytes(text.encode("cp1252"))
    result = import_usage_report(sup, path)
    assert result.matched_rows == 1
    with sup.store.read() as session:
        row = session.scalars(select(LearnerProgress)).one()
    assert row.learner_name == "José Núñez" and row.course_name == "Introducción a la programación"
    assert row.enrollment_time == datetime(2020, 10, 5, 14, 30)


def test_later_report_updates_and_keeps_learners_who_dropped_out(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, a_name), (b_id, _, b_mail, b_name), *_ = learners(sup)
    first = tmp_path / "week1.csv"
    first.write_text("\n".join([HEADER, f"{a_name},{a_mail},{a_id},P,Course A,2020-10-02,,No,2,,,",
                                f"{b_name},{b_mail},{b_id},P,Course A,2020-10-03,,No,1,,,"]), encoding="utf-8")
    second = tmp_path / "week2.csv"
    second.write_text("\n".join([HEADER, f"{a_name},{a_mail},{a_id},P,Course A,2020-10-02,2020-10-16,Yes,9,0.8,,"]),
                      encoding="utf-8")
    import_usage_report(sup, first)
    result = import_usage_report(sup, second)
    assert (result.inserted, result.updated) == (0, 1)
    rows = {r[0]: r for r in progress_rows(sup)}
    assert rows[a_id][6] is True and rows[a_id][7] == 9
    assert rows[b_id][7] == 1  # B dropped out of the report; their progress stays


def test_report_without_hours_column_keeps_earlier_hours(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, a_name), *_ = learners(sup)
    first = tmp_path / "a.csv"
    first.write_text(f"{HEADER}\n{a_name},{a_mail},{a_id},P,Course A,2020-10-02,,No,7.5,,,\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Email,External ID,Course Name,Enrollment Time,Completion Time\n"
                      f"{a_mail},{a_id},Course A,2020-10-02,2020-10-18\n", encoding="utf-8")
    import_usage_report(sup, first)
    import_usage_report(sup, second)
    (row,) = progress_rows(sup)
    assert row[6] is True and row[7] == 7.5  # completed from Completion Time; hours kept


def test_duplicate_rows_in_one_report_keep_the_furthest(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, a_name), *_ = learners(sup)
    path = tmp_path / "dup.csv"
    path.write_text("\n".join([HEADER, f"{a_name},{a_mail},{a_id},P1,Course A,2020-10-02,2020-10-10,Yes,8,,,",
                               f"{a_name},{a_mail},{a_id},P2,Course A,2020-10-02,,No,1,,,"]), encoding="utf-8")
    result = import_usage_report(sup, path)
    assert result.duplicates_merged == 1 and result.rows == 1
    (row,) = progress_rows(sup)
    assert row[6] is True and row[7] == 8


def test_shared_email_is_not_guessed(sup, tmp_path: Path) -> None:
    (a_id, _, a_mail, _), (b_id, _, _, _), *_ = learners(sup)
    with sup.store.write() as session:
        session.get(JobSeeker, b_id).email = a_mail  # a family sharing one address
    path = tmp_path / "u.csv"
    path.write_text(f"{HEADER}\nX,{a_mail},,P,Course A,2020-10-02,,No,1,,,\n", encoding="utf-8")
    result = import_usage_report(sup, path)
    assert result.unmatched_rows == 1 and "belongs to 2 job seekers" in result.unmatched[0].reason


def test_rematch_after_the_job_seeker_is_registered(sup, tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text(f"{HEADER}\nNew Person,new.person@example.com,,P,Course A,2020-10-02,,No,1,,,\n",
                    encoding="utf-8")
    assert import_usage_report(sup, path).unmatched_rows == 1
    (a_id, _, _, _), *_ = learners(sup)
    with sup.store.write() as session:
        session.get(JobSeeker, a_id).email = "new.person@example.com"
    assert rematch_unmatched(sup) == 1
    assert progress_rows(sup)[0][0] == a_id


def test_empty_old_excel_and_missing_files_give_clear_messages(sup, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    with pytest.raises(ProgressImportError, match="is empty"):
        import_usage_report(sup, empty)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ProgressImportError, match="could not be opened as a spreadsheet"):
        import_usage_report(sup, xls)
    with pytest.raises(ProgressImportError, match="was not found"):
        import_usage_report(sup, tmp_path / "nope.csv")


def test_committed_fixture_files(sup) -> None:
    """Fixture files as a supervisor would download them: provider CSV and Excel re-save."""
    result = import_usage_report(sup, DATA / "usage_report_provider.csv")
    assert result.rows == 4 and result.unmatched_rows == 4  # these people are not on this desk
    assert {u.course_name for u in result.unmatched} >= {"Foundations: Data, Data, Everywhere"}
    with pytest.raises(ProgressImportError) as err:
        import_usage_report(sup, DATA / "usage_report_bad_dates.csv")
    assert "Row 3, column “Completion Time”" in str(err.value)


def test_only_supervisors_import(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "c", role="counselor")
    try:
        with pytest.raises(PermissionDeniedError):
            import_usage_report(desk, DATA / "usage_report_provider.csv")
    finally:
        desk.close()
