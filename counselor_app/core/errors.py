"""Errors the core raises, each carrying a message a counselor can read.

Every service refuses bad input with one of these *before* it writes anything, so a failed call leaves the
store as it was. ``field_errors`` maps a form field to its message so the UI can show it next to the field.
"""

from __future__ import annotations

from typing import Any

from counselor_app.core.messages import Message, message_of
from counselor_app.core.vocabulary import RefusalReason


class CounselorDeskError(Exception):
    """Base class: ``str(err)`` is always a sentence meant for a person, not a traceback.

    Raise it with a :class:`~counselor_app.core.messages.Message` (a code and arguments): ``err.message`` gives
    it back, and the UI words its code in the counselor's language (``ui/core_messages.py``)."""

    @property
    def message(self) -> str:
        """The :class:`Message` the error was raised with (a plain ``str`` for an error not yet converted)."""
        return message_of(self)


class Cancelled(CounselorDeskError):  # noqa: N818 - reads as a state, like Python's CancelledError
    """The person pressed Cancel (or the work saw its cancel event set); whatever the work promises to keep
    after a cancel is kept, and the message says what that is. The one cancel error of the whole app: core
    work, sync and the UI's background helper all raise and catch this type, never a message.

    ``report`` holds what the interrupted work had done, when it keeps such a record (a sync round's
    ``SyncReport``); ``None`` otherwise.
    """

    def __init__(self, message: str = "Cancelled. Nothing was written.") -> None:
        super().__init__(message)
        self.report: object | None = None


class ValidationError(CounselorDeskError):
    def __init__(self, field_errors: dict[str, str], *, message: str | None = None) -> None:
        self.field_errors = dict(field_errors)
        if message is None:
            message = "Please correct: " + "; ".join(f"{msg}" for msg in self.field_errors.values())
        super().__init__(message)


class NotFoundError(CounselorDeskError):
    pass


class PermissionDeniedError(CounselorDeskError):
    pass


class IssuanceRefused(CounselorDeskError):
    """A license cannot be issued. ``reason_code`` is stable for code (the UI matches it, never the message);
    the message is for the counselor."""

    def __init__(self, reason_code: RefusalReason, message: str, *, next_step: str | Message = "") -> None:
        self.reason_code = reason_code
        self.next_step = next_step
        super().__init__(message)


class DuplicateJobSeekerWarning(CounselorDeskError):
    """Raised when a new record looks like someone already registered and the caller did not confirm."""

    def __init__(self, candidates: list[Any]) -> None:  # list[DuplicateCandidate]
        self.candidates = candidates
        names = ", ".join(c.display_name for c in candidates[:3])
        super().__init__(Message("job_seeker.maybe_duplicate", "This person may already be registered: {names}. "
                                 "Open the existing record, or confirm that this is a different person.",
                                 names=names))


class KeyringUnavailableError(CounselorDeskError):
    pass


class StoreError(CounselorDeskError):
    pass


class ConcurrentEditError(CounselorDeskError):
    pass
