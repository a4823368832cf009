"""Authentication and authorization on every endpoint, and secrets kept out of the database and the logs."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import MetaData, select

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import UserAccount
from counselor_app.agency_server.runner import ServerThread
from counselor_app.agency_server.security import hash_password, verify_password
from counselor_app.agency_server.service import AgencyService
from counselor_app.sync import protocol as p
from tests.agency_server.server_support import LOWELL, PASSWORD, Server, change

OPEN = {("GET", f"{p.API_PREFIX}/health"), ("POST", f"{p.API_PREFIX}/session")}
# A desk proves these with its device secret instead of a token: a lost desk's sessions are all revoked (issue 17).
OPEN |= {("POST", f"{p.API_PREFIX}/devices/status"), ("POST", f"{p.API_PREFIX}/devices/wiped")}


def protected_routes(server: Server) -> list[tuple[str, str]]:
    out = []
    for route in server.client.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith(p.API_PREFIX):
            continue
        for method in sorted(getattr(route, "methods", ()) or ()):
            if (method, path) not in OPEN:
                out.append((method, path.replace("{entity_id}", "x")))
    return out


def test_no_token_or_a_bad_token_is_401_everywhere(server: Server) -> None:
    routes = protected_routes(server)
    assert len(routes) >= 10
    for method, path in routes:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic ZGFuYTp4"}):
            response = server.client.request(method, path, headers=headers)
            assert response.status_code == 401, (method, path, headers)
            assert response.headers.get("WWW-Authenticate") == "Bearer"
    assert server.client.get(f"{p.API_PREFIX}/health").json() == {"status": "ok", "protocol_version": 1}


def test_wrong_password_expired_and_revoked_tokens(server: Server) -> None:
    server.user("dana")
    bad = server.client.post(f"{p.API_PREFIX}/session", json={"username": "dana", "password": "wrong password!"})
    assert bad.status_code == 401 and "password" in bad.json()["detail"]
    unknown = server.client.post(f"{p.API_PREFIX}/session", json={"username": "nobody", "password": "x" * 12})
    assert unknown.status_code == 401 and unknown.json() == bad.json()  # no hint which accounts exist

    expired = AgencyService(server.store, token_ttl=timedelta(seconds=-1))
    token = expired.login(p.SessionRequest(username="dana", password=PASSWORD)).token
    assert server.client.get(f"{p.API_PREFIX}/changes", headers={"Authorization": f"Bearer {token}"}
                             ).status_code == 401
    headers = server.headers("dana")
    assert server.client.get(f"{p.API_PREFIX}/changes", headers=headers).status_code == 200
    assert server.client.delete(f"{p.API_PREFIX}/session", headers=headers).status_code == 204
    assert server.client.get(f"{p.API_PREFIX}/changes", headers=headers).status_code == 401


def test_roles_and_centers(server: Server) -> None:
    create = change()
    seeker = create["entity_id"]
    server.push("dana", [create])
    path = f"{p.API_PREFIX}/job-seekers/{seeker}"
    assert server.client.get(path, headers=server.headers("dana")).status_code == 200
    assert server.client.get(path, headers=server.headers("lou", center=LOWELL)).status_code == 403
    assert server.client.get(path, headers=server.headers("ada", role="administrator", center=LOWELL)
                             ).status_code == 200
    assert server.client.get(f"{p.API_PREFIX}/job-seekers/nope", headers=server.headers("dana")).status_code == 404
    counselor = server.headers("dana")
    supervisor = server.headers("sue", role="supervisor")
    for path in (f"{p.API_PREFIX}/progress", f"{p.API_PREFIX}/reports/summary"):
        assert server.client.get(path, headers=counselor).status_code == 403
        assert server.client.get(path, headers=supervisor).status_code == 200
    admin_only: list[tuple[str, str, dict[str, Any]]] = [("POST", f"{p.API_PREFIX}/admin/catalog", {"json": {"a": 1}}),
                  ("POST", f"{p.API_PREFIX}/admin/progress", {"content": b"Email,Course Name\n"}),
                  ("GET", f"{p.API_PREFIX}/admin/invitations?date=2020-10-01", {}),
                  ("GET", f"{p.API_PREFIX}/admin/stats", {})]
    for method, path, kwargs in admin_only:
        for headers in (counselor, supervisor):
            assert server.client.request(method, path, headers=headers, **kwargs).status_code == 403


def test_replay_with_a_changed_payload_is_rejected(server: Server) -> None:
    original = change()
    assert server.push("dana", [original])[0]["status"] == "applied"
    tampered = dict(original, payload=dict(original["payload"], first_name="Mallory"))
    result = server.push("dana", [tampered])[0]
    assert (result["status"], result["reason_code"]) == ("rejected", p.REJECT_PAYLOAD_MISMATCH)
    record = server.client.get(f"{p.API_PREFIX}/job-seekers/{original['entity_id']}",
                               headers=server.headers("dana")).json()
    assert record["data"]["first_name"] == "Maria"
    assert server.push("dana", [original])[0]["status"] == "applied"  # the genuine replay still gets its answer


def test_passwords_are_salted_scrypt_hashes() -> None:
    first, second = hash_password("same password 123"), hash_password("same password 123")
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert verify_password("same password 123", first) and not verify_password("same password 124", first)
    assert not verify_password("x", "not-a-hash") and not verify_password("x", "bcrypt$1$2$3$4$5")


def _all_text(store: ServerStore) -> str:
    meta = MetaData()
    meta.reflect(bind=store.engine)
    parts: list[str] = []
    with store.engine.connect() as conn:
        for table in meta.sorted_tables:
            parts.extend(repr(tuple(row)) for row in conn.execute(select(table)))
    return "\n".join(parts)


def test_tokens_and_passwords_never_reach_the_database_or_the_logs(database_url: str,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = ServerStore(database_url)
    app = create_app(store)
    service: AgencyService = app.state.service
    service.add_user(username="dana", role="counselor", center="Boston", password=PASSWORD)
    thread = ServerThread(app, access_log=True, log_level="debug", configure_logging=False)
    url = thread.start()
    try:
        session = requests.Session()
        info = session.post(f"{url}{p.API_PREFIX}/session", json={"username": "dana", "password": PASSWORD},
                            timeout=10).json()
        token = info["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert session.post(f"{url}{p.API_PREFIX}/changes", headers=headers, timeout=10,
                            json={"device_id": "d", "changes": [change()]}).status_code == 200
        assert session.get(f"{url}{p.API_PREFIX}/changes", headers=headers, timeout=10).status_code == 200
        session.get(f"{url}{p.API_PREFIX}/admin/stats", headers=headers, timeout=10)
        session.post(f"{url}{p.API_PREFIX}/session", json={"username": "dana", "password": "wrong password"},
                     timeout=10)
    finally:
        thread.stop()
    logged = caplog.text
    assert "/api/v1/changes" in logged, "the access log was not captured"
    assert token not in logged and PASSWORD not in logged and "wrong password" not in logged
    stored = _all_text(store)
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert token not in stored and PASSWORD not in stored
    with store.read() as s:
        assert str(s.scalar(select(UserAccount.password_hash))).startswith("scrypt$")
    store.close()
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        raw = b"".join(f.read_bytes() for f in path.parent.glob(path.name + "*"))
        assert token.encode() not in raw and PASSWORD.encode() not in raw


def test_validation_errors_do_not_echo_what_was_sent(server: Server) -> None:
    response = server.client.post(f"{p.API_PREFIX}/session", json={"username": "dana", "password": ""})
    assert response.status_code == 422 and "password" in response.json()["detail"]
    response = server.client.post(f"{p.API_PREFIX}/session", json={"username": "dana",
                                                                   "password": "secret-value-" + "x" * 2000})
    assert response.status_code == 422 and "secret-value" not in response.text
