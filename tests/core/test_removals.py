"""Removal files: only after a progress import newer than the status change and the last activity; progress kept."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select

from counselor_app.core import open_desk
from counselor_app.core.invitations import write_invitation_file
from counselor_app.core.models import LearnerProgress, RemovalEntry
from counselor_app.core.progress_import import import_usage_report
from counselor_app.core.removals import RemovalState, removal_candidates, write_removal_file
from counselor_app.core.settings import Settings

TODAY = date(2020, 10, 20)
ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}
HEADER = ["Name", "Email", "External ID", "Course Name", "Enrollment Time", "Completion Time", "Completed"]


def report(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def test_removal_waits_for_a_newer_progress_import_and_keeps_progress(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Pat Admin",
             counselor_role="administrator").save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    try:
        ids = {}
        for first, mail in (("Ana", "ana@example.org"), ("Ben", "ben@example.org"), ("Cy", "cy@example.org")):
            s = desk.job_seekers.register({"first_name": first, "last_name": "Lee", "email": mail},
                                          confirmed_not_duplicate=True).record
            att = desk.appointments.attest(s.id, ELIGIBLE)
            ids[first] = (s.id, desk.licenses.issue(s.id, attestation_id=att.attestation_id).issuance_id)
        write_invitation_file(desk, tmp_path / "invite.csv", for_date=TODAY)
        ana, ben = ids["Ana"][0], ids["Ben"][0]
        import_usage_report(desk, report(tmp_path / "r1.csv", [
            ["Ana Lee", "ana@example.org", ana, "AI For Everyone", "2020-10-01 10:00:00", "", "No"],
            ["Ben Lee", "ben@example.org", ben, "AI For Everyone", "2020-10-02 10:00:00", "", "No"]]))
        desk.licenses.change_status(ids["Ana"][1], status="inactivated", reason="Asked to leave the program")
        # A license never sent to the provider needs no removal. (Cy's went out in the invitation file, so revoke
        # one that did not: a new person after the file was made.)
        s = desk.job_seekers.register({"first_name": "Dee", "last_name": "Lee", "email": "dee@example.org"},
                                      confirmed_not_duplicate=True).record
        att = desk.appointments.attest(s.id, ELIGIBLE)
        dee = desk.licenses.issue(s.id, attestation_id=att.attestation_id).issuance_id
        desk.licenses.change_status(dee, status="revoked", reason="Issued by mistake")

        [cand] = removal_candidates(desk)
        assert cand.job_seeker_id == ana and cand.state == RemovalState.WAITING_FOR_PROGRESS
        result = write_removal_file(desk, tmp_path / "remove.csv")
        assert result.written == 0 and result.path is None and not (tmp_path / "remove.csv").exists()
        assert [w.job_seeker_id for w in result.waiting] == [ana]

        # A newer report (Ana finished her course meanwhile): now she can go.
        import_usage_report(desk, report(tmp_path / "r2.csv", [
            ["Ana Lee", "ana@example.org", ana, "AI For Everyone", "2020-10-01 10:00:00", "2020-10-21 09:00:00",
             "Yes"],
            ["Ben Lee", "ben@example.org", ben, "AI For Everyone", "2020-10-02 10:00:00", "", "No"]]))
        result = write_removal_file(desk, tmp_path / "remove.csv")
        assert result.written == 1 and result.waiting == []
        with open(tmp_path / "remove.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows == [["Full Name", "Email", "External ID"], ["Ana Lee", "ana@example.org", ana]]
        assert [c.state for c in removal_candidates(desk)] == [RemovalState.WRITTEN]
        assert write_removal_file(desk, tmp_path / "again.csv").written == 0  # never twice
        with desk.store.read() as session:
            assert [e.job_seeker_id for e in session.scalars(select(RemovalEntry))] == [ana]

        # Removed at the provider, Ana drops out of the next report; her progress stays.
        import_usage_report(desk, report(tmp_path / "r3.csv", [
            ["Ben Lee", "ben@example.org", ben, "AI For Everyone", "2020-10-02 10:00:00", "2020-10-25 10:00:00",
             "Yes"]]))
        with desk.store.read() as session:
            kept = session.scalars(select(LearnerProgress).where(LearnerProgress.job_seeker_id == ana)).all()
        assert [(p.course_name, p.completed) for p in kept] == [("AI For Everyone", True)]
    finally:
        desk.close()
