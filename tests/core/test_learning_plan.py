"""The learning plan agreed at the appointment: totals, pace, dated milestones, honest warnings, and a stored
form that reads back the same."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.core.catalog import (
    LearningPlan,
    PlanError,
    build_learning_plan,
    load_default_catalog,
    recommend,
)
from counselor_app.core.catalog.recommend import RecommendationRequest

START = date(2020, 9, 15)
ENROLL_BY = date(2020, 10, 31)
COMPLETE_BY = date(2020, 12, 31)  # MassHire 2020: access ends after this day
WINDOW_WEEKS = (COMPLETE_BY - START).days / 7


def _plan(ids: list[str], *, weekly_hours: float = 10, start: date = START, enroll_by: date = ENROLL_BY,
          complete_by: date = COMPLETE_BY) -> LearningPlan:
    return build_learning_plan(load_default_catalog(), ids, weekly_hours=weekly_hours, start=start,
                               enroll_by=enroll_by, complete_by=complete_by)


def test_a_certificate_and_a_short_course_that_fit() -> None:
    plan = _plan(["google-it-support", "ai-for-everyone"])
    assert [i.id for i in plan.items] == ["google-it-support", "ai-for-everyone"]
    assert [i.kind for i in plan.items] == ["certificate", "course"]
    assert plan.total_hours == 134 + 6
    assert plan.hours_per_week_needed == round(140 / WINDOW_WEEKS, 1)
    assert plan.fits and plan.warnings == ()
    assert plan.items[0].course_ids[0] == "technical-support-fundamentals"
    assert plan.catalog_version == load_default_catalog().catalog_version


def test_milestones_run_from_enroll_by_to_complete_by_in_order() -> None:
    plan = _plan(["ai-for-everyone", "technical-support-fundamentals", "the-science-of-well-being"])
    kinds = [m.kind for m in plan.milestones]
    assert kinds.count("enroll_by") == 1 and kinds[-1] == "complete_by"
    days = [m.day for m in plan.milestones]
    assert days == sorted(days)
    finishes = [m for m in plan.milestones if m.kind == "finish_item"]
    assert [m.item_id for m in finishes] == ["ai-for-everyone", "technical-support-fundamentals",
                                             "the-science-of-well-being"]
    assert all(START < m.day <= COMPLETE_BY for m in finishes)
    assert finishes[-1].day == COMPLETE_BY  # spread over the whole window, in proportion to hours
    # the first item is 6 of 47 hours, so it is due about an eighth of the way through
    assert (finishes[0].day - START).days == pytest.approx((COMPLETE_BY - START).days * 6 / 47, abs=1)
    enroll = next(m for m in plan.milestones if m.kind == "enroll_by")
    assert enroll.day == ENROLL_BY and enroll.label == "Enroll in the courses by Oct 31"
    assert plan.milestones[0].item_id == "ai-for-everyone"  # due before the enroll-by date: start right away
    assert "Finish AI For Everyone" in [m.label for m in finishes]


def test_too_much_for_the_time_left_is_flagged() -> None:
    plan = _plan(["google-data-analytics", "google-it-support"], weekly_hours=10)
    assert not plan.fits
    assert plan.total_hours == 182 + 134
    assert plan.hours_per_week_needed > 10
    assert any("This plan needs about 21 hours/week to finish by Dec 31; the job seeker has 10" in w
               for w in plan.warnings)


def test_a_course_inside_a_chosen_certificate_is_counted_once() -> None:
    plan = _plan(["technical-support-fundamentals", "google-it-support"])
    assert [i.id for i in plan.items] == ["google-it-support"]
    assert plan.total_hours == 134
    assert any("already part of Google IT Support" in w for w in plan.warnings)


def test_unknown_lengths_and_collections_are_named_and_never_promised() -> None:
    plan = _plan(["isc2-sscp", "entrepreneurship", "ai-for-everyone"])
    assert plan.total_hours == 6
    assert not plan.fits
    assert any("The length of (ISC)² Systems Security Certified Practitioner" in w for w in plan.warnings)
    assert any("Entrepreneurship is a collection: choose courses from it" in w for w in plan.warnings)
    sscp = next(m for m in plan.milestones if m.item_id == "isc2-sscp")
    assert sscp.day == COMPLETE_BY


def test_dates_that_leave_no_time() -> None:
    plan = _plan(["ai-for-everyone"], start=date(2021, 1, 5))
    assert not plan.fits
    assert plan.hours_per_week_needed is None
    assert any("is not after the plan's start" in w for w in plan.warnings)
    assert any("enroll-by date (Oct 31, 2020) is before the plan's start" in w for w in plan.warnings)


def test_an_empty_plan_is_valid_and_fits() -> None:
    plan = _plan([])
    assert plan.items == () and plan.total_hours == 0 and plan.fits
    assert [m.kind for m in plan.milestones] == ["enroll_by", "complete_by"]


def test_duplicates_are_collapsed_in_order() -> None:
    plan = _plan(["ai-for-everyone", "learning-how-to-learn", "ai-for-everyone"])
    assert [i.id for i in plan.items] == ["ai-for-everyone", "learning-how-to-learn"]


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"chosen_ids": ["no-such-course"]}, "Not in the catalog: 'no-such-course'"),
    ({"chosen_ids": "ai-for-everyone"}, "must be a list of ids"),
    ({"weekly_hours": 0}, "Weekly hours must be more than 0"),
    ({"weekly_hours": 200}, "at most 80"),
    ({"weekly_hours": True}, "Weekly hours"),
    ({"start": "2020-09-15"}, "start must be a date"),
])
def test_bad_input_is_refused(kwargs: dict, words: str) -> None:
    values = {"chosen_ids": ["ai-for-everyone"], "weekly_hours": 10, "start": START, "enroll_by": ENROLL_BY,
              "complete_by": COMPLETE_BY}
    values.update(kwargs)
    with pytest.raises(PlanError, match=words.replace("(", r"\(").replace(")", r"\)")):
        build_learning_plan(load_default_catalog(), values.pop("chosen_ids"), **values)


def test_round_trip_through_json() -> None:
    plan = _plan(["google-it-support", "isc2-sscp", "ai-for-everyone", "job-search-self-care"], weekly_hours=7.5)
    stored = json.dumps(plan.to_dict())
    again = LearningPlan.from_dict(json.loads(stored))
    assert again == plan
    assert json.loads(stored)["plan_version"] == 1


@pytest.mark.parametrize(("damage", "words"), [
    (lambda d: d.pop("items"), "missing the field 'items'"),
    (lambda d: d.update(plan_version=9), "version 9"),
    (lambda d: d.update(start="15/09/2020"), "'start' must be a date"),
    (lambda d: d.update(total_hours=-1), "'total_hours' must be a number of hours"),
    (lambda d: d["items"][0].update(kind="bundle"), "'items.kind' must be one of"),
    (lambda d: d.update(fits="yes"), "'fits' must be true or false"),
    (lambda d: d["milestones"][0].update(date=None), "'milestones.date' must be a date"),
])
def test_a_damaged_stored_plan_is_refused(damage, words: str) -> None:
    data = _plan(["google-it-support", "ai-for-everyone"]).to_dict()
    damage(data)
    with pytest.raises(PlanError, match=words):
        LearningPlan.from_dict(data)


def test_a_shorter_path_from_the_engine_becomes_a_plan_that_fits() -> None:
    catalog = load_default_catalog()
    request = RecommendationRequest(last_occupation_soc="15-1232", goal_soc="15-1212", interests=("security",),
                                    education="associate", digital_skill=4, language="en", weekly_hours=4,
                                    deadline=COMPLETE_BY)
    result = recommend(catalog, request, today=START)
    assert result.shorter_path is not None
    plan = build_learning_plan(catalog, list(result.shorter_path.item_ids), weekly_hours=4, start=START,
                               enroll_by=ENROLL_BY, complete_by=COMPLETE_BY)
    assert plan.fits
    assert plan.total_hours == result.shorter_path.hours


_IDS = [c.id for c in load_default_catalog().courses] + [c.id for c in load_default_catalog().certificates]


@settings(max_examples=100, deadline=None)
@given(ids=st.lists(st.sampled_from(_IDS), max_size=6), weekly=st.floats(min_value=0.5, max_value=80),
       start=st.dates(date(2020, 9, 1), date(2021, 1, 31)), days=st.integers(-30, 200))
def test_plans_are_consistent_for_any_choice(ids: list[str], weekly: float, start: date, days: int) -> None:
    from datetime import timedelta

    complete_by = start + timedelta(days=days)
    plan = build_learning_plan(load_default_catalog(), ids, weekly_hours=weekly, start=start,
                               enroll_by=start, complete_by=complete_by)
    assert plan.total_hours >= 0
    assert [m.day for m in plan.milestones] == sorted(m.day for m in plan.milestones)
    if days >= 0:
        assert plan.milestones[0].kind == "enroll_by" and plan.milestones[-1].kind == "complete_by"
    assert all(m.day <= max(complete_by, start) for m in plan.milestones)
    if plan.fits:
        assert plan.hours_per_week_needed is not None and plan.hours_per_week_needed <= weekly + 0.05
    assert LearningPlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


def test_a_plan_in_spanish_has_the_same_dates_and_spanish_labels() -> None:
    from counselor_app.core.catalog import milestone_label

    english = _plan(["google-it-support", "ai-for-everyone"], weekly_hours=2)
    spanish = build_learning_plan(load_default_catalog(), ["google-it-support", "ai-for-everyone"], weekly_hours=2,
                                  start=START, enroll_by=ENROLL_BY, complete_by=COMPLETE_BY, language="es")
    assert [(m.day, m.kind) for m in spanish.milestones] == [(m.day, m.kind) for m in english.milestones]
    labels = [m.label for m in spanish.milestones]
    assert labels[0] == "Inscribirse en los cursos antes del 31 de octubre"
    assert labels[-1] == "Fecha límite del programa: el acceso termina después del 31 de diciembre"
    assert any(label.startswith("Terminar ") for label in labels)
    assert len(spanish.warnings) == len(english.warnings) == 1
    assert "horas por semana para terminar antes del 31 de diciembre" in spanish.warnings[0]
    # a stored plan read out in another language, as the handout does
    for m_en, m_es in zip(english.milestones, spanish.milestones, strict=True):
        title = next((i.title for i in english.items if i.id == m_en.item_id), "")
        assert milestone_label(m_en.kind, language="es", title=title, day=m_en.day, start=START) == m_es.label
        assert milestone_label(m_en.kind, title=title, day=m_en.day, start=START) == m_en.label


def test_a_plan_of_a_collection_has_no_weekly_need_and_names_what_is_unmeasured() -> None:
    """A collection is a menu of courses, not a length: a plan of one is not "0 hours, 0 a week"."""
    plan = _plan(["entrepreneurship"])
    assert [i.id for i in plan.unmeasured] == ["entrepreneurship"]
    assert plan.total_hours == 0 and plan.hours_per_week_needed is None and not plan.fits
    mixed = _plan(["entrepreneurship", "ai-for-everyone"])
    assert [i.id for i in mixed.unmeasured] == ["entrepreneurship"]
    assert mixed.total_hours == 6 and mixed.hours_per_week_needed is not None and not mixed.fits
    assert _plan(["ai-for-everyone"]).unmeasured == ()
