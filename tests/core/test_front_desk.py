"""The front desk's waiting list, and partner referrals accepted on the desk."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from counselor_app.core.errors import ValidationError
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.outreach_models import PartnerReferral
from counselor_app.core.partner_referrals import ReferralNextStep, ReferralStatus, store_feed_referral


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 10, 13, 50))  # 09:50 EDT


@pytest.fixture
def out(desk, clock):
    return outreach_for(desk, clock=clock, mail=MemoryMailSender())


def test_walk_in_and_booked_arrivals_wait_then_start_and_feed_the_figures(desk, out, clock) -> None:
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera"}).record
    booking = out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 0), job_seeker_id=ana.id)
    assert [r.appointment_id for r in out.scheduling.due_today()] == [booking.appointment_id]
    walk_in = out.front_desk.check_in(name="  Tom   Baker ")
    clock.now += timedelta(minutes=5)
    arrived = out.front_desk.check_in(appointment_id=booking.appointment_id)
    assert arrived.name == "Ana Rivera" and arrived.booked_local.hour == 10
    with pytest.raises(ValidationError):
        out.front_desk.check_in(job_seeker_id=ana.id)  # already waiting
    with pytest.raises(ValidationError):
        out.front_desk.check_in(name="Tom Baker")
    clock.now += timedelta(minutes=10)
    waiting = out.front_desk.waiting()
    assert [(w.name, w.waited) for w in waiting] == [("Tom Baker", timedelta(minutes=15)),
                                                     ("Ana Rivera", timedelta(minutes=10))]
    appt = out.front_desk.start(arrived.id).record
    assert appt.id == booking.appointment_id and appt.status == "in_progress"
    assert [w.name for w in out.front_desk.waiting()] == ["Tom Baker"]
    assert out.scheduling.due_today() == []
    with pytest.raises(ValidationError):
        out.front_desk.start(arrived.id)
    clock.now += timedelta(minutes=30)
    desk.appointments.complete(appt.id, outcome="needs_follow_up")
    walk_appt = out.front_desk.start(walk_in.id).record
    assert walk_appt.kind == "walk_in" and walk_appt.job_seeker_id is None
    figures = out.front_desk.wait_and_service(date(2026, 3, 10), date(2026, 3, 10))
    assert figures.seen == 2 and figures.left_unseen == 0
    assert figures.median_wait_min == pytest.approx((10 + 45) / 2)


def test_someone_who_leaves_is_counted_and_no_name_is_refused(out) -> None:
    entry = out.front_desk.check_in(name="Lee Park")
    out.front_desk.left_unseen(entry.id)
    assert out.front_desk.waiting() == []
    assert out.front_desk.wait_and_service(date(2026, 3, 10), date(2026, 3, 10)).left_unseen == 1
    with pytest.raises(ValidationError):
        out.front_desk.check_in(name="   ")


def test_a_referral_from_the_feed_is_accepted_booked_and_served(desk, out, clock) -> None:
    with desk.store.write() as session:
        assert store_feed_referral(session, {
            "id": "r-1", "organization": "Boston Housing Partners", "first_name": "Mia", "last_name": "Lopez",
            "email": "mia@example.org", "preferred_language": "es", "registered": False,
            "reason": "Lost her job; wants training", "next_step": "register", "status": "submitted",
            "created_at": "2026-03-09T15:00:00+00:00"})
        assert not store_feed_referral(session, {"id": "", "first_name": "x"})
    ref = out.referrals.get("r-1")
    assert ref.next_step == ReferralNextStep.REGISTER and not ref.registered
    assert ref.referred_at == datetime(2026, 3, 9, 15, 0)
    contact_id = out.referrals.accept("r-1")
    assert out.referrals.accept("r-1") == contact_id  # accepting twice is the same contact
    assert out.referrals.get("r-1").status == ReferralStatus.ACCEPTED
    row = out.scheduling.book(local_start=datetime(2026, 3, 11, 11, 0), contact_id=contact_id)
    assert out.referrals.get("r-1").status == ReferralStatus.BOOKED
    assert out.referrals.statuses_to_send() == [("r-1", "booked", None)]
    # A late feed item with the old status does not take it back.
    with desk.store.write() as session:
        store_feed_referral(session, {"id": "r-1", "first_name": "Mia", "last_name": "Lopez",
                                      "status": "accepted"})
    assert out.referrals.get("r-1").status == ReferralStatus.BOOKED
    out.referrals.status_sent("r-1", "booked")
    clock.now = datetime(2026, 3, 11, 15, 0)
    entry = out.front_desk.check_in(appointment_id=row.appointment_id)
    appt = out.front_desk.start(entry.id).record
    desk.appointments.complete(appt.id, outcome="needs_follow_up")
    out.front_desk.mark_served(appt.id)
    with desk.store.read() as session:
        assert session.scalar(select(PartnerReferral.status_to_send)) == "served"


def test_wait_and_service_times_feed_the_report(desk, out, clock) -> None:
    from dataclasses import replace

    from counselor_app.core.reports import ReportFilter, compute_summary

    first = out.front_desk.check_in(name="Tom Baker")
    clock.now += timedelta(minutes=12)
    out.front_desk.start(first.id)
    out.front_desk.left_unseen(out.front_desk.check_in(name="Lee Park").id)
    desk.actor = replace(desk.actor, role="supervisor")
    figures = compute_summary(desk, ReportFilter(date_from=date(2026, 3, 10), date_to=date(2026, 3, 10)))
    front = figures.to_dict()["front_desk"]
    assert {k: front[k] for k in ("seen", "left_unseen", "median_wait_min", "p90_wait_min", "median_service_min",
                                  "p90_service_min", "from", "to")} == {
        "seen": 1, "left_unseen": 1, "median_wait_min": 12.0, "p90_wait_min": 12.0, "median_service_min": None,
        "p90_service_min": None, "from": "2026-03-10", "to": "2026-03-10"}
    assert [(g["key"], g["seen"], g["left_unseen"]) for g in front["by_day"]] == [("2026-03-10", 1, 1)]


def test_the_waiting_list_follows_a_model_of_the_front_desk(desk) -> None:
    """Arrivals, call-ins, people leaving and time passing in any order: the list, the waits and the figures always
    match a plain model."""
    from hypothesis import settings
    from hypothesis import strategies as st
    from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

    from counselor_app.core.front_desk import FrontDeskService
    from counselor_app.core.outreach_models import WaitingEntry

    start = datetime(2026, 11, 1, 12, 0)  # the November change happened hours before

    class FrontDesk(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            with desk.store.write() as session:
                session.query(WaitingEntry).delete()
            self.clock = Clock(start)
            self.service = FrontDeskService(desk.store, desk.actor, zone="America/New_York", clock=self.clock)
            self.waiting: dict[str, tuple[str, datetime]] = {}  # id -> (name, arrived)
            self.waits: list[float] = []
            self.left = 0
            self.n = 0

        @rule()
        def arrive(self) -> None:
            self.n += 1
            row = self.service.check_in(name=f"Person {chr(64 + self.n % 26 or 26)}{self.n}")
            self.waiting[row.id] = (row.name, self.clock.now)

        @rule(pick=st.integers(0, 10))
        def call_in(self, pick: int) -> None:
            if self.waiting:
                entry_id = sorted(self.waiting)[pick % len(self.waiting)]
                self.service.start(entry_id)
                self.waits.append((self.clock.now - self.waiting.pop(entry_id)[1]).total_seconds() / 60)

        @rule(pick=st.integers(0, 10))
        def leaves(self, pick: int) -> None:
            if self.waiting:
                entry_id = sorted(self.waiting)[pick % len(self.waiting)]
                self.service.left_unseen(entry_id)
                del self.waiting[entry_id]
                self.left += 1

        @rule(minutes=st.integers(0, 45))
        def time_passes(self, minutes: int) -> None:
            self.clock.now += timedelta(minutes=minutes)

        @invariant()
        def list_matches(self) -> None:
            rows = self.service.waiting()
            expected = sorted(self.waiting.items(), key=lambda kv: (kv[1][1]))
            assert [r.arrived_at for r in rows] == [arrived for _, (_, arrived) in expected]
            assert {r.id for r in rows} == set(self.waiting)
            assert all(r.waited == self.clock.now - self.waiting[r.id][1] for r in rows)
            day = self.service.zone and date(2026, 11, 1)
            figures = self.service.wait_and_service(day, day + timedelta(days=2))
            assert (figures.seen, figures.left_unseen) == (len(self.waits), self.left)

    FrontDesk.TestCase.settings = settings(max_examples=15, stateful_step_count=20, deadline=None)
    FrontDesk.TestCase().runTest()
