"""A reference server for ``counselor-app --demo``, so sync works with no agency server at hand.

It runs in a background thread on 127.0.0.1 (a free port), keeps its SQLite file in the demo data folder, and
has two accounts whose passwords are published here on purpose: they guard nothing but demo data on loopback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.runner import ServerThread
from counselor_app.agency_server.service import AgencyService
from counselor_app.core.vocabulary import Role

DEMO_USERNAME = "demo.counselor"
DEMO_PASSWORD = "demo-password-2020"
DEMO_ADMIN_USERNAME = "demo.admin"
DEMO_ADMIN_PASSWORD = "demo-admin-password-2020"
DEMO_CENTER = "Demo Career Center"


def _desk_center(data_dir: Path) -> str:
    """The demo desk's own center, so the demo account sees what the desk sends."""
    try:
        raw = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
        return str(raw.get("center_name") or DEMO_CENTER)
    except (OSError, ValueError):
        return DEMO_CENTER


def _desk_program(data_dir: Path) -> tuple[str, int | None] | None:
    """The demo desk's program id and license pool, so the demo server's pool is the profile's."""
    try:
        from counselor_app.core.profiles import load_profile

        raw = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
        program = load_profile(str(raw.get("agency") or "ma"), data_dir=data_dir).program
        return program.id, program.license_pool
    except Exception:  # noqa: BLE001 - a demo server without a pool still syncs records
        return None


def start_demo_server(data_dir: str | Path, *, role: str = Role.SUPERVISOR) -> tuple[str, Callable[[], None]]:
    """Start the server and return its URL and a function that stops it.

    Sign the desk in with ``DEMO_USERNAME``/``DEMO_PASSWORD`` (for example
    ``counselor_app.sync.service.sign_in(desk, server_url=url, username=DEMO_USERNAME, password=DEMO_PASSWORD)``).
    """
    root = Path(data_dir)
    folder = root / "agency-server"
    folder.mkdir(parents=True, exist_ok=True)
    store = ServerStore(f"sqlite:///{folder / 'agency.db'}")
    service = AgencyService(store)
    center = _desk_center(root)
    service.add_user(username=DEMO_USERNAME, role=role, center=center, password=DEMO_PASSWORD,
                     display_name="Demo Counselor")
    service.add_user(username=DEMO_ADMIN_USERNAME, role=Role.ADMINISTRATOR, center=center,
                     password=DEMO_ADMIN_PASSWORD, display_name="Demo Administrator")
    program = _desk_program(root)
    if program is not None and program[1]:
        service.set_pool(program[0], program[1])  # what an administrator does before devices reserve blocks
    thread = ServerThread(create_app(store))
    url = thread.start()

    def stop() -> None:
        thread.stop()
        store.close()

    return url, stop
