"""Hundreds of changes from three devices through a proxy that drops, delays, cuts and loses answers at random
(seeded: set COUNSELOR_SYNC_SEED to replay another run). The devices also edit each other's records, so
conflicts arise and are resolved the way a counselor might. In the end the server and every device agree, the
server applied each change exactly once, and every change that left a queue is on the server."""

from __future__ import annotations

import os
import random
from typing import Any

from sqlalchemy import select

from counselor_app.core.desk import Desk
from counselor_app.core.job_seekers import FIELD_LABELS
from counselor_app.core.models import JobSeeker
from counselor_app.sync import outbox
from counselor_app.sync.errors import ServerUnreachable
from counselor_app.sync.service import sync_once
from counselor_app.sync.transport import RetryPolicy
from tests.sync.fault_proxy import PASS, random_faults
from tests.sync.sync_support import (
    Agency,
    DeskFactory,
    letters,
    outbox_rows,
    queued_change_ids,
    signed_in,
)

SEED = int(os.environ.get("COUNSELOR_SYNC_SEED", "20201001"))
ROUNDS = 7
RETRY = RetryPolicy(attempts=8, backoff_base_s=0.02, backoff_cap_s=0.2, max_retry_after_s=2)
ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}


class Device:
    def __init__(self, desk: Desk, name: str, rng: random.Random) -> None:
        self.desk = desk
        self.name = name
        self.rng = rng
        self.made = 0
        self.licensed: set[str] = set()

    def seekers(self) -> list[str]:
        with self.desk.store.read() as session:
            return sorted(session.scalars(select(JobSeeker.id)))

    def work(self) -> None:
        """A burst of desk work while offline: new people, edits (some to other devices' people), notes and a
        license now and then."""
        rng = self.rng
        mine: list[str] = []
        for _ in range(rng.randint(4, 8)):
            seeker = self.desk.job_seekers.register(
                {"first_name": f"{self.name}{letters(self.made)}", "last_name": "Random",
                 "email": f"{self.name.lower()}{self.made}@example.org"}, confirmed_not_duplicate=True).record
            self.made += 1
            mine.append(seeker.id)
        everyone = self.seekers()
        for _ in range(rng.randint(6, 14)):
            target = rng.choice(everyone)
            field = rng.choice(("phone", "zip_code", "weekly_hours", "email"))
            value: Any = {
                "phone": f"617555{rng.randrange(100, 200):04d}", "zip_code": rng.choice(("02108", "02119", "02125")),
                "weekly_hours": rng.choice((3, 5, 10, 20)),
                "email": f"{self.name.lower()}.{rng.randrange(10**6)}@example.net"}[field]
            self.desk.job_seekers.update(target, {field: value})
        for target in rng.sample(everyone, k=min(2, len(everyone))):
            self.desk.appointments.add_note(job_seeker_id=target, body=f"Follow-up call {rng.randrange(1000)}.")
        if mine and rng.random() < 0.7:
            target = mine[0]
            attestation = self.desk.appointments.attest(target, ELIGIBLE)
            self.desk.licenses.issue(target, attestation_id=attestation.attestation_id)
            self.licensed.add(target)


def snapshot(desk: Desk) -> set[str]:
    return queued_change_ids(desk)


def test_three_devices_random_faults_end_in_agreement(agency: Agency, make_desk: DeskFactory,
                                                      proxy_factory: Any) -> None:
    rng = random.Random(SEED)
    agency.add_user("lee")
    agency.add_user("kim")
    proxy = proxy_factory(random_faults(SEED, rate=0.3))
    devices = []
    for name, user in (("Ana", "dana"), ("Lee", "lee"), ("Kim", "kim")):
        desk = make_desk(name.lower(), batch_size=rng.choice((7, 13, 25)), read_timeout=1.5)
        devices.append(Device(signed_in(desk, proxy.url, user), name, random.Random(rng.random())))

    tracked: set[str] = set()  # every change id ever queued on any device
    resolved: set[str] = set()  # removed from a queue by a counselor's conflict decision, not by the server
    acked: set[str] = set()  # removed from a queue because the server said it has the change

    def sync(device: Device) -> None:
        before = snapshot(device.desk)
        tracked.update(before)
        try:
            sync_once(device.desk, retry=RETRY)
        except ServerUnreachable:
            pass  # so many faults in a row: the next round tries again
        gone = before - snapshot(device.desk)
        on_server = set(agency.applied_change_ids())
        assert gone <= on_server, "a change left the queue but is not on the server"
        acked.update(gone)

    def resolve_conflicts(device: Device) -> None:
        for item in outbox.list_entries(device.desk):
            if item.status != "conflict":
                continue
            before = snapshot(device.desk)
            tracked.update(before)
            how = device.rng.choice(("mine", "theirs", "merge"))
            if how == "merge":
                view = outbox.conflict_view(device.desk, item.seq)
                choice: Any = {d.field: device.rng.choice(("mine", "theirs")) for d in view.differing}
            else:
                choice = how
            outbox.resolve_conflict(device.desk, item.seq, choice)
            after = snapshot(device.desk)
            tracked.update(after)
            resolved.update(before - after)

    for _round in range(ROUNDS):
        for device in rng.sample(devices, k=len(devices)):
            device.work()
            sync(device)
            resolve_conflicts(device)

    # The network heals; everyone syncs until nothing is left and everyone has everyone's latest.
    proxy.policy = lambda _info: PASS
    for _ in range(6):
        for device in devices:
            sync(device)
            resolve_conflicts(device)
        if all(not outbox_rows(d.desk) for d in devices):
            break
    for device in devices:
        sync(device)

    # Nothing left, nothing parked, and every change is either on the server or was resolved away.
    for device in devices:
        assert outbox_rows(device.desk) == [], f"{device.name} still has changes queued"
    assert len(tracked) >= 300, f"only {len(tracked)} changes: not the load this test is about"
    assert tracked == acked | resolved
    server_ids = agency.applied_change_ids()
    assert len(server_ids) == len(set(server_ids))
    assert acked <= set(server_ids)

    # Exactly once: a record's version counts the changes applied to it, no more, no less.
    rows = agency.change_rows()
    applied: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.status == "applied":
            applied[(row.entity, row.entity_id)] = applied.get((row.entity, row.entity_id), 0) + 1
    for (entity, entity_id), n in applied.items():
        record = agency.record(entity, entity_id)
        assert record is not None and record.version == n

    # Agreement: every device holds every job seeker exactly as the server does.
    fields = list(FIELD_LABELS)
    with agency.store.read() as session:
        from counselor_app.agency_server.models import ServerRecord

        server = {r.entity_id: r for r in session.scalars(select(ServerRecord).where(
            ServerRecord.entity == "job_seeker"))}
    assert len(server) == sum(d.made for d in devices)
    for device in devices:
        with device.desk.store.read() as session:
            local = {s.id: s for s in session.scalars(select(JobSeeker))}
        assert set(local) == set(server), f"{device.name} is missing job seekers"
        for seeker_id, record in server.items():
            mine = local[seeker_id]
            assert mine.version == record.version, f"{device.name}: {seeker_id} at another version"
            from counselor_app.core.changes import json_safe

            for field in fields:
                assert json_safe(getattr(mine, field)) == record.data.get(field), (device.name, seeker_id, field)
    kinds = {kind for _t, _info, kind in proxy.log.requests}
    conflicts = sum(1 for row in rows if row.status == "conflict")
    print(f"seed {SEED}: {len(tracked)} changes, {len(resolved)} resolved away, {conflicts} conflicts, "
          f"{len(proxy.log.requests)} requests, faults: "
          + ", ".join(f"{k} {sum(1 for r in proxy.log.requests if r[2] == k)}" for k in sorted(kinds)))
    assert {"drop_before", "lose_response", "status", "cut_response", "drop_mid_request"} <= kinds
