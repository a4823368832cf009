"""The core's messages reach the counselor in the UI's language: every code the core can raise has words in
``ui/core_messages.py``, the same English as the core's, and a Spanish translation; a form's errors show in
Spanish when the app is in Spanish."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import counselor_app
from counselor_app.core.errors import ValidationError
from counselor_app.core.job_seekers import FIELD_LABELS, clean_job_seeker
from counselor_app.core.messages import Message, message_of
from counselor_app.ui.core_messages import CATALOG, CONTEXT, words

PACKAGE = Path(counselor_app.__file__).parent


def core_messages() -> dict[str, str]:
    """Every ``Message("code", "template", ...)`` written in core, sync and export, with literal code and text."""
    found: dict[str, str] = {}
    for folder in ("core", "sync", "export"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message" and \
                        len(node.args) >= 2 and all(isinstance(a, ast.Constant) for a in node.args[:2]):
                    found[node.args[0].value] = node.args[1].value
    return found


@pytest.fixture
def spanish() -> Iterator[None]:
    from counselor_app.ui.i18n import install_translators

    install_translators("es")
    yield


def test_every_core_message_has_the_same_english_words_in_the_ui() -> None:
    written = core_messages()
    assert len(written) >= 30  # the scan found the validators
    written |= {label.code: str(label) for label in FIELD_LABELS.values()}  # type: ignore[attr-defined]
    missing = sorted(set(written) - set(CATALOG))
    assert not missing, f"add these codes to ui/core_messages.py: {missing}"
    differ = {code: (written[code], CATALOG[code]) for code in written if written[code] != CATALOG[code]}
    assert not differ, differ


def test_every_core_message_is_translated_to_spanish(spanish: None) -> None:
    from PySide6.QtCore import QCoreApplication

    untranslated = [t for t in CATALOG.values() if QCoreApplication.translate(CONTEXT, t) == t]
    assert not untranslated, untranslated


def test_a_message_keeps_its_code_through_an_exception_and_a_pickle() -> None:
    import pickle

    msg = Message("field.missing", "Enter the {field}.", field=FIELD_LABELS["last_name"])
    assert msg == "Enter the last name."
    back = pickle.loads(pickle.dumps(msg))
    assert back.code == "field.missing" and back == msg and back.args["field"].code == "field.last_name"
    assert message_of(ValueError(msg)).code == "field.missing"  # type: ignore[attr-defined]


#: Values a counselor might type into each field; most are wrong.
TYPED = st.fixed_dictionaries({}, optional={
    "first_name": st.sampled_from(["", "   ", "123", "Ana<3", "x" * 130, "María"]),
    "last_name": st.sampled_from(["", "--", "López", "O'Brien", "😀"]),
    "email": st.sampled_from(["", "ana", "ana@@x.com", "a b@x.com", "@x.com", "ana@x", "ana@gmail.com"]),
    "phone": st.sampled_from(["12", "617 555 0142 x12", "(017) 555-0142", "6175550142"]),
    "zip_code": st.sampled_from(["1", "ABCDE", "02119"]),
    "birth_date": st.sampled_from(["31/31/1980", "01/01/2090", "01/01/2015", "01/01/1890", "03/15/1980"]),
    "last_occupation_soc": st.sampled_from(["cashier", "41-2031", "99"]),
    "digital_skill": st.sampled_from([0, 5, 2, "abc"]),
    "weekly_hours": st.sampled_from([0, 100, 10, "ten hours"]),
    "preferred_language": st.sampled_from(["xx", "es"]),
    "education": st.sampled_from(["phd", "bachelor"]),
    "employment_status": st.sampled_from(["retired", "unemployed"]),
    "unemployment_cause": st.sampled_from(["bored", "covid_layoff"]),
    "barriers": st.sampled_from([["aliens"], ["veteran"]]),
    "ui_claimant": st.sampled_from(["maybe", True]),
    "agency_customer_id": st.sampled_from(["a b!", "MA-123"]),
    "return_to_work_date": st.sampled_from(["soon", "11/02/2020"]),
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=TYPED)
def test_every_validation_error_of_a_job_seeker_is_worded_in_spanish(spanish: None, values: dict[str, Any]) -> None:
    """Whatever is typed, each field's error is a coded message with Spanish words (no English left)."""
    try:
        clean_job_seeker(values, today=date(2020, 10, 1))
    except ValidationError as exc:
        for field_name, message in exc.field_errors.items():
            assert isinstance(message, Message), (field_name, message)
            shown = words(message)
            assert shown != str(message), (field_name, shown)
            assert "{" not in shown, shown
