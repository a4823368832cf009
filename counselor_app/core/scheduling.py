"""Booked appointments: by date and time, per counselor, in the center's time zone.

Times are stored as naive UTC and turned into the center's wall-clock time (``zoneinfo``) only to show or read
them, so a week that crosses a daylight-saving change lists every booking at the hour it was booked for, and two
bookings are compared on the real timeline. A wall-clock time that does not exist (the hour skipped in March) is
refused; one that happens twice (the hour repeated in November) means the first, daylight-saving one, unless the
caller passes ``fold=1``.

A counselor cannot hold two bookings that overlap (``BookingConflict``). The confirmation goes when the booking
is made (if there is an e-mail address); the reminder goes the day before, from ``REMINDER_HOUR`` local time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, or_, select

from counselor_app.core.campaigns import link_contact_booking
from counselor_app.core.changes import Actor, append_change, json_safe, record_audit, record_payload
from counselor_app.core.errors import CounselorDeskError, NotFoundError, ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.models import Appointment, JobSeeker, OutboxEntry, User, utcnow
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Written, note_changes, returns_changes
from counselor_app.core.outreach_mail import (
    AppointmentNotice,
    MailError,
    MailSender,
    appointment_message,
)
from counselor_app.core.outreach_models import (
    AppointmentBooking,
    CampaignContact,
    WaitingEntry,
    outbox_payload,
)
from counselor_app.core.partner_referrals import ReferralStatus, set_referral_status
from counselor_app.core.vocabulary import AppointmentKind, ChangeOp, Entity, OutboxState, PlaceKind

if TYPE_CHECKING:
    from counselor_app.core.db import Store

UTC = ZoneInfo("UTC")
DEFAULT_ZONE = "America/New_York"
REMINDER_HOUR = 9
MIN_MINUTES = 10
MAX_MINUTES = 8 * 60


class BookingMode(StrEnum):
    IN_PERSON = "in_person"
    OUTREACH_EVENT = "outreach_event"
    PHONE = "phone"
    VIDEO = "video"


class BookingStatus(StrEnum):
    """The appointment statuses a booking moves through (``appointment.status``)."""

    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class DayStatus(StrEnum):
    """Where a booked (or walked-in) person stands on the day: the one vocabulary the Today page and the Calendar
    both show. booked → checked in → in appointment → served, or no-show / cancelled."""

    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    IN_APPOINTMENT = "in_appointment"
    SERVED = "served"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


def day_status(appointment_status: str, *, waiting: bool = False) -> DayStatus:
    """The day's status of an appointment; ``waiting`` when the person is on the front desk's waiting list."""
    if appointment_status == BookingStatus.SCHEDULED:
        return DayStatus.CHECKED_IN if waiting else DayStatus.BOOKED
    after: dict[str, DayStatus] = {BookingStatus.IN_PROGRESS: DayStatus.IN_APPOINTMENT,
                                   BookingStatus.COMPLETED: DayStatus.SERVED, BookingStatus.NO_SHOW: DayStatus.NO_SHOW}
    return after.get(appointment_status, DayStatus.CANCELLED)


class BookingConflict(CounselorDeskError):
    """The counselor already has a booking in that time; ``other_id`` is the appointment in the way."""

    def __init__(self, other_id: str, other_start_local: datetime) -> None:
        self.other_id = other_id
        self.other_start_local = other_start_local
        super().__init__(f"The counselor already has an appointment at {other_start_local:%H:%M} that overlaps "
                         "this time. Choose another time or another counselor.")


class NonexistentLocalTime(ValidationError):
    def __init__(self, local: datetime) -> None:
        super().__init__({"starts_at": f"{local:%H:%M} does not exist on {local:%Y-%m-%d}: the clocks jump "
                                       "forward that night. Choose another time."})


def center_zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def local_to_utc(local: datetime, zone: ZoneInfo, *, fold: int = 0) -> datetime:
    """A naive wall-clock time in ``zone`` as naive UTC. Raises ``NonexistentLocalTime`` for a skipped time."""
    aware = local.replace(tzinfo=zone, fold=fold)
    as_utc = aware.astimezone(UTC)
    if as_utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NonexistentLocalTime(local)
    return as_utc.replace(tzinfo=None)


def utc_to_local(value: datetime, zone: ZoneInfo) -> datetime:
    return value.replace(tzinfo=UTC).astimezone(zone)


def day_bounds_utc(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants of local midnight and the next local midnight (23 or 25 hours apart on DST days)."""
    start = datetime.combine(day, time.min).replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    end = datetime.combine(day + timedelta(days=1), time.min).replace(tzinfo=zone).astimezone(UTC).replace(
        tzinfo=None)
    return start, end


@dataclass(frozen=True, slots=True)
class BookingRow:
    """One booking as a calendar shows it; ``starts_local``/``ends_local`` are aware, in the center's zone."""

    appointment_id: str
    job_seeker_id: str | None
    contact_id: str | None
    name: str
    counselor_id: str | None
    counselor_name: str
    mode: BookingMode
    status: BookingStatus
    starts_at: datetime
    ends_at: datetime
    starts_local: datetime
    ends_local: datetime
    email: str | None
    language: str
    day_status: DayStatus = DayStatus.BOOKED
    notes: str | None = None
    # Another live booking of the same counselor overlaps this one (made at another desk before either knew).
    double_booked: bool = False
    counselor_key: str | None = None
    place_name: str | None = None
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


def _booking_mode(mode: BookingMode | str) -> BookingMode:
    """``mode`` as a ``BookingMode``; raises ``ValidationError`` for anything else (book and reschedule)."""
    try:
        return BookingMode(mode)
    except ValueError:
        raise ValidationError({"mode": Message(
                "scheduling.choose_person_outreach",
                "Choose in person, outreach event, phone or video.")}) from None


def _check_minutes(minutes: int) -> None:
    """An appointment lasts MIN_MINUTES to MAX_MINUTES; raises ``ValidationError`` otherwise."""
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError({"minutes": Message(
                "scheduling.appointment_lasts_minutes",
                "An appointment lasts {min_minutes} minutes to 8 hours.", min_minutes=MIN_MINUTES)})


class SchedulingService:
    """``zone`` is the center's IANA time zone; ``clock`` returns naive UTC (fixed in tests)."""

    def __init__(self, store: Store, actor: Actor, *, zone: str | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._actor = actor
        self.zone = center_zone(zone)
        self._clock = clock

    def now_local(self) -> datetime:
        return utc_to_local(self._clock(), self.zone)

    def next_free_start(self, day: date | None = None, *, minutes: int = 30,
                        counselor_id: str | None = None) -> datetime:
        """Where the booking dialog opens: the first half hour (local, naive) with nothing in the counselor's
        way, on ``day`` from 10:00 when it is later than today, else from the next half hour after now."""
        now = self.now_local().replace(tzinfo=None)
        day = day or now.date()
        if day > now.date():
            start = datetime.combine(day, time(10, 0))
        else:
            start = now.replace(minute=0, second=0, microsecond=0) + timedelta(minutes=30 if now.minute < 30 else 60)
        for _ in range(96):
            try:
                if self.check(local_start=start, minutes=minutes, counselor_id=counselor_id) is None:
                    return start
            except ValidationError:
                pass  # a time the clocks skip
            start += timedelta(minutes=30)
        return start

    def _refuse_past(self, starts_utc: datetime) -> None:
        """A new booking or a move must start later than now (the center's clock, stored as UTC)."""
        if starts_utc < self._clock():
            raise ValidationError({"starts_at": Message(
                    "scheduling.starts_in_past",
                    "This time has already passed. Choose a later time.")})

    # -- booking -----------------------------------------------------------------------------------------
    @returns_changes
    def book(self, *, local_start: datetime, minutes: int = 30, mode: BookingMode | str = BookingMode.IN_PERSON,
             counselor_id: str | None = None, job_seeker_id: str | None = None, contact_id: str | None = None,
             place_name: str | None = None, email: str | None = None, language: str | None = None,
             referral_id: str | None = None, fold: int = 0, notes: str | None = None,
             counselor_key: str | None = None) -> BookingRow:
        """Book a job seeker (or a campaign prospect) with a counselor at a local wall-clock time.

        Raises ``ValidationError`` (bad mode, duration, skipped local time, nobody to book), ``NotFoundError``,
        ``BookingConflict``. Writes the appointment, its booking and their outbox rows in one transaction."""
        mode = _booking_mode(mode)
        _check_minutes(minutes)
        if job_seeker_id is None and contact_id is None:
            raise ValidationError({"job_seeker_id": Message(
                    "scheduling.choose_whom_appointment",
                    "Choose whom the appointment is for.")})
        starts = local_to_utc(local_start, self.zone, fold=fold)
        self._refuse_past(starts)
        ends = starts + timedelta(minutes=minutes)
        if counselor_id is None and counselor_key is None:
            counselor_id = self._actor.user_id
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            counselor_id, counselor, key, counselor_name = _who(session, counselor_id, counselor_key)
            name = ""
            if job_seeker_id is not None:
                seeker = session.get(JobSeeker, job_seeker_id)
                if seeker is None:
                    raise NotFoundError(Message(
                            "scheduling.job_seeker_local",
                            "This job seeker is not in the local records."))
                name = seeker.full_name
                email = email or seeker.email
                language = language or seeker.preferred_language
            contact = session.get(CampaignContact, contact_id) if contact_id else None
            if contact_id and contact is None:
                raise NotFoundError(Message(
                        "scheduling.person_longer_campaign",
                        "This person is no longer on the campaign list."))
            if contact is not None:
                name = name or contact.full_name
                email = email or contact.email
                language = language or contact.preferred_language
                job_seeker_id = job_seeker_id or contact.job_seeker_id
            clash = _clash(session, counselor_id, key, starts, ends)
            if clash is not None:
                raise BookingConflict(clash.id, utc_to_local(clash.starts_at, self.zone))
            now = self._clock()
            appt = Appointment(job_seeker_id=job_seeker_id, counselor_id=counselor_id,
                               center_id=self._actor.center_id, kind=AppointmentKind.SCHEDULED,
                               place_kind=PlaceKind.OUTREACH if mode == BookingMode.OUTREACH_EVENT else PlaceKind.CENTER,
                               place_name=place_name or self._actor.center_name, status=BookingStatus.SCHEDULED,
                               scheduled_at=starts, wizard_state={}, version=1, created_at=now, updated_at=now)
            session.add(appt)
            session.flush()
            booking = AppointmentBooking(id=appt.id, version=1, mode=mode, starts_at=starts, ends_at=ends,
                                         counselor_id=counselor_id, language=(language or "en"), email=email,
                                         contact_id=contact_id, referral_id=referral_id, cancelled=False,
                                         created_at=now, updated_at=now, counselor_key=key,
                                         counselor_name=counselor_name,
                                         notes=(notes or "").strip()[:2000] or None)
            session.add(booking)
            session.flush()
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=ChangeOp.CREATE,
                          payload=_appointment_payload(appt))
            append_change(session, entity=Entity.APPOINTMENT_BOOKING, entity_id=appt.id, op=ChangeOp.CREATE,
                          payload=record_payload(booking) | {"time_zone": self.zone.key})
            if contact is not None:
                referral_id = link_contact_booking(session, contact.id, appt.id, now=now) or referral_id
            if referral_id:
                set_referral_status(session, referral_id, ReferralStatus.BOOKED, now=now, appointment_id=appt.id)
            record_audit(session, self._actor, "book", entity=Entity.APPOINTMENT, entity_id=appt.id,
                         detail={"mode": str(mode), "minutes": minutes})
            return self._row(appt, booking, name, counselor_name or "")

    def counselors(self) -> list[tuple[str | None, str | None, str]]:
        """Whom a booking can be for: (this desk's user id or None, sign-in name, name), this desk's users
        first, then the center's counselors known here only from bookings made at other desks."""
        with self._store.read() as session:
            local = [(u.id, counselor_key(u), u.display_name) for u in session.scalars(
                select(User).where(User.username.not_in(("system", "unconfigured"))).order_by(User.display_name))]
            known = {k for _, k, _ in local if k}
            remote: dict[str, str] = {}
            for key, name in session.execute(
                    select(AppointmentBooking.counselor_key, AppointmentBooking.counselor_name)
                    .where(AppointmentBooking.counselor_key.is_not(None)).distinct()):
                if key is not None and key not in known:
                    remote[key] = name or key
        return local + sorted(((None, k, n) for k, n in remote.items()), key=lambda t: t[2])

    def check(self, *, local_start: datetime, minutes: int, counselor_id: str | None,
              ignore_id: str | None = None, fold: int = 0, counselor_key: str | None = None) -> BookingRow | None:
        """The booking in the way of this time for this counselor (here or at another desk of the center, as
        far as this desk has heard), else None; for the booking dialog to say so before saving. Raises
        ``NonexistentLocalTime``."""
        starts = local_to_utc(local_start, self.zone, fold=fold)
        ends = starts + timedelta(minutes=minutes)
        if counselor_id is None and counselor_key is None:
            counselor_id = self._actor.user_id
        with self._store.read() as session:
            counselor_id, _, key, _ = _who(session, counselor_id, counselor_key)
            clash = _clash(session, counselor_id, key, starts, ends, ignore_id=ignore_id)
            clash_id = clash.id if clash is not None else None
        return self.get(clash_id) if clash_id else None

    def _row(self, appt: Appointment, booking: AppointmentBooking, name: str, counselor_name: str, *,
             waiting: bool = False) -> BookingRow:
        return BookingRow(
            appointment_id=appt.id, job_seeker_id=appt.job_seeker_id, contact_id=booking.contact_id, name=name,
            counselor_id=booking.counselor_id, counselor_name=counselor_name, mode=BookingMode(booking.mode),
            status=BookingStatus(appt.status), starts_at=booking.starts_at, ends_at=booking.ends_at,
            starts_local=utc_to_local(booking.starts_at, self.zone),
            ends_local=utc_to_local(booking.ends_at, self.zone), email=booking.email, language=booking.language,
            day_status=day_status(appt.status, waiting=waiting), notes=booking.notes,
            counselor_key=booking.counselor_key, place_name=appt.place_name)

    # -- reading -----------------------------------------------------------------------------------------
    def between(self, start_utc: datetime, end_utc: datetime, *, counselor_id: str | None = None,
                include_cancelled: bool = False, counselor_key: str | None = None) -> list[BookingRow]:
        with self._store.read() as session:
            query = (select(Appointment, AppointmentBooking, JobSeeker, CampaignContact, User)
                     .join(AppointmentBooking, AppointmentBooking.id == Appointment.id)
                     .outerjoin(JobSeeker, JobSeeker.id == Appointment.job_seeker_id)
                     .outerjoin(CampaignContact, CampaignContact.id == AppointmentBooking.contact_id)
                     .outerjoin(User, User.id == AppointmentBooking.counselor_id)
                     .where(AppointmentBooking.starts_at < end_utc, AppointmentBooking.ends_at > start_utc)
                     .order_by(AppointmentBooking.starts_at))
            who = [AppointmentBooking.counselor_id == counselor_id] if counselor_id else []
            if counselor_key:
                who.append(AppointmentBooking.counselor_key == counselor_key)
            if who:
                query = query.where(or_(*who))
            if not include_cancelled:
                query = query.where(AppointmentBooking.cancelled.is_(False))
            found = list(session.execute(query))
            scheduled = [appt.id for appt, *_ in found if appt.status == BookingStatus.SCHEDULED]
            waiting: set[str] = set()
            for start in range(0, len(scheduled), 500):
                waiting.update(session.scalars(select(WaitingEntry.booked_appointment_id).where(
                    WaitingEntry.booked_appointment_id.in_(scheduled[start:start + 500]),
                    WaitingEntry.status == "waiting")))
            rows = []
            for appt, booking, seeker, contact, user in found:
                name = seeker.full_name if seeker else (contact.full_name if contact else "")
                rows.append(self._row(appt, booking, name,
                                      (user.display_name if user else "") or (booking.counselor_name or ""),
                                      waiting=appt.id in waiting))
        return _mark_double_bookings(rows)

    def day(self, day: date, *, counselor_id: str | None = None, counselor_key: str | None = None) -> list[BookingRow]:
        """The bookings of one local day, in time order."""
        start, end = day_bounds_utc(day, self.zone)
        return self.between(start, end, counselor_id=counselor_id, counselor_key=counselor_key)

    def week(self, any_day: date, *, counselor_id: str | None = None,
             counselor_key: str | None = None) -> dict[date, list[BookingRow]]:
        """Monday to Sunday of the week holding ``any_day``: local date → that day's bookings."""
        monday = any_day - timedelta(days=any_day.weekday())
        days = {monday + timedelta(days=i): [] for i in range(7)}  # type: dict[date, list[BookingRow]]
        start, _ = day_bounds_utc(monday, self.zone)
        _, end = day_bounds_utc(monday + timedelta(days=6), self.zone)
        for row in self.between(start, end, counselor_id=counselor_id, counselor_key=counselor_key):
            days.setdefault(row.starts_local.date(), []).append(row)
        return days

    def due_today(self) -> list[BookingRow]:
        """Today's bookings not yet checked in, started, ended or missed, and not over yet (center time): who is
        still due at the front desk."""
        now = self.now_local()
        return [r for r in self.day(now.date()) if r.day_status == DayStatus.BOOKED and r.ends_local > now]

    def unconfirmed(self, appointment_ids: list[str]) -> set[str]:
        """Of these appointments, the booked ones the center's calendar does not hold: the server refused the
        booking (its counselor was booked at that time at another desk) while it took the appointment. At another
        desk such an appointment has no booking at all (the server never had one to send); at the desk that made
        it, the booking waits set aside. Either way it is not confirmed until that desk moves or cancels it."""
        if not appointment_ids:
            return set()
        found: set[str] = set()
        with self._store.read() as session:
            for start in range(0, len(appointment_ids), 500):
                chunk = appointment_ids[start:start + 500]
                found.update(session.scalars(
                    select(Appointment.id).outerjoin(AppointmentBooking, AppointmentBooking.id == Appointment.id)
                    .where(Appointment.id.in_(chunk), Appointment.status == BookingStatus.SCHEDULED,
                           AppointmentBooking.id.is_(None))))
                found.update(session.scalars(select(OutboxEntry.entity_id).where(
                    OutboxEntry.entity == Entity.APPOINTMENT_BOOKING, OutboxEntry.entity_id.in_(chunk),
                    OutboxEntry.op == ChangeOp.CREATE, OutboxEntry.status == OutboxState.PARKED)))
        return found

    # -- changes after booking ----------------------------------------------------------------------------
    def _set_status(self, appointment_id: str, status: BookingStatus, *, cancel: bool = False) -> None:
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            appt = session.get(Appointment, appointment_id)
            booking = session.get(AppointmentBooking, appointment_id)
            if appt is None or booking is None:
                raise NotFoundError(Message(
                        "scheduling.booking_local_records",
                        "This booking is not in the local records."))
            if appt.status != BookingStatus.SCHEDULED:
                raise ValidationError({"status": Message(
                        "scheduling.appointment_started_marked",
                        "Only an appointment that has not started can be marked so.")})
            now = self._clock()
            base = appt.version
            appt.status = status
            appt.version = base + 1
            appt.updated_at = now
            if status == BookingStatus.NO_SHOW:
                appt.outcome = None
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=ChangeOp.UPDATE,
                          payload={"status": str(status), "version": appt.version,
                                   "updated_at": now}, base_version=base)
            if cancel:
                b_base = booking.version
                booking.cancelled = True
                booking.version = b_base + 1
                booking.updated_at = now
                if not requeue_refused_create(session, booking, zone=self.zone.key):
                    append_change(session, entity=Entity.APPOINTMENT_BOOKING, entity_id=booking.id,
                                  op=ChangeOp.UPDATE, payload={"cancelled": True, "version": booking.version,
                                                               "updated_at": now}, base_version=b_base)
            record_audit(session, self._actor, str(status), entity=Entity.APPOINTMENT, entity_id=appt.id)

    @returns_changes
    def reschedule(self, appointment_id: str, *, local_start: datetime, minutes: int,
                   counselor_id: str | None = None, fold: int = 0, counselor_key: str | None = None,
                   mode: BookingMode | str | None = None, place_name: str | None = None,
                   notes: str | None = None) -> BookingRow:
        """Change a booking that has not started: its time, length and counselor, and (when given) how it is held,
        where, and its notes (``notes=""`` clears them; ``place_name=""`` is the center). Raises
        ``BookingConflict``, ``ValidationError``, ``NotFoundError``; the day-before reminder goes again for the
        new time."""
        if mode is not None:
            mode = _booking_mode(mode)
        _check_minutes(minutes)
        starts = local_to_utc(local_start, self.zone, fold=fold)
        self._refuse_past(starts)
        ends = starts + timedelta(minutes=minutes)
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            appt = session.get(Appointment, appointment_id)
            booking = session.get(AppointmentBooking, appointment_id)
            if appt is None or booking is None:
                raise NotFoundError(Message(
                        "scheduling.booking_local_records",
                        "This booking is not in the local records."))
            if appt.status != BookingStatus.SCHEDULED or booking.cancelled:
                raise ValidationError({"status": Message(
                        "scheduling.only_unstarted_moves",
                        "Only an appointment that has not started can be moved.")})
            if counselor_id is None and counselor_key is None:
                counselor_id, counselor_key = booking.counselor_id, booking.counselor_key
                if counselor_id is None and counselor_key is None:
                    counselor_id = self._actor.user_id
            counselor_id, _, key, counselor_name = _who(session, counselor_id, counselor_key)
            clash = _clash(session, counselor_id, key, starts, ends, ignore_id=appointment_id)
            if clash is not None:
                raise BookingConflict(clash.id, utc_to_local(clash.starts_at, self.zone))
            now = self._clock()
            base = appt.version
            appt.scheduled_at = starts
            appt.counselor_id = counselor_id
            if mode is not None:
                appt.place_kind = PlaceKind.OUTREACH if mode == BookingMode.OUTREACH_EVENT else PlaceKind.CENTER
                booking.mode = mode
            if place_name is not None:
                appt.place_name = place_name.strip()[:200] or self._actor.center_name
            if notes is not None:
                booking.notes = notes.strip()[:2000] or None
            appt.version = base + 1
            appt.updated_at = now
            append_change(session, entity=Entity.APPOINTMENT, entity_id=appt.id, op=ChangeOp.UPDATE,
                          payload={"scheduled_at": starts, "counselor_id": counselor_id, "version": appt.version,
                                   "place_kind": appt.place_kind, "place_name": appt.place_name,
                                   "updated_at": now}, base_version=base)
            b_base = booking.version
            booking.starts_at, booking.ends_at = starts, ends
            booking.counselor_id = counselor_id
            booking.counselor_key = key
            booking.counselor_name = counselor_name or booking.counselor_name
            booking.reminder_sent_at = None
            booking.version = b_base + 1
            booking.updated_at = now
            if not requeue_refused_create(session, booking, zone=self.zone.key):
                append_change(session, entity=Entity.APPOINTMENT_BOOKING, entity_id=booking.id, op=ChangeOp.UPDATE,
                              payload={"starts_at": starts, "ends_at": ends, "counselor_id": counselor_id,
                                       "counselor_key": key, "counselor_name": booking.counselor_name,
                                       "reminder_sent_at": None, "version": booking.version, "updated_at": now,
                                       "mode": booking.mode, "notes": booking.notes, "time_zone": self.zone.key},
                              base_version=b_base)
            record_audit(session, self._actor, "reschedule", entity=Entity.APPOINTMENT, entity_id=appt.id,
                         detail={"minutes": minutes, "mode": str(booking.mode)})
        return self.get(appointment_id)

    @returns_changes
    def record_no_show(self, appointment_id: str) -> Written:
        """The person did not come: the appointment is kept, marked ``no_show``; its time is free again."""
        if self.get(appointment_id).starts_at > self._clock():
            raise ValidationError({"status": Message(
                    "scheduling.appointment_marked_missed",
                    "An appointment can be marked as missed only once its time has come.")})
        self._set_status(appointment_id, BookingStatus.NO_SHOW)
        return Written()

    @returns_changes
    def cancel(self, appointment_id: str) -> Written:
        self._set_status(appointment_id, BookingStatus.CANCELLED, cancel=True)
        return Written()

    def get(self, appointment_id: str) -> BookingRow:
        with self._store.read() as session:
            booking = session.get(AppointmentBooking, appointment_id)
            if booking is None:
                raise NotFoundError(Message(
                        "scheduling.booking_local_records",
                        "This booking is not in the local records."))
        rows = self.between(booking.starts_at - timedelta(seconds=1), booking.ends_at + timedelta(seconds=1),
                            include_cancelled=True)
        for row in rows:
            if row.appointment_id == appointment_id:
                return row
        raise NotFoundError(Message(
                "scheduling.booking_local_records",
                "This booking is not in the local records."))

    # -- e-mail -----------------------------------------------------------------------------------------------
    def _notice(self, row: BookingRow) -> AppointmentNotice:
        with self._store.read() as session:
            appt = session.get(Appointment, row.appointment_id)
            place = (appt.place_name if appt else None) or self._actor.center_name
        return AppointmentNotice(appointment_id=row.appointment_id, to=row.email or "", name=row.name,
                                 language=row.language, starts_at=row.starts_at, ends_at=row.ends_at,
                                 zone=self.zone.key, mode=row.mode, center_name=self._actor.center_name or place,
                                 place=place, counselor_name=row.counselor_name)

    def send_confirmation(self, appointment_id: str, sender: MailSender, *, from_address: str) -> bool:
        """E-mail the confirmation with its .ics; False when there is no address. Raises ``MailError``."""
        row = self.get(appointment_id)
        if not row.email:
            return False
        sender.send(appointment_message(self._notice(row), kind="confirmation", sender=from_address,
                                        now=self._clock()))
        self._mark_sent(appointment_id, "confirmation_sent_at")
        return True

    def reminder_time(self, row: BookingRow) -> datetime:
        """Naive UTC of ``REMINDER_HOUR`` local on the day before the appointment."""
        day_before = row.starts_local.date() - timedelta(days=1)
        return local_to_utc(datetime.combine(day_before, time(REMINDER_HOUR)), self.zone)

    def due_reminders(self) -> list[BookingRow]:
        now = self._clock()
        rows = self.between(now, now + timedelta(days=2))
        with self._store.read() as session:
            sent = set(session.scalars(select(AppointmentBooking.id).where(
                AppointmentBooking.id.in_([r.appointment_id for r in rows]),
                AppointmentBooking.reminder_sent_at.is_not(None))))
        today = utc_to_local(now, self.zone).date()
        # From REMINDER_HOUR the day before until that day ends: it says "tomorrow", so never on the day itself
        # (a booking made for today got its confirmation).
        return [r for r in rows if r.status == BookingStatus.SCHEDULED and r.email and r.appointment_id not in sent
                and self.reminder_time(r) <= now and today < r.starts_local.date()]

    def send_due_reminders(self, sender: MailSender, *, from_address: str) -> tuple[int, int]:
        """Send every reminder that is due; returns (sent, failed). A failed one stays due for the next run."""
        sent = failed = 0
        for row in self.due_reminders():
            try:
                sender.send(appointment_message(self._notice(row), kind="reminder", sender=from_address,
                                                now=self._clock()))
            except MailError:
                failed += 1
                continue
            self._mark_sent(row.appointment_id, "reminder_sent_at")
            sent += 1
        return sent, failed

    def _mark_sent(self, appointment_id: str, column: str) -> None:
        with self._store.write() as session:
            note_changes(OpChanges(outreach=True, appointments=True))
            booking = session.get(AppointmentBooking, appointment_id)
            if booking is None:
                return
            now = self._clock()
            base = booking.version
            setattr(booking, column, now)
            booking.version = base + 1
            booking.updated_at = now
            append_change(session, entity=Entity.APPOINTMENT_BOOKING, entity_id=booking.id, op=ChangeOp.UPDATE,
                          payload={column: now, "version": booking.version, "updated_at": now}, base_version=base)


def _mark_double_bookings(rows: list[BookingRow]) -> list[BookingRow]:
    """Flag the live bookings that overlap another live booking of the same counselor."""
    live = [r for r in rows if r.day_status in (DayStatus.BOOKED, DayStatus.CHECKED_IN, DayStatus.IN_APPOINTMENT)]
    flagged: set[str] = set()
    for i, a in enumerate(live):
        for b in live[i + 1:]:
            if b.starts_at >= a.ends_at:
                continue  # rows come in start order, but a long booking may still overlap a later one
            same = ((a.counselor_key and a.counselor_key == b.counselor_key)
                    or (a.counselor_id and a.counselor_id == b.counselor_id))
            if same and a.starts_at < b.ends_at and b.starts_at < a.ends_at:
                flagged.update((a.appointment_id, b.appointment_id))
    if not flagged:
        return rows
    return [replace(r, double_booked=True) if r.appointment_id in flagged else r for r in rows]


def requeue_refused_create(session: Any, booking: AppointmentBooking, *, zone: str) -> bool:
    """A booking the server refused (it clashed with one made at another desk) waits, set aside, as its create
    change. Moving or cancelling it here sends the create again with the booking as it is now (a new change
    id), rather than an update the server could not apply. True when there was one to send again."""
    row = session.scalar(select(OutboxEntry).where(
        OutboxEntry.entity == Entity.APPOINTMENT_BOOKING, OutboxEntry.entity_id == booking.id,
        OutboxEntry.op == ChangeOp.CREATE, OutboxEntry.status == OutboxState.PARKED).limit(1))
    if row is None:
        return False
    session.flush()
    row.payload = json_safe(record_payload(booking) | {"time_zone": zone})
    row.change_id = str(uuid.uuid4())
    row.status = OutboxState.QUEUED
    row.last_error = None
    row.reason_code = None
    row.updated_at = utcnow()
    return True


def shared_booking_arrived(session: Any, booking_id: str) -> bool:
    """A booking made at another desk of the center has just been stored here: name its counselor by this
    desk's user row when the counselor signs in here too (the sign-in name), and say whether it overlaps a
    live booking of the same counselor made here (both desks booked the time before either heard of the other;
    the server refuses the second one to arrive, and the Calendar marks both)."""
    booking = session.get(AppointmentBooking, booking_id)
    if booking is None:
        return False
    if booking.counselor_key and booking.counselor_id is None:
        booking.counselor_id = session.scalar(select(User.id).where(
            func.lower(User.username) == booking.counselor_key).limit(1))
    appt = session.get(Appointment, booking_id)
    if booking.cancelled or appt is None or appt.status not in (BookingStatus.SCHEDULED, BookingStatus.IN_PROGRESS):
        return False
    session.flush()
    return _clash(session, booking.counselor_id, booking.counselor_key, booking.starts_at, booking.ends_at,
                  ignore_id=booking.id) is not None


def _who(session: Any, counselor_id: str | None, key: str | None) -> tuple[str | None, User | None, str | None,
                                                                          str | None]:
    """(user id here, user row, sign-in name, name) of a counselor named by this desk's id or by sign-in name."""
    user = session.get(User, counselor_id) if counselor_id else None
    if user is None and key:
        user = session.scalar(select(User).where(func.lower(User.username) == key.casefold()).limit(1))
    if user is not None:
        return user.id, user, counselor_key(user), user.display_name
    if key:
        name = session.scalar(select(AppointmentBooking.counselor_name).where(
            AppointmentBooking.counselor_key == key.casefold()).order_by(AppointmentBooking.updated_at.desc()).limit(1))
        return None, None, key.casefold(), name or key
    return None, None, None, None


def counselor_key(user: User | None) -> str | None:
    """The counselor as every desk of the center knows them: the sign-in name, folded."""
    return user.username.strip().casefold()[:120] if user is not None and user.username else None


def _clash(session: Any, counselor_id: str | None, key: str | None, starts: datetime, ends: datetime, *,
           ignore_id: str | None = None) -> AppointmentBooking | None:
    """The first live booking of this counselor (by this desk's user row, or by sign-in name for a booking
    that came from another desk) overlapping ``starts``–``ends``."""
    who = [AppointmentBooking.counselor_id == counselor_id] if counselor_id else []
    if key:
        who.append(AppointmentBooking.counselor_key == key)
    if not who:
        return None
    query = (select(AppointmentBooking).join(Appointment, Appointment.id == AppointmentBooking.id)
             .where(or_(*who), AppointmentBooking.cancelled.is_(False),
                    Appointment.status.in_((BookingStatus.SCHEDULED, BookingStatus.IN_PROGRESS)),
                    AppointmentBooking.starts_at < ends, AppointmentBooking.ends_at > starts)
             .order_by(AppointmentBooking.starts_at).limit(1))
    if ignore_id:
        query = query.where(AppointmentBooking.id != ignore_id)
    found: AppointmentBooking | None = session.scalars(query).first()
    return found


def _appointment_payload(appt: Appointment) -> dict[str, object]:
    # The wizard's draft stays on the device, as in ``AppointmentService``.
    return outbox_payload(appt, drop=("wizard_state", "wizard_step"))
