"""``counselor-app``: with no command it opens the desktop app; commands serve scripts and IT support.

The command modules import no Qt, so scheduled jobs run on servers without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from counselor_app import __version__

# Each module has ``register(subparsers)``; adding a command is adding a module here.
COMMAND_MODULES = (
    "counselor_app.cli.core_commands",
    "counselor_app.cli.catalog_commands",
    "counselor_app.cli.sync_commands",
    "counselor_app.cli.report_commands",
    "counselor_app.cli.outcome_commands",
    "counselor_app.cli.security_commands",
)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data folder (default: $COUNSELOR_APP_DATA_DIR, then the "
                        "platform's app-data folder)")
    parser.add_argument("--agency", help="agency profile, e.g. ma or ny (default: the one set up in the app)")
    parser.add_argument("--demo", action="store_true", help="open the app on a throw-away folder of demo data")
    parser.add_argument("--lang", choices=("en", "es"), help="language of the app's screens")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counselor-app",
        description="Counselor Desk. Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"Counselor Desk {__version__}")
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def _app_only_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options of a plain app start, or None when a command (or help) was asked for.

    Opening the app must not import the command modules: they load the database layer, and a counselor should
    see the window before that cost is paid (the app opens the records behind the window).
    """
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    base = argparse.ArgumentParser(prog="counselor-app", add_help=False)
    _add_global_options(base)
    try:
        known, rest = base.parse_known_args(argv)
    except SystemExit:
        return None
    if rest:
        return None
    known.command = None
    return known


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_args = _app_only_arguments(arguments)
    if app_args is not None:
        from counselor_app.ui.app import run_app

        return run_app(app_args)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        from counselor_app.ui.app import run_app

        return run_app(args)
    from counselor_app.core.errors import CounselorDeskError
    from counselor_app.core.logs import configure_cli_logging

    configure_cli_logging(args)
    try:
        return int(args.handler(args) or 0)
    except CounselorDeskError as exc:
        print(f"counselor-app: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the computer's doing (full disk, unreadable file): a sentence, never a traceback
        from counselor_app.core.environment_errors import file_write_error

        print(f"counselor-app: {file_write_error(exc, what='The result')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("counselor-app: stopped.", file=sys.stderr)
        return 130
