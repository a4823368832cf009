"""The wizard's state is typed and versioned: what autosave writes comes back the same, an appointment saved by
the untyped dict of earlier versions resumes, keys from a newer desk survive, and misspelled keys are refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselor_app.ui.wizard_state import STATE_VERSION, WizardState

TEXT = st.text(max_size=12)
STATES = st.builds(
    WizardState,
    job_seeker_id=st.none() | st.uuids().map(str), job_seeker_name=TEXT, email=TEXT,
    preferred_language=st.sampled_from(["en", "es", "pt"]),
    attestation=st.none() | st.fixed_dictionaries({"id": TEXT, "eligible": st.booleans(), "reasons": st.lists(TEXT)}),
    refusal=st.none() | st.fixed_dictionaries({"code": TEXT, "message": TEXT}),
    background=st.none() | st.dictionaries(TEXT, TEXT, max_size=3), background_saved=st.booleans(),
    chosen_ids=st.lists(TEXT, max_size=4), plan=st.none() | st.dictionaries(TEXT, st.integers(), max_size=3),
    plan_id=st.none() | TEXT, issuance=st.none() | st.fixed_dictionaries({"id": TEXT, "status": TEXT}),
    history=st.lists(st.sampled_from(["find", "eligibility", "background"]), max_size=4),
    pages=st.dictionaries(st.sampled_from(["find", "license"]), st.dictionaries(TEXT, TEXT, max_size=2)),
)


@given(STATES)
def test_what_autosave_writes_comes_back_the_same(state: WizardState) -> None:
    stored = json.loads(json.dumps(state.to_json()))  # as the database's JSON column keeps it
    assert stored["version"] == STATE_VERSION
    assert WizardState.from_json(stored) == state


def test_an_appointment_saved_before_the_version_resumes() -> None:
    legacy: dict[str, Any] = {"pages": {"find": {"tab": 0}}, "job_seeker_id": "js-1", "job_seeker_name": "Ana",
                              "email": "ana@example.org", "history": ["find"], "issuance": {"status": "issued"},
                              "chosen_ids": ["c1"], "background_saved": True, "from_a_newer_desk": {"x": 1}}
    state = WizardState.from_json(legacy)
    assert (state.job_seeker_id, state.issuance, state.history) == ("js-1", {"status": "issued"}, ["find"])
    assert state.to_json()["from_a_newer_desk"] == {"x": 1}  # kept for the desk that wrote it
    broken = WizardState.from_json({"history": "not a list", "pages": [], "background_saved": "yes"})
    assert broken.history == [] and broken.pages == {} and broken.background_saved is False


def test_misspelled_keys_are_refused_and_a_new_person_forgets_the_old_one() -> None:
    state = WizardState(job_seeker_id="a", issuance={"status": "issued"}, chosen_ids=["x"])
    with pytest.raises(KeyError):
        state["isuance"] = {}
    with pytest.raises(KeyError):
        state.get("extra")
    state.forget_person()
    assert state.issuance is None and state.chosen_ids == [] and state.job_seeker_id == "a"
