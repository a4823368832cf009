"""Transactional outbox and audit trail.

Every service write calls these inside its own transaction, so a change, its outbox row and its audit event
commit together or not at all: nothing waits in memory to be "sent later".
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from counselor_app.core.models import AuditEvent, Base, OutboxEntry, utcnow
from counselor_app.core.op_changes import OpChanges, note_changes
from counselor_app.core.vocabulary import OutboxState, Role

# ``Session.info`` key under which ``Store.write`` passes the signed-in counselor's user name (issue 17).
AUTHOR_INFO = "counselor_desk_author"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is at the keyboard; every audit event and record names them."""

    user_id: str | None
    username: str
    display_name: str
    role: str
    center_id: str | None = None
    center_name: str = ""

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMINISTRATOR)

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR


def json_safe(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def record_payload(obj: Base) -> dict[str, Any]:
    """All column values of a record, JSON-ready: the body the server receives."""
    mapper = inspect(obj).mapper
    return {col.key: json_safe(getattr(obj, col.key)) for col in mapper.column_attrs}


def append_change(session: Session, *, entity: str, entity_id: str, op: str, payload: dict[str, Any],
                  base_version: int | None = None) -> OutboxEntry:
    entry = OutboxEntry(change_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id, op=op,
                        base_version=base_version, payload=json_safe(payload), status=OutboxState.QUEUED,
                        author=session.info.get(AUTHOR_INFO))
    session.add(entry)
    note_changes(OpChanges.of_record(entity))
    return entry


def record_audit(session: Session, actor: Actor, action: str, *, entity: str | None = None,
                 entity_id: str | None = None, detail: dict[str, Any] | None = None) -> None:
    """``detail`` must never hold a job seeker's PII; it names ids, counts and filters only."""
    session.add(AuditEvent(at=utcnow(), actor_id=actor.user_id, actor_name=actor.username, action=action,
                           entity=entity, entity_id=entity_id, detail=json_safe(detail or {})))
