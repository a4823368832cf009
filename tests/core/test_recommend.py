"""Recommendations for real kinds of job seekers: each persona states what a counselor would expect at the top
and the words they would read aloud. Plus the rules, input checking, the CLI, and properties over random
input."""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.cli import catalog_commands
from counselor_app.core.catalog import (
    BARRIERS,
    EDUCATION_LEVELS,
    RecommendationInputError,
    RecommendationRequest,
    RecommendationResult,
    load_default_catalog,
    parse_catalog,
    recommend,
)
from counselor_app.core.catalog.recommend import SELF_CARE, TEXT

MA_COMPLETE_BY = date(2020, 12, 31)
APPOINTMENT_DAY = date(2020, 9, 15)  # a MassHire appointment a week after the program opened
REPO = Path(__file__).resolve().parents[2]


def _request(**overrides: Any) -> RecommendationRequest:
    values: dict[str, Any] = {"education": "high_school", "digital_skill": 3, "language": "en", "weekly_hours": 10,
                              "deadline": MA_COMPLETE_BY}
    values.update(overrides)
    return RecommendationRequest(**values)


def _find(result: RecommendationResult, item_id: str):
    found = [r for r in result.recommendations if r.id == item_id]
    assert found, f"{item_id} not recommended; got {result.ids()}"
    return found[0]


def _no_certificate_in_top3_and_all_fit(result: RecommendationResult) -> None:
    top = result.recommendations[:3]
    assert all(r.kind != "certificate" for r in top), [r.id for r in top]
    assert all(r.fits_deadline and r.hours is not None and r.hours <= result.available_hours for r in top)


def _something_in_spanish_in_top3(result: RecommendationResult) -> None:
    assert any("Taught in Spanish" in reason or "Has courses in Spanish" in reason
               for r in result.recommendations[:3] for reason in r.reasons)


def _nothing_fits_after_the_deadline(result: RecommendationResult) -> None:
    assert result.available_hours == 0
    assert not any(r.fits_deadline for r in result.recommendations)
    assert result.shorter_path is None


def _shorter_path_fits(result: RecommendationResult) -> None:
    path = result.shorter_path
    assert path is not None and path.instead_of == "ibm-cybersecurity-analyst"
    assert path.item_ids[0] == "introduction-to-cybersecurity-tools-and-cyber-attacks"
    assert path.hours <= result.available_hours
    assert "Shorter path:" in path.explanation and "fits 4 hours/week before Dec 31" in path.explanation


@dataclass(frozen=True)
class Persona:
    name: str
    request: dict[str, Any]
    first: str | None = None
    top3: tuple[str, ...] = ()
    reasons: tuple[tuple[str, str], ...] = ()  # (recommended id, words in one of its reasons)
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    today: date = APPOINTMENT_DAY
    check: Callable[[RecommendationResult], None] | None = field(default=None, compare=False)


PERSONAS = [
    Persona(
        "laid-off retail cashier who likes computers",
        {"last_occupation_soc": "41-2011", "interests": ("computers",)},
        first="google-it-support", top3=("technical-support-fundamentals",),
        reasons=(("google-it-support", "People leaving low-wage jobs such as cashiering often move into computer "
                                       "user support; this certificate leads there"),
                 ("google-it-support", "About 134 hours: fits 10 hours/week before Dec 31"),
                 ("technical-support-fundamentals", "First course of the Google IT Support"))),
    Persona(
        "retail salesperson (a job named in the transition chart)",
        {"last_occupation_soc": "41-2031", "interests": ("computers",), "age": 41},
        first="google-it-support",
        reasons=(("google-it-support", "Retail salespersons often move into computer user support; this "
                                       "certificate leads there"),
                 ("google-it-support", "median pay $49,770 a year nationally (BLS, May 2021)"),
                 ("google-it-support", "Matches your interests: computers"))),
    Persona(
        "Spanish-speaking restaurant worker with no computer",
        {"last_occupation_soc": "35-3031", "interests": ("computadoras",), "digital_skill": 2, "language": "es",
         "weekly_hours": 8, "barriers": ("no_computer",)},
        first="fundamentos-de-soporte-tecnico", top3=("digital-literacy",),
        reasons=(("fundamentos-de-soporte-tecnico", "Taught in Spanish"),
                 ("digital-literacy", "Has courses in Spanish"),
                 ("google-it-support-es", "needs about 8.8 hours/week to finish by Dec 31 (you have 8)"),
                 ("google-it-support-es", "plan time on a computer at the career center or a library"),
                 ("aprendiendo-a-aprender", "Taught in Spanish")),
        notes=("the Coursera mobile app can stream or download lessons",)),
    Persona(
        "furloughed office administrator interested in project management",
        {"last_occupation_soc": "43-6014", "interests": ("project management",), "education": "associate",
         "weekly_hours": 12},
        first="google-project-management", top3=("google-it-support",),
        reasons=(("google-project-management", "Matches your interests: project management"),
                 ("google-it-support", "Secretaries and administrative assistants, except legal, medical, and "
                                       "executive often move into computer user support"))),
    Persona(
        "small-business owner whose shop closed",
        {"last_occupation_soc": "11-1021", "interests": ("marketing",), "education": "bachelor",
         "weekly_hours": 6, "barriers": ("small_business_owner",)},
        first="entrepreneurship", top3=("introduction-to-marketing",),
        reasons=(("entrepreneurship", "Made for displaced small business owners, gig and independent workers"),
                 ("introduction-to-marketing", "Matches your interests: marketing"),
                 ("introduction-to-marketing", "Length is not in the catalog"))),
    Persona(
        "19-year-old without a high-school diploma",
        {"last_occupation_soc": "35-3023", "education": "none", "digital_skill": 2, "age": 19},
        first="bridge-to-postsecondary",
        reasons=(("bridge-to-postsecondary", "No high-school diploma yet"),
                 ("google-it-support", "a few Bridge courses first will make it easier"))),
    Persona(
        "returning veteran, formerly in building maintenance",
        {"last_occupation_soc": "49-9071", "interests": ("networking",), "weekly_hours": 15, "age": 29,
         "barriers": ("veteran",)},
        first="google-it-support", top3=("technical-support-fundamentals",),
        reasons=(("google-it-support", "Maintenance and repair workers, general often move into computer user "
                                       "support"),
                 ("google-it-support", "Matches your interests: networking")),
        notes=("Veteran: ask about priority of service",)),
    Persona(
        "mid-career IT support worker aiming at information security",
        {"last_occupation_soc": "15-1232", "goal_soc": "15-1212", "interests": ("security",),
         "education": "associate", "digital_skill": 4, "weekly_hours": 15},
        first="ibm-cybersecurity-analyst", top3=("isc2-sscp",),
        reasons=(("ibm-cybersecurity-analyst", "Leads to information security, your goal"),
                 ("ibm-cybersecurity-analyst", "About 103 hours: fits 15 hours/week before Dec 31"),
                 ("isc2-sscp", "the SSCP certification exam from (ISC)² has a fee"),
                 ("isc2-sscp", "Length is not in the catalog"))),
    Persona(
        "customer service representative from a closed call center",
        {"last_occupation_soc": "43-4051", "interests": ("customer service",)},
        first="google-it-support", top3=("technical-support-fundamentals",),
        reasons=(("google-it-support", "Customer service representatives often move into computer user support"),
                 ("technical-support-fundamentals", "Matches your interests: customer service"))),
    Persona(
        "maintenance worker with 6 hours a week",
        {"last_occupation_soc": "49-9071", "interests": ("repair", "computers"), "digital_skill": 2,
         "weekly_hours": 6},
        first="technical-support-fundamentals",
        reasons=(("google-it-support", "About 134 hours: needs about 8.8 hours/week to finish by Dec 31 (you have 6)"),
                 ("technical-support-fundamentals", "Beginner level: no experience needed")),
        notes=("Nothing in the catalog is tagged with: repair",)),
    Persona(
        "caregiver with 3 hours a week",
        {"last_occupation_soc": "31-1122", "interests": ("health",), "digital_skill": 2, "weekly_hours": 3,
         "barriers": ("caregiver",)},
        first="covid-19-contact-tracing", top3=("technical-support-fundamentals",),
        reasons=(("covid-19-contact-tracing", "Short and self-paced: fits around caregiving"),
                 ("covid-19-contact-tracing", "About 6 hours: fits 3 hours/week before Dec 31")),
        notes=("Courses are self-paced",)),
    Persona(
        "someone with 2 weeks to the complete-by date",
        {"last_occupation_soc": "43-4051", "interests": ("data",), "education": "some_college"},
        today=date(2020, 12, 17), top3=("foundations-data-data-everywhere",),
        reasons=(("foundations-data-data-everywhere", "About 20 hours: fits 10 hours/week before Dec 31"),),
        check=_no_certificate_in_top3_and_all_fit),
    Persona(
        "retail salesperson who rates their digital skills 1 of 4",
        {"last_occupation_soc": "41-2031", "interests": ("computers",), "digital_skill": 1},
        first="digital-literacy",
        reasons=(("digital-literacy", "Digital-skill rating of 1: start here"),
                 ("google-it-support", "start with Digital Literacy, then come back to it"))),
    Persona(
        "self-employed driver who prefers Spanish",
        {"last_occupation_soc": "53-3032", "interests": ("negocios",), "language": "es", "weekly_hours": 8,
         "barriers": ("self_employed",)},
        first="entrepreneurship",
        reasons=(("entrepreneurship", "Has courses in Spanish"),
                 ("entrepreneurship", "Matches your interests: negocios")),
        check=_something_in_spanish_in_top3),
    Persona(
        "Spanish speaker with no internet, no diploma and little computer experience",
        {"last_occupation_soc": "37-2011", "education": "none", "digital_skill": 1, "language": "es",
         "weekly_hours": 5, "barriers": ("no_internet",)},
        first="digital-literacy", top3=("bridge-to-postsecondary", "fundamentos-de-soporte-tecnico"),
        reasons=(("digital-literacy", "Start with: Fundamentos de soporte técnico"),),
        notes=("download lessons in the Coursera mobile app over Wi-Fi at the career center or a library",)),
    Persona(
        "marketing graduate aiming at data science",
        {"last_occupation_soc": "13-1161", "goal_soc": "15-2051", "interests": ("data", "python"),
         "education": "bachelor", "digital_skill": 4, "weekly_hours": 20},
        first="ibm-data-analyst", top3=("ibm-data-science", "google-data-analytics"),
        reasons=(("ibm-data-science", "Leads to data science and analysis, your goal"),
                 ("ibm-data-science", "Matches your interests: data, python"))),
    Persona(
        "Portuguese-speaking construction laborer",
        {"last_occupation_soc": "47-2061", "interests": ("english",), "education": "some_college",
         "digital_skill": 2, "language": "pt"},
        top3=("job-readiness",),
        reasons=(("grammar-and-punctuation", "Taught in English, not Portuguese"),),
        notes=("No courses in Portuguese in the catalog", "Last job 47-2061 is not in the catalog")),
    Persona(
        "a 2020 profile replayed after the program ended",
        {"last_occupation_soc": "41-2031", "interests": ("computers",)},
        today=date(2021, 3, 1), first="google-it-support",
        reasons=(("google-it-support", "About 134 hours, and the complete-by date (Dec 31, 2020) has passed"),),
        warnings=("The program's complete-by date has passed (Dec 31, 2020)",),
        check=_nothing_fits_after_the_deadline),
    Persona(
        "IT support worker with only 4 hours a week",
        {"last_occupation_soc": "15-1232", "goal_soc": "15-1212", "interests": ("security",),
         "education": "associate", "digital_skill": 4, "weekly_hours": 4},
        top3=("ibm-cybersecurity-analyst", "introduction-to-cybersecurity-tools-and-cyber-attacks"),
        warnings=("IBM Cybersecurity Analyst Professional Certificate takes about 103 hours, but at 4 hours/week "
                  "there are only about 61 hours before Dec 31",),
        check=_shorter_path_fits),
]


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_persona(persona: Persona) -> None:
    result = recommend(load_default_catalog(), _request(**persona.request), today=persona.today)
    ids = result.ids()
    if persona.first is not None:
        assert ids[0] == persona.first, ids
    for item_id in persona.top3:
        assert item_id in ids[:3], ids
    for item_id, words in persona.reasons:
        reasons = _find(result, item_id).reasons
        assert any(words in reason for reason in reasons), (item_id, reasons)
    for words in persona.notes:
        assert any(words in note for note in result.notes), result.notes
    for words in persona.warnings:
        assert any(words in warning for warning in result.warnings), result.warnings
    if persona.check is not None:
        persona.check(result)
    assert SELF_CARE in ids
    assert all(r.reasons for r in result.recommendations)


def test_there_are_at_least_fifteen_personas() -> None:
    assert len(PERSONAS) >= 15


# --- rules ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("limit", [1, 2, 3, 8])
@pytest.mark.parametrize("persona", PERSONAS[:6], ids=[p.name for p in PERSONAS[:6]])
def test_job_search_and_self_care_is_always_offered(persona: Persona, limit: int) -> None:
    result = recommend(load_default_catalog(), _request(**persona.request), today=persona.today, limit=limit)
    assert SELF_CARE in result.ids()
    assert len(result.recommendations) <= max(limit, 2)


def test_rating_one_puts_digital_literacy_ahead_of_bridge_and_entrepreneurship() -> None:
    result = recommend(load_default_catalog(), _request(
        education="none", digital_skill=1, barriers=("small_business_owner",)), today=APPOINTMENT_DAY)
    ids = result.ids()
    assert ids[0] == "digital-literacy"
    assert {"bridge-to-postsecondary", "entrepreneurship"} <= set(ids[:3])


def test_english_speakers_never_get_items_only_in_another_language() -> None:
    catalog = load_default_catalog()
    result = recommend(catalog, _request(last_occupation_soc="41-2031", interests=("computers", "it")),
                       today=APPOINTMENT_DAY, limit=20)
    for rec in result.recommendations:
        item = catalog.item(rec.id)
        languages = getattr(item, "languages", None) or (getattr(item, "language", "en"),)
        assert "en" in languages, rec.id


def test_one_course_per_certificate_keeps_the_list_varied() -> None:
    catalog = load_default_catalog()
    result = recommend(catalog, _request(last_occupation_soc="41-2031", interests=("computers",)),
                       today=APPOINTMENT_DAY)
    course_certs = [catalog.course(r.id).certificate_ids for r in result.recommendations if r.kind == "course"]
    flat = [c for certs in course_certs for c in certs]
    assert len(flat) == len(set(flat))


def test_collections_suggest_starter_courses_that_fit() -> None:
    result = recommend(load_default_catalog(), _request(digital_skill=1, weekly_hours=2), today=APPOINTMENT_DAY)
    digital = _find(result, "digital-literacy")
    assert digital.course_ids and digital.fits_deadline
    assert digital.hours <= result.available_hours


def test_result_is_deterministic_and_independent_of_catalog_order() -> None:
    catalog = load_default_catalog()
    raw = json.loads(Path(catalog_path()).read_text(encoding="utf-8"))
    for key in ("courses", "certificates", "collections", "occupations", "transitions"):
        raw[key].reverse()
    shuffled = parse_catalog(raw)
    for persona in PERSONAS:
        request = _request(**persona.request)
        first = recommend(catalog, request, today=persona.today)
        assert recommend(catalog, request, today=persona.today) == first
        assert recommend(shuffled, request, today=persona.today).ids() == first.ids(), persona.name


def catalog_path() -> Path:
    from counselor_app.core.catalog import default_catalog_path

    return default_catalog_path()


def test_reason_templates_all_format_without_missing_values() -> None:
    # Translators replace TEXT; every template must stay a plain format string.
    for key, template in TEXT.items():
        assert isinstance(template, str) and template, key


def test_result_to_dict_is_json_ready() -> None:
    result = recommend(load_default_catalog(), _request(**PERSONAS[-1].request), today=APPOINTMENT_DAY)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["deadline"] == "2020-12-31" and data["recommendations"][0]["reasons"]
    assert data["shorter_path"]["item_ids"]


# --- input checking ---------------------------------------------------------------------------------------------

BAD_REQUESTS = [
    ({"last_occupation_soc": "412031"}, "last_occupation_soc", "NN-NNNN"),
    ({"goal_soc": "99-1234"}, "goal_soc", "major group"),
    ({"education": "ged"}, "education", "none, high_school"),
    ({"digital_skill": 0}, "digital_skill", "1 to 4"),
    ({"digital_skill": 5}, "digital_skill", "1 to 4"),
    ({"digital_skill": True}, "digital_skill", "1 to 4"),
    ({"digital_skill": 2.5}, "digital_skill", "whole number"),
    ({"language": "english"}, "language", "ISO 639-1"),
    ({"language": "EN"}, "language", "ISO 639-1"),
    ({"weekly_hours": 0}, "weekly_hours", "more than 0"),
    ({"weekly_hours": -3}, "weekly_hours", "more than 0"),
    ({"weekly_hours": 120}, "weekly_hours", "at most 80"),
    ({"weekly_hours": math.nan}, "weekly_hours", "number of hours"),
    ({"weekly_hours": "10"}, "weekly_hours", "number of hours"),
    ({"barriers": ("no_car",)}, "barriers", "unknown barrier 'no_car'"),
    ({"barriers": "no_computer"}, "barriers", "must be a list"),
    ({"interests": "computers"}, "interests", "list of words"),
    ({"interests": ("",)}, "interests", "word or short phrase"),
    ({"interests": tuple(f"w{i}" for i in range(30))}, "interests", "25 or fewer"),
    ({"age": 5}, "age", "14 to 120"),
    ({"deadline": "2020-12-31"}, "deadline", "must be a date"),
    ({"deadline": datetime(2020, 12, 31, 17, 0)}, "deadline", "must be a date"),
]


@pytest.mark.parametrize(("overrides", "field_name", "words"), BAD_REQUESTS,
                         ids=[f"{b[1]}={b[0][b[1]]!r}"[:40] for b in BAD_REQUESTS])
def test_bad_input_names_the_field_and_the_problem(overrides: dict[str, Any], field_name: str, words: str) -> None:
    with pytest.raises(RecommendationInputError) as info:
        recommend(load_default_catalog(), _request(**overrides), today=APPOINTMENT_DAY)
    assert words in info.value.field_errors[field_name]
    assert field_name in str(info.value)


def test_all_problems_are_listed_together() -> None:
    with pytest.raises(RecommendationInputError) as info:
        _request(education="x", digital_skill=9, language="zz", weekly_hours=0).validate()
    assert set(info.value.field_errors) == {"education", "digital_skill", "language", "weekly_hours"}


def test_from_dict_reads_json_and_refuses_unknown_keys() -> None:
    request = RecommendationRequest.from_dict(
        {"last_occupation_soc": " 41-2031 ", "goal_soc": "", "interests": "computers, data", "education": "none",
         "digital_skill": 2, "language": "ES", "weekly_hours": 7.5, "barriers": None, "age": None},
        default_deadline=MA_COMPLETE_BY)
    assert request.interests == ("computers", "data")
    assert request.language == "es" and request.goal_soc is None and request.last_occupation_soc == "41-2031"
    assert request.deadline == MA_COMPLETE_BY and request.barriers == ()
    with pytest.raises(RecommendationInputError) as info:
        RecommendationRequest.from_dict({"education": "none", "digital_skill": 2, "language": "en",
                                         "weekly_hours": 5, "deadline": "31/12/2020", "barrier": ["veteran"]})
    assert "is not a known field" in info.value.field_errors["barrier"]
    assert "YYYY-MM-DD" in info.value.field_errors["deadline"]
    with pytest.raises(RecommendationInputError) as info:
        RecommendationRequest.from_dict({"interests": []})
    assert {"education", "digital_skill", "language", "weekly_hours", "deadline"} <= set(info.value.field_errors)
    with pytest.raises(RecommendationInputError):
        RecommendationRequest.from_dict(["not", "an", "object"])  # type: ignore[arg-type]


# --- the CLI ----------------------------------------------------------------------------------------------------

def _profile(tmp_path: Path, data: Any, name: str = "job-seeker.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


RETAIL = {"last_occupation_soc": "41-2031", "interests": ["computers"], "education": "high_school",
          "digital_skill": 3, "language": "en", "weekly_hours": 10, "barriers": ["no_internet"], "age": 41}


def _args(tmp_path: Path, profile: str, **extra: Any) -> argparse.Namespace:
    values = {"profile": profile, "json": False, "limit": 8, "today": "2020-09-15", "agency": "ma",
              "data_dir": str(tmp_path / "data")}
    values.update(extra)
    return argparse.Namespace(**values)


def test_cli_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, RETAIL), json=True))
    out = capsys.readouterr()
    assert code == 0
    items = json.loads(out.out)
    assert isinstance(items, list) and len(items) == 8
    for item in items:
        assert set(item) == {"id", "kind", "title", "score", "hours", "fits_deadline", "reasons"}
        assert item["kind"] in {"collection", "certificate", "course"}
        assert isinstance(item["reasons"], list) and item["reasons"]
    assert items[0]["id"] == "google-it-support"
    # the deadline came from the MA profile's complete-by date
    assert any("before Dec 31" in r for r in items[0]["reasons"])


def test_cli_text_output_reads_like_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, RETAIL)))
    out = capsys.readouterr().out
    assert code == 0
    assert "Retail salespersons (41-2031)" in out
    assert "Google IT Support Professional Certificate" in out
    assert "- Retail salespersons often move into computer user support; this certificate leads there" in out
    assert "Notes:" in out and "Coursera mobile app" in out


def test_cli_past_complete_by_date_warns_instead_of_failing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, RETAIL), json=True, today=None))
    captured = capsys.readouterr()
    assert code == 0
    assert "the program's complete-by date has passed" in captured.err.lower()
    assert all(not item["fits_deadline"] for item in json.loads(captured.out))


@pytest.mark.parametrize(("profile", "words"), [
    ({**RETAIL, "educaton": "none"}, "educaton: is not a known field"),
    ({**RETAIL, "digital_skill": 9}, "digital_skill: must be a whole number from 1 to 4"),
    ({**RETAIL, "deadline": "next week"}, "deadline: must be a date as YYYY-MM-DD"),
    ({**RETAIL, "barriers": ["no_car"]}, "unknown barrier 'no_car'"),
    ({**RETAIL, "language": "Spanish"}, "language: must be an ISO 639-1 code"),
    ("{not json", "is not valid JSON"),
    ([1, 2], "must be a JSON object"),
])
def test_cli_bad_input_exits_2_with_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    profile: Any, words: str) -> None:
    code = catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, profile), json=True))
    captured = capsys.readouterr()
    assert code == 2
    assert words in captured.err
    assert captured.out == ""


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert catalog_commands.run_recommend(_args(tmp_path, str(tmp_path / "nope.json"))) == 2
    assert "cannot read" in capsys.readouterr().err
    assert catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, RETAIL), today="15/9/2020")) == 2
    assert "--today must be a date" in capsys.readouterr().err
    assert catalog_commands.run_recommend(_args(tmp_path, _profile(tmp_path, RETAIL), limit=0)) == 2
    unknown_agency = _args(tmp_path, _profile(tmp_path, RETAIL), agency="zz")
    assert catalog_commands.run_recommend(unknown_agency) == 2
    err = capsys.readouterr().err
    assert "the program's complete-by date is unknown" in err and "zz" in err
    explicit = _args(tmp_path, _profile(tmp_path, {**RETAIL, "deadline": "2020-12-31"}), agency="zz")
    assert catalog_commands.run_recommend(explicit) == 0  # an explicit deadline needs no agency profile


def test_register_adds_the_recommend_command(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agency")
    parser.add_argument("--data-dir")
    catalog_commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--agency", "ny", "recommend", "--profile", "x.json", "--json"])
    assert args.handler is catalog_commands.run_recommend
    assert args.json and args.profile == "x.json" and args.limit == 8


def test_cli_end_to_end_through_python_m(tmp_path: Path) -> None:
    profile = _profile(tmp_path, {**RETAIL, "language": "es", "interests": ["computadoras"]})
    proc = subprocess.run(
        [sys.executable, "-m", "counselor_app", "--agency", "ma", "--data-dir", str(tmp_path / "data"),
         "recommend", "--profile", profile, "--json", "--today", "2020-09-15"],
        cwd=REPO, capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert items[0]["id"] == "google-it-support-es"
    assert "Taught in Spanish" in items[0]["reasons"]
    bad = subprocess.run(
        [sys.executable, "-m", "counselor_app", "--agency", "ma", "recommend", "--profile",
         _profile(tmp_path, {**RETAIL, "weekly_hours": 0}, "bad.json")],
        cwd=REPO, capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert bad.returncode == 2 and "weekly_hours" in bad.stderr


# --- properties -------------------------------------------------------------------------------------------------

_CATALOG = load_default_catalog()
_SOCS = [o.soc for o in _CATALOG.occupations] + ["47-2061", "29-1141", "53-7051"]
_WORDS = ["computers", "data", "health", "marketing", "python", "english", "math", "negocios", "design", "it",
          "customer service", "project management", "security", "Tecnología"]
_interest = st.one_of(st.sampled_from(_WORDS), st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != ""))

requests = st.builds(
    RecommendationRequest,
    education=st.sampled_from(EDUCATION_LEVELS),
    digital_skill=st.integers(1, 4),
    language=st.sampled_from(["en", "es", "pt", "fr", "zh", "ht"]),
    weekly_hours=st.one_of(st.integers(1, 80), st.floats(min_value=0.25, max_value=80)),
    deadline=st.dates(date(2020, 1, 1), date(2022, 12, 31)),
    last_occupation_soc=st.one_of(st.none(), st.sampled_from(_SOCS)),
    goal_soc=st.one_of(st.none(), st.sampled_from(_SOCS)),
    interests=st.lists(_interest, max_size=5).map(tuple),
    barriers=st.lists(st.sampled_from(BARRIERS), unique=True).map(tuple),
    age=st.one_of(st.none(), st.integers(14, 120)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests, today=st.dates(date(2020, 1, 1), date(2022, 12, 31)), limit=st.integers(1, 15))
def test_recommend_never_crashes_and_is_deterministic(request: RecommendationRequest, today: date,
                                                      limit: int) -> None:
    result = recommend(_CATALOG, request, today=today, limit=limit)
    assert recommend(_CATALOG, replace(request), today=today, limit=limit) == result
    recs = result.recommendations
    ids = [r.id for r in recs]
    assert len(ids) == len(set(ids))
    assert SELF_CARE in ids
    assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)
    assert result.available_hours >= 0 and result.weeks_left >= 0
    for rec in recs:
        assert rec.kind in {"collection", "certificate", "course"}
        assert rec.reasons and all(isinstance(x, str) and x for x in rec.reasons)
        assert rec.hours is None or rec.hours >= 0
        if rec.fits_deadline:
            assert rec.hours is not None and rec.hours <= result.available_hours + 0.1
    if result.shorter_path is not None:
        assert 0 < result.shorter_path.hours <= result.available_hours + 0.1
    if request.deadline < today:
        assert any("complete-by date has passed" in w for w in result.warnings)


# --- Spanish -------------------------------------------------------------------------------------------------

def _placeholders(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("module", ["recommend", "plan"])
def test_spanish_table_has_the_english_keys_and_placeholders(module: str) -> None:
    import importlib

    mod = importlib.import_module(f"counselor_app.core.catalog.{module}")
    assert set(mod.TEXT_ES) == set(mod.TEXT)
    for key, template in mod.TEXT.items():
        assert _placeholders(mod.TEXT_ES[key]) == _placeholders(template), key
        assert mod.TEXT_ES[key].strip(), key


def test_dates_in_spanish_need_no_locale() -> None:
    from counselor_app.core.catalog.recommend import format_date

    assert format_date(date(2020, 12, 31), today=APPOINTMENT_DAY, language="es") == "31 de diciembre"
    assert format_date(date(2021, 1, 5), today=APPOINTMENT_DAY, language="es") == "5 de enero de 2021"
    assert format_date(date(2020, 12, 31), today=APPOINTMENT_DAY) == "Dec 31"
    assert format_date(date(2020, 12, 31), today=APPOINTMENT_DAY, language="fr") == "Dec 31"


def test_a_spanish_speaker_gets_spanish_reasons_with_the_same_ranking() -> None:
    catalog = load_default_catalog()
    request = _request(last_occupation_soc="35-3031", interests=("computadoras",), digital_skill=2, language="es",
                       weekly_hours=8, barriers=("no_computer",))
    english = recommend(catalog, request, today=APPOINTMENT_DAY)
    spanish = recommend(catalog, request, today=APPOINTMENT_DAY, language="es")
    assert spanish.ids() == english.ids()
    assert [r.score for r in spanish.recommendations] == [r.score for r in english.recommendations]
    assert [r.fits_deadline for r in spanish.recommendations] == [r.fits_deadline for r in english.recommendations]
    assert [len(r.reasons) for r in spanish.recommendations] == [len(r.reasons) for r in english.recommendations]
    reasons = {r.id: " | ".join(r.reasons) for r in spanish.recommendations}
    assert "Se imparte en español" in reasons["fundamentos-de-soporte-tecnico"]
    assert "Tiene cursos en español" in reasons["digital-literacy"]
    assert "8.8 horas por semana para terminar antes del 31 de diciembre (usted tiene 8)" \
        in reasons["google-it-support-es"]
    assert "Taught in" not in " ".join(reasons.values())
    assert any("Coursera" in n and "Sin computadora en casa" in n for n in spanish.notes)
    english_words = ("Taught", "hours/week", "Dec 31", "Matches your", "Part of the")
    everything = [*reasons.values(), *spanish.notes, *spanish.warnings]
    assert not [t for t in everything if any(w in t for w in english_words)]


def test_a_spanish_shorter_path_and_deadline_warning() -> None:
    catalog = load_default_catalog()
    request = _request(last_occupation_soc="41-2011", interests=("computers",), weekly_hours=2)
    english = recommend(catalog, request, today=APPOINTMENT_DAY)
    spanish = recommend(catalog, request, today=APPOINTMENT_DAY, language="es")
    assert english.shorter_path is not None and spanish.shorter_path is not None
    assert spanish.shorter_path.item_ids == english.shorter_path.item_ids
    assert spanish.shorter_path.explanation.startswith("Camino más corto: ")
    assert "antes del 31 de diciembre" in spanish.shorter_path.explanation
    assert len(spanish.warnings) == len(english.warnings)
    late = recommend(catalog, _request(deadline=date(2020, 9, 1)), today=APPOINTMENT_DAY, language="es")
    assert any("La fecha límite del programa ya pasó (1 de septiembre)" in w for w in late.warnings)


def test_a_language_without_a_table_falls_back_to_english() -> None:
    catalog = load_default_catalog()
    request = _request(language="es", interests=("computadoras",))
    assert recommend(catalog, request, today=APPOINTMENT_DAY, language="vi").to_dict() == \
        recommend(catalog, request, today=APPOINTMENT_DAY).to_dict()
