"""Secrets in the operating system's keyring: the database key and the sync token.

A lost laptop must not leak job seekers' data, so the key never touches the disk. When the machine has no
usable keyring we stop with instructions rather than fall back to an unencrypted store.
"""

from __future__ import annotations

import secrets

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail

from counselor_app.core.errors import KeyringUnavailableError
from counselor_app.core.messages import Message

SERVICE = "counselor-desk"

KEYRING_HELP = Message(
    "keystore.help",
    "Counselor Desk keeps its encryption key in the system keyring, and no usable keyring was found on this "
    "computer. To fix this: on Windows or macOS, sign in to your user account normally (the keyring opens with "
    "it); on Linux, install and unlock a keyring such as GNOME Keyring or KWallet (for example "
    "'sudo apt install gnome-keyring' and sign in again). For a test machine without a desktop, you may set "
    "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring (after 'pip install keyrings.alt'); that stores "
    "the key unprotected and is for development only. The app will not store job seekers' data unencrypted."
)


def _backend_usable() -> bool:
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a backend that fails while it is chosen is no usable keyring
        return False
    if isinstance(backend, fail.Keyring):
        return False
    # A chainer with nothing behind it is as good as none.
    chain = getattr(backend, "backends", None)
    return not (chain is not None and len(chain) == 0)


def ensure_keyring() -> None:
    if not _backend_usable():
        raise KeyringUnavailableError(KEYRING_HELP)


def _failed(action: str, exc: BaseException) -> KeyringUnavailableError:
    """Any backend's own exception (SecretStorage's dbus errors, KWallet's, a Windows credential error, an
    OSError from a locked file) becomes this sentence: the backend is not ours, its error types are not known
    in advance, and a raw traceback helps nobody in an appointment (issue 12, case 10)."""
    codes = {"read": Message("keystore.not_read", "The system keyring could not be read ({reason}). If the keyring "
                             "is locked, unlock it (sign in to your computer account again) and retry. {help}",
                             reason=type(exc).__name__, help=KEYRING_HELP),
             "written": Message("keystore.not_written", "The system keyring could not be written ({reason}). If the "
                                "keyring is locked, unlock it (sign in to your computer account again) and retry. "
                                "{help}", reason=type(exc).__name__, help=KEYRING_HELP)}
    return KeyringUnavailableError(codes.get(action) or Message(
        "keystore.not_changed", "The system keyring could not be changed ({reason}). If the keyring is locked, "
        "unlock it (sign in to your computer account again) and retry. {help}", reason=type(exc).__name__,
        help=KEYRING_HELP))


def get_secret(name: str) -> str | None:
    ensure_keyring()
    try:
        return keyring.get_password(SERVICE, name)
    except Exception as exc:  # noqa: BLE001 - see _failed
        raise _failed("read", exc) from None


def set_secret(name: str, value: str) -> None:
    ensure_keyring()
    try:
        keyring.set_password(SERVICE, name, value)
    except Exception as exc:  # noqa: BLE001 - see _failed
        raise _failed("written", exc) from None


def delete_secret(name: str) -> None:
    ensure_keyring()
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except Exception as exc:  # noqa: BLE001 - see _failed
        raise _failed("changed", exc) from None


def database_key_name(db_path_id: str) -> str:
    return f"db-key:{db_path_id}"


def get_or_create_database_key(db_path_id: str, *, create: bool) -> str:
    """Return the 256-bit key (hex) for one database, making it on first use."""
    name = database_key_name(db_path_id)
    key = get_secret(name)
    if key:
        return key
    if not create:
        raise KeyringUnavailableError(
            Message(
                "keystore.encryption_key_database",
                "The encryption key for this database is not in this computer's keyring, so the data "
                "cannot be opened. If the data folder was copied from another computer, it can only be "
                "opened there."))
    key = secrets.token_hex(32)
    set_secret(name, key)
    if get_secret(name) != key:
        raise KeyringUnavailableError(Message("keystore.not_kept", "The keyring did not keep the new encryption key. "
                                              "{help}", help=KEYRING_HELP))
    return key


class _NeverChosen:
    """A ``priority`` that raises when read. keyring offers every imported KeyringBackend subclass when it picks
    the system keyring; one whose priority raises is "not viable", so the backend below can never become the
    keyring of real data by accident: it is only ever installed explicitly."""

    def __get__(self, obj: object, owner: type | None = None) -> float:
        raise RuntimeError("only for throw-away data folders")


class ThrowawayKeyring(KeyringBackend):
    """Keeps secrets in this process's memory only.

    For throw-away folders alone (``--demo``, ``self-test --temp``): their data are synthetic and deleted on exit,
    so a key that dies with the process protects nothing that matters and loses nothing that matters. Real data
    never opens without a real keyring.
    """

    priority = _NeverChosen()  # type: ignore[assignment,unused-ignore]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call,unused-ignore]
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._secrets.pop((service, username), None)
