"""Two devices edit the same job seeker offline: the second sync is a conflict that a person resolves, and no
edit is ever silently overwritten (the Primero lesson)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from counselor_app.core.desk import Desk
from counselor_app.core.models import AuditEvent
from counselor_app.sync import outbox
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import FAST_RETRY, Agency, DeskFactory, register_many, signed_in

FIELDS = ("phone", "email", "zip_code", "weekly_hours")


def two_desks(agency: Agency, make_desk: DeskFactory) -> tuple[Desk, Desk, str]:
    agency.add_user("lee")
    a = signed_in(make_desk("a"), agency.url, "dana")
    b = signed_in(make_desk("b"), agency.url, "lee")
    [seeker_id] = register_many(a, 1)
    sync_once(a, retry=FAST_RETRY)
    sync_once(b, retry=FAST_RETRY)
    assert b.job_seekers.get(seeker_id).version == 1
    return a, b, seeker_id


def edit_offline(a: Desk, b: Desk, seeker_id: str) -> None:
    a.job_seekers.update(seeker_id, {"phone": "617-555-0101", "email": "new.a@example.org"})
    b.job_seekers.update(seeker_id, {"phone": "617-555-0202", "zip_code": "02125"})
    b.job_seekers.update(seeker_id, {"weekly_hours": 12})  # a second edit, queued behind the first


def values(desk: Desk, seeker_id: str) -> dict[str, Any]:
    seeker = desk.job_seekers.get(seeker_id)
    return {name: getattr(seeker, name) for name in FIELDS} | {"version": seeker.version}


def test_conflict_is_shown_field_by_field_and_resolved(agency: Agency, make_desk: DeskFactory) -> None:
    a, b, seeker_id = two_desks(agency, make_desk)
    edit_offline(a, b, seeker_id)
    assert sync_once(a, retry=FAST_RETRY).complete

    report = sync_once(b, retry=FAST_RETRY)
    assert (report.conflicts, report.applied, report.waiting) == (1, 0, 1)
    assert not report.complete and report.conflict_total == 1 and report.queued_left == 1
    server = agency.record("job_seeker", seeker_id)
    assert server is not None and server.version == 2
    assert (server.data["phone"], server.data.get("zip_code")) == ("6175550101", None)  # b overwrote nothing

    [item] = [i for i in outbox.list_entries(b) if i.status == "conflict"]
    view = outbox.conflict_view(b, item.seq)
    assert (view.my_version, view.server_version) == (3, 2)
    diffs = {d.field: (d.mine, d.theirs, d.changed_here) for d in view.differing}
    assert diffs == {
        "phone": ("6175550202", "6175550101", True),
        "email": ("p0@example.org", "new.a@example.org", False),
        "zip_code": ("02125", None, True),
        "weekly_hours": (12.0, None, True),
    }
    # The counselor takes the other center's phone number and keeps their own ZIP code and hours.
    assert outbox.resolve_conflict(b, item.seq, {"phone": "theirs"}) == "requeued"
    assert [i.status for i in outbox.list_entries(b)] == ["queued"]
    mine_now = values(b, seeker_id)
    assert mine_now == {"phone": "6175550101", "email": "new.a@example.org", "zip_code": "02125",
                        "weekly_hours": 12.0, "version": 3}

    assert sync_once(b, retry=FAST_RETRY).complete
    assert sync_once(a, retry=FAST_RETRY).complete
    assert values(a, seeker_id) == values(b, seeker_id) == mine_now
    server = agency.record("job_seeker", seeker_id)
    assert server is not None and server.version == 3 and server.data["zip_code"] == "02125"
    statuses = sorted(r.status for r in agency.change_rows() if r.entity_id == seeker_id)
    assert statuses == ["applied", "applied", "applied", "conflict"]
    with b.store.read() as session:
        audit = session.scalar(select(AuditEvent).where(AuditEvent.action == "sync_resolve"))
    assert audit is not None and audit.detail["kept_fields"] == ["weekly_hours", "zip_code"]


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_keep_mine_or_take_theirs(choice: str, agency: Agency, make_desk: DeskFactory) -> None:
    a, b, seeker_id = two_desks(agency, make_desk)
    edit_offline(a, b, seeker_id)
    sync_once(a, retry=FAST_RETRY)
    sync_once(b, retry=FAST_RETRY)
    [item] = [i for i in outbox.list_entries(b) if i.status == "conflict"]
    outcome = outbox.resolve_conflict(b, item.seq, choice)  # type: ignore[arg-type]
    sync_once(b, retry=FAST_RETRY)
    sync_once(a, retry=FAST_RETRY)
    both = values(a, seeker_id)
    assert both == values(b, seeker_id)
    if choice == "theirs":
        assert outcome == "theirs"
        assert both == {"phone": "6175550101", "email": "new.a@example.org", "zip_code": None,
                        "weekly_hours": None, "version": 2}
    else:
        # Mine where b changed something; a's e-mail, which b did not touch, is kept.
        assert outcome == "requeued"
        assert both == {"phone": "6175550202", "email": "new.a@example.org", "zip_code": "02125",
                        "weekly_hours": 12.0, "version": 3}
    assert outbox.list_entries(a) == outbox.list_entries(b) == []
