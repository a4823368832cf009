"""The words for the core's messages (``counselor_app.core.messages.Message``): code -> English template.

The core raises ``Message("email.missing", "Enter an e-mail address.")``; the UI shows
``words(message)``: the template for its code, translated by Qt (context ``core_messages``), filled with the
message's arguments (themselves worded when they are messages: a field's name). A message whose code is not
here shows its English text: tests/ui/test_core_messages.py fails the build before that reaches a counselor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "core_messages"

CATALOG: dict[str, Any] = {  # QT_TRANSLATE_NOOP is typed as returning object
    # fields, as named inside sentences ("Enter the {field}.")
    "field.first_name": QT_TRANSLATE_NOOP("core_messages", "first name"),
    "field.last_name": QT_TRANSLATE_NOOP("core_messages", "last name"),
    "field.email": QT_TRANSLATE_NOOP("core_messages", "e-mail address"),
    "field.phone": QT_TRANSLATE_NOOP("core_messages", "phone number"),
    "field.zip_code": QT_TRANSLATE_NOOP("core_messages", "ZIP code"),
    "field.birth_date": QT_TRANSLATE_NOOP("core_messages", "date of birth"),
    "field.preferred_language": QT_TRANSLATE_NOOP("core_messages", "preferred language"),
    "field.education": QT_TRANSLATE_NOOP("core_messages", "education"),
    "field.last_occupation_soc": QT_TRANSLATE_NOOP("core_messages", "last occupation"),
    "field.last_occupation_title": QT_TRANSLATE_NOOP("core_messages", "last job title"),
    "field.goal_soc": QT_TRANSLATE_NOOP("core_messages", "goal occupation"),
    "field.interests": QT_TRANSLATE_NOOP("core_messages", "interests"),
    "field.employment_status": QT_TRANSLATE_NOOP("core_messages", "employment status"),
    "field.unemployment_cause": QT_TRANSLATE_NOOP("core_messages", "cause of unemployment"),
    "field.ui_claimant": QT_TRANSLATE_NOOP("core_messages", "UI claimant"),
    "field.return_to_work_date": QT_TRANSLATE_NOOP("core_messages", "return-to-work date"),
    "field.digital_skill": QT_TRANSLATE_NOOP("core_messages", "digital skills"),
    "field.weekly_hours": QT_TRANSLATE_NOOP("core_messages", "hours available each week"),
    "field.barriers": QT_TRANSLATE_NOOP("core_messages", "barriers"),
    "field.consent_to_contact": QT_TRANSLATE_NOOP("core_messages", "consent to contact"),
    "field.agency_customer_id": QT_TRANSLATE_NOOP("core_messages", "agency customer id"),
    "field.prefers_text": QT_TRANSLATE_NOOP("core_messages", "prefers text messages"),
    # job-seeker fields
    "field.unknown": QT_TRANSLATE_NOOP("core_messages", "'{name}' is not a job-seeker field."),
    "field.missing": QT_TRANSLATE_NOOP("core_messages", "Enter the {field}."),
    "field.invalid": QT_TRANSLATE_NOOP("core_messages", "The {field} is not valid."),
    "email.missing": QT_TRANSLATE_NOOP("core_messages", "Enter an e-mail address."),
    "email.spaces": QT_TRANSLATE_NOOP("core_messages", "An e-mail address cannot contain spaces."),
    "email.one_at": QT_TRANSLATE_NOOP("core_messages",
                                      "An e-mail address needs exactly one @, as in name@example.com."),
    "email.no_local": QT_TRANSLATE_NOOP("core_messages", "The part before the @ is missing."),
    "email.too_long": QT_TRANSLATE_NOOP("core_messages", "This e-mail address is too long."),
    "email.bad_local": QT_TRANSLATE_NOOP("core_messages",
                                         "The part before the @ has characters an e-mail address cannot have."),
    "email.bad_domain": QT_TRANSLATE_NOOP("core_messages",
                                          "The part after the @ is not a valid domain, as in gmail.com."),
    "email.formula_start": QT_TRANSLATE_NOOP(
        "core_messages",
        "An e-mail address cannot start with “{char}”: the provider does not accept it and spreadsheets read it as a formula. Check the address with the job seeker."),
    "email.local_not_ascii": QT_TRANSLATE_NOOP(
        "core_messages",
        "The part before the @ has letters the provider cannot send to (accents or other alphabets); ask the job seeker for an address without them."),
    "phone.extension": QT_TRANSLATE_NOOP("core_messages",
                                         "Leave the extension out of the phone number (put it in the notes)."),
    "phone.digits": QT_TRANSLATE_NOOP("core_messages",
                                      "Enter a 10-digit US phone number, for example (617) 555-0123."),
    "phone.bad_start": QT_TRANSLATE_NOOP(
        "core_messages",
        "This is not a valid US phone number: the area code and the exchange cannot start with 0 or 1."),
    "name.too_long": QT_TRANSLATE_NOOP("core_messages", "The {field} is too long (120 characters at most)."),
    "name.bad_character": QT_TRANSLATE_NOOP("core_messages",
                                            "The {field} has a character a name cannot have: {character}."),
    "name.no_letter": QT_TRANSLATE_NOOP("core_messages", "The {field} needs at least one letter."),
    "zip.invalid": QT_TRANSLATE_NOOP(
        "core_messages", "Enter a 5-digit ZIP code, for example 02108 (ZIP+4 such as 02108-1234 also works)."),
    "soc.invalid": QT_TRANSLATE_NOOP(
        "core_messages", "Pick the occupation from the list, or type its code (a SOC code such as 41-2031)."),
    "date.invalid": QT_TRANSLATE_NOOP("core_messages",
                                      "The {field} is not a date. Use MM/DD/YYYY, for example 03/15/1980."),
    "birth_date.future": QT_TRANSLATE_NOOP("core_messages", "The date of birth is in the future."),
    "birth_date.too_young": QT_TRANSLATE_NOOP("core_messages",
                                              "The date of birth makes this person younger than 14."),
    "birth_date.too_old": QT_TRANSLATE_NOOP(
        "core_messages", "The date of birth makes this person older than 110; please check the year."),
    "language.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose a preferred language from the list."),
    "education.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose the highest education from the list."),
    "employment_status.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose an employment status from the list."),
    "unemployment_cause.unknown": QT_TRANSLATE_NOOP("core_messages",
                                                    "Choose a cause of unemployment from the list."),
    "digital_skill.range": QT_TRANSLATE_NOOP(
        "core_messages", "Digital skills are rated from 1 (new to computers) to 4 (very comfortable)."),
    "weekly_hours.range": QT_TRANSLATE_NOOP("core_messages",
                                            "Hours available each week must be more than 0 and at most 80."),
    "barrier.unknown": QT_TRANSLATE_NOOP("core_messages", "Unknown barrier: {names}."),
    "yes_no.required": QT_TRANSLATE_NOOP("core_messages", "Answer yes or no."),
    "agency_id.characters": QT_TRANSLATE_NOOP("core_messages",
                                              "The agency customer id may hold only letters, digits and hyphens."),
    # the attestation
    "attestation.unknown_question": QT_TRANSLATE_NOOP(
        "core_messages", "'{name}' is not one of this state's attestation questions."),
    "attestation.unanswered": QT_TRANSLATE_NOOP("core_messages", "Answer the question: {question}"),
    "attestation.yes_no": QT_TRANSLATE_NOOP("core_messages", "Answer yes or no: {question}"),
    "attestation.unlisted": QT_TRANSLATE_NOOP("core_messages", "Choose one of the listed answers: {question}"),
}


def words(message: Any) -> str:
    """``message`` in the UI's language: a core ``Message`` through ``CATALOG``, anything else as it is."""
    code = getattr(message, "code", None)
    template = CATALOG.get(code) if isinstance(code, str) else None
    if template is None:
        return "" if message is None else str(message)
    args: Mapping[str, Any] = getattr(message, "args", {}) or {}
    worded = {key: words(value) for key, value in args.items()}
    text = QCoreApplication.translate(CONTEXT, template)
    try:
        return text.format(**worded)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English is better than none
        return template.format(**worded)


def field_errors_in_words(field_errors: Mapping[str, Any]) -> dict[str, str]:
    return {key: words(value) for key, value in field_errors.items()}
