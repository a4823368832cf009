"""The center's "now" and "today": every day a person reads (Today's header, today's appointments, the front
desk, license dates, the reports' default end) is the center's day (``Settings.center_time_zone``), never the
computer's: a laptop left in UTC at 8:50 PM in Boston is still on the center's day, not on tomorrow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from counselor_app.core.models import utcnow


def center_now(zone_name: str | None, *, clock: Callable[[], datetime] | None = None) -> datetime:
    """Now as an aware datetime in the center's zone (``clock`` returns naive UTC, fixed in tests)."""
    from counselor_app.core.scheduling import center_zone

    return (clock or utcnow)().replace(tzinfo=UTC).astimezone(center_zone(zone_name))


def center_today(zone_name: str | None, *, clock: Callable[[], datetime] | None = None) -> date:
    """The center's calendar day now."""
    return center_now(zone_name, clock=clock).date()
