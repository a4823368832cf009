"""Where the Reports page proposes to save a file: never the working directory (a checkout, a shared drive)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from counselor_app.ui.report_file_actions import ReportFileActions


def _proposed(monkeypatch: pytest.MonkeyPatch, *, demo: bool, exports: Path) -> Path:
    asked: list[str] = []

    def fake_dialog(parent: Any, title: str, start: str, pattern: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    page = SimpleNamespace(ctx=SimpleNamespace(demo=demo, desk=SimpleNamespace(paths=SimpleNamespace(
        exports_dir=exports))))
    assert ReportFileActions._save_path(page, "Save", "summary.xlsx", "*.xlsx") is None  # type: ignore[arg-type]
    return Path(asked[0])


@pytest.mark.parametrize("documents_exist", [True, False])
def test_the_demo_proposes_the_documents_folder_or_home_never_the_working_directory(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, documents_exist: bool) -> None:
    documents = tmp_path / "Documents"
    if documents_exist:
        documents.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda where: str(documents)))
    monkeypatch.setattr(Path, "home", staticmethod(lambda: home))
    monkeypatch.chdir(tmp_path)
    proposed = _proposed(monkeypatch, demo=True, exports=tmp_path / "demo-data" / "exports")
    assert proposed.parent == (documents if documents_exist else home)
    assert proposed.name == "summary.xlsx"


def test_a_real_desk_proposes_its_exports_folder(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exports = tmp_path / "data" / "exports"
    exports.mkdir(parents=True)
    assert _proposed(monkeypatch, demo=False, exports=exports).parent == exports
