"""Appointments, attestations, learning plans and case notes: the record of what happened at the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from counselor_app.core.changes import Actor, append_change, json_safe, record_audit, record_payload
from counselor_app.core.eligibility import EligibilityResult, evaluate
from counselor_app.core.errors import NotFoundError, ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.models import (
    APPOINTMENT_STATUSES,
    Appointment,
    CaseNote,
    EligibilityAttestation,
    JobSeeker,
    LearningPlanRecord,
    LicenseIssuance,
    utcnow,
)
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Saved, Written, returns_changes
from counselor_app.core.vocabulary import (
    AppointmentKind,
    AppointmentOutcome,
    AppointmentStatus,
    ChangeOp,
    Entity,
    LicenseStatus,
    PlaceKind,
)

if TYPE_CHECKING:
    from counselor_app.core.db import Store
    from counselor_app.core.profiles import AgencyProfile

MAX_NOTE_CHARS = 10_000
OUTCOMES = (AppointmentOutcome.LICENSE_ISSUED, AppointmentOutcome.PENDING_APPROVAL, AppointmentOutcome.NOT_ELIGIBLE, AppointmentOutcome.ALREADY_LICENSED, AppointmentOutcome.REFERRED_ELSEWHERE,
            AppointmentOutcome.NEEDS_FOLLOW_UP, AppointmentOutcome.DECLINED, AppointmentOutcome.LEFT_BEFORE_SEEN)
#: The only outcomes an appointment with no job seeker can end with: every other one says something was done
#: for (or decided with) a person.
OUTCOMES_WITHOUT_PERSON = (AppointmentOutcome.LEFT_BEFORE_SEEN, AppointmentOutcome.NEEDS_FOLLOW_UP)
#: Outcomes that say a license was issued (or requested) in this appointment: the issuance status each needs.
OUTCOMES_NEEDING_ISSUANCE: dict[str, tuple[str, ...]] = {
    AppointmentOutcome.LICENSE_ISSUED: (LicenseStatus.ISSUED,),
    AppointmentOutcome.PENDING_APPROVAL: (LicenseStatus.PENDING_APPROVAL,)}


def outcome_refusal(outcome: str, *, has_person: bool, issuance_statuses: tuple[str, ...] = ()) -> Message | None:
    """Why ``outcome`` cannot end this appointment (None: it can). ``issuance_statuses``: the statuses of the
    licenses issued in this appointment."""
    if not has_person and outcome not in OUTCOMES_WITHOUT_PERSON:
        return Message("appointments.outcome_needs_person",
                       "Without a job seeker, choose Left before being seen or Needs a follow-up.")
    needed = OUTCOMES_NEEDING_ISSUANCE.get(outcome)
    if needed and not any(s in needed for s in issuance_statuses):
        return Message("appointments.outcome_needs_license",
                       "This outcome needs a license issued in this appointment; choose another outcome.")
    return None


@dataclass(frozen=True, slots=True)
class AttestationRecorded:
    attestation_id: str
    result: EligibilityResult
    changes: OpChanges = NO_CHANGES  # the attestation, the person's details, the outbox


class AppointmentService:
    def __init__(self, store: Store, actor: Actor, profile: AgencyProfile) -> None:
        self._store = store
        self._actor = actor
        self._profile = profile

    def get(self, appointment_id: str) -> Appointment:
        with self._store.read() as session:
            appt = session.get(Appointment, appointment_id)
            if appt is None:
                raise NotFoundError(Message(
                        "appointments.appointment_local_records",
                        "This appointment is not in the local records."))
            session.expunge(appt)
            return appt

    @returns_changes
    def start(self, *, job_seeker_id: str | None = None, kind: str = AppointmentKind.WALK_IN, place_kind: str = PlaceKind.CENTER,
              place_name: str | None = None, appointment_id: str | None = None) -> Saved[Appointment]:
        """Open an appointment now (a walk-in, or a scheduled one that has arrived)."""
        if kind not in (AppointmentKind.WALK_IN, AppointmentKind.SCHEDULED):
            raise ValidationError({"kind": Message(
                    "appointments.appointment_either_scheduled",
                    "An appointment is either scheduled or a walk-in.")})
        if place_kind not in (PlaceKind.CENTER, PlaceKind.OUTREACH):
            raise ValidationError({"place_kind": Message(
                    "appointments.place_either_center",
                    "The place is either the center or an outreach event.")})
        with self._store.write() as session:
            if appointment_id:
                appt = session.get(Appointment, appointment_id)
                if appt is None:
                    raise NotFoundError(Message(
                            "appointments.appointment_local_records",
                            "This appointment is not in the local records."))
                base = appt.version
                appt.status = AppointmentStatus.IN_PROGRESS
                appt.started_at = utcnow()
                appt.version = base + 1
                op = ChangeOp.UPDATE
            else:
                if job_seeker_id is not None and session.get(JobSeeker, job_seeker_id) is None:
                    raise NotFoundError(Message(
                            "appointments.job_seeker_local",
                            "This job seeker is not in the local records."))
                appt = Appointment(job_seeker_id=job_seeker_id, counselor_id=self._actor.user_id,
                                   center_id=self._actor.center_id, kind=kind, place_kind=place_kind,
                                   place_name=place_name or self._actor.center_name, status=AppointmentStatus.IN_PROGRESS,
                                   started_at=utcnow(), scheduled_at=utcnow() if kind == AppointmentKind.WALK_IN else None,
                                   wizard_state={}, version=1)
                session.add(appt)
                base = None
                op = ChangeOp.CREATE
            session.flush()
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=op,
                          payload=self._payload(appt), base_version=base)
            record_audit(session, self._actor, "create" if op == ChangeOp.CREATE else "change",
                         entity=Entity.APPOINTMENT, entity_id=appt.id)
            session.expunge(appt)
            return Saved(appt)

    @staticmethod
    def _payload(appt: Appointment) -> dict[str, Any]:
        # The wizard's draft stays on the device: it is work in progress, not a record.
        payload = record_payload(appt)
        payload.pop("wizard_state", None)
        payload.pop("wizard_step", None)
        return payload

    def for_day(self, day: date, *, zone: str | None = None) -> list[Appointment]:
        """``zone``: the center's IANA time zone, so the day runs from its local midnight (issue 16); without it
        the day is a UTC day, as before."""
        start = datetime.combine(day, time.min)
        end = start + timedelta(days=1)
        if zone:
            from counselor_app.core.scheduling import center_zone, day_bounds_utc

            start, end = day_bounds_utc(day, center_zone(zone))
        with self._store.read() as session:
            rows = list(session.scalars(
                select(Appointment).where(
                    ((Appointment.scheduled_at >= start) & (Appointment.scheduled_at < end))
                    | (Appointment.status == AppointmentStatus.IN_PROGRESS))
                .order_by(Appointment.scheduled_at)))
            session.expunge_all()
            return rows

    def unfinished(self) -> list[Appointment]:
        """Appointments the wizard left open (app closed, crash, power cut), newest first."""
        with self._store.read() as session:
            # Not one in progress at another desk of the center (issue 16: the feed brings those, without a
            # counselor of this device): that counselor is working on it right now.
            rows = list(session.scalars(select(Appointment).where(Appointment.status == AppointmentStatus.IN_PROGRESS,
                                                                  Appointment.counselor_id.is_not(None))
                                        .order_by(Appointment.updated_at.desc())))
            session.expunge_all()
            return rows

    @returns_changes
    def save_wizard_state(self, appointment_id: str, *, step: str, state: dict[str, Any],
                          job_seeker_id: str | None = None) -> Written:
        """Autosave of the wizard: local only, committed at once so a power cut loses nothing typed."""
        with self._store.write() as session:
            appt = session.get(Appointment, appointment_id)
            if appt is None:
                raise NotFoundError(Message(
                        "appointments.appointment_local_records",
                        "This appointment is not in the local records."))
            appt.wizard_step = step
            appt.wizard_state = json_safe(state)
            if job_seeker_id and appt.job_seeker_id != job_seeker_id:
                appt.job_seeker_id = job_seeker_id
                base = appt.version
                appt.version = base + 1
                session.flush()
                append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=ChangeOp.UPDATE,
                              payload={"job_seeker_id": job_seeker_id, "version": appt.version}, base_version=base)
            appt.updated_at = utcnow()
        return Written()  # a local autosave announces nothing, unless it queued a new person (append_change)

    @returns_changes
    def complete(self, appointment_id: str, *, outcome: str, notes: str | None = None,
                 status: str = AppointmentStatus.COMPLETED) -> Saved[Appointment]:
        if outcome not in OUTCOMES:
            raise ValidationError({"outcome": Message(
                    "appointments.outcome_not_listed",
                    "Choose the appointment's outcome from the list.")})
        if status not in APPOINTMENT_STATUSES:
            raise ValidationError({"status": Message(
                    "appointments.unknown_appointment_status",
                    "Unknown appointment status.")})
        if notes is not None and len(notes) > MAX_NOTE_CHARS:
            # The same bound as a case note; the agency server refuses longer (sync.payloads).
            raise ValidationError({"notes": Message(
                    "appointments.notes_too_long",
                    "The notes are too long (10,000 characters at most).")})
        with self._store.write() as session:
            appt = session.get(Appointment, appointment_id)
            if appt is None:
                raise NotFoundError(Message(
                        "appointments.appointment_local_records",
                        "This appointment is not in the local records."))
            statuses = tuple(session.scalars(select(LicenseIssuance.status).where(
                LicenseIssuance.appointment_id == appt.id)))
            refusal = outcome_refusal(outcome, has_person=bool(appt.job_seeker_id), issuance_statuses=statuses)
            if refusal is not None:
                raise ValidationError({"outcome": refusal})
            base = appt.version
            appt.status = status
            appt.outcome = outcome
            appt.notes = notes if notes is not None else appt.notes
            appt.ended_at = utcnow()
            appt.updated_at = utcnow()
            appt.version = base + 1
            session.flush()
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=ChangeOp.UPDATE,
                          payload=self._payload(appt), base_version=base)
            record_audit(session, self._actor, "change", entity=Entity.APPOINTMENT, entity_id=appt.id,
                         detail={"outcome": outcome, "status": status})
            session.expunge(appt)
            return Saved(appt)

    @returns_changes
    def attest(self, job_seeker_id: str, answers: dict[str, Any], *,
               appointment_id: str | None = None) -> AttestationRecorded:
        """Evaluate and store the self-attestation (answers, text version, counselor, time), eligible or not."""
        result = evaluate(self._profile, answers)
        with self._store.write() as session:
            seeker = session.get(JobSeeker, job_seeker_id)
            if seeker is None:
                raise NotFoundError(Message(
                        "appointments.job_seeker_local",
                        "This job seeker is not in the local records."))
            self._update_details(session, seeker, result.answers)
            record = EligibilityAttestation(
                job_seeker_id=job_seeker_id, appointment_id=appointment_id, program_id=self._profile.program.id,
                text_version=self._profile.attestation_version, attestation_text=self._profile.attestation_text,
                answers=result.answers, eligible=result.eligible, reasons=list(result.reasons + result.notes),
                counselor_id=self._actor.user_id, attested_at=utcnow())
            session.add(record)
            session.flush()
            append_change(session, entity=Entity.ELIGIBILITY_ATTESTATION, entity_id=record.id, op=ChangeOp.CREATE,
                          payload=record_payload(record))
            record_audit(session, self._actor, "attest", entity=Entity.ELIGIBILITY_ATTESTATION, entity_id=record.id,
                         detail={"eligible": result.eligible, "job_seeker_id": job_seeker_id})
            return AttestationRecorded(attestation_id=record.id, result=result)

    def _update_details(self, session: Any, seeker: JobSeeker, answers: dict[str, Any]) -> None:
        """What the person just attested updates their record, in the same transaction (and the same sync)."""
        from counselor_app.core.attestation_details import QUESTION_FIELDS, record_changes_from_answers

        current = {field: getattr(seeker, field) for field in QUESTION_FIELDS.values()}
        changed = record_changes_from_answers(answers, current)
        if not changed:
            return
        base_version = seeker.version
        for key, value in changed.items():
            setattr(seeker, key, value)
        seeker.version = base_version + 1
        seeker.updated_at = utcnow()
        session.flush()
        payload = dict(changed) | {"version": seeker.version, "updated_at": seeker.updated_at}
        append_change(session, entity=Entity.JOB_SEEKER, entity_id=seeker.id, op=ChangeOp.UPDATE, payload=payload,
                      base_version=base_version)
        record_audit(session, self._actor, "change", entity=Entity.JOB_SEEKER, entity_id=seeker.id,
                     detail={"fields": sorted(changed), "from": "attestation"})

    @returns_changes
    def save_plan(self, *, job_seeker_id: str, plan: dict[str, Any],
                  appointment_id: str | None = None) -> Saved[LearningPlanRecord]:
        with self._store.write() as session:
            if session.get(JobSeeker, job_seeker_id) is None:
                raise NotFoundError(Message(
                        "appointments.job_seeker_local",
                        "This job seeker is not in the local records."))
            record = LearningPlanRecord(job_seeker_id=job_seeker_id, appointment_id=appointment_id,
                                        plan=json_safe(plan), created_by=self._actor.user_id, created_at=utcnow())
            session.add(record)
            session.flush()
            append_change(session, entity=Entity.LEARNING_PLAN, entity_id=record.id, op=ChangeOp.CREATE,
                          payload=record_payload(record))
            record_audit(session, self._actor, "create", entity=Entity.LEARNING_PLAN, entity_id=record.id)
            session.expunge(record)
            return Saved(record)

    @returns_changes
    def add_note(self, *, job_seeker_id: str, body: str, appointment_id: str | None = None) -> Saved[CaseNote]:
        text = (body or "").strip()
        if not text:
            raise ValidationError({"body": Message(
                    "appointments.write_note_before",
                    "Write the note before saving it.")})
        if len(text) > MAX_NOTE_CHARS:
            raise ValidationError({"body": Message(
                    "appointments.note_too_long",
                    "The note is too long (10,000 characters at most).")})
        with self._store.write() as session:
            if session.get(JobSeeker, job_seeker_id) is None:
                raise NotFoundError(Message(
                        "appointments.job_seeker_local",
                        "This job seeker is not in the local records."))
            note = CaseNote(job_seeker_id=job_seeker_id, appointment_id=appointment_id,
                            author_id=self._actor.user_id, body=text, created_at=utcnow())
            session.add(note)
            session.flush()
            append_change(session, entity=Entity.CASE_NOTE, entity_id=note.id, op=ChangeOp.CREATE, payload=record_payload(note))
            record_audit(session, self._actor, "create", entity=Entity.CASE_NOTE, entity_id=note.id)
            session.expunge(note)
            return Saved(note)
