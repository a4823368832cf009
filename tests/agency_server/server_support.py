"""Helpers and fixtures for the reference server's tests (imported by name from the test modules)."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.service import AgencyService
from counselor_app.sync import protocol as p

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions
    from fastapi.testclient import TestClient

POSTGRES_URL = os.environ.get("COUNSELOR_TEST_POSTGRES_URL", "")
PASSWORD = "correct horse battery staple"
BOSTON = "MassHire Boston Career Center"
LOWELL = "MassHire Lowell Career Center"
PROGRAM = "ma-coursera-2020"
NO_POSTGRES = ("PostgreSQL tests need COUNSELOR_TEST_POSTGRES_URL (CI starts a server with .ci/start-postgres.sh; "
               "locally: apt-get install -y postgresql && . .ci/start-postgres.sh)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'agency.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    name = f"agency_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Server:
    store: ServerStore
    service: AgencyService
    client: Any
    tokens: dict[str, str] = field(default_factory=dict)

    def user(self, name: str, *, role: str = "counselor", center: str = BOSTON, device: str | None = None) -> str:
        """Create the user (once), sign in, and return the token."""
        if name not in self.tokens:
            self.service.add_user(username=name, role=role, center=center, password=PASSWORD)
            info = self.service.login(p.SessionRequest(username=name, password=PASSWORD,
                                                       device_id=device or f"device-{name}"))
            self.tokens[name] = info.token
        return self.tokens[name]

    def headers(self, name: str, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.user(name, **kwargs)}"}

    def push(self, name: str, changes: list[dict[str, Any]], *, device: str | None = None) -> list[dict[str, Any]]:
        response = self.client.post(f"{p.API_PREFIX}/changes", headers=self.headers(name),
                                    json={"device_id": device or f"device-{name}", "changes": changes})
        assert response.status_code == 200, response.text
        return response.json()["results"]


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    store = ServerStore(database_url)
    app = create_app(store)
    with TestClient(app) as test_client:
        yield Server(store=store, service=app.state.service, client=test_client)
    store.close()


@pytest.fixture
def client(server: Server) -> Any:
    return server.client


def change(entity: str = "job_seeker", entity_id: str | None = None, *, op: str = "create",
           base_version: int | None = None, **payload: Any) -> dict[str, Any]:
    entity_id = entity_id or str(uuid.uuid4())
    if op == "create" and entity == "job_seeker":
        payload = {"first_name": "Maria", "last_name": "Lopez", "email": "maria@example.org"} | payload
    return {"change_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": op,
            "base_version": base_version, "payload": payload}


def license_change(seeker_id: str, *, status: str = "issued", issued_on: str = "2020-10-01",
                   email: str = "maria@example.org", from_block: bool = True) -> dict[str, Any]:
    return change("license_issuance", job_seeker_id=seeker_id, program_id=PROGRAM, status=status,
                  email=email, issued_on=issued_on, from_device_block=from_block)
