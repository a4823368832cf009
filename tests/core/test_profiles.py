from __future__ import annotations

import json
from datetime import date

import pytest

from counselor_app.core.profiles import ProfileError, available_profiles, load_profile, write_override


def test_massachusetts_profile_matches_the_issuance() -> None:
    p = load_profile("ma")
    assert p.case_management_system == "MOSES"
    assert p.service_label == "Coursera License Issued"
    assert p.program.issue_by == date(2020, 10, 23)
    assert p.program.enroll_by == date(2020, 10, 31)
    assert p.program.complete_by == date(2020, 12, 31)
    assert p.program.license_pool == 50_000


def test_new_york_profile_matches_the_advisory() -> None:
    p = load_profile("ny")
    assert p.case_management_system == "OSOS"
    assert p.service_label == "Referred to Coursera Enrollment"
    assert (p.program.starts_on, p.program.complete_by) == (date(2020, 11, 17), date(2022, 11, 23))
    assert p.administrators_per_board == 2


def test_deployment_override_changes_only_what_it_names(tmp_path) -> None:
    write_override(tmp_path, "ma", {"program": {"issue_by": "2020-11-06"}})
    p = load_profile("ma", data_dir=tmp_path)
    assert p.program.issue_by == date(2020, 11, 6)
    assert p.program.complete_by == date(2020, 12, 31)
    assert "ma" in available_profiles(data_dir=tmp_path)


@pytest.mark.parametrize("override, fragment", [
    ({"program": {"issue_by": "soon"}}, "not a date"),
    ({"program": {"complete_by": "2020-01-01"}}, "out of order"),
    ({"program": {"license_pool": -5}}, "negative"),
])
def test_bad_overrides_are_refused_clearly(tmp_path, override, fragment) -> None:
    write_override(tmp_path, "ma", override)
    with pytest.raises(ProfileError, match=fragment):
        load_profile("ma", data_dir=tmp_path)


def test_unknown_profile_and_broken_json(tmp_path) -> None:
    with pytest.raises(ProfileError, match="no agency profile named 'zz'"):
        load_profile("zz")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ma.json").write_text("{not json")
    with pytest.raises(ProfileError, match="not valid JSON"):
        load_profile("ma", data_dir=tmp_path)
    (tmp_path / "profiles" / "ma.json").write_text(json.dumps([1, 2]))
    with pytest.raises(ProfileError, match="JSON object"):
        load_profile("ma", data_dir=tmp_path)


def test_spanish_texts_for_the_job_seeker_keep_the_rules_and_labels() -> None:
    from counselor_app.core.eligibility import evaluate

    for pid in ("ma", "ny"):
        en, es = load_profile(pid), load_profile(pid, language="es")
        assert es.attestation_text != en.attestation_text and es.attestation_text.startswith("Declaro")
        assert es.attestation_version == f"{en.attestation_version}/es"
        assert [q.id for q in es.questions] == [q.id for q in en.questions]
        assert all(q.text != e.text for q, e in zip(es.questions, en.questions, strict=True))
        assert [v for q in es.questions for v, _ in q.options] == [v for q in en.questions for v, _ in q.options]
        assert es.service_label == en.service_label and es.case_management_system == en.case_management_system
        assert es.invitation["how_it_arrives"] != en.invitation["how_it_arrives"]
    ma_es = load_profile("ma", language="es")
    result = evaluate(ma_es, {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True})
    assert result.eligible and result.reasons[0].startswith("Elegible: Desempleado(a) como resultado del COVID-19")
    refused = evaluate(ma_es, {"employment_status": "employed", "covid_reason": "not_related", "attests": False})
    assert any("declaración propia" in r for r in refused.reasons) and refused.next_step.startswith("Ofrezca")
    # A language the file does not have falls back to the state's own text.
    assert load_profile("ma", language="pt").attestation_text == load_profile("ma").attestation_text
