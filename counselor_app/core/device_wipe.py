"""Erasing a desk the agency marked lost or retired (issue 17): database, key, exports, backups and logs.

The erase is a crypto-erase first: the database key leaves the keyring before the files are deleted, so even
blocks an SSD keeps after deletion are SQLCipher pages nobody can decrypt. Then the encrypted database (and its
WAL, escrow file and backups), the exports folder, the logs and crash reports and ``settings.json`` are deleted.
What remains is ``DEVICE_ERASED.json``: when and why, and no personal data, so the app can say what happened
instead of starting over as if nothing had.

What it cannot erase: files a counselor saved outside the data folder (an export written to the desktop or a USB
stick), and anything on a laptop that never contacts the server again (the encryption at rest is what protects
that one).
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from counselor_app.core import keystore
from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.paths import DataPaths

log = logging.getLogger(__name__)

MARKER_FILE = "DEVICE_ERASED.json"


class EraseReason(StrEnum):
    LOST = "lost"
    RETIRED = "retired"


class DeviceErased(CounselorDeskError):
    """This data folder was erased because the agency marked the device lost or retired."""

    def __init__(self, reason: str, erased_at: str, note: str | None = None) -> None:
        self.reason = reason
        self.erased_at = erased_at
        self.note = note
        why = ("the agency reported this computer lost" if reason == EraseReason.LOST
               else "the agency retired this computer")
        super().__init__(f"Counselor Desk erased its records, keys, exports and logs on this computer on "
                         f"{erased_at[:10]} because {why}. Nothing can be opened here; contact your agency's IT.")


@dataclass
class EraseReport:
    reason: EraseReason
    erased_at: str
    files_removed: list[str] = field(default_factory=list)
    secrets_removed: int = 0


def erased_marker(paths: DataPaths) -> dict[str, Any] | None:
    try:
        marker: dict[str, Any] = json.loads((paths.root / MARKER_FILE).read_text(encoding="utf-8"))
        return marker
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"reason": EraseReason.LOST, "erased_at": ""}


def refuse_if_erased(paths: DataPaths) -> None:
    marker = erased_marker(paths)
    if marker is not None:
        raise DeviceErased(str(marker.get("reason", EraseReason.LOST)), str(marker.get("erased_at", "")),
                           marker.get("note"))


def _close_log_files(root: Path) -> None:
    """Windows cannot delete a file a handler holds open; the handlers writing into the data folder go."""
    loggers = [logging.getLogger()] + [lg for lg in logging.Logger.manager.loggerDict.values()
                                       if isinstance(lg, logging.Logger)]
    for logger in loggers:
        for handler in list(logger.handlers):
            name = getattr(handler, "baseFilename", None)
            if name and Path(name).resolve().is_relative_to(root.resolve()):
                logger.removeHandler(handler)
                handler.close()


def erase_data_folder(paths: DataPaths, *, reason: EraseReason, secrets: Iterable[str] = (),
                      note: str | None = None) -> EraseReport:
    """Erase everything of this data folder. The caller has closed the store. ``secrets`` are further keyring
    names to delete (the sync layer's tokens and device secret). Idempotent: erasing twice erases nothing more."""
    erased_at = datetime.now(UTC).isoformat(timespec="seconds")
    report = EraseReport(reason=reason, erased_at=erased_at)
    root = paths.root
    databases = sorted(root.glob("counselor-desk-*.db"))
    names = [keystore.database_key_name(f"{root}:{db.stem.removeprefix('counselor-desk-')}") for db in databases]
    for name in [*names, *secrets]:
        try:
            if keystore.get_secret(name) is not None:
                keystore.delete_secret(name)
                report.secrets_removed += 1
        except CounselorDeskError:
            log.warning("a keyring entry could not be deleted during the erase")
    _close_log_files(root)
    for path in sorted(root.glob("counselor-desk-*.db*")) + [root / "settings.json"]:
        if path.exists():
            path.unlink()
            report.files_removed.append(path.name)
    for folder in (paths.exports_dir, paths.backups_dir, paths.logs_dir):
        if folder.exists():
            count = sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
            report.files_removed.append(f"{folder.name}/ ({count} files)")
    marker = {"reason": str(reason), "erased_at": erased_at, "note": note,
              "removed": report.files_removed, "keyring_entries_removed": report.secrets_removed}
    (root / MARKER_FILE).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    return report
