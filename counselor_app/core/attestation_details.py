"""Where the attestation's answers and the job seeker's record say the same thing.

A returning job seeker's record already says whether they are unemployed or furloughed, why, and whether they
filed a UI claim. The attestation asks the same things in the state's words, so the wizard offers the record's
values as the starting answers (the counselor reads them back; the attestation itself is never pre-ticked), and
a recorded attestation brings the record up to date: a person who attests "laid off" is no longer shown as
"furloughed" on their record.

Only questions whose ids and option values are known here are linked (Massachusetts' ``employment_status``,
``covid_reason``, ``ui_claimant``; New York's ``employment_status``); any other question of any state is left
alone in both directions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: attestation question id -> job-seeker field
QUESTION_FIELDS = {"employment_status": "employment_status", "covid_reason": "unemployment_cause",
                   "ui_claimant": "ui_claimant"}
#: answer value -> record value, per question (identity where not listed)
ANSWER_TO_RECORD = {"covid_reason": {"laid_off": "covid_layoff", "furloughed": "covid_furlough",
                                     "cannot_find_work": "covid_no_work"}}
RECORD_TO_ANSWER = {q: {v: k for k, v in m.items()} for q, m in ANSWER_TO_RECORD.items()}
#: questions never answered in advance, whatever the record says
NEVER_PREFILLED = frozenset({"attests"})


def _options(question: Any) -> set[Any] | None:
    if question.type == "yes_no":
        return {True, False}
    return {value for value, _label in question.options}


def answers_from_record(questions: Any, record: Mapping[str, Any]) -> dict[str, Any]:
    """Starting answers (``{question_id: value}``) from a job seeker's record (``{field: value}``).

    Only values the question offers are returned; an unknown or missing record value leaves the question open.
    """
    out: dict[str, Any] = {}
    for question in questions:
        field = QUESTION_FIELDS.get(question.id)
        if field is None or question.id in NEVER_PREFILLED:
            continue
        value = record.get(field)
        if value is None:
            continue
        value = RECORD_TO_ANSWER.get(question.id, {}).get(value, value)
        allowed = _options(question)
        if allowed is not None and value in allowed:
            out[question.id] = value
    return out


def record_changes_from_answers(answers: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, Any]:
    """The job-seeker fields (``{field: new value}``) an attestation with ``answers`` brings up to date.

    Answers that do not map onto a record value ("not related to COVID-19", an unlisted option) change nothing.
    """
    from counselor_app.core.validation import EMPLOYMENT_STATUSES, UNEMPLOYMENT_CAUSES

    allowed: dict[str, set[Any]] = {"employment_status": set(EMPLOYMENT_STATUSES), "unemployment_cause": set(UNEMPLOYMENT_CAUSES),
               "ui_claimant": {True, False}}
    changes: dict[str, Any] = {}
    for question_id, field in QUESTION_FIELDS.items():
        if question_id not in answers or answers[question_id] is None:
            continue
        value = ANSWER_TO_RECORD.get(question_id, {}).get(answers[question_id], answers[question_id])
        if value in allowed[field] and record.get(field) != value:
            changes[field] = value
    return changes
