"""What the recommendation engine says beside the ranked list: warnings about the deadline and the top
plan, the shorter path that fits, and notes about barriers and unknown answers.
"""

from __future__ import annotations

from counselor_app.core.catalog.model import Course
from counselor_app.core.catalog.recommend_result import Recommendation, ShorterPath
from counselor_app.core.catalog.recommend_scoring import _Ctx, _Scored
from counselor_app.core.catalog.recommend_text import _join, format_number
from counselor_app.core.vocabulary import CatalogItemKind


def _warnings_and_shorter_path(ctx: _Ctx, recs: tuple[Recommendation, ...],
                               courses: list[_Scored]) -> tuple[list[str], ShorterPath | None]:
    warnings: list[str] = []
    if ctx.days_left < 0:
        warnings.append(ctx.t("warn.deadline_passed", deadline=ctx.deadline_text))
    elif ctx.days_left == 0:
        warnings.append(ctx.t("warn.deadline_today"))
    if ctx.request.goal_soc is not None and ctx.goal is None:
        warnings.append(ctx.t("warn.goal_unknown", soc=ctx.request.goal_soc))
    if not recs:
        return warnings, None
    available = format_number(ctx.available)
    # Every certificate near the top that cannot be finished (or measured) gets its own warning.
    for rec in recs[:3]:
        if rec.kind != CatalogItemKind.CERTIFICATE or rec.fits_deadline:
            continue
        if rec.hours is None:
            warnings.append(ctx.t("warn.top_unknown", title=rec.title))
        elif ctx.days_left > 0:
            warnings.append(ctx.t("warn.top_too_long", title=rec.title, hours=format_number(rec.hours),
                               weekly=ctx.weekly_text, available=available, deadline=ctx.deadline_text))
    # The plan the job seeker would start on: the first certificate near the top whose length is known,
    # else the first certificate there, else the top item.
    near = [r for r in recs[:3] if r.kind == CatalogItemKind.CERTIFICATE]
    top = next((r for r in near if r.hours is not None), near[0] if near else recs[0])
    if top.fits_deadline or ctx.days_left <= 0:
        return warnings, None
    if top.kind != CatalogItemKind.CERTIFICATE and top.hours is not None:
        warnings.append(ctx.t("warn.top_too_long", title=top.title, hours=format_number(top.hours),
                           weekly=ctx.weekly_text, available=available, deadline=ctx.deadline_text))
    shorter = _shorter_path(ctx, top, courses)
    if shorter is None and not any(r.fits_deadline for r in recs):
        warnings.append(ctx.t("warn.nothing_fits", available=available, deadline=ctx.deadline_text))
    return warnings, shorter


def _shorter_path(ctx: _Ctx, top: Recommendation, courses: list[_Scored]) -> ShorterPath | None:
    """The beginning of the top plan that fits (its first courses, in order), or else the best-ranked
    courses that fit, at most three."""
    by_id = ctx.catalog.index.by_id
    picked: list[Course] = []
    total = 0.0
    for cid in top.course_ids:
        course = by_id[cid]
        hours = course.hours_value  # type: ignore[union-attr]
        if hours is None or total + hours > ctx.available + 1e-9:
            break
        picked.append(course)  # type: ignore[arg-type]
        total += hours
    if not picked or (top.kind == CatalogItemKind.COURSE and picked[0].id == top.id):
        picked, total = [], 0.0
        for s in courses:
            if s.id == top.id or s.hours is None or total + s.hours > ctx.available + 1e-9:
                continue
            picked.append(by_id[s.id])  # type: ignore[arg-type]
            total += s.hours
            if len(picked) == 3:
                break
    if not picked:
        return None
    titles = tuple(c.title for c in picked)
    return ShorterPath(
        instead_of=top.id, item_ids=tuple(c.id for c in picked), titles=titles, hours=round(total, 1),
        explanation=ctx.t("shorter.explain", titles="; ".join(titles), hours=format_number(total),
                       weekly=ctx.weekly_text, deadline=ctx.deadline_text))


def _notes(ctx: _Ctx) -> list[str]:
    notes: list[str] = []
    for barrier, key in (("no_computer", "note.no_computer"), ("no_internet", "note.no_internet"),
                         ("caregiver", "note.caregiver"), ("veteran", "note.veteran")):
        if barrier in ctx.barriers:
            notes.append(ctx.t(key))
    if ctx.non_en and ctx.lang not in ctx.catalog.index.languages:
        notes.append(ctx.t("note.language_missing", language=ctx.language_label(ctx.lang)))
    if ctx.request.last_occupation_soc is not None and ctx.last is None:
        notes.append(ctx.t("note.last_unknown", soc=ctx.request.last_occupation_soc))
    if ctx.goal is not None and not ctx.catalog.index.certificates_by_soc.get(ctx.goal.soc):
        notes.append(ctx.t("note.goal_no_certificate", goal=ctx.goal.label))
    if ctx.unmatched:
        notes.append(ctx.t("note.interests_unmatched", words=_join(ctx.unmatched)))
    return notes
