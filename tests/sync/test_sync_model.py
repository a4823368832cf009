"""Model-based test of sync (issue 11): what counselors and administrators do, in any order Hypothesis finds, on
three desks against the real reference server on loopback, each desk behind its own fault proxy.

Rules are the desk's own services, as the wizard and pages call them: register a job seeker, edit one (the same
person on two desks), start a walk-in with or without a person and pick the person later, attest and issue,
revoke (the administrator's desk), add a note, finish an appointment, sync, resolve a conflict as a counselor
would, go offline and online, change the pool size (administrator), back up the server's database and restart
the server from that older copy, and restore it then edit on another desk a person the first desk holds.

After every run, once every desk is online and has synced until quiet (nobody asks for a reconcile: each desk
notices a restore on its own): nothing is queued or set aside on any desk, the server's records are the union of
the desks' records, field for field, and no edit the server confirmed was lost unless a later edit replaced it or
a person was shown a conflict on that record afterwards.

Seeded and derandomized: CI replays the same sequences. ``COUNSELOR_SYNC_MODEL_EXAMPLES`` raises the count for
a longer local hunt. Faults met are counted and printed (``-s`` shows them).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import ServerRecord
from counselor_app.agency_server.runner import ServerThread
from counselor_app.core import open_desk
from counselor_app.core.desk import Desk
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.job_seekers import FIELD_LABELS
from counselor_app.core.models import Appointment, JobSeeker, LicenseIssuance, OutboxEntry
from counselor_app.core.settings import Settings
from counselor_app.sync import outbox
from counselor_app.sync import protocol as p
from counselor_app.sync.errors import SyncError
from counselor_app.sync.local_records import BOOKKEEPING, LOCAL_MODELS, local_snapshot
from counselor_app.sync.service import sign_in, sync_once
from counselor_app.sync.transport import RetryPolicy
from tests.sync.fault_proxy import PASS, FaultProxy, drop_before, random_faults
from tests.sync.sync_support import CENTER, MA_DAY, MA_PROGRAM, PASSWORD, letters

EXAMPLES = int(os.environ.get("COUNSELOR_SYNC_MODEL_EXAMPLES", "15"))
STEPS = int(os.environ.get("COUNSELOR_SYNC_MODEL_STEPS", "30"))
RETRY = RetryPolicy(attempts=4, backoff_base_s=0.01, backoff_cap_s=0.05, max_retry_after_s=1)
ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}
DESKS = (("ana", "dana", "counselor"), ("lee", "lee", "counselor"), ("ada", "ada", "administrator"))
FIELDS = ("phone", "zip_code", "weekly_hours", "email", "last_name")
# Totals over every run of the test, for the report (printed at the end of each run).
TOTALS: Counter[str] = Counter()


def _value(field: str, n: int) -> Any:
    return {"phone": f"617555{n % 100 + 100:04d}", "zip_code": ("02108", "02119", "02125")[n % 3],
            "weekly_hours": float((3, 5, 10, 20)[n % 4]), "email": f"edit{n}@example.net",
            "last_name": "Edited" + letters(n)}[field]


class SyncModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="sync-model-"))
        self.db_file = self.root / "agency.db"
        self.backup: Path | None = None
        self.restored = False
        self.backups = self.restores = 0
        self.store = ServerStore(f"sqlite:///{self.db_file}")
        app = create_app(self.store)
        self.service = app.state.service
        self.thread = ServerThread(app)
        self.thread.start()
        self.service.set_pool(MA_PROGRAM, 50_000)
        for _desk, user, role in DESKS:
            self.service.add_user(username=user, role=role, center=CENTER, password=PASSWORD)
        self.offline = [False] * len(DESKS)
        self.signed_in = False
        self.proxies: list[FaultProxy] = []
        self.desks: list[Desk] = []
        self.made = 0
        self.faults: Counter[str] = Counter()
        # The lost-edit oracle: edits waiting on a desk, edits that reached the server (the latest per field, by
        # when the server confirmed them), and when a person last saw a conflict on each record.
        self.tick = 0
        self.pending_edits: list[tuple[int, str, str, Any, int]] = []  # (desk, id, field, value, made)
        self.reached: dict[tuple[str, str], tuple[Any, int, int]] = {}  # (id, field) -> (value, reached, made)
        self.conflict_seen: dict[str, int] = {}
        TOTALS["runs"] += 1

    # -- set-up ----------------------------------------------------------------------------------------------
    @initialize(seed=st.integers(0, 2**32 - 1), rate=st.sampled_from((0.1, 0.2, 0.35)))
    def open_desks(self, seed: int, rate: float) -> None:
        for index, (name, user, role) in enumerate(DESKS):
            faults = random_faults(seed + index, rate=rate)

            def policy(info: Any, index: int = index, faults: Any = faults) -> Any:
                if self.offline[index]:
                    return drop_before()
                return faults(info) if self.signed_in else PASS

            proxy = FaultProxy(self.thread.port, policy=policy)
            proxy.start()
            self.proxies.append(proxy)
            folder = self.root / f"desk-{name}"
            folder.mkdir()
            Settings(agency="ma", center_name=CENTER, counselor_name=f"Counselor {name}", counselor_role=role,
                     sync_batch_size=(5, 11, 200)[index], connect_timeout_s=1.0,
                     read_timeout_s=1.0).save(folder / "settings.json")
            desk = open_desk(data_dir=folder, agency="ma", today=MA_DAY)
            self.desks.append(desk)
            sign_in(desk, server_url=self.service_url(index), username=user, password=PASSWORD,
                    retry=RetryPolicy(attempts=8, backoff_base_s=0.01, backoff_cap_s=0.05))
        self.signed_in = True  # faults from here on: sign-in itself is tested elsewhere

    def service_url(self, index: int) -> str:
        return self.proxies[index].url

    # -- helpers -------------------------------------------------------------------------------------------
    def _seekers(self, desk: Desk) -> list[str]:
        with desk.store.read() as session:
            return sorted(session.scalars(select(JobSeeker.id)))

    def _pick(self, items: list[str], n: int) -> str | None:
        return items[n % len(items)] if items else None

    # -- what counselors do ----------------------------------------------------------------------------------
    desk_index = st.integers(0, len(DESKS) - 1)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index)
    def register(self, d: int) -> None:
        self.made += 1
        self.desks[d].job_seekers.register(
            {"first_name": "Model" + letters(self.made), "last_name": "Seeker",
             "email": f"model{self.made}@example.org"}, confirmed_not_duplicate=True)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, count=st.integers(2, 5))
    def busy_hour(self, d: int, count: int) -> None:
        """Several walk-ins in a row, each registered, attested and issued (the ordinary appointment)."""
        desk = self.desks[d]
        for _ in range(count):
            appointment = desk.appointments.start(kind="walk_in").record
            self.made += 1
            person = desk.job_seekers.register(
                {"first_name": "Busy" + letters(self.made), "last_name": "Walkin",
                 "email": f"busy{self.made}@example.org"}, confirmed_not_duplicate=True).record.id
            desk.appointments.save_wizard_state(appointment.id, step="find", state={}, job_seeker_id=person)
            attestation = desk.appointments.attest(person, ELIGIBLE, appointment_id=appointment.id)
            desk.appointments.save_plan(job_seeker_id=person, appointment_id=appointment.id,
                                        plan={"items": [{"course": "Excel Basics", "hours": 12}]})
            issued = desk.licenses.issue(person, appointment_id=appointment.id,
                                         attestation_id=attestation.attestation_id)
            # Offline past the block the license waits for approval, and the outcome says so (the core refuses
            # "license issued" without an issued license).
            desk.appointments.complete(appointment.id, outcome="license_issued" if issued.status == "issued"
                                       else "pending_approval")

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000), field=st.sampled_from(FIELDS))
    def edit(self, d: int, n: int, field: str) -> None:
        desk = self.desks[d]
        target = self._pick(self._seekers(desk), n)
        if target is not None:
            self._edit(d, target, field, _value(field, n))

    @precondition(lambda self: bool(self.desks))
    @rule(n=st.integers(0, 10_000), field=st.sampled_from(FIELDS))
    def edit_same_person_on_two_desks(self, n: int, field: str) -> None:
        shared = set(self._seekers(self.desks[0])) & set(self._seekers(self.desks[1]))
        target = self._pick(sorted(shared), n)
        if target is None:
            return
        for offset in range(2):
            self._edit(offset, target, field, _value(field, n + offset))

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, with_person=st.booleans(), n=st.integers(0, 10_000))
    def walk_in(self, d: int, with_person: bool, n: int) -> None:
        desk = self.desks[d]
        person = self._pick(self._seekers(desk), n) if with_person else None
        desk.appointments.start(job_seeker_id=person, kind="walk_in")

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000))
    def pick_person_for_open_walk_in(self, d: int, n: int) -> None:
        desk = self.desks[d]
        with desk.store.read() as session:
            open_ids = sorted(session.scalars(select(Appointment.id).where(
                Appointment.status == "in_progress", Appointment.job_seeker_id.is_(None))))
        appointment = self._pick(open_ids, n)
        person = self._pick(self._seekers(desk), n)
        if appointment and person:
            desk.appointments.save_wizard_state(appointment, step="find", state={"query": "x"},
                                                job_seeker_id=person)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000))
    def attest_and_issue(self, d: int, n: int) -> None:
        desk = self.desks[d]
        person = self._pick(self._seekers(desk), n)
        if person is None:
            return
        with desk.store.read() as session:
            appointment = session.scalar(select(Appointment.id).where(Appointment.job_seeker_id == person,
                                                                      Appointment.status == "in_progress"))
        attestation = desk.appointments.attest(person, ELIGIBLE, appointment_id=appointment)
        try:
            issued = desk.licenses.issue(person, appointment_id=appointment,
                                         attestation_id=attestation.attestation_id)
        except CounselorDeskError:
            return  # already licensed here, e-mail missing, ...: the desk says no and queues nothing
        if appointment:
            desk.appointments.complete(appointment, outcome="license_issued" if issued.status == "issued"
                                       else "pending_approval")

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000))
    def note(self, d: int, n: int) -> None:
        desk = self.desks[d]
        person = self._pick(self._seekers(desk), n)
        if person is not None:
            desk.appointments.add_note(job_seeker_id=person, body=f"Called back ({n}).")

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000), cancelled=st.booleans())
    def finish_appointment(self, d: int, n: int, cancelled: bool) -> None:
        desk = self.desks[d]
        with desk.store.read() as session:
            open_ids = sorted(session.scalars(select(Appointment.id).where(Appointment.status == "in_progress")))
        target = self._pick(open_ids, n)
        if target:
            desk.appointments.complete(target, outcome="left_before_seen" if cancelled else "needs_follow_up",
                                       status="cancelled" if cancelled else "completed")

    @precondition(lambda self: bool(self.desks))
    @rule(n=st.integers(0, 10_000))
    def administrator_revokes(self, n: int) -> None:
        desk = self.desks[2]
        with desk.store.read() as session:
            live = sorted(session.scalars(select(LicenseIssuance.id).where(
                LicenseIssuance.status.in_(("issued", "pending_approval")))))
        target = self._pick(live, n)
        if target:
            desk.licenses.change_status(target, status="revoked", reason="Issued by mistake.")

    @precondition(lambda self: bool(self.desks))
    @rule(size=st.sampled_from((1, 3, 50_000)))
    def administrator_sets_pool(self, size: int) -> None:
        self.service.set_pool(MA_PROGRAM, size)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index)
    def sync(self, d: int) -> None:
        self._sync(d)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index, n=st.integers(0, 10_000), choice=st.sampled_from(("mine", "theirs", "fields")))
    def resolve_a_conflict(self, d: int, n: int, choice: str) -> None:
        self._resolve(d, n, choice)

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index)
    def go_offline(self, d: int) -> None:
        self.offline[d] = True

    @precondition(lambda self: bool(self.desks))
    @rule(d=desk_index)
    def go_online(self, d: int) -> None:
        self.offline[d] = False

    @precondition(lambda self: bool(self.desks) and self.backups < 2)
    @rule()
    def back_up_server(self) -> None:
        self.backups += 1
        self.backup = self.root / "backup.db"
        with sqlite3.connect(self.db_file) as source, sqlite3.connect(self.backup) as target:
            source.backup(target)
        target.close()
        source.close()

    @precondition(lambda self: self.backup is not None and self.restores < 2)
    @rule()
    def restart_server_from_older_copy(self) -> None:
        assert self.backup is not None
        self.thread.stop()
        self.store.close()
        # A new file, not the old one overwritten in place: a connection the old server still had open in this
        # process would otherwise share SQLite's lock and WAL index for the inode and read the newer data.
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_file}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.backup, self.db_file)
        self.store = ServerStore(f"sqlite:///{self.db_file}")
        app = create_app(self.store)
        self.service = app.state.service
        self.thread = ServerThread(app, port=self.thread.port)
        self.thread.start()
        self.restored = True
        self.restores += 1
        TOTALS["restores"] += 1

    @precondition(lambda self: bool(self.desks) and self.restores < 2)
    @rule(n=st.integers(0, 10_000), fields=st.tuples(st.sampled_from(FIELDS), st.sampled_from(FIELDS)),
          editor=st.sampled_from((1, 2)), editor_syncs_first=st.booleans(), first_desk_edits=st.booleans())
    def restore_then_edit_the_same_person_elsewhere(self, n: int, fields: tuple[str, str], editor: int,
                                                    editor_syncs_first: bool, first_desk_edits: bool) -> None:
        """The whole sequence of the bug: a backup; the first desk edits a person and syncs (its edit reaches
        the server); the server goes back to the backup; another desk edits the same person and syncs, before
        or after the first desk's next sync (which repairs what the server lost). The first desk may also edit
        again before that sync, on the version the restore took away."""
        for d in (0, editor):
            self._sync(d)
        shared = set(self._seekers(self.desks[0])) & set(self._seekers(self.desks[editor]))
        target = self._pick(sorted(shared), n)
        if target is None:
            return
        self.back_up_server()
        self._edit(0, target, fields[0], _value(fields[0], n + 3))
        self._sync(0)
        self.restart_server_from_older_copy()
        self._edit(editor, target, fields[1], _value(fields[1], n + 7))
        if first_desk_edits:
            self._edit(0, target, fields[1], _value(fields[1], n + 11))
        for d in ((editor, 0) if editor_syncs_first else (0, editor)):
            self._sync(d)
        TOTALS["restore_then_edit"] += 1

    # -- the counselor's side of sync ------------------------------------------------------------------------
    def _edit(self, d: int, target: str, field: str, value: Any) -> None:
        desk = self.desks[d]
        before = self._queued_for(d, target)
        try:
            desk.job_seekers.update(target, {field: value})
        except CounselorDeskError:
            return  # the desk refused (e.g. a possible duplicate e-mail): nothing was queued
        if self._queued_for(d, target) > before:  # an edit that changed nothing queues nothing
            self.tick += 1
            self.pending_edits.append((d, target, field, value, self.tick))

    def _queued_for(self, d: int, target: str) -> int:
        with self.desks[d].store.read() as session:
            return len(list(session.scalars(select(OutboxEntry.seq).where(
                OutboxEntry.entity == "job_seeker", OutboxEntry.entity_id == target))))

    def _after_sync(self, d: int) -> None:
        """Which of desk ``d``'s edits the server now holds (nothing of theirs waits on the desk), and which
        records show a person a conflict."""
        self.tick += 1
        in_conflict: set[str] = set()
        for index, desk in enumerate(self.desks):
            for item in outbox.list_entries(desk, statuses=("conflict",)):
                self.conflict_seen[item.entity_id] = self.tick
                if index == d:
                    in_conflict.add(item.entity_id)
        waiting: list[tuple[int, str, str, Any, int]] = []
        for edit in self.pending_edits:
            desk_index, target, field, value, made = edit
            if desk_index != d:
                waiting.append(edit)
                continue
            if target in in_conflict:
                continue  # in a person's hands now
            if self._queued_for(d, target):
                waiting.append(edit)
                continue
            latest = self.reached.get((target, field))
            if latest is None or (latest[1], latest[2]) < (self.tick, made):
                self.reached[(target, field)] = (value, self.tick, made)
        self.pending_edits = waiting

    def _check_no_edit_lost(self) -> None:
        """Every edit the server confirmed is there at the end, unless a later one replaced it or a person was
        shown a conflict on that record after it reached the server (and chose)."""
        with self.store.read() as session:
            server = {r.entity_id: r.data for r in session.scalars(select(ServerRecord).where(
                ServerRecord.entity == "job_seeker"))}
        for (target, field), (value, reached, _made) in self.reached.items():
            if self.conflict_seen.get(target, -1) >= reached:
                continue
            TOTALS["edits_checked"] += 1
            assert server.get(target, {}).get(field) == value, (
                "an edit that reached the server was lost without a conflict", target, field, value,
                server.get(target, {}).get(field))


    def _sync(self, d: int, *, reconcile: bool = False) -> bool:
        try:
            report = sync_once(self.desks[d], retry=RETRY, reconcile=reconcile)
        except SyncError:
            return False  # offline, or too many faults in a row: the next sync tries again
        finally:
            self._after_sync(d)
        TOTALS["diverged"] += report.diverged
        TOTALS["reconciles"] += int(report.reconciled is not None)
        return True

    def _resolve(self, d: int, n: int, choice: str) -> None:
        desk = self.desks[d]
        conflicts = [i for i in outbox.list_entries(desk) if i.status == "conflict"]
        if not conflicts:
            return
        item = conflicts[n % len(conflicts)]
        how: Any = choice
        if choice == "fields":
            view = outbox.conflict_view(desk, item.seq)
            how = {f.field: ("mine", "theirs")[(n + k) % 2] for k, f in enumerate(view.differing)}
        outbox.resolve_conflict(desk, item.seq, how)
        self.tick += 1
        self.conflict_seen[item.entity_id] = self.tick
        # What the person chose replaces this desk's waiting edits of the record.
        self.pending_edits = [e for e in self.pending_edits if (e[0], e[1]) != (d, item.entity_id)]

    @invariant()
    def nothing_is_set_aside_that_a_person_did_not_cause(self) -> None:
        for desk in self.desks:
            with desk.store.read() as session:
                parked = list(session.scalars(select(OutboxEntry).where(OutboxEntry.status == "parked")))
            assert not parked, [(e.entity, e.op, e.last_error) for e in parked]

    @invariant()
    def a_second_license_waits_only_when_two_desks_issued(self) -> None:
        """A license waiting as a conflict because the person holds another live one (``LICENSE_ELSEWHERE``) is
        a person's doing only when another desk issued that other license; the desk's own revocation and new
        license (a restore repair) must reach the server in order and never wait for a person."""
        from counselor_app.agency_server.models import License

        for desk in self.desks:
            with desk.store.read() as session:
                waiting = [(e.entity_id, dict(e.payload)) for e in session.scalars(select(OutboxEntry).where(
                    OutboxEntry.status == "conflict", OutboxEntry.reason_code == outbox.LICENSE_ELSEWHERE))]
            for issuance_id, payload in waiting:
                TOTALS["second_license_conflicts"] += 1
                with self.store.read() as session:
                    others = list(session.execute(select(License.issuance_id, License.device_id).where(
                        License.job_seeker_id == payload.get("job_seeker_id"),
                        License.program_id == payload.get("program_id"),
                        License.status.in_(("issued", "pending_approval")))))
                # (A restore since may have taken the other license away again: its desk re-sends it.)
                assert all(device != desk.settings.device_id and other != issuance_id
                                      for other, device in others), (issuance_id, others)

    # -- the end of a run: everything online, synced until quiet, then compared ----------------------------
    def teardown(self) -> None:
        try:
            if self.desks:
                self._quiesce_and_check()
        finally:
            for proxy in self.proxies:
                self.faults.update(kind for _t, _info, kind in proxy.log.requests)
                proxy.stop()
            for desk in self.desks:
                desk.close()
            self.thread.stop()
            self.store.close()
            shutil.rmtree(self.root, ignore_errors=True)
            TOTALS.update({f"fault:{k}": v for k, v in self.faults.items() if k != "pass"})
            TOTALS["requests"] += sum(self.faults.values())
            print("sync model totals:", dict(sorted(TOTALS.items())))

    def _quiesce_and_check(self) -> None:
        self.offline = [False] * len(self.desks)
        for proxy in self.proxies:
            proxy.policy = lambda _info: PASS
        # No one asks for a reconcile after a restore: each desk notices it on its next sync and compares by itself.
        for round_ in range(8):
            for d in range(len(self.desks)):
                assert self._sync(d)
                while any(i.status == "conflict" for i in outbox.list_entries(self.desks[d])):
                    self._resolve(d, round_, ("theirs", "mine")[round_ % 2])
            if all(not outbox.list_entries(desk) for desk in self.desks):
                break
        for d in range(len(self.desks)):  # everyone takes in everyone's last changes
            assert self._sync(d)
        for desk in self.desks:
            left = outbox.list_entries(desk)
            assert not left, [(i.entity, i.op, i.status, i.last_error) for i in left]
        self._check_union()
        self._check_no_edit_lost()

    def _check_union(self) -> None:
        with self.store.read() as session:
            server = {(r.entity, r.entity_id): r for r in session.scalars(select(ServerRecord))}
        union: dict[tuple[str, str], list[Any]] = {}
        for desk in self.desks:
            with desk.store.read() as session:
                for entity, model in LOCAL_MODELS.items():
                    for row in session.scalars(select(model)):
                        union.setdefault((entity, row.id), []).append(local_snapshot(row))
        assert set(server) == set(union), {"only on server": sorted(set(server) - set(union))[:5],
                                           "only on desks": sorted(set(union) - set(server))[:5]}
        for key, copies in union.items():
            rec = server[key]
            entity = key[0]
            # Bookkeeping (timestamps a local draft autosave touches, the wizard's draft) and local row
            # references (users and centers are per device) are not the record's content.
            fields = list(FIELD_LABELS) if entity == "job_seeker" else sorted(
                set(copies[0]) - BOOKKEEPING - {"created_by", "counselor_id", "author_id", "issued_by",
                                                "status_changed_by", "center_id"})
            for copy in copies:
                if "version" in copy:
                    assert copy["version"] == rec.version, (key, copy["version"], rec.version)
                for name in fields:
                    assert copy.get(name) == rec.data.get(name), (key, name, copy.get(name), rec.data.get(name))
        TOTALS["records_compared"] += len(union)
        TOTALS["entities_seen"] = max(TOTALS["entities_seen"], len({k[0] for k in union}))


SyncModel.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
    # Derandomized in CI (the same sequences every run); COUNSELOR_SYNC_MODEL_HUNT=1 explores new ones locally.
    derandomize=not os.environ.get("COUNSELOR_SYNC_MODEL_HUNT"), database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
TestSyncModel = SyncModel.TestCase
assert p.SYNCED_ENTITIES  # the entities compared above are the protocol's
