"""Demo data for the work before the appointment: a campaign imported from a customer list, calls recorded,
bookings over the coming days in the center's time zone, and two people waiting at the front desk.

Used by ``counselor-app --demo`` after the demo job seekers are made, so the Outreach, Calendar and Today pages
show what they are for. Synthetic people only (example.org addresses, 555 numbers).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from counselor_app.core.campaigns import AttemptOutcome
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.models import utcnow
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.core.scheduling import utc_to_local
from counselor_app.core.vocabulary import Role

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

DEMO_LIST = """Customer report - RESEA attendees since 03/01/2020
First Name,Last Name,Email,Phone,ZIP,Preferred Language
Ana,Rivera,ana.rivera@example.org,617-555-0101,02118,Spanish
Bob,Chen,bob.chen@example.org,617-555-0102,02139,English
Carla,Souza,carla.souza@example.org,617-555-0103,02128,Portuguese
Dmitri,Ivanov,,617-555-0199,02134,
Esther,Okafor,esther.okafor@example.org,617-555-0155,02121,English
Fernando,Díaz,fernando.diaz@example.org,617-555-0177,02119,Spanish
Grace,Lee,grace.lee@example.org,617-555-0188,02115,English
Hoa,Nguyen,hoa.nguyen@example.org,617-555-0166,02122,Vietnamese
"""


def seed_outreach_demo(desk: Desk, *, now: datetime | None = None) -> str:
    """Returns the campaign's id. Safe to call on a desk that has other data; refuses nothing it can skip."""
    now = now or utcnow()
    clock_now = [now - timedelta(days=2)]
    supervisor = replace(desk.actor, role=Role.SUPERVISOR)
    original = desk.actor
    desk.actor = supervisor
    try:
        out = outreach_for(desk, clock=lambda: clock_now[0], mail=MemoryMailSender())
        campaign_id = out.campaigns.import_list(DEMO_LIST.encode(), file_name="resea-since-march-2020.csv",
                                                name="RESEA attendees since March 2020",
                                                purpose="RESEA attendees since March 2020").campaign_id
        people = {c.name: c for c in out.campaigns.contacts(campaign_id)}
        out.campaigns.record_attempt(people["Bob Chen"].id, channel="call", outcome="no_answer")
        out.campaigns.record_attempt(people["Carla Souza"].id, channel="call", outcome="left_message")
        out.campaigns.record_attempt(people["Esther Okafor"].id, channel="call", outcome=AttemptOutcome.DECLINED,
                                     reason="employed")
        today = utc_to_local(now, out.scheduling.zone).date()
        plans = [("Ana Rivera", 0, time(10, 0), "in_person"), ("Fernando Díaz", 1, time(14, 30), "phone")]
        booked: dict[str, str] = {}
        for name, offset, at, mode in plans:
            try:
                row = out.scheduling.book(local_start=datetime.combine(today + timedelta(days=offset), at),
                                          contact_id=people[name].id, mode=mode)
            except CounselorDeskError:
                continue
            booked[name] = row.appointment_id
            out.campaigns.record_attempt(people[name].id, channel="call", outcome="appointment_set")
        seekers = desk.job_seekers.search("", limit=6)
        for i, person in enumerate(seekers):
            try:
                out.scheduling.book(local_start=datetime.combine(today + timedelta(days=i % 3), time(11 + i, 0)),
                                    job_seeker_id=person.id, mode=("in_person", "video", "phone")[i % 3])
            except CounselorDeskError:
                continue
        # This morning: two people waiting, one of them booked.
        clock_now[0] = now - timedelta(minutes=25)
        out.front_desk.check_in(name="Tom Baker")
        if "Ana Rivera" in booked:
            clock_now[0] = now - timedelta(minutes=8)
            try:
                out.front_desk.check_in(appointment_id=booked["Ana Rivera"])
            except CounselorDeskError:
                pass
        return campaign_id
    finally:
        desk.actor = original
