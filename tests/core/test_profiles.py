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
