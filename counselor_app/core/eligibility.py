"""Eligibility by self-attestation, with the state's rules as data.

A profile's ``eligibility`` block has ``requirements`` (all must hold), ``pathways`` (at least one must hold)
and informational ``notes``. Conditions are small JSON trees:
``{"question": id, "equals"|"in"|"not_in": ...}``, ``{"all": [...]}``, ``{"any": [...]}``, ``{"not": {...}}``.
Every verdict comes with reasons a counselor can read aloud, in both directions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from counselor_app.core.errors import ValidationError
from counselor_app.core.messages import Message

if TYPE_CHECKING:
    from counselor_app.core.profiles import AgencyProfile


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    eligible: bool
    reasons: tuple[str, ...]
    pathways: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    next_step: str = ""
    answers: dict[str, Any] = field(default_factory=dict)


def _condition_questions(cond: dict[str, Any]) -> list[str]:
    if "question" in cond:
        return [cond["question"]]
    out: list[str] = []
    for key in ("all", "any"):
        for sub in cond.get(key, ()):
            out += _condition_questions(sub)
    if "not" in cond:
        out += _condition_questions(cond["not"])
    return out


def check_rules(profile: AgencyProfile) -> None:
    """Refuse a profile whose rules name a question it does not ask."""
    from counselor_app.core.profiles import ProfileError

    rules = profile.eligibility
    known = {q.id for q in profile.questions}
    conditions = [r["when"] for r in rules.get("requirements", ())]
    conditions += [p["when"] for p in rules.get("pathways", ())]
    conditions += [n["when"] for n in rules.get("notes", ())]
    if not rules.get("pathways"):
        raise ProfileError(Message(
                "eligibility.profile_has_no_pathways",
                "The agency profile's eligibility rules have no pathways."))
    for cond in conditions:
        for qid in _condition_questions(cond):
            if qid not in known:
                raise ProfileError(Message(
                        "eligibility.eligibility_rules_refer",
                        "The eligibility rules refer to a question the profile does not ask: {qid}.", qid=qid))


def _holds(cond: dict[str, Any], answers: dict[str, Any]) -> bool:
    if "all" in cond:
        return all(_holds(c, answers) for c in cond["all"])
    if "any" in cond:
        return any(_holds(c, answers) for c in cond["any"])
    if "not" in cond:
        return not _holds(cond["not"], answers)
    value = answers.get(cond["question"])
    if value is None:
        return False
    if "equals" in cond:
        return bool(value == cond["equals"])
    if "in" in cond:
        return value in cond["in"]
    if "not_in" in cond:
        return value not in cond["not_in"]
    raise ValueError(f"Unknown condition: {cond}")


def clean_answers(profile: AgencyProfile, answers: dict[str, Any]) -> dict[str, Any]:
    """Check answers against the profile's questions; unknown questions and invalid options are refused."""
    errors: dict[str, str] = {}
    known = {q.id: q for q in profile.questions}
    for key in answers:
        if key not in known:
            errors[key] = Message(
                "attestation.unknown_question", "'{name}' is not one of this state's attestation "
                "questions.", name=key)
    cleaned: dict[str, Any] = {}
    for q in profile.questions:
        value = answers.get(q.id)
        if value is None or value == "":
            if q.required:
                errors[q.id] = Message("attestation.unanswered", "Answer the question: {question}", question=q.text)
            continue
        if q.type == "yes_no":
            if not isinstance(value, bool):
                errors[q.id] = Message("attestation.yes_no", "Answer yes or no: {question}", question=q.text)
                continue
        elif q.type == "choice":
            if value not in {v for v, _ in q.options}:
                errors[q.id] = Message(
                    "attestation.unlisted", "Choose one of the listed answers: {question}", question=q.text)
                continue
        cleaned[q.id] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def evaluate(profile: AgencyProfile, answers: dict[str, Any]) -> EligibilityResult:
    cleaned = clean_answers(profile, answers)
    rules = profile.eligibility
    failures = [r["fail"] for r in rules.get("requirements", ()) if not _holds(r["when"], cleaned)]
    passed = [p for p in rules.get("pathways", ()) if _holds(p["when"], cleaned)]
    notes = tuple(n["text"] for n in rules.get("notes", ()) if _holds(n["when"], cleaned))
    if failures or not passed:
        reasons = list(failures)
        if not passed:
            reasons.append(str(rules.get("no_pathway", "No eligibility pathway applies.")))
        return EligibilityResult(eligible=False, reasons=tuple(reasons), notes=notes,
                                 next_step=str(rules.get("next_step_if_not_eligible", "")), answers=cleaned)
    return EligibilityResult(
        eligible=True,
        reasons=tuple(str(rules.get("eligible_reason", "Eligible: {label}.")).format(label=p["label"]) for p in passed),
        pathways=tuple(p["id"] for p in passed), notes=notes, answers=cleaned,
    )
