"""Explainable recommendations: what to take, ranked, each with reasons a counselor can read aloud.

The engine is a transparent sum of small, named adjustments rather than a learned model: in a 30-minute
appointment the counselor has to be able to say *why* ("retail salespersons often move into computer user
support; this certificate leads there"), and a supervisor has to be able to check the rules. Each adjustment
that moves a score also writes the sentence that explains it, so a score can never change without a reason.

Speed matters because the UI re-ranks as the counselor types: scores are computed for collections and
certificates (few) and only for the courses the catalog's indexes point to (interests, paths, the collections
that apply, the job seeker's language); sentences are written only for the items that make the final list.

The engine lives in five modules along its seams: ``recommend_text`` (sentence tables and formats),
``recommend_request`` (the request and its validation), ``recommend_scoring`` (weights and scores, each with its
sentence), ``recommend_explain`` (warnings, the shorter path, notes) and ``recommend_result`` (what it returns).
This module ranks (``recommend``) and keeps every public name importable from here.
"""

from __future__ import annotations

import heapq
from datetime import date, datetime

from counselor_app.core.catalog.model import Catalog
from counselor_app.core.catalog.recommend_explain import _notes, _warnings_and_shorter_path
from counselor_app.core.catalog.recommend_request import (
    BARRIERS,
    DEFAULT_LIMIT,
    EDUCATION_LEVELS,
    MAX_INTERESTS,
    MAX_WEEKLY_HOURS,
    REQUEST_FIELDS,
    RecommendationInputError,
    RecommendationRequest,
)
from counselor_app.core.catalog.recommend_result import (
    Recommendation,
    RecommendationResult,
    ShorterPath,
)
from counselor_app.core.catalog.recommend_scoring import (
    _BOOST_THRESHOLD,
    _PATH_CERTS,
    BRIDGE,
    DIGITAL_LITERACY,
    ENTREPRENEURSHIP,
    JOB_READINESS,
    RETRAINING,
    SELF_CARE,
    _build_ctx,
    _collection_rules,
    _course_candidates,
    _diverse,
    _explain,
    _rank_key,
    _readable,
    _score_certificate,
    _score_collection,
    _score_course,
)
from counselor_app.core.catalog.recommend_text import (
    LANGUAGE_NAMES_ES,
    MONTHS,
    MONTHS_ES,
    TEXT,
    TEXT_ES,
    TEXTS,
    format_date,
    format_number,
    language_label,
    text_language,
)

__all__ = [
    "BARRIERS", "BRIDGE", "DEFAULT_LIMIT", "DIGITAL_LITERACY", "EDUCATION_LEVELS", "ENTREPRENEURSHIP", "JOB_READINESS",
    "LANGUAGE_NAMES_ES", "MAX_INTERESTS", "MAX_WEEKLY_HOURS", "MONTHS", "MONTHS_ES", "REQUEST_FIELDS", "RETRAINING",
    "SELF_CARE", "TEXT", "TEXTS", "TEXT_ES", "Recommendation", "RecommendationInputError", "RecommendationRequest",
    "RecommendationResult", "ShorterPath", "format_date", "format_number", "language_label", "recommend",
    "text_language",
]


def recommend(catalog: Catalog, request: RecommendationRequest, *, today: date,
              limit: int = DEFAULT_LIMIT, language: str = "en") -> RecommendationResult:
    """Rank what this job seeker could take before the deadline, best first, each with its reasons.

    Raises ``RecommendationInputError`` for unusable input. Deterministic: the same catalog, request and
    ``today`` give the same result; ties are broken by id. The Job Search & Self-Care collection is always
    in the list, because everyone out of work is offered it. ``language`` is the language the reasons, warnings
    and notes are written in (``TEXTS``; English for one without a table); it never changes ids or scores.
    """
    request.validate()
    if isinstance(today, datetime):
        today = today.date()
    if limit < 1:
        raise ValueError("limit must be at least 1")
    ctx = _build_ctx(catalog, request, today, text_language(language))

    collections = [_score_collection(col, ctx, explain=False) for col in catalog.collections]
    for col in catalog.collections:
        boost = _collection_rules(col.id, ctx, None)
        if boost >= _BOOST_THRESHOLD and col.id != SELF_CARE:
            ctx.boosted[col.id] = boost
    certificates = [_score_certificate(cert, ctx, explain=False) for cert in catalog.certificates
                    if _readable(cert.languages, ctx)]
    # Certificates on the job seeker's own path (their goal, or a move people from their job often make):
    # their courses are worth starting now even when the whole certificate does not fit.
    path = [s for s in certificates
            if any(soc in ctx.one_step or (ctx.goal is not None and soc == ctx.goal.soc)
                   for soc in catalog.index.by_id[s.id].occupation_socs)]  # type: ignore[union-attr]
    path.sort(key=_rank_key)
    ctx.path_certs = tuple(s.id for s in path[:_PATH_CERTS])
    courses = [_score_course(pos, ctx, explain=False) for pos in _course_candidates(ctx)
               if _readable((catalog.courses[pos].language,), ctx)]
    top_courses = heapq.nsmallest(limit + 6, courses, key=_rank_key)

    ranked = sorted((*collections, *certificates, *top_courses), key=_rank_key)
    chosen = _diverse(ranked, catalog, limit)
    if catalog.collection(SELF_CARE) is not None and all(s.id != SELF_CARE for s in chosen):
        self_care = next(s for s in ranked if s.id == SELF_CARE)
        chosen = (chosen[:limit - 1] if limit > 1 else chosen) + [self_care]

    explained = [_explain(s, ctx) for s in chosen]
    recommendations = tuple(
        Recommendation(id=s.id, kind=s.kind, title=s.title, score=round(s.score, 1),
                       hours=None if s.hours is None else round(s.hours, 1), fits_deadline=s.fits,
                       reasons=tuple(s.reasons or ()), course_ids=s.course_ids)
        for s in explained)

    warnings, shorter = _warnings_and_shorter_path(ctx, recommendations, sorted(courses, key=_rank_key))
    return RecommendationResult(
        recommendations=recommendations, warnings=tuple(warnings), notes=tuple(_notes(ctx)),
        shorter_path=shorter, available_hours=round(ctx.available, 1), weeks_left=round(ctx.weeks, 1),
        deadline=request.deadline, today=today)
