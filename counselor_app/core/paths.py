"""The one place that decides where data lives.

Order: the ``--data-dir`` flag, then ``COUNSELOR_APP_DATA_DIR``, then the platform's per-user app-data folder.
Everything else asks this module, so a test or a demo can point the whole app elsewhere with one argument.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from platformdirs import user_data_dir

ENV_DATA_DIR = "COUNSELOR_APP_DATA_DIR"
_PROFILE_ID = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir("CounselorDesk", "CounselorDesk", roaming=True))


def resources_dir() -> Path:
    return Path(str(resources.files("counselor_app") / "resources"))


@dataclass(frozen=True, slots=True)
class DataPaths:
    """Files inside one data folder. One database per agency profile, so a counselor who serves two states
    never mixes their job seekers."""

    root: Path

    def ensure(self) -> DataPaths:
        self.root.mkdir(parents=True, exist_ok=True)
        for sub in (self.logs_dir, self.backups_dir, self.profiles_override_dir, self.exports_dir):
            sub.mkdir(parents=True, exist_ok=True)
        return self

    def database(self, profile_id: str) -> Path:
        if not _PROFILE_ID.match(profile_id):
            raise ValueError(f"Not a valid agency profile id: {profile_id!r}")
        return self.root / f"counselor-desk-{profile_id}.db"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def profiles_override_dir(self) -> Path:
        """Deployment overrides: a JSON file here named like a shipped profile replaces the keys it names."""
        return self.root / "profiles"
