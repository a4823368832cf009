"""Failures of the computer, not of the input, turned into sentences that say what to do (issue 12, case 11).

A full disk, a read-only folder or a disk error can hit any write: the encrypted store, an export, a CSV. Each
writer keeps its own all-or-nothing rule (a temporary file moved into place, one transaction) and raises the
error made here, so a counselor reads what happened and what to do instead of a traceback, and nothing is left
half-written.
"""

from __future__ import annotations

import errno
from pathlib import Path

from counselor_app.core.errors import CounselorDeskError, StoreError
from counselor_app.core.messages import Message

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
# SQLite's (and SQLCipher's) own wording for the same three situations.
_SQLITE_FULL = ("database or disk is full", "disk full")
_SQLITE_DENIED = ("readonly database", "read-only")
_SQLITE_IO = ("disk i/o error",)


def file_write_error(exc: OSError, *, what: str, where: Path | None = None) -> CounselorDeskError:
    """``what`` names the thing being saved ("The summary workbook"); ``where`` is the folder, for the message.
    Codes: ``disk_full``, ``folder_not_writable``, ``write_failed`` (``.code`` on the error)."""
    folder = str(where) if where is not None else ""
    reason = exc.strerror or type(exc).__name__
    if exc.errno in _FULL:
        err = CounselorDeskError(Message(
            "file.disk_full_in", "{what} could not be saved: the disk in {folder} is full. Free some space (empty "
            "the Recycle Bin, delete old exports) or choose another drive, and try again. Nothing was saved.",
            what=what, folder=folder) if folder else Message(
            "file.disk_full", "{what} could not be saved: the disk is full. Free some space (empty the Recycle Bin, "
            "delete old exports) or choose another drive, and try again. Nothing was saved.", what=what))
        err.code = "disk_full"  # type: ignore[attr-defined]
    elif exc.errno in _DENIED:
        err = CounselorDeskError(Message(
            "file.not_writable_in", "{what} could not be saved: this account may not write in {folder}. Choose "
            "another folder (for example Documents) and try again. Nothing was saved.", what=what, folder=folder)
            if folder else Message(
            "file.not_writable", "{what} could not be saved: this account may not write. Choose another folder "
            "(for example Documents) and try again. Nothing was saved.", what=what))
        err.code = "folder_not_writable"  # type: ignore[attr-defined]
    else:
        err = CounselorDeskError(Message(
            "file.write_failed_in", "{what} could not be saved ({reason}) in {folder}. Check the disk and try "
            "again. Nothing was saved.", what=what, reason=reason, folder=folder) if folder else Message(
            "file.write_failed", "{what} could not be saved ({reason}). Check the disk and try again. Nothing was "
            "saved.", what=what, reason=reason))
        err.code = "write_failed"  # type: ignore[attr-defined]
    return err


def store_write_error(exc: BaseException) -> StoreError | None:
    """The sentence for a database error that is the computer's doing, or ``None`` for any other error (which
    is a bug or a conflict and keeps its own handling)."""
    text = str(getattr(exc, "orig", None) or exc).casefold()
    if any(s in text for s in _SQLITE_FULL):
        err = StoreError(Message(
            "store.disk_full", "The change could not be saved: the disk is full. Nothing was changed. Free some "
            "space (empty the Recycle Bin, delete old exports) and try again; what you typed is still on the "
            "screen."))
        err.code = "disk_full"  # type: ignore[attr-defined]
        return err
    if any(s in text for s in _SQLITE_DENIED):
        err = StoreError(Message(
            "store.read_only", "The change could not be saved: the data folder is read-only. Nothing was changed. "
            "Ask IT to check the data folder's permissions."))
        err.code = "store_read_only"  # type: ignore[attr-defined]
        return err
    if any(s in text for s in _SQLITE_IO):
        err = StoreError(Message(
            "store.disk_error", "The change could not be saved: the disk reported an error. Nothing was changed. "
            "Try again; if it happens again, ask IT to check the disk."))
        err.code = "disk_error"  # type: ignore[attr-defined]
        return err
    return None
