"""Sync commands: login, logout, sync. Scheduled jobs use ``counselor-app sync`` and read its exit status.

Exit status of ``sync``: 0 everything is on the server; 1 something is left unsent (the summary says what);
3 the sign-in has ended (run ``login`` again); 4 the server could not be reached; 5 TLS verification failed.
``login`` exits 3 when the server refuses the user name and password, or refuses to check them after too many
failed attempts (its message says how long to wait).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading

from counselor_app.core.desk import open_desk

EXIT_UNSENT = 1
EXIT_SIGN_IN = 3
EXIT_UNREACHABLE = 4
EXIT_CERTIFICATE = 5


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("login", help="sign in to the agency server (the token goes to the system keyring)")
    p.add_argument("--server", required=True, metavar="URL", help="the agency server, e.g. https://sync.example.gov")
    p.add_argument("--user", required=True, metavar="NAME")
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from the first line of standard input")
    p.add_argument("--ca-bundle", metavar="FILE", help="the agency's CA certificates (PEM), if it uses its own")
    p.set_defaults(handler=run_login)

    p = sub.add_parser("logout", help="end the session with the agency server and forget the token")
    p.set_defaults(handler=run_logout)

    p = sub.add_parser("sync", help="send queued changes to the agency server and receive its updates; exits "
                       "non-zero when anything is left unsent")
    p.add_argument("--no-pull", action="store_true", help="only send")
    p.add_argument("--reconcile", action="store_true",
                   help="first compare this desk's records with the server's (ids and versions, by digest) and "
                        "send again what the server lacks, e.g. after the server was restored from a backup")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    p.set_defaults(handler=run_sync)


def run_login(args: argparse.Namespace) -> int:
    from counselor_app.sync.errors import SyncError
    from counselor_app.sync.service import sign_in

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("counselor-app: no password on standard input.", file=sys.stderr)
        return 2
    with open_desk(data_dir=args.data_dir, agency=args.agency) as desk:
        try:
            info = sign_in(desk, server_url=args.server, username=args.user, password=password,
                           ca_bundle=args.ca_bundle)
        except ValueError as exc:
            print(f"counselor-app: {exc}", file=sys.stderr)
            return 2
        except SyncError as exc:
            print(f"counselor-app: {exc}", file=sys.stderr)
            return _exit_code(exc)
    print(f"Signed in to {desk.settings.server_url} as {info.display_name} ({info.role}, {info.center}); the "
          f"session lasts until {info.expires_at:%Y-%m-%d %H:%M} UTC.")
    return 0


def run_logout(args: argparse.Namespace) -> int:
    from counselor_app.sync.service import sign_out

    with open_desk(data_dir=args.data_dir, agency=args.agency) as desk:
        sign_out(desk)
    print("Signed out.")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from counselor_app.sync.errors import SyncError
    from counselor_app.sync.service import SyncProgress, sync_once

    def show(step: SyncProgress) -> None:
        if not args.quiet:
            total = f" of {step.total:,}" if step.total else ""
            print(f"\r  {step.message}: {step.done:,}{total}   ", end="", file=sys.stderr, flush=True)

    cancel = threading.Event()
    with open_desk(data_dir=args.data_dir, agency=args.agency) as desk:
        try:
            report = sync_once(desk, progress=show, cancel=cancel, pull=not args.no_pull,
                               reconcile=args.reconcile)
            code = 0 if report.complete else EXIT_UNSENT
        except KeyboardInterrupt:
            cancel.set()
            raise
        except SyncError as exc:
            if not args.quiet:
                print(file=sys.stderr)
            print(f"counselor-app: {exc}", file=sys.stderr)
            if exc.report is None:
                return _exit_code(exc)
            report = exc.report
            code = _exit_code(exc)
        else:
            if not args.quiet:
                print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.summary(include_error=False))
    return code


def _exit_code(exc: Exception) -> int:
    from counselor_app.sync.errors import (
        AuthenticationRequired,
        CertificateError,
        NotSignedIn,
        ServerUnreachable,
        SignInThrottled,
    )

    if isinstance(exc, (AuthenticationRequired, NotSignedIn, SignInThrottled)):
        return EXIT_SIGN_IN
    if isinstance(exc, ServerUnreachable):
        return EXIT_UNREACHABLE
    if isinstance(exc, CertificateError):
        return EXIT_CERTIFICATE
    return EXIT_UNSENT
