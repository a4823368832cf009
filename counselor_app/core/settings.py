"""One typed settings object with every default in one place.

Settings are per data folder (``settings.json``), not per machine, so a demo folder or a test never picks up a
counselor's real configuration. Nothing secret lives here: the database key and the server token are in the
keyring.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from counselor_app.core.vocabulary import Role


@dataclass(slots=True)
class Settings:
    agency: str = "ma"
    center_name: str = ""
    counselor_name: str = ""
    counselor_username: str = ""
    counselor_role: str = Role.COUNSELOR
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    ui_language: str = "en"
    # Sync (filled in by the sync settings page).
    server_url: str = ""
    ca_bundle: str = ""
    sync_interval_minutes: int = 5
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    sync_batch_size: int = 200
    # Licenses a device may issue offline before it has ever reserved a block from the server.
    default_offline_license_block: int = 25
    # Reminder e-mail through the agency's SMTP relay (issue 15); the password is in the keyring.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls | tls (implicit, usually port 465) | none (loopback only)
    smtp_username: str = ""
    smtp_sender: str = ""
    smtp_sender_name: str = ""
    smtp_ca_bundle: str = ""
    smtp_timeout_s: float = 30.0
    # Never the same reminder to the same person twice within this many days.
    reminder_window_days: int = 7
    # UI state.
    window_geometry: str = ""
    window_state: str = ""
    demo: bool = False
    # Outreach, scheduling and the front desk (issue 16): the center's IANA time zone (bookings are stored in UTC
    # and shown in it). Invitations, confirmations and their reminders go through the reminder relay above.
    center_time_zone: str = "America/New_York"
    # Security on a shared laptop (issue 17; set per deployment by IT).
    # The agency's public recovery key (PEM); relative to the data folder. Empty: recovery-public-key.pem there.
    recovery_public_key_file: str = ""
    idle_lock_minutes: float = 5.0  # 0 switches the idle lock off (a desk in a locked office)
    # The center as the job seeker's handout shows it ("Questions? Who to call"); set per deployment.
    center_phone: str = ""
    center_address: str = ""
    center_hours: str = ""

    @property
    def configured(self) -> bool:
        """First-run set-up is done when we know whose desk this is."""
        return bool(self.agency and self.center_name and self.counselor_name)

    @classmethod
    def load(cls, path: Path) -> Settings:
        if not path.exists():
            return cls()
        try:
            raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # A damaged settings file must not keep the app from starting; defaults are safe.
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically so a crash mid-save leaves the previous settings intact."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
