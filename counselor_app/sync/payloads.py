"""What each synced record looks like on the wire: one payload schema per entity, made from the desk's own tables.

The desk sends a record's columns (``core.changes.record_payload``), so the schema is read off the same
SQLAlchemy models: a ``String(120)`` column is a string of at most 120 characters, a nullable column may be
null, an ``Integer`` is a 64-bit integer, and so on; the vocabularies (statuses, languages, causes) are the tuples
the desk's validators use. A record the desk can save is therefore a record the server can read, and nothing
else is: unknown fields, wrong types, over-long strings, non-finite numbers and nesting deeper than a field
allows are refused. The schemas go into the OpenAPI document (``components/schemas/<Entity>Payload``).

Dates and times travel as ISO 8601 strings and are checked, not converted: the server stores what was sent.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    WithJsonSchema,
    create_model,
)
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text, inspect

from counselor_app.core.job_seekers import MAX_INTEREST_CHARS, MAX_INTERESTS
from counselor_app.core.vocabulary import AppointmentKind, ChangeOp, Entity, PlaceKind

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
TEXT_MAX = 20_000  # Text columns: a case note is at most 10,000 characters on the desk
JSON_MAX_DEPTH = 6  # free-form JSON columns (a learning plan): objects in lists in objects, and no deeper
JSON_MAX_ITEMS = 500

# Columns a device keeps to itself (the wizard's draft): never sent, so never accepted.
LOCAL_ONLY: dict[str, frozenset[str]] = {"appointment": frozenset({"wizard_step", "wizard_state"})}


def _vocabularies() -> dict[tuple[str, str], tuple[str, ...]]:
    # Imported here: the desk's validators are the one source of these words.
    from counselor_app.core.appointments import OUTCOMES
    from counselor_app.core.models import APPOINTMENT_STATUSES, LICENSE_STATUSES
    from counselor_app.core.validation import (
        EDUCATION_LEVELS,
        EMPLOYMENT_STATUSES,
        LANGUAGES,
        UNEMPLOYMENT_CAUSES,
    )

    return {
        ("job_seeker", "preferred_language"): LANGUAGES,
        ("job_seeker", "education"): EDUCATION_LEVELS,
        ("job_seeker", "employment_status"): EMPLOYMENT_STATUSES,
        ("job_seeker", "unemployment_cause"): UNEMPLOYMENT_CAUSES,
        ("appointment", "status"): APPOINTMENT_STATUSES,
        ("appointment", "kind"): (AppointmentKind.SCHEDULED, AppointmentKind.WALK_IN),
        ("appointment", "place_kind"): (PlaceKind.CENTER, PlaceKind.OUTREACH),
        (Entity.APPOINTMENT, "outcome"): OUTCOMES,
        ("license_issuance", "status"): LICENSE_STATUSES,
    }


def _barriers() -> tuple[str, ...]:
    from counselor_app.core.validation import BARRIERS

    return BARRIERS


def json_depth(value: Any, *, limit: int = 64) -> int:
    """Nesting depth of a JSON value (a scalar is 0, ``[]`` is 1), counted without recursion and never past
    ``limit + 1``, so a hostile 100,000-level value costs no more than a shallow one."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            stack.extend((v, depth) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _iso_date(value: str) -> str:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError("not a date (YYYY-MM-DD)") from None
    if len(value) > 10 and value[10:11] not in ("T", " "):
        raise ValueError("not a date (YYYY-MM-DD)")
    return value


def _iso_datetime(value: str) -> str:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("not a date and time (ISO 8601)") from None
    return value


def _bounded_json(value: Any) -> Any:
    if json_depth(value, limit=JSON_MAX_DEPTH) > JSON_MAX_DEPTH:
        raise ValueError(f"nested deeper than {JSON_MAX_DEPTH} levels")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


IsoDate = Annotated[StrictStr, Field(max_length=32), AfterValidator(_iso_date),
                    WithJsonSchema({"type": "string", "format": "date", "maxLength": 32})]
IsoDateTime = Annotated[StrictStr, Field(max_length=40), AfterValidator(_iso_datetime),
                        WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40})]
Int64 = Annotated[StrictInt, Field(ge=INT64_MIN, le=INT64_MAX)]
Number = Annotated[StrictFloat | StrictInt, AfterValidator(_finite),
                   WithJsonSchema({"type": "number", "description": "finite"})]
Word = Annotated[StrictStr, Field(max_length=200)]
BoundedJson = Annotated[dict[str, Any], AfterValidator(_bounded_json),
                        WithJsonSchema({"type": "object", "description": f"free-form JSON, at most "
                                        f"{JSON_MAX_DEPTH} levels deep"})]

# JSON columns whose shape is known: typed, not free-form. Bounds are the desk's own (``core.job_seekers``).
_JSON_SHAPES: dict[tuple[str, str], Any] = {
    ("job_seeker", "interests"): Annotated[list[Annotated[StrictStr, Field(max_length=MAX_INTEREST_CHARS)]],
                                           Field(max_length=MAX_INTERESTS)],
    ("eligibility_attestation", "reasons"): Annotated[list[Annotated[StrictStr, Field(max_length=2000)]],
                                                      Field(max_length=50)],
    ("eligibility_attestation", "answers"): Annotated[
        dict[Annotated[str, Field(max_length=80)], StrictStr | StrictBool | Int64 | Number | None | list[Word]],
        Field(max_length=100)],
}


def _column_type(entity: str, name: str, column: Any) -> Any:
    kind = column.type
    words = _vocabularies().get((entity, name))
    if words:
        return Literal[words]
    if (entity, name) == ("job_seeker", "barriers"):
        return Annotated[list[Literal[_barriers()]], Field(max_length=20)]  # type: ignore[misc]
    if (entity, name) in _JSON_SHAPES:
        return _JSON_SHAPES[(entity, name)]
    if isinstance(kind, JSON):
        return BoundedJson
    if isinstance(kind, DateTime):
        return IsoDateTime
    if isinstance(kind, Date):
        return IsoDate
    if isinstance(kind, Boolean):
        return StrictBool
    if isinstance(kind, Integer):
        return Int64
    if isinstance(kind, Float):
        return Number
    if isinstance(kind, Text):
        return Annotated[StrictStr, Field(max_length=TEXT_MAX)]
    if isinstance(kind, String):
        return Annotated[StrictStr, Field(max_length=kind.length or TEXT_MAX)]
    return StrictStr


# Fields a record carries on the wire that are no column of the desk's table: the day of the invitation file
# that holds a license (the desk keeps it in its invitation batch row).
_WIRE_ONLY: dict[str, dict[str, Any]] = {Entity.LICENSE_ISSUANCE: {"invited_for": IsoDate},
                                         # the center's time zone, for the server's words about a clash
                                         Entity.APPOINTMENT_BOOKING: {"time_zone": Annotated[StrictStr,
                                                                                           Field(max_length=64)]}}


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")


@cache
def payload_model(entity: str) -> type[BaseModel] | None:
    """The pydantic model of one entity's payload (every field optional: an update names only what changed;
    ``required_fields`` lists what a create must name). None for an entity the protocol does not carry."""
    from counselor_app.sync.local_records import LOCAL_MODELS

    model = LOCAL_MODELS.get(entity)
    if model is None:
        return None
    fields: dict[str, Any] = {}
    for attr in inspect(model).column_attrs:
        if attr.key in LOCAL_ONLY.get(entity, frozenset()):
            continue
        column = attr.columns[0]
        annotation = _column_type(entity, attr.key, column)
        if column.nullable and not column.primary_key:
            annotation = annotation | None
        # Default None without validating it: "not sent" is allowed, an explicit null only where nullable.
        fields[attr.key] = (annotation, None)
    for key, annotation in _WIRE_ONLY.get(entity, {}).items():
        fields[key] = (annotation | None, None)
    name = "".join(part.capitalize() for part in entity.split("_")) + "Payload"
    return create_model(name, __base__=_Payload, **fields)


@cache
def required_fields(entity: str) -> tuple[str, ...]:
    """Fields a create must carry, non-null: the columns the desk's table requires (no default, not null)."""
    from counselor_app.sync.local_records import LOCAL_MODELS

    model = LOCAL_MODELS.get(entity)
    if model is None:
        return ()
    out = []
    for attr in inspect(model).column_attrs:
        column = attr.columns[0]
        if column.primary_key or column.nullable or column.default is not None:
            continue
        if attr.key in LOCAL_ONLY.get(entity, frozenset()):
            continue
        out.append(attr.key)
    return tuple(out)


def payload_problem(entity: str, op: str, payload: dict[str, Any]) -> str | None:
    """Why the payload is not a well-formed ``entity`` record, in a sentence naming the fields; None if it is."""
    model = payload_model(entity)
    if model is None:
        return None  # the caller answers "unknown entity"
    try:
        model.model_validate(payload)
    except ValidationError as exc:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ())) or "payload"
            if err.get("type") == "extra_forbidden":
                parts.append(f"'{where[:60]}' is not a field of this record")
            else:
                parts.append(f"'{where[:60]}': {_short(err)}")
        return "The record is not in the protocol's format: " + "; ".join(parts) + "."
    if op == ChangeOp.CREATE:
        missing = [name for name in required_fields(entity) if payload.get(name) is None]
        if missing:
            return "The record is missing " + ", ".join(f"'{m}'" for m in missing) + "."
    return None


def _short(err: Any) -> str:
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind == "string_too_long":
        return f"at most {ctx.get('max_length')} characters"
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} items"
    if kind == "literal_error":
        return "not one of the allowed values"
    if kind in ("less_than_equal", "greater_than_equal"):
        return "a number out of range (64-bit integers only)"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "wrong type (" + kind.replace("_type", "").replace("_parsing", "").replace("_", " ") + " expected)"
    message = str(err.get("msg", "not valid"))
    return message.removeprefix("Value error, ")[:120]


def payload_schemas() -> dict[str, dict[str, Any]]:
    """``{"JobSeekerPayload": <JSON schema>, ...}`` for the OpenAPI document."""
    from counselor_app.sync import protocol as p

    out: dict[str, dict[str, Any]] = {}
    for entity in p.SYNCED_ENTITIES:
        model = payload_model(entity)
        if model is None:
            continue
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schema.pop("$defs", None)
        for prop in schema.get("properties", {}).values():
            if prop.get("default", ...) is None:
                del prop["default"]  # "not sent" is not a value: a field left out is left as it is
        schema["description"] = (f"The payload of a '{entity}' change. A create must name "
                                 f"{', '.join(required_fields(entity)) or 'no particular field'}; an update names "
                                 "only what changed. Unknown fields are refused.")
        out[model.__name__] = schema
    return out
