"""The center's shared calendar on the server (issue 16): a counselor cannot be booked twice at once, whichever
desks of the center made the two bookings.

Each desk refuses an overlapping booking among the bookings it knows; bookings made at two desks before either
heard of the other meet here. The second one to arrive is refused (``rule``) with a sentence saying whose time it
takes and when, in the center's time zone the desk sent (``time_zone``, wire only); the desk keeps its booking
set aside and says so, so nothing is lost, and moving or cancelling it there sends it again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, literal_column, select, text
from sqlalchemy.orm import Session

from counselor_app.agency_server.models import ServerRecord
from counselor_app.core.vocabulary import AppointmentStatus, Entity

#: Appointment statuses whose booking holds its time (a no-show, a completed or cancelled one does not).
HOLDING = (AppointmentStatus.SCHEDULED, AppointmentStatus.IN_PROGRESS)
#: The index that serves the clash check (migration ``i16b_booking_index``): booking rows only, by center and
#: counselor. The query spells the key and the row condition as literal SQL, exactly as the index does: a
#: database matches an expression index (and a partial index's condition) by its text, not through parameters.
BOOKING_INDEX = "ix_server_record_booking_counselor"
BOOKINGS_ONLY = f"entity = '{Entity.APPOINTMENT_BOOKING}'"


def counselor_key_sql(dialect: str, *, qualified: bool = True) -> str:
    data = "server_record.data" if qualified else "data"
    if dialect == "postgresql":
        return f"({data} ->> 'counselor_key')"
    return f"json_extract({data}, '$.counselor_key')"


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def _zone(name: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str(name)) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def booking_refusal(session: Session, *, center_id: int | None, booking_id: str, data: dict[str, Any]) -> str | None:
    """Why the booking ``data`` (the record as it would be after the change) cannot be stored, or None."""
    key = data.get("counselor_key")
    if center_id is None or not isinstance(key, str) or not key or data.get("cancelled"):
        return None
    starts, ends = _instant(data.get("starts_at")), _instant(data.get("ends_at"))
    if starts is None or ends is None:
        return None
    dialect = session.get_bind().dialect.name
    others = session.scalars(select(ServerRecord).where(
        text(BOOKINGS_ONLY),
        ServerRecord.center_id == center_id, literal_column(counselor_key_sql(dialect)) == bindparam("counselor_key", key),
        ServerRecord.deleted.is_(False), ServerRecord.entity_id != booking_id))
    for other in others:
        theirs = other.data
        if theirs.get("cancelled") or theirs.get("counselor_key") != key:
            continue
        o_start, o_end = _instant(theirs.get("starts_at")), _instant(theirs.get("ends_at"))
        if o_start is None or o_end is None or not (o_start < ends and o_end > starts):
            continue
        appt = session.get(ServerRecord, (Entity.APPOINTMENT, other.entity_id))
        if appt is not None and (appt.deleted or appt.data.get("status") not in HOLDING):
            continue
        zone = _zone(data.get("time_zone") or theirs.get("time_zone"))
        local_start = o_start.replace(tzinfo=UTC).astimezone(zone)
        local_end = o_end.replace(tzinfo=UTC).astimezone(zone)
        who = theirs.get("counselor_name") or data.get("counselor_name") or key
        return (f"{who} already has an appointment from {local_start:%H:%M} to {local_end:%H:%M} on "
                f"{local_start:%A %Y-%m-%d} ({zone.key}), booked at another desk of the center. This booking was "
                "not saved on the server: move it to another time or another counselor, or cancel it.")
    return None
