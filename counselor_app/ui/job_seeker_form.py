"""The job-seeker form: register, edit, and the background step of the appointment wizard.

Validation lives in the core (``clean_job_seeker``); the form only shows the core's ``field_errors`` next to the
fields they name, so the rules are written once. The e-mail typo check runs as the counselor types, because a
wrong address means the invitation never arrives, and the fix is one click.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counselor_app.core.demo import OCCUPATIONS
from counselor_app.core.op_changes import OpChanges
from counselor_app.core.validation import BARRIERS, display_email, format_us_phone, suggest_email
from counselor_app.ui import labels
from counselor_app.ui.app_context import AppContext
from counselor_app.ui.widgets import error_label, make_helper_chip

REGISTER_FIELDS = ("first_name", "last_name", "email", "phone", "zip_code", "birth_date", "preferred_language",
                   "agency_customer_id", "employment_status", "unemployment_cause", "ui_claimant",
                   "consent_to_contact")
BACKGROUND_FIELDS = ("last_occupation_soc", "last_occupation_title", "goal_soc", "interests", "education",
                     "digital_skill", "preferred_language", "weekly_hours", "barriers")
ALL_FIELDS = REGISTER_FIELDS + ("return_to_work_date", "prefers_text") + tuple(
    f for f in BACKGROUND_FIELDS if f not in REGISTER_FIELDS)

_SOC = re.compile(r"\b(\d{2}-\d{4})\b")


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return f"{value.month:02d}/{value.day:02d}/{value.year}"
    return "" if value is None else str(value)


class JobSeekerForm(QWidget):
    """``changed()`` fires on every edit (the wizard autosaves on it)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, *, fields: Iterable[str] = REGISTER_FIELDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.field_names = tuple(dict.fromkeys(fields))
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.suggest_button: QPushButton | None = None
        self._occupation_model = QStringListModel(self)
        self._occupation_titles: dict[str, str] = {}
        self._fill_occupations()
        for name in self.field_names:
            self._add_field(name)
        # Long lines of empty field are hard to read across; the form keeps a comfortable measure.
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        ctx.events.operation_did_execute.connect(self._on_app_changed)

    # -- building -------------------------------------------------------------------------------------------
    def _label_text(self, name: str) -> str:
        cms = self.ctx.desk.profile.case_management_system
        return {
            "first_name": self.tr("&First name"), "last_name": self.tr("&Last name"),
            "email": self.tr("&E-mail"), "phone": self.tr("&Phone"), "zip_code": self.tr("&ZIP code"),
            "birth_date": self.tr("Date of &birth"), "preferred_language": self.tr("Preferred la&nguage"),
            "agency_customer_id": self.tr("{cms} i&d").format(cms=cms),
            "employment_status": self.tr("Employment stat&us"),
            "unemployment_cause": self.tr("&Cause of unemployment"), "ui_claimant": self.tr("U&I claimant"),
            "return_to_work_date": self.tr("&Return-to-work date"),
            "consent_to_contact": self.tr("C&onsent"),
            "prefers_text": self.tr("Reminders by te&xt"),
            "last_occupation_soc": self.tr("Last &occupation"), "last_occupation_title": self.tr("Last &job title"),
            "goal_soc": self.tr("&Goal occupation"), "interests": self.tr("&Interests"),
            "education": self.tr("&Education"), "digital_skill": self.tr("&Digital skills"),
            "weekly_hours": self.tr("&Hours a week"), "barriers": self.tr("&Barriers"),
        }[name]

    def _combo(self, items: Mapping[Any, str], *, blank: str | None) -> QComboBox:
        combo = QComboBox(self)
        if blank is not None:
            combo.addItem(blank, None)
        for value, text in items.items():
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._emit_changed)
        return combo

    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._emit_changed)
        edit.setClearButtonEnabled(True)
        return edit

    def _occupation_edit(self) -> QLineEdit:
        """A line edit with suggestions ("Customer service representatives — 43-4051"): counselors type a job
        title or a SOC code; whatever they type, the SOC code is what is saved."""
        edit = self._line(self.tr("Type a job title or a SOC code, e.g. 41-2031"))
        completer = QCompleter(self._occupation_model, edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit.setCompleter(completer)
        return edit

    def _occupation_items(self) -> dict[str, str]:
        items: dict[str, str] = {}
        catalog = self.ctx.catalog
        if catalog is not None:
            for occ in getattr(catalog, "occupations", ()):
                items[occ.soc] = occ.title
        for soc, title in OCCUPATIONS:
            items.setdefault(soc, title)
        return items

    def _fill_occupations(self) -> None:
        self._occupation_titles = self._occupation_items()
        self._occupation_model.setStringList(
            [f"{title} — {soc}" for soc, title in sorted(self._occupation_titles.items(),
                                                         key=lambda kv: kv[1].casefold())])

    def occupation_text(self, soc: str | None) -> str:
        if not soc:
            return ""
        title = self._occupation_titles.get(soc)
        return f"{title} — {soc}" if title else soc

    def _add_field(self, name: str) -> None:
        widget: QWidget
        if name in ("first_name", "last_name"):
            widget = self._line()
        elif name == "email":
            widget = self._line(self.tr("name@example.com"))
        elif name == "phone":
            widget = self._line(self.tr("(617) 555-0123"))
        elif name == "zip_code":
            widget = self._line(self.tr("02108"))
        elif name in ("birth_date", "return_to_work_date"):
            widget = self._line(self.tr("MM/DD/YYYY"))
        elif name == "agency_customer_id":
            widget = self._line(self.tr("optional"))
        elif name == "last_occupation_title":
            widget = self._line(self.tr("e.g. Front desk clerk"))
        elif name == "interests":
            widget = self._line(self.tr("e.g. computers, health care, bookkeeping (separate with commas)"))
        elif name == "preferred_language":
            widget = self._combo(labels.language_labels(), blank=None)
        elif name == "education":
            widget = self._combo(labels.education_labels(), blank=self.tr("— not asked yet —"))
        elif name == "employment_status":
            widget = self._combo(labels.employment_status_labels(), blank=self.tr("— not asked yet —"))
        elif name == "unemployment_cause":
            widget = self._combo(labels.unemployment_cause_labels(), blank=self.tr("— not asked yet —"))
        elif name == "ui_claimant":
            widget = self._combo({True: self.tr("Yes"), False: self.tr("No")}, blank=self.tr("— not asked yet —"))
        elif name == "digital_skill":
            widget = self._combo(labels.digital_skill_labels(), blank=self.tr("— not asked yet —"))
        elif name == "weekly_hours":
            spin = QSpinBox(self)
            spin.setRange(0, 80)
            spin.setSpecialValueText(self.tr("— not asked yet —"))
            spin.setSuffix(self.tr(" hours"))
            spin.valueChanged.connect(self._emit_changed)
            widget = spin
        elif name in ("last_occupation_soc", "goal_soc"):
            widget = self._occupation_edit()
        elif name == "consent_to_contact":
            box = QCheckBox(self.tr("Agrees to be contacted about this program"), self)
            box.toggled.connect(self._emit_changed)
            widget = box
        elif name == "prefers_text":
            box = QCheckBox(self.tr("Prefers text messages to e-mail for reminders"), self)
            box.toggled.connect(self._emit_changed)
            widget = box
        elif name == "barriers":
            holder = QWidget(self)
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            names = labels.barrier_labels()
            self._barrier_boxes: dict[str, QCheckBox] = {}
            for i, code in enumerate(BARRIERS):
                box = QCheckBox(names.get(code, code), holder)
                box.setAccessibleName(names.get(code, code))
                box.toggled.connect(self._emit_changed)
                grid.addWidget(box, i // 2, i % 2)
                self._barrier_boxes[code] = box
            widget = holder
        else:
            raise KeyError(name)
        widget.setObjectName(f"field_{name}")
        label = QLabel(self._label_text(name), self)
        # The underlined mnemonic letter is drawn unkerned, a pixel or two wider than measured ("&Teléfono" lost
        # its last letter); a little more width than measured keeps the text whole.
        label.setMinimumWidth(label.sizeHint().width() + max(2, self.fontMetrics().averageCharWidth() // 2))
        focus_target = widget
        if name == "barriers":
            focus_target = next(iter(self._barrier_boxes.values()))
        label.setBuddy(focus_target)
        plain = self._label_text(name).replace("&", "")
        widget.setAccessibleName(plain)
        err = error_label(self)
        err.setObjectName(f"error_{name}")
        err.setAccessibleName(self.tr("Problem with {field}").format(field=plain))
        column = QWidget(self)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        if name == "email":
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            col.addLayout(row)
            self.suggest_button = QPushButton(column)
            self.suggest_button.setObjectName("email_suggestion")
            self.suggest_button.setStyleSheet(
                "QPushButton { background: #fef7e0; color: #7a4f01; border: 1px solid #7a4f01; border-radius: 4px; "
                "padding: 3px 10px; text-align: left; } QPushButton:focus { border: 2px solid #7a4f01; }")
            make_helper_chip(self.suggest_button)
            # Its room is kept while it is hidden: appearing under the mouse, it must not push the fields below
            # down while the counselor is moving to click one of them.
            policy = self.suggest_button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.suggest_button.setSizePolicy(policy)
            self.suggest_button.setVisible(False)
            self.suggest_button.setAccessibleName(self.tr("Use the suggested e-mail address"))
            self.suggest_button.clicked.connect(self.accept_email_suggestion)
            suggest_row = QHBoxLayout()
            suggest_row.addWidget(self.suggest_button)
            suggest_row.addStretch(1)
            col.addLayout(suggest_row)
            assert isinstance(widget, QLineEdit)
            widget.textChanged.connect(self._update_email_suggestion)
        else:
            col.addWidget(widget)
        col.addWidget(err)
        self.form.addRow(label, column)
        # A message from an earlier try goes as soon as its field is changed: it no longer describes the value.
        edited = partial(self._field_edited, name)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(edited)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(edited)
        elif name == "barriers":
            for box in self._barrier_boxes.values():
                box.toggled.connect(edited)
        self.inputs[name] = widget
        self.errors[name] = err

    # -- e-mail suggestion ----------------------------------------------------------------------------------
    def _update_email_suggestion(self, text: str) -> None:
        assert self.suggest_button is not None
        suggestion = suggest_email(text) if text.strip() else None
        self._suggestion = suggestion
        if suggestion:
            self.suggest_button.setText(self.tr("⚠ Did you mean {email}? Use i&t").format(email=suggestion))
            self.suggest_button.setToolTip(self.tr("Replace the address with {email} (Alt+T)").format(
                email=suggestion))
            self.suggest_button.setAccessibleName(self.tr("Use the suggested e-mail address {email}").format(
                email=suggestion))
        self.suggest_button.setVisible(bool(suggestion))

    def accept_email_suggestion(self) -> None:
        suggestion = getattr(self, "_suggestion", None)
        edit = self.inputs.get("email")
        if suggestion and isinstance(edit, QLineEdit):
            edit.setText(suggestion)
            edit.setFocus()
            self.errors["email"].setVisible(False)

    # -- values ---------------------------------------------------------------------------------------------
    def _emit_changed(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        """What the core's ``register``/``update`` take (unfilled optional fields are left out or ``None``)."""
        out: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if name in ("last_occupation_soc", "goal_soc"):
                assert isinstance(widget, QLineEdit)
                text = widget.text().strip()
                m = _SOC.search(text)
                if m:
                    out[name] = m.group(1)
                else:
                    # A typed title that matches one occupation exactly is as good as its code; so are typed
                    # words that the suggestion list (which matches "contains") narrowed to a single occupation.
                    wanted = " ".join(text.split()).casefold()
                    match = [soc for soc, title in self._occupation_titles.items() if title.casefold() == wanted]
                    if not match and wanted:
                        match = [soc for soc, title in self._occupation_titles.items()
                                 if wanted in f"{title} — {soc}".casefold()]
                    out[name] = match[0] if len(match) == 1 else (text or None)
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if name == "interests":
                    out[name] = [p.strip() for p in text.split(",") if p.strip()]
                else:
                    out[name] = text or None
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[name] = float(widget.value()) if widget.value() > 0 else None
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif name == "barriers":
                out[name] = [code for code, box in self._barrier_boxes.items() if box.isChecked()]
        if "preferred_language" in out and out["preferred_language"] is None:
            out["preferred_language"] = "en"
        return out

    def set_values(self, data: Mapping[str, Any] | Any) -> None:
        """Fill from a dict (autosave) or a ``JobSeeker`` record; does not fire ``changed``."""
        def get(name: str) -> Any:
            if isinstance(data, Mapping):
                return data.get(name)
            return getattr(data, name, None)

        self._loading = True
        try:
            for name, widget in self.inputs.items():
                value = get(name)
                if name in ("last_occupation_soc", "goal_soc"):
                    assert isinstance(widget, QLineEdit)
                    widget.setText(self.occupation_text(value) if value and _SOC.fullmatch(str(value))
                                   else str(value or ""))
                elif isinstance(widget, QLineEdit):
                    if name == "interests":
                        widget.setText(", ".join(value or []))
                    elif name == "phone" and value and str(value).isdigit():
                        widget.setText(format_us_phone(str(value)))
                    elif name == "email" and value:
                        widget.setText(display_email(str(value)))  # kim@bücher.example, as typed
                    else:
                        widget.setText(_iso(value))
                elif isinstance(widget, QComboBox):
                    idx = widget.findData(value)
                    widget.setCurrentIndex(max(idx, 0))
                elif isinstance(widget, QSpinBox):
                    widget.setValue(int(round(float(value))) if value else 0)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif name == "barriers":
                    chosen = set(value or [])
                    for code, box in self._barrier_boxes.items():
                        box.setChecked(code in chosen)
        finally:
            self._loading = False
        self.clear_errors()

    # -- errors ---------------------------------------------------------------------------------------------
    def _field_edited(self, name: str, *_args: Any) -> None:
        if self._loading:
            return
        label = self.errors.get(name)
        if label is not None and label.isVisibleTo(self):
            label.setVisible(False)
            label.clear()
            self.inputs[name].setAccessibleDescription("")

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.setVisible(False)
            label.clear()

    def show_errors(self, field_errors: Mapping[str, str]) -> list[str]:
        """Show each message under its field and focus the first; returns messages for fields not on the form."""
        self.clear_errors()
        elsewhere: list[str] = []
        first: QWidget | None = None
        from counselor_app.ui.core_messages import words

        for name, core_message in field_errors.items():
            message = words(core_message)
            label = self.errors.get(name)
            if label is None:
                elsewhere.append(message)
                continue
            label.setText(message)
            label.setVisible(True)
            widget = self.inputs[name]
            widget.setAccessibleDescription(message)
            if first is None:
                first = widget
        if first is not None:
            if first.objectName() == "field_barriers":
                first = next(iter(self._barrier_boxes.values()))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return elsewhere

    def first_input(self) -> QWidget | None:
        return self.inputs.get(self.field_names[0]) if self.field_names else None

    def _on_app_changed(self, changes: OpChanges) -> None:
        if changes.catalog:
            self._fill_occupations()


def save_form(ctx: AppContext, form: JobSeekerForm, *, job_seeker_id: str | None = None,
              expected_version: int | None = None, on_saved: Any = None, on_open_existing: Any = None,
              on_done: Any = None, confirmed_not_duplicate: bool = False) -> None:
    """Register (no id) or update the person from ``form`` in the background.

    Field errors appear next to the fields; a possible duplicate opens ``DuplicateDialog`` (kept on
    ``form.duplicate_dialog`` so tests can answer it); anything else is an error dialog.
    ``on_saved(job_seeker)``, ``on_open_existing(id)`` and ``on_done()`` (always, for re-enabling buttons).
    """
    from counselor_app.core.errors import DuplicateJobSeekerWarning, ValidationError
    from counselor_app.ui.duplicate_dialog import OPEN_EXISTING, SAVE_ANYWAY, DuplicateDialog
    from counselor_app.ui.operations import show_error

    desk = ctx.desk
    values = form.values()
    form.clear_errors()

    def work() -> Any:
        if job_seeker_id:
            return desk.job_seekers.update(job_seeker_id, values, expected_version=expected_version)
        return desk.job_seekers.register(values, confirmed_not_duplicate=confirmed_not_duplicate)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = form.show_errors(exc.field_errors)
            if rest:
                show_error(form, ValidationError({k: m for k, m in exc.field_errors.items()
                                                  if k not in form.errors}))
        elif isinstance(exc, DuplicateJobSeekerWarning):
            dialog = DuplicateDialog(exc.candidates, form)
            form.duplicate_dialog = dialog  # type: ignore[attr-defined]

            def answered(code: int) -> None:
                form.duplicate_dialog = None  # type: ignore[attr-defined]
                dialog.deleteLater()
                if code == OPEN_EXISTING and on_open_existing is not None:
                    on_open_existing(dialog.chosen_id)
                elif code == SAVE_ANYWAY:
                    save_form(ctx, form, on_saved=on_saved, on_open_existing=on_open_existing,
                              on_done=on_done, confirmed_not_duplicate=True)

            dialog.finished.connect(answered)
            dialog.open()
        else:
            show_error(form, exc)

    def finished() -> None:
        if on_done is not None:
            on_done()

    def saved(result: Any) -> None:  # Saved[JobSeeker]: the record, and what the save changed
        if on_saved is not None:
            on_saved(result.record)

    op = ctx.collection_op(form, work, success=saved).failure(failed) \
        .finally_(finished)
    op.with_progress(form.tr("Saving…")).run_in_background()
