"""Every text a counselor reads goes through Qt's translator in a form ``pyside6-lupdate`` can find, and the
Spanish file has all of them.

A ``translate(_CTX, ...)`` with the context in a variable, or a ``_tr(text)`` wrapper, still runs, but lupdate
never sees the text, so the Spanish screen shows English. These tests catch that before a counselor does.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from counselor_app.ui.i18n import TRANSLATIONS_DIR

UI_DIR = TRANSLATIONS_DIR.parent


def _calls(tree: ast.AST) -> list[ast.Call]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("tr", "translate", "_tr"):
                out.append(node)
    return out


#: Files whose texts are declared with QT_TRANSLATE_NOOP (which lupdate reads) and looked up by a variable;
#: tests/ui/test_core_messages.py checks that each has its Spanish.
DECLARED_WITH_NOOP = {"core_messages.py"}


def test_translated_texts_are_literals_lupdate_can_read() -> None:
    problems = []
    for path in sorted(UI_DIR.glob("*.py")):
        if path.name in DECLARED_WITH_NOOP:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literal_args = 2 if name == "translate" else 1
            args = call.args[:literal_args]
            if name == "_tr" or len(args) < literal_args or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                problems.append(f"{path.name}:{call.lineno}")
        for node in ast.walk(tree):  # lupdate does not look inside f-strings
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", "")) in (
                            "tr", "translate"):
                        problems.append(f"{path.name}:{inner.lineno} (tr() inside an f-string)")
        for node in ast.walk(tree):  # ``tr = self.tr`` hides the class context from lupdate
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) and node.value.attr == "tr":
                problems.append(f"{path.name}:{node.lineno} (alias of tr)")
    assert not problems, problems


def _lupdate() -> str | None:
    found = shutil.which("pyside6-lupdate")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else None


def test_spanish_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "translations" / "counselor_desk_es.ts"
    ts.parent.mkdir()
    shutil.copy(TRANSLATIONS_DIR / "counselor_desk_es.ts", ts)
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    unfinished = [(ctx.findtext("name"), m.findtext("source"))
                  for ctx in ET.parse(ts).getroot().iter("context") for m in ctx.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert not unfinished, f"run pyside6-lupdate and translate: {unfinished[:8]}"
