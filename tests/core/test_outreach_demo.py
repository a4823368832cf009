"""The demo's outreach data: a campaign with calls, bookings in the center's zone and people waiting."""

from __future__ import annotations

from datetime import datetime

from counselor_app.core.demo import seed_demo
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_demo import seed_outreach_demo
from counselor_app.core.outreach_mail import MemoryMailSender


def test_the_demo_has_a_campaign_bookings_and_a_waiting_list(desk) -> None:
    seed_demo(desk, job_seekers=30)
    now = datetime(2026, 3, 9, 14, 30)  # 10:30 AM EDT
    campaign_id = seed_outreach_demo(desk, now=now)
    out = outreach_for(desk, clock=lambda: now, mail=MemoryMailSender())
    figures = out.campaigns.figures(campaign_id)
    assert (figures.people, figures.booked, figures.declined) == (8, 2, 1)
    assert [w.name for w in out.front_desk.waiting()] == ["Tom Baker", "Ana Rivera"]
    assert len(out.scheduling.day(now.date())) >= 2
    assert desk.actor.role == "counselor"  # the demo's own user is left as it was
