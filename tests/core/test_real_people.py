"""Issue 12: people as they are (register_inputs.json from /work/shared/cases/real-files), and the kinds they
stand for: internationalized e-mail domains, spreadsheet-unsafe addresses refused with the reason, one-name
people, and full-width digits in every digit field (validation, search, duplicate checks)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselor_app.core import DuplicateJobSeekerWarning, ValidationError
from counselor_app.core import validation as v

INPUTS = json.loads((Path(__file__).resolve().parent / "data" / "real-files" / "register_inputs.json")
                    .read_text(encoding="utf-8"))
FULL_WIDTH = str.maketrans("0123456789-/", "０１２３４５６７８９－／")


def test_case7_idn_domains_are_accepted_stored_for_the_provider_and_shown_as_typed(desk) -> None:
    kim = desk.job_seekers.register(INPUTS["idn_email_unicode"]).record
    olga = desk.job_seekers.register(INPUTS["idn_email_punycode_tld"]).record
    assert kim.email == "kim@xn--bcher-kva.example" and v.display_email(kim.email) == "kim@bücher.example"
    assert olga.email == "olga@example.xn--p1ai" and v.display_email(olga.email) == "olga@example.рф"


@pytest.mark.parametrize("address", ["-ana.ruiz@example.org", "=cmd@example.org", "+1@example.org",
                                     "josé@example.org"])
def test_case7_addresses_no_provider_accepts_are_refused_with_the_reason(desk, address: str) -> None:
    with pytest.raises(ValidationError) as err:
        desk.job_seekers.register({**INPUTS["email_with_formula_prefix"], "email": address})
    message = err.value.field_errors["email"]
    assert "cannot start with" in message or "cannot send to" in message


def test_case8_a_person_with_one_name_is_registered(desk) -> None:
    seeker = desk.job_seekers.register(INPUTS["mononym"]).record
    assert (seeker.first_name, seeker.last_name, seeker.full_name) == ("Sukarni", "", "Sukarni")
    assert [r.full_name for r in desk.job_seekers.search("Sukarni")] == ["Sukarni"]


def test_case9_full_width_digits_are_stored_searched_and_compared_as_digits(desk) -> None:
    mei = desk.job_seekers.register({**INPUTS["fullwidth_digits_phone_zip"], "birth_date": "０４/１２/１９８５",
                                     "last_occupation_soc": "４１－２０３１"}).record
    assert (mei.phone, mei.zip_code, mei.last_occupation_soc) == ("6175550123", "02108", "41-2031")
    assert mei.birth_date.isoformat() == "1985-04-12"
    assert [r.id for r in desk.job_seekers.search("6175550123")] == [mei.id]
    assert [r.id for r in desk.job_seekers.search("６１７５５５０１２３")] == [mei.id]
    with pytest.raises(DuplicateJobSeekerWarning):
        desk.job_seekers.register({"first_name": "May", "last_name": "Chan", "phone": "617-555-0123"})


@given(st.from_regex(r"[2-9][0-9]{2}[2-9][0-9]{6}", fullmatch=True), st.sampled_from(
    ["{a}-{b}-{c}", "({a}) {b}-{c}", "+1 {a} {b} {c}", "{a}.{b}.{c}", "1{a}{b}{c}"]), st.booleans())
def test_every_digit_field_is_nfkc_normalized(digits: str, shape: str, wide: bool) -> None:
    typed = shape.format(a=digits[:3], b=digits[3:6], c=digits[6:])
    if wide:
        typed = typed.translate(FULL_WIDTH)
    assert v.normalize_us_phone(typed) == digits
    zip_typed = digits[:5].translate(FULL_WIDTH) if wide else digits[:5]
    assert v.normalize_zip(zip_typed) == digits[:5]
    soc = f"{digits[:2]}-{digits[2:6]}"
    assert v.normalize_soc(soc.translate(FULL_WIDTH) if wide else soc) == soc
    assert unicodedata.normalize("NFKC", typed) == v.normalize_digits(typed)


@given(st.sampled_from(["bücher.example", "example.рф", "münchen.de", "例え.jp", "gmail.com"]),
       st.from_regex(r"[a-z][a-z0-9._]{0,15}[a-z0-9]", fullmatch=True))
def test_idn_round_trip(domain: str, local: str) -> None:
    if ".." in local:
        return
    stored = v.normalize_email(f"{local}@{domain}")
    assert stored.isascii() and v.display_email(stored) == f"{local}@{domain}"
    assert v.normalize_email(stored) == stored  # what is stored is accepted again as it is


def test_one_name_person_without_a_last_name_field_at_all(desk) -> None:
    seeker = desk.job_seekers.register({"first_name": "Sukarni"}).record
    assert seeker.last_name == "" and seeker.full_name == "Sukarni"
