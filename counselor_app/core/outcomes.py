"""Outcomes for the state's case-management system: proposed from progress, confirmed by an administrator.

Why (NYSDOL TA 21-01, item 4 and "Tracking Customers in OSOS"; MassHire 100 DCS 14.355, Q&A 11): participant
data from the provider's reports is used "to enter outcomes" in OSOS/MOSES: course completions, "any credential
and/or skills gain", and the closure of services. The desk proposes these entries after each usage-report import;
nothing counts until a person accepts it.

Life of an outcome (``OutcomeStatus``)::

    proposed --accept--> accepted --confirm_entered--> entered
    proposed --reject(reason)--> rejected

- What each state calls an entry, its code, and which completions count as what are data:
  ``resources/outcomes/<state>.json`` (a deployment overrides keys with ``<data>/profiles/outcomes/<profile>.json``).
  A new state is a new data file. Each kind carries its ``source``.
- Proposals stay on this desk. An accepted outcome is a record: audited, pushed to the server as entity
  ``outcome`` (outbox row in the same transaction), shown in the person's history, counted in the reports.
- The id is a UUIDv5 of the proposal key (person, program, kind, course or certificate), so two desks that import
  the same report and accept the same outcome make one record on the server (the second push is a duplicate
  or a conflict, never a second count), and a desk that pulled the accepted record never proposes it again.
- The export (``export_outcomes``) writes the accepted outcomes not yet entered; they become ``entered`` only when
  the administrator confirms (``confirm_entered``) that the data entry is done.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from counselor_app.core.changes import append_change, record_audit
from counselor_app.core.errors import (
    CounselorDeskError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    CaseManagementService,
    JobSeeker,
    LearnerProgress,
    LicenseIssuance,
    OutcomeRecord,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.paths import resources_dir
from counselor_app.core.reports import require_supervisor, write_csv_atomic
from counselor_app.core.vocabulary import ChangeOp, LicenseStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.catalog.model import Catalog
    from counselor_app.core.desk import Desk

log = logging.getLogger(__name__)

ENTITY = "outcome"
# Fixed namespace for outcome ids (uuid5): the same proposal key gives the same id on every desk.
OUTCOME_NAMESPACE = uuid.UUID("6f1b2c1e-15a0-4c55-9d1e-0c0e5a7d1515")
# Licenses that went out to the provider (a pending approval never reached the learner).
_SENT = (LicenseStatus.ISSUED, LicenseStatus.REVOKED, LicenseStatus.INACTIVATED)


class OutcomeKind(StrEnum):
    COURSE_COMPLETION = "course_completion"
    CREDENTIAL = "credential"
    SKILL_GAIN = "skill_gain"
    SERVICE_CLOSURE = "service_closure"


class OutcomeStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ENTERED = "entered"


#: An outcome's review state as words inside a sentence ("This outcome is already accepted."), worded by the UI.
STATUS_WORDS: dict[str, Message] = {
    OutcomeStatus.PROPOSED: Message("outcome_state.proposed", "proposed"),
    OutcomeStatus.ACCEPTED: Message("outcome_state.accepted", "accepted"),
    OutcomeStatus.REJECTED: Message("outcome_state.rejected", "rejected"),
    OutcomeStatus.ENTERED: Message("outcome_state.entered", "entered in the state's system"),
}


class OutcomeRulesError(CounselorDeskError):
    pass


@dataclass(frozen=True, slots=True)
class KindRule:
    kind: OutcomeKind
    counted: bool
    label: str
    code: str
    source: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OutcomeRules:
    """One state's outcome vocabulary and rules (see ``resources/outcomes/*.json``)."""

    state: str
    system: str
    source: str
    kinds: dict[OutcomeKind, KindRule]
    enrolling_services: tuple[str, ...]
    participants_source: str
    export_columns: tuple[str, ...]
    date_format: str

    def rule(self, kind: OutcomeKind | str) -> KindRule:
        return self.kinds[OutcomeKind(kind)]


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def load_outcome_rules(state: str, *, profile_id: str | None = None, data_dir: Path | None = None) -> OutcomeRules:
    """Read ``resources/outcomes/<state>.json`` merged with the data folder's override.

    Raises ``OutcomeRulesError`` (with the file named) when the file is missing or malformed.
    """
    name = state.strip().lower()
    raw: dict[str, Any] = {}
    shipped = resources_dir() / "outcomes" / f"{name}.json"
    paths = [shipped]
    if data_dir is not None:
        paths.append(data_dir / "profiles" / "outcomes" / f"{profile_id or name}.json")
    for path in paths:
        if path.exists():
            try:
                raw = _merge(raw, json.loads(path.read_text(encoding="utf-8")))
            except ValueError as exc:
                raise OutcomeRulesError(Message(
                        "outcomes.outcome_rules_valid",
                        "The outcome rules {name} are not valid JSON ({exc}).", name=path.name, exc=str(exc))) from None
    if not raw:
        raise OutcomeRulesError(Message(
                "outcomes.there_outcome_rules",
                "There are no outcome rules for the state '{state}' (expected "
                "resources/outcomes/{name}.json).", state=state, name=name))
    try:
        kinds: dict[OutcomeKind, KindRule] = {}
        for kind in OutcomeKind:
            spec = dict(raw["kinds"].get(kind.value, {"counted": False, "source": ""}))
            counted = bool(spec.pop("counted", True))
            label = str(spec.pop("label", "")) if counted else str(spec.pop("label", kind.value))
            code = str(spec.pop("code", "")) if counted else str(spec.pop("code", ""))
            if counted and not (label and code):
                raise OutcomeRulesError(Message(
                        "outcomes.outcome_rules_need",
                        "The outcome rules for {state} need a label and a code for {value}.", state=state, value=kind.value))
            kinds[kind] = KindRule(kind, counted, label, code, str(spec.pop("source", "")), spec)
        part = raw.get("participants", {})
        export = raw.get("export", {})
        return OutcomeRules(
            state=str(raw["state"]), system=str(raw["system"]), source=str(raw.get("source", "")), kinds=kinds,
            enrolling_services=tuple(str(s) for s in part.get("enrolling_services", ())),
            participants_source=str(part.get("source", "")),
            export_columns=tuple(export.get("columns", ("Customer ID", "Last Name", "First Name", "Entry", "Code",
                                                        "Course or Credential", "Date", "Desk Outcome ID"))),
            date_format=str(export.get("date_format", "%Y-%m-%d")))
    except (KeyError, TypeError, AttributeError) as exc:
        raise OutcomeRulesError(Message(
                "outcomes.outcome_rules_missing",
                "The outcome rules for {state} are missing or have a wrong field ({exc}).", state=state, exc=str(exc))) from None


def rules_for(desk: Desk) -> OutcomeRules:
    return load_outcome_rules(desk.profile.state, profile_id=desk.profile.id, data_dir=desk.paths.root)


def title_key(title: str) -> str:
    """Course titles compared the way the provider's reports spell them (case, quotes, dashes, spaces)."""
    text = unicodedata.normalize("NFKC", title).casefold().replace("’", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


def outcome_id(proposal_key: str) -> str:
    return str(uuid.uuid5(OUTCOME_NAMESPACE, proposal_key))


# -- proposing ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proposal:
    proposal_key: str
    job_seeker_id: str
    kind: OutcomeKind
    subject: str
    achieved_on: date
    evidence: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ProposalResult:
    proposed: int
    already_known: int
    by_kind: dict[str, int]
    people: int
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


@dataclass(frozen=True, slots=True)
class _Completion:
    course: str
    on: date


def _certificates(catalog: Catalog | None, *, only_free: bool) -> list[tuple[str, str, tuple[str, ...]]]:
    """(certificate id, title, course title keys) for certificates whose course list is complete."""
    if catalog is None:
        from counselor_app.core.catalog import load_default_catalog

        catalog = load_default_catalog()
    out = []
    for cert in catalog.certificates:
        if not cert.courses_complete or (only_free and not cert.free_credential):
            continue
        titles = []
        for cid in cert.course_ids:
            course = catalog.course(cid)
            if course is None:
                break
            titles.append(title_key(course.title))
        else:
            if titles:
                out.append((cert.id, cert.title, tuple(titles)))
    return out


def compute_proposals(rules: OutcomeRules, *, program_id: str, complete_by: date, today: date,
                      completions: dict[str, list[_Completion]], in_progress: dict[str, int],
                      licensed: Iterable[str], certificates: Sequence[tuple[str, str, tuple[str, ...]]]
                      ) -> list[Proposal]:
    """The pure part: what each licensed person's completions mean under ``rules``. No database."""
    out: list[Proposal] = []
    for jsid in licensed:
        done = completions.get(jsid, [])
        by_title: dict[str, _Completion] = {}
        for c in done:
            key = title_key(c.course)
            if key not in by_title or c.on < by_title[key].on:
                by_title[key] = c
        if rules.rule(OutcomeKind.COURSE_COMPLETION).counted:
            for key, c in sorted(by_title.items()):
                out.append(Proposal(f"{jsid}|{program_id}|course_completion|{key}", jsid,
                                    OutcomeKind.COURSE_COMPLETION, c.course, c.on, {"course": c.course}))
        credential_dates: list[date] = []
        cred_rule, gain_rule = rules.rule(OutcomeKind.CREDENTIAL), rules.rule(OutcomeKind.SKILL_GAIN)
        for cert_id, cert_title, course_keys in certificates:
            finished = [by_title[k] for k in course_keys if k in by_title]
            if len(finished) == len(course_keys):
                on = max(c.on for c in finished)
                credential_dates.append(on)
                if cred_rule.counted:
                    out.append(Proposal(f"{jsid}|{program_id}|credential|{cert_id}", jsid, OutcomeKind.CREDENTIAL,
                                        cert_title, on, {"certificate_id": cert_id,
                                                         "courses": [c.course for c in finished]}))
            elif gain_rule.counted and len(finished) >= int(gain_rule.options.get("min_certificate_courses_completed",
                                                                                    1)):
                need = int(gain_rule.options.get("min_certificate_courses_completed", 1))
                on = sorted(c.on for c in finished)[need - 1]
                out.append(Proposal(f"{jsid}|{program_id}|skill_gain|{cert_id}", jsid, OutcomeKind.SKILL_GAIN,
                                    cert_title, on, {"certificate_id": cert_id,
                                                     "courses": [c.course for c in finished],
                                                     "of": len(course_keys)}))
        closure = rules.rule(OutcomeKind.SERVICE_CLOSURE)
        if closure.counted:
            when = closure.options.get("when", ["program_ended"])
            closed_on: date | None = None
            why = ""
            if "credential_earned" in when and credential_dates and not in_progress.get(jsid):
                closed_on, why = max(credential_dates), "credential_earned"
            elif "program_ended" in when and today > complete_by:
                closed_on, why = complete_by, "program_ended"
            if closed_on is not None:
                out.append(Proposal(f"{jsid}|{program_id}|service_closure", jsid, OutcomeKind.SERVICE_CLOSURE,
                                    "", closed_on, {"why": why}))
    return out


@returns_changes
def propose_outcomes(desk: Desk, *, catalog: Catalog | None = None, today: date | None = None) -> ProposalResult:
    """Add the proposals the desk's progress now supports; run after each usage-report import.

    Known proposals (in any status, including ones pulled from the server) are left as they are: a rejected one is
    not proposed again, an accepted one is not duplicated. Supervisors and administrators only.
    """
    require_supervisor(desk, what=Message("supervisor_only.propose_outcomes", "propose outcomes from learner progress"))
    rules = rules_for(desk)
    program = desk.profile.program
    today = today or desk.licenses.today()
    only_free = bool(rules.rule(OutcomeKind.CREDENTIAL).options.get("only_free_credentials", True))
    certificates = _certificates(catalog, only_free=only_free)
    with desk.store.write() as session:
        note_changes(OpChanges(outcomes=True))
        licensed = sorted(set(session.scalars(select(LicenseIssuance.job_seeker_id).where(
            LicenseIssuance.program_id == program.id, LicenseIssuance.status.in_(_SENT)))))
        completions: dict[str, list[_Completion]] = {}
        in_progress: dict[str, int] = {}
        p = LearnerProgress
        for jsid, course, completed, when, enrolled in session.execute(
                select(p.job_seeker_id, p.course_name, p.completed, p.completion_time, p.enrollment_time)
                .where(p.matched.is_(True), p.job_seeker_id.is_not(None))):
            if jsid is None:
                continue
            if completed:
                on = (when or enrolled or utcnow()).date()
                completions.setdefault(jsid, []).append(_Completion(course, on))
            else:
                in_progress[jsid] = in_progress.get(jsid, 0) + 1
        proposals = compute_proposals(rules, program_id=program.id, complete_by=program.complete_by, today=today,
                                      completions=completions, in_progress=in_progress, licensed=licensed,
                                      certificates=certificates)
        known = set(session.scalars(select(OutcomeRecord.proposal_key)))
        known_ids = set(session.scalars(select(OutcomeRecord.id)))
        now = utcnow()
        by_kind: dict[str, int] = {}
        people: set[str] = set()
        added = 0
        for prop in proposals:
            oid = outcome_id(prop.proposal_key)
            if prop.proposal_key in known or oid in known_ids:
                continue
            rule = rules.rule(prop.kind)
            session.add(OutcomeRecord(
                id=oid, version=1, proposal_key=prop.proposal_key, job_seeker_id=prop.job_seeker_id,
                program_id=program.id, state=rules.state, system=rules.system, kind=prop.kind.value,
                code=rule.code, label=rule.label, subject=prop.subject[:300], achieved_on=prop.achieved_on,
                status=OutcomeStatus.PROPOSED.value, evidence=prop.evidence, proposed_at=now, updated_at=now))
            known.add(prop.proposal_key)
            by_kind[prop.kind.value] = by_kind.get(prop.kind.value, 0) + 1
            people.add(prop.job_seeker_id)
            added += 1
        if added:
            record_audit(session, desk.actor, "outcomes_proposed", entity=ENTITY,
                         detail={"proposed": added, "by_kind": by_kind, "people": len(people)})
    return ProposalResult(proposed=added, already_known=len(proposals) - added, by_kind=by_kind,
                          people=len(people))


def propose_after_import(desk: Desk) -> ProposalResult | None:
    """The proposal step as the import paths run it: a state without outcome rules (no data file yet) gets no
    proposals instead of a failed import, since the import itself has already been committed."""
    try:
        return propose_outcomes(desk)
    except OutcomeRulesError:
        log.warning("no outcome rules for state %s: no proposals made", desk.profile.state)
        return None


def import_and_propose(desk: Desk, path: str | Path, **kwargs: Any) -> tuple[Any, ProposalResult]:
    """The usage-report import (``core/progress_import.import_usage_report``, unchanged) followed by the proposal
    step, as the CLI and the reports page run them."""
    from counselor_app.core.progress_import import import_usage_report

    result = import_usage_report(desk, path, **kwargs)
    return result, propose_outcomes(desk)


# -- reviewing ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One line of the review list (typed values; the UI picks the words)."""

    id: str
    job_seeker_id: str
    full_name: str
    agency_customer_id: str | None
    kind: OutcomeKind
    label: str
    code: str
    subject: str
    achieved_on: date
    status: OutcomeStatus
    reject_reason: str | None
    entered_at: datetime | None
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


def list_outcomes(desk: Desk, *, statuses: Sequence[OutcomeStatus | str] | None = None,
                  job_seeker_id: str | None = None, limit: int = 5000) -> list[OutcomeRow]:
    """Outcomes with the person's name, newest achievement first. Names people, so supervisors only."""
    require_supervisor(desk, what=Message("supervisor_only.review_outcomes", "review outcomes (they name job seekers)"))
    o = OutcomeRecord
    stmt = (select(o.id, o.job_seeker_id, JobSeeker.first_name, JobSeeker.last_name, JobSeeker.agency_customer_id,
                   o.kind, o.label, o.code, o.subject, o.achieved_on, o.status, o.reject_reason, o.entered_at)
            .join(JobSeeker, JobSeeker.id == o.job_seeker_id)
            .order_by(JobSeeker.last_name, JobSeeker.first_name, o.kind, o.subject).limit(limit))
    if statuses:
        stmt = stmt.where(o.status.in_([OutcomeStatus(s).value for s in statuses]))
    if job_seeker_id:
        stmt = stmt.where(o.job_seeker_id == job_seeker_id)
    with desk.store.read() as session:
        return [OutcomeRow(r[0], r[1], f"{r[2]} {r[3]}".strip(), r[4], OutcomeKind(r[5]), r[6], r[7], r[8], r[9],
                           OutcomeStatus(r[10]), r[11], r[12]) for r in session.execute(stmt)]


def _require_admin(desk: Desk) -> None:
    if not desk.actor.is_administrator:
        raise PermissionDeniedError(Message(
                "outcomes.program_administrator_review",
                "Only a program administrator can review outcomes for the state's system."))


def _payload(rec: OutcomeRecord) -> dict[str, Any]:
    # The content of the outcome only: who reviewed it and when stays in the audit trail, so two desks that
    # accept the same outcome send equal payloads and the server keeps one record.
    return {"id": rec.id, "version": rec.version, "job_seeker_id": rec.job_seeker_id,
            "program_id": rec.program_id, "proposal_key": rec.proposal_key, "state": rec.state,
            "system": rec.system, "kind": rec.kind, "code": rec.code, "label": rec.label, "subject": rec.subject,
            "achieved_on": rec.achieved_on, "status": rec.status, "evidence": rec.evidence}


def _clean_edits(achieved_on: date | None, subject: str | None, *, today: date) -> dict[str, Any]:
    edits: dict[str, Any] = {}
    if achieved_on is not None:
        if achieved_on > today:
            raise ValidationError({"achieved_on": Message(
                    "outcomes.date_outcome_future",
                    "The date of an outcome cannot be in the future.")})
        edits["achieved_on"] = achieved_on
    if subject is not None:
        text = " ".join(subject.split())
        if len(text) > 300:
            raise ValidationError({"subject": Message(
                    "outcomes.course_credential_name",
                    "The course or credential name is too long (300 characters).")})
        edits["subject"] = text
    return edits


@contextmanager
def _reviewing(desk: Desk, outcome_id_: str, allowed: tuple[OutcomeStatus, ...],
               refused: Callable[[str], Message]) -> Iterator[tuple[Session, OutcomeRecord]]:
    """The review's one transaction, on an outcome whose status allows it (``refused(status)`` says why not)."""
    with desk.store.write() as session:
        note_changes(OpChanges(outcomes=True))
        rec = session.get(OutcomeRecord, outcome_id_)
        if rec is None:
            raise NotFoundError(Message("outcomes.outcome_local_records",
                                        "This outcome is not in the local records."))
        if rec.status not in allowed:
            raise ValidationError({"status": refused(rec.status)})
        yield session, rec


@returns_changes
def accept_outcome(desk: Desk, outcome_id_: str, *, achieved_on: date | None = None,
                   subject: str | None = None) -> OutcomeRow:
    """Accept a proposal (optionally corrected first): it becomes a record, pushed to the server. Administrators."""
    _require_admin(desk)
    edits = _clean_edits(achieved_on, subject, today=desk.licenses.today())
    with _reviewing(desk, outcome_id_, (OutcomeStatus.PROPOSED,), lambda status: Message(
            "outcomes.outcome_already", "This outcome is already {status}.",
            status=STATUS_WORDS.get(status, status))) as (session, rec):
        for key, value in edits.items():
            setattr(rec, key, value)
        rec.status = OutcomeStatus.ACCEPTED.value
        rec.reviewed_at = rec.updated_at = utcnow()
        rec.reviewed_by = desk.actor.user_id
        session.flush()
        append_change(session, entity=ENTITY, entity_id=rec.id, op=ChangeOp.CREATE, payload=_payload(rec))
        record_audit(session, desk.actor, "outcome_accept", entity=ENTITY, entity_id=rec.id,
                     detail={"kind": rec.kind, "edited": sorted(edits)})
    return _row(desk, outcome_id_)


@returns_changes
def edit_outcome(desk: Desk, outcome_id_: str, *, achieved_on: date | None = None,
                 subject: str | None = None) -> OutcomeRow:
    """Correct a proposed or accepted (not yet entered) outcome; an accepted one sends the change to the server."""
    _require_admin(desk)
    edits = _clean_edits(achieved_on, subject, today=desk.licenses.today())
    with _reviewing(desk, outcome_id_, (OutcomeStatus.PROPOSED, OutcomeStatus.ACCEPTED), lambda status: Message(
            "outcomes.outcome_changed", "An outcome that is {status} cannot be changed.", status=STATUS_WORDS.get(status, status))) \
            as (session, rec):
        changed = {k: v for k, v in edits.items() if getattr(rec, k) != v}
        if changed:
            for key, value in changed.items():
                setattr(rec, key, value)
            rec.updated_at = utcnow()
            if rec.status == OutcomeStatus.ACCEPTED:
                base = rec.version
                rec.version = base + 1
                session.flush()
                append_change(session, entity=ENTITY, entity_id=rec.id, op=ChangeOp.UPDATE,
                              payload=dict(changed, version=rec.version), base_version=base)
            record_audit(session, desk.actor, "outcome_edit", entity=ENTITY, entity_id=rec.id,
                         detail={"fields": sorted(changed)})
    return _row(desk, outcome_id_)


@returns_changes
def reject_outcome(desk: Desk, outcome_id_: str, *, reason: str) -> OutcomeRow:
    """Reject a proposal, with the reason kept; it is not proposed again. Stays on this desk."""
    _require_admin(desk)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": Message(
                "outcomes.give_reason_rejecting",
                "Give the reason for rejecting this outcome; it is kept in the record.")})
    with _reviewing(desk, outcome_id_, (OutcomeStatus.PROPOSED,), lambda status: Message(
            "outcomes.proposed_outcome_rejected", "Only a proposed outcome can be rejected; this one is {status}.",
            status=STATUS_WORDS.get(status, status))) as (session, rec):
        rec.status = OutcomeStatus.REJECTED.value
        rec.reject_reason = reason[:1000]
        rec.reviewed_at = rec.updated_at = utcnow()
        rec.reviewed_by = desk.actor.user_id
        record_audit(session, desk.actor, "outcome_reject", entity=ENTITY, entity_id=rec.id,
                     detail={"kind": rec.kind})
    return _row(desk, outcome_id_)


def _row(desk: Desk, oid: str) -> OutcomeRow:
    with desk.store.read() as session:
        rec = session.get(OutcomeRecord, oid)
        js = session.get(JobSeeker, rec.job_seeker_id) if rec else None
        if rec is None or js is None:
            raise NotFoundError(Message(
                    "outcomes.outcome_local_records",
                    "This outcome is not in the local records."))
        return OutcomeRow(rec.id, rec.job_seeker_id, js.full_name, js.agency_customer_id, OutcomeKind(rec.kind),
                          rec.label, rec.code, rec.subject, rec.achieved_on, OutcomeStatus(rec.status),
                          rec.reject_reason, rec.entered_at)


# -- the state export --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutcomeExport:
    path: Path
    state: str
    outcome_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.outcome_ids)


def export_outcomes(desk: Desk, path: str | Path) -> OutcomeExport:
    """Write the data-entry sheet (CSV, the state's column names) of accepted outcomes not yet entered.

    Nothing is marked: the administrator enters them in MOSES/OSOS, then calls ``confirm_entered`` (with the file
    or the ids). The last column is the desk's outcome id, so the file itself can be confirmed. Administrators.
    """
    _require_admin(desk)
    rules = rules_for(desk)
    o = OutcomeRecord
    with desk.store.read() as session:
        rows = session.execute(
            select(o.id, JobSeeker.agency_customer_id, JobSeeker.last_name, JobSeeker.first_name, o.label, o.code,
                   o.subject, o.achieved_on)
            .join(JobSeeker, JobSeeker.id == o.job_seeker_id)
            .where(o.status == OutcomeStatus.ACCEPTED.value, o.state == rules.state)
            .order_by(JobSeeker.last_name, JobSeeker.first_name, o.achieved_on, o.kind)).all()
    out_rows = [(acid or "", last, first, label, code, subject, on.strftime(rules.date_format), oid)
                for oid, acid, last, first, label, code, subject, on in rows]
    target = Path(path)
    write_csv_atomic(target, rules.export_columns, out_rows, bom=True)
    desk.audit("outcomes_export", entity=ENTITY, detail={"state": rules.state, "rows": len(out_rows),
                                                         "file_name": target.name})
    return OutcomeExport(target, rules.state, tuple(r[-1] for r in out_rows))


def outcome_ids_in_file(path: str | Path) -> list[str]:
    """The desk outcome ids in an exported sheet (its last column)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        return [row[-1].strip() for row in reader if row and row[-1].strip()]


@dataclass(frozen=True, slots=True)
class EnteredResult:
    entered: int
    already_entered: int
    not_accepted: int
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


@returns_changes
def confirm_entered(desk: Desk, outcome_ids: Iterable[str]) -> EnteredResult:
    """The administrator says these outcomes are now in the state's system. Each becomes ``entered`` (pushed)."""
    _require_admin(desk)
    entered = already = not_accepted = 0
    now = utcnow()
    with desk.store.write() as session:
        note_changes(OpChanges(outcomes=True))
        for oid in dict.fromkeys(outcome_ids):
            rec = session.get(OutcomeRecord, oid)
            if rec is None or rec.status in (OutcomeStatus.PROPOSED, OutcomeStatus.REJECTED):
                not_accepted += 1
                continue
            if rec.status == OutcomeStatus.ENTERED:
                already += 1
                continue
            base = rec.version
            rec.status = OutcomeStatus.ENTERED.value
            rec.entered_at = rec.updated_at = now
            rec.entered_by = desk.actor.user_id
            rec.version = base + 1
            session.flush()
            append_change(session, entity=ENTITY, entity_id=rec.id, op=ChangeOp.UPDATE,
                          payload={"status": rec.status, "entered_at": now, "version": rec.version},
                          base_version=base)
            entered += 1
        record_audit(session, desk.actor, "outcomes_entered", entity=ENTITY,
                     detail={"entered": entered, "already_entered": already, "not_accepted": not_accepted})
    return EnteredResult(entered, already, not_accepted)


# -- figures -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StateOutcomeFigures:
    """Per TA 21-01 / 20 CFR 677.150: licensed people split into participants (received an enrolling service)
    and reportable individuals (the rest), and outcomes by kind and status (each outcome counted once)."""

    licensed: int
    participants: int
    reportable_individuals: int
    by_kind: dict[str, dict[str, int]]
    people_with_credential: int
    enrolling_services: tuple[str, ...]
    source: str

    def count(self, kind: str, status: str) -> int:
        return self.by_kind.get(kind, {}).get(status, 0)

    @property
    def entered(self) -> int:
        return sum(v.get(OutcomeStatus.ENTERED.value, 0) for v in self.by_kind.values())

    @property
    def accepted(self) -> int:
        """Accepted, including those since entered."""
        return sum(v.get(OutcomeStatus.ACCEPTED.value, 0) + v.get(OutcomeStatus.ENTERED.value, 0)
                   for v in self.by_kind.values())


def outcome_figures(desk: Desk) -> StateOutcomeFigures:
    rules = rules_for(desk)
    program = desk.profile.program
    with desk.store.read() as session:
        licensed = set(session.scalars(select(LicenseIssuance.job_seeker_id).where(
            LicenseIssuance.program_id == program.id, LicenseIssuance.status.in_(_SENT))))
        enrolled: set[str] = set()
        if rules.enrolling_services:
            wanted = [s.casefold() for s in rules.enrolling_services]
            enrolled = set(session.scalars(select(CaseManagementService.job_seeker_id).where(
                func.lower(CaseManagementService.service_label).in_(wanted))))
        by_kind: dict[str, dict[str, int]] = {}
        for kind, status, n in session.execute(select(OutcomeRecord.kind, OutcomeRecord.status, func.count())
                                               .where(OutcomeRecord.program_id == program.id)
                                               .group_by(OutcomeRecord.kind, OutcomeRecord.status)):
            by_kind.setdefault(kind, {})[status] = int(n)
        credentialed = int(session.scalar(select(func.count(func.distinct(OutcomeRecord.job_seeker_id))).where(
            OutcomeRecord.program_id == program.id, OutcomeRecord.kind == OutcomeKind.CREDENTIAL.value,
            OutcomeRecord.status.in_((OutcomeStatus.ACCEPTED.value, OutcomeStatus.ENTERED.value)))) or 0)
    participants = len(licensed & enrolled)
    return StateOutcomeFigures(licensed=len(licensed), participants=participants,
                          reportable_individuals=len(licensed) - participants, by_kind=by_kind,
                          people_with_credential=credentialed, enrolling_services=rules.enrolling_services,
                          source=rules.participants_source)
