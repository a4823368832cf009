"""A feed record that comes before the record it belongs to (issue 16 follow-up): the feed lists a record where
it last changed, so a parent edited later arrives on a later page than its child. The desk keeps the child and
applies it when the parent arrives; nothing is dropped. Real server on loopback, one item per feed page."""

from __future__ import annotations

from datetime import datetime

import pytest

from counselor_app.core.models import Appointment, JobSeeker
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.vocabulary import FeedKind
from counselor_app.sync import protocol as p
from counselor_app.sync import service as sync_service
from counselor_app.sync.local_records import local_snapshot
from counselor_app.sync.pull import apply_page, parked_count
from counselor_app.sync.service import make_client, stored_token, sync_once
from tests.sync.sync_support import FAST_RETRY, signed_in

DAY = datetime(2030, 3, 11)


@pytest.fixture
def one_item_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_service, "PULL_PAGE_SIZE", 1)


def _feed_order(desk) -> list[tuple[str, str]]:
    with make_client(desk, stored_token(desk), retry=FAST_RETRY) as client:
        page = client.pull(since=None, limit=500, device_id=None)
    return [(i.entity or "", i.entity_id or "") for i in page.items if i.entity]


def test_children_before_parents_are_kept_and_applied(agency, make_desk, one_item_pages) -> None:
    agency.add_user("sam")
    agency.add_user("frank")
    a = signed_in(make_desk("a"), agency.url, "sam")
    b = signed_in(make_desk("b"), agency.url, "frank")
    out_a = outreach_for(a, mail=MemoryMailSender())
    out_b = outreach_for(b, mail=MemoryMailSender())

    # Parent first (the usual order): Dee, her appointment, its booking.
    dee = a.job_seekers.register({"first_name": "Dee", "last_name": "Park"}).record
    usual = out_a.scheduling.book(local_start=DAY.replace(hour=9), minutes=30, job_seeker_id=dee.id)
    # Child first: Ana's booking, then the appointment it belongs to is given to Bo (registered later), so the
    # appointment is listed after its booking; Cy's walk-in, then Cy is edited, so the
    # appointment comes before the person it names.
    ana = a.job_seekers.register({"first_name": "Ana", "last_name": "Rivera"}).record
    booked = out_a.scheduling.book(local_start=DAY.replace(hour=10), minutes=30, job_seeker_id=ana.id)
    bo = a.job_seekers.register({"first_name": "Bo", "last_name": "Chen"}).record
    a.appointments.save_wizard_state(booked.appointment_id, step="start", state={}, job_seeker_id=bo.id)
    cy = a.job_seekers.register({"first_name": "Cy", "last_name": "Moss"}).record
    walk_in = a.appointments.start(job_seeker_id=cy.id).record
    a.job_seekers.update(cy.id, {"phone": "6175550100"})
    assert sync_once(a, retry=FAST_RETRY).complete

    order = _feed_order(b)
    position = {key: n for n, key in enumerate(order)}
    assert position[("appointment_booking", booked.appointment_id)] < position[("appointment", booked.appointment_id)]
    assert position[("appointment", walk_in.id)] < position[("job_seeker", cy.id)]
    assert position[("appointment", usual.appointment_id)] < position[("appointment_booking", usual.appointment_id)]

    report = sync_once(b, retry=FAST_RETRY)
    assert report.complete
    assert parked_count(b) == 0
    rows = {r.appointment_id: r for r in out_b.scheduling.day(DAY.date())}
    assert set(rows) == {usual.appointment_id, booked.appointment_id}
    assert rows[booked.appointment_id].name == "Bo Chen" and rows[usual.appointment_id].name == "Dee Park"
    with b.store.read() as session:
        kept = session.get(Appointment, walk_in.id)
        assert kept is not None and kept.job_seeker_id == cy.id  # the link was not dropped
        assert session.get(Appointment, booked.appointment_id).job_seeker_id == bo.id


def test_a_record_missing_only_an_optional_link_is_shown_meanwhile_and_linked_when_the_parent_comes(
        make_desk) -> None:
    """The feed read to its end without the appointment's person (not sent yet): the appointment is shown
    without the link rather than hidden, stays kept, and gets its person when the person's record arrives."""
    a, b = make_desk("a"), make_desk("b")
    cy = a.job_seekers.register({"first_name": "Cy", "last_name": "Moss"}).record
    walk_in = a.appointments.start(job_seeker_id=cy.id).record
    with a.store.read() as session:
        appt = local_snapshot(session.get(Appointment, walk_in.id))
        seeker = local_snapshot(session.get(JobSeeker, cy.id))
    center = a.actor.center_name

    def page(entity: str, data: dict, *, more: bool, cursor: str) -> p.FeedPage:
        item = p.FeedItem(kind=FeedKind.RECORD, key=f"{entity}:{data['id']}", entity=entity, entity_id=data["id"],
                          version=int(data["version"]), center=center, data=data)
        return p.FeedPage(items=[item], next_cursor=cursor, has_more=more)

    apply_page(b, page("appointment", appt, more=True, cursor="1"))
    with b.store.read() as session:
        assert session.get(Appointment, walk_in.id) is None  # more pages to come: it waits
    apply_page(b, p.FeedPage(items=[], next_cursor="2", has_more=False))
    with b.store.read() as session:
        shown = session.get(Appointment, walk_in.id)
        assert shown is not None and shown.job_seeker_id is None  # shown meanwhile, without the link
    assert parked_count(b) == 1
    apply_page(b, page("appointment", appt, more=False, cursor="2"))  # the same copy again (a replayed page)
    assert parked_count(b) == 1
    apply_page(b, page("job_seeker", seeker, more=False, cursor="3"))
    with b.store.read() as session:
        assert session.get(Appointment, walk_in.id).job_seeker_id == cy.id
    assert parked_count(b) == 0
