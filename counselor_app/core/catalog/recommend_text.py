"""The recommendation engine's sentence tables (English and Spanish) and the number/date formats its
sentences use: every sentence the engine can say, in one place, so it can be translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType

from counselor_app.core.catalog.model import language_name

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
#: The catalog's collection purposes (the catalog data is in English) in the other languages, by collection id;
#: a collection not listed shows its catalog text.
COLLECTION_PURPOSES: Mapping[str, Mapping[str, str]] = MappingProxyType({"es": MappingProxyType({
    "job-readiness": ("Formación en idioma, comunicación, organización personal y habilidades esenciales para "
                      "estar «listo para el empleo»"),
    "bridge-to-postsecondary": ("Cursos alineados con las materias de Common Core para estudiantes del último año "
                                "de secundaria y de colegios comunitarios"),
    "displaced-worker-retraining": ("Colecciones pensadas para que un trabajador se capacite para un puesto de nivel "
                                    "inicial en un área con mucha demanda"),
    "entrepreneurship": ("Una colección dirigida a dueños de pequeños negocios desplazados y a trabajadores "
                         "independientes y de plataformas"),
    "digital-literacy": ("Cursos pensados para que toda la población domine las tecnologías emergentes, los datos "
                         "y la transformación digital"),
    "job-search-self-care": ("Cursos que fomentan la resiliencia de quienes están sin empleo y hacen más eficaz la "
                             "búsqueda de trabajo"),
})})


def collection_purpose(collection_id: str, purpose: str, *, language: str = "en") -> str:
    """A collection's purpose in ``language`` when there are words for it, else the catalog's own text."""
    return COLLECTION_PURPOSES.get(language, {}).get(collection_id, purpose)


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
