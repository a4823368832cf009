"""The shipped catalog is complete and honest, and a malformed catalog is refused with a message that names
the item and the field, leaving the previous catalog in use."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from counselor_app.core.catalog import (
    Catalog,
    CatalogError,
    CatalogHolder,
    default_catalog_path,
    load_catalog,
    load_default_catalog,
    parse_catalog,
    schema_path,
)
from counselor_app.core.catalog import loader as loader_module
from counselor_app.core.catalog.model import DERIVED_SUM_SOURCE, ISO_639_1, SOC_PATTERN, tokenize

SEED_COLLECTIONS = {
    "job-readiness": "Language, communication, self management, and essential skills training",
    "bridge-to-postsecondary": "Common Core subjects for high school seniors and community college students",
    "displaced-worker-retraining": "entry-level role in a field of high demand",
    "entrepreneurship": "displaced small business owners, gig and independent workers",
    "digital-literacy": "emerging technologies, data, and digital transformation",
    "job-search-self-care": "resiliency for the out-of-work, and making the work search effective",
}
SEED_CERTIFICATES = (
    "google-it-support", "ibm-cybersecurity-analyst", "ibm-data-analyst", "ibm-data-science",
    "salesforce-sales-development-representative", "facebook-social-media-marketing", "google-project-management",
    "google-ux-design", "google-data-analytics", "sas-programmer", "ibm-applied-ai", "ibm-ai-engineering",
    "ibm-machine-learning", "google-it-automation-with-python", "google-data-engineering",
    "deeplearning-ai-tensorflow-developer", "isc2-sscp", "ibm-zos-mainframe", "google-cloud-architecture",
    "google-cloud-engineering", "ibm-customer-engagement-specialist", "uci-project-management-professional",
    "asu-tesol-professional",
)
CHART = {
    "lower": ("41-2031", "43-4051", "43-6014", "43-9011", "49-2022", "49-9071", "49-3023", "19-4099", "41-1011"),
    "gateway": ("15-1232", "15-1231"),
    "higher": ("15-1244", "15-1211", "15-1252", "15-1299", "15-1253", "15-1254", "15-1241", "15-1251"),
}


@pytest.fixture(scope="module")
def shipped_raw() -> dict[str, Any]:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


@pytest.fixture
def raw(shipped_raw: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(shipped_raw)


# --- the shipped catalog ----------------------------------------------------------------------------------------

def test_shipped_catalog_loads_and_is_cached() -> None:
    catalog = load_default_catalog()
    assert isinstance(catalog, Catalog)
    assert load_default_catalog() is catalog
    assert 60 <= len(catalog.courses) <= 120


def test_six_seed_collections_with_their_purposes() -> None:
    catalog = load_default_catalog()
    assert {c.id for c in catalog.collections} == set(SEED_COLLECTIONS)
    for col in catalog.collections:
        assert SEED_COLLECTIONS[col.id] in col.purpose
        assert col.purpose_source == "seed-collections"
        assert len(col.course_ids) >= 5


def test_gateway_certificates_from_the_seed_are_present() -> None:
    catalog = load_default_catalog()
    ids = {c.id for c in catalog.certificates}
    assert set(SEED_CERTIFICATES) <= ids
    for cert in catalog.certificates:
        assert cert.occupation_socs, cert.id
        assert cert.languages


def test_certificate_hours_are_summed_only_from_a_complete_course_list() -> None:
    catalog = load_default_catalog()
    it_support = catalog.certificate("google-it-support")
    assert it_support is not None and it_support.hours is not None
    assert it_support.hours.source == DERIVED_SUM_SOURCE
    assert it_support.hours.value == sum(c.hours_value for c in catalog.courses_of("google-it-support"))
    assert catalog.certificate("isc2-sscp").hours is None  # courses not listed: unknown, never guessed
    assert catalog.certificate("facebook-social-media-marketing").hours is None  # list incomplete


def test_every_figure_names_a_listed_source_and_unknown_figures_are_absent() -> None:
    catalog = load_default_catalog()
    for course in catalog.courses:
        if course.hours is not None:
            assert course.hours.source in catalog.sources, course.id
            assert course.hours.value > 0
    assert any(c.hours is None for c in catalog.courses)  # honest gaps exist rather than invented numbers
    wages = [o for o in catalog.occupations if o.median_annual_wage is not None]
    assert wages, "some wages are sourced"
    for occ in wages:
        assert occ.median_annual_wage.source in catalog.sources
        assert "Bureau of Labor Statistics" in catalog.sources[occ.median_annual_wage.source]
    for key in catalog.sources:
        assert catalog.source_text(key)


def test_occupations_use_soc_2018_codes_and_follow_the_chart() -> None:
    catalog = load_default_catalog()
    for occ in catalog.occupations:
        assert SOC_PATTERN.match(occ.soc)
    for tier, socs in CHART.items():
        for soc in socs:
            occ = catalog.occupation(soc)
            assert occ is not None and occ.wage_tier == tier, soc
    retail_moves = {t.to_soc for t in catalog.transitions_from("41-2031")}
    assert retail_moves == {"15-1232", "15-1231"}
    assert {t.to_soc for t in catalog.transitions_from("15-1232")} == set(CHART["higher"])
    assert catalog.occupation("15-1232").label == "computer user support"


def test_courses_in_spanish_and_membership_copied_onto_courses() -> None:
    catalog = load_default_catalog()
    spanish = {c.id for c in catalog.courses if c.language == "es"}
    assert {"aprendiendo-a-aprender", "fundamentos-de-soporte-tecnico"} <= spanish
    assert all(c.language in ISO_639_1 for c in catalog.courses)
    learn = catalog.course("learning-how-to-learn")
    assert {"job-readiness", "job-search-self-care"} <= set(learn.collection_ids)
    assert catalog.course("technical-support-fundamentals").certificate_ids == ("google-it-support",)
    assert catalog.courses_of("google-it-support")[0].id == "technical-support-fundamentals"


def test_lookups_and_search() -> None:
    catalog = load_default_catalog()
    assert catalog.item("entrepreneurship").kind == "collection"
    assert catalog.course("google-it-support") is None  # a certificate, not a course
    assert catalog.occupation(None) is None
    hits = [c.id for c in catalog.search_courses(["python"])]
    assert "crash-course-on-python" in hits
    assert catalog.search_courses([""]) == ()


def test_tokenize_normalizes_case_accents_plurals_and_synonyms() -> None:
    assert tokenize("Computers") == tokenize("computer")
    assert tokenize("Tecnología") == tokenize("technology")
    assert tokenize("coding") == tokenize("programming")
    assert tokenize("business") == frozenset({"business"})


def test_schema_document_describes_the_fields_the_loader_accepts() -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert set(defs["course"]["properties"]) == loader_module._COURSE_FIELDS
    assert set(defs["collection"]["properties"]) == loader_module._COLLECTION_FIELDS
    assert set(defs["certificate"]["properties"]) == loader_module._CERTIFICATE_FIELDS
    assert set(defs["occupation"]["properties"]) == loader_module._OCCUPATION_FIELDS
    assert set(defs["transition"]["properties"]) == loader_module._TRANSITION_FIELDS
    assert set(schema["properties"]) == loader_module._TOP_LEVEL


def test_shipped_catalog_validates_against_its_json_schema_when_jsonschema_is_installed(
        shipped_raw: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.validate(shipped_raw, schema)


# --- malformed catalogs ----------------------------------------------------------------------------------------

def _course(raw: dict[str, Any], course_id: str) -> dict[str, Any]:
    return next(c for c in raw["courses"] if c["id"] == course_id)


def _occupation(raw: dict[str, Any], soc: str) -> dict[str, Any]:
    return next(o for o in raw["occupations"] if o["soc"] == soc)


Mutation = Callable[[dict[str, Any]], None]

MALFORMED: list[tuple[str, Mutation, str]] = [
    ("missing title",
     lambda r: _course(r, "technical-support-fundamentals").pop("title"),
     "course 'technical-support-fundamentals': field 'title' is missing"),
    ("missing hours key",
     lambda r: _course(r, "ai-for-everyone").pop("hours"),
     "course 'ai-for-everyone': field 'hours' is missing"),
    ("missing id",
     lambda r: r["courses"][0].pop("id"),
     "course #1: field 'id' is missing"),
    ("soc without dash",
     lambda r: _occupation(r, "41-2031").update(soc="412031"),
     "must be a SOC 2018 code like 41-2031 (NN-NNNN), got '412031'"),
    ("soc outside the SOC 2018 major groups",
     lambda r: _occupation(r, "41-2031").update(soc="99-2031"),
     "'99-2031' is not in a SOC 2018 major group"),
    ("bad soc in a certificate",
     lambda r: r["certificates"][0]["occupation_socs"].append("15-12"),
     "field 'occupation_socs[2]' must be a SOC 2018 code"),
    ("duplicate course id",
     lambda r: r["courses"][1].update(id=r["courses"][0]["id"]),
     "duplicates the id of course 'technical-support-fundamentals'"),
    ("certificate reusing a collection id",
     lambda r: r["certificates"][0].update(id="entrepreneurship"),
     "certificate 'entrepreneurship': field 'id' duplicates the id of collection 'entrepreneurship'"),
    ("duplicate occupation",
     lambda r: r["occupations"].append(copy.deepcopy(_occupation(r, "15-1232"))),
     "occupation '15-1232': field 'soc' is listed twice"),
    ("negative hours",
     lambda r: _course(r, "ai-for-everyone")["hours"].update(value=-6),
     "course 'ai-for-everyone': field 'hours.value' must be a number greater than 0"),
    ("zero hours",
     lambda r: _course(r, "ai-for-everyone")["hours"].update(value=0),
     "field 'hours.value' must be a number greater than 0 and at most 2000 (got 0)"),
    ("hours as text",
     lambda r: _course(r, "ai-for-everyone")["hours"].update(value="6"),
     "course 'ai-for-everyone': field 'hours.value' must be a number (got text '6')"),
    ("hours without a source",
     lambda r: _course(r, "ai-for-everyone")["hours"].pop("source"),
     "course 'ai-for-everyone': field 'source' is missing"),
    ("hours citing an unlisted source",
     lambda r: _course(r, "ai-for-everyone")["hours"].update(source="my-guess"),
     "names source 'my-guess', which is not listed in 'sources'"),
    ("dangling course in a collection",
     lambda r: r["collections"][0]["course_ids"].append("no-such-course"),
     "collection 'job-readiness': field 'course_ids[11]' refers to course 'no-such-course', which is not in the "
     "catalog"),
    ("dangling course in a certificate",
     lambda r: r["certificates"][0]["course_ids"].append("ghost-course"),
     "certificate 'google-it-support': field 'course_ids[5]' refers to course 'ghost-course'"),
    ("certificate leading to an unknown occupation",
     lambda r: r["certificates"][0]["occupation_socs"].append("15-2099"),
     "refers to occupation 15-2099, which is not in the catalog's occupations"),
    ("transition to an unknown occupation",
     lambda r: r["transitions"].append({"from_soc": "41-2031", "to_soc": "29-1141", "basis": "named",
                                        "source": "seed-chart"}),
     "transition #57 (41-2031 -> 29-1141): field 'to_soc' refers to occupation 29-1141"),
    ("repeated transition",
     lambda r: r["transitions"].append(copy.deepcopy(r["transitions"][0])),
     "repeats a transition listed earlier"),
    ("unknown language code",
     lambda r: _course(r, "aprendiendo-a-aprender").update(language="sp"),
     "course 'aprendiendo-a-aprender': field 'language' must be an ISO 639-1 language code"),
    ("three-letter language code",
     lambda r: r["certificates"][1].update(languages=["spa"]),
     "certificate 'google-it-support-es': field 'languages[0]' must be an ISO 639-1 language code"),
    ("flag as text",
     lambda r: _course(r, "ai-for-everyone").update(free_credential="yes"),
     "course 'ai-for-everyone': field 'free_credential' must be true or false (got text 'yes')"),
    ("skills as text",
     lambda r: _course(r, "ai-for-everyone").update(skills="ai, tech"),
     "course 'ai-for-everyone': field 'skills' must be a list (got text 'ai, tech')"),
    ("unknown level",
     lambda r: _course(r, "ai-for-everyone").update(level="easy"),
     "field 'level' must be one of beginner, intermediate, advanced, mixed (got 'easy')"),
    ("misspelled field",
     lambda r: _course(r, "ai-for-everyone").update(hour=6),
     "course 'ai-for-everyone': field 'hour' is not a known field"),
    ("wage without a year",
     lambda r: _occupation(r, "15-1232")["median_annual_wage"].pop("year"),
     "occupation '15-1232': field 'median_annual_wage.year' must be the survey year"),
    ("empty collection",
     lambda r: r["collections"][0].update(course_ids=[]),
     "collection 'job-readiness': field 'course_ids' must not be empty"),
    ("complete course list that is empty",
     lambda r: r["certificates"][0].update(course_ids=[]),
     "certificate 'google-it-support': field 'courses_complete' is true but 'course_ids' is empty"),
    ("unsupported schema version",
     lambda r: r.update(schema_version=2),
     "field 'schema_version' must be 1"),
    ("courses not a list",
     lambda r: r.update(courses={"a": 1}),
     "catalog: field 'courses' must be a list (got an object)"),
    ("course entry not an object",
     lambda r: r["courses"].append("ai-for-everyone"),
     "course #121: must be an object (got text 'ai-for-everyone')"),
]


@pytest.mark.parametrize(("case", "mutate", "expected"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_catalog_is_refused_with_a_message_naming_item_and_field(
        raw: dict[str, Any], case: str, mutate: Mutation, expected: str) -> None:
    mutate(raw)
    with pytest.raises(CatalogError) as info:
        parse_catalog(raw, origin="server catalog")
    assert any(expected in problem for problem in info.value.problems), info.value.problems
    assert str(info.value).startswith("The server catalog was refused")


def test_every_problem_is_reported_at_once(raw: dict[str, Any]) -> None:
    _course(raw, "ai-for-everyone")["hours"]["value"] = -1
    _occupation(raw, "41-2031")["soc"] = "41-20311"
    raw["collections"][2]["course_ids"].append("missing-1")
    with pytest.raises(CatalogError) as info:
        parse_catalog(raw)
    problems = info.value.problems
    assert len(problems) >= 3
    assert f"({len(problems)} problems)" in str(info.value)
    assert any("ai-for-everyone" in p and "hours.value" in p for p in problems)
    assert any("'41-20311'" in p for p in problems)
    assert any("missing-1" in p for p in problems)


def test_not_an_object_is_refused() -> None:
    with pytest.raises(CatalogError, match="must be a JSON object"):
        parse_catalog([1, 2, 3])  # type: ignore[arg-type]


def test_a_long_list_of_problems_is_shortened_in_the_message(raw: dict[str, Any]) -> None:
    for course in raw["courses"]:
        course["level"] = "hard"
    with pytest.raises(CatalogError) as info:
        parse_catalog(raw)
    assert len(info.value.problems) == len(raw["courses"])
    assert "... and" in str(info.value)


def test_load_catalog_reports_unreadable_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,\n "courses": [', encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid JSON.*line 2"):
        load_catalog(broken)


# --- replacing the catalog at run time --------------------------------------------------------------------------

def test_holder_swaps_in_a_valid_replacement(raw: dict[str, Any]) -> None:
    holder = CatalogHolder.with_default()
    raw["catalog_version"] = "2021-01-server.7"
    _course(raw, "ai-for-everyone")["hours"]["value"] = 7
    new = holder.replace(raw)
    assert holder.catalog is new
    assert holder.catalog.catalog_version == "2021-01-server.7"
    assert holder.catalog.course("ai-for-everyone").hours_value == 7
    assert holder.last_error is None


@pytest.mark.parametrize(("case", "mutate", "expected"), MALFORMED[:8], ids=[m[0] for m in MALFORMED[:8]])
def test_holder_keeps_the_previous_catalog_when_the_replacement_is_malformed(
        raw: dict[str, Any], case: str, mutate: Mutation, expected: str) -> None:
    holder = CatalogHolder(load_default_catalog())
    before = holder.catalog
    mutate(raw)
    with pytest.raises(CatalogError):
        holder.replace(raw)
    assert holder.catalog is before
    assert holder.last_error is not None and any(expected in p for p in holder.last_error.problems)


def test_readers_never_see_a_half_replaced_catalog(raw: dict[str, Any]) -> None:
    holder = CatalogHolder.with_default()
    versions = {load_default_catalog().catalog_version, "v-next"}
    raw["catalog_version"] = "v-next"
    seen: set[str] = set()
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            catalog = holder.catalog
            seen.add(catalog.catalog_version)
            assert catalog.index.by_id  # a complete object, indexes included

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(5):
            holder.replace(raw)
            with pytest.raises(CatalogError):
                holder.replace({"schema_version": 1})
    finally:
        stop.set()
        thread.join()
    assert seen <= versions
    assert holder.catalog.catalog_version == "v-next"
