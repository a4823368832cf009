"""Fixtures for the reference server's tests: every test runs on SQLite, and again on PostgreSQL when
``COUNSELOR_TEST_POSTGRES_URL`` is set (CI starts one with ``.ci/start-postgres.sh``); each PostgreSQL test gets
a database of its own."""

from __future__ import annotations

from tests.agency_server.server_support import client, database_url, server  # noqa: F401
