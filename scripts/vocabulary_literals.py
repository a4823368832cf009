"""List, and with ``--fix`` replace, status/reason literals that belong in ``counselor_app/core/vocabulary.py``.

    python scripts/vocabulary_literals.py [--fix] [FILE ...]     (default: every module of counselor_app)

It finds exactly what ``tests/core/test_architecture.py`` fails on (it uses that test's scan), so after a merge
brings in code written before the vocabulary existed, ``--fix`` turns ``status == "issued"`` into
``status == LicenseStatus.ISSUED`` and adds the import. A word several enums share ("conflict", "pending_approval",
"scheduled", ...) is resolved by the collection it sits in, then by the line ("result", "outcome", "kind",
"entity"); the script stops and names the line when it cannot tell. Review the diff and run ``ruff check --fix``
(import order) afterwards: the edits keep the code's layout and only replace the literal.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _scan_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_architecture", REPO / "tests" / "core" / "test_architecture.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _choose(value: str, path: str, line: str, group: set[str] | None, values: dict[str, set[str]]) -> str:
    candidates = [name for name, words in values.items() if value in words]
    if group:
        fitting = [name for name in candidates if group <= values[name]]
        if len(fitting) == 1:
            return fitting[0]
        candidates = fitting or candidates
    if len(candidates) == 1:
        return candidates[0]
    if "Entity" in candidates and "entity" in line:
        return "Entity"
    if "FeedKind" in candidates and "kind" in line:
        return "FeedKind"
    if value == "scheduled":
        return "AppointmentKind" if "kind" in line else "AppointmentStatus"
    if value == "conflict":
        return "ChangeResultStatus" if ("result" in line or "agency_server" in path) else "OutboxState"
    if value == "pending_approval":
        return "AppointmentOutcome" if "outcome" in line else "LicenseStatus"
    if value in ("not_eligible", "already_licensed"):
        return "AppointmentOutcome" if "outcome" in line else "RefusalReason"
    raise SystemExit(f"{path}: cannot tell which enum {value!r} belongs to in: {line.strip()}")


def _fix(path: Path, constants: list[ast.Constant], tree: ast.AST, values: dict[str, set[str]]) -> int:
    from counselor_app.core.vocabulary import VOCABULARIES

    members = {enum.__name__: {m.value: m.name for m in enum} for enum in VOCABULARIES}
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    lines = path.read_text("utf-8").split("\n")
    edits: dict[tuple[int, int], tuple[int, str]] = {}
    used: set[str] = set()
    for const in constants:
        if const.lineno != const.end_lineno or const.end_col_offset is None or not isinstance(const.value, str):
            continue
        holder = parent.get(const)
        group = None
        if isinstance(holder, (ast.Tuple, ast.List, ast.Set)):
            group = {e.value for e in holder.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        elif isinstance(holder, ast.Dict) and const in holder.keys:
            group = {k.value for k in holder.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        enum = _choose(const.value, str(path), lines[const.lineno - 1], group, values)
        used.add(enum)
        edits[(const.lineno, const.col_offset)] = (const.end_col_offset, f"{enum}.{members[enum][const.value]}")
    for (line, col), (end, text) in sorted(edits.items(), reverse=True):
        lines[line - 1] = lines[line - 1][:col] + text + lines[line - 1][end:]
    source = "\n".join(lines)
    found = re.search(r"^from counselor_app\.core\.vocabulary import ([^\n(]+)\n", source, re.M)
    if found:
        names = sorted(set(found.group(1).split(", ")) | used)
        source = (source[:found.start()] + f"from counselor_app.core.vocabulary import {', '.join(names)}\n"
                  + source[found.end():])
    else:
        body = getattr(tree, "body", [])
        last = [n for n in body if isinstance(n, (ast.Import, ast.ImportFrom))][-1]
        out = source.split("\n")
        out.insert(last.end_lineno or last.lineno, f"from counselor_app.core.vocabulary import {', '.join(sorted(used))}")
        source = "\n".join(out)
    path.write_text(source, "utf-8")
    return len(edits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fix", action="store_true", help="replace the literals with enum members")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    scan = _scan_module()
    values = scan._vocabulary_values()
    package = REPO / "counselor_app"
    files = args.files or [p for p in sorted(package.rglob("*.py"))
                           if p.name != "vocabulary.py" and "migrations" not in p.parts]
    total = 0
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        constants = scan.vocabulary_constants(tree, values)
        if not constants:
            continue
        if args.fix:
            total += _fix(path, constants, tree, values)
            print(f"{path}: {len(constants)} replaced")
        else:
            total += len(constants)
            for const in sorted(constants, key=lambda c: (c.lineno, c.col_offset)):
                print(f"{path}:{const.lineno}:{const.col_offset + 1}: {const.value!r}")
    return 1 if total and not args.fix else 0


if __name__ == "__main__":
    raise SystemExit(main())
