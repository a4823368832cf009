"""Fixtures for sync tests (defined in ``sync_support`` so test modules can import its helpers by name)."""

from __future__ import annotations

from tests.sync.sync_support import agency, make_desk, proxy_factory  # noqa: F401
