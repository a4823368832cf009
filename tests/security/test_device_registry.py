"""Lost and retired devices, and remote sign-out, against the real reference server on loopback."""

from __future__ import annotations

import itertools
import logging
import tempfile
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from counselor_app.agency_server.cli import main as server_cli
from counselor_app.agency_server.devices import DeviceRegistry
from counselor_app.agency_server.models import AuditEvent, Device
from counselor_app.core import open_desk
from counselor_app.core.desk import Desk
from counselor_app.core.device_wipe import MARKER_FILE, DeviceErased
from counselor_app.core.settings import Settings
from counselor_app.sync.device_protocol import DeviceState, DeviceStatusChange
from counselor_app.sync.errors import AuthenticationRequired, ServerRefused
from counselor_app.sync.service import sign_in, sync_once
from tests.sync.sync_support import (
    CENTER,
    FAST_RETRY,
    MA_DAY,
    PASSWORD,
    Agency,
    DeskFactory,
    letters,
    register_many,
    signed_in,
)


def _server_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'agency.db'}"


def _device(agency: Agency, device_id: str) -> Device | None:
    with agency.store.read() as session:
        return session.get(Device, device_id)


def _leave_traces(desk: Desk) -> logging.Handler:
    """What a counselor's day leaves in the data folder: an export and a log file (held open)."""
    (desk.paths.exports_dir / "summary-2020-10-01.xlsx").write_bytes(b"PK fake workbook")
    handler = logging.FileHandler(desk.paths.logs_dir / "counselor-desk.log")
    logging.getLogger("counselor_app.test_trace").addHandler(handler)
    logging.getLogger("counselor_app.test_trace").warning("a line")
    (desk.paths.backups_dir / "counselor-desk-ma-before-migration.db").write_bytes(b"encrypted copy")
    return handler


def _assert_nothing_left(folder: Path, memory_keyring, device_id: str) -> None:
    left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert left == [MARKER_FILE] or left == sorted([MARKER_FILE, *[p for p in left if p.startswith("profiles/")]])
    assert not list(folder.glob("*.db*"))
    for sub in ("exports", "logs", "backups"):
        assert not (folder / sub).exists()
    mine = [name for (_service, name) in memory_keyring.secrets if str(folder) in name or device_id in name]
    assert mine == [], f"keyring entries left: {mine}"
    with pytest.raises(DeviceErased, match="reported this computer lost|retired this computer"):
        open_desk(data_dir=folder, agency="ma", today=MA_DAY)
    assert not list(folder.glob("*.db*")), "opening again must not re-create a database"


def test_sign_in_registers_the_device(agency: Agency, make_desk: DeskFactory) -> None:
    desk = signed_in(make_desk("reg"), agency.url, "dana")
    device = _device(agency, desk.settings.device_id)
    assert device is not None and device.status == "active" and device.registered_by == "dana"
    # A second sign-in (another counselor, same laptop) is the same device, not a new one.
    agency.add_user("lee")
    signed_in(desk, agency.url, "lee")
    device = _device(agency, desk.settings.device_id)
    assert device is not None and device.last_user == "lee"


def test_lost_device_erases_itself_at_next_contact_and_sends_nothing(
        agency: Agency, make_desk: DeskFactory, tmp_path: Path, memory_keyring,
        capsys: pytest.CaptureFixture[str]) -> None:
    desk = signed_in(make_desk("lost"), agency.url, "dana")
    folder, device_id = desk.paths.root, desk.settings.device_id
    register_many(desk, 3, prefix="lost")
    handler = _leave_traces(desk)
    rc = server_cli(["device", "lost", device_id, "--note", "left at the Lynn job fair", "--by", "it.admin",
                     "--database-url", _server_url(tmp_path)])
    assert rc == 0 and "erases its data" in capsys.readouterr().out

    with pytest.raises(DeviceErased) as info:
        sync_once(desk, retry=FAST_RETRY)
    assert info.value.reason == "lost" and info.value.note == "left at the Lynn job fair"
    assert agency.record_count("job_seeker") == 0, "a lost device must send nothing"
    assert handler.stream is None or handler.stream.closed
    _assert_nothing_left(folder, memory_keyring, device_id)
    device = _device(agency, device_id)
    assert device is not None and device.wiped_at is not None
    with agency.store.read() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    assert "device_status" in actions and "device_wiped" in actions


def test_lost_device_cannot_sign_in_again(agency: Agency, make_desk: DeskFactory, tmp_path: Path) -> None:
    desk = signed_in(make_desk("thief"), agency.url, "dana")
    server_cli(["device", "lost", desk.settings.device_id, "--database-url", _server_url(tmp_path)])
    # The session it had is revoked: pushing with it fails even before the desk asks its status.
    token_request = requests.post(f"{agency.url}/api/v1/changes", timeout=5, json={"device_id": "x", "changes": []},
                                  headers={"Authorization": f"Bearer {_token(desk)}"})
    assert token_request.status_code == 401
    with pytest.raises(ServerRefused) as info:
        sign_in(desk, server_url=agency.url, username="dana", password=PASSWORD, retry=FAST_RETRY)
    assert info.value.status == 403


def _token(desk: Desk) -> str:
    from counselor_app.sync.service import stored_token

    token = stored_token(desk)
    assert token
    return token


def test_retired_device_sends_its_queue_then_erases(agency: Agency, make_desk: DeskFactory, tmp_path: Path,
                                                    memory_keyring) -> None:
    desk = signed_in(make_desk("retired"), agency.url, "dana")
    folder, device_id = desk.paths.root, desk.settings.device_id
    ids = register_many(desk, 4, prefix="ret")
    _leave_traces(desk)
    server_cli(["device", "retired", device_id, "--database-url", _server_url(tmp_path)])
    with pytest.raises(DeviceErased) as info:
        sync_once(desk, retry=FAST_RETRY)
    assert info.value.reason == "retired" and info.value.unsent == 0
    for seeker_id in ids:
        assert agency.record("job_seeker", seeker_id) is not None, "a retired desk sends what it holds first"
    _assert_nothing_left(folder, memory_keyring, device_id)


def test_active_device_is_untouched_and_found_again(agency: Agency, make_desk: DeskFactory,
                                                     tmp_path: Path) -> None:
    desk = signed_in(make_desk("found"), agency.url, "dana")
    server_cli(["device", "lost", desk.settings.device_id, "--database-url", _server_url(tmp_path)])
    server_cli(["device", "active", desk.settings.device_id, "--database-url", _server_url(tmp_path)])
    signed_in(desk, agency.url, "dana")  # the revoked session is replaced by a new one
    register_many(desk, 2, prefix="found")
    assert sync_once(desk, retry=FAST_RETRY).complete
    assert desk.paths.database("ma").exists()


def test_remote_sign_out_ends_the_user_sessions_on_every_device(agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("boss", role="administrator")
    one = signed_in(make_desk("one"), agency.url, "dana")
    two = signed_in(make_desk("two"), agency.url, "dana")
    agency.add_user("lee")
    other = signed_in(make_desk("other"), agency.url, "lee")
    admin = requests.post(f"{agency.url}/api/v1/session", json={"username": "boss", "password": PASSWORD},
                          timeout=5).json()["token"]
    headers = {"Authorization": f"Bearer {admin}"}
    refused = requests.post(f"{agency.url}/api/v1/admin/users/dana/sign-out", timeout=5,
                            headers={"Authorization": f"Bearer {_token(other)}"})
    assert refused.status_code == 403, "a counselor cannot sign others out"
    answer = requests.post(f"{agency.url}/api/v1/admin/users/dana/sign-out", headers=headers, timeout=5)
    assert answer.status_code == 200 and answer.json()["sessions_ended"] == 2
    register_many(one, 1, prefix="after")
    for desk in (one, two):
        with pytest.raises(AuthenticationRequired):
            sync_once(desk, retry=FAST_RETRY)
        assert desk.paths.database("ma").exists(), "signing out is not erasing"
    assert sync_once(other, retry=FAST_RETRY).error is None


def test_admin_endpoint_marks_lost_and_device_secret_is_checked(agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("boss", role="administrator")
    desk = signed_in(make_desk("api"), agency.url, "dana")
    admin = requests.post(f"{agency.url}/api/v1/session", json={"username": "boss", "password": PASSWORD},
                          timeout=5).json()["token"]
    headers = {"Authorization": f"Bearer {admin}"}
    listed = requests.get(f"{agency.url}/api/v1/admin/devices", headers=headers, timeout=5).json()["devices"]
    assert [d["device_id"] for d in listed] == [desk.settings.device_id]
    wrong = requests.post(f"{agency.url}/api/v1/devices/status", timeout=5,
                          json={"device_id": desk.settings.device_id, "device_secret": "x" * 40})
    assert wrong.status_code == 403
    marked = requests.post(f"{agency.url}/api/v1/admin/devices/{desk.settings.device_id}/status", headers=headers,
                           json={"status": "lost", "note": "stolen"}, timeout=5)
    assert marked.status_code == 200 and marked.json()["status"] == "lost"
    unknown = requests.post(f"{agency.url}/api/v1/admin/devices/nope/status", headers=headers,
                            json={"status": "lost"}, timeout=5)
    assert unknown.status_code == 404
    with pytest.raises(DeviceErased):
        sync_once(desk, retry=FAST_RETRY)


class DeviceMachine(RuleBasedStateMachine):
    """An administrator changing a desk's status and the desk syncing, in any order: a desk erases itself exactly
    when it syncs while marked lost (at once, sending nothing) or retired (after sending), and never otherwise."""

    agency: Agency
    count = itertools.count()
    erasures = 0

    def __init__(self) -> None:
        super().__init__()
        folder = Path(tempfile.mkdtemp(prefix="device-"))
        Settings(agency="ma", center_name=CENTER, counselor_name="Counselor D", connect_timeout_s=2.0,
                 read_timeout_s=3.0).save(folder / "settings.json")
        self.folder = folder
        self.desk: Desk | None = signed_in(open_desk(data_dir=folder, agency="ma", today=MA_DAY),
                                           self.agency.url, "dana")
        self.device_id = self.desk.settings.device_id
        self.status = "active"
        self.registry = DeviceRegistry(self.agency.store)
        self.pending: list[str] = []

    @rule(n=st.integers(min_value=1, max_value=3))
    def register(self, n: int) -> None:
        if self.desk is None:
            return
        self.pending += register_many(self.desk, n, prefix=f"d{letters(next(self.count))}x")

    @rule(status=st.sampled_from(["lost", "retired", "active"]))
    def administrator_marks(self, status: str) -> None:
        self.registry.set_status(self.device_id, DeviceStatusChange(status=DeviceState(status)), by="it")
        self.status = status

    @rule()
    def sync(self) -> None:
        if self.desk is None:
            return
        if self.status == "active":
            try:
                sync_once(self.desk, retry=FAST_RETRY)
            except AuthenticationRequired:  # it was lost once: its session ended; a counselor signs in again
                signed_in(self.desk, self.agency.url, "dana")
                sync_once(self.desk, retry=FAST_RETRY)
            assert all(self.agency.record("job_seeker", i) is not None for i in self.pending)
            self.pending = []
            return
        with pytest.raises(DeviceErased):
            try:
                sync_once(self.desk, retry=FAST_RETRY)
            except AuthenticationRequired:
                # Retired after it had been lost (its sessions ended): a counselor signs in to send the rest.
                assert self.status == "retired"
                signed_in(self.desk, self.agency.url, "dana")
                sync_once(self.desk, retry=FAST_RETRY)
        sent = [i for i in self.pending if self.agency.record("job_seeker", i) is not None]
        if self.status == "lost":
            assert sent == [], "a lost desk sent records"
        else:
            assert sent == self.pending, "a retired desk erased before sending"
        self.desk = None
        DeviceMachine.erasures += 1

    @rule(status=st.sampled_from(["lost", "retired"]))
    def marked_while_out_then_back(self, status: str) -> None:
        """The common story: marked while the laptop is away, then it comes back online."""
        self.administrator_marks(status)
        self.sync()

    @invariant()
    def erased_exactly_when_told(self) -> None:
        erased = (self.folder / MARKER_FILE).exists()
        assert erased == (self.desk is None)
        if erased:
            assert not list(self.folder.glob("*.db*"))

    def teardown(self) -> None:
        if self.desk is not None:
            self.desk.close()


def test_device_state_machine(agency: Agency) -> None:
    DeviceMachine.agency = agency
    test_case = DeviceMachine.TestCase
    test_case.settings = settings(max_examples=10, stateful_step_count=12, deadline=None,
                                  suppress_health_check=list(HealthCheck))
    test_case().runTest()
    assert DeviceMachine.erasures > 0, "no run reached an erase"


def test_retired_desk_with_an_ended_session_signs_in_to_send_then_erases(agency: Agency, make_desk: DeskFactory,
                                                                         tmp_path: Path) -> None:
    desk = signed_in(make_desk("returned"), agency.url, "dana")
    ids = register_many(desk, 2, prefix="ret")
    server_cli(["sign-out", "dana", "--database-url", _server_url(tmp_path)])  # or the 12-hour session expired
    server_cli(["device", "retired", desk.settings.device_id, "--database-url", _server_url(tmp_path)])
    with pytest.raises(AuthenticationRequired):
        sync_once(desk, retry=FAST_RETRY)
    assert desk.paths.database("ma").exists(), "two records are not on the server yet: not erased"
    signed_in(desk, agency.url, "dana")
    with pytest.raises(DeviceErased):
        sync_once(desk, retry=FAST_RETRY)
    assert all(agency.record("job_seeker", i) is not None for i in ids)


def test_retired_desk_with_nothing_to_send_erases_without_a_session(agency: Agency, make_desk: DeskFactory,
                                                                   tmp_path: Path) -> None:
    desk = signed_in(make_desk("empty"), agency.url, "dana")
    server_cli(["sign-out", "dana", "--database-url", _server_url(tmp_path)])
    server_cli(["device", "retired", desk.settings.device_id, "--database-url", _server_url(tmp_path)])
    with pytest.raises(DeviceErased):
        sync_once(desk, retry=FAST_RETRY)
    assert not desk.paths.database("ma").exists()
