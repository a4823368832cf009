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



# -- package edges ---------------------------------------------------------------------------------------------
# What each package may import (docs/ARCHITECTURE.md draws the same picture). Read from every import statement,
# including the ones inside functions, so a lazy import cannot hide an edge.
FORBIDDEN_EDGES = {
    "core": ("counselor_app.ui", "counselor_app.sync", "counselor_app.export", "counselor_app.cli",
             "counselor_app.agency_server", "counselor_app.demo_server", "PySide6", "requests"),
    "sync": ("counselor_app.ui", "counselor_app.export", "counselor_app.cli", "counselor_app.agency_server",
             "PySide6"),
    "export": ("counselor_app.ui", "counselor_app.sync", "counselor_app.cli", "counselor_app.agency_server",
               "PySide6"),
    # The UI reaches the reference server only through counselor_app.demo_server (the --demo launcher).
    "ui": ("counselor_app.agency_server",),
    # The command line starts the app (``counselor-app`` with no command) but never the server's code.
    "cli": ("counselor_app.agency_server",),
    # The server runs on PostgreSQL without the desk's encryption driver: core's pure parts only.
    "agency_server": ("counselor_app.core.db", "counselor_app.core.desk", "counselor_app.core.keystore",
                      "counselor_app.core.settings", "counselor_app.core.paths", "sqlcipher3", "counselor_app.ui",
                      "counselor_app.cli", "counselor_app.export", "counselor_app.demo_server", "PySide6"),
}


def imported_modules(source: str) -> set[str]:
    """Every module an import statement in ``source`` names (absolute imports; the package uses no others)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _edge_violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in sorted(imported_modules(path.read_text("utf-8"))):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN_EDGES))
def test_packages_import_only_what_they_may(package: str) -> None:
    assert not _edge_violations(package, FORBIDDEN_EDGES[package])


def test_the_edge_scan_sees_lazy_and_from_imports() -> None:
    names = imported_modules("def f():\n    from counselor_app.agency_server.demo import X\nimport sqlcipher3\n")
    assert {"counselor_app.agency_server.demo", "sqlcipher3"} <= names


def test_the_server_loads_without_the_desks_store_or_sqlcipher() -> None:
    loaded = _loaded_after_import("counselor_app.agency_server.app",
                                  then="import counselor_app.agency_server.cli, counselor_app.agency_server.db")
    assert "sqlcipher3" not in loaded and "PySide6" not in loaded
    code = ("import sys, counselor_app.agency_server.app, counselor_app.agency_server.cli\n"
            "print('\\n'.join(sorted(sys.modules)))")
    modules = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout.split())
    assert not {"counselor_app.core.db", "counselor_app.core.desk", "counselor_app.core.keystore"} & modules


# -- one vocabulary ------------------------------------------------------------------------------------------
# A status, reason, entity, role or kind is written as a ``counselor_app.core.vocabulary`` enum member, never
# as a string literal. The scan below looks only where such a word *acts as* one of these values, so ordinary
# strings that happen to spell one ("completed" as a column heading, "issued" as a figure's name) pass:
#  - compared with something named like a vocabulary field (``x.status == "issued"``, ``role in ("a", "b")``);
#  - passed as, assigned to or defaulted into such a field (``status="queued"``, ``row.status = "parked"``,
#    ``{"status": "issued"}``, ``def f(status: str = "completed")``);
#  - a collection literal whose members all belong to one enum (``("issued", "pending_approval")``,
#    ``{"issued": ..., "revoked": ...}`` as a lookup table, ``Literal["create", "update"]``);
#  - the reason code given to ``IssuanceRefused``.

import ast  # noqa: E402
from pathlib import Path  # noqa: E402

PACKAGE = Path(__file__).resolve().parents[2] / "counselor_app"
VOCABULARY_FIELDS = ("status", "statuses", "role", "roles", "reason_code", "code", "entity", "entities", "op",
                     "outcome", "kind")


def _vocabulary_values() -> dict[str, set[str]]:
    from counselor_app.core.vocabulary import VOCABULARIES

    return {enum.__name__: {m.value for m in enum} for enum in VOCABULARIES}


def _field_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        return node.args[0].value  # data.get("status")
    return None


def _is_field(name: str | None) -> bool:
    return name is not None and any(name == f or name.endswith("_" + f) for f in VOCABULARY_FIELDS)


def vocabulary_literals(source: str, values: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(line, literal) for each vocabulary word written as a literal in ``source``."""
    return sorted({(c.lineno, c.value) for c in vocabulary_constants(ast.parse(source), values)})


def vocabulary_constants(tree: ast.AST, values: dict[str, set[str]]) -> list[ast.Constant]:
    """The string constants of ``tree`` that are vocabulary words acting as such (see above)."""
    every = set().union(*values.values())
    found: list[ast.Constant] = []

    def strings(node: ast.AST) -> list[ast.Constant]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if isinstance(node, ast.IfExp):  # status = "issued" if fits else "pending_approval"
            return strings(node.body) + strings(node.orelse)
        if isinstance(node, ast.BoolOp):  # status = row.status or "queued"
            return [c for value in node.values for c in strings(value)]
        return []

    def flag(node: ast.AST) -> None:
        found.extend(c for c in strings(node) if c.value in every)

    def one_enum(consts: list[ast.AST]) -> bool:
        words = [c.value for c in consts if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        return bool(words) and len(words) == len(consts) and any(set(words) <= v for v in values.values()) \
            and (len(words) >= 2 or len(set(words) & every) == 1)

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_field(_field_name(s)) for s in sides):
                for s in sides:
                    flag(s)
        elif isinstance(node, ast.keyword) and _is_field(node.arg):
            flag(node.value)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(_is_field(_field_name(t)) for t in targets):
                flag(node.value)
                if isinstance(node.value, ast.Call):  # status = mapped_column(String(20), default="queued")
                    for kw in node.value.keywords:
                        if kw.arg in ("default", "server_default"):
                            flag(kw.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and _is_field(key.value if isinstance(key.value, str) else None):
                    flag(value)
            if len(node.keys) >= 2 and one_enum(list(node.keys)):  # type: ignore[arg-type]
                flag(ast.Tuple(elts=list(node.keys)))  # type: ignore[arg-type]
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2 and one_enum(node.elts):
            flag(node)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal" \
                and isinstance(node.slice, ast.Tuple) and one_enum(node.slice.elts):
            flag(node.slice)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "IssuanceRefused" and node.args:
                flag(node.args[0])
            if name == "in_" and node.args:
                flag(node.args[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            positional = args.posonlyargs + args.args
            pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True))
            pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
            for arg, default in pairs:
                if _is_field(arg.arg):
                    flag(default)
    return found


def test_the_scan_finds_vocabulary_literals_and_passes_ordinary_strings() -> None:
    values = _vocabulary_values()
    flagged = vocabulary_literals('''
if lic.status == "issued": pass
ok = row["status"] in ("queued", "parked")
LIVE = ("issued", "pending_approval")
x = select(T).where(T.status.in_(("revoked",)))
row.status = "conflict"
make(role="administrator")
raise IssuanceRefused("not_started", "msg")
Op = Literal["create", "update", "delete"]
labels = {"issued": "Issued", "revoked": "Revoked"}
payload = {"status": "inactivated"}
def f(*, status: str = "completed"): pass
if data.get("entity") == "job_seeker": pass
status: Mapped[str] = mapped_column(String(20), default="queued")
state = "issued" if ok else "revoked"
status = x.status or "parked"
''', values)
    assert sorted(word for _, word in flagged) == sorted(["issued", "queued", "parked", "issued", "pending_approval", "revoked",
                                            "conflict", "administrator", "not_started", "create", "update", "delete",
                                            "issued", "revoked", "inactivated", "completed", "job_seeker", "queued", "parked"])
    assert vocabulary_literals('''
headers = ("Name", "Completed", "Issued On")
figures = {"issued": 3, "joined": 1, "label": "x"}
print("issued")
sheet.title = "completed"
title = "Job Search & Self-Care"
words = ("Course", "Certificate", "Collection")
columns = ("center", "course", "collection")
''', values) == []


def test_no_status_or_reason_literal_outside_the_vocabulary_module() -> None:
    values = _vocabulary_values()
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[-1] == "vocabulary.py" or "migrations" in rel.parts:
            continue
        offenders += [f"{rel}:{line}: {word!r}" for line, word in vocabulary_literals(path.read_text("utf-8"), values)]
    assert not offenders, ("write these as counselor_app.core.vocabulary enum members:\n  "
                           + "\n  ".join(offenders))


# -- texts at the edge: the core says what, the UI (and the CLI) choose the words --------------------------------

def _desk_error_names() -> set[str]:
    """Every ``CounselorDeskError`` subclass defined in core or sync, by name."""
    import importlib
    import inspect

    from counselor_app.core.errors import CounselorDeskError

    names: set[str] = set()
    for folder in ("core", "sync"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = importlib.import_module(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
            names |= {name for name, obj in vars(module).items()
                      if inspect.isclass(obj) and issubclass(obj, CounselorDeskError)}
    return names


def _is_sentence(node: ast.AST) -> bool:
    """A sentence written in place: a string literal with a space in it, an f-string, or a sum of those. A bare
    code (``"auth_failed"``) is not a sentence: the UI words codes."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and " " in node.value.strip()
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_sentence(node.left) or _is_sentence(node.right)
    return False


def test_errors_for_people_carry_a_message_code_not_an_english_sentence() -> None:
    """``SomeDeskError("An English sentence")`` (raised or returned) in core or sync would reach a Spanish counselor in
    English: every sentence an error carries (its message, a field's error, a refusal's next step) is a
    ``Message(code, template, ...)``, whose code tests/ui/test_core_messages.py finds in the UI's catalog with a
    Spanish translation."""
    errors = _desk_error_names() - {"Cancelled"}  # a cancel is never shown
    found = []
    for folder in ("core", "sync"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):  # raised, returned or kept: every error built here
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name not in errors:
                    continue
                carried = list(node.args) + [kw.value for kw in node.keywords]
                for arg in list(carried):
                    if isinstance(arg, ast.Dict):
                        carried += arg.values
                    if isinstance(arg, ast.DictComp):
                        carried.append(arg.value)
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                found += [where for arg in carried if arg is not None and _is_sentence(arg)]
    assert not found, f"wrap these sentences in core.messages.Message(code, template, **args): {found}"


def test_the_check_for_sentences_catches_what_it_is_for() -> None:
    assert _is_sentence(ast.parse('"This license is not waiting."', mode="eval").body)
    assert _is_sentence(ast.parse('f"{name} is empty."', mode="eval").body)
    assert _is_sentence(ast.parse('"Not in the catalog: " + ids', mode="eval").body)
    assert not _is_sentence(ast.parse('"auth_failed"', mode="eval").body)
    assert not _is_sentence(ast.parse('Message("a.b", "A sentence.")', mode="eval").body)
