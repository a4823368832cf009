"""Agency profiles: one JSON file per state in ``resources/profiles``, so a new state is data, not code.

A deployment can override any key (dates, pool size, labels) with a file of the same name in the data folder's
``profiles/`` directory; the override is merged key by key over the shipped file.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message
from counselor_app.core.paths import resources_dir


class ProfileError(CounselorDeskError):
    pass


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    type: str  # choice | yes_no
    required: bool
    options: tuple[tuple[str, str], ...] = ()  # (value, label)


@dataclass(frozen=True, slots=True)
class Program:
    id: str
    name: str
    provider: str
    starts_on: date
    issue_by: date
    enroll_by: date
    complete_by: date
    license_pool: int | None


@dataclass(frozen=True, slots=True)
class AgencyProfile:
    id: str
    state: str
    state_name: str
    agency_name: str
    case_management_system: str
    service_label: str
    service_category: str
    funding_note: str
    program: Program
    attestation_version: str
    attestation_text: str
    questions: tuple[Question, ...]
    eligibility: dict[str, Any]
    contact: dict[str, str]
    invitation: dict[str, str]
    source: str = ""
    administrators_per_board: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


def available_profiles(*, data_dir: Path | None = None) -> list[str]:
    ids = {p.stem for p in (resources_dir() / "profiles").glob("*.json")}
    if data_dir is not None:
        ids |= {p.stem for p in (data_dir / "profiles").glob("*.json")}
    return sorted(ids)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ProfileError(Message(
                "profiles.agency_profile_valid",
                "The agency profile {name} is not valid JSON ({exc}).", name=path.name, exc=str(exc))) from None
    if not isinstance(data, dict):
        raise ProfileError(Message(
                "profiles.agency_profile_must",
                "The agency profile {name} must be a JSON object.", name=path.name))
    return data


def localize(raw: dict[str, Any], language: str | None) -> dict[str, Any]:
    """The profile's texts in ``language`` where the file has them (``translations.<lang>``), else as written.

    Only what a job seeker reads or hears changes (attestation, questions, verdict reasons, how the invitation
    arrives, who to call); the case-management labels and the rules stay as the state wrote them. The attestation
    version records the language, so a stored attestation says which text the person agreed to.
    """
    tr = raw.get("translations", {}).get(language or "", None)
    if not tr:
        return raw
    out = copy.deepcopy(raw)
    for section in ("contact", "invitation"):
        out[section] = _merge(out.get(section, {}), tr.get(section, {}))
    att_tr = tr.get("attestation", {})
    att = out["attestation"]
    if "text" in att_tr:
        att["text"] = att_tr["text"]
        att["version"] = f"{att['version']}/{language}"
    for question in att["questions"]:
        q_tr = att_tr.get("questions", {}).get(question["id"], {})
        question["text"] = q_tr.get("text", question["text"])
        for option in question.get("options", ()):
            option["label"] = q_tr.get("options", {}).get(option["value"], option["label"])
    el_tr = tr.get("eligibility", {})
    el = out["eligibility"]
    for rule, text in zip(el.get("requirements", ()), el_tr.get("requirements", ()), strict=False):
        rule["fail"] = text
    for pathway in el.get("pathways", ()):
        pathway["label"] = el_tr.get("pathways", {}).get(pathway["id"], pathway["label"])
    for note, text in zip(el.get("notes", ()), el_tr.get("notes", ()), strict=False):
        note["text"] = text
    for key in ("no_pathway", "next_step_if_not_eligible", "eligible_reason"):
        if key in el_tr:
            el[key] = el_tr[key]
    return out


def load_profile(profile_id: str, *, data_dir: Path | None = None, language: str | None = None) -> AgencyProfile:
    shipped = resources_dir() / "profiles" / f"{profile_id}.json"
    override = data_dir / "profiles" / f"{profile_id}.json" if data_dir is not None else None
    raw: dict[str, Any] = {}
    if shipped.exists():
        raw = _read_json(shipped)
    if override is not None and override.exists():
        raw = _merge(raw, _read_json(override))
    if not raw:
        known = ", ".join(available_profiles(data_dir=data_dir))
        raise ProfileError(Message(
                "profiles.there_agency_profile",
                "There is no agency profile named '{profile_id}'. Known profiles: {known}.", profile_id=profile_id, known=known))
    return parse_profile(localize(raw, language))


def _date(raw: dict[str, Any], key: str, where: str) -> date:
    try:
        return date.fromisoformat(str(raw[key]))
    except KeyError:
        raise ProfileError(Message(
                "profiles.agency_profile_missing",
                "The agency profile is missing {where}.{key}.", where=where, key=key)) from None
    except ValueError:
        raise ProfileError(Message(
                "profiles.agency_profile_date",
                "{where}.{key} in the agency profile is not a date (YYYY-MM-DD).", where=where, key=key)) from None


def parse_profile(raw: dict[str, Any]) -> AgencyProfile:
    try:
        prog = raw["program"]
        program = Program(
            id=str(prog["id"]), name=str(prog["name"]), provider=str(prog.get("provider", "")),
            starts_on=_date(prog, "starts_on", "program"), issue_by=_date(prog, "issue_by", "program"),
            enroll_by=_date(prog, "enroll_by", "program"), complete_by=_date(prog, "complete_by", "program"),
            license_pool=None if prog.get("license_pool") is None else int(prog["license_pool"]),
        )
        att = raw["attestation"]
        questions = tuple(
            Question(id=str(q["id"]), text=str(q["text"]), type=str(q["type"]), required=bool(q.get("required")),
                     options=tuple((str(o["value"]), str(o["label"])) for o in q.get("options", ())))
            for q in att["questions"]
        )
        profile = AgencyProfile(
            id=str(raw["id"]), state=str(raw["state"]), state_name=str(raw["state_name"]),
            agency_name=str(raw["agency_name"]), case_management_system=str(raw["case_management_system"]),
            service_label=str(raw["service_label"]),
            service_category=str(raw.get("service_category", "career_service_referral")),
            funding_note=str(raw.get("funding_note", "")), program=program,
            attestation_version=str(att["version"]), attestation_text=str(att["text"]), questions=questions,
            eligibility=dict(raw["eligibility"]), contact=dict(raw.get("contact", {})),
            invitation=dict(raw.get("invitation", {})), source=str(raw.get("source", "")),
            administrators_per_board=raw.get("administrators_per_board"), raw=raw,
        )
    except KeyError as exc:
        raise ProfileError(Message(
                "profiles.agency_profile_missing_2",
                "The agency profile is missing the field {value!r}.", value=exc.args[0])) from None
    except (TypeError, ValueError) as exc:
        raise ProfileError(Message(
                "profiles.agency_profile_value",
                "The agency profile has a value of the wrong kind ({exc}).", exc=str(exc))) from None
    if not (program.starts_on <= program.issue_by and program.enroll_by <= program.complete_by):
        raise ProfileError(Message(
                "profiles.dates_out_of_order",
                "The agency profile's program dates are out of order (start, issue-by, enroll-by, "
                "complete-by)."))
    if program.license_pool is not None and program.license_pool < 0:
        raise ProfileError(Message(
                "profiles.pool_negative",
                "The agency profile's license pool cannot be negative."))
    from counselor_app.core.eligibility import check_rules  # the rules refer to the questions

    check_rules(profile)
    return profile


def write_override(data_dir: Path, profile_id: str, override: dict[str, Any]) -> Path:
    """Used by the demo to move the program window around today; deployments edit the file by hand."""
    target = data_dir / "profiles" / f"{profile_id}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    existing = _read_json(target) if target.exists() else {}
    target.write_text(json.dumps(_merge(existing, override), indent=2), encoding="utf-8")
    return target
