"""Find English left in the Spanish UI: any sentence of the app's own catalog (the Spanish .ts file's English
sources, and the core's message templates) showing on a live window.

A sentence counts when its translation differs from it and a piece of it between placeholders has at least three
words (short words such as "Email" or "ZIP code" can be the same in both languages, or be data).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from counselor_app.ui.i18n import TRANSLATIONS_DIR

_PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|%\d|<[^>]+>")
_TAG = re.compile(r"<[^>]+>")


@cache
def english_fragments() -> frozenset[str]:
    from counselor_app.ui.core_messages import CATALOG

    sources: list[str] = []
    root = ET.parse(TRANSLATIONS_DIR / "counselor_desk_es.ts").getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
        if source and all(form.strip() != source.strip() for form in forms):
            sources.append(source)
    sources += list(CATALOG.values())
    fragments = set()
    for source in sources:
        for piece in _PLACEHOLDER.split(source.replace("&", "")):
            piece = " ".join(piece.split()).strip(" .,:;()“”\"'—-…")
            if len(piece.split()) >= 3:
                fragments.add(piece.casefold())
    return frozenset(fragments)


def _for_the_job_seeker(widget: QWidget) -> bool:
    """Texts told to the job seeker in *their* language (``reader`` = "job_seeker"), and the agency server's own
    words quoted as such (``reader`` = "agency_server"): not the app's sentences."""
    while widget is not None:
        if widget.property("reader") in ("job_seeker", "agency_server"):
            return True
        widget = widget.parentWidget()
    return False


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a person can read now: labels, buttons, group titles, fields, tabs, list rows."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or _for_the_job_seeker(widget):
            continue
        name = f"{type(widget).__name__}:{widget.objectName() or '?'}"
        if isinstance(widget, QLabel):
            text = widget.text()
            if widget.textFormat() != Qt.TextFormat.PlainText:
                text = html.unescape(_TAG.sub(" ", text))
            out.append((name, text))
        elif isinstance(widget, QAbstractButton):
            out.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            out += [(name, widget.placeholderText()), (name, widget.text())]
        elif isinstance(widget, QComboBox):
            out += [(name, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            out += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:  # list models keep columnCount private: they have one
                columns = 1
            for row in range(min(model.rowCount(), 60)):
                for col in range(columns):
                    value = model.index(row, col).data()
                    if isinstance(value, str):
                        out.append((f"{name}[{row},{col}]", value))
            for col in range(columns):
                header = model.headerData(col, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    out.append((f"{name} header", header))
    return out


def english_on_screen(window: QWidget) -> list[str]:
    fragments = english_fragments()
    found = []
    for where, text in visible_texts(window):
        folded = " ".join(text.replace("&", "").split()).casefold()
        if not folded:
            continue
        hits = [f for f in fragments if f in folded]
        if hits:
            found.append(f"{where}: {text[:100]!r} has {hits[0]!r}")
    return found
