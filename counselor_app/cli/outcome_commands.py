"""After the appointment, from the command line (no Qt):

    counselor-app outcomes propose                 # after an import (import-progress runs it too)
    counselor-app outcomes list [--status proposed]
    counselor-app outcomes accept ID [--date YYYY-MM-DD] [--subject TEXT]
    counselor-app outcomes reject ID --reason TEXT
    counselor-app outcomes export --out FILE.csv   # accepted, not yet entered; marks nothing
    counselor-app outcomes confirm --file FILE.csv # the administrator entered them in MOSES/OSOS
    counselor-app removals --out FILE.csv          # revoked/inactivated licenses for the provider's upload
    counselor-app mail-relay --host H --sender ADDRESS [--port 587 --security starttls --user U]
                                                   # the reminder relay; the password is asked for, kept in the keyring
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("outcomes", help="outcomes for the state's case-management system (MOSES, OSOS)")
    osub = p.add_subparsers(dest="outcomes_command", metavar="ACTION", required=True)
    osub.add_parser("propose", help="propose outcomes from the imported progress")
    q = osub.add_parser("list", help="list outcomes")
    q.add_argument("--status", choices=("proposed", "accepted", "rejected", "entered"), action="append")
    q = osub.add_parser("accept", help="accept a proposed outcome (optionally corrected)")
    q.add_argument("outcome_id")
    q.add_argument("--date", type=date.fromisoformat, help="the date it was achieved (YYYY-MM-DD)")
    q.add_argument("--subject", help="the course or credential name")
    q = osub.add_parser("reject", help="reject a proposed outcome, with the reason")
    q.add_argument("outcome_id")
    q.add_argument("--reason", required=True)
    q = osub.add_parser("export", help="write the data-entry sheet of accepted outcomes not yet entered")
    q.add_argument("--out", required=True, metavar="FILE.csv")
    q = osub.add_parser("confirm", help="mark the outcomes of an exported sheet as entered in the state's system")
    q.add_argument("--file", required=True, metavar="FILE.csv")
    p.set_defaults(handler=run_outcomes)

    p = sub.add_parser("removals", help="write the provider's removal file for revoked or inactivated licenses")
    p.add_argument("--out", required=True, metavar="FILE.csv")
    p.set_defaults(handler=run_removals)

    p = sub.add_parser("mail-relay", help="set up the agency's mail relay for reminders (password: keyring)")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, default=587)
    p.add_argument("--security", choices=("starttls", "tls", "none"), default="starttls")
    p.add_argument("--user", default="", help="user name on the relay (you are asked for the password)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--sender", required=True, help="the From address, e.g. reminders@agency.example.gov")
    p.add_argument("--sender-name", default="")
    p.add_argument("--ca-bundle", default="", help="the agency's CA certificate file, if the relay uses one")
    p.add_argument("--window-days", type=int, help="never the same reminder twice within this many days")
    p.set_defaults(handler=run_mail_relay)


def _open(args: argparse.Namespace):  # -> Desk
    from counselor_app.core.desk import open_desk

    return open_desk(data_dir=args.data_dir, agency=args.agency)


def run_outcomes(args: argparse.Namespace) -> int:
    from counselor_app.core import outcomes as o

    with _open(args) as desk:
        action = args.outcomes_command
        if action == "propose":
            result = o.propose_outcomes(desk)
            print(f"{result.proposed:,} new outcome proposals for {result.people:,} people; "
                  f"{result.already_known:,} were already known.")
        elif action == "list":
            for row in o.list_outcomes(desk, statuses=args.status):
                print(f"{row.id}  {row.status:<9} {row.achieved_on.isoformat()}  {row.full_name} — {row.label}"
                      + (f": {row.subject}" if row.subject else ""))
        elif action == "accept":
            row = o.accept_outcome(desk, args.outcome_id, achieved_on=args.date, subject=args.subject)
            print(f"Accepted: {row.full_name} — {row.label} ({row.achieved_on.isoformat()}).")
        elif action == "reject":
            row = o.reject_outcome(desk, args.outcome_id, reason=args.reason)
            print(f"Rejected: {row.full_name} — {row.label}.")
        elif action == "export":
            export = o.export_outcomes(desk, Path(args.out))
            print(f"{export.count:,} accepted outcomes written to {export.path} for {export.state}. Enter them in "
                  f"the state's system, then run: counselor-app outcomes confirm --file {export.path}")
        elif action == "confirm":
            done = o.confirm_entered(desk, o.outcome_ids_in_file(Path(args.file)))
            print(f"{done.entered:,} marked as entered; {done.already_entered:,} were already; "
                  f"{done.not_accepted:,} not accepted (left as they are).")
    return 0


def run_removals(args: argparse.Namespace) -> int:
    from counselor_app.core.removals import write_removal_file

    with _open(args) as desk:
        result = write_removal_file(desk, Path(args.out))
    if result.written:
        print(f"{result.written:,} learners written to {result.path} for the provider's removal upload.")
    else:
        print("Nobody is ready for removal; no file was written.")
    if result.waiting:
        print(f"{len(result.waiting):,} wait for a usage report imported after their last activity and the "
              "license change (their progress would otherwise be lost from the reports):")
        for c in result.waiting:
            print(f"  {c.full_name}: import a report made after {c.needs_import_after:%Y-%m-%d %H:%M} UTC")
    return 0


def run_mail_relay(args: argparse.Namespace) -> int:
    import getpass
    import sys

    from counselor_app.core.reminder_sender import configure_relay

    password = None
    if args.user:
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass(
            f"Password for {args.user} on {args.host}: ")
    with _open(args) as desk:
        configure_relay(desk, host=args.host, port=args.port, security=args.security, username=args.user,
                        sender=args.sender, sender_name=args.sender_name, ca_bundle=args.ca_bundle,
                        password=password, window_days=args.window_days)
    print(f"Reminders will go through {args.host}:{args.port} ({args.security}) from {args.sender}.")
    return 0
