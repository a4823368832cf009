"""Retention on the desk (issue 17): personal data the agency server already holds leaves the laptop a set time
after the program ends.

USDOL TEGL 39-11 asks grantees to keep PII only as long as needed and to protect it on portable devices. The
agency server is the record of truth (its own retention follows the state's schedule and 2 CFR 200.334); the desk
is a working cache, so the agency profile sets how long it keeps synced personal data after the program's
complete-by date: ``"retention": {"desk_days_after_program_end": 90, "source": "…"}``. No value: nothing is
purged.

A job seeker is purged when all of these hold:

* today is at least ``period`` days after the program's complete-by date;
* their record was last changed at least ``period`` days ago;
* nothing of theirs is in the outbox (queued, set aside or in conflict): not the record, nor any of its
  appointments, attestations, plans, licenses, case-management services or notes;
* a sync succeeded after their last change (so the server has the version this desk holds).

Purging blanks what identifies the person (names, e-mail, phone, ZIP, birth date, agency customer id, free-text
fields, the wizard's saved answers, notes, the e-mail on their licenses, the name and e-mail on their progress
rows) and keeps the rows, their dates, statuses and categories, so every count in the reports stays the same.
Nothing is queued for the server: the purge is this desk's alone. Each run is audited (counts, cutoff, period,
source), and ``preview`` shows the same counts without changing anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from counselor_app.core.changes import record_audit
from counselor_app.core.desk import LAST_SUCCESS_KEY
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    Appointment,
    CaseManagementService,
    CaseNote,
    EligibilityAttestation,
    JobSeeker,
    LearnerProgress,
    LearningPlanRecord,
    LicenseIssuance,
    OutboxEntry,
    PurgedRecord,
    SyncState,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.outreach_models import (
    AppointmentBooking,
    CampaignContact,
    PartnerReferral,
    WaitingEntry,
)
from counselor_app.core.vocabulary import Entity

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counselor_app.core.desk import Desk

_CHUNK = 400

# The records that belong to a job seeker and may sit in the outbox.
_DEPENDENTS = (Appointment, EligibilityAttestation, LearningPlanRecord, LicenseIssuance, CaseManagementService,
               CaseNote)

_BLANK_JOB_SEEKER: dict[str, Any] = {
    "first_name": "", "last_name": "", "email": None, "phone": None, "zip_code": None, "birth_date": None,
    "agency_customer_id": None, "last_occupation_title": None, "interests": [], "barriers": [],
    "return_to_work_date": None,
}


# Personal data the work before an appointment keeps about people who may never become job seekers (issue 16):
# campaign contacts and prospects, partner referrals, bookings, the waiting list. Each row is blanked by the same
# rule as a job seeker (older than the period, nothing of it queued, a successful sync after its last change),
# and the rows stay, so the campaign and front-desk figures keep their counts.
_OUTREACH_PII: tuple[tuple[Any, str, dict[str, Any]], ...] = (
    (CampaignContact, Entity.CAMPAIGN_CONTACT, {"first_name": "", "last_name": "", "email": None, "phone": None}),
    (PartnerReferral, "partner_referral", {"first_name": "", "last_name": "", "email": None, "phone": None,
                                           "reason": ""}),
    (AppointmentBooking, Entity.APPOINTMENT_BOOKING, {"email": None, "notes": None}),
    (WaitingEntry, Entity.WAITING_ENTRY, {"display_name": ""}),
)


class RetentionNotConfigured(CounselorDeskError):
    pass


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    days_after_program_end: int
    source: str
    program_end: date

    def cutoff(self, today: date) -> date:
        return self.program_end + timedelta(days=self.days_after_program_end)


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    policy: RetentionPolicy | None
    today: date
    in_force: bool  # the period after the program's end has passed
    purgeable: int
    kept_unsynced: int  # something of theirs has not reached the server
    kept_recent: int  # changed within the period, or after the last successful sync
    already_purged: int


@dataclass(frozen=True, slots=True)
class RetentionResult:
    run_id: str
    preview: RetentionPreview
    purged: int  # job seekers
    outreach_purged: int = 0  # campaign contacts, partner referrals, bookings and waiting-list entries blanked
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


def policy(desk: Desk) -> RetentionPolicy | None:
    """The profile's retention value, or None. Raises ``RetentionNotConfigured`` when it is malformed."""
    raw = desk.profile.raw.get("retention")
    if not raw:
        return None
    try:
        days = int(raw["desk_days_after_program_end"])
        source = str(raw.get("source", "")).strip()
    except (KeyError, TypeError, ValueError):
        raise RetentionNotConfigured(Message(
                "retention.days_not_a_number",
                "The agency profile's retention value is not a number of days.")) from None
    if days < 0:
        raise RetentionNotConfigured(Message(
                "retention.period_negative",
                "The agency profile's retention period cannot be negative."))
    if not source:
        raise RetentionNotConfigured(Message(
                "retention.source_missing",
                "The agency profile's retention value must say its source."))
    return RetentionPolicy(days_after_program_end=days, source=source, program_end=desk.profile.program.complete_by)


def _sync_facts(session: Session) -> tuple[datetime | None, set[str]]:
    """When the last sync got through (naive UTC), and the ids of every record with a change still queued."""
    last_sync_raw = session.get(SyncState, LAST_SUCCESS_KEY)
    last_sync = _parse(last_sync_raw.value) if last_sync_raw and last_sync_raw.value else None
    return last_sync, set(session.scalars(select(OutboxEntry.entity_id)))


def _classify(session: Session, pol: RetentionPolicy, today: date, facts: tuple[datetime | None, set[str]]
              ) -> tuple[list[str], int, int, int]:
    """(purgeable ids, kept_unsynced, kept_recent, already_purged)."""
    purged = set(session.scalars(select(PurgedRecord.entity_id).where(PurgedRecord.entity == Entity.JOB_SEEKER)))
    last_sync, unsynced_ids = facts
    unsynced_seekers = set(unsynced_ids)
    for model in _DEPENDENTS:
        for chunk in _chunks(sorted(unsynced_ids)):
            unsynced_seekers.update(session.scalars(select(model.job_seeker_id).where(model.id.in_(chunk))))
    changed_before = datetime.combine(today - timedelta(days=pol.days_after_program_end), time.min)
    purgeable: list[str] = []
    kept_unsynced = kept_recent = 0
    for seeker_id, updated_at in session.execute(select(JobSeeker.id, JobSeeker.updated_at)):
        if seeker_id in purged:
            continue
        if seeker_id in unsynced_seekers:
            kept_unsynced += 1
        elif updated_at >= changed_before or last_sync is None or last_sync <= updated_at:
            kept_recent += 1
        else:
            purgeable.append(seeker_id)
    return purgeable, kept_unsynced, kept_recent, len(purged)


def _purgeable_outreach(session: Session, pol: RetentionPolicy, today: date,
                        facts: tuple[datetime | None, set[str]]) -> dict[str, list[str]]:
    """Per table of ``_OUTREACH_PII``: the ids of rows whose personal data may go (never one still queued)."""
    last_sync, queued = facts
    if last_sync is None:
        return {}
    changed_before = min(datetime.combine(today - timedelta(days=pol.days_after_program_end), time.min), last_sync)
    out: dict[str, list[str]] = {}
    for model, entity, _blank in _OUTREACH_PII:
        done = set(session.scalars(select(PurgedRecord.entity_id).where(PurgedRecord.entity == entity)))
        ids = [row_id for row_id in session.scalars(select(model.id).where(model.updated_at < changed_before))
               if row_id not in queued and row_id not in done]
        if ids:
            out[entity] = ids
    return out


def _parse(value: str) -> datetime | None:
    """The sync's stamp (aware UTC, ISO) as the store's naive UTC."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is None else parsed.astimezone(UTC).replace(tzinfo=None)


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def preview(desk: Desk, *, today: date | None = None) -> RetentionPreview:
    today = today or desk.licenses.today()
    pol = policy(desk)
    if pol is None:
        return RetentionPreview(None, today, False, 0, 0, 0, 0)
    in_force = today >= pol.cutoff(today)
    with desk.store.read() as session:
        ids, unsynced, recent, done = _classify(session, pol, today, _sync_facts(session))
    return RetentionPreview(pol, today, in_force, len(ids) if in_force else 0, unsynced,
                            recent + (0 if in_force else len(ids)), done)


@returns_changes
def purge(desk: Desk, *, today: date | None = None) -> RetentionResult:
    """Purge what ``preview`` counts as purgeable, in one transaction, and audit it. Decides again inside the
    write transaction, so a record changed or queued since the preview is kept."""
    today = today or desk.licenses.today()
    pol = policy(desk)
    run_id = str(uuid.uuid4())
    if pol is None:
        raise RetentionNotConfigured(Message(
                "retention.agency_profile_sets",
                "The agency profile sets no retention period for this desk, so nothing is purged."))
    now = utcnow()
    with desk.store.write() as session:
        note_changes(OpChanges(job_seekers=True, appointments=True))
        facts = _sync_facts(session)
        ids, unsynced, recent, done = _classify(session, pol, today, facts)
        in_force = today >= pol.cutoff(today)
        if not in_force:
            ids = []
        for chunk in _chunks(ids):
            session.execute(update(JobSeeker).where(JobSeeker.id.in_(chunk)).values(**_BLANK_JOB_SEEKER))
            session.execute(update(Appointment).where(Appointment.job_seeker_id.in_(chunk)).values(
                notes=None, wizard_state={}))
            session.execute(update(CaseNote).where(CaseNote.job_seeker_id.in_(chunk)).values(body=""))
            session.execute(update(LicenseIssuance).where(LicenseIssuance.job_seeker_id.in_(chunk)).values(email=""))
            session.execute(update(LearnerProgress).where(LearnerProgress.job_seeker_id.in_(chunk)).values(
                email=None, learner_name=None, external_id=None))
            session.add_all([PurgedRecord(entity=Entity.JOB_SEEKER, entity_id=i, purged_at=now, run_id=run_id)
                             for i in chunk])
        outreach = _purgeable_outreach(session, pol, today, facts) if in_force else {}
        blanks = {entity: (model, blank) for model, entity, blank in _OUTREACH_PII}
        for entity, row_ids in outreach.items():
            model, blank = blanks[entity]
            for chunk in _chunks(row_ids):
                session.execute(update(model).where(model.id.in_(chunk)).values(**blank))
                session.add_all([PurgedRecord(entity=entity, entity_id=i, purged_at=now, run_id=run_id)
                                 for i in chunk])
        outreach_purged = sum(len(v) for v in outreach.values())
        summary = RetentionPreview(pol, today, in_force, len(ids), unsynced, recent, done)
        record_audit(session, desk.actor, "retention_purge", entity="retention_run", entity_id=run_id, detail={
            "purged": len(ids), "outreach_purged": outreach_purged, "kept_unsynced": unsynced,
            "kept_recent": recent, "already_purged": done,
            "cutoff": pol.cutoff(today), "days_after_program_end": pol.days_after_program_end,
            "source": pol.source})
    return RetentionResult(run_id=run_id, preview=summary, purged=len(ids), outreach_purged=outreach_purged)
