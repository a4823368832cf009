"""Outreach across desks on the real reference server over loopback: a campaign imported on one desk is worked
from two, their claims race through the server, and a partner's referral goes from the partner to a desk and its
status back to the partner."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime

import requests

from counselor_app.core.outreach import outreach_for
from counselor_app.core.outreach_mail import MemoryMailSender
from counselor_app.sync import protocol as p
from counselor_app.sync.outreach_sync import ServerClaimArbiter
from counselor_app.sync.service import make_client, stored_token, sync_once
from tests.sync.sync_support import FAST_RETRY, PASSWORD, signed_in

NAMES = ["Ana", "Bea", "Cruz", "Dee", "Eli", "Fay"]
LIST = ("First Name,Last Name,Email,Phone\n"
        + "".join(f"{n},Queue,p{i}@example.org,617555{i:04d}\n" for i, n in enumerate(NAMES))).encode()


def _arbiter(desk):
    client = make_client(desk, stored_token(desk), retry=FAST_RETRY)
    return ServerClaimArbiter(desk, lambda: client), client


def test_two_desks_work_one_campaign_without_calling_the_same_person(agency, make_desk) -> None:
    agency.add_user("sam", role="supervisor")
    agency.add_user("dana")
    a = signed_in(make_desk("a"), agency.url, "sam")
    b = signed_in(make_desk("b"), agency.url, "dana")
    a.actor = replace(a.actor, role="supervisor")
    arb_a, client_a = _arbiter(a)
    arb_b, client_b = _arbiter(b)
    try:
        out_a = outreach_for(a, mail=MemoryMailSender(), arbiter=arb_a)
        out_b = outreach_for(b, mail=MemoryMailSender(), arbiter=arb_b)
        campaign_id = out_a.campaigns.import_list(LIST, file_name="list.csv", name="RESEA since March 2020").campaign_id
        assert sync_once(a, retry=FAST_RETRY).complete
        sync_once(b, retry=FAST_RETRY)
        assert len(out_b.campaigns.contacts(campaign_id)) == 6  # the campaign reached the other desk

        # Both desks take the next person at the same moment, three times each: never the same person.
        taken: dict[str, list[str]] = {"a": [], "b": []}
        barrier = threading.Barrier(2)

        def work(name, out) -> None:
            barrier.wait()
            for _ in range(3):
                row = out.campaigns.claim_next(campaign_id)
                if row is not None:
                    taken[name].append(row.id)

        threads = [threading.Thread(target=work, args=("a", out_a)), threading.Thread(target=work, args=("b", out_b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not arb_a.offline and not arb_b.offline
        assert not set(taken["a"]) & set(taken["b"]), taken
        assert len(taken["a"]) + len(taken["b"]) == 6

        # B cannot take one A holds, and sees who holds it.
        held = taken["a"][0]
        refused = out_b.campaigns.claim(held)
        assert not refused.granted and refused.holder == "sam"
        # A records the call (the attempt syncs) and releases; now B may take the person.
        out_a.campaigns.record_attempt(held, channel="call", outcome="no_answer")
        assert out_b.campaigns.claim(held).granted
        assert sync_once(a, retry=FAST_RETRY).complete
        sync_once(b, retry=FAST_RETRY)
        assert out_b.campaigns.contact(held).attempts == 1
        assert out_b.campaigns.figures(campaign_id).attempted == 1
    finally:
        client_a.close()
        client_b.close()


def test_a_partner_referral_reaches_the_desk_and_its_status_reaches_the_partner(agency, make_desk) -> None:
    agency.add_user("hope", role="partner")
    agency.add_user("dana")
    desk = signed_in(make_desk("a"), agency.url, "dana")
    with requests.Session() as partner:
        token = partner.post(f"{agency.url}{p.API_PREFIX}/session",
                             json={"username": "hope", "password": PASSWORD}).json()["token"]
        partner.headers["Authorization"] = f"Bearer {token}"
        made = partner.post(f"{agency.url}{p.API_PREFIX}/referrals", json={
            "first_name": "Mia", "last_name": "Lopez", "email": "mia@example.org", "preferred_language": "es",
            "registered": False, "reason": "Interested in IT support training"})
        assert made.status_code == 201
        referral_id = made.json()["id"]
        assert partner.get(f"{agency.url}{p.API_PREFIX}/changes").status_code == 403

        sync_once(desk, retry=FAST_RETRY)
        out = outreach_for(desk, mail=MemoryMailSender())
        ref = out.referrals.get(referral_id)
        assert ref.next_step == "register" and ref.organization == "hope"
        contact_id = out.referrals.accept(referral_id)
        booking = out.scheduling.book(local_start=datetime(2030, 3, 11, 11, 0), contact_id=contact_id)
        assert sync_once(desk, retry=FAST_RETRY).complete
        assert out.referrals.statuses_to_send() == []
        status = partner.get(f"{agency.url}{p.API_PREFIX}/referrals/{referral_id}").json()["status"]
        assert status == "booked"

        # She arrives and is seen (registered at the appointment); the waiting list and the visit reach the
        # server, and the partner reads "served".
        entry = out.front_desk.check_in(appointment_id=booking.appointment_id)
        appt = out.front_desk.start(entry.id).record
        seeker = desk.job_seekers.register({"first_name": "Mia", "last_name": "Lopez", "email": "mia@example.org"}).record
        desk.appointments.save_wizard_state(appt.id, step="summary", state={}, job_seeker_id=seeker.id)
        desk.appointments.complete(appt.id, outcome="needs_follow_up")
        report = sync_once(desk, retry=FAST_RETRY)
        assert report.complete, report
        assert agency.record("waiting_entry", entry.id).data["status"] == "started"
        assert agency.record("appointment_booking", booking.appointment_id) is not None
        status = partner.get(f"{agency.url}{p.API_PREFIX}/referrals/{referral_id}").json()["status"]
        assert status == "served"


def test_attempts_recorded_offline_on_two_desks_are_all_kept(agency, make_desk) -> None:
    """Offline there is no server to arbitrate claims: both desks may call the same person. Both attempts reach
    the server; the person's status is a conflict for the second desk, settled on its Sync page like any other."""
    from counselor_app.sync import outbox

    agency.add_user("sam", role="supervisor")
    agency.add_user("dana")
    a = signed_in(make_desk("a"), agency.url, "sam")
    b = signed_in(make_desk("b"), agency.url, "dana")
    a.actor = replace(a.actor, role="supervisor")
    out_a = outreach_for(a, mail=MemoryMailSender())
    out_b = outreach_for(b, mail=MemoryMailSender())
    campaign_id = out_a.campaigns.import_list(LIST, file_name="list.csv", name="RESEA").campaign_id
    sync_once(a, retry=FAST_RETRY)
    sync_once(b, retry=FAST_RETRY)
    person = out_a.campaigns.contacts(campaign_id)[0].id
    out_a.campaigns.record_attempt(person, channel="call", outcome="no_answer")
    out_b.campaigns.record_attempt(person, channel="call", outcome="declined", reason="employed")
    assert sync_once(a, retry=FAST_RETRY).complete
    report = sync_once(b, retry=FAST_RETRY)
    assert report.conflict_total == 1
    assert agency.record_count("outreach_attempt") == 2
    conflict = next(i for i in outbox.list_entries(b) if i.status == "conflict")
    view = outbox.conflict_view(b, conflict.seq)
    assert {f.field for f in view.differing} >= {"status"}
    assert outbox.resolve_conflict(b, conflict.seq, "mine") == "requeued"
    assert sync_once(b, retry=FAST_RETRY).complete
    assert agency.record("campaign_contact", person).data["status"] == "declined"
