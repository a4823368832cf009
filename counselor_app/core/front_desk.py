"""The front desk: people checked in as they arrive, waiting until a counselor calls them in.

A walk-in, or someone booked who has arrived, is checked in with the time they arrived. Starting the appointment
takes them off the list (one transaction: the appointment starts and the entry records when). Someone who leaves
before being seen is marked so. The wait (arrived → started) and the service time (started → the appointment's
end) feed the reports (``wait_and_service``).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from counselor_app.core.changes import Actor, append_change, record_audit
from counselor_app.core.errors import NotFoundError, ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.models import Appointment, Center, JobSeeker, User, utcnow
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Saved, Written, note_changes, returns_changes
from counselor_app.core.outreach_models import (
    AppointmentBooking,
    CampaignContact,
    PartnerReferral,
    WaitingEntry,
    outbox_payload,
)
from counselor_app.core.partner_referrals import ReferralStatus, set_referral_status
from counselor_app.core.scheduling import center_zone, day_bounds_utc, utc_to_local
from counselor_app.core.vocabulary import AppointmentKind, AppointmentStatus, ChangeOp, Entity, PlaceKind

if TYPE_CHECKING:
    from counselor_app.core.db import Store


class WaitingStatus(StrEnum):
    WAITING = "waiting"
    STARTED = "started"
    LEFT = "left"


@dataclass(frozen=True, slots=True)
class WaitingRow:
    id: str
    name: str
    job_seeker_id: str | None
    booked_appointment_id: str | None
    booked_local: datetime | None
    arrived_at: datetime
    arrived_local: datetime
    waited: timedelta
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


@dataclass(frozen=True, slots=True)
class WaitServiceFigures:
    """Over the people called in between two dates: how long they waited and how long they were served, in
    minutes (median and 90th percentile), and how many left without being seen."""

    seen: int
    left_unseen: int
    median_wait_min: float | None
    p90_wait_min: float | None
    median_service_min: float | None
    p90_service_min: float | None = None


@dataclass(frozen=True, slots=True)
class WaitServiceGroup:
    """The figures of one day, center or counselor (``label``; ``key`` is the ISO day or the name)."""

    key: str
    label: str
    seen: int
    left_unseen: int
    median_wait_min: float | None
    p90_wait_min: float | None
    median_service_min: float | None
    p90_service_min: float | None


@dataclass(frozen=True, slots=True)
class WaitServiceReport:
    """Wait (arrived → called in) and service (called in → appointment ended) in minutes over local days
    ``start``–``end``: all together and by day, center and counselor (who called the person in)."""

    start: date
    end: date
    totals: WaitServiceGroup
    by_day: list[WaitServiceGroup]
    by_center: list[WaitServiceGroup]
    by_counselor: list[WaitServiceGroup]


def p90(values: list[float]) -> float | None:
    """The 90th percentile by the nearest-rank rule (the value 90% of the people waited no longer than)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _group(key: str, label: str, rows: list[tuple[str, float | None, float | None]]) -> WaitServiceGroup:
    """``rows``: (waiting status, wait minutes or None, service minutes or None)."""
    waits = [w for st, w, _ in rows if st == WaitingStatus.STARTED and w is not None]
    services = [v for st, _, v in rows if st == WaitingStatus.STARTED and v is not None]
    return WaitServiceGroup(key=key, label=label, seen=len(waits),
                            left_unseen=sum(1 for st, *_ in rows if st == WaitingStatus.LEFT),
                            median_wait_min=round(statistics.median(waits), 1) if waits else None,
                            p90_wait_min=round(p90(waits), 1) if waits else None,  # type: ignore[arg-type]
                            median_service_min=round(statistics.median(services), 1) if services else None,
                            p90_service_min=round(p90(services), 1) if services else None)  # type: ignore[arg-type]


def walk_in_draft(name: str) -> dict[str, object]:
    """The appointment wizard's first step for a walk-in known only by the name given at the desk: the search
    already holds the name, and the registration form the first and last name, so "Start" opens on the person."""
    parts = name.split()
    first, last = (parts[0], " ".join(parts[1:])) if len(parts) > 1 else (name, "")
    return {"pages": {"find": {"tab": 0, "search": name,
                               "form": {"first_name": first, "last_name": last, "preferred_language": "en"}}}}


class FrontDeskService:
    def __init__(self, store: Store, actor: Actor, *, zone: str | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._actor = actor
        self.zone = center_zone(zone)
        self._clock = clock

    @returns_changes
    def check_in(self, *, job_seeker_id: str | None = None, name: str | None = None,
                 appointment_id: str | None = None) -> WaitingRow:
        """Put someone on the waiting list now: a job seeker, a booked appointment that has arrived, or a walk-in
        known only by name. Raises ``ValidationError`` when they are already waiting or nobody is named."""
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            if appointment_id:
                appt = session.get(Appointment, appointment_id)
                if appt is None:
                    raise NotFoundError(Message(
                            "front_desk.appointment_local_records",
                            "This appointment is not in the local records."))
                if appt.status != AppointmentStatus.SCHEDULED:
                    raise ValidationError({"appointment": Message(
                            "front_desk.appointment_already_started",
                            "This appointment has already started or ended.")})
                job_seeker_id = job_seeker_id or appt.job_seeker_id
                if not name:
                    booking = session.get(AppointmentBooking, appointment_id)
                    contact = session.get(CampaignContact, booking.contact_id) if booking and booking.contact_id \
                        else None
                    name = contact.full_name if contact else None
            if job_seeker_id:
                seeker = session.get(JobSeeker, job_seeker_id)
                if seeker is None:
                    raise NotFoundError(Message(
                            "front_desk.job_seeker_local",
                            "This job seeker is not in the local records."))
                name = seeker.full_name
            name = " ".join((name or "").split())[:240]
            if not name:
                raise ValidationError({"name": Message(
                        "front_desk.enter_name_person",
                        "Enter the name of the person who arrived.")})
            clause = [WaitingEntry.status == WaitingStatus.WAITING]
            if job_seeker_id:
                clause.append(WaitingEntry.job_seeker_id == job_seeker_id)
            elif appointment_id:
                clause.append(WaitingEntry.booked_appointment_id == appointment_id)
            else:
                clause.append(WaitingEntry.display_name == name)
            if session.scalar(select(WaitingEntry.id).where(*clause).limit(1)):
                raise ValidationError({"name": Message(
                        "front_desk.already_waiting_list",
                        "{name} is already on the waiting list.", name=name)})
            entry = WaitingEntry(center_id=self._actor.center_id, job_seeker_id=job_seeker_id, display_name=name,
                                 booked_appointment_id=appointment_id, status=WaitingStatus.WAITING, arrived_at=now,
                                 checked_in_by=self._actor.user_id, updated_at=now, version=1)
            session.add(entry)
            session.flush()
            append_change(session, entity=Entity.WAITING_ENTRY, entity_id=entry.id, op=ChangeOp.CREATE,
                          payload=outbox_payload(entry))
            record_audit(session, self._actor, "check_in", entity=Entity.WAITING_ENTRY, entity_id=entry.id)
            return self._row(session, entry, now)

    def _row(self, session: object, entry: WaitingEntry, now: datetime) -> WaitingRow:
        booked_local = None
        if entry.booked_appointment_id:
            appt = session.get(Appointment, entry.booked_appointment_id)  # type: ignore[attr-defined]
            if appt is not None and appt.scheduled_at:
                booked_local = utc_to_local(appt.scheduled_at, self.zone)
        return WaitingRow(id=entry.id, name=entry.display_name, job_seeker_id=entry.job_seeker_id,
                          booked_appointment_id=entry.booked_appointment_id, booked_local=booked_local,
                          arrived_at=entry.arrived_at, arrived_local=utc_to_local(entry.arrived_at, self.zone),
                          waited=max(timedelta(0), now - entry.arrived_at))

    def waiting(self) -> list[WaitingRow]:
        """Who is waiting now, longest wait first."""
        now = self._clock()
        with self._store.read() as session:
            entries = list(session.scalars(select(WaitingEntry).where(
                WaitingEntry.status == WaitingStatus.WAITING).order_by(WaitingEntry.arrived_at)))
            return [self._row(session, e, now) for e in entries]

    @returns_changes
    def start(self, entry_id: str) -> Saved[Appointment]:
        """Call the person in: their appointment starts (the booked one, or a new walk-in) and they leave the
        list, in one transaction. Returns the appointment (detached) for the wizard to open."""
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            entry = session.get(WaitingEntry, entry_id)
            if entry is None:
                raise NotFoundError(Message(
                        "front_desk.person_longer_waiting",
                        "This person is no longer on the waiting list."))
            if entry.status != WaitingStatus.WAITING:
                raise ValidationError({"entry": Message(
                        "front_desk.already_been_called",
                        "{display_name} has already been called in.", display_name=entry.display_name)})
            appt = session.get(Appointment, entry.booked_appointment_id) if entry.booked_appointment_id else None
            if appt is not None and appt.status == AppointmentStatus.SCHEDULED:
                base: int | None = appt.version
                appt.status = AppointmentStatus.IN_PROGRESS
                appt.started_at = now
                appt.counselor_id = self._actor.user_id or appt.counselor_id
                if not appt.job_seeker_id and not appt.wizard_state:  # a prospect: open on their name
                    appt.wizard_state = walk_in_draft(entry.display_name)
                appt.version = (base or 0) + 1
                appt.updated_at = now
                op = ChangeOp.UPDATE
            else:
                appt = Appointment(job_seeker_id=entry.job_seeker_id, counselor_id=self._actor.user_id,
                                   center_id=self._actor.center_id, kind=AppointmentKind.WALK_IN, place_kind=PlaceKind.CENTER,
                                   place_name=self._actor.center_name, status=AppointmentStatus.IN_PROGRESS, started_at=now,
                                   scheduled_at=entry.arrived_at, wizard_state=walk_in_draft(entry.display_name)
                                   if not entry.job_seeker_id else {}, version=1, created_at=now,
                                   updated_at=now)
                session.add(appt)
                base = None
                op = ChangeOp.CREATE
            session.flush()
            payload = outbox_payload(appt, drop=("wizard_state", "wizard_step"))
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=op, payload=payload,
                          base_version=base)
            e_base = entry.version
            entry.status = WaitingStatus.STARTED
            entry.started_at = now
            entry.appointment_id = appt.id
            entry.version = e_base + 1
            entry.updated_at = now
            session.flush()
            append_change(session, entity=Entity.WAITING_ENTRY, entity_id=entry.id, op=ChangeOp.UPDATE,
                          payload=outbox_payload(entry), base_version=e_base)
            record_audit(session, self._actor, "call_in", entity=Entity.WAITING_ENTRY, entity_id=entry.id)
            session.expunge(appt)
            return Saved(appt)

    @returns_changes
    def left_unseen(self, entry_id: str) -> Written:
        now = self._clock()
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            entry = session.get(WaitingEntry, entry_id)
            if entry is None or entry.status != WaitingStatus.WAITING:
                raise NotFoundError(Message(
                        "front_desk.person_longer_waiting",
                        "This person is no longer on the waiting list."))
            base = entry.version
            entry.status = WaitingStatus.LEFT
            entry.left_at = now
            entry.version = base + 1
            entry.updated_at = now
            session.flush()
            append_change(session, entity=Entity.WAITING_ENTRY, entity_id=entry.id, op=ChangeOp.UPDATE,
                          payload=outbox_payload(entry), base_version=base)
        return Written()

    @returns_changes
    def mark_served(self, appointment_id: str) -> Written:
        """After an appointment ends: a partner referral behind it becomes ``served``."""
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            ref = session.scalar(select(PartnerReferral).where(PartnerReferral.appointment_id == appointment_id))
            if ref is not None:
                set_referral_status(session, ref.id, ReferralStatus.SERVED, now=self._clock())
        return Written()

    def wait_and_service(self, start: date, end: date) -> WaitServiceFigures:
        """Figures over arrivals from local ``start`` to ``end`` inclusive (for the reports)."""
        lo, _ = day_bounds_utc(start, self.zone)
        _, hi = day_bounds_utc(end, self.zone)
        with self._store.read() as session:
            rows = session.execute(
                select(WaitingEntry.status, WaitingEntry.arrived_at, WaitingEntry.started_at, Appointment.ended_at)
                .outerjoin(Appointment, Appointment.id == WaitingEntry.appointment_id)
                .where(WaitingEntry.arrived_at >= lo, WaitingEntry.arrived_at < hi)).all()
        waits = [(s - a).total_seconds() / 60 for st, a, s, _ in rows if st == WaitingStatus.STARTED and s]
        services = [(e - s).total_seconds() / 60 for st, _, s, e in rows if st == WaitingStatus.STARTED and s and e]
        left = sum(1 for st, *_ in rows if st == WaitingStatus.LEFT)

        return WaitServiceFigures(seen=len(waits), left_unseen=left,
                                  median_wait_min=statistics.median(waits) if waits else None,
                                  p90_wait_min=p90(waits),
                                  median_service_min=statistics.median(services) if services else None,
                                  p90_service_min=p90(services))

    def wait_and_service_report(self, start: date, end: date, *, center_id: str | None = None,
                                counselor_id: str | None = None) -> WaitServiceReport:
        """The report's figures over arrivals from local ``start`` to ``end`` inclusive, optionally for one
        center or one counselor (who called the person in; the booked counselor for someone who left)."""
        lo, _ = day_bounds_utc(start, self.zone)
        _, hi = day_bounds_utc(end, self.zone)
        booking = aliased(AppointmentBooking)
        query = (select(WaitingEntry.status, WaitingEntry.arrived_at, WaitingEntry.started_at, Appointment.ended_at,
                        Center.name, User.display_name, booking.counselor_name)
                 .outerjoin(Appointment, Appointment.id == WaitingEntry.appointment_id)
                 .outerjoin(booking, booking.id == WaitingEntry.booked_appointment_id)
                 .outerjoin(Center, Center.id == WaitingEntry.center_id)
                 .outerjoin(User, User.id == func.coalesce(Appointment.counselor_id, booking.counselor_id))
                 .where(WaitingEntry.arrived_at >= lo, WaitingEntry.arrived_at < hi,
                        WaitingEntry.status != WaitingStatus.WAITING))
        if center_id is not None:
            query = query.where(WaitingEntry.center_id == center_id)
        if counselor_id is not None:
            query = query.where(func.coalesce(Appointment.counselor_id, booking.counselor_id) == counselor_id)
        with self._store.read() as session:
            found = session.execute(query).all()
        days: dict[str, list[Any]] = {}
        centers: dict[str, list[Any]] = {}
        counselors: dict[str, list[Any]] = {}
        every: list[Any] = []
        for status, arrived, started, ended, center, user_name, booked_name in found:
            wait = (started - arrived).total_seconds() / 60 if started else None
            service = (ended - started).total_seconds() / 60 if started and ended else None
            row = (status, wait, service)
            every.append(row)
            days.setdefault(utc_to_local(arrived, self.zone).date().isoformat(), []).append(row)
            centers.setdefault(center or "", []).append(row)
            counselors.setdefault(user_name or booked_name or "", []).append(row)

        def groups(parts: dict[str, list[Any]]) -> list[WaitServiceGroup]:
            return [_group(k, k, parts[k]) for k in sorted(parts, key=str.casefold)]

        return WaitServiceReport(start=start, end=end, totals=_group("", "All", every), by_day=groups(days),
                                 by_center=groups(centers), by_counselor=groups(counselors))
