"""Loading the app's translation (``translations/counselor_desk_<lang>.qm``) and Qt's own for standard buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
SUPPORTED = ("en", "es")

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    """The language of the app's texts, as last installed ("en" or "es")."""
    return _current


def document_language(preferred: object) -> str:
    """The language of what a job seeker takes home: Spanish for "es", else English (the app has only those)."""
    return "es" if preferred == "es" else "en"


class DocumentTexts:
    """One language's translations for a document in a language other than the app's (the job seeker's handout).

    The translator is loaded but never installed, so the app's screens keep their language. Call it as
    ``texts.translate("context", "literal")`` so pyside6-lupdate finds the text; the source text is English.
    """

    def __init__(self, language: str) -> None:
        self.language = language if language in SUPPORTED else "en"
        self._translator: QTranslator | None = None  # kept alive for _lookup
        self._lookup: Callable[..., str | None] | None = None
        if self.language != "en":
            translator = QTranslator()
            if translator.load(f"counselor_desk_{self.language}", str(TRANSLATIONS_DIR)):
                self._translator = translator
                # Looked up through the bound method: the literals lupdate reads are at the callers.
                self._lookup = translator.translate
            else:
                log.warning("No translation file for %s in %s", self.language, TRANSLATIONS_DIR)

    def translate(self, context: str, text: str) -> str:
        if self._lookup is not None:
            return self._lookup(context, text) or text
        return text


def install_translators(language: str) -> list[QTranslator]:
    """Install translators for ``language`` on the running application.

    English is the source language, but it still has a small translation file: Qt writes plurals ("%n record(s)")
    through the translator, so English needs one to say "1 record" and "2 records".
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Create the QApplication before installing translators.")
    global _current
    remove_translators()
    if language not in SUPPORTED:
        language = "en"
    _current = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)
        if plurals.load("counselor_desk_en", str(TRANSLATIONS_DIR)):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return list(_installed)
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(f"counselor_desk_{language}", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("No translation file for %s in %s", language, TRANSLATIONS_DIR)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return list(_installed)


def remove_translators() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
