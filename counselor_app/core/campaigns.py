"""Outreach campaigns: a customer list from the state's system, worked by counselors as a queue.

MassHire 100 DCS 14.355 asks career centers to reach "all RESEA and CCS attendees" and "all other customers served
since March 2020" and to "set up an appointment to discuss the training opportunity". A supervisor imports the
list the state's system exports (CSV or XLSX, columns matched by header, read by the usage report's readers); each
person is matched against local job seekers with the duplicate rules of ``JobSeekerService`` (agency customer id
first), or held as a prospect. Counselors take people one at a time (a claim that expires, arbitrated by the
agency server when the desk is online, so two desks never call the same person at once) and record each attempt.

Import is all or nothing and bounded (``MAX_ROWS``, ``MAX_BYTES``): a bad cell is reported with its row and
column and nothing is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import object_session

from counselor_app.core import validation as v
from counselor_app.core.changes import Actor, append_change, record_audit, record_payload
from counselor_app.core.errors import CounselorDeskError, NotFoundError, ValidationError
from counselor_app.core.job_seekers import DuplicateCandidate, JobSeekerService
from counselor_app.core.messages import Message
from counselor_app.core.models import Appointment, JobSeeker, LicenseIssuance, utcnow
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Written, note_changes, returns_changes
from counselor_app.core.outreach_mail import MailError, MailSender, invitation_message
from counselor_app.core.outreach_models import (
    CampaignContact,
    OutreachAttempt,
    OutreachCampaign,
    outbox_payload,
)
from counselor_app.core.usage_report import UsageReportError, read_table_rows
from counselor_app.core.vocabulary import ChangeOp, Entity, LicenseStatus

if TYPE_CHECKING:
    from counselor_app.core.db import Store

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_LISTED_PROBLEMS = 25
CLAIM_MINUTES = 15


class ContactStatus(StrEnum):
    NEW = "new"
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"
    EMAILED = "emailed"
    REACHED = "reached"
    DECLINED = "declined"
    BOOKED = "booked"


class AttemptChannel(StrEnum):
    CALL = "call"
    EMAIL = "email"


class AttemptOutcome(StrEnum):
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"
    EMAIL_SENT = "email_sent"
    REACHED = "reached"  # talked, no decision yet
    DECLINED = "declined"
    APPOINTMENT_SET = "appointment_set"


class DeclineReason(StrEnum):
    EMPLOYED = "employed"
    NOT_INTERESTED = "not_interested"
    NO_TIME = "no_time"
    NO_COMPUTER = "no_computer"
    MOVED = "moved"
    WRONG_CONTACT = "wrong_contact"
    DO_NOT_CONTACT = "do_not_contact"
    OTHER = "other"


class MatchReason(StrEnum):
    AGENCY_ID = "agency_customer_id"
    DUPLICATE_RULES = "duplicate_rules"  # the same e-mail address and a near-identical name
    CONFIRMED = "confirmed"  # a possible match a counselor confirmed
    REJECTED = "possible_rejected"  # a possible match a counselor said is someone else


# A weak similarity (same phone, near name): the row stays a prospect, ``match_reason`` is this prefix and the
# local person's id until a counselor confirms or rejects it.
POSSIBLE_PREFIX = "possible:"


_STATUS_AFTER = {
    AttemptOutcome.NO_ANSWER: ContactStatus.NO_ANSWER, AttemptOutcome.LEFT_MESSAGE: ContactStatus.LEFT_MESSAGE,
    AttemptOutcome.EMAIL_SENT: ContactStatus.EMAILED, AttemptOutcome.REACHED: ContactStatus.REACHED,
    AttemptOutcome.DECLINED: ContactStatus.DECLINED, AttemptOutcome.APPOINTMENT_SET: ContactStatus.BOOKED,
}
# People still to be worked: everyone not yet declined or booked.
OPEN_STATUSES = (ContactStatus.NEW, ContactStatus.NO_ANSWER, ContactStatus.LEFT_MESSAGE, ContactStatus.EMAILED,
                 ContactStatus.REACHED)
REACHED_OUTCOMES = (AttemptOutcome.REACHED, AttemptOutcome.DECLINED, AttemptOutcome.APPOINTMENT_SET)


# -- the file ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ListColumn:
    field: str
    aliases: tuple[str, ...]


LIST_COLUMNS = (
    ListColumn("first_name", ("first name", "firstname", "given name", "first")),
    ListColumn("last_name", ("last name", "lastname", "surname", "family name", "last")),
    ListColumn("full_name", ("name", "full name", "customer name", "customer")),
    ListColumn("email", ("email", "e-mail", "email address", "e-mail address")),
    ListColumn("phone", ("phone", "phone number", "telephone", "primary phone", "cell phone", "home phone")),
    ListColumn("zip_code", ("zip", "zip code", "zipcode", "postal code")),
    ListColumn("agency_customer_id", ("customer id", "state id", "moses id", "osos id", "external id",
                                      "agency customer id", "seeker id", "smartid")),
    ListColumn("preferred_language", ("language", "preferred language", "primary language")),
    ListColumn("birth_date", ("birth date", "date of birth", "dob", "birthdate")),
)


def _key(text: object) -> str:
    return " ".join(str(text or "").replace("\ufeff", "").replace("_", " ").strip().casefold().split())


_ALIASES = {_key(a): c.field for c in LIST_COLUMNS for a in (c.field, *c.aliases)}
_LANGUAGE_WORDS = {"english": "en", "spanish": "es", "español": "es", "espanol": "es", "chinese": "zh",
                   "haitian creole": "ht", "portuguese": "pt", "vietnamese": "vi", "russian": "ru", "arabic": "ar",
                   "french": "fr", "korean": "ko", "tagalog": "tl", "polish": "pl"}


class CampaignImportError(CounselorDeskError):
    """The list cannot be imported; ``problems`` (``Message``s) name the row and column of each bad cell.
    Nothing was written. ``message`` stays the ``Message`` it was raised with; ``str()`` lists the problems."""

    def __init__(self, message: str, *, problems: Sequence[str] = ()) -> None:
        self.problems = tuple(problems)
        super().__init__(message)

    def __str__(self) -> str:
        text = str(self.message)
        if self.problems:
            text += "\n" + "\n".join(f"  • {p}" for p in self.problems[:MAX_LISTED_PROBLEMS])
            more = len(self.problems) - MAX_LISTED_PROBLEMS
            text += f"\n  … and {more} more." if more > 0 else ""
        return text


class CampaignImportCancelled(CounselorDeskError):
    """The supervisor cancelled the import before anything was written."""


@dataclass(frozen=True, slots=True)
class ListPerson:
    line: int
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    zip_code: str | None
    agency_customer_id: str | None
    preferred_language: str
    birth_date: Any


def _header(rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:20]):
        found: dict[str, int] = {}
        for j, cell in enumerate(row):
            fld = _ALIASES.get(_key(cell))
            if fld and fld not in found:
                found[fld] = j
        has_name = ("first_name" in found and "last_name" in found) or "full_name" in found
        if has_name and ({"email", "phone", "agency_customer_id"} & found.keys()):
            return i, found
    return -1, {}


def _split_full_name(text: str) -> tuple[str, str]:
    if "," in text:  # "Rivera, Ana" as state systems print it
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    parts = text.split()
    if len(parts) < 2:
        return text.strip(), ""
    return " ".join(parts[:-1]), parts[-1]


def message_of_error(exc: BaseException) -> str:
    """The ``Message`` a validation error was raised with (the English text for one without a code)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)


def excel_zip(raw: str) -> str:
    """A ZIP code as Excel leaves it: a number that lost its leading zeros (``2139`` for 02139, every
    Massachusetts ZIP starts with 0) or a ZIP+4 run together (``21391234``). Padded back to five digits; anything
    else is returned as it is, for the ZIP rule to judge."""
    text = raw.strip()
    if text.isascii() and text.isdigit() and 3 <= len(text) <= 4:
        return text.zfill(5)
    if text.isascii() and text.isdigit() and 7 <= len(text) <= 8:
        text = text.zfill(9)
        return f"{text[:5]}-{text[5:]}"
    return raw


def read_customer_list(data: bytes, *, name: str, today: Any) -> list[ListPerson]:
    """Parse and check a whole list. Raises ``CampaignImportError`` (too big, unreadable, no header, bad cells)."""
    if len(data) > MAX_BYTES:
        raise CampaignImportError(Message(
                "campaigns.larger_mb_split",
                "{name} is larger than {value} MB; split the list.", name=name, value=MAX_BYTES // (1024 * 1024)))
    try:
        if name.casefold().endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise CampaignImportError(Message(
                    "campaigns.old_style_excel",
                    "{name} is an old-style Excel file (.xls). Save it as .xlsx or CSV.", name=name))
        # The usage report's reading rules: encoding, separator sniffed past title lines, workbooks read
        # without trusting their declared size.
        rows = read_table_rows(data, name=name, max_rows=MAX_ROWS + 100)
    except UsageReportError as exc:
        raise CampaignImportError(exc.message, problems=[p.as_message() for p in exc.problems]) from None
    at, cols = _header(rows)
    if at < 0:
        raise CampaignImportError(Message(
                "campaigns.header_row_names",
                "{name} has no header row with names and an e-mail, phone or customer id column (for "
                "example: First Name, Last Name, Email, Phone).", name=name))
    body = [r for r in rows[at + 1:]]
    if sum(1 for r in body if any(str(c or "").strip() for c in r)) > MAX_ROWS:
        raise CampaignImportError(Message(
                "campaigns.more_people_split",
                "{name} has more than {max_rows:,} people; split the list.", name=name, max_rows=MAX_ROWS))
    people: list[ListPerson] = []
    problems: list[str] = []
    headers = {fld: str(rows[at][j] or "").strip() for fld, j in cols.items()}

    def problem(line: int, fld: str, raw: str, reason: Any) -> Message:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        return Message("campaigns.bad_cell", "Row {row}, column “{column}”: “{value}”: {problem}", row=line,
                       column=headers.get(fld, fld), value=shown, problem=message_of_error(reason))

    def cell(row: list[object], fld: str) -> str:
        j = cols.get(fld)
        if j is None or j >= len(row) or row[j] is None:
            return ""
        value = row[j]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    for offset, row in enumerate(body):
        line = at + 2 + offset
        if not any(str(c or "").strip() for c in row):
            continue
        first, last = cell(row, "first_name"), cell(row, "last_name")
        if not (first or last) and "full_name" in cols:
            first, last = _split_full_name(cell(row, "full_name"))
        if not first and last:  # one name, typed in the last-name column
            first, last = last, ""
        bad_name = False
        for fld, raw, label in (("first_name", first, "first name"), ("last_name", last, "last name")):
            if fld == "last_name" and not raw:
                continue  # a person with one name, as the registration form accepts them
            try:
                if fld == "first_name":
                    first = v.normalize_name(raw, field_label=label)
                else:
                    last = v.normalize_name(raw, field_label=label)
            except ValueError as exc:
                col = fld if fld in cols else "full_name"
                problems.append(problem(line, col, raw, exc))
                bad_name = True
        values: dict[str, Any] = {}
        for fld, fn in (("email", v.normalize_email), ("phone", v.normalize_us_phone),
                        ("zip_code", v.normalize_zip)):
            raw = cell(row, fld)
            if fld == "zip_code":
                raw = excel_zip(raw)
            try:
                values[fld] = fn(raw) if raw else None
            except ValueError as exc:
                problems.append(problem(line, fld, cell(row, fld), exc))
        raw_birth = cell(row, "birth_date")
        try:
            values["birth_date"] = v.normalize_birth_date(raw_birth, today=today) if raw_birth else None
        except ValueError as exc:
            problems.append(problem(line, "birth_date", raw_birth, exc))
        if bad_name:  # its other cells were checked too: every bad cell is listed
            continue
        lang = cell(row, "preferred_language").casefold()
        lang = _LANGUAGE_WORDS.get(lang, lang[:2] if lang[:2] in v.LANGUAGES else "en")
        people.append(ListPerson(line=line, first_name=first, last_name=last, email=values.get("email"),
                                 phone=values.get("phone"), zip_code=values.get("zip_code"),
                                 agency_customer_id=cell(row, "agency_customer_id")[:40] or None,
                                 preferred_language=lang, birth_date=values.get("birth_date")))
    if problems:
        raise CampaignImportError(Message(
                "campaigns.cells_unreadable",
                "{name} was not imported: {count} cell(s) could not be read.", name=name, count=len(problems)),
                                  problems=problems)
    if not people:
        raise CampaignImportError(Message(
                "campaigns.header_but_nobody",
                "{name} has a header but nobody in it.", name=name))
    return people


# -- results -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CampaignImported:
    campaign_id: str
    people: int
    matched: int
    prospects: int
    repeated: int
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: str
    campaign_id: str | None
    name: str
    email: str | None
    phone: str | None
    language: str
    job_seeker_id: str | None
    status: ContactStatus
    decline_reason: str | None
    attempts: int
    last_attempt_at: datetime | None
    claimed_by: str | None
    claim_expires_at: datetime | None
    appointment_id: str | None
    referral_id: str | None
    possible_match_id: str | None = None  # a local job seeker who may be this person, for a counselor to confirm
    possible_match_name: str | None = None
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


@dataclass(frozen=True, slots=True)
class CampaignFigures:
    """``people`` on the list; ``reached`` talked to (reached, declined or booked); ``booked`` with an
    appointment; ``served`` whose appointment was held; ``licensed`` issued a license since the campaign began."""

    people: int
    attempted: int
    reached: int
    booked: int
    served: int
    licensed: int
    declined: int


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: str
    name: str
    purpose: str | None
    created_at: datetime
    figures: CampaignFigures


@dataclass(frozen=True, slots=True)
class ClaimResult:
    granted: bool
    holder: str
    expires_at: datetime
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


class ClaimArbiter(Protocol):
    """Decides who works a contact now. The desk's local arbiter only sees this desk; ``sync.outreach_claims``
    asks the agency server, which sees every desk."""

    def claim(self, contact_id: str, *, holder: str, minutes: int) -> ClaimResult: ...

    def release(self, contact_id: str, *, holder: str) -> None: ...


class LocalClaimArbiter:
    """Claims kept in the local store: right for one desk, or offline (no other desk can be asked)."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._clock = clock

    def claim(self, contact_id: str, *, holder: str, minutes: int) -> ClaimResult:
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            contact = session.get(CampaignContact, contact_id)
            if contact is None:
                raise NotFoundError(Message(
                        "campaigns.person_longer_campaign",
                        "This person is no longer on the campaign list."))
            if (contact.claimed_by and contact.claimed_by != holder and contact.claim_expires_at
                    and contact.claim_expires_at > now):
                return ClaimResult(False, contact.claimed_by, contact.claim_expires_at)
            return ClaimResult(True, holder, now + timedelta(minutes=minutes))

    def release(self, contact_id: str, *, holder: str) -> None:
        return None


class CampaignService:
    def __init__(self, store: Store, actor: Actor, *, clock: Callable[[], datetime] = utcnow,
                 arbiter: ClaimArbiter | None = None) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock
        self.arbiter: ClaimArbiter = arbiter or LocalClaimArbiter(store, clock=clock)

    def now(self) -> datetime:
        """The services' clock (naive UTC): claims expire against it."""
        return self._clock()

    # -- import ------------------------------------------------------------------------------------------------
    @returns_changes
    def import_list(self, data: bytes, *, file_name: str, name: str, purpose: str | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: Any = None) -> CampaignImported:
        """Import a customer list as a new campaign (supervisors). Raises ``CampaignImportError`` (the file),
        ``ValidationError`` (no name, not a supervisor), ``CampaignImportCancelled`` when ``cancel`` (a
        ``threading.Event``) is set; in every case nothing is written."""
        if not self._actor.is_supervisor:
            raise ValidationError({"campaign": Message(
                    "campaigns.supervisor_import_campaign",
                    "Only a supervisor can import a campaign list.")})
        name = " ".join((name or "").split())
        if not name:
            raise ValidationError({"name": Message(
                    "campaigns.give_campaign_name",
                    "Give the campaign a name.")})
        seekers = JobSeekerService(self._store, self._actor, today=self._clock().date())
        people = read_customer_list(data, name=file_name, today=self._clock().date())
        matches: list[tuple[ListPerson, str | None, str | None]] = []
        seen: set[str] = set()
        repeated = 0
        for i, person in enumerate(people):
            if cancel is not None and cancel.is_set():
                raise CampaignImportCancelled(Message("campaigns.import_cancelled",
                                                      "The import was cancelled; nothing was written."))
            keys = {k for k in (f"id:{person.agency_customer_id}" if person.agency_customer_id else None,
                                f"e:{person.email.casefold()}" if person.email else None,
                                f"p:{person.phone}" if person.phone else None) if k}
            if keys & seen:
                repeated += 1
                continue
            seen |= keys
            matches.append((person, *self._match(seekers, person)))
            if progress is not None and (i % 50 == 0 or i == len(people) - 1):
                progress(i + 1, len(people))
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            campaign = OutreachCampaign(name=name[:200], purpose=(purpose or "").strip()[:300] or None,
                                        source_file=file_name[:260],
                                        source_sha256=hashlib.sha256(data).hexdigest(),
                                        row_count=len(matches),
                                        matched_count=sum(1 for m in matches if m[1]),
                                        prospect_count=sum(1 for m in matches if not m[1]),
                                        center_id=self._actor.center_id, created_by=self._actor.user_id,
                                        created_at=now, updated_at=now, version=1)
            session.add(campaign)
            session.flush()
            append_change(session, entity=Entity.OUTREACH_CAMPAIGN, entity_id=campaign.id, op=ChangeOp.CREATE,
                          payload=record_payload(campaign))
            for person, seeker_id, reason in matches:
                contact = CampaignContact(
                    campaign_id=campaign.id, job_seeker_id=seeker_id, first_name=person.first_name,
                    last_name=person.last_name, email=person.email, phone=person.phone, zip_code=person.zip_code,
                    preferred_language=person.preferred_language, agency_customer_id=person.agency_customer_id,
                    match_reason=reason, status=ContactStatus.NEW, attempt_count=0,
                    center_id=self._actor.center_id, created_at=now, updated_at=now, version=1)
                session.add(contact)
                session.flush()
                append_change(session, entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, op=ChangeOp.CREATE,
                              payload=_contact_payload(contact))
            record_audit(session, self._actor, "campaign_import", entity=Entity.OUTREACH_CAMPAIGN,
                         entity_id=campaign.id, detail={"people": len(matches), "repeated": repeated})
            return CampaignImported(campaign_id=campaign.id, people=len(matches),
                                    matched=campaign.matched_count, prospects=campaign.prospect_count,
                                    repeated=repeated)

    def _match(self, seekers: JobSeekerService, person: ListPerson) -> tuple[str | None, str | None]:
        if person.agency_customer_id:
            with self._store.read() as session:
                found = session.scalar(select(JobSeeker.id).where(
                    JobSeeker.agency_customer_id == person.agency_customer_id).limit(1))
            if found:
                return found, MatchReason.AGENCY_ID
        data = {"first_name": person.first_name, "last_name": person.last_name, "email": person.email,
                "phone": person.phone, "zip_code": person.zip_code, "birth_date": person.birth_date}
        candidates = seekers.find_duplicates({k: val for k, val in data.items() if val is not None})
        key = v.name_key(person.first_name, person.last_name)
        for candidate in candidates:
            if is_strong_match(candidate, key):
                return candidate.id, MatchReason.DUPLICATE_RULES
        if candidates:  # a weak similarity: a counselor confirms or rejects it in the queue
            return None, POSSIBLE_PREFIX + candidates[0].id
        return None, None

    @returns_changes
    def confirm_match(self, contact_id: str) -> ContactRow:
        """A counselor says the possible match is this person: the row is linked to the local job seeker."""
        return self._settle_match(contact_id, confirm=True)

    @returns_changes
    def reject_match(self, contact_id: str) -> ContactRow:
        """A counselor says the possible match is someone else: the row stays a prospect, unflagged."""
        return self._settle_match(contact_id, confirm=False)

    def _settle_match(self, contact_id: str, *, confirm: bool) -> ContactRow:
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            contact = session.get(CampaignContact, contact_id)
            if contact is None:
                raise NotFoundError(Message(
                        "campaigns.person_longer_campaign",
                        "This person is no longer on the campaign list."))
            seeker_id = _possible_id(contact.match_reason)
            if seeker_id is None or (confirm and session.get(JobSeeker, seeker_id) is None):
                raise ValidationError({"contact": Message(
                        "campaigns.no_possible_match",
                        "This person has no possible match to confirm or reject.")})
            base = contact.version
            if confirm:
                contact.job_seeker_id = seeker_id
                contact.match_reason = MatchReason.CONFIRMED
            else:
                contact.match_reason = MatchReason.REJECTED
            contact.version = base + 1
            contact.updated_at = now
            session.flush()
            append_change(session, entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, op=ChangeOp.UPDATE,
                          payload=_contact_payload(contact), base_version=base)
            record_audit(session, self._actor, "campaign_match_confirmed" if confirm else "campaign_match_rejected",
                         entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, detail={"job_seeker_id": seeker_id})
            return _row(contact)

    # -- reading -----------------------------------------------------------------------------------------------
    def campaigns(self) -> list[CampaignRow]:
        with self._store.read() as session:
            rows = list(session.scalars(select(OutreachCampaign).order_by(OutreachCampaign.created_at.desc())))
            session.expunge_all()
        return [CampaignRow(r.id, r.name, r.purpose, r.created_at, self.figures(r.id)) for r in rows]

    def contacts(self, campaign_id: str | None, *, statuses: Sequence[str] | None = None) -> list[ContactRow]:
        """A campaign's people (``None``: accepted partner referrals), open ones first, then by last attempt."""
        with self._store.read() as session:
            query = select(CampaignContact).where(
                CampaignContact.campaign_id == campaign_id if campaign_id else CampaignContact.campaign_id.is_(None))
            if statuses:
                query = query.where(CampaignContact.status.in_(list(statuses)))
            rows = list(session.scalars(query.order_by(CampaignContact.last_name, CampaignContact.first_name)))
            out = [_row(c) for c in rows]
        open_first = {s: i for i, s in enumerate((*OPEN_STATUSES, ContactStatus.BOOKED, ContactStatus.DECLINED))}
        return sorted(out, key=lambda r: (open_first.get(r.status, 99), r.last_attempt_at or datetime.min))

    def contact(self, contact_id: str) -> ContactRow:
        with self._store.read() as session:
            contact = session.get(CampaignContact, contact_id)
            if contact is None:
                raise NotFoundError(Message(
                        "campaigns.person_longer_campaign",
                        "This person is no longer on the campaign list."))
            return _row(contact)

    def figures(self, campaign_id: str) -> CampaignFigures:
        with self._store.read() as session:
            campaign = session.get(OutreachCampaign, campaign_id)
            if campaign is None:
                raise NotFoundError(Message(
                        "campaigns.campaign_local_records",
                        "This campaign is not in the local records."))
            since = campaign.created_at
            base = select(CampaignContact.id).where(CampaignContact.campaign_id == campaign_id)
            people = session.scalar(select(func.count()).select_from(base.subquery())) or 0
            attempted = session.scalar(select(func.count(func.distinct(OutreachAttempt.contact_id))).where(
                OutreachAttempt.campaign_id == campaign_id)) or 0
            reached = session.scalar(select(func.count(func.distinct(OutreachAttempt.contact_id))).where(
                OutreachAttempt.campaign_id == campaign_id,
                OutreachAttempt.outcome.in_([str(o) for o in REACHED_OUTCOMES]))) or 0
            declined = session.scalar(select(func.count()).where(
                CampaignContact.campaign_id == campaign_id, CampaignContact.status == ContactStatus.DECLINED)) or 0
            booked_rows = session.execute(
                select(CampaignContact.id, CampaignContact.job_seeker_id, Appointment.job_seeker_id,
                       Appointment.status)
                .join(Appointment, Appointment.id == CampaignContact.appointment_id)
                .where(CampaignContact.campaign_id == campaign_id)).all()
            booked = len(booked_rows)
            served = sum(1 for r in booked_rows if r[3] == "completed")
            seeker_ids = {r[2] or r[1] for r in booked_rows if r[2] or r[1]}
            seeker_ids |= set(session.scalars(select(CampaignContact.job_seeker_id).where(
                CampaignContact.campaign_id == campaign_id, CampaignContact.job_seeker_id.is_not(None),
                CampaignContact.status.in_([ContactStatus.BOOKED, ContactStatus.REACHED]))))
            licensed = 0
            if seeker_ids:
                licensed = session.scalar(select(func.count(func.distinct(LicenseIssuance.job_seeker_id))).where(
                    LicenseIssuance.job_seeker_id.in_(list(seeker_ids)), LicenseIssuance.status == LicenseStatus.ISSUED,
                    LicenseIssuance.issued_at >= since)) or 0
        return CampaignFigures(people=people, attempted=attempted, reached=reached, booked=booked, served=served,
                               licensed=licensed, declined=declined)

    # -- working the queue --------------------------------------------------------------------------------------
    @returns_changes
    def claim_next(self, campaign_id: str | None, *, minutes: int = CLAIM_MINUTES) -> ContactRow | None:
        """The next open person nobody else is working, claimed for ``minutes``; None when the queue is done.

        Someone another counselor holds is skipped (and their claim noted locally so the list shows it)."""
        holder = self._actor.username
        tried: set[str] = set()
        while True:
            now = self._clock()
            with self._store.read() as session:
                query = select(CampaignContact.id).where(
                    CampaignContact.campaign_id == campaign_id if campaign_id
                    else CampaignContact.campaign_id.is_(None),
                    CampaignContact.status.in_([str(s) for s in OPEN_STATUSES]),
                    or_(CampaignContact.claimed_by.is_(None), CampaignContact.claimed_by == holder,
                        CampaignContact.claim_expires_at.is_(None), CampaignContact.claim_expires_at <= now),
                    CampaignContact.id.not_in(tried) if tried else true())
                candidate = session.scalar(query.order_by(
                    CampaignContact.attempt_count, CampaignContact.last_attempt_at.is_not(None),
                    CampaignContact.last_attempt_at, CampaignContact.last_name).limit(1))
            if candidate is None:
                return None
            tried.add(candidate)
            result = self.arbiter.claim(candidate, holder=holder, minutes=minutes)
            self._note_claim(candidate, result)
            if result.granted:
                return self.contact(candidate)

    @returns_changes
    def claim(self, contact_id: str, *, minutes: int = CLAIM_MINUTES) -> ClaimResult:
        """Claim one chosen person; ``granted`` False names who holds them and until when."""
        result = self.arbiter.claim(contact_id, holder=self._actor.username, minutes=minutes)
        self._note_claim(contact_id, result)
        return result

    def _note_claim(self, contact_id: str, result: ClaimResult) -> None:
        # A claim is shared state the server owns; the local copy is not sent as a change.
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            contact = session.get(CampaignContact, contact_id)
            if contact is not None:
                # Granted: this desk's user holds it (the server may know them by their server user name).
                contact.claimed_by = self._actor.username if result.granted else result.holder
                contact.claim_expires_at = result.expires_at

    @returns_changes
    def release(self, contact_id: str) -> Written:
        self.arbiter.release(contact_id, holder=self._actor.username)
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            contact = session.get(CampaignContact, contact_id)
            if contact is not None and contact.claimed_by == self._actor.username:
                contact.claimed_by = None
                contact.claim_expires_at = None
        return Written()

    @returns_changes
    def record_attempt(self, contact_id: str, *, channel: AttemptChannel | str, outcome: AttemptOutcome | str,
                       reason: DeclineReason | str | None = None, note: str | None = None,
                       release: bool = True) -> ContactRow:
        """Record a call or an e-mail and move the person's status. ``declined`` needs a ``reason``;
        ``appointment_set`` needs the booking made first (``SchedulingService.book(contact_id=...)``)."""
        try:
            channel = AttemptChannel(channel)
            outcome = AttemptOutcome(outcome)
        except ValueError:
            raise ValidationError({"outcome": Message(
                    "campaigns.choose_how_call",
                    "Choose how the call or e-mail went.")}) from None
        if outcome == AttemptOutcome.DECLINED:
            try:
                reason = DeclineReason(reason) if reason else None
            except ValueError:
                reason = None
            if reason is None:
                raise ValidationError({"reason": Message(
                        "campaigns.choose_why_person",
                        "Choose why the person declined.")})
        else:
            reason = None
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True))
            contact = session.get(CampaignContact, contact_id)
            if contact is None:
                raise NotFoundError(Message(
                        "campaigns.person_longer_campaign",
                        "This person is no longer on the campaign list."))
            if outcome == AttemptOutcome.APPOINTMENT_SET and not contact.appointment_id:
                raise ValidationError({"outcome": Message(
                        "campaigns.book_appointment_first",
                        "Book the appointment first, then record it as set.")})
            if (contact.claimed_by and contact.claimed_by != self._actor.username and contact.claim_expires_at
                    and contact.claim_expires_at > now):
                raise ValidationError({"contact": Message(
                        "campaigns.working_person_now",
                        "{claimed_by} is working with this person now.", claimed_by=contact.claimed_by)})
            attempt = OutreachAttempt(contact_id=contact.id, campaign_id=contact.campaign_id,
                                      counselor_id=self._actor.user_id, counselor_name=self._actor.display_name,
                                      channel=channel, outcome=outcome, reason=reason,
                                      note=(note or "").strip()[:2000] or None, at=now, version=1)
            session.add(attempt)
            session.flush()
            append_change(session, entity=Entity.OUTREACH_ATTEMPT, entity_id=attempt.id, op=ChangeOp.CREATE,
                          payload=record_payload(attempt))
            base = contact.version
            if contact.status != ContactStatus.BOOKED or outcome == AttemptOutcome.DECLINED:
                contact.status = _STATUS_AFTER[outcome]
            contact.decline_reason = reason
            contact.attempt_count = (contact.attempt_count or 0) + 1
            contact.last_attempt_at = now
            if channel == AttemptChannel.EMAIL:
                contact.invited_at = contact.invited_at or now
            contact.version = base + 1
            contact.updated_at = now
            if release and contact.claimed_by == self._actor.username:
                contact.claimed_by = None
                contact.claim_expires_at = None
            session.flush()
            append_change(session, entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, op=ChangeOp.UPDATE,
                          payload=_contact_payload(contact), base_version=base)
            record_audit(session, self._actor, "outreach_attempt", entity=Entity.CAMPAIGN_CONTACT,
                         entity_id=contact.id, detail={"outcome": str(outcome)})
            row = _row(contact)
        if release:
            self.arbiter.release(contact_id, holder=self._actor.username)
        return row

    # -- e-mail invitations ---------------------------------------------------------------------------------------
    def invite_all(self, campaign_id: str, sender: MailSender, *, from_address: str, center_name: str,
                   booking_hint: str, purpose: str | None = None) -> tuple[int, int, int]:
        """E-mail an invitation to book, in each person's language, to everyone open with an address and not yet
        invited. Returns (sent, failed, without_address). Each sent one is recorded as an e-mail attempt."""
        with self._store.read() as session:
            campaign = session.get(OutreachCampaign, campaign_id)
            if campaign is None:
                raise NotFoundError(Message(
                        "campaigns.campaign_local_records",
                        "This campaign is not in the local records."))
            purpose = purpose or campaign.purpose or campaign.name
            open_rows = list(session.scalars(select(CampaignContact).where(
                CampaignContact.campaign_id == campaign_id,
                CampaignContact.status.in_([str(s) for s in OPEN_STATUSES]),
                CampaignContact.invited_at.is_(None))))
            session.expunge_all()
        sent = failed = missing = 0
        for contact in open_rows:
            if not contact.email:
                missing += 1
                continue
            message = invitation_message(to=contact.email, name=contact.first_name,
                                         language=contact.preferred_language, center_name=center_name,
                                         purpose=purpose, sender=from_address, booking_hint=booking_hint)
            try:
                sender.send(message)
            except MailError:
                failed += 1
                continue
            self.record_attempt(contact.id, channel=AttemptChannel.EMAIL, outcome=AttemptOutcome.EMAIL_SENT,
                                release=False)
            sent += 1
        return sent, failed, missing


def is_strong_match(candidate: DuplicateCandidate, name_key: str) -> bool:
    """A list row is linked to a local job seeker without asking only on the duplicate rules' strong signal:
    the same e-mail address and a near-identical name (``validation.names_near``). The same phone, or a near
    name with the same birth year or ZIP, is what the registration form only warns about: a possible match."""
    return ("same e-mail address" in candidate.reasons
            and v.names_near(name_key, v.name_key(candidate.display_name, "")))


def _possible_id(match_reason: str | None) -> str | None:
    if match_reason and match_reason.startswith(POSSIBLE_PREFIX):
        return match_reason[len(POSSIBLE_PREFIX):] or None
    return None


def link_contact_booking(session: Any, contact_id: str, appointment_id: str, *, now: datetime) -> str | None:
    """Inside a booking's transaction: the person is booked. Returns the contact's referral id, if any."""
    contact = session.get(CampaignContact, contact_id)
    if contact is None:
        return None
    base = contact.version
    contact.appointment_id = appointment_id
    contact.status = ContactStatus.BOOKED
    contact.decline_reason = None
    contact.version = base + 1
    contact.updated_at = now
    session.flush()
    append_change(session, entity=Entity.CAMPAIGN_CONTACT, entity_id=contact.id, op=ChangeOp.UPDATE,
                  payload=_contact_payload(contact), base_version=base)
    return str(contact.referral_id) if contact.referral_id else None


def _contact_payload(contact: CampaignContact) -> dict[str, Any]:
    # Claims are arbitrated by the server's claim endpoint, not carried as record data.
    return outbox_payload(contact, drop=("claimed_by", "claim_expires_at"))


def _row(c: CampaignContact) -> ContactRow:
    possible_id = _possible_id(c.match_reason)
    possible_name = None
    if possible_id and (session := object_session(c)) is not None:
        seeker = session.get(JobSeeker, possible_id)
        possible_name = f"{seeker.first_name} {seeker.last_name}".strip() if seeker is not None else None
        possible_id = possible_id if seeker is not None else None
    return ContactRow(id=c.id, campaign_id=c.campaign_id, name=c.full_name, email=c.email, phone=c.phone,
                      language=c.preferred_language, job_seeker_id=c.job_seeker_id, status=ContactStatus(c.status),
                      decline_reason=c.decline_reason, attempts=c.attempt_count or 0,
                      last_attempt_at=c.last_attempt_at, claimed_by=c.claimed_by,
                      claim_expires_at=c.claim_expires_at, appointment_id=c.appointment_id,
                      referral_id=c.referral_id, possible_match_id=possible_id,
                      possible_match_name=possible_name)
