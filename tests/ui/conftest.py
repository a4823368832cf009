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
