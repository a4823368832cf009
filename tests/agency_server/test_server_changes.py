"""The reference server's sync endpoints: at-most-once changes, conflicts, the feed, license blocks, and the
administrator's catalog, progress and invitation functions. On SQLite, and on PostgreSQL when available."""

from __future__ import annotations

import csv
import gzip
import io
import json
import threading
import uuid
from datetime import date

from counselor_app.sync import protocol as p
from tests.agency_server.server_support import (
    BOSTON,
    LOWELL,
    PROGRAM,
    Server,
    change,
    license_change,
)

CHANGES = f"{p.API_PREFIX}/changes"


def test_each_change_applies_once_and_a_replay_gets_its_first_result(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    update = change(entity_id=seeker, op="update", base_version=1, phone="6175550101", version=2)
    first = server.push("dana", [create, update])
    assert [(r["status"], r["server_version"]) for r in first] == [("applied", 1), ("applied", 2)]
    again = server.push("dana", [create, update])
    assert again == first
    assert server.service.stats()["changes"]["applied"] == 2
    record = server.client.get(f"{p.API_PREFIX}/job-seekers/{seeker}", headers=server.headers("dana")).json()
    assert record["version"] == 2 and record["data"]["phone"] == "6175550101"


def test_a_stale_base_version_is_a_conflict_never_an_overwrite(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    server.push("dana", [create, change(entity_id=seeker, op="update", base_version=1, phone="111")])
    stale = change(entity_id=seeker, op="update", base_version=1, phone="222", zip_code="02108")
    later = change(entity_id=seeker, op="update", base_version=2, weekly_hours=5)
    note = change("case_note", job_seeker_id=seeker, body="note")
    results = server.push("lee", [stale, later, note])
    assert results[0]["status"] == "conflict"
    assert results[0]["server_version"] == 2 and results[0]["server_record"]["phone"] == "111"
    # The next change to the same record waits (it was made on top of the one that conflicted) and is not
    # remembered as an answer; an independent record still goes through.
    assert (results[1]["status"], results[1]["reason_code"]) == ("rejected", p.REJECT_BLOCKED)
    assert results[2]["status"] == "applied"
    record = server.client.get(f"{p.API_PREFIX}/job-seekers/{seeker}", headers=server.headers("dana")).json()
    assert record["data"]["phone"] == "111" and "zip_code" not in record["data"] and record["version"] == 2
    assert server.push("lee", [later])[0]["status"] == "applied"  # it was never answered before, so it applies now


def test_duplicates_rejections_and_a_bad_item_never_fails_the_batch(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    same_again = dict(create, change_id=str(uuid.uuid4()))  # re-sent under a new id with the same content
    other = change(entity_id=seeker, first_name="Someone", last_name="Else")
    unknown = change("spaceship")
    nameless = change(first_name=" ")
    orphan = change("case_note", job_seeker_id=str(uuid.uuid4()), body="x")
    update_missing = change(entity_id=str(uuid.uuid4()), op="update", base_version=1, phone="1")
    fine = change()
    results = server.push("dana", [create, same_again, other, unknown, nameless, orphan, update_missing, fine])
    assert [r["status"] for r in results] == ["applied", "duplicate", "conflict", "rejected", "rejected",
                                              "rejected", "rejected", "applied"]
    assert [r["reason_code"] for r in results[3:7]] == [p.REJECT_UNKNOWN_ENTITY, p.REJECT_INVALID,
                                                        p.REJECT_NOT_FOUND, p.REJECT_NOT_FOUND]
    assert all(r["reason"] for r in results[3:7])


def test_one_live_license_per_job_seeker_statewide(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    first = license_change(seeker)
    second = license_change(seeker)
    results = server.push("dana", [create, first, second])
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason_code"] == p.REJECT_RULE and "already has a license" in results[2]["reason"]


def test_counselors_change_only_their_centers_records(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    server.push("dana", [create])
    server.user("lou", center=LOWELL)
    results = server.push("lou", [change(entity_id=seeker, op="update", base_version=1, phone="9"),
                                  change("case_note", job_seeker_id=seeker, body="x")])
    assert [(r["status"], r["reason_code"]) for r in results] == [("rejected", p.REJECT_FORBIDDEN)] * 2
    server.user("ada", role="administrator", center=LOWELL)
    assert server.push("ada", [change(entity_id=seeker, op="update", base_version=1, phone="9")])[0][
        "status"] == "applied"


def test_concurrent_replays_of_one_batch_apply_it_once(server: Server) -> None:
    """The client's retry can arrive while the first attempt is still being applied."""
    principal = server.service.authenticate(server.user("dana"))
    batch = p.ChangeBatch(device_id="device-dana", changes=[p.Change(**change()) for _ in range(40)])
    answers: list[list[str]] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            answers.append([r.status for r in server.service.apply_changes(principal, batch).results])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert answers == [["applied"] * 40] * 4
    stats = server.service.stats()
    assert stats["changes"]["applied"] == 40 and stats["records"]["job_seeker"] == 40


def test_gzip_bodies_and_size_limits(server: Server) -> None:
    body = json.dumps({"device_id": "d1", "changes": [change() for _ in range(20)]}).encode()
    headers = server.headers("dana") | {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    response = server.client.post(CHANGES, content=gzip.compress(body), headers=headers)
    assert response.status_code == 200 and [r["status"] for r in response.json()["results"]] == ["applied"] * 20
    assert server.client.post(CHANGES, content=b"not gzip", headers=headers).status_code == 400
    bomb = gzip.compress(b" " * (40 * 1024 * 1024))
    assert server.client.post(CHANGES, content=bomb, headers=headers).status_code == 413
    brotli = server.headers("dana") | {"Content-Encoding": "br"}
    assert server.client.post(CHANGES, content=body, headers=brotli).status_code == 415


def test_feed_pages_with_a_cursor_and_shows_each_user_what_is_theirs(server: Server) -> None:
    ids = []
    for _ in range(7):
        create = change()
        ids.append(create["entity_id"])
        server.push("dana", [create])
    server.push("dana", [change(entity_id=ids[0], op="update", base_version=1, phone="7")])
    server.user("lou", center=LOWELL)
    server.push("lou", [change()])

    def pages(name: str, limit: int) -> list[list[str]]:
        out, cursor = [], None
        while True:
            params = {"limit": limit} | ({"since": cursor} if cursor else {})
            page = server.client.get(CHANGES, params=params, headers=server.headers(name)).json()
            out.append([item["entity_id"] for item in page["items"] if item["kind"] == "record"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return out

    server.user("lee")  # same center as dana, another device
    got = pages("lee", 3)
    assert [len(page) for page in got] == [3, 3, 1]
    # Compacted: the edited record appears once, at its latest position.
    assert sorted(sum(got, [])) == sorted(ids) and sum(got, [])[-1] == ids[0]
    assert pages("dana", 50) == [[]]  # a device is not sent back its own changes
    server.user("ada", role="administrator", center=LOWELL)
    assert len(pages("ada", 50)[0]) == 8  # administrators see every center
    page = server.client.get(CHANGES, params={"since": "not-a-cursor"}, headers=server.headers("lee"))
    assert page.status_code == 400


def test_license_blocks_share_the_pool(server: Server) -> None:
    server.service.set_pool(PROGRAM, 10)

    def reserve(name: str, requested: int) -> dict:
        response = server.client.post(f"{p.API_PREFIX}/licenses/block", headers=server.headers(name), json={
            "device_id": f"device-{name}", "program_id": PROGRAM, "requested": requested})
        assert response.status_code == 200, response.text
        return response.json()

    assert reserve("dana", 4)["block_size"] == 4
    assert reserve("lee", 10)["block_size"] == 6
    seekers = [change() for _ in range(2)]
    server.push("dana", seekers + [license_change(s["entity_id"]) for s in seekers])
    # dana used 2 of 4; 2 are issued, 2 still reserved for dana, so lee's new block is 10 - 2 - 2 = 6.
    grant = reserve("lee", 10)
    assert (grant["block_size"], grant["issued_statewide"], grant["pool_size"]) == (6, 2, 10)
    assert reserve("dana", 25)["block_size"] == 2  # dana's new block replaces the old one: 10 - 2 - 6
    feed = server.client.get(CHANGES, headers=server.headers("dana")).json()["items"]
    blocks = [i for i in feed if i["kind"] == "license_block"]
    assert len(blocks) == 1 and blocks[0]["data"]["block_size"] == 2  # only this device's block
    pools = [i for i in feed if i["kind"] == "license_pool"]
    assert pools[-1]["data"] == {"program_id": PROGRAM, "pool_size": 10, "issued_statewide": 2}


def test_catalog_progress_and_invitations(server: Server) -> None:
    admin = server.headers("ada", role="administrator")
    catalog = {"catalog_version": "2020.1", "collections": [{"id": "job-readiness"}]}
    published = server.client.post(f"{p.API_PREFIX}/admin/catalog", json=catalog, headers=admin)
    assert published.status_code == 200 and published.json()["catalog_version"] == 1
    items = server.client.get(CHANGES, headers=server.headers("dana")).json()["items"]
    assert [i["data"]["catalog"] for i in items if i["kind"] == "catalog"] == [catalog]

    formula = change(first_name="=HYPERLINK(\"http://x\")", last_name="Lopez", email="-maria@example.org")
    (refused,) = server.push("dana", [formula])
    assert refused["status"] == "rejected"  # not a name: the invitation file writes names as they are
    seeker = change(first_name="Maria", last_name="Lopez", email="maria@example.org")
    other = change(first_name="Ann", last_name="Lee", email="ann@example.org")
    server.push("dana", [seeker, other, license_change(seeker["entity_id"]),
                         license_change(other["entity_id"], email="ann@example.org", issued_on="2020-10-02")])
    report = ("\ufeffName,Email,External ID,Program Name,Course Name,Enrollment Time,Completion Time,Completed,"
              "Learning Hours Spent,Course Grade,Skills Learned\r\n"
              f"Maria Lopez,MARIA@example.org,{seeker['entity_id']},MA,\"Foundations: Data, Data, Everywhere\","
              "2020-10-05 13:45:00,2020-11-01 09:00:00,Yes,21.5,0.93,SQL; Excel\r\n"
              "Ann Lee,ann@example.org,,MA,Excel Skills,10/06/2020 10:00,,No,2,,\r\n"
              "Nobody,nobody@example.org,,MA,Excel Skills,2020-10-06T10:00:00Z,,No,1,,\r\n")
    imported = server.client.post(f"{p.API_PREFIX}/admin/progress", params={"file_name": "usage.csv"},
                                  content=report.encode("utf-8"), headers=admin | {"Content-Type": "text/csv"})
    assert imported.status_code == 200, imported.text
    assert {k: imported.json()[k] for k in ("rows", "matched", "unmatched", "ignored_columns")} == {
        "rows": 3, "matched": 2, "unmatched": 1, "ignored_columns": ["Skills Learned"]}
    # Importing the same report again updates rows instead of adding them.
    server.client.post(f"{p.API_PREFIX}/admin/progress", content=report.encode(), headers=admin)
    supervisor = server.headers("sue", role="supervisor")
    progress = server.client.get(f"{p.API_PREFIX}/progress", headers=supervisor).json()
    assert progress["total"] == 2  # the unmatched learner belongs to no center
    done = [r for r in progress["rows"] if r["completed"]]
    assert done[0]["course_name"] == "Foundations: Data, Data, Everywhere" and done[0]["learning_hours"] == 21.5
    summary = server.client.get(f"{p.API_PREFIX}/reports/summary", headers=supervisor).json()
    assert summary["centers"] == [{"center": BOSTON, "job_seekers": 2, "licenses_issued": 2, "licenses_pending": 0,
                                   "learners_enrolled": 2, "learners_completed": 1}]
    missing = "Name,Email\nA,a@example.org\n"
    bad = server.client.post(f"{p.API_PREFIX}/admin/progress", content=missing.encode(), headers=admin)
    assert bad.status_code == 400 and "Course Name" in bad.json()["detail"]

    day = server.client.get(f"{p.API_PREFIX}/admin/invitations", params={"date": "2020-10-01"}, headers=admin)
    assert day.status_code == 200
    rows = list(csv.reader(io.StringIO(day.text)))
    assert rows == [["Full Name", "Email", "External ID"],
                    ["Maria Lopez", "maria@example.org", seeker["entity_id"]]]
    assert server.service.invitation_rows(date(2020, 10, 2)) == [("Ann Lee", "ann@example.org", other["entity_id"])]
    stats = server.client.get(f"{p.API_PREFIX}/admin/stats", headers=admin).json()
    assert stats["records"]["job_seeker"] == 2 and stats["licenses"]["issued"] == 2
    assert stats["learner_progress"] == 3 and stats["catalog_versions"] == 1
