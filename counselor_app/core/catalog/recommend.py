"""Explainable recommendations: what to take, ranked, each with reasons a counselor can read aloud.

The engine is a transparent sum of small, named adjustments rather than a learned model: in a 30-minute
appointment the counselor has to be able to say *why* ("retail salespersons often move into computer user
support; this certificate leads there"), and a supervisor has to be able to check the rules. Each adjustment
that moves a score also writes the sentence that explains it, so a score can never change without a reason.

Speed matters because the UI re-ranks as the counselor types: scores are computed for collections and
certificates (few) and only for the courses the catalog's indexes point to (interests, paths, the collections
that apply, the job seeker's language); sentences are written only for the items that make the final list.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from counselor_app.core.catalog.model import (
    ISO_639_1,
    LEVEL_RANK,
    SOC_MAJOR_GROUPS,
    SOC_PATTERN,
    Catalog,
    Certificate,
    Collection,
    Course,
    Occupation,
    Transition,
    interest_keys,
    language_name,
)
from counselor_app.core.errors import ValidationError

EDUCATION_LEVELS: tuple[str, ...] = ("none", "high_school", "some_college", "associate", "bachelor", "graduate")
BARRIERS: tuple[str, ...] = ("no_computer", "no_internet", "small_business_owner", "self_employed", "caregiver",
                             "veteran")
REQUEST_FIELDS: tuple[str, ...] = ("last_occupation_soc", "goal_soc", "interests", "education", "digital_skill",
                                   "language", "weekly_hours", "barriers", "age", "deadline")
DEFAULT_LIMIT = 8
MAX_WEEKLY_HOURS = 80
MAX_INTERESTS = 25

# The rules below name these collections; a server catalog keeps the ids for the rules to apply.
DIGITAL_LITERACY = "digital-literacy"
BRIDGE = "bridge-to-postsecondary"
ENTREPRENEURSHIP = "entrepreneurship"
SELF_CARE = "job-search-self-care"
JOB_READINESS = "job-readiness"
RETRAINING = "displaced-worker-retraining"

# --- every sentence the engine can say, in one place, so it can be translated later --------------------------
TEXT: Mapping[str, str] = MappingProxyType({
    # certificates
    "cert.goal": "Leads to {goal}, your goal",
    "cert.transition_named": "{from_title} often move into {to_label}; this certificate leads there",
    "cert.transition_group": ("People leaving low-wage jobs such as {from_label} often move into {to_label}; "
                              "this certificate leads there"),
    "cert.two_step": "{from_title} can move through {via_label} into {to_label}; this certificate leads there",
    "cert.experience": "Builds on your experience in {label}",
    "cert.wage": "{title}: median pay ${wage} a year nationally (BLS, May {year})",
    "cert.digital_first": "Needs everyday computer skills: start with Digital Literacy, then come back to it",
    "cert.no_diploma": "Open without a diploma, but a few Bridge courses first will make it easier",
    "cert.included": "The certificate is included with the license at no cost",
    "cert.note": "{note}",
    # any item
    "item.interests": "Matches your interests: {words}",
    "item.language": "Taught in {language}",
    "item.english_not_preferred": "Taught in English, not {language}",
    "item.fits": "About {hours} hours: fits {weekly} hours/week before {deadline}",
    "item.too_long": "About {hours} hours: needs about {needed} hours/week to finish by {deadline} (you have {weekly})",
    "item.past": "About {hours} hours, and the complete-by date ({deadline}) has passed",
    "item.hours_unknown": "Length is not in the catalog: check the course page before counting on it",
    "item.level_intermediate": "Intermediate level: best after some beginner courses",
    "item.level_advanced": "Advanced level: best after some experience in the field",
    "item.hands_on_no_computer": ("Has hands-on software exercises: plan time on a computer at the career center "
                                  "or a library"),
    # courses
    "course.first_of_cert": "First course of the {certificate}: a way to start it now",
    "course.part_of_cert": "Part of the {certificate}",
    "course.in_collection": "Part of the {collection} collection",
    "course.short_caregiver": "Short and self-paced: fits around caregiving",
    "course.beginner": "Beginner level: no experience needed",
    # collections
    "collection.digital_low": "Digital-skill rating of 1: start here to build everyday computer and internet skills",
    "collection.digital_some": "Builds the computer skills the other courses assume",
    "collection.bridge": ("No high-school diploma yet: builds the math and writing behind high-school equivalency "
                          "and college courses"),
    "collection.bridge_young": "Prepares for community-college courses",
    "collection.entrepreneurship": "Made for displaced small business owners, gig and independent workers",
    "collection.self_care": "Offered to everyone: resilience while out of work and a more effective job search",
    "collection.job_readiness": "Builds the language, communication and self-management skills employers look for",
    "collection.retraining": "Trains for an entry-level role in a field of high demand",
    "collection.language": "Has courses in {language}",
    "collection.starter": "Start with: {titles}",
    "collection.purpose": "Purpose: {purpose}",
    # warnings: something the counselor must act on
    "warn.deadline_passed": ("The program's complete-by date has passed ({deadline}): nothing can be finished in "
                             "time; check the current program dates before promising a plan"),
    "warn.deadline_today": "Today is the program's complete-by date: there is no time left to finish a course",
    "warn.top_too_long": ("{title} takes about {hours} hours, but at {weekly} hours/week there are only about "
                          "{available} hours before {deadline}"),
    "warn.top_unknown": "The length of {title} is not in the catalog: check the course page before promising it fits",
    "warn.nothing_fits": "Nothing recommended fits in the about {available} hours before {deadline}",
    "warn.goal_unknown": "Goal {soc} is not among the catalog's occupations, so no certificate is matched to it",
    # notes: context to mention
    "note.no_computer": ("No computer at home: the Coursera mobile app can stream or download lessons, and computers "
                         "at the career center or a public library work for assignments"),
    "note.no_internet": ("No internet at home: download lessons in the Coursera mobile app over Wi-Fi at the career "
                         "center or a library ('lite' downloads use about 95% less data) and watch them offline"),
    "note.caregiver": "Courses are self-paced, so short sessions work; shorter courses are ranked higher",
    "note.veteran": "Veteran: ask about priority of service and veterans' services at the career center",
    "note.language_missing": "No courses in {language} in the catalog: the recommendations are in English",
    "note.last_unknown": ("Last job {soc} is not in the catalog's job-transition data: recommendations use "
                          "interests, skills and time instead"),
    "note.goal_no_certificate": "No certificate in the catalog leads directly to {goal}",
    "note.interests_unmatched": "Nothing in the catalog is tagged with: {words}",
    # the shorter path
    "shorter.explain": "Shorter path: {titles} (about {hours} hours) fits {weekly} hours/week before {deadline}",
    # request errors
    "input.missing": "is missing",
    "input.unknown_field": "is not a known field (expected one of: {fields})",
})
#: The same sentences in Spanish, for a job seeker who reads Spanish. Keys and {placeholders} match ``TEXT``
#: (a test checks), so a sentence added in English without its Spanish version fails the tests, not the counselor.
TEXT_ES: Mapping[str, str] = MappingProxyType({
    # certificates
    "cert.goal": "Lleva a {goal}, su meta",
    "cert.transition_named": "Quienes trabajan como {from_title} suelen pasar a {to_label}; este certificado lleva allí",
    "cert.transition_group": ("Quienes dejan empleos de bajo salario como {from_label} suelen pasar a {to_label}; "
                              "este certificado lleva allí"),
    "cert.two_step": ("Quienes trabajan como {from_title} pueden pasar por {via_label} hasta {to_label}; este "
                      "certificado lleva allí"),
    "cert.experience": "Aprovecha su experiencia en {label}",
    "cert.wage": "{title}: salario medio de ${wage} al año en el país (BLS, mayo de {year})",
    "cert.digital_first": ("Requiere manejo básico de la computadora: empiece con Alfabetización Digital y luego "
                           "vuelva a este"),
    "cert.no_diploma": "Abierto sin diploma, pero unos cursos de Transición antes lo harán más fácil",
    "cert.included": "El certificado viene incluido con la licencia, sin costo",
    "cert.note": "{note}",
    # any item
    "item.interests": "Coincide con sus intereses: {words}",
    "item.language": "Se imparte en {language}",
    "item.english_not_preferred": "Se imparte en inglés, no en {language}",
    "item.fits": "Unas {hours} horas: con {weekly} horas por semana se termina antes del {deadline}",
    "item.too_long": ("Unas {hours} horas: necesita unas {needed} horas por semana para terminar antes del "
                      "{deadline} (usted tiene {weekly})"),
    "item.past": "Unas {hours} horas, y la fecha límite para terminar ({deadline}) ya pasó",
    "item.hours_unknown": "El catálogo no indica la duración: revise la página del curso antes de contar con él",
    "item.level_intermediate": "Nivel intermedio: mejor después de algunos cursos de nivel principiante",
    "item.level_advanced": "Nivel avanzado: mejor después de tener algo de experiencia en el área",
    "item.hands_on_no_computer": ("Tiene ejercicios prácticos con programas: reserve tiempo en una computadora del "
                                  "centro de empleo o de una biblioteca"),
    # courses
    "course.first_of_cert": "Primer curso de {certificate}: una forma de empezarlo ya",
    "course.part_of_cert": "Forma parte de {certificate}",
    "course.in_collection": "Forma parte de la colección {collection}",
    "course.short_caregiver": "Corto y a su propio ritmo: se adapta al cuidado de familiares",
    "course.beginner": "Nivel principiante: no se necesita experiencia",
    # collections
    "collection.digital_low": ("Habilidad digital de nivel 1: empiece aquí para aprender a usar la computadora e "
                               "internet en el día a día"),
    "collection.digital_some": "Desarrolla las habilidades de computación que los demás cursos dan por sabidas",
    "collection.bridge": ("Todavía sin diploma de escuela secundaria: refuerza las matemáticas y la escritura que "
                          "piden el examen de equivalencia y los cursos universitarios"),
    "collection.bridge_young": "Prepara para los cursos del colegio comunitario",
    "collection.entrepreneurship": ("Pensada para dueños de pequeños negocios desplazados y para trabajadores "
                                    "independientes o por encargo"),
    "collection.self_care": ("Se ofrece a todos: resiliencia mientras está sin empleo y una búsqueda de trabajo más "
                             "eficaz"),
    "collection.job_readiness": ("Desarrolla las habilidades de lenguaje, comunicación y organización personal que "
                                 "buscan los empleadores"),
    "collection.retraining": "Capacita para un puesto de nivel inicial en un área con mucha demanda",
    "collection.language": "Tiene cursos en {language}",
    "collection.starter": "Empiece con: {titles}",
    "collection.purpose": "Propósito: {purpose}",
    # warnings: something the counselor must act on
    "warn.deadline_passed": ("La fecha límite del programa ya pasó ({deadline}): no se puede terminar nada a tiempo; "
                             "confirme las fechas actuales del programa antes de prometer un plan"),
    "warn.deadline_today": "Hoy es la fecha límite del programa: no queda tiempo para terminar un curso",
    "warn.top_too_long": ("{title} lleva unas {hours} horas, pero con {weekly} horas por semana solo quedan unas "
                          "{available} horas antes del {deadline}"),
    "warn.top_unknown": ("El catálogo no indica la duración de {title}: revise la página del curso antes de "
                         "prometer que cabe"),
    "warn.nothing_fits": "Nada de lo recomendado cabe en las aproximadamente {available} horas antes del {deadline}",
    "warn.goal_unknown": ("La meta {soc} no está entre las ocupaciones del catálogo, así que no se le asocia ningún "
                          "certificado"),
    # notes: context to mention
    "note.no_computer": ("Sin computadora en casa: la aplicación móvil de Coursera puede transmitir o descargar las "
                         "lecciones, y las computadoras del centro de empleo o de una biblioteca pública sirven para "
                         "las tareas"),
    "note.no_internet": ("Sin internet en casa: descargue las lecciones en la aplicación móvil de Coursera con el "
                         "wifi del centro de empleo o de una biblioteca (las descargas 'lite' usan cerca de un 95 % "
                         "menos de datos) y véalas sin conexión"),
    "note.caregiver": ("Los cursos son a su propio ritmo, así que sirven sesiones cortas; los cursos más cortos "
                       "aparecen más arriba"),
    "note.veteran": "Veterano: pregunte en el centro de empleo por la prioridad de servicio y los servicios para veteranos",
    "note.language_missing": "No hay cursos en {language} en el catálogo: las recomendaciones son en inglés",
    "note.last_unknown": ("El último empleo {soc} no está en los datos de cambios de empleo del catálogo: las "
                          "recomendaciones se basan en intereses, habilidades y tiempo"),
    "note.goal_no_certificate": "Ningún certificado del catálogo lleva directamente a {goal}",
    "note.interests_unmatched": "Nada en el catálogo está etiquetado con: {words}",
    # the shorter path
    "shorter.explain": ("Camino más corto: {titles} (unas {hours} horas) se termina con {weekly} horas por semana "
                        "antes del {deadline}"),
    # request errors
    "input.missing": "falta",
    "input.unknown_field": "no es un campo conocido (se espera uno de: {fields})",
})
#: Every language the engine can speak; any other falls back to English.
TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": TEXT, "es": TEXT_ES})
MONTHS: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_ES: tuple[str, ...] = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                              "septiembre", "octubre", "noviembre", "diciembre")
#: Language names as a Spanish reader says them ("Se imparte en español"); codes not here use the English name.
LANGUAGE_NAMES_ES: Mapping[str, str] = MappingProxyType({
    "en": "inglés", "es": "español", "pt": "portugués", "fr": "francés", "ht": "criollo haitiano",
    "zh": "chino", "vi": "vietnamita", "ar": "árabe", "ru": "ruso", "ko": "coreano", "tl": "tagalo",
    "so": "somalí", "am": "amárico", "km": "jemer", "hi": "hindi", "bn": "bengalí", "pl": "polaco",
    "uk": "ucraniano", "ne": "nepalí", "ja": "japonés", "de": "alemán", "it": "italiano", "tr": "turco",
})


def text_language(language: str | None) -> str:
    """The language the engine writes in: ``language`` when it has a table, else English."""
    return language if language in TEXTS else "en"  # type: ignore[return-value]


def language_label(code: str, *, language: str = "en") -> str:
    """The name of language ``code`` in ``language`` (English names for a language without its own)."""
    if text_language(language) == "es":
        return LANGUAGE_NAMES_ES.get(code, language_name(code))
    return language_name(code)


def _t(key: str, **values: object) -> str:
    return TEXT[key].format(**values)


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
    "collection": (6, -10, -3), "certificate": (10, -25, -15), "course": (8, -20, -5)})
_BOOST_THRESHOLD = 18  # a collection whose rules add this much is "one that applies" for its courses
_PATH_CERTS = 4
_COURSE_CANDIDATES_PER_SOURCE = 15


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
            raise RecommendationInputError({"profile": "must be a JSON object of field: value"})
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


# --- formatting ------------------------------------------------------------------------------------------------

def format_number(value: float) -> str:
    """Hours as a person says them: "134", "7.5", "6"."""
    if value >= 10:
        return str(int(round(value)))
    return f"{value:.1f}".rstrip("0").rstrip(".")


def format_date(day: date, *, today: date, language: str = "en") -> str:
    """ "Dec 31" within the current year, "Dec 31, 2020" otherwise (in Spanish "31 de diciembre" and "31 de
    diciembre de 2020"): short enough to read aloud, never ambiguous about which year's deadline is meant. Month
    names come from ``MONTHS``/``MONTHS_ES``, not from the machine's locale."""
    if text_language(language) == "es":
        text = f"{day.day} de {MONTHS_ES[day.month - 1]}"
        return text if day.year == today.year else f"{text} de {day.year}"
    text = f"{MONTHS[day.month - 1]} {day.day}"
    return text if day.year == today.year else f"{text}, {day.year}"


def _join(words: Sequence[str]) -> str:
    return ", ".join(words)


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
        return _W["language_match_cert" if kind == "certificate" else "language_match_course"]
    if reasons is not None:
        reasons.append(ctx.t("item.english_not_preferred", language=ctx.language_label(ctx.lang)))
    return _W["language_miss_cert" if kind == "certificate" else "language_miss_course"]


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
        reasons.append(ctx.t("collection.purpose", purpose=col.purpose))
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
        if s.kind == "certificate":
            listed.add(s.id)
        elif s.kind == "course":
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
    if s.kind == "collection":
        return _score_collection(ctx.catalog.index.by_id[s.id], ctx, explain=True)  # type: ignore[arg-type]
    if s.kind == "certificate":
        return _score_certificate(ctx.catalog.index.by_id[s.id], ctx, explain=True)  # type: ignore[arg-type]
    return _score_course(ctx.catalog.index.course_pos[s.id], ctx, explain=True)


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
        if rec.kind != "certificate" or rec.fits_deadline:
            continue
        if rec.hours is None:
            warnings.append(ctx.t("warn.top_unknown", title=rec.title))
        elif ctx.days_left > 0:
            warnings.append(ctx.t("warn.top_too_long", title=rec.title, hours=format_number(rec.hours),
                               weekly=ctx.weekly_text, available=available, deadline=ctx.deadline_text))
    # The plan the job seeker would start on: the first certificate near the top whose length is known,
    # else the first certificate there, else the top item.
    near = [r for r in recs[:3] if r.kind == "certificate"]
    top = next((r for r in near if r.hours is not None), near[0] if near else recs[0])
    if top.fits_deadline or ctx.days_left <= 0:
        return warnings, None
    if top.kind != "certificate" and top.hours is not None:
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
    if not picked or (top.kind == "course" and picked[0].id == top.id):
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
