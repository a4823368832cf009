"""Loading the app's translation (``translations/counselor_desk_<lang>.qm``) and Qt's own for standard buttons."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
SUPPORTED = ("en", "es")

_installed: list[QTranslator] = []


def install_translators(language: str) -> list[QTranslator]:
    """Install translators for ``language`` on the running application.

    English is the source language, but it still has a small translation file: Qt writes plurals ("%n record(s)")
    through the translator, so English needs one to say "1 record" and "2 records".
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Create the QApplication before installing translators.")
    remove_translators()
    if language not in SUPPORTED:
        language = "en"
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
