from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselor_app.core.eligibility import evaluate
from counselor_app.core.errors import ValidationError
from counselor_app.core.profiles import ProfileError, load_profile, parse_profile

MA = load_profile("ma")
NY = load_profile("ny")


def ma(**answers):
    base = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}
    base.update(answers)
    return {k: v for k, v in base.items() if v is not None}


@pytest.mark.parametrize("answers, eligible, fragment", [
    (ma(), True, "laid off, furloughed, or cannot find work"),
    (ma(covid_reason="furloughed", employment_status="furloughed"), True, "COVID-19"),
    (ma(covid_reason="cannot_find_work"), True, "COVID-19"),
    # Chronically unemployed people are eligible (MassHire Q&A 1), even when not COVID-related.
    (ma(covid_reason="not_related", chronically_unemployed=True), True, "Chronically unemployed"),
    (ma(covid_reason="not_related"), False, "Not unemployed as a result of COVID-19"),
    (ma(employment_status="employed"), False, "Not unemployed"),
    (ma(attests=False), False, "not confirmed the self-attestation"),
])
def test_massachusetts_rules(answers, eligible, fragment) -> None:
    result = evaluate(MA, answers)
    assert result.eligible is eligible
    assert any(fragment in r for r in result.reasons), result.reasons
    if not eligible:
        assert result.next_step


def test_massachusetts_return_to_work_date_and_no_ui_claim_do_not_matter() -> None:
    result = evaluate(MA, ma(has_return_to_work_date=True, ui_claimant=False, employment_status="furloughed",
                             covid_reason="furloughed"))
    assert result.eligible
    assert "A return-to-work date does not affect eligibility." not in result.reasons
    assert any("return-to-work" in n for n in result.notes)
    assert any("not required" in n for n in result.notes)


def ny(**answers):
    base = {"employment_status": "unemployed", "dislocated_worker_category": "none", "covid_linked": True,
            "adult": True, "attests": True}
    base.update(answers)
    return base


@pytest.mark.parametrize("answers, eligible, pathway", [
    (ny(), True, "covid_unemployed_adult"),
    (ny(covid_linked=False, dislocated_worker_category="plant_closure"), True, "wioa_dislocated_worker"),
    (ny(covid_linked=False, dislocated_worker_category="laid_off_unlikely_to_return"), True,
     "wioa_dislocated_worker"),
    (ny(covid_linked=False, dislocated_worker_category="displaced_homemaker", employment_status="employed"), True,
     "wioa_dislocated_worker"),
    (ny(covid_linked=False, dislocated_worker_category="self_employed_economic"), True, "wioa_dislocated_worker"),
    (ny(covid_linked=False, dislocated_worker_category="military_spouse"), True, "wioa_dislocated_worker"),
    (ny(covid_linked=False), False, None),
    (ny(adult=False), False, None),
    (ny(employment_status="employed"), False, None),
])
def test_new_york_rules(answers, eligible, pathway) -> None:
    result = evaluate(NY, answers)
    assert result.eligible is eligible
    if pathway:
        assert pathway in result.pathways
    else:
        assert any("Not a WIOA Dislocated Worker" in r for r in result.reasons)


def test_missing_and_unknown_answers_are_refused_with_the_question() -> None:
    with pytest.raises(ValidationError) as err:
        evaluate(MA, {"employment_status": "unemployed", "shoe_size": 9})
    assert "covid_reason" in err.value.field_errors
    assert "shoe_size" in err.value.field_errors
    assert "How is your unemployment related to COVID-19?" in err.value.field_errors["covid_reason"]
    with pytest.raises(ValidationError, match="Choose one of the listed answers"):
        evaluate(MA, ma(covid_reason="aliens"))
    with pytest.raises(ValidationError, match="yes or no"):
        evaluate(MA, ma(attests="yes"))


MA_ANSWERS = st.fixed_dictionaries({
    "employment_status": st.sampled_from(["unemployed", "furloughed", "employed"]),
    "covid_reason": st.sampled_from(["laid_off", "furloughed", "cannot_find_work", "not_related"]),
    "attests": st.booleans(),
}, optional={"chronically_unemployed": st.booleans(), "has_return_to_work_date": st.booleans(),
             "ui_claimant": st.booleans()})


@given(MA_ANSWERS)
def test_massachusetts_engine_matches_the_written_policy(answers) -> None:
    result = evaluate(MA, answers)
    covid = answers["employment_status"] in ("unemployed", "furloughed") and answers["covid_reason"] != "not_related"
    chronic = answers["employment_status"] == "unemployed" and answers.get("chronically_unemployed") is True
    assert result.eligible == (answers["attests"] and (covid or chronic))
    assert result.reasons
    assert evaluate(MA, answers) == result  # deterministic


def test_a_new_state_is_a_data_file(tmp_path) -> None:
    raw = copy.deepcopy(MA.raw)
    raw.update(id="ri", state="RI", state_name="Rhode Island", case_management_system="EmployRI",
               service_label="Online Learning License")
    (tmp_path / "profiles").mkdir()
    import json

    (tmp_path / "profiles" / "ri.json").write_text(json.dumps(raw))
    profile = load_profile("ri", data_dir=tmp_path)
    assert profile.case_management_system == "EmployRI"
    assert evaluate(profile, ma()).eligible


def test_rules_naming_an_unknown_question_are_refused() -> None:
    raw = copy.deepcopy(MA.raw)
    raw["eligibility"]["pathways"][0]["when"] = {"question": "favorite_color", "equals": "blue"}
    with pytest.raises(ProfileError, match="favorite_color"):
        parse_profile(raw)
