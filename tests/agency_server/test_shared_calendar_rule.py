"""The server keeps one counselor from being booked twice at once across a center's desks (issue 16), on SQLite
and PostgreSQL: the second booking to arrive is refused in words, in the center's time zone; a cancelled one, a
no-show, another counselor or another center does not block; moving a booking into a taken time is refused too."""

from __future__ import annotations

import uuid

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from counselor_app.agency_server.calendar_rules import booking_refusal
from tests.agency_server.server_support import LOWELL, Server, change


def _appointment_and_booking(*, start: str, end: str, key: str = "sam", status: str = "scheduled",
                             cancelled: bool = False) -> tuple[str, list[dict]]:
    appt_id = str(uuid.uuid4())
    return appt_id, [
        change("appointment", appt_id, kind="scheduled", place_kind="center", status=status),
        change("appointment_booking", appt_id, mode="in_person", starts_at=start, ends_at=end, counselor_key=key,
               counselor_name="Sam Ortiz", cancelled=cancelled, time_zone="America/New_York")]


def test_a_second_booking_of_one_counselor_at_one_time_is_refused(server: Server) -> None:
    first, changes = _appointment_and_booking(start="2030-03-11T14:00:00", end="2030-03-11T14:30:00")
    assert [r["status"] for r in server.push("dana", changes, device="front-desk")] == ["applied", "applied"]

    # Another desk of the center books Sam 10:15-10:45 local (EDT): refused, and says so.
    _, clash = _appointment_and_booking(start="2030-03-11T14:15:00", end="2030-03-11T14:45:00")
    results = server.push("frank", clash, device="counselor-laptop")
    assert results[0]["status"] == "applied" and results[1]["status"] == "rejected"
    assert results[1]["reason_code"] == "rule"
    assert "Sam Ortiz already has an appointment from 10:00 to 10:30 on Monday 2030-03-11 (America/New_York)" \
        in results[1]["reason"]

    # Right after it, another counselor, a cancelled booking and a no-show's time: all fine.
    for start, end, key, status, cancelled in (
            ("2030-03-11T14:30:00", "2030-03-11T15:00:00", "sam", "scheduled", False),
            ("2030-03-11T14:00:00", "2030-03-11T14:30:00", "lee", "scheduled", False),
            ("2030-03-11T14:10:00", "2030-03-11T14:20:00", "sam", "cancelled", True)):
        _, ok = _appointment_and_booking(start=start, end=end, key=key, status=status, cancelled=cancelled)
        assert [r["status"] for r in server.push("frank", ok, device="counselor-laptop")] == ["applied", "applied"]
    no_show = change("appointment", first, op="update", base_version=1, status="no_show", version=2)
    assert server.push("dana", [no_show], device="front-desk")[0]["status"] == "applied"
    _, after = _appointment_and_booking(start="2030-03-11T14:00:00", end="2030-03-11T14:20:00")
    assert [r["status"] for r in server.push("frank", after, device="counselor-laptop")] == ["applied", "applied"]

    # Moving a booking into a taken time is refused the same way.
    late, later = _appointment_and_booking(start="2030-03-11T18:00:00", end="2030-03-11T18:30:00")
    server.push("dana", later, device="front-desk")
    move = change("appointment_booking", late, op="update", base_version=1, starts_at="2030-03-11T14:35:00",
                  ends_at="2030-03-11T15:05:00", version=2)
    moved = server.push("dana", [move], device="front-desk")[0]
    assert moved["status"] == "rejected" and "from 10:30 to 11:00" in moved["reason"]

    # Another center's counselor with the same sign-in name is another calendar.
    server.user("lou", center=LOWELL)
    _, lowell = _appointment_and_booking(start="2030-03-11T14:00:00", end="2030-03-11T14:30:00")
    assert [r["status"] for r in server.push("lou", lowell, device="lowell-desk")] == ["applied", "applied"]


def test_the_clash_check_is_served_by_the_booking_index(server: Server) -> None:
    """The rule reads a counselor's bookings through ``ix_server_record_booking_counselor`` (migration
    i16b_booking_index) on both databases, not by reading every record of the center."""
    server.user("dana")
    _, changes = _appointment_and_booking(start="2030-03-11T14:00:00", end="2030-03-11T14:30:00")
    assert [r["status"] for r in server.push("dana", changes, device="front-desk")] == ["applied", "applied"]
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        seen.append((statement, parameters))

    engine = server.store.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with engine.connect() as conn, Session(bind=conn) as session:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SET enable_seqscan = off"))  # a table this small would be read whole anyway
            refusal = booking_refusal(session, center_id=1, booking_id=str(uuid.uuid4()), data={
                "counselor_key": "sam", "starts_at": "2030-03-11T14:10:00", "ends_at": "2030-03-11T14:20:00"})
            statement, parameters = next((s, p) for s, p in reversed(seen) if "counselor_key" in s)
            if conn.dialect.name == "sqlite":
                plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters).fetchall())
            else:
                plan = " ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters).fetchall())
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert refusal is not None and "Sam Ortiz" in refusal
    assert "ix_server_record_booking_counselor" in plan, plan
