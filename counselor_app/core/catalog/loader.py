"""Reading and checking catalogs: the shipped one at start-up, and later the server's.

Validation is hand-written rather than done by a JSON Schema library: the messages must name the item and
the field in words a support person can act on ("course 'x': field 'hours.value' must be a number greater
than 0"), every problem is reported at once rather than the first one only, and the checks that matter most
(ids that point nowhere, SOC codes, duplicate ids) are cross-item rules a schema cannot express anyway.
``catalog.schema.json`` beside the data documents the same shape for integrators.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from counselor_app.core.catalog.model import (
    DERIVED_SUM_SOURCE,
    ID_PATTERN,
    ISO_639_1,
    LEVELS,
    SOC_MAJOR_GROUPS,
    SOC_PATTERN,
    TRANSITION_BASES,
    WAGE_TIERS,
    Catalog,
    Certificate,
    Collection,
    Course,
    Figure,
    Occupation,
    Transition,
    Wage,
)
from counselor_app.core.errors import CounselorDeskError

SCHEMA_VERSION = 1
MAX_PROBLEMS_SHOWN = 25
#: No single course or certificate on the platform is anywhere near this long; a bigger number is a typo
#: (minutes instead of hours, say) that would make every plan look impossible.
MAX_HOURS = 2000.0

_TOP_LEVEL = {"$schema", "schema_version", "catalog_version", "description", "sources", "collections",
              "certificates", "courses", "occupations", "transitions"}
_COURSE_FIELDS = {"id", "title", "partner", "hours", "level", "language", "free_credential", "skills",
                  "hands_on_software"}
_COLLECTION_FIELDS = {"id", "title", "purpose", "purpose_source", "tags", "course_ids"}
_CERTIFICATE_FIELDS = {"id", "title", "partner", "course_ids", "courses_complete", "hours", "level", "languages",
                       "free_credential", "occupation_socs", "occupations_source", "tags", "credential_note"}
_OCCUPATION_FIELDS = {"soc", "title", "short_title", "wage_tier", "tier_source", "median_annual_wage"}
_TRANSITION_FIELDS = {"from_soc", "to_soc", "basis", "source"}


class CatalogError(CounselorDeskError):
    """A catalog was refused. ``problems`` lists every problem found, each naming the item and the field."""

    def __init__(self, problems: Sequence[str], *, origin: str = "catalog") -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        self.origin = origin
        count = len(self.problems)
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        lines = [f"The {origin} was refused ({count} problem{'s' if count != 1 else ''}):"]
        lines += [f"- {p}" for p in shown]
        if count > len(shown):
            lines.append(f"- ... and {count - len(shown)} more")
        super().__init__("\n".join(lines))


class _Check:
    """Collects problems while the whole catalog is read, so one pass reports everything."""

    def __init__(self, sources: Mapping[str, Any]) -> None:
        self.problems: list[str] = []
        self.sources = sources

    def add(self, where: str, field: str, message: str) -> None:
        self.problems.append(f"{where}: field '{field}' {message}")

    # -- field readers: each returns the value when it is usable, else None after recording a problem --
    def unknown_fields(self, obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(obj) - allowed):
            self.add(where, str(key), "is not a known field (a typo?)")

    def text(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = True,
             max_len: int = 1000) -> str | None:
        if key not in obj or obj[key] is None:
            if required:
                self.add(where, key, "is missing")
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.add(where, key, f"must be text (got {_describe(value)})")
            return None
        if not value.strip():
            self.add(where, key, "must not be empty")
            return None
        if len(value) > max_len:
            self.add(where, key, f"is longer than {max_len} characters")
            return None
        return value

    def flag(self, obj: Mapping[str, Any], key: str, where: str, *, default: bool | None = None) -> bool | None:
        if key not in obj:
            if default is None:
                self.add(where, key, "is missing")
            return default
        value = obj[key]
        if not isinstance(value, bool):
            self.add(where, key, f"must be true or false (got {_describe(value)})")
            return None
        return value

    def words(self, obj: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = True,
              check: Callable[[str], str | None] | None = None) -> tuple[str, ...] | None:
        if key not in obj:
            self.add(where, key, "is missing")
            return None
        value = obj[key]
        if not isinstance(value, list):
            self.add(where, key, f"must be a list (got {_describe(value)})")
            return None
        if not value and not allow_empty:
            self.add(where, key, "must not be empty")
            return None
        out: list[str] = []
        seen: set[str] = set()
        ok = True
        for i, entry in enumerate(value):
            if not isinstance(entry, str) or not entry.strip():
                self.add(where, f"{key}[{i}]", f"must be non-empty text (got {_describe(entry)})")
                ok = False
                continue
            if check is not None and (message := check(entry)) is not None:
                self.add(where, f"{key}[{i}]", message)
                ok = False
                continue
            if entry in seen:
                self.add(where, f"{key}[{i}]", f"repeats '{entry}'")
                ok = False
                continue
            seen.add(entry)
            out.append(entry)
        return tuple(out) if ok else None

    def choice(self, obj: Mapping[str, Any], key: str, where: str, options: Sequence[str], *,
               required: bool = True) -> str | None:
        value = self.text(obj, key, where, required=required)
        if value is not None and value not in options:
            self.add(where, key, f"must be one of {', '.join(options)} (got '{value}')")
            return None
        return value

    def source(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        value = self.text(obj, key, where, required=required)
        if value is not None and value not in self.sources:
            self.add(where, key, f"names source '{value}', which is not listed in 'sources'")
            return None
        return value

    def figure(self, obj: Mapping[str, Any], key: str, where: str) -> tuple[bool, Figure | None]:
        """A sourced number, or null for "we do not know". Returns (ok, figure)."""
        if key not in obj:
            self.add(where, key, "is missing (use null when the figure is not known)")
            return False, None
        value = obj[key]
        if value is None:
            return True, None
        if not isinstance(value, Mapping):
            self.add(where, key, f"must be an object {{\"value\": ..., \"source\": ...}} or null "
                                 f"(got {_describe(value)})")
            return False, None
        self.unknown_fields(value, {"value", "source"}, f"{where} {key}")
        number = value.get("value")
        ok = True
        if not _is_number(number):
            self.add(where, f"{key}.value", f"must be a number (got {_describe(number)})")
            ok = False
        elif not 0 < float(cast(float, number)) <= MAX_HOURS:
            self.add(where, f"{key}.value", f"must be a number greater than 0 and at most {MAX_HOURS:g} "
                                             f"(got {number})")
            ok = False
        src = self.source(value, "source", where)
        if src is None:
            ok = False
        if not ok:
            return False, None
        return True, Figure(float(cast(float, number)), str(src))


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text '{shown}'"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _soc_problem(code: str) -> str | None:
    if not SOC_PATTERN.match(code):
        return f"must be a SOC 2018 code like 41-2031 (NN-NNNN), got '{code}'"
    if code[:2] not in SOC_MAJOR_GROUPS:
        return f"'{code}' is not in a SOC 2018 major group (the first two digits)"
    return None


def _language_problem(code: str) -> str | None:
    if code not in ISO_639_1:
        return f"must be an ISO 639-1 language code such as en or es, got '{code}'"
    return None


def _item_id(check: _Check, obj: Mapping[str, Any], kind: str, i: int) -> tuple[str, str | None]:
    """Returns (where, id): ``where`` names the item in messages even when its id is unusable."""
    raw = obj.get("id")
    if isinstance(raw, str) and ID_PATTERN.match(raw):
        return f"{kind} '{raw}'", raw
    where = f"{kind} #{i + 1}" + (f" ('{raw}')" if isinstance(raw, str) else "")
    if raw is None:
        check.add(where, "id", "is missing")
    else:
        check.add(where, "id", "must be lowercase letters, digits, '.', '_' or '-', starting with a letter "
                               f"or digit (got {_describe(raw)})")
    return where, None


def _objects(check: _Check, raw: Mapping[str, Any], key: str, *, allow_empty: bool = True) -> list[Any]:
    if key not in raw:
        check.problems.append(f"catalog: field '{key}' is missing")
        return []
    value = raw[key]
    if not isinstance(value, list):
        check.problems.append(f"catalog: field '{key}' must be a list (got {_describe(value)})")
        return []
    if not value and not allow_empty:
        check.problems.append(f"catalog: field '{key}' must not be empty")
    return value


def _each_object(check: _Check, items: list[Any], kind: str) -> list[tuple[int, Mapping[str, Any]]]:
    out = []
    for i, obj in enumerate(items):
        if isinstance(obj, Mapping):
            out.append((i, obj))
        else:
            check.problems.append(f"{kind} #{i + 1}: must be an object (got {_describe(obj)})")
    return out


def parse_catalog(raw: Mapping[str, Any], *, origin: str = "catalog") -> Catalog:
    """Validate a decoded catalog (from the shipped file or the server) and build the immutable ``Catalog``.

    Raises ``CatalogError`` listing every problem; nothing is built from a catalog with any problem, so a
    half-valid catalog can never reach a counselor.
    """
    if not isinstance(raw, Mapping):
        raise CatalogError([f"catalog: must be a JSON object (got {_describe(raw)})"], origin=origin)
    sources_raw = raw.get("sources")
    sources: dict[str, str] = {}
    pre: list[str] = []
    if not isinstance(sources_raw, Mapping):
        pre.append("catalog: field 'sources' is missing or not an object of name -> description")
    else:
        for key, text in sources_raw.items():
            if not isinstance(text, str) or not text.strip():
                pre.append(f"source '{key}': must be a non-empty description (got {_describe(text)})")
            else:
                sources[str(key)] = text
    check = _Check(sources)
    check.problems.extend(pre)
    for key in sorted(set(raw) - _TOP_LEVEL):
        check.problems.append(f"catalog: field '{key}' is not a known field (a typo?)")
    version = raw.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        check.problems.append(f"catalog: field 'schema_version' must be {SCHEMA_VERSION} (got {_describe(version)})"
                              "; this app reads catalog schema version 1")
    catalog_version = check.text(raw, "catalog_version", "catalog", max_len=100)
    description = check.text(raw, "description", "catalog", required=False, max_len=5000) or ""

    all_ids: dict[str, str] = {}  # id -> where it was first seen

    def claim(item_id: str | None, where: str) -> None:
        if item_id is None:
            return
        if item_id in all_ids:
            check.add(where, "id", f"duplicates the id of {all_ids[item_id]}; ids must be unique across "
                                   "collections, certificates and courses")
        else:
            all_ids[item_id] = where

    # --- courses ---------------------------------------------------------------------------------------------
    course_rows: list[dict[str, Any]] = []
    for i, obj in _each_object(check, _objects(check, raw, "courses", allow_empty=False), "course"):
        where, cid = _item_id(check, obj, "course", i)
        claim(cid, where)
        check.unknown_fields(obj, _COURSE_FIELDS, where)
        row: dict[str, Any] = {
            "id": cid,
            "title": check.text(obj, "title", where, max_len=300),
            "partner": check.text(obj, "partner", where, max_len=200),
            "level": check.choice(obj, "level", where, LEVELS),
            "language": check.text(obj, "language", where, max_len=20),
            "free_credential": check.flag(obj, "free_credential", where),
            "skills": check.words(obj, "skills", where),
            "hands_on_software": check.flag(obj, "hands_on_software", where, default=False),
        }
        if row["language"] is not None and (msg := _language_problem(row["language"])) is not None:
            check.add(where, "language", msg)
            row["language"] = None
        hours_ok, row["hours"] = check.figure(obj, "hours", where)
        if all(v is not None for k, v in row.items() if k != "hours") and hours_ok:
            course_rows.append(row)
    course_ids = {row["id"] for row in course_rows}
    declared_courses = {obj.get("id") for obj in raw.get("courses", []) if isinstance(obj, Mapping)} \
        if isinstance(raw.get("courses"), list) else set()

    def course_ref(value: str) -> str | None:
        if value in course_ids:
            return None
        if value in declared_courses:
            return None  # the course exists but has its own problems, reported there
        return f"refers to course '{value}', which is not in the catalog"

    # --- occupations -----------------------------------------------------------------------------------------
    occupations: list[Occupation] = []
    socs_seen: set[str] = set()
    for i, obj in _each_object(check, _objects(check, raw, "occupations"), "occupation"):
        raw_soc = obj.get("soc")
        where = f"occupation '{raw_soc}'" if isinstance(raw_soc, str) else f"occupation #{i + 1}"
        check.unknown_fields(obj, _OCCUPATION_FIELDS, where)
        soc = check.text(obj, "soc", where, max_len=20)
        if soc is not None and (msg := _soc_problem(soc)) is not None:
            check.add(where, "soc", msg)
            soc = None
        if soc is not None:
            if soc in socs_seen:
                check.add(where, "soc", "is listed twice")
                soc = None
            else:
                socs_seen.add(soc)
        title = check.text(obj, "title", where, max_len=300)
        short = check.text(obj, "short_title", where, required=False, max_len=120)
        tier = check.choice(obj, "wage_tier", where, WAGE_TIERS, required=False)
        tier_source = check.source(obj, "tier_source", where, required=tier is not None)
        wage_ok, wage = _wage(check, obj, where)
        if soc is not None and title is not None and wage_ok:
            occupations.append(Occupation(soc=soc, title=title, short_title=short, wage_tier=tier,
                                          tier_source=tier_source, median_annual_wage=wage))
    declared_socs = socs_seen

    def soc_ref(value: str) -> str | None:
        if (msg := _soc_problem(value)) is not None:
            return msg
        if value not in declared_socs:
            return f"refers to occupation {value}, which is not in the catalog's occupations"
        return None

    # --- collections -----------------------------------------------------------------------------------------
    collections: list[Collection] = []
    for i, obj in _each_object(check, _objects(check, raw, "collections", allow_empty=False), "collection"):
        where, col_id = _item_id(check, obj, "collection", i)
        claim(col_id, where)
        check.unknown_fields(obj, _COLLECTION_FIELDS, where)
        title = check.text(obj, "title", where, max_len=200)
        purpose = check.text(obj, "purpose", where, max_len=2000)
        purpose_source = check.source(obj, "purpose_source", where)
        tags = check.words(obj, "tags", where)
        members = check.words(obj, "course_ids", where, allow_empty=False, check=course_ref)
        if None not in (col_id, title, purpose, purpose_source, tags, members):
            collections.append(Collection(id=col_id, title=title, purpose=purpose,  # type: ignore[arg-type]
                                          purpose_source=purpose_source, tags=tags,  # type: ignore[arg-type]
                                          course_ids=members))  # type: ignore[arg-type]

    # --- certificates ----------------------------------------------------------------------------------------
    cert_rows: list[dict[str, Any]] = []
    for i, obj in _each_object(check, _objects(check, raw, "certificates"), "certificate"):
        where, cert_id = _item_id(check, obj, "certificate", i)
        claim(cert_id, where)
        check.unknown_fields(obj, _CERTIFICATE_FIELDS, where)
        cert_row: dict[str, Any] = {
            "id": cert_id,
            "title": check.text(obj, "title", where, max_len=300),
            "partner": check.text(obj, "partner", where, max_len=200),
            "course_ids": check.words(obj, "course_ids", where, check=course_ref),
            "courses_complete": check.flag(obj, "courses_complete", where),
            "level": check.choice(obj, "level", where, LEVELS),
            "languages": check.words(obj, "languages", where, allow_empty=False, check=_language_problem),
            "free_credential": check.flag(obj, "free_credential", where),
            "occupation_socs": check.words(obj, "occupation_socs", where, check=soc_ref),
            "tags": check.words(obj, "tags", where),
        }
        occ_source = check.source(obj, "occupations_source", where, required=False)
        note = check.text(obj, "credential_note", where, required=False, max_len=1000)
        hours_ok, hours = check.figure(obj, "hours", where)
        if cert_row["courses_complete"] and cert_row["course_ids"] == ():
            check.add(where, "courses_complete", "is true but 'course_ids' is empty")
            hours_ok = False
        if all(v is not None for v in cert_row.values()) and hours_ok:
            cert_row.update(hours=hours, occupations_source=occ_source, credential_note=note)
            cert_rows.append(cert_row)

    # --- transitions -----------------------------------------------------------------------------------------
    transitions: list[Transition] = []
    pairs: set[tuple[str, str]] = set()
    for i, obj in _each_object(check, _objects(check, raw, "transitions"), "transition"):
        where = f"transition #{i + 1}"
        if isinstance(obj.get("from_soc"), str) and isinstance(obj.get("to_soc"), str):
            where += f" ({obj['from_soc']} -> {obj['to_soc']})"
        check.unknown_fields(obj, _TRANSITION_FIELDS, where)
        ends = []
        for key in ("from_soc", "to_soc"):
            value = check.text(obj, key, where, max_len=20)
            if value is not None and (msg := soc_ref(value)) is not None:
                check.add(where, key, msg)
                value = None
            ends.append(value)
        basis = check.choice(obj, "basis", where, TRANSITION_BASES)
        src = check.source(obj, "source", where)
        from_soc, to_soc = ends
        if from_soc is not None and from_soc == to_soc:
            check.add(where, "to_soc", "is the same occupation as 'from_soc'")
            continue
        if from_soc is not None and to_soc is not None:
            if (from_soc, to_soc) in pairs:
                check.add(where, "to_soc", "repeats a transition listed earlier")
                continue
            pairs.add((from_soc, to_soc))
            if basis is not None and src is not None:
                transitions.append(Transition(from_soc=from_soc, to_soc=to_soc, basis=basis, source=src))

    if check.problems:
        raise CatalogError(check.problems, origin=origin)

    # --- build: membership is stated once (on collections and certificates) and copied onto courses --------
    in_collections: dict[str, list[str]] = {}
    for col in collections:
        for cid in col.course_ids:
            in_collections.setdefault(cid, []).append(col.id)
    in_certificates: dict[str, list[str]] = {}
    for row in cert_rows:
        for cid in row["course_ids"]:
            in_certificates.setdefault(cid, []).append(row["id"])
    courses = tuple(
        Course(id=row["id"], title=row["title"], partner=row["partner"], hours=row["hours"], level=row["level"],
               language=row["language"], free_credential=row["free_credential"], skills=row["skills"],
               hands_on_software=row["hands_on_software"],
               collection_ids=tuple(in_collections.get(row["id"], ())),
               certificate_ids=tuple(in_certificates.get(row["id"], ())))
        for row in course_rows)
    hours_by_course = {c.id: c.hours_value for c in courses}
    certificates = []
    for row in cert_rows:
        hours = row["hours"]
        if hours is None and row["courses_complete"]:
            parts = [hours_by_course[cid] for cid in row["course_ids"]]
            if all(p is not None for p in parts):
                hours = Figure(round(sum(parts), 1), DERIVED_SUM_SOURCE)  # type: ignore[arg-type]
        certificates.append(Certificate(
            id=row["id"], title=row["title"], partner=row["partner"], course_ids=row["course_ids"],
            courses_complete=row["courses_complete"], hours=hours, level=row["level"], languages=row["languages"],
            free_credential=row["free_credential"], occupation_socs=row["occupation_socs"],
            occupations_source=row["occupations_source"], tags=row["tags"], credential_note=row["credential_note"]))
    return Catalog(
        schema_version=SCHEMA_VERSION, catalog_version=str(catalog_version), description=description,
        sources=sources, collections=tuple(collections), certificates=tuple(certificates), courses=courses,
        occupations=tuple(occupations), transitions=tuple(transitions))


def _wage(check: _Check, obj: Mapping[str, Any], where: str) -> tuple[bool, Wage | None]:
    """(ok, wage): the occupation's median annual wage, None when absent (no source, no number)."""
    value = obj.get("median_annual_wage")
    if value is None:
        return True, None
    key = "median_annual_wage"
    if not isinstance(value, Mapping):
        check.add(where, key, f"must be an object with value, year and source, or be left out "
                              f"(got {_describe(value)})")
        return False, None
    check.unknown_fields(value, {"value", "year", "source"}, f"{where} {key}")
    ok = True
    amount, year = value.get("value"), value.get("year")
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount < 10_000_000:
        check.add(where, f"{key}.value", f"must be a whole number of dollars greater than 0 (got {_describe(amount)})")
        ok = False
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2100:
        check.add(where, f"{key}.year", f"must be the survey year, e.g. 2021 (got {_describe(year)})")
        ok = False
    src = check.source(value, "source", where)
    if not ok or src is None:
        return False, None
    return True, Wage(value=cast(int, amount), year=cast(int, year), source=src)


# --- files ---------------------------------------------------------------------------------------------------

def default_catalog_path() -> Path:
    from counselor_app.core.paths import resources_dir

    return resources_dir() / "catalog" / "catalog.json"


def schema_path() -> Path:
    return default_catalog_path().with_name("catalog.schema.json")


def load_catalog(path: Path, *, origin: str | None = None) -> Catalog:
    """Read and validate a catalog file; a missing or broken file is a ``CatalogError`` like any other."""
    origin = origin or f"catalog file {path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError([f"cannot read {path}: {exc.strerror or exc}"], origin=origin) from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError([f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"],
                           origin=origin) from exc
    return parse_catalog(raw, origin=origin)


@lru_cache(maxsize=1)
def load_default_catalog() -> Catalog:
    """The catalog shipped with the app. Cached: it is immutable, and start-up, the CLI and every test would
    otherwise re-read and re-check the same file."""
    return load_catalog(default_catalog_path(), origin="shipped catalog")


class CatalogHolder:
    """The catalog in use, which the sync job can replace while the app runs.

    ``replace`` validates first and swaps second, under a lock: readers see either the old catalog or the new
    one, never a mix, and a malformed catalog from the server leaves the counselor working with the previous
    one (the refusal is kept in ``last_error`` for the status bar's "needs attention" list).
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._lock = threading.Lock()
        self.last_error: CatalogError | None = None

    @classmethod
    def with_default(cls) -> CatalogHolder:
        return cls(load_default_catalog())

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def replace(self, raw: Mapping[str, Any], *, origin: str = "server catalog") -> Catalog:
        """Validate ``raw`` and make it the catalog in use; on any problem raise ``CatalogError`` and keep
        the current one."""
        try:
            new = parse_catalog(raw, origin=origin)
        except CatalogError as exc:
            with self._lock:
                self.last_error = exc
            raise
        with self._lock:
            self._catalog = new
            self.last_error = None
        return new
