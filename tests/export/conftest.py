"""A seeded supervisor's desk for the export tests: seeded once per module, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.seeded import SUPERVISOR_DAY as TODAY
from tests.support.seeded import make_desk, open_copy, seed_folder

__all__ = ["TODAY", "make_desk"]


@pytest.fixture(scope="module")
def seeded_export_dir(tmp_path_factory: pytest.TempPathFactory):
    return seed_folder(tmp_path_factory.mktemp("export-seeded") / "data", job_seekers=300, seed=5)


@pytest.fixture
def export_desk(seeded_export_dir, memory_keyring, tmp_path: Path):
    desk = open_copy(seeded_export_dir, memory_keyring, tmp_path / "data")
    yield desk
    desk.close()
