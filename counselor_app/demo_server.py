"""The demo's local agency server, for ``counselor-app --demo``: start it, and sign a desk in to it.

This module joins the desk and the reference server, so it lives at the top of the package beside ``cli`` and
``ui``: both may import it, and neither imports ``agency_server`` itself (an architecture test holds ``ui`` to
that). The server is imported only when a demo starts, and may be missing altogether: the desktop installer
leaves it out, and the demo then works offline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

log = logging.getLogger(__name__)


def server_available() -> bool:
    """Whether this build carries the reference server (the desktop installer does not)."""
    import importlib.util

    return importlib.util.find_spec("counselor_app.agency_server.demo") is not None


def start_demo_server(data_dir: Path) -> tuple[str | None, Callable[[], Any] | None]:
    """Start the demo server on loopback with its data in ``data_dir``; ``(url, stop)``, or ``(None, None)``
    when this build has no server or it did not start (the demo then works offline)."""
    try:
        from counselor_app.agency_server.demo import start_demo_server as start
    except ImportError:
        return None, None
    try:
        url, stop = start(data_dir)
    except Exception as exc:  # noqa: BLE001 - the demo works offline too
        log.warning("The demo server did not start: %s", exc)
        return None, None
    return url, stop


def sign_in_to_demo_server(desk: Desk, url: str) -> Any:
    """Sign ``desk`` in to the demo server at ``url`` with the demo account (its password is public on
    purpose: it guards nothing but demo data on loopback). Returns the server's ``SessionInfo``; raises
    ``SyncError`` like any sign-in, and ``ImportError`` when this build has no server."""
    from counselor_app.agency_server.demo import DEMO_PASSWORD, DEMO_USERNAME
    from counselor_app.sync.service import sign_in

    return sign_in(desk, server_url=url, username=DEMO_USERNAME, password=DEMO_PASSWORD)
