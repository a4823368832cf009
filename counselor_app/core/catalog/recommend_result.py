"""What the recommendation engine returns: ranked items with their reasons, warnings, notes and a shorter
path when the top plan cannot be finished in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: str
    kind: str  # collection | certificate | course
    title: str
    score: float
    hours: float | None
    fits_deadline: bool
    reasons: tuple[str, ...]
    #: the courses behind it: a collection's suggested starter courses, a certificate's courses
    course_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "score": self.score, "hours": self.hours,
                "fits_deadline": self.fits_deadline, "reasons": list(self.reasons)}


@dataclass(frozen=True, slots=True)
class ShorterPath:
    """What to do instead when the top plan cannot be finished by the deadline."""

    instead_of: str
    item_ids: tuple[str, ...]
    titles: tuple[str, ...]
    hours: float
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"instead_of": self.instead_of, "item_ids": list(self.item_ids), "titles": list(self.titles),
                "hours": self.hours, "explanation": self.explanation}


@dataclass(frozen=True, slots=True)
class RecommendationResult:
    recommendations: tuple[Recommendation, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    shorter_path: ShorterPath | None
    available_hours: float
    weeks_left: float
    deadline: date
    today: date

    def ids(self) -> list[str]:
        return [r.id for r in self.recommendations]

    def to_dict(self) -> dict[str, Any]:
        return {
            "recommendations": [r.to_dict() for r in self.recommendations],
            "warnings": list(self.warnings), "notes": list(self.notes),
            "shorter_path": None if self.shorter_path is None else self.shorter_path.to_dict(),
            "available_hours": self.available_hours, "weeks_left": self.weeks_left,
            "deadline": self.deadline.isoformat(), "today": self.today.isoformat(),
        }
