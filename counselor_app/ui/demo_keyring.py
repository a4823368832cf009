"""A keyring that lives only in this process, for ``--demo`` on a machine without a system keyring.

Only the demo may use it: its data are synthetic and its folder is deleted on exit, so a key that dies with the
process protects nothing that matters and loses nothing that matters. Real data never opens without a real
keyring.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class ProcessMemoryKeyring(KeyringBackend):
    priority = 0.1  # type: ignore[assignment]  # never chosen automatically

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._secrets.pop((service, username), None)
