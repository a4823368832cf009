"""Registering, editing, finding and de-duplicating job seekers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, text

from counselor_app.core import validation as v
from counselor_app.core.changes import Actor, append_change, record_audit, record_payload
from counselor_app.core.errors import (
    ConcurrentEditError,
    DuplicateJobSeekerWarning,
    NotFoundError,
    ValidationError,
)
from counselor_app.core.messages import Message, message_of
from counselor_app.core.models import (
    Appointment,
    EligibilityAttestation,
    JobSeeker,
    LearnerProgress,
    LearningPlanRecord,
    LicenseIssuance,
    OutcomeRecord,
    ReminderSend,
    utcnow,
)
from counselor_app.core.name_keys import PREFIX_LETTERS, fold_query_prefix
from counselor_app.core.op_changes import Saved, returns_changes
from counselor_app.core.vocabulary import ChangeOp, Entity

if TYPE_CHECKING:
    from counselor_app.core.db import Store

# Form fields a counselor can fill in, with the label used in messages.
FIELD_LABELS: dict[str, str] = {  # Messages ("field.<name>"), so the UI can word "Enter the {field}." in Spanish
    key: Message(f"field.{key}", label) for key, label in {
        "first_name": "first name", "last_name": "last name", "email": "e-mail address", "phone": "phone number",
        "zip_code": "ZIP code", "birth_date": "date of birth", "preferred_language": "preferred language",
        "education": "education", "last_occupation_soc": "last occupation", "last_occupation_title": "last job title",
        "goal_soc": "goal occupation", "interests": "interests", "employment_status": "employment status",
        "unemployment_cause": "cause of unemployment", "ui_claimant": "UI claimant",
        "return_to_work_date": "return-to-work date", "digital_skill": "digital skills",
        "weekly_hours": "hours available each week", "barriers": "barriers",
        "consent_to_contact": "consent to contact", "agency_customer_id": "agency customer id",
        "prefers_text": "prefers text messages",
    }.items()
}
# One name is enough: many people have a single name (Sukarni), and the form must register them as they are.
REQUIRED = ("first_name",)
MAX_INTEREST_CHARS = 200
MAX_INTERESTS = 20
# Search results are ranked by relevance when a query matches at most this many people.
RANK_AT_MOST = 500
# The duplicate check compares names with the people whose first or last name starts with these many same letters.
NAME_BLOCK_LETTERS = PREFIX_LETTERS
# People born the same year, or living in the same ZIP, read per name prefix by the duplicate check (issue 18):
# bounds a registration's work at a million job seekers; those born the same day are always read.
NAME_CANDIDATES = 2000
# Possible duplicates shown to the counselor before a registration.
MAX_DUPLICATES_SHOWN = 10


@dataclass(frozen=True, slots=True)
class JobSeekerRow:
    """One line of the search list: only what the list shows."""

    id: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    agency_customer_id: str | None
    zip_code: str | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: str
    display_name: str
    email: str | None
    phone: str | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JobSeekerHistory:
    appointments: list[Appointment] = field(default_factory=list)
    attestations: list[EligibilityAttestation] = field(default_factory=list)
    licenses: list[LicenseIssuance] = field(default_factory=list)
    plans: list[LearningPlanRecord] = field(default_factory=list)
    progress: list[LearnerProgress] = field(default_factory=list)
    outcomes: list[Any] = field(default_factory=list)  # OutcomeRecord (issue 15)
    reminders: list[Any] = field(default_factory=list)  # ReminderSend (issue 15)


def clean_job_seeker(data: Mapping[str, Any], *, today: date, partial: bool = False) -> dict[str, Any]:
    """Validate a form's worth of values; all problems are reported at once, nothing is written."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    unknown = [k for k in data if k not in FIELD_LABELS]
    for key in unknown:
        errors[key] = Message("field.unknown", "'{name}' is not a job-seeker field.", name=key)

    def blank(value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    for key in FIELD_LABELS:
        if key not in data:
            if not partial and key in REQUIRED:
                errors[key] = Message("field.missing", "Enter the {field}.", field=FIELD_LABELS[key])
            elif not partial and key == "last_name":
                out[key] = ""  # a person with one name, registered without the field at all
            continue
        value = data[key]
        try:
            if key == "last_name" and blank(value):
                out[key] = ""  # a person with one name
            elif key in ("first_name", "last_name"):
                out[key] = v.normalize_name(value, field_label=FIELD_LABELS[key])
            elif blank(value) and key not in ("interests", "barriers", "consent_to_contact", "prefers_text"):
                out[key] = None
            elif key == "email":
                out[key] = v.normalize_email(value)
            elif key == "phone":
                out[key] = v.normalize_us_phone(value)
            elif key == "zip_code":
                out[key] = v.normalize_zip(value)
            elif key == "birth_date":
                out[key] = v.normalize_birth_date(value, today=today)
            elif key == "return_to_work_date":
                out[key] = v.parse_date(value, field_label=FIELD_LABELS[key])
            elif key in ("last_occupation_soc", "goal_soc"):
                out[key] = v.normalize_soc(value)
            elif key == "preferred_language":
                if value not in v.LANGUAGES:
                    raise ValueError(Message("language.unknown", "Choose a preferred language from the list."))
                out[key] = value
            elif key == "education":
                if value not in v.EDUCATION_LEVELS:
                    raise ValueError(Message("education.unknown", "Choose the highest education from the list."))
                out[key] = value
            elif key == "employment_status":
                if value not in v.EMPLOYMENT_STATUSES:
                    raise ValueError(Message(
                        "employment_status.unknown", "Choose an employment status from the list."))
                out[key] = value
            elif key == "unemployment_cause":
                if value not in v.UNEMPLOYMENT_CAUSES:
                    raise ValueError(Message(
                        "unemployment_cause.unknown", "Choose a cause of unemployment from the list."))
                out[key] = value
            elif key == "digital_skill":
                level = int(value)
                if not 1 <= level <= 4:
                    raise ValueError(Message(
                        "digital_skill.range", "Digital skills are rated from 1 (new to computers) to 4 (very "
                        "comfortable)."))
                out[key] = level
            elif key == "weekly_hours":
                hours = float(value)
                if not 0 < hours <= 80:
                    raise ValueError(Message(
                        "weekly_hours.range", "Hours available each week must be more than 0 and at most 80."))
                out[key] = hours
            elif key in ("interests", "barriers"):
                items = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
                items = [str(i).strip() for i in items if str(i).strip()]
                if key == "interests" and any(len(i) > MAX_INTEREST_CHARS for i in items):
                    # The agency server refuses longer ones (sync.payloads): one rule on both sides.
                    raise ValueError(f"Each interest can be at most {MAX_INTEREST_CHARS} characters.")
                if key == "barriers":
                    bad = [i for i in items if i not in v.BARRIERS]
                    if bad:
                        raise ValueError(Message(
                            "barrier.unknown", "Unknown barrier: {names}.", names=", ".join(bad)))
                out[key] = sorted(set(items)) if key == "barriers" else items[:MAX_INTERESTS]
            elif key in ("ui_claimant", "consent_to_contact", "prefers_text"):
                if not isinstance(value, bool):
                    raise ValueError(Message("yes_no.required", "Answer yes or no."))
                out[key] = value
            elif key == "agency_customer_id":
                ident = str(value).strip()
                if not re.fullmatch(r"[A-Za-z0-9-]{1,40}", ident):
                    raise ValueError(Message(
                        "agency_id.characters", "The agency customer id may hold only letters, digits and hyphens."))
                out[key] = ident
            else:  # last_occupation_title
                out[key] = " ".join(str(value).split())[:200]
        except (ValueError, TypeError) as exc:
            # Only our own sentences reach a person; Python's ("invalid literal for int()...") never do.
            msg = message_of(exc)
            if not isinstance(msg, Message):
                msg = Message("field.invalid", "The {field} is not valid.", field=FIELD_LABELS[key])
            errors[key] = msg
    if errors:
        raise ValidationError(errors)
    return out


def _fts_query(raw: str) -> str | None:
    """Turn what the counselor typed into an FTS5 prefix query (every word must match)."""
    text_in = v.normalize_digits(raw).strip()
    if not text_in:
        return None
    letters = any(ch.isalpha() for ch in text_in)
    digits = re.sub(r"\D", "", text_in)
    if not letters and len(digits) >= 3:
        return f'"{digits}"*'
    tokens = [t for t in re.split(r"[^\w]+", text_in, flags=re.UNICODE) if t]
    if not tokens:
        return None
    return " AND ".join(f'"{t}"*' for t in tokens[:8])


def _fts_tokens(raw: str) -> list[str]:
    """Words as the FTS tokenizer (unicode61) splits them: letters and digits only."""
    return [t for t in re.split(r"[\W_]+", raw, flags=re.UNICODE) if t]


def _name_prefixes(first: str, last: str) -> list[str]:
    """The first letters of each name's first word (and of the last name's last word)."""
    words = _fts_tokens(first)[:1] + _fts_tokens(last)[:1] + _fts_tokens(last)[-1:]
    return sorted({w[:NAME_BLOCK_LETTERS] for w in words})


def _fts_rowids(match: str, param: str) -> Any:
    return text(f"job_seeker.rowid IN (SELECT rowid FROM job_seeker_fts WHERE job_seeker_fts MATCH :{param})"
                ).bindparams(**{param: match})


class JobSeekerService:
    def __init__(self, store: Store, actor: Actor, *, today: date | None = None,
                 zone: Callable[[], str | None] | None = None) -> None:
        self._store = store
        self._actor = actor
        self._today = today
        self._zone = zone  # the center's time zone, read when asked

    def today(self) -> date:
        """The center's day (``core.center_clock``), unless fixed for a test or a demo."""
        from counselor_app.core.center_clock import center_today

        return self._today or center_today(self._zone() if self._zone else None)

    # -- reading -----------------------------------------------------------------------------------------
    def get(self, job_seeker_id: str) -> JobSeeker:
        with self._store.read() as session:
            seeker = session.get(JobSeeker, job_seeker_id)
            if seeker is None:
                raise NotFoundError(Message(
                        "job_seekers.job_seeker_local",
                        "This job seeker is not in the local records."))
            session.expunge(seeker)
            return seeker

    def count(self) -> int:
        with self._store.read() as session:
            return int(session.scalar(select(func.count()).select_from(JobSeeker)) or 0)

    def search(self, query: str, *, limit: int = 200) -> list[JobSeekerRow]:
        """Prefix search over names, e-mail, phone and agency id, ranked when the query is specific enough to be
        worth it; an empty query lists recent ones."""
        fts = _fts_query(query)
        columns = ("SELECT js.id, js.first_name, js.last_name, js.email, js.phone, js.agency_customer_id, "
                   "js.zip_code FROM ")
        rows: Sequence[Any]
        with self._store.read() as session:
            if fts is None:
                rows = session.execute(
                    select(JobSeeker.id, JobSeeker.first_name, JobSeeker.last_name, JobSeeker.email,
                           JobSeeker.phone, JobSeeker.agency_customer_id, JobSeeker.zip_code)
                    .order_by(JobSeeker.updated_at.desc()).limit(limit)).all()
                return [JobSeekerRow(*row) for row in rows]
            # bm25 ranking costs about a microsecond per match: sorting tens of thousands of matches on every
            # keystroke ("ma", "617", "MA10" over 100,000 people) stalls typing for no useful order. So a query
            # of one or two letters, or one that matches more than RANK_AT_MOST people, lists the newest first
            # (free in FTS5); a narrower query is ranked.
            if len(query.strip()) < 3:
                rows = session.execute(text(
                    columns + "job_seeker_fts JOIN job_seeker js ON js.rowid = job_seeker_fts.rowid "
                    "WHERE job_seeker_fts MATCH :q ORDER BY job_seeker_fts.rowid DESC LIMIT :n"),
                    {"q": fts, "n": limit}).all()
                return [JobSeekerRow(*row) for row in rows]
            newest = list(session.execute(text(
                "SELECT rowid FROM job_seeker_fts WHERE job_seeker_fts MATCH :q ORDER BY rowid DESC LIMIT :cap"),
                {"q": fts, "cap": RANK_AT_MOST + 1}).scalars())
            if len(newest) > RANK_AT_MOST:
                wanted = newest[:limit]
                by_rowid = {row[0]: row[1:] for row in session.execute(
                    text(columns.replace("SELECT ", "SELECT js.rowid, ", 1) + "job_seeker js WHERE js.rowid IN :ids")
                    .bindparams(bindparam("ids", expanding=True)), {"ids": wanted})}
                rows = [by_rowid[r] for r in wanted if r in by_rowid]
            elif newest:
                rows = session.execute(text(
                    columns + "job_seeker_fts JOIN job_seeker js ON js.rowid = job_seeker_fts.rowid "
                    "WHERE job_seeker_fts MATCH :q ORDER BY job_seeker_fts.rank LIMIT :n"),
                    {"q": fts, "n": limit}).all()
            else:
                rows = []
        return [JobSeekerRow(*row) for row in rows]

    def history(self, job_seeker_id: str) -> JobSeekerHistory:
        with self._store.write() as session:
            if session.get(JobSeeker, job_seeker_id) is None:
                raise NotFoundError(Message(
                        "job_seekers.job_seeker_local",
                        "This job seeker is not in the local records."))
            result = JobSeekerHistory(
                appointments=list(session.scalars(select(Appointment).where(
                    Appointment.job_seeker_id == job_seeker_id).order_by(Appointment.created_at.desc()))),
                attestations=list(session.scalars(select(EligibilityAttestation).where(
                    EligibilityAttestation.job_seeker_id == job_seeker_id)
                    .order_by(EligibilityAttestation.attested_at.desc()))),
                licenses=list(session.scalars(select(LicenseIssuance).where(
                    LicenseIssuance.job_seeker_id == job_seeker_id).order_by(LicenseIssuance.issued_at.desc()))),
                plans=list(session.scalars(select(LearningPlanRecord).where(
                    LearningPlanRecord.job_seeker_id == job_seeker_id)
                    .order_by(LearningPlanRecord.created_at.desc()))),
                progress=list(session.scalars(select(LearnerProgress).where(
                    LearnerProgress.job_seeker_id == job_seeker_id).order_by(LearnerProgress.course_name))),
                outcomes=list(session.scalars(select(OutcomeRecord).where(
                    OutcomeRecord.job_seeker_id == job_seeker_id).order_by(OutcomeRecord.achieved_on.desc()))),
                reminders=list(session.scalars(select(ReminderSend).where(
                    ReminderSend.job_seeker_id == job_seeker_id).order_by(ReminderSend.claimed_at.desc()))),
            )
            record_audit(session, self._actor, "view", entity=Entity.JOB_SEEKER, entity_id=job_seeker_id)
            session.flush()
            session.expunge_all()
            return result

    def find_duplicates(self, data: Mapping[str, Any], *, exclude_id: str | None = None) -> list[DuplicateCandidate]:
        """People already registered who look like this one: same e-mail, same phone, or a near-identical name
        with the same birth year or ZIP."""
        cleaned = clean_job_seeker(data, today=self.today(), partial=True)
        return self._duplicates(cleaned, exclude_id=exclude_id)

    def _duplicates(self, cleaned: Mapping[str, Any], *, exclude_id: str | None) -> list[DuplicateCandidate]:
        return self.duplicate_candidates(cleaned, exclude_id=exclude_id)[:MAX_DUPLICATES_SHOWN]

    def duplicate_candidates(self, cleaned: Mapping[str, Any], *,
                             exclude_id: str | None = None) -> list[DuplicateCandidate]:
        """Every person the duplicate rule flags for ``cleaned`` (already validated values), found through
        indexes only: the e-mail (full-text), the phone (b-tree), and for names the folded name keys of
        ``core.name_keys``, read from covering indexes. The name rule flags a person whose folded name is within
        one or two letters (``validation.names_near``) and who has the same birth year or ZIP; candidates are
        the people one of whose names starts with the same three letters as the first name, the last name or
        the last name's last word (a typo in the first three letters of both names at once is not caught).

        Bounded: the people born the same day are always read; those born the same year at most
        ``NAME_CANDIDATES`` per name prefix, and those in the same ZIP at most ``NAME_CANDIDATES`` on either side
        of this name in alphabetical order of the folded name. A million demo job seekers give about 1,200 for
        the commonest prefix ("mar") in one year and 3,300 in one ZIP, all read. Past the bound a ZIP's near
        names that differ in their first letters ("Mei" for "Wei") can be missed. E-mail and phone matches are
        never bounded."""
        email = cleaned.get("email")
        phone = cleaned.get("phone")
        birth = cleaned.get("birth_date")
        zip_code = cleaned.get("zip_code")
        key = v.name_key(cleaned.get("first_name", ""), cleaned.get("last_name", ""))
        columns = (JobSeeker.id, JobSeeker.first_name, JobSeeker.last_name, JobSeeker.email, JobSeeker.phone,
                   JobSeeker.birth_date, JobSeeker.zip_code)
        queries = []
        if email:
            email_terms = _fts_tokens(email)
            if email_terms:
                queries.append(select(*columns).where(_fts_rowids(
                    "email : \"" + " ".join(email_terms) + "\"", "email_q")))
            else:
                queries.append(select(*columns).where(func.lower(JobSeeker.email) == email.lower()))
        if phone:
            queries.append(select(*columns).where(JobSeeker.phone == phone))
        prefixes = _name_prefixes(cleaned.get("first_name", ""), cleaned.get("last_name", ""))
        found: dict[str, DuplicateCandidate] = {}
        with self._store.read() as session:
            if key and prefixes and (birth or zip_code):
                near_ids = self._near_name_ids(session, key, prefixes, birth=birth, zip_code=zip_code)
                near_ids.discard(exclude_id)
                if near_ids:
                    queries.append(select(*columns).where(JobSeeker.id.in_(sorted(near_ids))))
            for query in queries:
                for sid, first, last, s_email, s_phone, s_birth, s_zip in session.execute(query):
                    if sid == exclude_id or sid in found:
                        continue
                    reasons = []
                    if email and s_email and s_email.lower() == email.lower():
                        reasons.append("same e-mail address")
                    if phone and s_phone == phone:
                        reasons.append("same phone number")
                    if key and v.names_near(key, v.name_key(first, last)):
                        if birth and s_birth and s_birth.year == birth.year:
                            reasons.append("nearly the same name and birth year")
                        elif zip_code and s_zip == zip_code:
                            reasons.append("nearly the same name and ZIP code")
                    if reasons:
                        found[sid] = DuplicateCandidate(id=sid, display_name=f"{first} {last}".strip(),
                                                        email=s_email, phone=s_phone, reasons=tuple(reasons))
        return list(found.values())

    @staticmethod
    def _near_name_ids(session: Any, key: str, prefixes: Sequence[str], *, birth: date | None,
                       zip_code: str | None) -> set[str]:
        """Ids of the people with a name prefix in ``prefixes`` (as typed; folded here as the full-text index
        folds them), the same birth year or ZIP, and a folded name near ``key``. Reads only the covering indexes
        of ``job_seeker_name_key``; names are compared on the stored folded names (rapidfuzz, in C)."""
        parts: list[str] = []
        params: list[Any] = []
        for raw in prefixes:
            prefix = fold_query_prefix(raw)
            if prefix is None:
                continue
            if len(prefix) >= PREFIX_LETTERS:  # one stored prefix: the index's first column is fixed
                where, where_params = "prefix = ?", [prefix]
            else:  # "Li", "Bo": every stored prefix that starts with these letters
                where, where_params = "prefix >= ? AND prefix < ?", [prefix, prefix + "\U0010ffff"]
            if birth:
                parts.append(f"{where} AND birth_date = ?")
                params += [*where_params, birth.isoformat()]
                parts.append(f"{where} AND birth_date BETWEEN ? AND ? LIMIT {NAME_CANDIDATES}")
                params += [*where_params, date(birth.year, 1, 1).isoformat(), date(birth.year, 12, 31).isoformat()]
            if zip_code:
                # In one ZIP the index runs in folded-name order: read up to the bound on either side of this
                # name, so that past it the nearest in alphabetical order are the ones compared.
                parts.append(f"{where} AND zip_code = ? AND name_fold >= ? ORDER BY prefix, name_fold "
                             f"LIMIT {NAME_CANDIDATES}")
                params += [*where_params, zip_code, key]
                parts.append(f"{where} AND zip_code = ? AND name_fold < ? ORDER BY prefix DESC, name_fold DESC "
                             f"LIMIT {NAME_CANDIDATES}")
                params += [*where_params, zip_code, key]
        if not parts:
            return set()
        # One statement, read by the driver's own cursor: a few thousand index entries per check, where
        # SQLAlchemy's per-statement and per-row work cost more than SQLite's (profiled at 100,000 people).
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT job_seeker_id, name_fold FROM job_seeker_name_key WHERE {part})" for part in parts)
        cursor = session.connection().connection.driver_connection.cursor()
        try:
            rows = cursor.execute(sql, params).fetchall()
        finally:
            cursor.close()
        near: set[str] = set()
        limit = 1 if len(key) < 8 else 2
        for sid, fold in rows:
            if sid in near or abs(len(fold) - len(key)) > limit:
                continue
            if v.names_near(key, fold):
                near.add(sid)
        return near

    # -- writing -----------------------------------------------------------------------------------------
    @returns_changes
    def register(self, data: Mapping[str, Any], *, confirmed_not_duplicate: bool = False) -> Saved[JobSeeker]:
        cleaned = clean_job_seeker(data, today=self.today())
        if not confirmed_not_duplicate:
            candidates = self._duplicates(cleaned, exclude_id=None)
            if candidates:
                raise DuplicateJobSeekerWarning(candidates)
        with self._store.write() as session:
            seeker = JobSeeker(**cleaned, center_id=self._actor.center_id, created_by=self._actor.user_id,
                               created_at=utcnow(), updated_at=utcnow(), version=1)
            seeker.interests = cleaned.get("interests", [])
            seeker.barriers = cleaned.get("barriers", [])
            session.add(seeker)
            session.flush()
            append_change(session, entity=Entity.JOB_SEEKER, entity_id=seeker.id, op=ChangeOp.CREATE,
                          payload=record_payload(seeker), base_version=None)
            record_audit(session, self._actor, "create", entity=Entity.JOB_SEEKER, entity_id=seeker.id)
            session.expunge(seeker)
            return Saved(seeker)

    @returns_changes
    def update(self, job_seeker_id: str, changes: Mapping[str, Any], *, expected_version: int | None = None,
               confirmed_not_duplicate: bool = True) -> Saved[JobSeeker]:
        cleaned = clean_job_seeker(changes, today=self.today(), partial=True)
        if not confirmed_not_duplicate:
            candidates = self._duplicates(cleaned, exclude_id=job_seeker_id)
            if candidates:
                raise DuplicateJobSeekerWarning(candidates)
        with self._store.write() as session:
            seeker = session.get(JobSeeker, job_seeker_id)
            if seeker is None:
                raise NotFoundError(Message(
                        "job_seekers.job_seeker_local",
                        "This job seeker is not in the local records."))
            if expected_version is not None and seeker.version != expected_version:
                raise ConcurrentEditError(Message(
                        "job_seekers.someone_else_saved",
                        "Someone else saved changes to this job seeker while you were editing. Reopen the record "
                        "to see them, then make your change again."))
            changed = {k: val for k, val in cleaned.items() if getattr(seeker, k) != val}
            if not changed:
                session.expunge(seeker)
                return Saved(seeker)
            base_version = seeker.version
            for key, value in changed.items():
                setattr(seeker, key, value)
            seeker.version = base_version + 1
            seeker.updated_at = utcnow()
            session.flush()
            payload = {k: getattr(seeker, k) for k in changed} | {"version": seeker.version,
                                                                    "updated_at": seeker.updated_at}
            append_change(session, entity=Entity.JOB_SEEKER, entity_id=seeker.id, op=ChangeOp.UPDATE, payload=payload,
                          base_version=base_version)
            record_audit(session, self._actor, "change", entity=Entity.JOB_SEEKER, entity_id=seeker.id,
                         detail={"fields": sorted(changed)})
            session.expunge(seeker)
            return Saved(seeker)
