"""UI fixtures: an ``AppContext`` whose operations run inline (deterministic), and the main window over it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("pytestqt")


@pytest.fixture(autouse=True)
def english_ui(qapp: Any) -> Iterator[None]:
    """Screens in English, with the plural forms ("1 record", "2 records") from the English translation file."""
    from counselor_app.ui.i18n import install_translators, remove_translators

    install_translators("en")
    yield
    remove_translators()


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


@pytest.fixture
def ui_ctx(desk: Any, make_ctx: Any) -> Any:
    return make_ctx(desk)


@pytest.fixture
def main_window(qtbot: Any, ui_ctx: Any) -> Any:
    from counselor_app.ui.main_window import MainWindow

    window = MainWindow(ui_ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
