"""``counselor-agency-server``: run the reference server and do its administration from a shell.

Every subcommand takes ``--database-url`` (default: ``$COUNSELOR_AGENCY_DATABASE_URL``, then
``sqlite:///agency-server.db`` in the current folder) and brings the schema up to date before it starts.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from counselor_app import __version__
from counselor_app.agency_server import security
from counselor_app.agency_server.db import ENV_DATABASE_URL, ServerStore, describe_url, resolve_database_url
from counselor_app.agency_server.referrals import add_partner_cli
from counselor_app.agency_server.service import MAX_PROGRESS_BYTES, AgencyService, ServiceError
from counselor_app.core.environment_errors import file_write_error
from counselor_app.core.usage_report import UsageReportError, open_report_file
from counselor_app.sync.protocol import ROLES


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", metavar="URL",
                        help="SQLAlchemy URL: sqlite:///FILE (default sqlite:///agency-server.db) or "
                             "postgresql+psycopg://USER@HOST/DB; also $COUNSELOR_AGENCY_DATABASE_URL")
    parser = argparse.ArgumentParser(prog="counselor-agency-server",
                                     description="Reference agency server for Counselor Desk sync.")
    parser.add_argument("--version", action="version", version=f"counselor-agency-server {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8750, help="port (default 8750)")
    s.add_argument("--token-hours", type=float, default=12.0, help="how long a sign-in lasts (default 12)")
    s.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    s.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    s.add_argument("--access-log", action="store_true", help="log each request line (never bodies or tokens)")
    s.add_argument("--login-max-failures", type=_count, default=security.LOGIN_MAX_FAILURES_PER_USER, metavar="N",
                   help="failed sign-ins of one user name within the window before further attempts are refused "
                        f"(default {security.LOGIN_MAX_FAILURES_PER_USER}; 0: no limit)")
    s.add_argument("--login-max-failures-per-address", type=_count,
                   default=security.LOGIN_MAX_FAILURES_PER_ADDRESS, metavar="N",
                   help="failed sign-ins from one client address within the window, whatever the user name "
                        f"(default {security.LOGIN_MAX_FAILURES_PER_ADDRESS}; 0: no limit)")
    s.add_argument("--login-window-minutes", type=_minutes, metavar="MIN",
                   default=security.LOGIN_WINDOW.total_seconds() / 60,
                   help="the window failed sign-ins are counted in, and how long a lockout lasts after the last "
                        f"failure (default {security.LOGIN_WINDOW.total_seconds() / 60:g})")
    s.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="server processes sharing the port (default 1); they share nothing but the database, so "
                        "use PostgreSQL for more than one (SQLite has a single writer)")
    s.add_argument("--max-in-flight", type=_positive, metavar="N",
                   help="batches applied at once per process; more wait in a queue (default 6 on PostgreSQL, 2 on "
                        "SQLite)")
    s.add_argument("--max-queue", type=_count, default=64, metavar="N",
                   help="batches waiting per process before the next is answered 503 with Retry-After (default 64)")
    s.add_argument("--max-wait", type=_minutes, default=10.0, metavar="S",
                   help="longest predicted wait in the queue, in seconds, before a batch is answered 503 with "
                        "Retry-After instead (default 10; the desk gives up on an answer after 30)")
    s.add_argument("--graceful-timeout", type=_minutes, default=30.0, metavar="S",
                   help="on SIGTERM/SIGINT, seconds to let batches being applied finish (default 30)")
    s.set_defaults(handler=run_serve)

    s = sub.add_parser("add-user", parents=[common],
                       help="create a user, or reset their password and role (this also lifts a sign-in lockout)")
    s.add_argument("name", help="user name they sign in with")
    s.add_argument("--role", required=True, choices=ROLES)
    s.add_argument("--center", required=True, help="their career center's name")
    s.add_argument("--display-name", help="name shown in the app (default: the user name)")
    s.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from the first line of standard input")
    s.set_defaults(handler=run_add_user)

    s = sub.add_parser("publish-catalog", parents=[common], help="publish a course catalog (JSON) to devices")
    s.add_argument("file", type=Path)
    s.set_defaults(handler=run_publish_catalog)

    s = sub.add_parser("import-progress", parents=[common], help="import the provider's progress report (CSV)")
    s.add_argument("file", type=Path)
    s.set_defaults(handler=run_import_progress)

    s = sub.add_parser("invitations", parents=[common], help="write the day's bulk-invitation CSV")
    s.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    s.add_argument("--out", required=True, type=Path, metavar="FILE.csv")
    s.set_defaults(handler=run_invitations)

    s = sub.add_parser("stats", parents=[common], help="counts per entity, change result and license status")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=run_stats)

    s = sub.add_parser("set-pool", parents=[common], help="set a program's license pool size")
    s.add_argument("program_id")
    s.add_argument("--size", type=int, required=True, help="number of licenses; 0 for no limit")
    s.set_defaults(handler=run_set_pool)

    add_partner_cli(sub, common)  # issue 16: partner users' organizations

    s = sub.add_parser("openapi", parents=[common], help="write the protocol's OpenAPI document")
    s.add_argument("--out", type=Path, help="file to write (default: standard output)")
    s.set_defaults(handler=run_openapi)

    from counselor_app.agency_server.device_cli import add_commands as add_device_commands  # issue 17

    add_device_commands(sub, common)
    return parser


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _minutes(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _service(args: argparse.Namespace, **kwargs: object) -> AgencyService:
    return AgencyService(ServerStore(resolve_database_url(args.database_url)), **kwargs)  # type: ignore[arg-type]


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from counselor_app.agency_server.asgi import ENV_SETTINGS, build_app

    url = resolve_database_url(args.database_url)
    settings = {"token_hours": args.token_hours, "login_max_failures": args.login_max_failures,
                "login_max_failures_per_address": args.login_max_failures_per_address,
                "login_window_minutes": args.login_window_minutes, "max_queue": args.max_queue,
                "max_wait_s": args.max_wait, "max_in_flight": args.max_in_flight}
    store = ServerStore(url)  # migrate once, here, before any worker starts
    dialect = store.dialect
    store.close()
    scheme = "https" if args.ssl_certfile else "http"
    print(f"Counselor Desk agency server on {scheme}://{args.host}:{args.port} (database {describe_url(url)}, "
          f"{args.workers} worker{'s' if args.workers > 1 else ''})", file=sys.stderr)
    if scheme == "http" and args.host not in ("127.0.0.1", "localhost", "::1"):
        print("Warning: serving plain HTTP beyond this computer; use --ssl-certfile/--ssl-keyfile or a TLS "
              "proxy in front, since tokens and job seekers' data cross the network.", file=sys.stderr)
    if args.workers > 1 and dialect == "sqlite":
        print("Note: several workers over SQLite take turns at its single writer; a state's server runs on "
              "PostgreSQL (docs/DEPLOYMENT.md).", file=sys.stderr)
    common: dict[str, object] = {"host": args.host, "port": args.port, "log_level": "info",
                                 "access_log": args.access_log, "ssl_certfile": args.ssl_certfile,
                                 "ssl_keyfile": args.ssl_keyfile, "lifespan": "off",
                                 # SIGTERM: stop accepting, let the batches being applied commit, then exit.
                                 "timeout_graceful_shutdown": int(args.graceful_timeout)}
    if args.workers == 1:
        uvicorn.run(build_app(url, settings), **common)  # type: ignore[arg-type]
        return 0
    # Each worker process builds its own app (engine, pool) from the environment.
    os.environ[ENV_DATABASE_URL] = url
    os.environ[ENV_SETTINGS] = json.dumps(settings)
    uvicorn.run("counselor_app.agency_server.asgi:app_from_environment", factory=True, workers=args.workers,
                **common)  # type: ignore[arg-type]
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\r\n")
    created = _service(args).add_user(username=args.name, role=args.role, center=args.center, password=password,
                                      display_name=args.display_name)
    print(f"{'Added' if created else 'Updated'} {args.name} ({args.role}, {args.center}).")
    return 0


def run_publish_catalog(args: argparse.Namespace) -> int:
    try:
        catalog = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"counselor-agency-server: the catalog could not be read: {exc}", file=sys.stderr)
        return 1
    published = _service(args).publish_catalog(catalog, by="cli")
    print(f"Published catalog version {published.catalog_version}.")
    return 0


def run_import_progress(args: argparse.Namespace) -> int:
    # Regular files only, size-limited (a link to /dev/zero or a FIFO is refused, not read until memory ends).
    with open_report_file(args.file, max_bytes=MAX_PROGRESS_BYTES) as fh:
        data = fh.read(MAX_PROGRESS_BYTES + 1)
    result = _service(args).import_progress(data, file_name=args.file.name, by="cli")
    print(f"Imported {result.rows:,} rows: {result.matched:,} matched to job seekers, {result.unmatched:,} not.")
    if result.ignored_columns:
        print("Columns not used: " + ", ".join(result.ignored_columns))
    return 0


def run_invitations(args: argparse.Namespace) -> int:
    service = _service(args)
    rows = service.invitation_rows(args.date, by="cli")
    text = service.invitation_csv(rows)
    out: Path = args.out
    tmp = ""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".invitations-", suffix=".csv")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        # The day's batch is kept: asking again for this day writes the same file, invites nobody twice.
        print(f"counselor-agency-server: {file_write_error(exc, what='The invitation file', where=out.parent)} "
              f"Run the same command again once it can be written: it gives the same file.", file=sys.stderr)
        return 1
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise
    print(f"Wrote {len(rows):,} invitations for {args.date.isoformat()} to {out}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    stats = _service(args).stats()
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
    else:
        for section, value in stats.items():
            if isinstance(value, dict):
                print(f"{section}: " + ", ".join(f"{k} {v:,}" for k, v in value.items()))
            else:
                print(f"{section}: {value:,}")
    return 0


def run_set_pool(args: argparse.Namespace) -> int:
    if args.size < 0:
        print("counselor-agency-server: --size cannot be negative.", file=sys.stderr)
        return 2
    _service(args).set_pool(args.program_id, args.size or None)
    print(f"Pool of {args.program_id}: {args.size:,} licenses." if args.size else
          f"Pool of {args.program_id}: no limit.")
    return 0


def run_openapi(args: argparse.Namespace) -> int:
    from counselor_app.agency_server.app import openapi_document

    text = openapi_document()
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (ServiceError, UsageReportError) as exc:
        print(f"counselor-agency-server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
