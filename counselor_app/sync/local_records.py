"""Writing a server's copy of a record into the local store (feed items, "take theirs" on a conflict).

The server speaks JSON; local columns want dates, datetimes and booleans. Foreign keys need care: a record
made on another device names that device's center and user rows, which do not exist here, so the center is
matched by name and an unknown user reference is dropped rather than breaking ``foreign_keys=ON``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, inspect, select
from sqlalchemy.orm import Session

from counselor_app.core.changes import json_safe
from counselor_app.core.models import (
    Appointment,
    Base,
    CaseManagementService,
    CaseNote,
    Center,
    EligibilityAttestation,
    JobSeeker,
    LearningPlanRecord,
    LicenseIssuance,
    OutcomeRecord,
    ReminderSend,
    utcnow,
)
from counselor_app.core.outreach_models import (
    AppointmentBooking,
    CampaignContact,
    OutreachAttempt,
    OutreachCampaign,
    WaitingEntry,
)
from counselor_app.core.vocabulary import Entity

LOCAL_MODELS: dict[str, type[Base]] = {
    Entity.JOB_SEEKER: JobSeeker, Entity.APPOINTMENT: Appointment, Entity.ELIGIBILITY_ATTESTATION: EligibilityAttestation,
    Entity.LEARNING_PLAN: LearningPlanRecord, Entity.LICENSE_ISSUANCE: LicenseIssuance, Entity.CASE_SERVICE: CaseManagementService,
    Entity.CASE_NOTE: CaseNote, Entity.OUTCOME: OutcomeRecord, Entity.REMINDER_SEND: ReminderSend,
    # Outreach campaigns are worked by every desk of the center; bookings and the waiting list (issue 16).
    Entity.OUTREACH_CAMPAIGN: OutreachCampaign, Entity.CAMPAIGN_CONTACT: CampaignContact,
    Entity.OUTREACH_ATTEMPT: OutreachAttempt, Entity.APPOINTMENT_BOOKING: AppointmentBooking,
    Entity.WAITING_ENTRY: WaitingEntry,
}
# Bookkeeping columns: never shown as a difference between two versions, never chosen field by field.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "wizard_step", "wizard_state"})


def to_column_value(column: Any, value: Any) -> Any:
    """A JSON value as the column's Python type; aware datetimes become naive UTC like the rest of the store."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            if isinstance(value, datetime):
                parsed = value
            else:
                parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(UTC).replace(tzinfo=None)
            return parsed
        if isinstance(kind, Date):
            return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        if isinstance(kind, Boolean):
            return bool(value)
        if isinstance(kind, Integer):
            return int(value)
        if isinstance(kind, Float):
            return float(value)
    except (TypeError, ValueError):
        return None
    return value


class ForeignKeyResolver:
    """Checks (and caches, for one transaction) whether a referenced row exists locally."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._exists: dict[tuple[str, str], bool] = {}
        self._centers: dict[str, str] = {}

    def exists(self, table: str, key: str) -> bool:
        cache_key = (table, key)
        if cache_key not in self._exists:
            model = next((m for m in Base.registry.mappers
                          if getattr(m.local_table, "name", None) == table), None)
            self._exists[cache_key] = bool(model is not None and self.session.get(model.class_, key) is not None)
        return self._exists[cache_key]

    def forget_missing(self) -> None:
        """Look again at rows found missing: a parent may have been written since."""
        self._exists = {k: v for k, v in self._exists.items() if v}

    def center_id(self, name: str) -> str:
        if name not in self._centers:
            center = self.session.scalar(select(Center).where(Center.name == name))
            if center is None:
                center = Center(name=name, created_at=utcnow())
                self.session.add(center)
                self.session.flush()
            self._centers[name] = center.id
        return self._centers[name]


#: Tables the feed fills: a record naming a row of one of these that is not here yet waits for it.
FEED_TABLES = frozenset(m.__tablename__ for m in LOCAL_MODELS.values())


def waits_for_parent(session: Session, *, entity: str, entity_id: str, data: dict[str, Any],
                     center_name: str | None, resolver: ForeignKeyResolver, optional_links: bool = True) -> bool:
    """Whether a new record cannot be stored yet because the record it belongs to (its job seeker, its appointment,
    its campaign) has not reached this device: the feed lists a record where it last changed, so a parent edited
    later comes after it. The caller keeps such a record and applies it when the parent arrives.
    ``optional_links=False``: only a required parent counts (a nullable link would be stored empty)."""
    model = LOCAL_MODELS.get(entity)
    if model is None:
        return False
    if entity == Entity.APPOINTMENT_BOOKING and not resolver.exists(Appointment.__tablename__, entity_id):
        return True  # a booking shares its appointment's id
    values = record_values(model, data)
    for attr in inspect(model).column_attrs:
        column = attr.columns[0]
        if not column.foreign_keys or (column.nullable and not optional_links):
            continue  # a nullable link waits too: stored without it, the record would lose its person
        target = next(iter(column.foreign_keys)).column.table.name
        value = values.get(attr.key)
        if value is None or target not in FEED_TABLES or resolver.exists(target, str(value)):
            continue
        return True
    return False


def record_values(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """Column values present in ``data``, converted; ``id`` excluded."""
    mapper = inspect(model)
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        key = attr.key
        if key == "id" or key not in data:
            continue
        out[key] = to_column_value(attr.columns[0], data[key])
    return out


def apply_server_record(session: Session, *, entity: str, entity_id: str, data: dict[str, Any], version: int,
                        center_name: str | None, resolver: ForeignKeyResolver | None = None) -> Base | None:
    """Make the local row equal the server's copy. Returns None (and writes nothing) when the record cannot be
    stored here, e.g. it refers to a job seeker this device does not have."""
    model = LOCAL_MODELS.get(entity)
    if model is None:
        return None
    resolver = resolver or ForeignKeyResolver(session)
    row = session.get(model, entity_id)
    values = record_values(model, data)
    mapper = inspect(model)
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if not column.foreign_keys or attr.key not in values:
            continue
        target = next(iter(column.foreign_keys)).column.table.name
        value = values[attr.key]
        if value is None or resolver.exists(target, str(value)):
            continue
        if target == "center" and center_name:
            values[attr.key] = resolver.center_id(center_name)
        elif row is not None:
            values[attr.key] = getattr(row, attr.key)  # keep what this device knows
        elif column.nullable:
            values[attr.key] = None
        else:
            return None
    if "version" in {a.key for a in mapper.column_attrs}:
        values["version"] = version
    if row is None:
        missing = [c.key for c in mapper.column_attrs if not c.columns[0].nullable and c.columns[0].default is None
                   and c.key != "id" and values.get(c.key) is None]
        if missing:
            return None
        row = model(id=entity_id, **values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return row


def local_snapshot(row: Base) -> dict[str, Any]:
    """A local row as JSON values, comparable with the server's copy."""
    mapper = inspect(row).mapper
    return {attr.key: json_safe(getattr(row, attr.key)) for attr in mapper.column_attrs}
