"""Both versions of a record, field by field, and the counselor's choice between them.

Shown when the agency server already had a newer version of a record this device changed offline. Nothing is
overwritten until a person decides: keep this device's version, take the server's, or pick per field. The
dialog only collects the decision (``choice``); the sync page applies it in the background.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.vocabulary import Entity
from counselor_app.sync.outbox import LICENSE_ELSEWHERE, ConflictView, FieldDiff
from counselor_app.ui import labels
from counselor_app.ui.widgets import banner, heading, html_escape, paragraph

MINE = "mine"
THEIRS = "theirs"


def _code_labels(field: str) -> dict[str, str]:
    table = {"education": labels.education_labels, "preferred_language": labels.language_labels,
             "employment_status": labels.employment_status_labels,
             "unemployment_cause": labels.unemployment_cause_labels}
    maker = table.get(field)
    return maker() if maker is not None else {}


def display_value(field: str, value: Any, *, empty: str) -> str:
    if value is None or value == "" or value == []:
        return empty
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("ConflictDialog", "Yes")
        return QCoreApplication.translate("ConflictDialog", "No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return _code_labels(field).get(str(value), str(value))


class ConflictDialog(QDialog):
    """``exec()`` then read ``choice``: "mine", "theirs", or {field: "mine" | "theirs"}."""

    def __init__(self, view: ConflictView, parent: QWidget | None = None, *, cms: str = "") -> None:
        super().__init__(parent)
        self.view = view
        self.choice: str | dict[str, str] | None = None
        self._groups: dict[str, QButtonGroup] = {}
        self._rows: list[tuple[FieldDiff, list[QWidget]]] = []
        self.setWindowTitle(self.tr("Two versions of one record"))
        self.setObjectName("conflictDialog")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(view.title, self, level=2))
        explain = banner(self, kind="warn")
        if view.reason_code == LICENSE_ELSEWHERE:  # a second live license for one person, issued at another desk
            explain.setText(html_escape(self.tr(
                "This job seeker was also issued a license in this program at another desk, and a person may hold "
                "only one. Take the server's version to keep the other desk's license (this one is recorded as "
                "revoked), or keep this device's version once an administrator has revoked the other license.")))
        else:
            explain.setText(html_escape(self.tr(
                "Someone else changed this record on the agency server (version {theirs}) while this device "
                "changed it offline (version {mine}). Nothing has been overwritten. Choose which value to keep for "
                "each field that differs.").format(theirs=view.server_version or "?", mine=view.my_version or "?")))
        layout.addWidget(explain)

        self.show_all = QCheckBox(self.tr("Show &all fields, not only those that differ"), self)
        self.show_all.toggled.connect(self._apply_visibility)
        layout.addWidget(self.show_all)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for col, text in enumerate((self.tr("Field"), self.tr("On this device"), self.tr("On the agency server"))):
            head = QLabel(f"<b>{html_escape(text)}</b>", grid_host)
            grid.addWidget(head, 0, col)
        empty = self.tr("(empty)")
        names = labels.job_seeker_field_labels(cms=cms) if view.entity == Entity.JOB_SEEKER else {}
        for row_no, diff in enumerate(view.fields, start=1):
            label = names.get(diff.field, diff.label)
            name = QLabel(label + (" *" if diff.changed_here else ""), grid_host)
            name.setToolTip(self.tr("Changed on this device") if diff.changed_here else "")
            mine = QRadioButton(display_value(diff.field, diff.mine, empty=empty), grid_host)
            theirs = QRadioButton(display_value(diff.field, diff.theirs, empty=empty), grid_host)
            mine.setAccessibleName(self.tr("{field}: keep this device's value").format(field=label))
            theirs.setAccessibleName(self.tr("{field}: take the server's value").format(field=label))
            widgets: list[QWidget] = [name, mine, theirs]
            if diff.differs:
                group = QButtonGroup(self)
                group.addButton(mine)
                group.addButton(theirs)
                (mine if diff.changed_here else theirs).setChecked(True)
                self._groups[diff.field] = group
                group.setObjectName(f"choice_{diff.field}")
                mine.setObjectName(f"mine_{diff.field}")
                theirs.setObjectName(f"theirs_{diff.field}")
            else:
                for button in (mine, theirs):
                    button.setEnabled(False)
                    button.setCheckable(False)
            grid.addWidget(name, row_no, 0)
            grid.addWidget(mine, row_no, 1)
            grid.addWidget(theirs, row_no, 2)
            self._rows.append((diff, widgets))
        grid.setRowStretch(len(view.fields) + 1, 1)  # rows stay together at the top, however tall the dialog
        grid.setColumnMinimumWidth(0, self.fontMetrics().averageCharWidth() * 16)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        layout.addWidget(paragraph(self.tr("* changed on this device since the last sync."), self))

        buttons = QDialogButtonBox(self)
        self.keep_mine = buttons.addButton(self.tr("Keep all of &mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_theirs = buttons.addButton(self.tr("Take all of the &server's"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_choices = buttons.addButton(self.tr("&Use my choices"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use_choices.setDefault(True)
        self.keep_mine.clicked.connect(lambda: self._finish(MINE))
        self.take_theirs.clicked.connect(lambda: self._finish(THEIRS))
        self.use_choices.clicked.connect(lambda: self._finish(self.field_choices()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._apply_visibility(False)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(max(chars * 100, self.sizeHint().width()), min(self.sizeHint().height(), chars * 80))

    def field_choices(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for field, group in self._groups.items():
            checked = group.checkedButton()
            out[field] = MINE if checked is not None and checked.objectName().startswith("mine_") else THEIRS
        return out

    def _apply_visibility(self, show_all: bool) -> None:
        for diff, widgets in self._rows:
            for widget in widgets:
                widget.setVisible(show_all or diff.differs)

    def _finish(self, choice: str | dict[str, str]) -> None:
        self.choice = choice
        self.accept()
