"""Fixtures for tests that build app screens: an ``AppContext`` whose operations run inline (deterministic),
closed at the end of the test, which fails if an unexpected error dialog would have been shown.

Imported by the conftest or test modules that need them (tests/ui, tests/sync, tests/export).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def shared_catalog() -> Any:
    from counselor_app.core.catalog import load_default_catalog

    return load_default_catalog()


@pytest.fixture
def make_ctx(shared_catalog: Any) -> Iterator[Any]:
    """``make_ctx(desk, synchronous=True)``: every context made is closed at the end of the test."""
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.operations import TaskRunner

    made: list[Any] = []
    TaskRunner.suppress_dialogs = True
    TaskRunner.suppressed_errors.clear()

    def make(desk: Any, *, synchronous: bool = True) -> Any:
        ctx = AppContext(desk, runner=TaskRunner(synchronous=synchronous), catalog=shared_catalog)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
    errors = list(TaskRunner.suppressed_errors)
    TaskRunner.suppress_dialogs = False
    TaskRunner.suppressed_errors.clear()
    assert not [e for e in errors if not _expected(e)], f"unexpected error dialogs: {errors!r}"


def _expected(exc: BaseException) -> bool:
    return getattr(exc, "_expected_in_test", False)
