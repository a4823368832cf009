from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.core import validation as v


@pytest.mark.parametrize("typed, suggested", [
    ("maria@gmial.com", "maria@gmail.com"),
    ("maria@yaho.com", "maria@yahoo.com"),
    ("maria@hotmial.com", "maria@hotmail.com"),
    ("maria@outlok.com", "maria@outlook.com"),
    ("maria@gmail.con", "maria@gmail.com"),
    ("maria@gmailcom", "maria@gmail.com"),
    ("maria@gamil.com", "maria@gmail.com"),
    ("maria@yahooo.com", "maria@yahoo.com"),
    ("Maria.Lopez@GMIAL.COM", "Maria.Lopez@gmail.com"),
])
def test_common_domain_typos_get_a_suggestion(typed: str, suggested: str) -> None:
    assert v.suggest_email(typed) == suggested


@pytest.mark.parametrize("email", ["maria@gmail.com", "jo@mass.gov", "a.b@labor.ny.gov", "x@example.org",
                                   "someone@umass.edu"])
def test_correct_addresses_get_no_suggestion(email: str) -> None:
    assert v.suggest_email(email) is None


@pytest.mark.parametrize("bad, fragment", [
    ("", "Enter an e-mail"), ("maria", "exactly one @"), ("maria@@gmail.com", "exactly one @"),
    ("maria @gmail.com", "spaces"), ("@gmail.com", "before the @"), ("maria@gmail", "not a valid domain"),
    ("maria@-gmail.com", "not a valid domain"), ("ma(ria@gmail.com", "characters"), ("maria@gmail.c0m", "domain"),
])
def test_bad_email_messages_are_specific(bad: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        v.normalize_email(bad)


def test_email_domain_is_lowercased_local_part_kept() -> None:
    assert v.normalize_email("  Maria.Lopez@Gmail.COM ") == "Maria.Lopez@gmail.com"


@given(st.text(max_size=80))
@settings(max_examples=300)
def test_email_validator_never_crashes_and_suggestions_are_valid(text: str) -> None:
    try:
        v.normalize_email(text)
    except ValueError as exc:
        assert str(exc)
    suggestion = v.suggest_email(text)
    if suggestion is not None:
        assert v.normalize_email(suggestion) == suggestion


@pytest.mark.parametrize("typed", ["(617) 555-0123", "617-555-0123", "617.555.0123", "6175550123",
                                   "+1 617 555 0123", "1-617-555-0123", " 617 555 0123 "])
def test_us_phone_formats_normalize_to_ten_digits(typed: str) -> None:
    assert v.normalize_us_phone(typed) == "6175550123"
    assert v.format_us_phone("6175550123") == "(617) 555-0123"


@pytest.mark.parametrize("bad", ["555-0123", "617555012", "061 755 50123", "(617) 155-0123", "617-555-0123 x12",
                                 "", "phone"])
def test_bad_phone_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        v.normalize_us_phone(bad)


@given(area=st.integers(200, 999), exchange=st.integers(200, 999), line=st.integers(0, 9999),
       style=st.sampled_from(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "+1 {a} {e} {l}", "{a}{e}{l}"]))
def test_phone_normalization_is_format_independent(area: int, exchange: int, line: int, style: str) -> None:
    typed = style.format(a=area, e=exchange, l=f"{line:04d}")
    assert v.normalize_us_phone(typed) == f"{area}{exchange}{line:04d}"


@pytest.mark.parametrize("name", ["María José", "O'Brien", "Jean-Baptiste", "Nguyễn", "王秀英", "Владимир",
                                  "محمد", "Siobhán", "Ji-woo", "St. John"])
def test_names_in_any_script_are_accepted(name: str) -> None:
    assert v.normalize_name(name, field_label="first name") == name


@pytest.mark.parametrize("bad, fragment", [("", "Enter"), ("R2D2", "character"), ("<script>", "character"),
                                           ("--", "at least one letter"), ("x" * 121, "too long")])
def test_bad_names_are_refused(bad: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        v.normalize_name(bad, field_label="first name")


@given(st.text(max_size=40))
def test_name_validator_never_crashes(text: str) -> None:
    try:
        out = v.normalize_name(text, field_label="last name")
    except ValueError:
        return
    assert out == out.strip() and out


def test_zip_codes() -> None:
    assert v.normalize_zip("02108") == "02108"
    assert v.normalize_zip("02108-1234") == "02108-1234"
    for bad in ("2108", "021081", "ABCDE", "02108-12"):
        with pytest.raises(ValueError, match="ZIP"):
            v.normalize_zip(bad)


def test_dates_accept_us_and_iso_and_refuse_nonsense() -> None:
    today = date(2020, 10, 1)
    assert v.normalize_birth_date("03/15/1980", today=today) == date(1980, 3, 15)
    assert v.normalize_birth_date("1980-03-15", today=today) == date(1980, 3, 15)
    with pytest.raises(ValueError, match="not a date"):
        v.normalize_birth_date("15/03/1980", today=today)
    with pytest.raises(ValueError, match="future"):
        v.normalize_birth_date("2021-01-01", today=today)
    with pytest.raises(ValueError, match="younger than 14"):
        v.normalize_birth_date("2015-01-01", today=today)
    with pytest.raises(ValueError, match="older than 110"):
        v.normalize_birth_date("1900-01-01", today=today)


def test_near_names_ignore_accents_and_small_typos() -> None:
    assert v.names_near(v.name_key("María", "López"), v.name_key("Maria", "Lopez"))
    assert v.names_near(v.name_key("Jonathan", "Smith"), v.name_key("Jonathon", "Smith"))
    assert not v.names_near(v.name_key("Maria", "Lopez"), v.name_key("Mario", "Perez"))
