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


def _placeholders(text: str) -> set[str]:
    import string

    return {f"{name}:{spec}" for _lit, name, spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_spanish_translation_keeps_the_placeholders(spanish: None) -> None:
    """A translation that lost or renamed "{day}" would show the English (words() falls back) or crash a format."""
    from PySide6.QtCore import QCoreApplication

    wrong = {t: QCoreApplication.translate(CONTEXT, t) for t in CATALOG.values()
             if _placeholders(QCoreApplication.translate(CONTEXT, t)) != _placeholders(t)}
    assert not wrong, wrong


def test_a_license_refusal_is_worded_in_spanish_and_survives_autosave(spanish: None) -> None:
    """The wizard autosaves a refusal as code + arguments; resumed, it is worded in the language of the day, and
    a draft saved before refusals had codes (plain English) still shows."""
    import json

    from counselor_app.core.errors import IssuanceRefused
    from counselor_app.core.messages import from_json, to_json
    from counselor_app.core.vocabulary import RefusalReason
    from counselor_app.ui.wizard_eligibility_page import refusal_html, refusal_json
    from counselor_app.ui.wizard_state import WizardState

    exc = IssuanceRefused(RefusalReason.ALREADY_LICENSED, Message(
        "refusal.already_licensed", "{name} already has a license in this program: it was issued on {day}.",
        name="Ana Silva", day=date(2026, 11, 2)), next_step=Message(
        "refusal.already_licensed.next", "Check that the invitation e-mail arrived; if the address was wrong, "
        "correct it and ask an administrator to resend."))
    assert str(exc) == "Ana Silva already has a license in this program: it was issued on November 2, 2026."
    state = WizardState(refusal=refusal_json(exc))
    saved = json.loads(json.dumps(state.to_json()))  # what autosave writes and resume reads
    resumed = WizardState.from_json(saved)
    back = from_json(resumed.refusal["message"])
    assert back.code == "refusal.already_licensed" and back == str(exc)
    shown = refusal_html(resumed.refusal["message"], resumed.refusal["next_step"])
    assert "Ana Silva ya tiene una licencia en este programa" in shown and "noviembre" in shown, shown
    assert "Compruebe que llegó el correo" in shown, shown
    old_draft = {"code": RefusalReason.ALREADY_LICENSED, "message": "Ana already has a license.", "next_step": ""}
    assert "Ana already has a license." in refusal_html(old_draft["message"], old_draft["next_step"])
    assert to_json("plain text") == "plain text"


def test_a_sync_report_with_set_aside_items_is_worded_in_spanish(spanish: None) -> None:
    from datetime import datetime

    from counselor_app.sync.service import SyncReport

    report = SyncReport(started_at=datetime(2026, 11, 30, 9, 0), sent=5, applied=3, rejected=2, queued_left=1,
                        parked_total=2, block_size=10)
    report.notes.append(Message("sync.still_pending", "{count:,} licenses stay pending approval.", count=3))
    english = report.summary()
    assert "2 set aside" in english and "Open the Sync page" in english
    spanish_lines = [words(m) for m in report.messages()]
    assert len(spanish_lines) == len(english.splitlines())
    for line, original in zip(spanish_lines, english.splitlines(), strict=True):
        assert line != original, line
    assert "apartados" in spanish_lines[0] and "3 licencias siguen pendientes" in "\n".join(spanish_lines)


def test_a_refused_usage_report_and_its_cells_are_worded_in_spanish(spanish: None, tmp_path: Path) -> None:
    from counselor_app.core.usage_report import UsageReportError, open_report_file, read_usage_report
    from counselor_app.ui.operations import error_message

    with pytest.raises(UsageReportError) as missing:
        open_report_file(tmp_path / "usage.csv")
    assert "No se encontró usage.csv" in error_message(missing.value)
    bad = tmp_path / "bad.csv"
    bad.write_text("Email,Course Name,Enrollment Time,Completed,Learning Hours\n"
                   "ana@example.com,Excel,2026-11-02 10:00,No,lots\n", encoding="utf-8")
    with pytest.raises(UsageReportError) as cells:
        read_usage_report(bad)
    shown = error_message(cells.value)
    assert "Celdas que hay que corregir: 1" in shown and "Fila 2" in shown and "no es un número de horas" in shown
    assert "row" not in shown.casefold().replace("rows", ""), shown
    assert "Row 2" in str(cells.value)  # the CLI prints the English with the cells listed


def test_every_catalog_collection_purpose_has_spanish_words() -> None:
    from counselor_app.core.catalog.loader import load_default_catalog
    from counselor_app.core.catalog.recommend_text import collection_purpose

    catalog = load_default_catalog()
    for col in catalog.collections:
        assert collection_purpose(col.id, col.purpose, language="es") != col.purpose, col.id
        assert collection_purpose(col.id, col.purpose, language="en") == col.purpose


def test_refusals_with_a_worded_part_are_spanish_throughout(spanish: None, desk: Any) -> None:
    """The action a counselor may not do, and an outcome's review state, are Messages inside the sentence: no
    English phrase is left in the middle of a Spanish refusal."""
    from counselor_app.core.errors import PermissionDeniedError
    from counselor_app.core.outcomes import STATUS_WORDS, OutcomeStatus
    from counselor_app.core.reports import ReportFilter, iter_detail_rows

    with pytest.raises(PermissionDeniedError) as refused:
        next(iter_detail_rows(desk, ReportFilter()))
    text = words(message_of(refused.value))
    assert "personas que buscan empleo" in text and "see a list" not in text, text
    already = Message("outcomes.outcome_already", "This outcome is already {status}.",
                      status=STATUS_WORDS[OutcomeStatus.ACCEPTED])
    assert words(already) == "Este resultado ya está en estado «aceptado».", words(already)
