"""Helpers and fixtures for sync tests: a real reference server on loopback (uvicorn in a thread), desks that sign in to
it, a fault-injecting proxy, and checks that the server holds every change exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import ChangeLog, ServerRecord
from counselor_app.agency_server.runner import ServerThread
from counselor_app.agency_server.service import AgencyService
from counselor_app.core import open_desk
from counselor_app.core.desk import Desk
from counselor_app.core.models import OutboxEntry
from counselor_app.core.settings import Settings
from counselor_app.sync.service import sign_in
from counselor_app.sync.transport import RetryPolicy

PASSWORD = "correct horse battery staple"
CENTER = "MassHire Boston Career Center"
MA_DAY = __import__("datetime").date(2020, 10, 1)
MA_PROGRAM = "ma-coursera-2020"
MA_POOL = 50_000
# Quick retries so fault tests take seconds, not minutes; the logic is the production one.
FAST_RETRY = RetryPolicy(attempts=6, backoff_base_s=0.05, backoff_cap_s=0.4, max_retry_after_s=5)


@dataclass
class Agency:
    store: ServerStore
    service: AgencyService
    thread: ServerThread
    url: str
    users: set[str] = field(default_factory=set)

    def add_user(self, name: str, *, role: str = "counselor", center: str = CENTER) -> str:
        if name not in self.users:
            self.service.add_user(username=name, role=role, center=center, password=PASSWORD)
            self.users.add(name)
        return name

    def restart(self) -> None:
        """Start again on the same port after ``thread.stop()`` (the server was down for a while)."""
        self.thread = ServerThread(self.thread.app, port=self.thread.port)
        self.thread.start()

    def applied_change_ids(self) -> list[str]:
        with self.store.read() as session:
            return list(session.scalars(select(ChangeLog.change_id).where(
                ChangeLog.status.in_(("applied", "duplicate")))))

    def change_rows(self) -> list[ChangeLog]:
        with self.store.read() as session:
            return list(session.scalars(select(ChangeLog)))

    def record(self, entity: str, entity_id: str) -> ServerRecord | None:
        with self.store.read() as session:
            return session.get(ServerRecord, (entity, entity_id))

    def record_count(self, entity: str = "job_seeker") -> int:
        with self.store.read() as session:
            return int(session.scalar(select(func.count()).select_from(ServerRecord).where(
                ServerRecord.entity == entity)) or 0)


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[Agency]:
    store = ServerStore(f"sqlite:///{tmp_path / 'agency.db'}")
    app = create_app(store)
    thread = ServerThread(app)
    url = thread.start()
    server = Agency(store=store, service=app.state.service, thread=thread, url=url)
    server.service.set_pool(MA_PROGRAM, MA_POOL)  # an administrator sets the pool; devices never do
    server.add_user("dana")
    yield server
    server.thread.stop()
    store.close()


DeskFactory = Callable[..., Desk]


@pytest.fixture
def make_desk(tmp_path: Path) -> Iterator[DeskFactory]:
    opened: list[Desk] = []

    def factory(name: str, *, center: str = CENTER, batch_size: int = 200, read_timeout: float = 3.0) -> Desk:
        folder = tmp_path / f"desk-{name}"
        folder.mkdir(parents=True, exist_ok=True)
        settings_file = folder / "settings.json"
        if not settings_file.exists():
            Settings(agency="ma", center_name=center, counselor_name=f"Counselor {name}",
                     counselor_role="counselor", sync_batch_size=batch_size, connect_timeout_s=2.0,
                     read_timeout_s=read_timeout).save(settings_file)
        desk = open_desk(data_dir=folder, agency="ma", today=MA_DAY)
        opened.append(desk)
        return desk

    yield factory
    for desk in opened:
        desk.close()


def signed_in(desk: Desk, url: str, username: str) -> Desk:
    sign_in(desk, server_url=url, username=username, password=PASSWORD, retry=FAST_RETRY)
    return desk


def letters(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": digits are not allowed in names."""
    out = ""
    while True:
        out = "abcdefghijklmnopqrstuvwxyz"[n % 26] + out
        n //= 26
        if n == 0:
            return out


def register_many(desk: Desk, count: int, *, prefix: str = "p") -> list[str]:
    """Job seekers named "<Prefix><letters> Tester" with e-mail <prefix><i>@example.org."""
    ids = []
    for i in range(count):
        seeker = desk.job_seekers.register({"first_name": f"{prefix.capitalize()}{letters(i)}", "last_name": "Tester",
                                            "email": f"{prefix}{i}@example.org"}, confirmed_not_duplicate=True).record
        ids.append(seeker.id)
    return ids


def queued_change_ids(desk: Desk) -> set[str]:
    with desk.store.read() as session:
        return set(session.scalars(select(OutboxEntry.change_id)))


def outbox_rows(desk: Desk) -> list[dict[str, Any]]:
    with desk.store.read() as session:
        return [{"seq": r.seq, "change_id": r.change_id, "status": r.status, "entity_id": r.entity_id}
                for r in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]


def assert_exactly_once(agency: Agency, expected_change_ids: set[str], *, desks: list[Desk]) -> None:
    """Every change reached the server, none twice, nothing is left queued, and each record's version counts
    exactly the changes applied to it."""
    rows = agency.change_rows()
    applied = [r for r in rows if r.status in ("applied", "duplicate")]
    applied_ids = [r.change_id for r in applied]
    assert len(applied_ids) == len(set(applied_ids))
    assert set(applied_ids) >= expected_change_ids, "a change was lost"
    for desk in desks:
        assert outbox_rows(desk) == [], "something is still queued"
    per_record: dict[tuple[str, str], int] = {}
    for r in rows:
        if r.status == "applied":
            per_record[(r.entity, r.entity_id)] = per_record.get((r.entity, r.entity_id), 0) + 1
    for (entity, entity_id), n in per_record.items():
        rec = agency.record(entity, entity_id)
        assert rec is not None
        assert rec.version == n, f"{entity} {entity_id}: version {rec.version} after {n} applied changes"


@pytest.fixture
def proxy_factory(agency: Agency) -> Iterator[Callable[..., Any]]:
    """Start fault proxies in front of the agency server; stopped after the test."""
    from tests.sync.fault_proxy import FaultProxy

    started: list[FaultProxy] = []

    def factory(policy: Any = None, *, after_forward: Any = None) -> FaultProxy:
        proxy = FaultProxy(agency.thread.port, policy=policy, after_forward=after_forward)
        proxy.start()
        started.append(proxy)
        return proxy

    yield factory
    for proxy in started:
        proxy.stop()
