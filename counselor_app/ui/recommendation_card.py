"""One recommendation as a card: what it is, how long, whether it fits before the deadline, and why.

The "why" is the point: a counselor has to explain a suggestion to the person in front of them, in words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counselor_app.ui import labels
from counselor_app.ui.catalog_table_model import format_hours
from counselor_app.ui.widgets import html_escape


def fits_badge(widget: QWidget, fits: bool, hours: float | None, deadline_text: str) -> tuple[str, str]:
    """(text, kind) of the deadline badge."""
    tr = QCoreApplication
    if hours is None:
        return tr.translate("RecommendationCard", "? Length unknown: check the course page"), "warn"
    if fits:
        return tr.translate("RecommendationCard", "✓ Fits before {deadline}").format(deadline=deadline_text), "ok"
    return tr.translate("RecommendationCard", "✗ Does not fit before {deadline}").format(
        deadline=deadline_text), "error"


BADGE_STYLES = {"ok": "background:#e6f4ea; color:#1e6b2f; border:1px solid #1e6b2f;",
                "warn": "background:#fef7e0; color:#7a4f01; border:1px solid #7a4f01;",
                "error": "background:#fce8e6; color:#a50e0e; border:1px solid #a50e0e;"}


class RecommendationCard(QFrame):
    """``toggled_plan(id, checked)`` and ``toggled_compare(id, checked)``."""

    toggled_plan = Signal(str, bool)
    toggled_compare = Signal(str, bool)

    def __init__(self, rec: Any, *, rank: int, deadline_text: str, item: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rec = rec
        self.setObjectName(f"card_{rec.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("RecommendationCard { border: 1px solid palette(mid); border-radius: 6px; }")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(f"{rank}. {rec.title}", self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        title.setWordWrap(True)
        top.addWidget(title, 1)
        text, kind = fits_badge(self, rec.fits_deadline, rec.hours, deadline_text)
        self.badge = QLabel(text, self)
        self.badge.setObjectName("fits_badge")
        self.badge.setStyleSheet(f"QLabel {{ {BADGE_STYLES[kind]} border-radius: 8px; padding: 2px 8px; }}")
        top.addWidget(self.badge)
        layout.addLayout(top)
        facts = [labels.kind_labels().get(rec.kind, rec.kind), format_hours(rec.hours)]
        if item is not None and getattr(item, "level", None):
            facts.append(labels.level_labels().get(item.level, item.level))
        if item is not None and getattr(item, "free_credential", False):
            facts.append(self.tr("free credential"))
        info = QLabel(" · ".join(facts), self)
        info.setWordWrap(True)
        layout.addWidget(info)
        if rec.reasons:
            why = QLabel("<b>" + html_escape(self.tr("Why:")) + "</b><ul style='margin:0'>"
                         + "".join(f"<li>{html_escape(r)}</li>" for r in rec.reasons) + "</ul>", self)
            why.setWordWrap(True)
            layout.addWidget(why)
        row = QHBoxLayout()
        self.plan_box = QCheckBox(self.tr("Add to the plan"), self)
        self.plan_box.setObjectName("add_to_plan")
        self.plan_box.setAccessibleName(self.tr("Add {title} to the plan").format(title=rec.title))
        self.plan_box.toggled.connect(lambda on: self.toggled_plan.emit(rec.id, on))
        self.compare_box = QCheckBox(self.tr("Compare"), self)
        self.compare_box.setObjectName("compare")
        self.compare_box.setAccessibleName(self.tr("Compare {title}").format(title=rec.title))
        self.compare_box.toggled.connect(lambda on: self.toggled_compare.emit(rec.id, on))
        row.addWidget(self.plan_box)
        row.addWidget(self.compare_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.setAccessibleName(rec.title)
        self.setAccessibleDescription(" ".join(rec.reasons))
