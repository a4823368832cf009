"""The learning plan agreed at the appointment: what the job seeker will take, and by when.

A plan is a record, stored with the appointment, so it carries its own titles and hours (a snapshot) and
reads the same after the server replaces the catalog. Target dates are spread over the weeks up to the
complete-by date in proportion to each item's hours, which shows the pace the plan really needs; ``fits``
says whether that pace is within the hours the job seeker said they have.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from counselor_app.core.catalog.model import Catalog, Certificate, Collection, Course
from counselor_app.core.catalog.recommend import MAX_WEEKLY_HOURS, format_date, format_number, text_language
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message
from counselor_app.core.vocabulary import CatalogItemKind

PLAN_VERSION = 1
MILESTONE_KINDS: tuple[str, ...] = ("enroll_by", "finish_item", "complete_by")

TEXT: Mapping[str, str] = MappingProxyType({
    "milestone.enroll_by": "Enroll in the courses by {deadline}",
    "milestone.finish_item": "Finish {title}",
    "milestone.complete_by": "Program complete-by date: access ends after {deadline}",
    "warn.too_much": ("This plan needs about {needed} hours/week to finish by {deadline}; the job seeker has "
                      "{weekly}. Drop an item or choose shorter courses"),
    "warn.hours_unknown": "The length of {title} is not in the catalog: check the course page",
    "warn.collection": "{title} is a collection: choose courses from it so their hours can be counted",
    "warn.duplicate_course": "{title} is already part of {certificate}, so it is counted once",
    "warn.enroll_passed": "The enroll-by date ({deadline}) is before the plan's start",
    "warn.no_time": "The complete-by date ({deadline}) is not after the plan's start: there is no time to study",
})
#: The same sentences in Spanish; keys and {placeholders} match ``TEXT`` (a test checks).
TEXT_ES: Mapping[str, str] = MappingProxyType({
    "milestone.enroll_by": "Inscribirse en los cursos antes del {deadline}",
    "milestone.finish_item": "Terminar {title}",
    "milestone.complete_by": "Fecha límite del programa: el acceso termina después del {deadline}",
    "warn.too_much": ("Este plan necesita unas {needed} horas por semana para terminar antes del {deadline}; la "
                      "persona tiene {weekly}. Quite un elemento o elija cursos más cortos"),
    "warn.hours_unknown": "El catálogo no indica la duración de {title}: revise la página del curso",
    "warn.collection": "{title} es una colección: elija cursos de ella para poder contar sus horas",
    "warn.duplicate_course": "{title} ya forma parte de {certificate}, así que se cuenta una sola vez",
    "warn.enroll_passed": "La fecha límite de inscripción ({deadline}) es anterior al inicio del plan",
    "warn.no_time": ("La fecha límite para terminar ({deadline}) no es posterior al inicio del plan: no hay tiempo "
                     "para estudiar"),
})
TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": TEXT, "es": TEXT_ES})


def _t(key: str, language: str = "en", **values: object) -> str:
    return TEXTS[text_language(language)][key].format(**values)


def milestone_label(kind: str, *, language: str = "en", title: str = "", day: date, start: date) -> str:
    """The label of a milestone of ``kind`` in ``language``: how a stored plan is read out in another language
    (the handout in the job seeker's language) without rebuilding it."""
    if kind == "finish_item":
        return _t("milestone.finish_item", language, title=title)
    if kind not in MILESTONE_KINDS:
        raise PlanError(Message(
                "catalog.plan.unknown_milestone_kind",
                "Unknown milestone kind {kind!r}.", kind=kind))
    return _t(f"milestone.{kind}", language, deadline=format_date(day, today=start, language=language))


class PlanError(CounselorDeskError):
    """The plan cannot be built or read back; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: str
    kind: str  # collection | certificate | course
    title: str
    hours: float | None
    course_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Milestone:
    day: date
    kind: str  # enroll_by | finish_item | complete_by
    label: str
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class LearningPlan:
    items: tuple[PlanItem, ...]
    total_hours: float
    hours_per_week_needed: float | None
    weekly_hours: float
    start: date
    enroll_by: date
    complete_by: date
    milestones: tuple[Milestone, ...]
    fits: bool
    warnings: tuple[str, ...]
    catalog_version: str = ""

    @property
    def unmeasured(self) -> tuple[PlanItem, ...]:
        """Items the catalog gives no length for (a collection, until courses are chosen from it): the total
        counts none of them, so with any of them it is only a lower bound, and with nothing else there is none."""
        return tuple(i for i in self.items if i.hours is None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the appointment record."""
        return {
            "plan_version": PLAN_VERSION,
            "catalog_version": self.catalog_version,
            "items": [{"id": i.id, "kind": i.kind, "title": i.title, "hours": i.hours,
                       "course_ids": list(i.course_ids)} for i in self.items],
            "total_hours": self.total_hours,
            "hours_per_week_needed": self.hours_per_week_needed,
            "weekly_hours": self.weekly_hours,
            "start": self.start.isoformat(),
            "enroll_by": self.enroll_by.isoformat(),
            "complete_by": self.complete_by.isoformat(),
            "milestones": [{"date": m.day.isoformat(), "kind": m.kind, "label": m.label, "item_id": m.item_id}
                           for m in self.milestones],
            "fits": self.fits,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> LearningPlan:
        """Read a stored plan back. Refuses a damaged record with ``PlanError`` rather than guessing."""
        try:
            if raw["plan_version"] != PLAN_VERSION:
                raise PlanError(Message(
                        "catalog.plan.stored_plan_version",
                        "Stored plan has version {plan_version!r}; this app reads version {plan_version2}.", plan_version=raw['plan_version'], plan_version2=PLAN_VERSION))
            items = tuple(
                PlanItem(id=_text(i["id"], "items.id"), kind=_choice(i["kind"], (CatalogItemKind.COLLECTION, CatalogItemKind.CERTIFICATE, CatalogItemKind.COURSE),
                                                                     "items.kind"),
                         title=_text(i["title"], "items.title"), hours=_opt_hours(i["hours"], "items.hours"),
                         course_ids=tuple(_text(c, "items.course_ids") for c in i.get("course_ids", ())))
                for i in raw["items"])
            milestones = tuple(
                Milestone(day=_day(m["date"], "milestones.date"),
                          kind=_choice(m["kind"], MILESTONE_KINDS, "milestones.kind"),
                          label=_text(m["label"], "milestones.label"),
                          item_id=None if m.get("item_id") is None else _text(m["item_id"], "milestones.item_id"))
                for m in raw["milestones"])
            needed = raw["hours_per_week_needed"]
            return cls(
                items=items, total_hours=_hours(raw["total_hours"], "total_hours"),
                hours_per_week_needed=None if needed is None else _hours(needed, "hours_per_week_needed"),
                weekly_hours=_hours(raw["weekly_hours"], "weekly_hours"),
                start=_day(raw["start"], "start"), enroll_by=_day(raw["enroll_by"], "enroll_by"),
                complete_by=_day(raw["complete_by"], "complete_by"), milestones=milestones,
                fits=_flag(raw["fits"], "fits"),
                warnings=tuple(_text(w, "warnings") for w in raw.get("warnings", ())),
                catalog_version=str(raw.get("catalog_version", "")))
        except KeyError as exc:
            raise PlanError(Message(
                    "catalog.plan.stored_plan_missing",
                    "Stored plan is missing the field {value!r}.", value=exc.args[0])) from None
        except (TypeError, AttributeError) as exc:
            raise PlanError(Message(
                    "catalog.plan.stored_plan_damaged",
                    "Stored plan is damaged: {exc}.", exc=str(exc))) from None


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise PlanError(Message(
                "catalog.plan.stored_plan_field",
                "Stored plan field {field!r} must be text, got {value!r}.", field=field, value=value))
    return value


def _choice(value: Any, options: Sequence[str], field: str) -> str:
    if value not in options:
        raise PlanError(Message(
                "catalog.plan.stored_plan_field_2",
                "Stored plan field {field!r} must be one of {value}, got {value2!r}.", field=field, value=', '.join(options), value2=value))
    return str(value)


def _hours(value: Any, field: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
        raise PlanError(Message(
                "catalog.plan.stored_plan_field_3",
                "Stored plan field {field!r} must be a number of hours, got {value!r}.", field=field, value=value))
    return float(value)


def _opt_hours(value: Any, field: str) -> float | None:
    return None if value is None else _hours(value, field)


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise PlanError(Message(
                "catalog.plan.stored_plan_field_4",
                "Stored plan field {field!r} must be true or false, got {value!r}.", field=field, value=value))
    return value


def _day(value: Any, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PlanError(Message(
                "catalog.plan.stored_plan_field_5",
                "Stored plan field {field!r} must be a date (YYYY-MM-DD), got {value!r}.", field=field, value=value)) from None


def build_learning_plan(catalog: Catalog, chosen_ids: Sequence[str], *, weekly_hours: float, start: date,
                        enroll_by: date, complete_by: date, language: str = "en") -> LearningPlan:
    """Turn what the job seeker chose (courses, certificates, collections, in their order) into a dated plan.

    A course that is part of a chosen certificate is counted once; unknown ids are refused with
    ``PlanError``; lengths the catalog does not have are named in the warnings and make ``fits`` false,
    because the plan cannot promise what it cannot measure. ``language`` is the language of the milestone labels
    and warnings (English for a language without a table).
    """
    language = text_language(language)
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, int | float) \
            or not math.isfinite(weekly_hours) or not 0 < weekly_hours <= MAX_WEEKLY_HOURS:
        raise PlanError(Message(
                "catalog.plan.weekly_hours_must",
                "Weekly hours must be more than 0 and at most {max_weekly_hours} (got {weekly_hours!r}).", max_weekly_hours=MAX_WEEKLY_HOURS, weekly_hours=weekly_hours))
    for name, value in (("start", start), ("enroll_by", enroll_by), ("complete_by", complete_by)):
        if not isinstance(value, date):
            raise PlanError(Message(
                    "catalog.plan.must_date_got",
                    "{name} must be a date (got {value!r}).", name=name, value=value))
    if isinstance(chosen_ids, str):
        raise PlanError(Message(
                "catalog.plan.chosen_ids_must",
                "chosen_ids must be a list of ids, not one string."))
    unknown = [i for i in chosen_ids if catalog.item(i) is None]
    if unknown:
        raise PlanError(Message("plan.not_in_catalog", "Not in the catalog: {ids}.",
                                ids=", ".join(repr(i) for i in unknown)))

    ordered: list[str] = list(dict.fromkeys(chosen_ids))
    chosen_certs = {i: catalog.certificate(i) for i in ordered if catalog.certificate(i) is not None}
    warnings: list[str] = []
    items: list[PlanItem] = []
    for item_id in ordered:
        item = catalog.item(item_id)
        if isinstance(item, Course):
            owner = next((c for c in chosen_certs.values() if c is not None and item.id in c.course_ids), None)
            if owner is not None:
                warnings.append(_t("warn.duplicate_course", language, title=item.title, certificate=owner.title))
                continue
            items.append(PlanItem(item.id, "course", item.title, item.hours_value, (item.id,)))
        elif isinstance(item, Certificate):
            items.append(PlanItem(item.id, "certificate", item.title, item.hours_value, item.course_ids))
        elif isinstance(item, Collection):
            warnings.append(_t("warn.collection", language, title=item.title))
            items.append(PlanItem(item.id, "collection", item.title, None, item.course_ids))

    today_like = start  # dates in messages show the year only when it differs from the start's
    days = (complete_by - start).days
    weeks = days / 7 if days > 0 else 0.0
    known = [i.hours for i in items if i.hours is not None]
    total = round(sum(known), 1)
    # Nothing measured is not "0 hours a week": the weekly need of a plan of collections is unknown.
    needed = round(total / weeks, 1) if weeks > 0 and (known or not items) else None
    for planned in items:
        if planned.hours is None and planned.kind != CatalogItemKind.COLLECTION:
            warnings.append(_t("warn.hours_unknown", language, title=planned.title))
    if enroll_by < start:
        warnings.append(_t("warn.enroll_passed", language,
                           deadline=format_date(enroll_by, today=today_like, language=language)))
    if days <= 0:
        warnings.append(_t("warn.no_time", language,
                           deadline=format_date(complete_by, today=today_like, language=language)))
    capacity = weekly_hours * weeks
    fits = days > 0 and total <= capacity + 1e-9 and len(known) == len(items)
    if days > 0 and total > capacity + 1e-9:
        warnings.append(_t("warn.too_much", language, needed=format_number(needed or 0.0),
                           deadline=format_date(complete_by, today=today_like, language=language),
                           weekly=format_number(float(weekly_hours))))

    milestones: list[Milestone] = [Milestone(enroll_by, "enroll_by", milestone_label(
        "enroll_by", language=language, day=enroll_by, start=today_like))]
    done = 0.0
    for planned in items:
        if planned.hours is not None and total > 0 and days > 0:
            done += planned.hours
            offset = math.ceil(days * done / total - 1e-9)
            day = start + timedelta(days=min(max(offset, 1), days))
        else:
            day = complete_by
        milestones.append(Milestone(day, "finish_item", _t("milestone.finish_item", language,
                                                           title=planned.title),
                                    planned.id))
    milestones.append(Milestone(complete_by, "complete_by", milestone_label(
        "complete_by", language=language, day=complete_by, start=today_like)))
    order = {kind: i for i, kind in enumerate(MILESTONE_KINDS)}  # same day: enroll, finish, then complete-by
    milestones.sort(key=lambda m: (m.day, order[m.kind]))
    return LearningPlan(
        items=tuple(items), total_hours=total, hours_per_week_needed=needed, weekly_hours=float(weekly_hours),
        start=start, enroll_by=enroll_by, complete_by=complete_by, milestones=tuple(milestones), fits=fits,
        warnings=tuple(warnings), catalog_version=catalog.catalog_version)
