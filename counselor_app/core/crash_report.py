"""A crash report a counselor can e-mail to the IT help desk without sending anyone's personal data.

Qt-free so the command line, a background thread and the GUI write the same report. What goes in: the app
version, the operating system, Python, whether this is the installed (frozen) app, and the traceback. What
stays out: local variable values (never captured), anything quoted in exception messages (a ``KeyError`` or a
``ValueError`` quotes the very value that failed, which may be a name), and whatever ``logs.redact``
recognizes (e-mail addresses, phone numbers, tokens, keys). The source lines in a traceback are the app's own
code, so they stay: they are what a developer needs.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from counselor_app import APP_NAME, __version__
from counselor_app.core.logs import format_exception_safely, log_file
from counselor_app.core.paths import DataPaths

log = logging.getLogger(__name__)

#: Oldest reports beyond this many are deleted, so a crash that repeats at every start cannot fill the disk.
KEEP_REPORTS = 20


@dataclass(frozen=True, slots=True)
class CrashReport:
    """What the dialog needs: the text to copy, and where it was saved (``None`` when the disk refused)."""

    text: str
    path: Path | None


def _qt_version() -> str:
    """Qt's version if the GUI already loaded it (never imports Qt: this module serves the CLI too)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return "not loaded"
    return f"PySide6 {getattr(qtcore, '__version__', '?')}, Qt {getattr(qtcore, 'qVersion', lambda: '?')()}"


def build_report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, *,
                 when: datetime | None = None, thread_name: str | None = None,
                 paths: DataPaths | None = None) -> str:
    """The report's text. Safe to show, copy or send: it holds no job seeker's data and no secret."""
    when = when or datetime.now(UTC)
    frozen = bool(getattr(sys, "frozen", False))
    lines = [
        f"{APP_NAME} problem report",
        "=" * 40,
        f"Time (UTC):    {when.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S')}",
        f"App version:   {__version__} ({'installed app' if frozen else 'run from source'})",
        f"System:        {platform.platform()} ({platform.machine() or 'unknown machine'})",
        f"Python:        {platform.python_implementation()} {platform.python_version()}",
        f"Qt:            {_qt_version()}",
        f"Thread:        {thread_name or threading.current_thread().name}",
        f"Error:         {exc_type.__module__}.{exc_type.__qualname__}",
    ]
    if paths is not None:
        lines.append(f"App log:       {log_file(paths)}")
    lines += [
        "",
        "Personal data is left out of this report: variable values are not recorded, and quoted values,",
        "e-mail addresses, phone numbers, keys and tokens are replaced with <redacted>.",
        "",
        "Traceback",
        "-" * 40,
        format_exception_safely(exc_type, exc, tb).rstrip("\n"),
        "",
    ]
    return "\n".join(lines)


def write_crash_report(paths: DataPaths, exc_type: type[BaseException], exc: BaseException | None,
                       tb: TracebackType | None, *, when: datetime | None = None,
                       thread_name: str | None = None) -> CrashReport:
    """Write ``logs/crash-YYYYmmdd-HHMMSS.txt`` and return the report.

    The time in the name is local, since that is the clock the counselor tells IT about ("it crashed at
    10:40"). Never raises for a disk problem: the caller still shows the dialog, with the text to copy.
    """
    now = when or datetime.now(UTC)
    text = build_report(exc_type, exc, tb, when=now, thread_name=thread_name, paths=paths)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    try:
        target: Path | None = _save(paths.logs_dir, stamp, text)
    except OSError as exc_os:
        log.error("Could not save the crash report: %s", exc_os.strerror)
        target = None
    # The report holds the traceback; the log only points to it, so the two cannot disagree.
    log.critical("Unexpected error (%s); details in the crash report %s", exc_type.__qualname__,
                 target.name if target else "(not saved)")
    return CrashReport(text=text, path=target)


def _save(logs_dir: Path, stamp: str, text: str) -> Path:
    logs_dir.mkdir(parents=True, exist_ok=True)
    target = logs_dir / f"crash-{stamp}.txt"
    n = 2
    while target.exists():  # two crashes in one second (a worker and the GUI) keep both reports
        target = logs_dir / f"crash-{stamp}-{n}.txt"
        n += 1
    target.write_text(text, encoding="utf-8")
    _prune(logs_dir, keep=KEEP_REPORTS)
    return target


def _prune(logs_dir: Path, *, keep: int) -> None:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    reports = sorted(logs_dir.glob("crash-*.txt"), key=lambda p: (age(p), p.name))
    for old in reports[:-keep] if keep > 0 else reports:
        try:
            old.unlink()
        except OSError:
            pass

