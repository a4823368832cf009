"""The catalog as immutable values, with the lookups the recommendation engine needs built once at load time.

A ``Catalog`` is shared between the GUI thread, workers and (later) a sync job that swaps in the server's
catalog, so everything here is frozen: nobody can change a catalog that someone else is reading, and a
replacement is a new object (see ``loader.CatalogHolder``). The indexes live on the object for the same reason
the engine must stay fast: a recommendation over thousands of courses has to touch only the few courses that
can matter, never scan them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from types import MappingProxyType
from typing import ClassVar, Literal, TypeVar

from counselor_app.core.vocabulary import CatalogItemKind

Kind = CatalogItemKind
_K = TypeVar("_K")
_V = TypeVar("_V")
Level = Literal["beginner", "intermediate", "advanced", "mixed"]
WageTier = Literal["lower", "gateway", "higher"]

LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced", "mixed")
#: How demanding a level is for someone new to computers; "mixed" sits with intermediate on purpose, so an
#: unknown mix is never presented as easy.
LEVEL_RANK: Mapping[str, int] = MappingProxyType({"beginner": 0, "intermediate": 1, "mixed": 1, "advanced": 2})
WAGE_TIERS: tuple[str, ...] = ("lower", "gateway", "higher")
TRANSITION_BASES: tuple[str, ...] = ("named", "group")
#: A figure computed by the app (e.g. a certificate's hours summed from its courses) names this pseudo-source
#: instead of an entry in the catalog's ``sources``.
DERIVED_SUM_SOURCE = "derived:sum-of-course-hours"

SOC_PATTERN = re.compile(r"^\d{2}-\d{4}$")
#: SOC 2018 major groups (the first two digits). A code outside them is a typo, not a new occupation.
SOC_MAJOR_GROUPS: frozenset[str] = frozenset({
    "11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "31", "33", "35", "37", "39", "41", "43", "45",
    "47", "49", "51", "53", "55",
})
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")

#: ISO 639-1 two-letter language codes. Kept here rather than in a dependency: the list is small and stable,
#: and the catalog and the job seeker's preferred language are both checked against it.
ISO_639_1: frozenset[str] = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el
en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu
ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na
nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())

#: English names for the languages a US career center meets most often; others are shown by code.
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({
    "en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "ht": "Haitian Creole",
    "zh": "Chinese", "vi": "Vietnamese", "ar": "Arabic", "ru": "Russian", "ko": "Korean", "tl": "Tagalog",
    "so": "Somali", "am": "Amharic", "km": "Khmer", "hi": "Hindi", "bn": "Bengali", "pl": "Polish",
    "uk": "Ukrainian", "ne": "Nepali", "ja": "Japanese", "de": "German", "it": "Italian", "tr": "Turkish",
})


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


# --- words -----------------------------------------------------------------------------------------------------

_STOPWORDS = frozenset({"and", "the", "of", "for", "in", "to", "a", "an", "with", "on", "at", "by", "or", "my",
                        "y", "de", "la", "el", "en", "los", "las", "del", "con", "para", "i", "me", "like"})
#: Different words for one interest, so "coding" finds Python courses and "computadoras" finds IT. Both sides
#: of a match (catalog tags and the job seeker's words) go through ``tokenize``, so they always agree.
SYNONYMS: Mapping[str, str] = MappingProxyType({
    "tech": "technology", "coding": "programming", "code": "programming", "coder": "programming",
    "programmer": "programming", "software": "programming", "computing": "computer", "pc": "computer",
    "laptop": "computer", "cyber": "cybersecurity", "infosec": "cybersecurity", "helpdesk": "help",
    "analyst": "analysis", "analytic": "analytics", "spreadsheet": "excel", "sell": "sale", "selling": "sale",
    "salesperson": "sale", "medical": "health", "healthcare": "health", "nursing": "health", "teach": "teaching",
    "teacher": "teaching", "tutor": "teaching", "esl": "english", "mathematics": "math", "maths": "math",
    "designer": "design", "entrepreneur": "entrepreneurship", "startup": "entrepreneurship",
    "start-up": "entrepreneurship", "ai": "ai", "artificial": "ai", "ml": "machine", "money": "finance",
    "budget": "finance", "budgeting": "finance", "wellbeing": "well-being", "wellness": "well-being",
    "stress": "well-being", "resume": "job", "interview": "job", "career": "job",
    # Spanish words a counselor may type as the job seeker says them
    "computadora": "computer", "computadoras": "computer", "tecnologia": "technology", "datos": "data",
    "negocio": "business", "negocios": "business", "salud": "health", "ingles": "english", "ventas": "sale",
    "diseno": "design", "programacion": "programming", "emprendimiento": "entrepreneurship",
    "finanzas": "finance", "mercadeo": "marketing",
})
_WORD_SPLIT = re.compile(r"[^0-9a-z+#/-]+")


def _fold(text: str) -> str:
    """Lowercase and drop accents, so "tecnología" and "tecnologia" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def tokenize(text: str) -> frozenset[str]:
    """Words of a tag or an interest, normalized the same way everywhere (case, accents, plurals, synonyms).
    Single letters are dropped: they match too much to be evidence of interest."""
    out: set[str] = set()
    for raw in _WORD_SPLIT.split(_fold(text)):
        word = raw.strip("-/")
        if len(word) < 2 or word in _STOPWORDS:
            continue
        word = _stem(word)
        out.add(SYNONYMS.get(word, word))
    return frozenset(out)


# --- values ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Figure:
    """A number that a counselor may read aloud, always with where it came from (a key of
    ``Catalog.sources``, or ``DERIVED_SUM_SOURCE``)."""

    value: float
    source: str


@dataclass(frozen=True, slots=True)
class Wage:
    value: int
    year: int
    source: str


@dataclass(frozen=True, slots=True)
class Course:
    kind: ClassVar[str] = CatalogItemKind.COURSE

    id: str
    title: str
    partner: str
    hours: Figure | None
    level: str
    language: str
    free_credential: bool
    skills: tuple[str, ...]
    hands_on_software: bool = False
    # Filled in by the loader from the collections and certificates that list this course, so membership is
    # stated once in the data and can never disagree with itself.
    collection_ids: tuple[str, ...] = ()
    certificate_ids: tuple[str, ...] = ()

    @property
    def hours_value(self) -> float | None:
        return None if self.hours is None else self.hours.value


@dataclass(frozen=True, slots=True)
class Collection:
    kind: ClassVar[str] = CatalogItemKind.COLLECTION

    id: str
    title: str
    purpose: str
    purpose_source: str
    tags: tuple[str, ...]
    course_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Certificate:
    kind: ClassVar[str] = CatalogItemKind.CERTIFICATE

    id: str
    title: str
    partner: str
    course_ids: tuple[str, ...]
    courses_complete: bool
    hours: Figure | None  # as given in the data, or summed from a complete list of courses, or unknown
    level: str
    languages: tuple[str, ...]
    free_credential: bool
    occupation_socs: tuple[str, ...]
    occupations_source: str | None
    tags: tuple[str, ...]
    credential_note: str | None = None

    @property
    def hours_value(self) -> float | None:
        return None if self.hours is None else self.hours.value


@dataclass(frozen=True, slots=True)
class Occupation:
    soc: str
    title: str
    short_title: str | None
    wage_tier: str | None
    tier_source: str | None
    median_annual_wage: Wage | None = None

    @property
    def label(self) -> str:
        """What a sentence calls this line of work: "computer user support" reads better than the SOC title."""
        return self.short_title or self.title[:1].lower() + self.title[1:]


@dataclass(frozen=True, slots=True)
class Transition:
    """A move people make from one occupation to another, as the seed's chart shows it. ``basis`` says how
    sure we are: "named" pairs are read off the chart; "group" pairs come from its "All other low wage" box."""

    from_soc: str
    to_soc: str
    basis: str
    source: str


CatalogItem = Collection | Certificate | Course


def _freeze(d: Mapping[_K, list[_V]]) -> Mapping[_K, tuple[_V, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in d.items()})


@dataclass(frozen=True, slots=True)
class CatalogIndex:
    """Lookups built once per catalog so one recommendation costs a few dictionary reads per relevant item.

    Courses are referred to by position (``int``) in ``Catalog.courses``: small, hashable and cheap to collect
    in sets while candidates are gathered.
    """

    by_id: Mapping[str, CatalogItem]
    course_pos: Mapping[str, int]
    occupations: Mapping[str, Occupation]
    transitions_from: Mapping[str, tuple[Transition, ...]]
    certificates_by_soc: Mapping[str, tuple[str, ...]]
    #: each tag is matched as a whole phrase: a set of normalized words (see ``interest_keys``)
    course_tags: tuple[frozenset[frozenset[str]], ...]
    tag_courses: Mapping[frozenset[str], tuple[int, ...]]
    certificate_tags: Mapping[str, frozenset[frozenset[str]]]
    collection_tags: Mapping[str, frozenset[frozenset[str]]]
    known_tags: frozenset[frozenset[str]]
    #: positions of courses per language / per (collection, language), easiest and shortest first
    language_courses: Mapping[str, tuple[int, ...]]
    collection_language_courses: Mapping[tuple[str, str], tuple[int, ...]]
    certificate_hands_on: Mapping[str, bool]
    languages: frozenset[str]

    @classmethod
    def build(cls, *, collections: tuple[Collection, ...], certificates: tuple[Certificate, ...],
              courses: tuple[Course, ...], occupations: tuple[Occupation, ...],
              transitions: tuple[Transition, ...]) -> CatalogIndex:
        everything: list[CatalogItem] = [*collections, *certificates, *courses]
        by_id: dict[str, CatalogItem] = {item.id: item for item in everything}
        course_pos = {c.id: i for i, c in enumerate(courses)}

        course_tags = tuple(_tag_keys(c.skills) for c in courses)
        postings: dict[frozenset[str], list[int]] = defaultdict(list)
        for pos, tags in enumerate(course_tags):
            for tag in tags:
                postings[tag].append(pos)

        def easy_first(pos: int) -> tuple[int, bool, float, str]:
            c = courses[pos]
            hours = c.hours_value
            return (LEVEL_RANK.get(c.level, 1), hours is None, hours or 0.0, c.id)

        by_language: dict[str, list[int]] = defaultdict(list)
        for pos, c in enumerate(courses):
            by_language[c.language].append(pos)
        # Within a collection keep the editors' order (they list the best first), easiest level first.
        by_collection_language: dict[tuple[str, str], list[int]] = defaultdict(list)
        for col in collections:
            ranked = sorted(enumerate(col.course_ids), key=lambda e: (
                LEVEL_RANK.get(courses[course_pos[e[1]]].level, 1), courses[course_pos[e[1]]].hours is None, e[0]))
            for _, cid in ranked:
                pos = course_pos[cid]
                by_collection_language[(col.id, courses[pos].language)].append(pos)

        trans: dict[str, list[Transition]] = defaultdict(list)
        for t in transitions:
            trans[t.from_soc].append(t)
        certs_by_soc: dict[str, list[str]] = defaultdict(list)
        cert_tags: dict[str, frozenset[frozenset[str]]] = {}
        cert_hands_on: dict[str, bool] = {}
        for cert in certificates:
            for soc in cert.occupation_socs:
                certs_by_soc[soc].append(cert.id)
            cert_tag_set = set(_tag_keys(cert.tags))
            for cid in cert.course_ids:
                cert_tag_set |= course_tags[course_pos[cid]]
            cert_tags[cert.id] = frozenset(cert_tag_set)
            cert_hands_on[cert.id] = any(courses[course_pos[cid]].hands_on_software for cid in cert.course_ids)
        collection_tags = {col.id: _tag_keys(col.tags) for col in collections}
        known: set[frozenset[str]] = set(postings)
        for tag_keys in (*cert_tags.values(), *collection_tags.values()):
            known |= tag_keys


        return cls(
            by_id=MappingProxyType(by_id),
            course_pos=MappingProxyType(course_pos),
            occupations=MappingProxyType({o.soc: o for o in occupations}),
            transitions_from=_freeze(trans),
            certificates_by_soc=_freeze(certs_by_soc),
            course_tags=course_tags,
            tag_courses=_freeze(postings),
            certificate_tags=MappingProxyType(cert_tags),
            collection_tags=MappingProxyType(collection_tags),
            known_tags=frozenset(known),
            language_courses=MappingProxyType({k: tuple(sorted(v, key=easy_first)) for k, v in by_language.items()}),
            collection_language_courses=_freeze(by_collection_language),
            certificate_hands_on=MappingProxyType(cert_hands_on),
            languages=frozenset(by_language),
        )


def _tag_keys(tags: Iterable[str]) -> frozenset[frozenset[str]]:
    """Curated tags (never titles: "It" in "Putting It All Together" is not about IT), each as the set of its
    normalized words."""
    return frozenset(key for key in (tokenize(tag) for tag in tags) if key)


def interest_keys(interest: str, *, known: frozenset[frozenset[str]]) -> frozenset[frozenset[str]]:
    """The catalog tags an interest matches: those whose words all appear in it. "data analysis" matches the
    tags "data" and "data analysis"; "computers" does not match "computer vision"."""
    words = sorted(tokenize(interest))[:8]
    keys = {frozenset(combo) for size in range(1, min(3, len(words)) + 1)
            for combo in combinations(words, size)}
    return frozenset(keys & known)


@dataclass(frozen=True)
class Catalog:
    """Everything the counselor can recommend. Build it with ``loader.parse_catalog`` (which validates);
    constructing one directly assumes the references are already consistent."""

    schema_version: int
    catalog_version: str
    description: str
    sources: Mapping[str, str]
    collections: tuple[Collection, ...]
    certificates: tuple[Certificate, ...]
    courses: tuple[Course, ...]
    occupations: tuple[Occupation, ...]
    transitions: tuple[Transition, ...]
    index: CatalogIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "index", CatalogIndex.build(
            collections=self.collections, certificates=self.certificates, courses=self.courses,
            occupations=self.occupations, transitions=self.transitions))

    __hash__ = None  # type: ignore[assignment]  # holds mappings; compare by value, never hash

    # --- lookups the UI uses -------------------------------------------------------------------------------
    def item(self, item_id: str) -> CatalogItem | None:
        return self.index.by_id.get(item_id)

    def course(self, course_id: str) -> Course | None:
        item = self.index.by_id.get(course_id)
        return item if isinstance(item, Course) else None

    def certificate(self, certificate_id: str) -> Certificate | None:
        item = self.index.by_id.get(certificate_id)
        return item if isinstance(item, Certificate) else None

    def collection(self, collection_id: str) -> Collection | None:
        item = self.index.by_id.get(collection_id)
        return item if isinstance(item, Collection) else None

    def occupation(self, soc: str | None) -> Occupation | None:
        return None if soc is None else self.index.occupations.get(soc)

    def transitions_from(self, soc: str) -> tuple[Transition, ...]:
        return self.index.transitions_from.get(soc, ())

    def courses_of(self, item_id: str) -> tuple[Course, ...]:
        """The courses a collection or certificate lists, in its order (a course is its own single course)."""
        item = self.item(item_id)
        if isinstance(item, Course):
            return (item,)
        if item is None:
            return ()
        return tuple(self.courses[self.index.course_pos[cid]] for cid in item.course_ids)

    def source_text(self, key: str) -> str:
        if key == DERIVED_SUM_SOURCE:
            return "Sum of the approximate hours of the certificate's courses, computed by the app."
        return self.sources.get(key, key)

    def search_courses(self, words: Iterable[str]) -> tuple[Course, ...]:
        """Courses whose title, partner or skills share a word with ``words`` (for a search box), easiest
        first. A plain scan: it serves a person typing, not the engine."""
        wanted = tokenize(" ".join(words))
        if not wanted:
            return ()
        hits = [c for c in self.courses
                if not wanted.isdisjoint(tokenize(" ".join((c.title, c.partner, *c.skills))))]
        return tuple(sorted(hits, key=lambda c: (LEVEL_RANK.get(c.level, 1), c.id)))
