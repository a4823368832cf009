"""A supervisor's data folder seeded once per test module and copied for each test that writes.

Seeding hundreds of people costs a second; copying the folder costs milliseconds. The copy's database key is
re-registered under the copy's path in the test's in-memory keyring.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import keyring

SUPERVISOR_DAY = date(2020, 10, 20)


def make_desk(root: Path, *, role: str = "supervisor", today: date = SUPERVISOR_DAY):
    from counselor_app.core import open_desk
    from counselor_app.core.settings import Settings

    root.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Sam Okafor",
             counselor_role=role).save(root / "settings.json")
    return open_desk(data_dir=root, agency="ma", today=today)


def seed_folder(root: Path, *, job_seekers: int, seed: int, today: date = SUPERVISOR_DAY,
                then: Callable[[Any], None] | None = None) -> tuple[Path, dict[tuple[str, str], str]]:
    """Seed people, licenses and progress into ``root``; returns the folder and the keyring entries it needs."""
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.demo_progress import seed_progress
    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        desk = make_desk(root, today=today)
        seed_demo(desk, job_seekers=job_seekers, seed=seed, today=today)
        seed_progress(desk, seed=seed)
        if then is not None:
            then(desk)
        desk.close()
    finally:
        keyring.set_keyring(previous)
    return root, dict(backend.secrets)


def open_copy(seeded: tuple[Path, dict[tuple[str, str], str]], memory_keyring: Any, target: Path, *,
              today: date = SUPERVISOR_DAY):
    from counselor_app.core import open_desk

    src, secrets = seeded
    shutil.copytree(src, target)
    for (service, user), value in secrets.items():
        memory_keyring.set_password(service, user.replace(str(src), str(target)), value)
    return open_desk(data_dir=target, agency="ma", today=today)
