"""Logging into a rotating file in the data folder, with personal data and secrets scrubbed on the way out.

Why a file: a counselor cannot read a console, and IT support needs something to look at after the fact.
Why rotating: a laptop used for years must not fill its disk with logs.
Why a redacting filter on every handler: USDOL TEGL 39-11 says no PII in logs, and the database key and the
sync token must never leave the keyring. The core does not log names or contact details in the first place;
the filter is the safety net for what slips through (an exception message quoting a value, a request
header in a debug line). Names cannot be recognized by a pattern, so the rule "never log a job
seeker's name" stays a rule for the code: log ids, counts and reason codes instead.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from counselor_app.core.paths import DataPaths, resolve_data_dir

LOG_FILE_NAME = "counselor-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"

# Set on the handlers this module adds, so calling ``configure_logging`` again replaces them instead of
# writing every line twice (the app may reconfigure after first-run set-up picks a data folder).
_OURS = "_counselor_desk_handler"

REDACTED = "<redacted>"

# The order matters: bearer tokens and key=value pairs go first so their values are replaced whole, before
# the e-mail and number rules could cut a token into pieces and leave the rest readable.
_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "Authorization: Bearer eyJhbGci..." and "bearer abc.def-ghi"
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/]+=*"), r"\1 " + REDACTED),
    # key=value, key: value, "token": "…", password='…' (the name may carry a prefix: db_key, api-token).
    (re.compile(r"""(?ix)
        (?P<name>\b[\w-]*?(?:key|token|password|passwd|pwd|secret|authorization|cookie|session[_-]?id)\b["']?)
        (?P<sep>\s*[=:]\s*)
        (?P<value>"[^"]*"|'[^']*'|[^\s,;&)}\]]+)
    """), lambda m: f"{m['name']}{m['sep']}{REDACTED}"),
    # e-mail addresses
    (re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"), "<email>"),
    # US social security numbers (never collected, but never logged either)
    (re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])"), "<ssn>"),
    # US phone numbers: 6175551234, 617-555-1234, (617) 555-1234, 617.555.1234, +1 617 555 1234
    (re.compile(r"(?<![\w+])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)|\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}(?!\w)"), "<phone>"),
    # long hex secrets (the 256-bit database key is 64 hex digits); dashed UUIDs are ids, not secrets, and stay
    (re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}(?![0-9A-Fa-f])"), REDACTED),
    # long base64 / base64url secrets: a run of 32+ such characters mixing digits, upper and lower case
    # (file names and paths rarely mix all three without a dot or a space, tokens nearly always do)
    (re.compile(r"(?<![A-Za-z0-9+/_\-])(?=[A-Za-z0-9+/_\-]*\d)(?=[A-Za-z0-9+/_\-]*[a-z])"
                r"(?=[A-Za-z0-9+/_\-]*[A-Z])[A-Za-z0-9+/_\-]{32,}={0,2}"), REDACTED),
)


# A quoted literal in an exception message: 'x', "x", b'x' (Python's repr of the value that failed).
_QUOTED = re.compile(r"""(?<![A-Za-z0-9_])[bBrRuU]?('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")""")
_MAX_MESSAGE = 500


def redact(text: str) -> str:
    """Replace e-mail addresses, US phone numbers, tokens, keys and passwords in ``text``.

    Shared by the log filter and the crash report, so both promise the same thing."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def scrub_exception_message(message: str) -> str:
    """Redact an exception's message harder than a log line: quoted values go first, whatever they are.

    ``KeyError``, ``ValueError`` and friends quote the very value that failed, which may be a person's name,
    and no pattern recognizes a name."""
    message = _QUOTED.sub(lambda m: m.group(1)[0] + REDACTED + m.group(1)[0], message)
    message = redact(message)
    if len(message) > _MAX_MESSAGE:
        message = message[:_MAX_MESSAGE] + " …"
    return message


def format_exception_safely(exc_type: type[BaseException], exc: BaseException | None,
                            tb: TracebackType | None) -> str:
    """The usual traceback text without local values and with every exception message scrubbed (chained
    causes, contexts and exception groups included). Source lines stay: they are the app's code, and what a
    developer needs; they go through ``redact`` anyway in case a literal looks like a secret."""
    te = traceback.TracebackException(exc_type, exc, tb, capture_locals=False,  # type: ignore[arg-type]
                                      compact=True)
    seen: set[int] = set()
    pending: list[traceback.TracebackException] = [te]
    while pending:  # iterative: a long chain of causes must not hit the recursion limit here
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        # ``_str`` is where TracebackException keeps the message (3.11-3.13); no public setter exists.
        message = getattr(current, "_str", None)
        if isinstance(message, str):
            setattr(current, "_str", scrub_exception_message(message))  # noqa: B010
        notes = getattr(current, "__notes__", None)
        if notes:
            current.__notes__ = [scrub_exception_message(str(n)) for n in notes]
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        pending.extend(getattr(current, "exceptions", None) or ())
    return redact("".join(te.format()))


_TRACEBACK_HEAD = "Traceback (most recent call last):"
# The last line of each exception in a formatted traceback: "KeyError: 'x'", "app.errors.StoreError: ...".
_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*): (.*)$", re.M)


def scrub_traceback_text(text: str) -> str:
    """Scrub a traceback that was already formatted (e.g. passed to a log call as a string): its exception
    lines get the exception-message treatment, everything gets ``redact``."""
    if _TRACEBACK_HEAD in text:
        text = _EXCEPTION_LINE.sub(lambda m: f"{m[1]}: {scrub_exception_message(m[2])}", text)
    return redact(text)


class RedactingFilter(logging.Filter):
    """Scrubs each record before the handlers it is attached to write it.

    Attached to handlers (not loggers) because a logger's filters do not see records propagated from its
    children. The record is rewritten in place, so every later handler gets the scrubbed text too; the
    formatted traceback is scrubbed as well, since exception messages are where stray values hide.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the line
            message = f"{record.msg!r} (could not format {len(record.args or ())} arguments)"
        record.msg = scrub_traceback_text(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            # Always re-render: a handler that ran before this one may have cached the unscrubbed text.
            exc_type, exc, tb = record.exc_info
            record.exc_text = format_exception_safely(exc_type, exc, tb).rstrip("\n")
        elif record.exc_text:
            record.exc_text = scrub_traceback_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_file(paths: DataPaths) -> Path:
    return paths.logs_dir / LOG_FILE_NAME


# Loggers that would write job seekers' data at DEBUG/INFO: SQLAlchemy logs every statement with its
# parameters (names, e-mail addresses) as soon as its logger is enabled for INFO, which a root level of DEBUG
# does. They stay at WARNING whatever level the app asks for.
_QUIET_LOGGERS = ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm")


def stop_logging() -> None:
    """Remove (and close) the handlers ``configure_logging`` added: at exit, and between tests."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()


def configure_logging(paths: DataPaths, *, level: int = logging.INFO, stderr_level: int | None = None,
                      max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT) -> Path | None:
    """Send the app's log records to ``logs/counselor-desk.log`` in the data folder (and, for the command
    line, warnings to stderr). Returns the log file, or ``None`` when it cannot be written.

    A log that cannot be opened (read-only folder, full disk) must never keep a counselor from working, so
    that case only leaves a note on stderr. Calling it again replaces the earlier handlers.
    """
    stop_logging()
    root = logging.getLogger()
    formatter = logging.Formatter(LOG_FORMAT)
    target: Path | None = None
    try:
        paths.logs_dir.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(paths), maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True)
    except OSError as exc:
        if sys.stderr is not None:
            print(f"counselor-app: cannot write the log file ({exc.strerror}); continuing without it.",
                  file=sys.stderr)
        file_handler = logging.NullHandler()
    else:
        target = log_file(paths)
    handlers = [file_handler]
    file_handler.setLevel(level)
    if stderr_level is not None and sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(stderr_level)
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(min(level, stderr_level if stderr_level is not None else level))
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return target


def configure_cli_logging(args: Any) -> Path | None:
    """Logging for a ``counselor-app`` command: the data folder's log file, and warnings on stderr too.

    ``self-test --temp`` writes no log: it must leave no trace in a real data folder (and a build machine
    running the installed app's self-test may have none)."""
    if getattr(args, "temp", False):
        return None
    paths = DataPaths(resolve_data_dir(getattr(args, "data_dir", None)))
    return configure_logging(paths, stderr_level=logging.WARNING)
