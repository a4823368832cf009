"""Shared fixtures. There is no desktop keyring in CI, so every test gets an in-memory one, and Qt runs
offscreen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend

# make_ctx / shared_catalog for every test that builds app screens (ui, sync, export); they import Qt only when used.
pytest_plugins = ["tests.support.ui_fixtures"]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# A date inside the Massachusetts program window, so issuance rules can be tested against the shipped profile.
MA_PROGRAM_DAY = date(2020, 10, 1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def configured_data_dir(data_dir: Path) -> Path:
    from counselor_app.core.settings import Settings

    data_dir.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="Boston Career Center", counselor_name="Dana Rivera",
             counselor_role="counselor").save(data_dir / "settings.json")
    return data_dir


@pytest.fixture
def desk(configured_data_dir: Path):
    from counselor_app.core import open_desk

    d = open_desk(data_dir=configured_data_dir, agency="ma", today=MA_PROGRAM_DAY)
    yield d
    d.close()


@pytest.fixture
def child_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a child process that shares a file-backed test keyring with this test."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.support.file_keyring.FileKeyring"
    env["COUNSELOR_TEST_KEYRING_FILE"] = str(tmp_path / "test-keyring.json")
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture
def parent_uses_child_keyring(child_env, monkeypatch):
    """Let this test process open a data folder that a child process created (same file-backed keyring)."""
    from tests.support.file_keyring import FileKeyring

    monkeypatch.setenv("COUNSELOR_TEST_KEYRING_FILE", child_env["COUNSELOR_TEST_KEYRING_FILE"])
    keyring.set_keyring(FileKeyring())
    yield


_FIGURES: list[str] = []


@pytest.fixture
def report_figure():
    """Tests that measure something (bundle size, smoke benchmark) hand it here; it is printed at the end of the
    run so CI's log shows it even though pytest captures test output."""
    return _FIGURES.append


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest's hook signature
    if _FIGURES:
        terminalreporter.section("figures measured by this run")
        for line in _FIGURES:
            terminalreporter.write_line(line)
