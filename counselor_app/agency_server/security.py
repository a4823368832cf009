"""Passwords and session tokens.

Passwords go through scrypt (memory-hard, in the standard library) with a per-user random salt; the
parameters are stored with the hash so they can be raised without invalidating old accounts. Tokens are 256
random bits; the server keeps only their SHA-256, which is enough because a token, unlike a password, cannot be
guessed from a dictionary.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_LEN = 32
MIN_PASSWORD_LENGTH = 10


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=SCRYPT_LEN,
                            maxmem=256 * 1024 * 1024)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison, so response time says nothing about how much of a guess was right."""
    try:
        scheme, n_s, r_s, p_s, salt_s, digest_s = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_s)
        expected = base64.b64decode(digest_s)
        digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=int(n_s), r=int(r_s), p=int(p_s),
                                dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


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
