"""What the appointment wizard knows, as one typed, versioned object that autosave writes and resume reads.

It replaces a ``dict[str, Any]`` whose keys each step spelled for itself. Autosave stores
:meth:`WizardState.to_json` (``{"version": STATE_VERSION, ...}``) in ``Appointment.wizard_state``; an appointment
saved before the version existed (a plain dict of the same keys, no ``"version"``) is read as version 0 and
upgraded by :meth:`WizardState.from_json`. Unknown keys from a newer desk are kept aside in ``extra`` and written
back, so a downgrade loses nothing.

Mapping-style access (``state.get("issuance")``, ``state["email"] = ...``) remains for scripts and tests, but only
for the field names below: a misspelled key raises ``KeyError`` instead of silently making a new entry.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

#: 1: the first typed version (November 2026). 0: the untyped dict before it.
STATE_VERSION = 1

#: What belongs to the person the appointment is with: dropped when the counselor picks someone else.
PER_PERSON = ("attestation", "refusal", "recommendations", "chosen_ids", "plan", "plan_id", "issuance",
              "background", "background_saved")


@dataclass
class WizardState:
    # the person
    job_seeker_id: str | None = None
    job_seeker_name: str = ""
    email: str = ""
    preferred_language: str = "en"
    # eligibility: {"id", "eligible", "reasons", "notes", "next_step", "answers"}
    attestation: dict[str, Any] | None = None
    # why no license: {"code", "message", "next_step"}
    refusal: dict[str, Any] | None = None
    # background and goals as saved to the record (the recommendations are built from it)
    background: dict[str, Any] | None = None
    background_saved: bool = False
    recommendations: list[Any] | None = None
    chosen_ids: list[str] = field(default_factory=list)
    # the learning plan (``LearningPlan.to_dict()``) and its stored record's id
    plan: dict[str, Any] | None = None
    plan_id: str | None = None
    # the license: {"id", "status", "email", "service_record_id", "block_remaining"}
    issuance: dict[str, Any] | None = None
    # navigation: steps visited (for Back) and each step's half-typed draft
    history: list[str] = field(default_factory=list)
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    # keys written by a newer desk, kept as they were
    extra: dict[str, Any] = field(default_factory=dict)

    def chosen_job_seeker_id(self) -> str:
        """The chosen person's id, for the steps after Find (they are reached only once one is chosen).

        Raises ``LookupError`` if none is chosen yet: a step that ran without a person is a bug, never a record
        written for nobody."""
        if not self.job_seeker_id:
            raise LookupError("No job seeker has been chosen for this appointment yet.")
        return self.job_seeker_id

    # -- persistence ----------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """A JSON-safe copy: ``{"version": STATE_VERSION, <field>: value, ...}`` (``extra`` merged back in)."""
        out: dict[str, Any] = copy.deepcopy(self.extra)
        for f in fields(self):
            if f.name != "extra":
                out[f.name] = copy.deepcopy(getattr(self, f.name))
        out["version"] = STATE_VERSION
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> WizardState:
        """Read any saved version (a missing ``version`` is 0, the untyped dict); values of the wrong type fall
        back to the field's default rather than breaking the resume."""
        raw = dict(data or {})
        raw.pop("version", None)
        state = cls()
        known = {f.name for f in fields(cls)} - {"extra"}
        for key, value in raw.items():
            if key not in known:
                state.extra[key] = copy.deepcopy(value)
                continue
            default = getattr(state, key)
            if value is None or default is None or isinstance(value, type(default)):
                setattr(state, key, copy.deepcopy(value))
        if not isinstance(state.pages, dict):
            state.pages = {}
        state.chosen_ids = [str(i) for i in state.chosen_ids or []]
        state.history = [str(s) for s in state.history or []]
        return state

    def forget_person(self) -> None:
        """A different person: what was recorded for the previous one does not carry over."""
        blank = WizardState()
        for key in PER_PERSON:
            setattr(self, key, copy.deepcopy(getattr(blank, key)))

    # -- mapping-style access, for the field names only -----------------------------------------------------
    def _check(self, key: str) -> str:
        if key == "extra" or key not in {f.name for f in fields(self)}:
            raise KeyError(key)
        return key

    def __getitem__(self, key: str) -> Any:
        return getattr(self, self._check(key))

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, self._check(key), value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key != "extra" and hasattr(self, key) and bool(getattr(self, key))

    def __iter__(self) -> Iterator[str]:
        return iter(f.name for f in fields(self) if f.name != "extra")

    def get(self, key: str, default: Any = None) -> Any:
        value = getattr(self, self._check(key))
        return default if value is None else value

    def update(self, values: Mapping[str, Any]) -> None:
        for key, value in values.items():
            self[key] = value
