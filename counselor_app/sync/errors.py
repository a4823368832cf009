"""Typed sync errors, each with a message a counselor can act on.

The UI maps the type to what it shows (an expired sign-in opens the sign-in dialog; an unreachable server only
updates the status bar) instead of parsing messages. ``report`` holds what the interrupted sync had done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counselor_app.core.errors import CounselorDeskError

if TYPE_CHECKING:
    from counselor_app.sync.service import SyncReport


class SyncError(CounselorDeskError):
    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.report: SyncReport | None = None


class NotSignedIn(SyncError):
    """No server configured, or no token for it in the keyring."""


class AuthenticationRequired(SyncError):
    """The server answered 401: the token expired or was revoked. Nothing queued is lost."""


class ServerUnreachable(SyncError):
    """No usable answer after the retries: network down, server down, or server overloaded."""

    retryable = True


class CertificateError(SyncError):
    """TLS verification failed; retrying will not help until the CA bundle or the server is fixed."""


class ServerRefused(SyncError):
    """A 4xx answer other than 401: the request itself is not acceptable (role, format)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class SignInThrottled(ServerRefused):
    """The server refused a sign-in (429) after too many failed attempts, without checking the password.

    Not retried automatically: the message (the server's own, saying how long to wait) is for the person signing
    in. ``retry_after`` is the server's ``Retry-After`` in seconds, when it sent one.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message, status=429)
        self.retry_after = retry_after


class ProtocolError(SyncError):
    """The server's answer does not follow the protocol (wrong server, or a version we do not speak)."""


class SyncInProgress(SyncError):
    """Another sync of this data folder is running in this process."""

    retryable = True
