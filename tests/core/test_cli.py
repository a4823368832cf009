from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "counselor_app", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_seed_demo_status_and_self_test(tmp_path: Path, child_env) -> None:
    data = str(tmp_path / "demo")
    seeded = cli("--data-dir", data, "seed-demo", "--job-seekers", "300", "--seed", "7", env=child_env)
    assert seeded.returncode == 0, seeded.stderr
    assert "Seeded 300 job seekers" in seeded.stdout
    status = cli("--data-dir", data, "status", "--json", env=child_env)
    assert status.returncode == 0, status.stderr
    figures = json.loads(status.stdout)
    assert figures["job_seekers"] == 300
    assert figures["issuances"]["issued"] + figures["issuances"]["pending_approval"] == figures["appointments"] > 200
    assert figures["outbox"]["queued"] == 12
    assert figures["last_successful_sync"] is None
    text_status = cli("--data-dir", data, "status", env=child_env)
    assert "Not yet sent:" in text_status.stdout
    ok = cli("--data-dir", data, "self-test", env=child_env)
    assert ok.returncode == 0 and ok.stdout.strip().endswith("OK"), ok.stderr


def test_seed_demo_is_deterministic(tmp_path: Path, child_env, parent_uses_child_keyring) -> None:
    from counselor_app.core import open_desk

    names = []
    for run in ("a", "b"):
        data = tmp_path / run
        assert cli("--data-dir", str(data), "seed-demo", "--job-seekers", "50", "--seed", "3",
                   env=child_env).returncode == 0
        with open_desk(data_dir=data) as desk:
            names.append([(r.id, r.full_name, r.email) for r in desk.job_seekers.search("", limit=1000)])
    assert sorted(names[0]) == sorted(names[1]) and len(names[0]) == 50


def test_no_keyring_gives_instructions_and_exit_1(tmp_path: Path, child_env) -> None:
    env = dict(child_env)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = cli("--data-dir", str(tmp_path / "x"), "status", env=env)
    assert result.returncode == 1
    assert "PYTHON_KEYRING_BACKEND" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "x").glob("*.db"))


def test_bad_arguments_are_explained(tmp_path: Path, child_env) -> None:
    result = cli("--data-dir", str(tmp_path), "seed-demo", "--job-seekers", "-5", env=child_env)
    assert result.returncode == 2 and "cannot be negative" in result.stderr
    result = cli("--data-dir", str(tmp_path), "--agency", "zz", "status", env=child_env)
    assert result.returncode == 1 and "no agency profile named 'zz'" in result.stderr
