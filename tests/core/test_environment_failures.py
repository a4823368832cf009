"""Issue 12, cases 10 and 11 and their kind: every failure of the computer is a sentence, and nothing is left
half-written. A full disk is real where the test may mount a tiny tmpfs (root, as in CI's container), and
simulated at the OS call otherwise."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import func, select

from counselor_app.core import open_desk
from counselor_app.core.errors import CounselorDeskError, KeyringUnavailableError, StoreError
from counselor_app.core.models import JobSeeker
from counselor_app.core.settings import Settings
from tests.conftest import MA_PROGRAM_DAY

# -- case 10: a keyring backend's own exception ---------------------------------------------------------------------

class BackendSpecificError(Exception):
    """What SecretStorage, KWallet or a Windows credential backend raise: not a keyring.errors type."""


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise BackendSpecificError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise BackendSpecificError("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise BackendSpecificError("locked")


def test_case10_any_keyring_backend_exception_is_a_sentence(configured_data_dir: Path) -> None:
    keyring.set_keyring(BrokenKeyring())  # the autouse fixture puts the memory keyring back afterwards
    with pytest.raises(KeyringUnavailableError, match="system keyring could not be read") as err:
        open_desk(data_dir=configured_data_dir, agency="ma", today=MA_PROGRAM_DAY)
    assert "BackendSpecificError" in str(err.value) and "unlock" in str(err.value)
    from counselor_app.core import keystore

    with pytest.raises(KeyringUnavailableError, match="could not be written"):
        keystore.set_secret("x", "y")
    with pytest.raises(KeyringUnavailableError, match="could not be changed"):
        keystore.delete_secret("x")


# -- case 11: a full disk ----------------------------------------------------------------------------------------------

@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB tmpfs, or skip where mounting is not allowed (the simulated tests below still run)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, *, leave: int = 0) -> Path:
    """Fill the disk, leaving about ``leave`` bytes free."""
    filler = folder / f"filler-{uuid.uuid4().hex}"
    free = shutil.disk_usage(folder).free - leave
    with open(filler, "wb") as fh:
        try:
            while free > 0:
                free -= fh.write(b"\0" * min(free, 1 << 20))
        except OSError:
            pass
    return filler


def desk_on(root: Path, role: str = "supervisor"):
    root.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="Boston Career Center", counselor_name="Dana Rivera",
             counselor_role=role).save(root / "settings.json")
    return open_desk(data_dir=root, agency="ma", today=MA_PROGRAM_DAY)


def test_case11_register_on_a_full_disk_is_a_sentence_and_nothing_half_written(tiny_disk: Path) -> None:
    desk = desk_on(tiny_disk / "data", role="counselor")
    try:
        filler = fill(tiny_disk)
        saved = 0
        with pytest.raises(StoreError, match="the disk is full") as err:
            for i in range(5000):  # the WAL may hold a few pages already: write until the disk says no
                desk.job_seekers.register({"first_name": "Ana", "last_name": "Full" + "".join(
                                               chr(ord("a") + int(d)) for d in str(i)),
                                           "email": f"ana{i}@example.org"}, confirmed_not_duplicate=True)
                saved += 1
        assert err.value.code == "disk_full"
        filler.unlink()
        assert desk.job_seekers.count() == saved  # the refused one is not there, half or whole
        desk.job_seekers.register({"first_name": "Ana", "last_name": "After"}, confirmed_not_duplicate=True)
        assert desk.job_seekers.count() == saved + 1
    finally:
        desk.close()


def test_case11_export_summary_on_a_full_disk(tiny_disk: Path, tmp_path: Path, child_env) -> None:
    data = tmp_path / "data"
    seeded = subprocess.run([sys.executable, "-m", "counselor_app", "--data-dir", str(data), "seed-demo",
                             "--job-seekers", "300", "--seed", "3"], capture_output=True, text=True, env=child_env,
                            timeout=300)
    assert seeded.returncode == 0, seeded.stderr
    out = tiny_disk / "exports"
    out.mkdir()
    filler = fill(tiny_disk, leave=8192)
    done = subprocess.run([sys.executable, "-m", "counselor_app", "--data-dir", str(data), "export-summary",
                           "--out", str(out / "summary.xlsx")], capture_output=True, text=True, env=child_env,
                          timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "is full" in done.stderr and "Nothing was saved" in done.stderr
    assert list(out.iterdir()) == []  # no half-written workbook, no temporary file left
    filler.unlink()


def test_full_disk_simulated_at_the_os_call(desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no tmpfs can be mounted: the final move of every writer fails as a full disk would."""
    from counselor_app.core.reports import write_csv_atomic
    from counselor_app.export import summary_workbook

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    sup = desk_on(tmp_path / "sup")
    try:
        monkeypatch.setattr(summary_workbook.os, "replace", no_space)
        out = tmp_path / "out"
        with pytest.raises(CounselorDeskError, match="the disk in .* is full") as err:
            summary_workbook.export_summary_workbook(sup, out / "summary.xlsx")
        assert err.value.code == "disk_full" and list(out.iterdir()) == []
        with pytest.raises(CounselorDeskError, match="is full"):
            write_csv_atomic(out / "list.csv", ["a"], [["b"]])
        assert list(out.iterdir()) == []
    finally:
        sup.close()


def test_unreadable_report_is_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from counselor_app.core import usage_report

    path = tmp_path / "usage.csv"
    path.write_text("Email,Course Name\n", encoding="utf-8")

    def denied(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(usage_report.os, "open", denied)
    with pytest.raises(usage_report.UsageReportError, match="could not be read: this account may not open it"):
        usage_report.read_usage_report(path)


def test_store_errors_that_are_not_the_computer_keep_their_type(desk) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), desk.store.write() as session:
        session.add(JobSeeker(id="x", first_name="A", last_name="B", version=1))
        session.flush()
        session.add(JobSeeker(id="x", first_name="A", last_name="B", version=1))
        session.flush()
    with desk.store.read() as session:
        assert session.scalar(select(func.count()).select_from(JobSeeker)) == 0
