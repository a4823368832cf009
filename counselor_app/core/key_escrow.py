"""Key escrow: the database key sealed to the agency's public recovery key, so a lost keyring entry loses nothing.

The database key lives only in the operating system's keyring. A reinstalled profile, a reset keyring or a
roaming profile that did not roam leaves an encrypted database nobody can open, with its unsent records inside.
When IT has configured the agency's *public* recovery key (``Settings.recovery_public_key_file``, or
``recovery-public-key.pem`` in the data folder), the desk also writes the database key sealed to that key, next
to the database (``counselor-desk-<profile>.db.escrow.json``). Only the holder of the matching *private* key (agency
IT, never a desk) can unseal it: ``counselor-app recover-key --private-key FILE`` puts the key back in the keyring,
and the desk opens and sends its queue as before.

Sealing is RSA-OAEP with SHA-256 (``cryptography``), the scheme ``openssl pkeyutl -pkeyopt rsa_padding_mode:oaep``
also speaks, on keys of at least 3072 bits (NIST SP 800-57 part 1 rev. 5, table 2: 128-bit security).

What it does not protect against: anyone holding the agency's private recovery key can open every desk's database
whose escrow file they can read; keep that key offline. Without a configured public key nothing is sealed, and
a lost keyring entry still loses the unsent records.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message

log = logging.getLogger(__name__)

ESCROW_FORMAT = 1
ALGORITHM = "RSA-OAEP-SHA256"
MIN_RSA_BITS = 3072
DEFAULT_PUBLIC_KEY_FILE = "recovery-public-key.pem"


class RecoveryKeyError(CounselorDeskError):
    """The recovery key or the escrow file cannot be used; the message says which and what to do."""


@dataclass(frozen=True, slots=True)
class EscrowRecord:
    path: Path
    fingerprint: str
    created_at: str
    database_file: str


def escrow_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".escrow.json")


def public_key_path(data_dir: Path, configured: str) -> Path | None:
    """The configured public key file (relative paths are inside the data folder), else the default file name in
    the data folder if it exists, else None (escrow is not set up)."""
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else data_dir / path
    default = data_dir / DEFAULT_PUBLIC_KEY_FILE
    return default if default.exists() else None


def _load_public(pem: bytes) -> Any:  # RSAPublicKey
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise RecoveryKeyError(Message(
                "key_escrow.agency_s_recovery_3",
                "The agency's recovery key is not a PEM public key. Ask IT for the file made with "
                "'openssl pkey -pubout'.")) from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise RecoveryKeyError(Message(
                "key_escrow.agency_s_recovery",
                "The agency's recovery key must be an RSA public key."))
    if key.key_size < MIN_RSA_BITS:
        raise RecoveryKeyError(Message(
                "key_escrow.agency_s_recovery_2",
                "The agency's recovery key is too short ({key_size} bits); it needs at least "
                "{min_rsa_bits}.", key_size=key.key_size, min_rsa_bits=MIN_RSA_BITS))
    return key


def fingerprint(public_key) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 of the key's DER SubjectPublicKeyInfo, hex: names the recovery key without revealing anything."""
    from cryptography.hazmat.primitives import serialization

    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def _oaep() -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def read_escrow(db_path: Path) -> dict[str, Any] | None:
    path = escrow_path(db_path)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise RecoveryKeyError(Message(
                "key_escrow.escrow_file_read",
                "The escrow file {name} cannot be read.", name=path.name)) from exc


def seal(db_path: Path, key_hex: str, public_key_file: Path, *, device_id: str = "") -> EscrowRecord:
    """Seal ``key_hex`` to the public key in ``public_key_file`` and write the escrow file atomically.

    Skips the write when the escrow file already holds this key sealed to this recovery key (same fingerprint);
    re-seals when IT changed the recovery key. Raises ``RecoveryKeyError`` when the public key file cannot be
    used."""
    try:
        pem = public_key_file.read_bytes()
    except OSError as exc:
        raise RecoveryKeyError(Message(
                "key_escrow.agency_s_recovery_4",
                "The agency's recovery key file {public_key_file} cannot be read.", public_key_file=public_key_file)) from exc
    public = _load_public(pem)
    fp = fingerprint(public)
    existing = read_escrow(db_path)
    key_check = hashlib.sha256(bytes.fromhex(key_hex)).hexdigest()[:16]
    if existing and existing.get("recovery_key_fingerprint") == fp and existing.get("key_check") == key_check:
        return EscrowRecord(escrow_path(db_path), fp, str(existing.get("created_at")), db_path.name)
    sealed = public.encrypt(bytes.fromhex(key_hex), _oaep())
    created = datetime.now(UTC).isoformat(timespec="seconds")
    body = {
        "format": ESCROW_FORMAT,
        "algorithm": ALGORITHM,
        "recovery_key_fingerprint": fp,
        "database_file": db_path.name,
        "device_id": device_id,
        "created_at": created,
        # A short hash of the key: lets the desk tell whether the escrow is current without unsealing it. 64 bits
        # of a SHA-256 of a random 256-bit key say nothing useful about the key.
        "key_check": key_check,
        "sealed_key": base64.b64encode(sealed).decode("ascii"),
    }
    target = escrow_path(db_path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".escrow-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return EscrowRecord(target, fp, created, db_path.name)


def unseal(db_path: Path, private_key_pem: bytes, *, password: bytes | None = None) -> str:
    """The database key (hex) from the escrow file next to ``db_path``, opened with the agency's private
    recovery key. Raises ``RecoveryKeyError`` when there is no escrow file or the private key is not the one the
    key was sealed to."""
    from cryptography.hazmat.primitives import serialization

    body = read_escrow(db_path)
    if body is None:
        raise RecoveryKeyError(Message(
                "key_escrow.there_escrow_file",
                "There is no escrow file ({name}) next to the database: this desk's key was never sealed "
                "to the agency's recovery key.", name=escrow_path(db_path).name))
    if body.get("format") != ESCROW_FORMAT or body.get("algorithm") != ALGORITHM:
        raise RecoveryKeyError(Message(
                "key_escrow.escrow_file_written",
                "The escrow file was written by a newer version of Counselor Desk."))
    try:
        private = serialization.load_pem_private_key(private_key_pem, password=password)
    except TypeError as exc:
        raise RecoveryKeyError(Message(
                "key_escrow.private_recovery_key",
                "The private recovery key is protected by a passphrase; give it.")) from exc
    except ValueError as exc:
        raise RecoveryKeyError(Message(
                "key_escrow.private_recovery_key_2",
                "The private recovery key cannot be read (wrong file or wrong passphrase).")) from exc
    if fingerprint(private.public_key()) != body.get("recovery_key_fingerprint"):
        raise RecoveryKeyError(Message(
                "key_escrow.private_key_recovery",
                "This private key is not the recovery key this desk's key was sealed to (the escrow "
                "names fingerprint {value}…).", value=str(body.get('recovery_key_fingerprint'))[:16]))
    try:
        key = private.decrypt(base64.b64decode(body["sealed_key"]), _oaep())  # type: ignore[union-attr]
    except Exception as exc:  # noqa: BLE001 - cryptography raises ValueError; a damaged file other things
        raise RecoveryKeyError(Message(
                "key_escrow.escrow_file_damaged_2",
                "The escrow file is damaged: the key cannot be unsealed.")) from exc
    if len(key) != 32 or hashlib.sha256(key).hexdigest()[:16] != body.get("key_check"):
        raise RecoveryKeyError(Message(
                "key_escrow.escrow_file_damaged",
                "The escrow file is damaged: the unsealed key does not match its check value."))
    return key.hex()


def generate_recovery_key_pair(private_out: Path, public_out: Path, *, bits: int = 4096,
                               passphrase: bytes | None = None) -> str:
    """For agency IT, on an offline machine: make the recovery key pair. Returns the fingerprint.

    The private key file is written with mode 0600 and should go to offline storage at once."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    if bits < MIN_RSA_BITS:
        raise RecoveryKeyError(Message(
                "key_escrow.use_least_bits",
                "Use at least {min_rsa_bits} bits.", min_rsa_bits=MIN_RSA_BITS))
    for path in (private_out, public_out):
        if path.exists():
            raise RecoveryKeyError(Message(
                    "key_escrow.already_exists_overwritten",
                    "{path} already exists; it is not overwritten.", path=path))
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    private_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    fd = os.open(private_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_pem)
    public_out.write_bytes(private.public_key().public_bytes(serialization.Encoding.PEM,
                                                             serialization.PublicFormat.SubjectPublicKeyInfo))
    return fingerprint(private.public_key())


class DatabaseKeyLost(CounselorDeskError):
    """The database exists, its key is not in the keyring, and an escrow file says IT can recover it."""


def refuse_if_key_lost(db_path: Path, key_in_keyring: str | None) -> None:
    """Raise ``DatabaseKeyLost`` with IT's recovery steps when the key is gone but was escrowed."""
    if key_in_keyring:
        return
    body = None
    try:
        body = read_escrow(db_path)
    except RecoveryKeyError:
        return
    if body is None:
        return
    raise DatabaseKeyLost(
        Message(
            "key_escrow.encryption_key_desk",
            "The encryption key of this desk's database is no longer in this computer's keyring, so "
            "the records cannot be opened here now. Nothing is lost: the key was sealed to the "
            "agency's recovery key. Ask IT to run 'counselor-app recover-key --private-key FILE' for "
            "this data folder (see docs/DEPLOYMENT.md, 'Recovering a desk whose key was lost')."))


def seal_for_deployment(data_dir: Path, db_path: Path, key_hex: str, configured: str, *, device_id: str) -> None:
    """Seal the key when IT configured a recovery key; a bad key file is logged, never keeps the desk closed
    (the counselor's appointment matters more; ``escrow_status`` shows the problem to IT)."""
    public = public_key_path(data_dir, configured)
    if public is None:
        return
    try:
        seal(db_path, key_hex, public, device_id=device_id)
    except RecoveryKeyError as exc:
        log.warning("the database key was not sealed to the recovery key: %s", exc)


def escrow_status(data_dir: Path, db_path: Path, configured: str) -> dict[str, object]:
    """For ``status``: is a recovery key configured, is the key sealed to it."""
    public = public_key_path(data_dir, configured)
    try:
        body = read_escrow(db_path)
    except RecoveryKeyError:
        body = None
    return {"recovery_key_configured": public is not None,
            "sealed": body is not None,
            "recovery_key_fingerprint": body.get("recovery_key_fingerprint") if body else None,
            "sealed_at": body.get("created_at") if body else None}
