"""scrypt hashes of PINs and passwords, for the desk's local accounts and the agency server's users alike.

``scrypt$N$r$p$salt$digest`` (salt and digest in base64): memory-hard, in the standard library, a random salt
per hash. Verification reads the parameters from the stored hash, so raising N later leaves old hashes valid,
and compares in constant time. Standard library only: the server imports it without the desk's store.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_LEN = 32
_MAXMEM = 256 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_secret(secret: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=SCRYPT_LEN, maxmem=_MAXMEM)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str) -> bool:
    """Constant-time comparison, so response time says nothing about how much of a guess was right; a hash in
    another scheme or a damaged one is simply not a match."""
    try:
        scheme, n_s, r_s, p_s, salt_s, digest_s = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest_s)
        digest = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt_s), n=int(n_s), r=int(r_s),
                                p=int(p_s), dklen=len(expected), maxmem=_MAXMEM)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)
