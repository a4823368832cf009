"""The recommendation engine's scoring: a transparent sum of small, named adjustments (the weights are one
table a supervisor can read); each adjustment that moves a score also writes the sentence that explains
it, so ``explain=True`` re-scores the few items that make the final list with their reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from counselor_app.core.catalog.model import (
    LEVEL_RANK,
    Catalog,
    Certificate,
    Collection,
    Course,
    Occupation,
    Transition,
    interest_keys,
)
from counselor_app.core.catalog.recommend_request import RecommendationRequest
from counselor_app.core.catalog.recommend_text import (
    TEXTS,
    _join,
    collection_purpose,
    format_date,
    format_number,
    language_label,
)
from counselor_app.core.vocabulary import CatalogItemKind

# The rules below name these collections; a server catalog keeps the ids for the rules to apply.
DIGITAL_LITERACY = "digital-literacy"
BRIDGE = "bridge-to-postsecondary"
ENTREPRENEURSHIP = "entrepreneurship"
SELF_CARE = "job-search-self-care"
JOB_READINESS = "job-readiness"
RETRAINING = "displaced-worker-retraining"


# --- weights: one table, so a supervisor can read how much each rule counts -----------------------------------
_W: Mapping[str, float] = MappingProxyType({
    "collection.base": 10, "certificate.base": 10, "course.base": 5,
    # collection rules: the seed's "who each collection is for"; large enough to put the collection first
    "digital_low": 80, "digital_some": 20, "bridge": 70, "bridge_young": 12, "entrepreneurship": 75,
    "self_care": 15, "job_readiness": 18, "retraining": 22,
    # where a certificate leads; the goal the job seeker named outweighs what people like them often do
    "goal": 45, "transition": 30, "two_step": 12, "experience": 12,
    # what the job seeker said they like counts more than a generic job-transition chart
    "interest_each": 20, "interest_cap": 35, "collection_interest_each": 8, "collection_interest_cap": 16,
    "language_match_cert": 15, "language_miss_cert": -8, "language_match_course": 22, "language_miss_course": -6,
    "language_collection": 12,
    "cert_digital_low": -20, "cert_no_diploma": -8, "level_intermediate": -8, "level_advanced": -15,
    "beginner_bonus": 4, "hands_on_no_computer": -8, "free_credential": 3,
    "first_of_cert": 20, "part_of_cert": 6, "in_boosted_collection": 10, "short_caregiver": 5,
})
#: (fits, too long, unknown length) per kind: a certificate that cannot be finished matters most, and one
#: whose length is unknown should not outrank one that is known to fit.
_TIME_W: Mapping[str, tuple[float, float, float]] = MappingProxyType({
    CatalogItemKind.COLLECTION: (6, -10, -3), CatalogItemKind.CERTIFICATE: (10, -25, -15), CatalogItemKind.COURSE: (8, -20, -5)})
_BOOST_THRESHOLD = 18  # a collection whose rules add this much is "one that applies" for its courses
_PATH_CERTS = 4
_COURSE_CANDIDATES_PER_SOURCE = 15


# --- the engine ------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Ctx:
    catalog: Catalog
    request: RecommendationRequest
    today: date
    days_left: int
    weeks: float
    available: float
    lang: str
    non_en: bool
    low_digital: bool
    barriers: frozenset[str]
    interests: tuple[tuple[str, frozenset[frozenset[str]]], ...]
    unmatched: tuple[str, ...]
    last: Occupation | None
    goal: Occupation | None
    one_step: dict[str, Transition]
    two_step: dict[str, tuple[Transition, Transition]]
    deadline_text: str
    weekly_text: str
    boosted: dict[str, float]
    path_certs: tuple[str, ...] = ()
    language: str = "en"  # the language the reasons are written in (not the job seeker's course language)

    def t(self, key: str, **values: object) -> str:
        return TEXTS[self.language][key].format(**values)

    def language_label(self, code: str) -> str:
        return language_label(code, language=self.language)

    def matched(self, tags: frozenset[frozenset[str]]) -> list[str]:
        return [word for word, keys in self.interests if not keys.isdisjoint(tags)]


@dataclass(slots=True)
class _Scored:
    id: str
    kind: str
    title: str
    score: float
    hours: float | None
    fits: bool
    reasons: list[str] | None
    course_ids: tuple[str, ...] = ()


def _build_ctx(catalog: Catalog, request: RecommendationRequest, today: date, language: str = "en") -> _Ctx:
    days_left = (request.deadline - today).days
    weeks = max(days_left, 0) / 7
    available = weeks * float(request.weekly_hours)
    interests = []
    unmatched = []
    seen: set[str] = set()
    for word in request.interests:
        clean = " ".join(word.split())
        if clean.lower() in seen:
            continue
        seen.add(clean.lower())
        keys = interest_keys(clean, known=catalog.index.known_tags)
        if keys:
            interests.append((clean, keys))
        else:
            unmatched.append(clean)
    last = catalog.occupation(request.last_occupation_soc)
    one_step: dict[str, Transition] = {}
    two_step: dict[str, tuple[Transition, Transition]] = {}
    if request.last_occupation_soc is not None:
        for t in catalog.transitions_from(request.last_occupation_soc):
            one_step.setdefault(t.to_soc, t)
        for first in one_step.values():
            for second in catalog.transitions_from(first.to_soc):
                if second.to_soc not in one_step and second.to_soc != request.last_occupation_soc:
                    two_step.setdefault(second.to_soc, (first, second))
    return _Ctx(
        catalog=catalog, request=request, today=today, days_left=days_left, weeks=weeks, available=available,
        lang=request.language, non_en=request.language != "en", low_digital=request.digital_skill <= 2,
        barriers=frozenset(request.barriers), interests=tuple(interests), unmatched=tuple(unmatched), last=last,
        goal=catalog.occupation(request.goal_soc), one_step=one_step, two_step=two_step,
        deadline_text=format_date(request.deadline, today=today, language=language),
        weekly_text=format_number(float(request.weekly_hours)), boosted={}, language=language)


def _time(kind: str, hours: float | None, ctx: _Ctx, reasons: list[str] | None) -> tuple[float, bool]:
    fits_w, long_w, unknown_w = _TIME_W[kind]
    if hours is None:
        if reasons is not None:
            reasons.append(ctx.t("item.hours_unknown"))
        return unknown_w, False
    if ctx.days_left <= 0:
        if reasons is not None:
            reasons.append(ctx.t("item.past", hours=format_number(hours), deadline=ctx.deadline_text))
        return long_w, False
    if hours <= ctx.available + 1e-9:
        if reasons is not None:
            reasons.append(ctx.t("item.fits", hours=format_number(hours), weekly=ctx.weekly_text,
                              deadline=ctx.deadline_text))
        return fits_w, True
    if reasons is not None:
        reasons.append(ctx.t("item.too_long", hours=format_number(hours), needed=format_number(hours / ctx.weeks),
                          deadline=ctx.deadline_text, weekly=ctx.weekly_text))
    return long_w, False


def _level(level: str, ctx: _Ctx, reasons: list[str] | None) -> float:
    rank = LEVEL_RANK.get(level, 1)
    novice = ctx.low_digital or ctx.request.education in ("none", "high_school")
    if rank >= 2 and novice:
        if reasons is not None:
            reasons.append(ctx.t("item.level_advanced"))
        return _W["level_advanced"]
    if rank == 1 and novice:
        if reasons is not None:
            reasons.append(ctx.t("item.level_intermediate"))
        return _W["level_intermediate"]
    return 0.0


def _readable(languages: tuple[str, ...], ctx: _Ctx) -> bool:
    """Taught in the job seeker's language or in English (which many read as a second language); a course
    only in a third language is never recommended."""
    return ctx.lang in languages or "en" in languages


def _language(kind: str, languages: tuple[str, ...], ctx: _Ctx, reasons: list[str] | None) -> float:
    """In the job seeker's language: a plus (when that is not English). In English for someone who prefers
    another language: a small minus, said out loud so the counselor can check."""
    if ctx.lang in languages:
        if not ctx.non_en:
            return 0.0
        if reasons is not None:
            reasons.append(ctx.t("item.language", language=ctx.language_label(ctx.lang)))
        return _W["language_match_cert" if kind == CatalogItemKind.CERTIFICATE else "language_match_course"]
    if reasons is not None:
        reasons.append(ctx.t("item.english_not_preferred", language=ctx.language_label(ctx.lang)))
    return _W["language_miss_cert" if kind == CatalogItemKind.CERTIFICATE else "language_miss_course"]


# -- collections --

def _starter(ctx: _Ctx, col: Collection) -> tuple[tuple[str, ...], float | None, bool]:
    """Up to three courses to begin a collection with, in the job seeker's language first, matching their
    interests, easiest and shortest first, and fitting the time left when possible."""
    index = ctx.catalog.index
    courses = ctx.catalog.courses
    candidates = list(index.collection_language_courses.get((col.id, ctx.lang), ())[:20])
    if ctx.non_en:
        candidates += index.collection_language_courses.get((col.id, "en"), ())[:20]
    if not candidates:
        return (), None, False
    order = {pos: i for i, pos in enumerate(candidates)}

    def rank(pos: int) -> tuple[bool, int, int]:
        return (courses[pos].language != ctx.lang, -len(ctx.matched(index.course_tags[pos])), order[pos])

    ranked = sorted(candidates, key=rank)
    picked: list[int] = []
    total = 0.0
    for pos in ranked:
        hours = courses[pos].hours_value
        if hours is None or total + hours > ctx.available + 1e-9:
            continue
        picked.append(pos)
        total += hours
        if len(picked) == 3:
            break
    if picked:
        return tuple(courses[p].id for p in picked), total, True
    known = [p for p in ranked if courses[p].hours_value is not None]
    first = known[0] if known else ranked[0]
    return (courses[first].id,), courses[first].hours_value, False


def _collection_rules(col_id: str, ctx: _Ctx, reasons: list[str] | None) -> float:
    req = ctx.request
    score = 0.0

    def add(weight: float, key: str) -> None:
        nonlocal score
        score += weight
        if reasons is not None:
            reasons.append(ctx.t(key))

    if col_id == DIGITAL_LITERACY:
        if req.digital_skill == 1:
            add(_W["digital_low"], "collection.digital_low")
        elif req.digital_skill == 2:
            add(_W["digital_some"], "collection.digital_some")
    elif col_id == BRIDGE:
        if req.education == "none":
            add(_W["bridge"], "collection.bridge")
        elif req.education == "high_school" and req.age is not None and req.age <= 24:
            add(_W["bridge_young"], "collection.bridge_young")
    elif col_id == ENTREPRENEURSHIP:
        if ctx.barriers & {"small_business_owner", "self_employed"}:
            add(_W["entrepreneurship"], "collection.entrepreneurship")
    elif col_id == SELF_CARE:
        add(_W["self_care"], "collection.self_care")
    elif col_id == JOB_READINESS:
        if req.education in ("none", "high_school") or ctx.low_digital or ctx.non_en:
            add(_W["job_readiness"], "collection.job_readiness")
    elif col_id == RETRAINING:
        lower = ctx.last is not None and ctx.last.wage_tier == "lower"
        if lower or (ctx.last is None and ctx.goal is None):
            add(_W["retraining"], "collection.retraining")
    return score


def _score_collection(col: Collection, ctx: _Ctx, *, explain: bool) -> _Scored:
    reasons: list[str] | None = [] if explain else None
    score = _W["collection.base"] + _collection_rules(col.id, ctx, reasons)
    matched = ctx.matched(ctx.catalog.index.collection_tags.get(col.id, frozenset()))
    if matched:
        score += min(_W["collection_interest_cap"], _W["collection_interest_each"] * len(matched))
        if reasons is not None:
            reasons.append(ctx.t("item.interests", words=_join(matched)))
    if ctx.non_en and ctx.catalog.index.collection_language_courses.get((col.id, ctx.lang)):
        score += _W["language_collection"]
        if reasons is not None:
            reasons.append(ctx.t("collection.language", language=ctx.language_label(ctx.lang)))
    starter, hours, _ = _starter(ctx, col)
    if reasons is not None and starter:
        titles = [ctx.catalog.index.by_id[cid].title for cid in starter]
        reasons.append(ctx.t("collection.starter", titles="; ".join(titles)))
    delta, fits = _time("collection", hours, ctx, reasons)
    score += delta
    if reasons is not None:
        reasons.append(ctx.t("collection.purpose",
                             purpose=collection_purpose(col.id, col.purpose, language=ctx.language)))
    return _Scored(col.id, "collection", col.title, score, hours, fits, reasons, starter)


# -- certificates --

def _score_certificate(cert: Certificate, ctx: _Ctx, *, explain: bool) -> _Scored:
    reasons: list[str] | None = [] if explain else None
    req = ctx.request
    occupations = ctx.catalog.index.occupations
    score = _W["certificate.base"]
    wage_target: Occupation | None = None
    if ctx.goal is not None and ctx.goal.soc in cert.occupation_socs:
        score += _W["goal"]
        wage_target = ctx.goal
        if reasons is not None:
            reasons.append(ctx.t("cert.goal", goal=ctx.goal.label))
    hit = next((soc for soc in cert.occupation_socs if soc in ctx.one_step), None)
    if wage_target is not None:
        pass  # the goal already counts; a chart transition elsewhere adds nothing to it
    elif hit is not None:
        score += _W["transition"]
        transition = ctx.one_step[hit]
        target = occupations[hit]
        wage_target = wage_target or target
        if reasons is not None:
            if transition.basis == "named" and ctx.last is not None:
                reasons.append(ctx.t("cert.transition_named", from_title=ctx.last.title, to_label=target.label))
            else:
                from_label = ctx.last.label if ctx.last is not None else req.last_occupation_soc
                reasons.append(ctx.t("cert.transition_group", from_label=from_label, to_label=target.label))
    else:
        hit2 = next((soc for soc in cert.occupation_socs if soc in ctx.two_step), None)
        if hit2 is not None and ctx.last is not None:
            score += _W["two_step"]
            via = occupations[ctx.two_step[hit2][0].to_soc]
            target = occupations[hit2]
            wage_target = wage_target or target
            if reasons is not None:
                reasons.append(ctx.t("cert.two_step", from_title=ctx.last.title, via_label=via.label,
                                  to_label=target.label))
    if ctx.last is not None and ctx.last.soc in cert.occupation_socs:
        score += _W["experience"]
        if reasons is not None:
            reasons.append(ctx.t("cert.experience", label=ctx.last.label))
    if reasons is not None and wage_target is not None and wage_target.median_annual_wage is not None:
        wage = wage_target.median_annual_wage
        reasons.append(ctx.t("cert.wage", title=wage_target.title, wage=f"{wage.value:,}", year=wage.year))
    matched = ctx.matched(ctx.catalog.index.certificate_tags.get(cert.id, frozenset()))
    if matched:
        score += min(_W["interest_cap"], _W["interest_each"] * len(matched))
        if reasons is not None:
            reasons.append(ctx.t("item.interests", words=_join(matched)))
    score += _language("certificate", cert.languages, ctx, reasons)
    delta, fits = _time("certificate", cert.hours_value, ctx, reasons)
    score += delta
    score += _level(cert.level, ctx, reasons)
    if req.digital_skill == 1:
        score += _W["cert_digital_low"]
        if reasons is not None:
            reasons.append(ctx.t("cert.digital_first"))
    if req.education == "none":
        score += _W["cert_no_diploma"]
        if reasons is not None:
            reasons.append(ctx.t("cert.no_diploma"))
    if "no_computer" in ctx.barriers and ctx.catalog.index.certificate_hands_on.get(cert.id):
        score += _W["hands_on_no_computer"]
        if reasons is not None:
            reasons.append(ctx.t("item.hands_on_no_computer"))
    if cert.free_credential:
        score += _W["free_credential"]
        if reasons is not None:
            reasons.append(ctx.t("cert.included"))
    if reasons is not None and cert.credential_note:
        reasons.append(ctx.t("cert.note", note=cert.credential_note))
    return _Scored(cert.id, "certificate", cert.title, score, cert.hours_value, fits, reasons, cert.course_ids)


# -- courses --

def _score_course(pos: int, ctx: _Ctx, *, explain: bool) -> _Scored:
    reasons: list[str] | None = [] if explain else None
    course: Course = ctx.catalog.courses[pos]
    score = _W["course.base"]
    matched = ctx.matched(ctx.catalog.index.course_tags[pos])
    if matched:
        score += min(_W["interest_cap"], _W["interest_each"] * len(matched))
        if reasons is not None:
            reasons.append(ctx.t("item.interests", words=_join(matched)))
    score += _language("course", (course.language,), ctx, reasons)
    for cert_id in ctx.path_certs:
        if cert_id in course.certificate_ids:
            cert = ctx.catalog.index.by_id[cert_id]
            first = cert.course_ids[0] == course.id  # type: ignore[union-attr]
            score += _W["first_of_cert"] if first else _W["part_of_cert"]
            if reasons is not None:
                reasons.append(ctx.t("course.first_of_cert" if first else "course.part_of_cert",
                                  certificate=cert.title))
            break
    boosted = [cid for cid in course.collection_ids if cid in ctx.boosted]
    if boosted:
        best = max(boosted, key=lambda cid: (ctx.boosted[cid], cid))
        score += _W["in_boosted_collection"]
        if reasons is not None:
            reasons.append(ctx.t("course.in_collection", collection=ctx.catalog.index.by_id[best].title))
    hours = course.hours_value
    delta, fits = _time("course", hours, ctx, reasons)
    score += delta
    score += _level(course.level, ctx, reasons)
    if ctx.low_digital and course.level == "beginner":
        score += _W["beginner_bonus"]
        if reasons is not None:
            reasons.append(ctx.t("course.beginner"))
    if "caregiver" in ctx.barriers and hours is not None and hours <= 12:
        score += _W["short_caregiver"]
        if reasons is not None:
            reasons.append(ctx.t("course.short_caregiver"))
    if "no_computer" in ctx.barriers and course.hands_on_software:
        score += _W["hands_on_no_computer"]
        if reasons is not None:
            reasons.append(ctx.t("item.hands_on_no_computer"))
    if course.free_credential:
        score += _W["free_credential"] / 3
    return _Scored(course.id, "course", course.title, score, hours, fits, reasons, (course.id,))


def _course_candidates(ctx: _Ctx) -> set[int]:
    """The courses worth scoring: a handful from each source of relevance, never the whole catalog."""
    index = ctx.catalog.index
    found: set[int] = set()
    for _, keys in ctx.interests:
        for key in keys:
            found.update(index.tag_courses.get(key, ()))
    for cert_id in ctx.path_certs:
        found.update(index.course_pos[cid] for cid in index.by_id[cert_id].course_ids)  # type: ignore[union-attr]
    langs = (ctx.lang, "en") if ctx.non_en else ("en",)
    for col_id in (*ctx.boosted, SELF_CARE):
        for lang in langs:
            found.update(index.collection_language_courses.get((col_id, lang), ())[:_COURSE_CANDIDATES_PER_SOURCE])
    if ctx.non_en:
        found.update(index.language_courses.get(ctx.lang, ())[:2 * _COURSE_CANDIDATES_PER_SOURCE])
    if not found:
        found.update(index.language_courses.get("en", ())[:_COURSE_CANDIDATES_PER_SOURCE])
    return found


def _rank_key(s: _Scored) -> tuple[float, str]:
    return (-round(s.score, 2), s.id)


def _diverse(ranked: list[_Scored], catalog: Catalog, limit: int) -> list[_Scored]:
    """The top ``limit``, but one course per certificate: five courses of one certificate would push every
    other option off a short list, and the certificate (or its first course) already stands for them."""
    chosen: list[_Scored] = []
    deferred: list[_Scored] = []
    whole: set[str] = set()  # certificates one of whose courses is listed
    listed: set[str] = set()  # certificates listed themselves: their first course may still be shown
    for s in ranked:
        if len(chosen) == limit:
            break
        if s.kind == CatalogItemKind.CERTIFICATE:
            listed.add(s.id)
        elif s.kind == CatalogItemKind.COURSE:
            course = catalog.index.by_id[s.id]
            certs = course.certificate_ids  # type: ignore[union-attr]
            later = [c for c in certs if c in listed and catalog.index.by_id[c].course_ids[0] != s.id]  # type: ignore[union-attr]
            if any(c in whole for c in certs) or later:
                deferred.append(s)
                continue
            whole.update(certs)
        chosen.append(s)
    if len(chosen) < limit:
        chosen = sorted(chosen + deferred[:limit - len(chosen)], key=_rank_key)
    return chosen


def _explain(s: _Scored, ctx: _Ctx) -> _Scored:
    if s.kind == CatalogItemKind.COLLECTION:
        return _score_collection(ctx.catalog.index.by_id[s.id], ctx, explain=True)  # type: ignore[arg-type]
    if s.kind == CatalogItemKind.CERTIFICATE:
        return _score_certificate(ctx.catalog.index.by_id[s.id], ctx, explain=True)  # type: ignore[arg-type]
    return _score_course(ctx.catalog.index.course_pos[s.id], ctx, explain=True)
