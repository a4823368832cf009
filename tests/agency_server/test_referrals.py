"""Partner referrals and outreach claims on the reference server: the partner role's access, the feed, statuses
that only move forward, and the claim race between desks (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import threading
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.runner import ServerThread
from counselor_app.sync import protocol as p
from tests.agency_server.server_support import BOSTON, LOWELL, PASSWORD

API = p.API_PREFIX
REFERRAL = {"first_name": "Mia", "last_name": "Lopez", "email": "mia@example.org", "preferred_language": "es",
            "registered": False, "reason": "Lost her job at the warehouse; interested in IT support training."}


def partner(server, name: str = "hope", *, organization: str = "Hope Housing", center: str = BOSTON) -> dict:
    headers = server.headers(name, role="partner", center=center)
    server.client.app.state.referrals.set_organization(name, organization)
    return headers


def test_a_partner_refers_and_reads_only_its_own_organizations_referrals(server) -> None:
    hope = partner(server)
    hope_colleague = partner(server, "hope2")
    other = partner(server, "bridge", organization="Bridge Shelter")
    made = server.client.post(f"{API}/referrals", headers=hope, json=REFERRAL)
    assert made.status_code == 201, made.text
    ref = made.json()
    assert ref["status"] == "submitted" and ref["next_step"] == "register" and ref["center"] == BOSTON
    registered = server.client.post(f"{API}/referrals", headers=hope, json=REFERRAL | {"registered": True}).json()
    assert registered["next_step"] is None
    # Same organization: visible; another organization: 403 and not listed.
    assert server.client.get(f"{API}/referrals/{ref['id']}", headers=hope_colleague).status_code == 200
    assert server.client.get(f"{API}/referrals/{ref['id']}", headers=other).status_code == 403
    assert server.client.get(f"{API}/referrals", headers=other).json()["referrals"] == []
    assert len(server.client.get(f"{API}/referrals", headers=hope).json()["referrals"]) == 2
    assert server.client.get(f"{API}/referrals/nope", headers=hope).status_code == 404
    # A partner cannot set the status.
    assert server.client.post(f"{API}/referrals/{ref['id']}/status", headers=hope,
                              json={"status": "served"}).status_code == 403


@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/changes", None),
    ("POST", "/changes", {"device_id": "d", "changes": []}),
    ("POST", "/licenses/block", {"device_id": "d", "program_id": "ma-coursera-2020", "requested": 5}),
    ("GET", "/job-seekers/abc", None),
    ("GET", "/progress", None),
    ("GET", "/reports/summary", None),
    ("GET", "/admin/stats", None),
    ("POST", "/admin/catalog", {}),
    ("GET", "/admin/invitations?date=2020-10-01", None),
    ("POST", "/outreach/claims", {"contact_id": "c-1"}),
    ("DELETE", "/outreach/claims/c-1", None),
])
def test_a_partner_gets_403_everywhere_else(server, method, path, body) -> None:
    hope = partner(server)
    response = server.client.request(method, f"{API}{path}", headers=hope, json=body)
    assert response.status_code == 403, (path, response.status_code, response.text)


def test_every_route_but_the_referral_ones_refuses_a_partner(server) -> None:
    """Closed by default: walk the app's own route table, so a route added later is covered too."""
    hope = partner(server)
    allowed = {f"{API}/referrals", f"{API}/referrals/{{referral_id}}", f"{API}/session", f"{API}/health"}
    for route in server.client.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith(API) or path in allowed:
            continue
        for method in route.methods - {"HEAD"}:
            url = path.replace("{entity_id}", "x").replace("{contact_id}", "x").replace("{referral_id}", "x")
            answer = server.client.request(method, url, headers=hope, json={})
            assert answer.status_code in (403, 422), (method, path, answer.status_code)
            if answer.status_code == 422:  # a body check ran first; the same call with a valid body is a 403
                assert method == "POST"


def test_the_referral_reaches_its_centers_desks_through_the_feed_and_the_partner_sees_the_status(server) -> None:
    hope = partner(server)
    ref = server.client.post(f"{API}/referrals", headers=hope, json=REFERRAL).json()
    boston = server.headers("dana")
    lowell = server.headers("lee", center=LOWELL)
    items = [i for i in server.client.get(f"{API}/changes", headers=boston).json()["items"] if i["kind"] == "referral"]
    assert [i["key"] for i in items] == [ref["id"]] and items[0]["data"]["reason"] == REFERRAL["reason"]
    assert not [i for i in server.client.get(f"{API}/changes", headers=lowell).json()["items"]
                if i["kind"] == "referral"]
    # Another center's staff may neither read nor move it.
    assert server.client.get(f"{API}/referrals/{ref['id']}", headers=lowell).status_code == 403
    assert server.client.post(f"{API}/referrals/{ref['id']}/status", headers=lowell,
                              json={"status": "accepted"}).status_code == 403
    for status in ("accepted", "booked"):
        answer = server.client.post(f"{API}/referrals/{ref['id']}/status", headers=boston, json={"status": status})
        assert answer.status_code == 200 and answer.json()["status"] == status
    # A late "accepted" does not take it back.
    assert server.client.post(f"{API}/referrals/{ref['id']}/status", headers=boston,
                              json={"status": "accepted"}).json()["status"] == "booked"
    assert server.client.get(f"{API}/referrals/{ref['id']}", headers=hope).json()["status"] == "booked"


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(body=st.dictionaries(st.sampled_from(["first_name", "last_name", "email", "registered", "reason", "center",
                                             "preferred_language", "phone"]),
                            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=300))))
def test_no_referral_body_makes_the_server_fail(server, body) -> None:
    hope = partner(server)
    answer = server.client.post(f"{API}/referrals", headers=hope, json=body)
    assert answer.status_code in (201, 400, 422), answer.text


def test_claims_one_holder_until_expiry(server) -> None:
    a, b = server.headers("dana"), server.headers("lee")
    first = server.client.post(f"{API}/outreach/claims", headers=a, json={"contact_id": "c-1", "minutes": 5}).json()
    second = server.client.post(f"{API}/outreach/claims", headers=b, json={"contact_id": "c-1"}).json()
    assert first["granted"] and not second["granted"] and second["holder"] == "dana"
    assert server.client.post(f"{API}/outreach/claims", headers=a, json={"contact_id": "c-1"}).json()["granted"]
    assert server.client.delete(f"{API}/outreach/claims/c-1", headers=a).status_code == 204
    assert server.client.post(f"{API}/outreach/claims", headers=b, json={"contact_id": "c-1"}).json()["granted"]
    lowell = server.headers("kim", center=LOWELL)
    assert server.client.post(f"{API}/outreach/claims", headers=lowell, json={"contact_id": "c-1"}).status_code == 403


def test_two_desks_race_for_the_same_people_and_each_person_gets_one_holder(database_url) -> None:
    """Eight counselors on their own connections claim the same 20 contacts at the same moment, on the real
    server over loopback: every contact ends with exactly one granted claim."""
    store = ServerStore(database_url)
    app = create_app(store)
    thread = ServerThread(app)
    url = thread.start()
    try:
        names = [f"c{i}" for i in range(8)]
        tokens = {}
        for name in names:
            app.state.service.add_user(username=name, role="counselor", center=BOSTON, password=PASSWORD)
            tokens[name] = app.state.service.login(p.SessionRequest(username=name, password=PASSWORD,
                                                                    device_id=f"desk-{name}")).token
        contacts = [str(uuid.uuid4()) for _ in range(20)]
        barrier = threading.Barrier(len(names))
        granted: dict[str, list[str]] = {c: [] for c in contacts}
        errors: list[str] = []
        lock = threading.Lock()

        def desk(name: str) -> None:
            with requests.Session() as http:
                http.headers["Authorization"] = f"Bearer {tokens[name]}"
                barrier.wait()
                for contact in contacts:
                    answer = http.post(f"{url}{API}/outreach/claims", json={"contact_id": contact}, timeout=30)
                    if answer.status_code != 200:
                        errors.append(f"{answer.status_code} {answer.text}")
                        continue
                    if answer.json()["granted"]:
                        with lock:
                            granted[contact].append(name)

        workers = [threading.Thread(target=desk, args=(n,)) for n in names]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert errors == []
        assert all(len(holders) == 1 for holders in granted.values()), granted
    finally:
        thread.stop()
        store.close()
