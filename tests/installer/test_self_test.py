"""``counselor-app self-test --temp``: what the installed app runs on a build machine without a keyring.

The in-memory keyring it uses is allowed for its own temporary folder only; these tests hold it to that.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest
from keyring.backends import fail

from counselor_app.cli import main
from counselor_app.core.keystore import ThrowawayKeyring


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "counselor_app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_temp_self_test_passes_without_any_keyring(child_env: dict[str, str]) -> None:
    env = dict(child_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = cli("self-test", "--temp", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("OK")
    assert "System keyring: none usable" in result.stdout


def test_real_data_folder_never_falls_back_to_memory(tmp_path: Path, child_env: dict[str, str]) -> None:
    env = dict(child_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    data = tmp_path / "real"
    result = cli("--data-dir", str(data), "self-test", env=env)
    assert result.returncode == 1
    assert "keyring" in result.stderr and "OK" not in result.stdout
    assert not list(data.glob("*.db"))


def test_the_throwaway_keyring_is_never_picked_automatically() -> None:
    # keyring considers every KeyringBackend subclass when it chooses the system keyring.
    assert not ThrowawayKeyring.viable
    assert ThrowawayKeyring not in set(keyring.backend.KeyringBackend.get_viable_backends())


def test_previous_keyring_is_back_after_the_self_test(memory_keyring, capsys) -> None:
    assert main(["self-test", "--temp"]) == 0
    assert keyring.get_keyring() is memory_keyring
    assert memory_keyring.secrets == {}  # the temporary folder's key never reached the real keyring
    assert capsys.readouterr().out.strip().endswith("OK")


def test_unloadable_keyring_leaves_the_fail_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # As on a machine whose PYTHON_KEYRING_BACKEND names a backend that is not installed.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "nonexistent_module.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    assert main(["self-test", "--temp"]) == 0
    assert isinstance(keyring.get_keyring(), fail.Keyring)
