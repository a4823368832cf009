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
