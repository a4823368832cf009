"""Outcome proposals from a known usage report (MA/MOSES and NY/OSOS), review, the state export, and figures."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counselor_app.core import open_desk
from counselor_app.core.demo import seed_demo
from counselor_app.core.errors import PermissionDeniedError, ValidationError
from counselor_app.core.models import (
    AuditEvent,
    CaseManagementService,
    JobSeeker,
    LicenseIssuance,
    OutboxEntry,
    OutcomeRecord,
)
from counselor_app.core.outcomes import (
    OutcomeKind,
    OutcomeStatus,
    _Completion,
    accept_outcome,
    compute_proposals,
    confirm_entered,
    edit_outcome,
    export_outcomes,
    import_and_propose,
    list_outcomes,
    load_outcome_rules,
    outcome_figures,
    outcome_ids_in_file,
    propose_outcomes,
    reject_outcome,
)
from counselor_app.core.settings import Settings

GOOGLE_IT = ["Technical Support Fundamentals", "The Bits and Bytes of Computer Networking",
             "Operating Systems and You: Becoming a Power User",
             "System Administration and IT Infrastructure Services",
             "IT Security: Defense against the digital dark arts"]
CENTERS = {"ma": "MassHire Boston Career Center", "ny": "Brooklyn Workforce1 Career Center"}
TODAYS = {"ma": date(2020, 10, 20), "ny": date(2021, 3, 1)}
HEADER = ["Name", "Email", "External ID", "Course Name", "Enrollment Time", "Completion Time", "Completed",
          "Learning Hours Spent"]


def make_desk(root: Path, agency: str, *, role: str = "administrator", seekers: int = 4):
    root.mkdir(parents=True, exist_ok=True)
    Settings(agency=agency, center_name=CENTERS[agency], counselor_name="Pat Admin",
             counselor_role=role).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency=agency, today=TODAYS[agency])
    if seekers:
        seed_demo(desk, job_seekers=seekers, seed=7, today=TODAYS[agency], license_share=1.0, queued_tail=0)
    return desk


def people(desk) -> list[tuple[str, str, str]]:
    """(id, e-mail the license went to, full name) of the licensed job seekers, in a stable order."""
    with desk.store.read() as session:
        return [tuple(r) for r in session.execute(
            select(JobSeeker.id, LicenseIssuance.email, JobSeeker.first_name + " " + JobSeeker.last_name)
            .join(LicenseIssuance, LicenseIssuance.job_seeker_id == JobSeeker.id)
            .where(LicenseIssuance.status == "issued").order_by(JobSeeker.id))]


def write_known_report(desk, path: Path) -> dict[str, str]:
    """A: the whole Google IT Support certificate; B: its first course only, second in progress; C: a course in no
    certificate; D: enrolled, nothing finished."""
    a, b, c, d = people(desk)[:4]
    rows = []
    for i, course in enumerate(GOOGLE_IT):
        rows.append([a[2], a[1], a[0], course, "2020-09-20 10:00:00", f"2020-10-0{i + 1} 12:00:00", "Yes", "20"])
    rows.append([b[2], b[1], b[0], GOOGLE_IT[0], "2020-09-21 10:00:00", "2020-10-05 09:00:00", "Yes", "22"])
    rows.append([b[2], b[1], b[0], GOOGLE_IT[1], "2020-10-06 10:00:00", "", "No", "3"])
    rows.append([c[2], c[1], c[0], "AI For Everyone", "2020-09-25 10:00:00", "2020-10-02 15:30:00", "Yes", "6"])
    rows.append([d[2], d[1], d[0], "Introduction to Cloud Computing", "2020-10-01 10:00:00", "", "No", "1"])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return {"a": a[0], "b": b[0], "c": c[0], "d": d[0]}


def proposals(desk) -> set[tuple[str, str, str, date]]:
    with desk.store.read() as session:
        return {(r.job_seeker_id, r.kind, r.subject, r.achieved_on) for r in session.scalars(select(OutcomeRecord))}


@pytest.fixture
def ma(tmp_path: Path):
    desk = make_desk(tmp_path / "ma", "ma")
    yield desk
    desk.close()


@pytest.fixture
def ny(tmp_path: Path):
    desk = make_desk(tmp_path / "ny", "ny")
    yield desk
    desk.close()


def test_ma_proposals_from_a_known_report(ma, tmp_path: Path) -> None:
    who = write_known_report(ma, tmp_path / "usage.csv")
    imported, result = import_and_propose(ma, tmp_path / "usage.csv")
    assert imported.matched_rows == 9
    cert = "Google IT Support Professional Certificate"
    expected = {(who["a"], "course_completion", t, date(2020, 10, i + 1)) for i, t in enumerate(GOOGLE_IT)}
    expected |= {
        (who["a"], "credential", cert, date(2020, 10, 5)),
        # A finished the certificate and has nothing in progress: MOSES service closed on the credential's date.
        (who["a"], "service_closure", "", date(2020, 10, 5)),
        (who["b"], "course_completion", GOOGLE_IT[0], date(2020, 10, 5)),
        (who["c"], "course_completion", "AI For Everyone", date(2020, 10, 2)),
    }
    # Massachusetts counts no skill gain for a career service (the rules file says why); D has nothing yet.
    assert proposals(ma) == expected
    assert result.proposed == len(expected) and result.people == 3
    rows = list_outcomes(ma)
    assert {r.label for r in rows if r.kind == OutcomeKind.CREDENTIAL} == {
        "Credential Attained: Coursera Professional Certificate"}
    assert all(r.status == OutcomeStatus.PROPOSED for r in rows)
    # Proposals stay on the desk until accepted.
    with ma.store.read() as session:
        assert session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "outcome")).all() == []
    # A second run proposes nothing new.
    assert propose_outcomes(ma).proposed == 0


def test_ny_proposals_count_skill_gains(ny, tmp_path: Path) -> None:
    who = write_known_report(ny, tmp_path / "usage.csv")
    import_and_propose(ny, tmp_path / "usage.csv")
    got = proposals(ny)
    cert = "Google IT Support Professional Certificate"
    assert (who["b"], "skill_gain", cert, date(2020, 10, 5)) in got
    assert (who["a"], "credential", cert, date(2020, 10, 5)) in got
    assert not any(k == "skill_gain" and j == who["a"] for j, k, _, _ in got)  # A earned the credential instead
    # NY's program ends 2022-11-23, after this desk's today: no closure for B, C or D.
    assert {j for j, k, _, _ in got if k == "service_closure"} == {who["a"]}
    labels = {r.kind: (r.label, r.code) for r in list_outcomes(ny)}
    assert labels[OutcomeKind.SKILL_GAIN] == ("Skills Gain: Coursera Training Milestone", "MSG-TRAINING-MILESTONE")
    rules = load_outcome_rules("NY")
    assert rules.system == "OSOS" and "21-01" in rules.source


def test_review_accept_edit_reject_then_export_holds_exactly_accepted_not_entered(ma, tmp_path: Path) -> None:
    write_known_report(ma, tmp_path / "usage.csv")
    import_and_propose(ma, tmp_path / "usage.csv")
    rows = {(r.kind, r.subject): r for r in list_outcomes(ma)}
    cred = rows[(OutcomeKind.CREDENTIAL, "Google IT Support Professional Certificate")]
    closure = rows[(OutcomeKind.SERVICE_CLOSURE, "")]
    ai = rows[(OutcomeKind.COURSE_COMPLETION, "AI For Everyone")]
    first = rows[(OutcomeKind.COURSE_COMPLETION, GOOGLE_IT[0])]
    accepted = accept_outcome(ma, cred.id, achieved_on=date(2020, 10, 6))  # edited, then accepted
    assert accepted.status == OutcomeStatus.ACCEPTED and accepted.achieved_on == date(2020, 10, 6)
    accept_outcome(ma, closure.id)
    accept_outcome(ma, first.id)
    with pytest.raises(ValidationError):
        reject_outcome(ma, ai.id, reason="   ")
    assert reject_outcome(ma, ai.id, reason="Completed before the license was issued").status == "rejected"
    with pytest.raises(ValidationError):
        accept_outcome(ma, ai.id)
    with pytest.raises(ValidationError):
        edit_outcome(ma, closure.id, achieved_on=date(2030, 1, 1))

    export = export_outcomes(ma, tmp_path / "moses.csv")
    assert set(export.outcome_ids) == {cred.id, closure.id, first.id}
    with open(tmp_path / "moses.csv", encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][0] == "MOSES Customer ID" and len(table) == 4
    assert {r[6] for r in table[1:] if r[5] == "Google IT Support Professional Certificate"} == {"10/06/2020"}
    # Exporting marks nothing: a second export has the same rows.
    assert set(export_outcomes(ma, tmp_path / "again.csv").outcome_ids) == set(export.outcome_ids)

    # The administrator entered only two of the three before confirming from the file minus one line.
    ids = outcome_ids_in_file(tmp_path / "moses.csv")
    done = confirm_entered(ma, [i for i in ids if i != first.id] + [ai.id])
    assert (done.entered, done.already_entered, done.not_accepted) == (2, 0, 1)
    assert export_outcomes(ma, tmp_path / "next.csv").outcome_ids == (first.id,)
    figures = outcome_figures(ma)
    assert figures.count("credential", "entered") == 1 and figures.count("course_completion", "accepted") == 1
    assert figures.entered == 2 and figures.accepted == 3 and figures.people_with_credential == 1
    again = confirm_entered(ma, ids)
    assert (again.entered, again.already_entered) == (1, 2)

    with ma.store.read() as session:
        outbox = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "outcome")
                                 .order_by(OutboxEntry.seq)).all()
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "outcome"))]
    # One create per accepted outcome, one update per entered one; the rejected one never leaves the desk.
    assert sorted((e.op, e.entity_id) for e in outbox) == sorted(
        [("create", cred.id), ("create", closure.id), ("create", first.id), ("update", cred.id),
         ("update", closure.id), ("update", first.id)])
    assert all(ai.id != e.entity_id for e in outbox)
    assert {"outcomes_proposed", "outcome_accept", "outcome_reject", "outcomes_export", "outcomes_entered"} <= set(
        actions)
    history = ma.job_seekers.history(cred.job_seeker_id)
    assert {o.kind for o in history.outcomes} >= {"credential", "service_closure"}

    assert outcome_figures(ma).entered == 3


def test_only_administrators_review(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "sup", "ma", role="supervisor")
    try:
        write_known_report(desk, tmp_path / "usage.csv")
        import_and_propose(desk, tmp_path / "usage.csv")
        row = list_outcomes(desk)[0]
        with pytest.raises(PermissionDeniedError):
            accept_outcome(desk, row.id)
        with pytest.raises(PermissionDeniedError):
            export_outcomes(desk, tmp_path / "x.csv")
    finally:
        desk.close()


def test_participants_vs_reportable_individuals(ny) -> None:
    ids = [p[0] for p in people(ny)]
    with ny.store.write() as session:
        session.add(CaseManagementService(job_seeker_id=ids[0], system="OSOS", service_label="Initial Assessment",
                                          service_date=date(2021, 1, 5)))
    figures = outcome_figures(ny)
    assert (figures.licensed, figures.participants, figures.reportable_individuals) == (len(ids), 1, len(ids) - 1)
    assert "Initial Assessment" in figures.source


def test_a_new_state_is_a_data_file(tmp_path: Path) -> None:
    folder = tmp_path / "profiles" / "outcomes"
    folder.mkdir(parents=True)
    (folder / "ma.json").write_text(json.dumps({"kinds": {"credential": {"code": "MA-CRED-9"}}}), encoding="utf-8")
    rules = load_outcome_rules("MA", profile_id="ma", data_dir=tmp_path)
    assert rules.rule("credential").code == "MA-CRED-9"
    assert rules.rule("credential").label.startswith("Credential Attained")


COURSES = st.sampled_from(GOOGLE_IT + ["AI For Everyone", "Introduction to Cloud Computing"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(COURSES, st.integers(min_value=1, max_value=28)), max_size=12),
       st.integers(min_value=0, max_value=2), st.sampled_from(["MA", "NY"]))
def test_proposals_follow_the_rules_for_any_completions(done, in_progress, state) -> None:
    """Whatever a learner completed: one completion per distinct course, a credential exactly when every course of
    the certificate is done (dated by the last one), a skill gain only where the state counts one and only for an
    unfinished certificate, and at most one closure."""
    rules = load_outcome_rules(state)
    certs = [("google-it-support", "Google IT Support Professional Certificate",
              tuple(t.casefold() for t in GOOGLE_IT))]
    completions = {"p": [_Completion(course, date(2020, 10, day)) for course, day in done]}
    got = compute_proposals(rules, program_id="prog", complete_by=date(2030, 1, 1), today=date(2020, 11, 1),
                            completions=completions, in_progress={"p": in_progress}, licensed=["p"],
                            certificates=certs)
    keys = [g.proposal_key for g in got]
    assert len(keys) == len(set(keys))
    distinct = {c for c, _ in done}
    assert {g.subject for g in got if g.kind == OutcomeKind.COURSE_COMPLETION} == distinct
    all_done = set(GOOGLE_IT) <= distinct
    creds = [g for g in got if g.kind == OutcomeKind.CREDENTIAL]
    assert bool(creds) == all_done
    if all_done:
        firsts = {c: min(d for cc, d in done if cc == c) for c in GOOGLE_IT}
        assert creds[0].achieved_on == date(2020, 10, max(firsts.values()))
    gains = [g for g in got if g.kind == OutcomeKind.SKILL_GAIN]
    assert bool(gains) == (state == "NY" and not all_done and bool(distinct & set(GOOGLE_IT)))
    closures = [g for g in got if g.kind == OutcomeKind.SERVICE_CLOSURE]
    assert len(closures) == (1 if all_done and in_progress == 0 else 0)


def test_cli_import_proposes_then_export_and_confirm(tmp_path: Path, capsys) -> None:
    from counselor_app.cli import main

    root = tmp_path / "cli"
    desk = make_desk(root, "ma")
    write_known_report(desk, tmp_path / "usage.csv")
    desk.close()
    base = ["--data-dir", str(root), "--agency", "ma"]
    assert main([*base, "import-progress", str(tmp_path / "usage.csv")]) == 0
    assert "outcome proposals are waiting for review" in capsys.readouterr().out
    assert main([*base, "outcomes", "list", "--status", "proposed"]) == 0
    listed = capsys.readouterr().out.splitlines()
    credential = next(line.split()[0] for line in listed if "Credential Attained" in line)
    assert main([*base, "outcomes", "accept", credential, "--date", "2020-10-07"]) == 0
    assert main([*base, "outcomes", "export", "--out", str(tmp_path / "moses.csv")]) == 0
    assert "1 accepted outcomes written" in capsys.readouterr().out
    assert outcome_ids_in_file(tmp_path / "moses.csv") == [credential]
    assert main([*base, "outcomes", "confirm", "--file", str(tmp_path / "moses.csv")]) == 0
    assert "1 marked as entered" in capsys.readouterr().out
    assert main([*base, "outcomes", "export", "--out", str(tmp_path / "empty.csv")]) == 0
    assert outcome_ids_in_file(tmp_path / "empty.csv") == []


def test_cli_report_shows_participants_and_outcomes_entered(tmp_path: Path, capsys) -> None:
    from counselor_app.cli import main

    root = tmp_path / "rep"
    desk = make_desk(root, "ny")
    write_known_report(desk, tmp_path / "usage.csv")
    import_and_propose(desk, tmp_path / "usage.csv")
    cred = next(r for r in list_outcomes(desk) if r.kind == OutcomeKind.CREDENTIAL)
    accept_outcome(desk, cred.id)
    confirm_entered(desk, [cred.id])
    desk.close()
    assert main(["--data-dir", str(root), "--agency", "ny", "report"]) == 0
    out = capsys.readouterr().out
    assert "0 WIOA participants, 4 reportable individuals" in out and "Outcomes for OSOS: 1 accepted, 1 entered" in out
    assert main(["--data-dir", str(root), "--agency", "ny", "report", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state_outcomes"]["entered"] == 1 and data["state_outcomes"]["reportable_individuals"] == 4


def test_a_state_with_no_shipped_file_works_from_its_data_file_alone(tmp_path: Path) -> None:
    folder = tmp_path / "profiles" / "outcomes"
    folder.mkdir(parents=True)
    (folder / "vt.json").write_text(json.dumps({
        "state": "VT", "system": "VJL", "source": "Vermont DOL (example)",
        "kinds": {"course_completion": {"counted": False},
                  "credential": {"label": "Credential", "code": "CRED", "source": "x"},
                  "skill_gain": {"counted": False},
                  "service_closure": {"label": "Closed", "code": "CLOSE", "when": ["program_ended"], "source": "x"}},
        "participants": {"enrolling_services": ["Objective Assessment"], "source": "x"}}), encoding="utf-8")
    rules = load_outcome_rules("VT", profile_id="vt", data_dir=tmp_path)
    assert rules.system == "VJL" and not rules.rule("course_completion").counted
    got = compute_proposals(rules, program_id="p", complete_by=date(2021, 1, 1), today=date(2021, 2, 1),
                            completions={"x": [_Completion(c, date(2020, 12, 1)) for c in GOOGLE_IT]},
                            in_progress={}, licensed=["x", "y"],
                            certificates=[("g", "Google IT", tuple(t.casefold() for t in GOOGLE_IT))])
    assert sorted((g.job_seeker_id, g.kind.value) for g in got) == [
        ("x", "credential"), ("x", "service_closure"), ("y", "service_closure")]
    with pytest.raises(Exception, match="no outcome rules"):
        load_outcome_rules("ZZ", profile_id="zz", data_dir=tmp_path)
