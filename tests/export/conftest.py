"""A seeded supervisor's desk for the export tests: seeded once per module, copied per test."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2020, 10, 20)


def make_desk(root: Path, *, role: str = "supervisor"):
    from counselor_app.core import open_desk
    from counselor_app.core.settings import Settings

    root.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Sam Okafor",
             counselor_role=role).save(root / "settings.json")
    return open_desk(data_dir=root, agency="ma", today=TODAY)


@pytest.fixture(scope="module")
def seeded_export_dir(tmp_path_factory: pytest.TempPathFactory):
    import keyring

    from counselor_app.core.demo import seed_demo
    from counselor_app.core.demo_progress import seed_progress
    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        root = tmp_path_factory.mktemp("export-seeded") / "data"
        desk = make_desk(root)
        seed_demo(desk, job_seekers=300, seed=5, today=TODAY)
        seed_progress(desk, seed=5)
        desk.close()
    finally:
        keyring.set_keyring(previous)
    return root, dict(backend.secrets)


@pytest.fixture
def export_desk(seeded_export_dir, memory_keyring, tmp_path: Path):
    from counselor_app.core import open_desk

    src, secrets = seeded_export_dir
    root = tmp_path / "data"
    shutil.copytree(src, root)
    for (service, user), value in secrets.items():
        memory_keyring.set_password(service, user.replace(str(src), str(root)), value)
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    yield desk
    desk.close()
