"""Layering is a rule, not a hope: core, sync and export must stay usable without a display."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_after_import(module: str, *, then: str = "") -> set[str]:
    code = (f"import sys, {module}\n{then}\n"
            "print('\\n'.join(sorted(m.split('.')[0] for m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_loads_no_qt_and_no_requests() -> None:
    loaded = _loaded_after_import("counselor_app.core")
    assert "PySide6" not in loaded
    assert "shiboken6" not in loaded
    assert "requests" not in loaded


@pytest.mark.parametrize("module", ["counselor_app.sync", "counselor_app.export", "counselor_app.cli"])
def test_non_ui_layers_load_no_qt(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert "PySide6" not in loaded


def test_cli_parser_builds_without_qt() -> None:
    loaded = _loaded_after_import("counselor_app.cli", then="counselor_app.cli.build_parser()")
    assert "PySide6" not in loaded
