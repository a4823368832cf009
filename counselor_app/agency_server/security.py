"""Passwords, session tokens and the limits on failed sign-ins.

Passwords go through scrypt (memory-hard, in the standard library) with a per-user random salt; the
parameters are stored with the hash so they can be raised without invalidating old accounts. Tokens are 256
random bits; the server keeps only their SHA-256, which is enough because a token, unlike a password, cannot be
guessed from a dictionary.
"""

from __future__ import annotations

import functools
import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import timedelta

from counselor_app.core.password_hash import SCRYPT_N, SCRYPT_P, SCRYPT_R, hash_secret, verify_secret

MIN_PASSWORD_LENGTH = 10

# Failed sign-ins allowed per window before further attempts are refused (429) without checking the password.
LOGIN_MAX_FAILURES_PER_USER = 5
LOGIN_MAX_FAILURES_PER_ADDRESS = 20  # so one machine cannot sweep many user names
LOGIN_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class LoginLimits:
    """Throttling of password guessing on ``POST /api/v1/session``.

    Once a user name (or a client address) has had ``max_failures_*`` failed sign-ins within one ``window``, every
    further attempt for it is refused until ``window`` has passed since the last of them; then it starts afresh.
    Refused attempts are not counted (so they do not prolong the lockout) and their password is never checked.
    A successful sign-in clears the user's failures, not the address's: a valid account of one's own must not
    reset the sweep limit. 0 switches a limit off. The failures live in the database (``LoginFailure``), so the
    limits hold across restarts and server workers; concurrent guesses can overshoot a limit by the number of
    requests in flight at once, never more.
    """

    max_failures_per_user: int = LOGIN_MAX_FAILURES_PER_USER
    max_failures_per_address: int = LOGIN_MAX_FAILURES_PER_ADDRESS
    window: timedelta = LOGIN_WINDOW

    def __post_init__(self) -> None:
        if self.max_failures_per_user < 0 or self.max_failures_per_address < 0:
            raise ValueError("The numbers of failed sign-ins allowed cannot be negative.")
        if self.window <= timedelta(0):
            raise ValueError("The sign-in throttling window must be longer than zero.")


def minutes_phrase(seconds: float) -> str:
    """``1 minute``, ``15 minutes``: whole minutes, rounded up, for a message to a person."""
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    return hash_secret(password, n=n, r=r, p=p)


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison (``core.password_hash``, the same hashes as the desk's local accounts)."""
    return verify_secret(password, stored)


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def burn_time_like_verify(password: str) -> None:
    """Verify against a throw-away hash when the username is unknown, so "no such user" takes as long as
    "wrong password" and the response time does not reveal which accounts exist."""
    verify_password(password, _dummy_hash())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def password_problem(password: str) -> str | None:
    """A reason to refuse a new password, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must be at least {MIN_PASSWORD_LENGTH} characters long."
    if password.strip() != password:
        return "The password must not start or end with a space."
    return None
