"""What an operation changed, reported by the core (after Anki's ``OpChanges``).

The UI must know what to refresh after a save, an import or a sync, and only the code that wrote knows what it
wrote: a hand-written list beside each button ("this one touches licenses and the outbox") is the list that goes
stale when a service starts writing something new. So the core notes its changes where it writes them
(``append_change`` notes the record's area and the outbox, ``Desk.save_settings`` notes the settings, an
import notes learner progress, ...), and whoever runs an operation collects them::

    with collect_changes() as journal:
        desk.licenses.issue(...)
    journal.changes  # OpChanges(licenses=True, outbox=True)

The UI's background helper (``ui/operations.py``) does exactly that around every ``CollectionOp`` and fires one
app-level ``operation_did_execute(OpChanges)`` signal; each page refreshes on the fields that concern it.
Notes are kept per thread of execution (a ``ContextVar``), so two operations on two workers never mix.

Services return typed results that carry what they changed: their own result dataclass with a ``changes`` field,
``Saved[T]`` (the record written, e.g. a job seeker or an appointment) or ``Written`` (nothing else to return);
``returns_changes`` fills ``changes`` from the notes the call made. The journal is how the notes travel from
where the core writes (``append_change``, ``Desk.save_settings``) up to the service's result.
Nothing here imports Qt or the database: the server and the CLI may use it as well.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Generic, ParamSpec, TypeVar

from counselor_app.core.vocabulary import Entity


@dataclass(frozen=True, slots=True)
class OpChanges:
    """Which parts of the desk an operation changed; each field is one thing a view may show."""

    job_seekers: bool = False  # a job seeker was registered or edited
    appointments: bool = False  # an appointment started, autosaved its wizard, or ended
    attestations: bool = False  # an eligibility attestation was recorded
    plans: bool = False  # a learning plan was saved
    licenses: bool = False  # a license was issued or changed, or the pool/block moved
    outbox: bool = False  # something was queued for (or sent to / received from) the server
    settings: bool = False  # desk.settings changed and was saved
    catalog: bool = False  # the catalog was (re)loaded
    sync: bool = False  # a sync finished (successfully or not)
    progress: bool = False  # learner progress was imported
    outcomes: bool = False  # an outcome was proposed, reviewed or marked entered
    reminders: bool = False  # a reminder was sent, or its relay settings changed
    outreach: bool = False  # a campaign, contact attempt, referral, booking or waiting-list entry changed

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                            for f in dataclasses.fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))

    def names(self) -> tuple[str, ...]:
        """The changed parts by field name, in declaration order (for logs and tests)."""
        return tuple(f.name for f in dataclasses.fields(self) if getattr(self, f.name))

    def touches(self, *names: str) -> bool:
        """True when any of the named parts changed: ``changes.touches("licenses", "progress")``."""
        return any(getattr(self, name) for name in names)

    @classmethod
    def of(cls, *names: str) -> OpChanges:
        """``OpChanges.of("licenses", "outbox")``; an unknown name is a ``TypeError``, not a silent no-op."""
        return cls(**dict.fromkeys(names, True))

    @classmethod
    def of_record(cls, entity: str) -> OpChanges:
        """What queuing a change to one ``entity`` record changes: its own part of the desk and the outbox."""
        return cls.of(_AREA_OF_ENTITY.get(entity, "outbox"), "outbox")


NO_CHANGES = OpChanges()


@dataclass(frozen=True, slots=True)
class Written:
    """The typed result of a write that has nothing else to return (cancel a booking, release a claim, ...):
    only what it changed."""

    changes: OpChanges = NO_CHANGES


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Saved(Generic[T]):
    """The typed result of a write that returns the record it wrote (a learning plan, a case note, a license
    whose status changed): the record, detached from its session, and what the write changed."""

    record: T
    changes: OpChanges = NO_CHANGES

_AREA_OF_ENTITY: dict[str, str] = {
    Entity.JOB_SEEKER: "job_seekers",
    Entity.APPOINTMENT: "appointments",
    Entity.CASE_NOTE: "appointments",
    Entity.ELIGIBILITY_ATTESTATION: "attestations",
    Entity.LEARNING_PLAN: "plans",
    Entity.LICENSE_ISSUANCE: "licenses",
    Entity.CASE_SERVICE: "licenses",
    Entity.OUTCOME: "outcomes",
    Entity.REMINDER_SEND: "reminders",
    Entity.OUTREACH_CAMPAIGN: "outreach",
    Entity.CAMPAIGN_CONTACT: "outreach",
    Entity.OUTREACH_ATTEMPT: "outreach",
    Entity.APPOINTMENT_BOOKING: "outreach",
    Entity.WAITING_ENTRY: "outreach",
}


@dataclass(slots=True)
class ChangeJournal:
    """What the core noted while a ``collect_changes()`` block ran."""

    changes: OpChanges = field(default_factory=OpChanges)


_JOURNALS: ContextVar[tuple[ChangeJournal, ...]] = ContextVar("counselor_change_journals", default=())


def note_changes(changes: OpChanges) -> None:
    """Called by the core where it writes: every open journal of this thread of execution records it."""
    for journal in _JOURNALS.get():
        journal.changes = journal.changes | changes


@contextmanager
def collect_changes() -> Iterator[ChangeJournal]:
    """Collect what the core changes inside the block (nested blocks each see their own and the inner ones')."""
    journal = ChangeJournal()
    token = _JOURNALS.set((*_JOURNALS.get(), journal))
    try:
        yield journal
    finally:
        _JOURNALS.reset(token)


P = ParamSpec("P")
R = TypeVar("R")


def returns_changes(func: Callable[P, R]) -> Callable[P, R]:
    """A service call whose typed result says what it changed: the result (a dataclass with a ``changes:
    OpChanges`` field) comes back with ``changes`` set to what the call noted while it ran. The notes still reach
    any enclosing ``collect_changes()`` (the UI's operation helper), so work that makes several calls loses
    nothing."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collect_changes() as journal:
            result = func(*args, **kwargs)
        return with_changes(result, journal.changes)

    return wrapper


def with_changes(result: R, changes: OpChanges) -> R:
    """``result`` with its ``changes`` field set (a frozen dataclass is copied, a mutable one updated)."""
    if not dataclasses.is_dataclass(result) or isinstance(result, type):
        return result
    params: Any = getattr(type(result), "__dataclass_params__", None)
    if params is not None and params.frozen:
        return dataclasses.replace(result, changes=changes)
    result.changes = changes  # type: ignore[attr-defined]
    return result


def changes_of(result: object) -> OpChanges | None:
    """What a service result says it changed, or None when it is not such a result."""
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, OpChanges) else None
