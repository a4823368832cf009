"""The reference server as an ASGI application factory, for running several worker processes.

``counselor-agency-server serve --workers N`` uses it through uvicorn's process manager; a gunicorn (or any
other ASGI process manager) deployment points at it directly:

    COUNSELOR_AGENCY_DATABASE_URL=postgresql+psycopg://agency@db.example.gov/agency \\
    gunicorn -k uvicorn_worker.UvicornWorker -w 4 -b 0.0.0.0:8750 --graceful-timeout 30 \\
        'counselor_app.agency_server.asgi:app_from_environment()'

Every worker is a separate process with its own engine and connection pool; they share nothing but the
database (sessions, sign-in throttles, license blocks, the changes feed all live there), so any number of them,
on any number of hosts behind a load balancer, serve the same state. Settings come from the environment:
``COUNSELOR_AGENCY_DATABASE_URL`` and ``COUNSELOR_AGENCY_SERVER_SETTINGS`` (JSON written by ``serve``; keys
``token_hours``, ``login_max_failures``, ``login_max_failures_per_address``, ``login_window_minutes``,
``max_in_flight``, ``max_queue``, ``max_wait_s``; each optional).
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from typing import Any

from fastapi import FastAPI

from counselor_app.agency_server import security
from counselor_app.agency_server.admission import AdmissionLimits
from counselor_app.agency_server.db import ServerStore, resolve_database_url

ENV_SETTINGS = "COUNSELOR_AGENCY_SERVER_SETTINGS"


def settings_from_environment() -> dict[str, Any]:
    raw = os.environ.get(ENV_SETTINGS, "").strip()
    if not raw:
        return {}
    value = json.loads(raw)
    if not isinstance(value, dict):
        raise ValueError(f"${ENV_SETTINGS} must be a JSON object")
    return value


def build_app(url: str, settings: dict[str, Any]) -> FastAPI:
    from counselor_app.agency_server.app import create_app

    store = ServerStore(url)  # a no-op when the schema is current; one migrator at a time on PostgreSQL
    limits = security.LoginLimits(
        max_failures_per_user=int(settings.get("login_max_failures", security.LOGIN_MAX_FAILURES_PER_USER)),
        max_failures_per_address=int(settings.get("login_max_failures_per_address",
                                                  security.LOGIN_MAX_FAILURES_PER_ADDRESS)),
        window=timedelta(minutes=float(settings.get("login_window_minutes",
                                                    security.LOGIN_WINDOW.total_seconds() / 60))))
    admission = AdmissionLimits.for_dialect(store.dialect)
    for name in ("max_in_flight", "max_queue"):
        if settings.get(name):
            setattr(admission, name, int(settings[name]))
    if settings.get("max_wait_s"):
        admission.max_wait_s = float(settings["max_wait_s"])
    return create_app(store, token_ttl=timedelta(hours=float(settings.get("token_hours", 12.0))),
                      login_limits=limits, admission=admission)


def app_from_environment() -> FastAPI:
    """The application of one worker process, configured from the environment (see the module's docstring)."""
    return build_app(resolve_database_url(None), settings_from_environment())
