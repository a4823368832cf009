"""Security tests use the sync tests' real agency server on loopback and desks signed in to it."""

from __future__ import annotations

from tests.sync.sync_support import agency, make_desk  # noqa: F401
