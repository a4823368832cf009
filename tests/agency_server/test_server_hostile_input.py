"""Every kind of bad input the protocol refuses (issue 11, item 4) and every ownership rule (item 5).

For each: a 4xx with a message, nothing written (the server's statistics do not move), and the changes feed still
answers 200 afterwards, for the sender and for another device of the same center."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.sync import protocol as p
from counselor_app.sync.payloads import payload_model, payload_problem
from tests.agency_server.server_support import PROGRAM, Server, change, license_change

CHANGES = f"{p.API_PREFIX}/changes"
BLOCK = f"{p.API_PREFIX}/licenses/block"


def _raw_push(server: Server, user: str, body: str | bytes) -> Any:
    headers = server.headers(user) | {"Content-Type": "application/json"}
    return server.client.post(CHANGES, headers=headers, content=body)


def _batch(*changes: dict[str, Any], device: str = "device-dana") -> dict[str, Any]:
    return {"device_id": device, "changes": list(changes)}


def _feed_still_reads(server: Server) -> None:
    for user in ("dana", "lee"):
        response = server.client.get(CHANGES, headers=server.headers(user))
        assert response.status_code == 200, response.text


def _nothing_written(server: Server, before: dict[str, Any]) -> None:
    after = server.service.stats()
    assert after["records"] == before["records"] and after["changes"] == before["changes"]
    assert after["feed_entries"] == before["feed_entries"]


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


# A raw JSON text per bad kind: each is spliced in as the value of the job seeker's ``interests`` field, or
# as the whole body where it says so.
BAD_VALUES = {
    "nan": ("weekly_hours", "NaN"),
    "infinity": ("weekly_hours", "Infinity"),
    "minus_infinity": ("weekly_hours", "-Infinity"),
    "float_overflow": ("weekly_hours", "1e999"),
    "int_past_64_bits": ("digital_skill", str(2**64)),
    "negative_int_past_64_bits": ("digital_skill", str(-(2**63) - 1)),
    "huge_int_text": ("digital_skill", "9" * 5000),
    "lone_high_surrogate": ("first_name", '"Mar\\ud800ia"'),
    "lone_low_surrogate": ("last_name", '"\\udc00"'),
    "nul_character": ("first_name", '"Ma\\u0000ria"'),
    "deep_nesting_900": ("interests", json.dumps(_nested(900))),
    "deep_nesting_100000": ("interests", "[" * 100_000 + "]" * 100_000),
    "nesting_past_schema": ("interests", json.dumps([["a"]])),
    "unknown_field": ("favourite_color", '"blue"'),
    "wrong_type_string_for_int": ("digital_skill", '"3"'),
    "wrong_type_bool_for_string": ("first_name", "true"),
    "wrong_type_object": ("email", '{"a": 1}'),
    "string_too_long": ("first_name", json.dumps("M" * 121)),
    "not_in_vocabulary": ("preferred_language", '"klingon"'),
    "bad_date": ("birth_date", '"1990-02-30"'),
    "null_for_required": ("first_name", "null"),
}


@pytest.mark.parametrize("kind", sorted(BAD_VALUES))
def test_each_bad_value_is_refused_whole_and_nothing_is_written(server: Server, kind: str) -> None:
    server.user("lee")
    seeker = change()
    server.push("dana", [seeker])  # something already there, so "the feed still reads" means something
    before = server.service.stats()
    field, raw = BAD_VALUES[kind]
    good = change()
    bad = change()
    body = json.dumps(_batch(good, bad))
    payload_json = json.dumps(bad["payload"])
    spliced = payload_json[:-1] + f', "{field}": {raw}' + "}"
    body = body.replace(payload_json, spliced, 1)
    assert spliced in body
    response = _raw_push(server, "dana", body)
    assert 400 <= response.status_code < 500, (kind, response.status_code, response.text[:300])
    detail = response.json()["detail"]
    assert isinstance(detail, str) and len(detail) < 2000 and detail
    _nothing_written(server, before)
    _feed_still_reads(server)


@pytest.mark.parametrize("query", [
    {"since": str(2**63)}, {"since": str(2**64)}, {"since": "-1"}, {"since": "１２"}, {"since": "1e3"},
    {"since": "9" * 40}, {"since": "9" * 41}, {"limit": str(2**64)}, {"limit": "NaN"}, {"limit": "0"},
])
def test_bad_feed_query_parameters_are_4xx(server: Server, query: dict[str, str]) -> None:
    response = server.client.get(CHANGES, params=query, headers=server.headers("dana"))
    assert 400 <= response.status_code < 500, (query, response.status_code)
    _feed_still_reads(server)


@pytest.mark.parametrize("offset", [str(2**63), str(2**64), "-1", "NaN", "1e3"])
def test_bad_offsets_are_4xx(server: Server, offset: str) -> None:
    headers = server.headers("sue", role="supervisor")
    response = server.client.get(f"{p.API_PREFIX}/progress", params={"offset": offset}, headers=headers)
    assert 400 <= response.status_code < 500, (offset, response.status_code)
    assert server.client.get(f"{p.API_PREFIX}/progress", params={"offset": str(2**63 - 1)},
                             headers=headers).status_code == 200


def test_a_deeply_nested_record_already_stored_does_not_break_the_feed(server: Server) -> None:
    """What a server holding such a record from before the schemas does: it leaves the record out."""
    from counselor_app.agency_server.models import ServerRecord

    seeker = change()
    server.push("dana", [seeker])
    with server.store.write() as session:
        rec = session.get(ServerRecord, ("job_seeker", seeker["entity_id"]))
        assert rec is not None
        rec.data = dict(rec.data) | {"interests": _nested(100)}
    server.user("lee")
    _feed_still_reads(server)


def test_a_walk_in_appointment_without_a_job_seeker_is_applied(server: Server) -> None:
    appointment = change("appointment", job_seeker_id=None, kind="walk_in", status="in_progress",
                         place_kind="center", version=1)
    seeker = change()
    named = change("appointment", appointment["entity_id"], op="update", base_version=1,
                   job_seeker_id=seeker["entity_id"], version=2)
    results = server.push("dana", [appointment, seeker, named])
    assert [r["status"] for r in results] == ["applied", "applied", "applied"]


def test_a_child_of_an_unknown_job_seeker_names_what_is_missing(server: Server) -> None:
    missing = str(uuid.uuid4())
    result = server.push("dana", [change("case_note", job_seeker_id=missing, body="hello")])[0]
    assert (result["status"], result["reason_code"]) == ("rejected", p.REJECT_NOT_FOUND)
    assert (result["missing_entity"], result["missing_entity_id"]) == ("job_seeker", missing)


# -- ownership (item 5) ------------------------------------------------------------------------------------------
def test_another_user_naming_a_device_gets_403_and_the_block_is_kept(server: Server) -> None:
    server.service.set_pool(PROGRAM, 100)
    ask = {"device_id": "laptop-7", "program_id": PROGRAM, "requested": 10}
    first = server.client.post(BLOCK, json=ask, headers=server.headers("dana"))
    assert first.status_code == 200 and first.json()["block_size"] == 10
    before = server.service.stats()
    other = server.client.post(BLOCK, json=ask, headers=server.headers("lee"))
    assert other.status_code == 403 and "another user" in other.json()["detail"]
    _nothing_written(server, before)
    # Issuing under that device id does not use up dana's block either.
    seeker = change()
    server.push("lee", [seeker, license_change(seeker["entity_id"])], device="laptop-7")
    again = server.client.post(BLOCK, json=ask | {"requested": 0}, headers=server.headers("dana"))
    assert again.status_code == 200
    from counselor_app.agency_server.models import DeviceBlock

    with server.store.read() as session:
        block = session.get(DeviceBlock, ("laptop-7", PROGRAM))
        assert block is not None and block.user_id is not None


def test_only_administrators_set_a_pool_size(server: Server) -> None:
    ask = {"device_id": "laptop-1", "program_id": PROGRAM, "requested": 5, "pool_size_hint": 1000}
    for name, role in (("dana", "counselor"), ("sue", "supervisor")):
        response = server.client.post(BLOCK, json=ask | {"device_id": f"laptop-{name}"},
                                      headers=server.headers(name, role=role))
        assert response.status_code == 403, (role, response.text)
    # No pool set: no block, however many are asked for.
    none = server.client.post(BLOCK, json={k: v for k, v in ask.items() if k != "pool_size_hint"},
                              headers=server.headers("dana"))
    assert none.status_code == 200 and none.json()["block_size"] == 0 and none.json()["pool_size"] is None
    admin = server.client.post(BLOCK, json=ask | {"device_id": "laptop-ada"},
                               headers=server.headers("ada", role="administrator"))
    assert admin.status_code == 200 and admin.json()["pool_size"] == 1000 and admin.json()["block_size"] == 5


def test_a_change_id_is_bound_to_its_first_sender(server: Server) -> None:
    seeker = change()
    first = server.push("dana", [seeker])[0]
    assert first["status"] == "applied"
    before = server.service.stats()
    replay = server.push("lee", [seeker])[0]
    assert (replay["status"], replay["reason_code"]) == ("rejected", p.REJECT_FORBIDDEN)
    assert "server_record" not in replay or replay["server_record"] is None
    _nothing_written(server, before)
    assert server.push("dana", [seeker])[0] == first  # the sender still gets its answer back


# -- the schemas, as properties -----------------------------------------------------------------------------------
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.sampled_from(p.SYNCED_ENTITIES), op=st.sampled_from(["create", "update"]),
       payload=st.dictionaries(st.text(min_size=1, max_size=30), JSON_SCALARS
                               | st.lists(JSON_SCALARS, max_size=3), max_size=6))
def test_whatever_the_schema_accepts_is_plain_bounded_json(entity: str, op: str, payload: dict[str, Any]) -> None:
    """The server stores only what passes ``payload_problem``: whatever that is, it serializes as strict JSON."""
    if payload_problem(entity, op, payload) is None:
        p.canonical_json(payload).encode("utf-8")
        model = payload_model(entity)
        assert model is not None and set(payload) <= set(model.model_fields)
