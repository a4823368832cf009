"""CSV files for people: the reminder lists and the invitation file, written so a spreadsheet never runs a
cell as a formula and a cancel or a full disk never leaves half a file (figures live in ``core.reports``)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from threading import Event

from counselor_app.core.environment_errors import file_write_error
from counselor_app.core.errors import Cancelled
from counselor_app.core.spreadsheet_text import guard_csv_text


def safe_csv_text(value: object) -> str:
    """A value for a CSV people open in a spreadsheet: dates and yes/no spelled out, text through the one
    formula guard (``core/spreadsheet_text.guard_csv_text``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (int, float)):
        return str(value)
    return guard_csv_text(str(value))


def write_csv_atomic(path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]], *,
                     cancel: Event | None = None, bom: bool = False) -> int:
    """Write a UTF-8 CSV next to its destination and move it into place only when complete, so a cancel or a
    full disk never leaves half a file that someone might upload or mail. Returns the data row count."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
    except OSError as exc:
        raise file_write_error(exc, what=target.name, where=target.parent) from None
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow([safe_csv_text(h) for h in header])
            for row in rows:
                if cancel is not None and count % 1000 == 0 and cancel.is_set():
                    raise Cancelled()
                writer.writerow([safe_csv_text(v) for v in row])
                count += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise file_write_error(exc, what=target.name, where=target.parent) from None
        raise
    return count


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_csv_text(v) for v in row])
    return buf.getvalue()
