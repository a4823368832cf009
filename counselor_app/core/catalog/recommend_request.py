"""What the counselor knows about the job seeker, checked before anything is ranked: the request, its
field-by-field validation and the error that carries every problem at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from counselor_app.core.catalog.model import (
    ISO_639_1,
    SOC_MAJOR_GROUPS,
    SOC_PATTERN,
)
from counselor_app.core.catalog.recommend_text import _t
from counselor_app.core.errors import ValidationError
from counselor_app.core.messages import Message

EDUCATION_LEVELS: tuple[str, ...] = ("none", "high_school", "some_college", "associate", "bachelor", "graduate")
BARRIERS: tuple[str, ...] = ("no_computer", "no_internet", "small_business_owner", "self_employed", "caregiver",
                             "veteran")
REQUEST_FIELDS: tuple[str, ...] = ("last_occupation_soc", "goal_soc", "interests", "education", "digital_skill",
                                   "language", "weekly_hours", "barriers", "age", "deadline")
DEFAULT_LIMIT = 8
MAX_WEEKLY_HOURS = 80
MAX_INTERESTS = 25


class RecommendationInputError(ValidationError):
    """The job seeker's answers cannot be used; ``field_errors`` maps each field to its problem."""

    def __init__(self, field_errors: dict[str, str]) -> None:
        message = "Cannot recommend: " + "; ".join(f"{k}: {v}" for k, v in field_errors.items())
        super().__init__(field_errors, message=message)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecommendationRequest:
    """What the counselor knows about the job seeker. ``deadline`` is the program's complete-by date unless
    the job seeker has an earlier one (a return-to-work date, say)."""

    education: str
    digital_skill: int
    language: str
    weekly_hours: float
    deadline: date
    last_occupation_soc: str | None = None
    goal_soc: str | None = None
    interests: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    age: int | None = None

    def problems(self) -> dict[str, str]:
        """Every problem, by field; empty when the request can be used."""
        out: dict[str, str] = {}
        for key in ("last_occupation_soc", "goal_soc"):
            value = getattr(self, key)
            if value is not None:
                if not isinstance(value, str) or not SOC_PATTERN.match(value):
                    out[key] = f"must be a SOC 2018 code like 41-2031 (NN-NNNN), got {value!r}"
                elif value[:2] not in SOC_MAJOR_GROUPS:
                    out[key] = f"{value} is not in a SOC 2018 major group (the first two digits)"
        if isinstance(self.interests, str) or not isinstance(self.interests, Sequence):
            out["interests"] = "must be a list of words, e.g. [\"computers\", \"data\"]"
        elif len(self.interests) > MAX_INTERESTS:
            out["interests"] = f"has {len(self.interests)} entries; keep it to {MAX_INTERESTS} or fewer"
        else:
            for word in self.interests:
                if not isinstance(word, str) or not word.strip() or len(word) > 60:
                    out["interests"] = f"each interest must be a word or short phrase (got {word!r})"
                    break
        if self.education not in EDUCATION_LEVELS:
            out["education"] = f"must be one of {', '.join(EDUCATION_LEVELS)} (got {self.education!r})"
        if not isinstance(self.digital_skill, int) or isinstance(self.digital_skill, bool) \
                or not 1 <= self.digital_skill <= 4:
            out["digital_skill"] = f"must be a whole number from 1 to 4 (got {self.digital_skill!r})"
        if not isinstance(self.language, str) or self.language not in ISO_639_1:
            out["language"] = f"must be an ISO 639-1 code such as en or es (got {self.language!r})"
        hours = self.weekly_hours
        if not isinstance(hours, int | float) or isinstance(hours, bool) or not math.isfinite(hours):
            out["weekly_hours"] = f"must be a number of hours (got {hours!r})"
        elif not 0 < hours <= MAX_WEEKLY_HOURS:
            out["weekly_hours"] = f"must be more than 0 and at most {MAX_WEEKLY_HOURS} (got {hours!r})"
        if isinstance(self.barriers, str) or not isinstance(self.barriers, Sequence):
            out["barriers"] = f"must be a list drawn from {', '.join(BARRIERS)}"
        else:
            unknown = [b for b in self.barriers if b not in BARRIERS]
            if unknown:
                out["barriers"] = (f"unknown barrier {', '.join(repr(b) for b in unknown)}; "
                                   f"use {', '.join(BARRIERS)}")
        if self.age is not None and (not isinstance(self.age, int) or isinstance(self.age, bool)
                                     or not 14 <= self.age <= 120):
            out["age"] = f"must be a whole number of years from 14 to 120 (got {self.age!r})"
        if not isinstance(self.deadline, date) or isinstance(self.deadline, datetime):
            out["deadline"] = f"must be a date (got {self.deadline!r})"
        return out

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise RecommendationInputError(problems)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], *, default_deadline: date | None = None) -> RecommendationRequest:
        """Read the JSON a counselor or a script wrote (the CLI's ``--profile`` file). Unknown keys are refused
        rather than ignored: a misspelled "barriers" would otherwise silently drop a barrier."""
        if not isinstance(raw, Mapping):
            raise RecommendationInputError({"profile": Message(
                    "catalog.recommend_request.must_json_object",
                    "must be a JSON object of field: value")})
        errors: dict[str, str] = {}
        for key in raw:
            if key not in REQUEST_FIELDS:
                errors[str(key)] = _t("input.unknown_field", fields=", ".join(REQUEST_FIELDS))
        values: dict[str, Any] = {}
        for key in ("education", "digital_skill", "language", "weekly_hours"):
            if raw.get(key) is None:
                errors[key] = _t("input.missing")
        values["education"] = raw.get("education")
        values["digital_skill"] = raw.get("digital_skill")
        language = raw.get("language")
        values["language"] = language.strip().lower() if isinstance(language, str) else language
        values["weekly_hours"] = raw.get("weekly_hours")
        values["last_occupation_soc"] = _blank_to_none(raw.get("last_occupation_soc"))
        values["goal_soc"] = _blank_to_none(raw.get("goal_soc"))
        values["age"] = raw.get("age")
        for key in ("interests", "barriers"):
            value = raw.get(key, [])
            if value is None:
                value = []
            if isinstance(value, str):  # "computers, data" typed as one string is fine
                value = [part.strip() for part in value.split(",") if part.strip()]
            if isinstance(value, list):
                value = tuple(value)
            values[key] = value
        deadline = raw.get("deadline")
        if deadline is None:
            if default_deadline is None:
                errors["deadline"] = "is missing and there is no program complete-by date to use instead"
            values["deadline"] = default_deadline
        elif isinstance(deadline, datetime):
            values["deadline"] = deadline.date()
        elif isinstance(deadline, date):
            values["deadline"] = deadline
        elif isinstance(deadline, str):
            try:
                values["deadline"] = date.fromisoformat(deadline.strip())
            except ValueError:
                errors["deadline"] = f"must be a date as YYYY-MM-DD (got {deadline!r})"
                values["deadline"] = None
        else:
            errors["deadline"] = f"must be a date as YYYY-MM-DD (got {deadline!r})"
            values["deadline"] = None
        request = cls(**values)
        for key, problem in request.problems().items():
            errors.setdefault(key, problem)
        if errors:
            raise RecommendationInputError(errors)
        return request


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value
