"""Reconcile endpoints: bucket digests of ids and versions, and one bucket's list; scoped to what a device holds."""

from __future__ import annotations

from counselor_app.sync import protocol as p
from tests.agency_server.server_support import LOWELL, Server, change


def test_digests_match_what_the_device_computes_and_pages_list_the_bucket(server: Server) -> None:
    seekers = [change() for _ in range(40)]
    server.push("dana", seekers)
    edited = seekers[0]["entity_id"]
    server.push("dana", [change(entity_id=edited, op="update", base_version=1, phone="6175550100", version=2)])
    note = change("case_note", job_seeker_id=edited, body="hi")
    server.push("dana", [note], device="laptop-2")
    server.user("ada", role="administrator", center=LOWELL)  # another center: not in dana's digests
    server.push("ada", [change()])

    answer = server.client.get(f"{p.API_PREFIX}/reconcile/job_seeker", params={"device_id": "device-dana"},
                               headers=server.headers("dana"))
    assert answer.status_code == 200, answer.text
    digests = p.ReconcileDigests.model_validate(answer.json())
    mine = [(s["entity_id"], 2 if s["entity_id"] == edited else 1) for s in seekers]
    assert digests.buckets == p.bucket_digests(mine)

    bucket = p.bucket_of(edited)
    page = server.client.get(f"{p.API_PREFIX}/reconcile/job_seeker/{bucket}", headers=server.headers("dana"))
    listed = {r["entity_id"]: r["version"] for r in page.json()["records"]}
    assert listed[edited] == 2 and all(p.bucket_of(i) == bucket for i in listed)

    # Other entities: the records this device last wrote.
    notes = server.client.get(f"{p.API_PREFIX}/reconcile/case_note", params={"device_id": "laptop-2"},
                              headers=server.headers("dana")).json()
    assert sum(b["count"] for b in notes["buckets"].values()) == 1
    none = server.client.get(f"{p.API_PREFIX}/reconcile/case_note", params={"device_id": "device-dana"},
                             headers=server.headers("dana")).json()
    assert none["buckets"] == {}
    for bad in ("nonsense", "x" * 41):
        assert 400 <= server.client.get(f"{p.API_PREFIX}/reconcile/{bad}",
                                        headers=server.headers("dana")).status_code < 500
    assert server.client.get(f"{p.API_PREFIX}/reconcile/job_seeker/abc",
                             headers=server.headers("dana")).status_code == 422


# -- issue 11: noticing a restore, and repairs that never overwrite anyone -----------------------------------
def _checkpoint(server: Server, name: str, previous: str | None, mark: str) -> dict:  # type: ignore[type-arg]
    answer = server.client.post(f"{p.API_PREFIX}/sync/checkpoint", headers=server.headers(name),
                                json={"device_id": f"device-{name}", "previous": previous, "next": mark})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_checkpoint_marks_are_compared_and_kept_per_device_and_user(server: Server) -> None:
    assert _checkpoint(server, "dana", None, "m1")["matched"]  # a device that never synced here
    assert _checkpoint(server, "dana", "m1", "m2")["matched"]
    assert _checkpoint(server, "dana", "m1", "m2")["matched"], "a retry whose first answer was lost"
    assert not _checkpoint(server, "dana", "m1", "m3")["matched"], "a mark the server no longer holds"
    assert not _checkpoint(server, "dana", "m1", "m3")["matched"], "its retry gets the same answer"
    assert _checkpoint(server, "dana", "m3", "m4")["matched"]
    # Another user naming the same device id neither sees nor moves Dana's mark.
    other = server.client.post(f"{p.API_PREFIX}/sync/checkpoint", headers=server.headers("lee"),
                               json={"device_id": "device-dana", "previous": "m4", "next": "x"})
    assert other.status_code == 200 and not other.json()["matched"]
    assert _checkpoint(server, "dana", "m4", "m5")["matched"]
    for bad in ({"device_id": "d", "next": ""}, {"device_id": "d" * 65, "next": "x"},
                {"device_id": "d", "next": "x" * 65}, {"device_id": "d", "previous": 5, "next": "x"}):
        answer = server.client.post(f"{p.API_PREFIX}/sync/checkpoint", headers=server.headers("dana"), json=bad)
        assert answer.status_code == 422, (bad, answer.text)


def _states(server: Server, name: str, records: list[tuple[str, int]], known_until: str | None) -> dict[str, dict]:  # type: ignore[type-arg]
    answer = server.client.post(f"{p.API_PREFIX}/reconcile/job_seeker/states", headers=server.headers(name),
                                json={"device_id": f"device-{name}", "known_until": known_until,
                                      "records": [{"entity_id": i, "version": v} for i, v in records]})
    assert answer.status_code == 200, answer.text
    return {r["entity_id"]: r for r in answer.json()["records"]}


def test_record_states_tell_a_copy_written_since_on_another_history_from_one_the_device_knew(
        server: Server) -> None:
    seeker = change()
    person = seeker["entity_id"]
    server.push("dana", [seeker])  # version 1
    known = _checkpoint(server, "dana", None, "m1")["server_time"]
    # Written after the device last knew the server: version 2, on top of version 1.
    server.push("lee", [change(entity_id=person, op="update", base_version=1, phone="6175550100", version=2)])
    lost = str(__import__("uuid").uuid4())
    states = _states(server, "dana", [(person, 2), (lost, 1)], known)
    # The device holds a version 2 of its own the server never logged before known_until: someone else's
    # version 2 diverged from it (a restore lost the device's), and comes back to be shown side by side.
    assert states[person]["held"] == "diverged" and states[person]["data"]["phone"] == "6175550100"
    assert states[lost]["held"] == "missing"
    # The device holds version 1, which the server held at known_until: version 2 descends from it.
    assert _states(server, "dana", [(person, 1)], known)[person]["held"] == "ahead"
    now = _checkpoint(server, "dana", "m1", "m2")["server_time"]
    states = _states(server, "dana", [(person, 3)], now)
    assert states[person]["held"] == "behind" and states[person]["data"] is None  # nobody wrote since: replace
    assert _states(server, "dana", [(person, 2)], now)[person]["held"] == "same"
    assert _states(server, "dana", [(person, 1)], None)[person]["held"] == "diverged"  # no mark: never assume

    since = server.client.post(f"{p.API_PREFIX}/reconcile/job_seeker/written-since", headers=server.headers("dana"),
                               json={"device_id": "device-dana", "after": known})
    assert since.status_code == 200 and [r["entity_id"] for r in since.json()["records"]] == [person]
    later = server.client.post(f"{p.API_PREFIX}/reconcile/job_seeker/written-since", headers=server.headers("dana"),
                               json={"device_id": "device-dana", "after": now})
    assert later.json()["records"] == []


def test_record_states_keep_other_centers_records_to_themselves_and_refuse_bad_input(server: Server) -> None:
    theirs = change()
    server.user("ada", role="counselor", center=LOWELL)
    server.push("ada", [theirs])
    states = _states(server, "dana", [(theirs["entity_id"], 1)], None)
    assert states == {}
    since = server.client.post(f"{p.API_PREFIX}/reconcile/job_seeker/written-since", headers=server.headers("dana"),
                               json={"device_id": "device-dana", "after": "2000-01-01T00:00:00"})
    assert since.json()["records"] == []
    url = f"{p.API_PREFIX}/reconcile/job_seeker/states"
    for bad in ({"device_id": "d", "records": [{"entity_id": "x" * 65, "version": 1}]},
                {"device_id": "d", "records": [{"entity_id": "x", "version": 2**63}]},
                {"device_id": "d", "records": [{"entity_id": "x", "version": 1}] * (p.MAX_PAGE + 1)},
                {"device_id": "d", "known_until": "yesterday", "records": []}):
        assert server.client.post(url, headers=server.headers("dana"), json=bad).status_code in (400, 422)
    assert 400 <= server.client.post(f"{p.API_PREFIX}/reconcile/nonsense/states", headers=server.headers("dana"),
                                     json={"device_id": "d", "records": []}).status_code < 500
    assert server.client.post(f"{p.API_PREFIX}/reconcile/job_seeker/written-since", headers=server.headers("dana"),
                              json={"device_id": "d", "after": "2000-01-01T00:00:00", "limit": 0}).status_code == 422
