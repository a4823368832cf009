"""Outreach campaigns: the import (duplicates of local job seekers, bounded, all or nothing), the queue, claims,
attempts, invitations and the figures."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from counselor_app.core.campaigns import (
    MAX_ROWS,
    AttemptOutcome,
    CampaignImportError,
    ContactStatus,
    MatchReason,
    read_customer_list,
)
from counselor_app.core.errors import ValidationError
from counselor_app.core.models import OutboxEntry
from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MailError, MemoryMailSender
from counselor_app.core.outreach_models import CampaignContact, OutreachAttempt, OutreachCampaign


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


LIST = (
    "Customer Report - RESEA attendees since 03/01/2020\n"
    "First Name,Last Name,Email,Phone,ZIP,Customer ID,Preferred Language\n"
    "Ana,Rivera,ANA@example.org,,02118,,Spanish\n"             # same e-mail as a local job seeker
    "Bob,Chen,,(617) 555-0102,,,English\n"                      # same phone: only a possible match
    "Carla,Souza,carla.s@example.org,,,MA-777,Portuguese\n"      # same agency customer id
    "Dmitri,Ivanov,dmitri@example.org,617-555-0199,02139,,\n"     # nobody here: a prospect
    "Ana,Rivera,ana@example.org,,02118,,Spanish\n"             # the same person twice in the file
    ",,,,,,\n"
)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 5, 15, 0))


@pytest.fixture
def supervisor_desk(desk):
    desk.actor = replace(desk.actor, role="supervisor")
    return desk


@pytest.fixture
def locals_(supervisor_desk):
    d = supervisor_desk
    ana = d.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana@example.org"}).record
    bob = d.job_seekers.register({"first_name": "Robert", "last_name": "Chen", "phone": "6175550102"}).record
    carla = d.job_seekers.register({"first_name": "Carla", "last_name": "Souza", "agency_customer_id": "MA-777"}).record
    return ana, bob, carla


def test_import_matches_local_job_seekers_by_the_duplicate_rules_and_holds_the_rest(supervisor_desk, locals_,
                                                                                    clock) -> None:
    ana, bob, carla = locals_
    out = outreach_for(supervisor_desk, clock=clock, mail=MemoryMailSender())
    result = out.campaigns.import_list(LIST.encode("cp1252"), file_name="resea.csv", name="RESEA since March 2020",
                                       purpose="RESEA attendees since March 2020")
    assert (result.people, result.matched, result.prospects, result.repeated) == (4, 2, 2, 1)
    contacts = {c.name: c for c in out.campaigns.contacts(result.campaign_id)}
    assert contacts["Ana Rivera"].job_seeker_id == ana.id
    assert contacts["Bob Chen"].job_seeker_id is None  # the same phone is a weak signal: never linked silently
    assert contacts["Bob Chen"].possible_match_id == bob.id
    assert contacts["Carla Souza"].job_seeker_id == carla.id
    assert contacts["Dmitri Ivanov"].job_seeker_id is None
    assert contacts["Ana Rivera"].language == "es" and contacts["Carla Souza"].language == "pt"
    with supervisor_desk.store.read() as s:
        reasons = dict(s.execute(select(CampaignContact.last_name, CampaignContact.match_reason)).all())
        queued = s.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.entity.in_(["outreach_campaign", "campaign_contact"])))
    assert reasons["Souza"] == MatchReason.AGENCY_ID and reasons["Ivanov"] is None
    assert queued == 5  # the campaign and its four people go to the server


def test_xlsx_list_with_a_title_row_and_full_names(supervisor_desk, clock) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Customers served since March 2020"])
    ws.append(["Name", "E-mail Address", "Telephone", "Seeker ID"])
    ws.append(["Rivera, Ana", "ana@example.org", 6175550101, 12345])
    ws.append(["Bo Chen", None, "617.555.0102", None])
    buf = io.BytesIO()
    wb.save(buf)
    people = read_customer_list(buf.getvalue(), name="list.xlsx", today=clock().date())
    assert [(p.first_name, p.last_name, p.phone, p.agency_customer_id) for p in people] == [
        ("Ana", "Rivera", "6175550101", "12345"), ("Bo", "Chen", "6175550102", None)]


@pytest.mark.parametrize(("content", "fragment"), [
    (b"", "no header"),
    (b"Course,Hours\nPython,3\n", "no header"),
    (b"First Name,Last Name,Email\nAna,Rivera,not-an-address\nBo,Chen,bo@example.org\n", "Row 2, column “Email”"),
    (b"First Name,Last Name,Email\n", "nobody in it"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old-style Excel"),
])
def test_a_bad_list_is_refused_with_its_row_and_writes_nothing(supervisor_desk, clock, content, fragment) -> None:
    out = outreach_for(supervisor_desk, clock=clock, mail=MemoryMailSender())
    with pytest.raises(CampaignImportError) as err:
        out.campaigns.import_list(content, file_name="list.csv", name="Bad")
    assert fragment in str(err.value)
    with supervisor_desk.store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutreachCampaign)) == 0
        assert s.scalar(select(func.count()).select_from(CampaignContact)) == 0


def test_the_import_is_bounded(supervisor_desk, clock) -> None:
    rows = "".join(f"P{i},Q{i},p{i}@example.org\n" for i in range(MAX_ROWS + 1))
    with pytest.raises(CampaignImportError, match="more than"):
        read_customer_list(("First Name,Last Name,Email\n" + rows).encode(), name="big.csv", today=clock().date())


def test_a_counselor_cannot_import(desk, clock) -> None:
    out = outreach_for(desk, clock=clock, mail=MemoryMailSender())
    with pytest.raises(ValidationError):
        out.campaigns.import_list(LIST.encode(), file_name="l.csv", name="x")


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(sep=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
       names=st.lists(st.tuples(st.sampled_from(["José", "Ana", "Zoë", "Li", "O'Neil"]),
                                st.sampled_from(["Núñez", "Rivera", "Smith-Jones", "Ng"])),
                      min_size=1, max_size=6, unique=True))
def test_lists_as_offices_save_them_come_back_whole(clock, sep, encoding, names) -> None:
    lines = [sep.join(["Last Name", "First Name", "Email"])]
    for i, (first, last) in enumerate(names):
        lines.append(sep.join([last, first, f"p{i}@example.org"]))
    people = read_customer_list(("\r\n".join(lines) + "\r\n").encode(encoding), name="l.csv",
                                today=clock().date())
    assert [(p.first_name, p.last_name, p.email) for p in people] == [
        (f, la, f"p{i}@example.org") for i, (f, la) in enumerate(names)]


def test_the_queue_attempts_and_figures(supervisor_desk, locals_, clock) -> None:
    out = outreach_for(supervisor_desk, clock=clock, mail=MemoryMailSender())
    cid = out.campaigns.import_list(LIST.encode(), file_name="resea.csv", name="RESEA").campaign_id
    first = out.campaigns.claim_next(cid)
    assert first is not None and first.claimed_by == supervisor_desk.actor.username
    out.campaigns.record_attempt(first.id, channel="call", outcome=AttemptOutcome.NO_ANSWER)
    with pytest.raises(ValidationError):
        out.campaigns.record_attempt(first.id, channel="call", outcome=AttemptOutcome.DECLINED)
    with pytest.raises(ValidationError):
        out.campaigns.record_attempt(first.id, channel="call", outcome=AttemptOutcome.APPOINTMENT_SET)
    second = out.campaigns.claim_next(cid)
    assert second is not None and second.id != first.id  # the one not yet called comes first
    out.campaigns.record_attempt(second.id, channel="call", outcome="declined", reason="employed")
    assert out.campaigns.contact(second.id).status == ContactStatus.DECLINED
    third = out.campaigns.claim_next(cid)
    booked = out.scheduling.book(local_start=datetime(2026, 3, 10, 10, 0), contact_id=third.id)
    out.campaigns.record_attempt(third.id, channel="call", outcome="appointment_set")
    assert out.campaigns.contact(third.id).appointment_id == booked.appointment_id
    figures = out.campaigns.figures(cid)
    assert (figures.people, figures.attempted, figures.reached, figures.booked, figures.declined) == (4, 3, 2, 1, 1)
    with supervisor_desk.store.read() as s:
        attempts = list(s.scalars(select(OutreachAttempt)))
    assert {a.counselor_name for a in attempts} == {"Dana Rivera"} and all(a.at == clock.now for a in attempts)


def test_a_claim_held_by_another_counselor_is_skipped_until_it_expires(supervisor_desk, locals_, clock) -> None:
    out = outreach_for(supervisor_desk, clock=clock, mail=MemoryMailSender())
    cid = out.campaigns.import_list(LIST.encode(), file_name="resea.csv", name="RESEA").campaign_id
    contacts = out.campaigns.contacts(cid)
    with supervisor_desk.store.write() as s:
        for c in s.scalars(select(CampaignContact)):
            c.claimed_by, c.claim_expires_at = "lee.park", clock.now + timedelta(minutes=10)
    assert out.campaigns.claim_next(cid) is None
    with pytest.raises(ValidationError, match="lee.park"):
        out.campaigns.record_attempt(contacts[0].id, channel="call", outcome="no_answer")
    clock.now += timedelta(minutes=11)
    assert out.campaigns.claim_next(cid) is not None


def test_bulk_invitations_go_in_each_persons_language_and_count_as_attempts(supervisor_desk, locals_,
                                                                           clock) -> None:
    class FlakySender(MemoryMailSender):
        def send(self, message):  # noqa: ANN001
            if "dmitri" in message["To"]:
                raise MailError("refused")
            super().send(message)

    sender = FlakySender()
    out = outreach_for(supervisor_desk, clock=clock, mail=sender)
    cid = out.campaigns.import_list(LIST.encode(), file_name="resea.csv", name="RESEA",
                                    purpose="RESEA attendees").campaign_id
    sent, failed, missing = out.campaigns.invite_all(cid, sender, from_address="desk@example.org",
                                                     center_name="MassHire Boston", booking_hint="Call 617-555-0000.")
    assert (sent, failed, missing) == (2, 1, 1)
    subjects = {m["To"].lower(): m["Subject"] for m in sender.sent}
    assert "invitamos" in subjects["ana@example.org"]
    assert "invited" in subjects["carla.s@example.org"]  # Portuguese falls back to English
    # Sent ones are not invited twice; the failed one is tried again.
    assert out.campaigns.invite_all(cid, sender, from_address="d@e.org", center_name="C",
                                    booking_hint="")[:2] == (0, 1)
