"""Supervisor commands for scheduled jobs (no Qt): progress import, summary workbook, invitation file, reminder
lists and the figures as JSON.

    counselor-app import-progress FILE
    counselor-app export-summary --out FILE.xlsx [--from D --to D --center C --counselor U] [--no-detail]
    counselor-app invitations --out FILE.csv [--date D] [--dry-run]
    counselor-app reminders --list NAME --out FILE.csv [--days N] [--message-out FILE.txt]
    counselor-app report --json [--from D --to D --center C --counselor U]

Each runs as the desk's configured user, so the data folder must be set up for a supervisor or an
administrator; the core refuses otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from counselor_app.core.desk import Desk, open_desk
from counselor_app.core.vocabulary import Entity


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD.") from None


def _add_filter(p: argparse.ArgumentParser, *, counselor: bool = True) -> None:
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD",
                   help="licenses issued on or after this day")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD",
                   help="licenses issued on or before this day")
    p.add_argument("--center", metavar="NAME", help="one center (its name, or part of it)")
    if counselor:
        p.add_argument("--counselor", metavar="NAME", help="one counselor (name or user name)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-progress", help="import the provider's usage report (CSV or XLSX)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--show-unmatched", type=int, default=20, metavar="N",
                   help="list up to N rows that match no job seeker (default 20)")
    p.set_defaults(handler=run_import_progress)

    p = sub.add_parser("export-summary", help="write the supervisor's Excel summary with charts")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    _add_filter(p)
    p.add_argument("--no-detail", action="store_true", help="leave out the sheet that names job seekers")
    p.set_defaults(handler=run_export_summary)

    p = sub.add_parser("invitations", help="write the daily invitation file for the provider")
    p.add_argument("--out", metavar="FILE.csv", help="default: the data folder's exports, named for the day")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="licenses issued on this day and not sent before (default: yesterday)")
    p.add_argument("--dry-run", action="store_true", help="count only: write nothing, mark nothing")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(handler=run_invitations)


    from counselor_app.core.reminder_sender import SEND_LISTS

    p = sub.add_parser("reminders", help="write a reminder list (CSV) and its message text, or send it (--send)")
    p.add_argument("--list", required=True, choices=SEND_LISTS, dest="list_name")
    p.add_argument("--out", metavar="FILE.csv", help="write the list as CSV (the four lists of the reports page)")
    p.add_argument("--send", action="store_true", help="e-mail the reminder through the agency's mail relay "
                   "(people who prefer texts go to --texts-out)")
    p.add_argument("--dry-run", action="store_true", help="with --send: show the count and the first messages, "
                   "send and record nothing")
    p.add_argument("--texts-out", metavar="FILE.csv", help="with --send: the texting CSV for people who prefer "
                   "text messages")
    p.add_argument("--days", type=int, metavar="N", help="inactive for N days / deadline within N days")
    p.add_argument("--message-out", metavar="FILE.txt", help="also write the message to this file")
    _add_filter(p)
    p.set_defaults(handler=run_reminders)

    p = sub.add_parser("report", help="print the program figures")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _add_filter(p)
    p.set_defaults(handler=run_report)


def _open(args: argparse.Namespace) -> Desk:
    return open_desk(data_dir=args.data_dir, agency=args.agency)


def _filter(desk: Desk, args: argparse.Namespace):  # -> ReportFilter
    from counselor_app.core.reports import ReportFilter, resolve_center, resolve_counselor

    if args.date_from and args.date_to and args.date_from > args.date_to:
        from counselor_app.core.errors import CounselorDeskError

        raise CounselorDeskError("--from is after --to.")
    return ReportFilter(date_from=args.date_from, date_to=args.date_to,
                        center_id=resolve_center(desk, getattr(args, "center", None)),
                        counselor_id=resolve_counselor(desk, getattr(args, "counselor", None)))


def _progress(label: str):  # -> Callable[[int, int], None]
    interactive = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if interactive:
            print(f"\r  {label}: {done:,} of {total:,}", end="", file=sys.stderr, flush=True)
    return show


def run_import_progress(args: argparse.Namespace) -> int:
    from counselor_app.core.progress_import import import_usage_report

    with _open(args) as desk:
        result = import_usage_report(desk, Path(args.file), progress=_progress("rows"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(result.summary())
    if not result.already_imported:
        from counselor_app.core.outcomes import propose_after_import

        with _open(args) as desk:
            proposed = propose_after_import(desk)
        if proposed is not None and proposed.proposed:
            print(f"{proposed.proposed:,} outcome proposals are waiting for review (counselor-app outcomes list).")
    for row in result.unmatched[: max(0, args.show_unmatched)]:
        who = row.email or row.external_id or "?"
        print(f"  row {row.row}: {who} — {row.course_name}: {row.reason}")
    if len(result.unmatched) > args.show_unmatched > 0:
        print(f"  …and {len(result.unmatched) - args.show_unmatched:,} more.")
    return 0


def run_export_summary(args: argparse.Namespace) -> int:
    from counselor_app.export.summary_workbook import export_summary_workbook

    with _open(args) as desk:
        result = export_summary_workbook(desk, Path(args.out), report_filter=_filter(desk, args),
                                         include_detail=not args.no_detail, progress=_progress("rows"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    t = result.figures.totals
    print(f"Wrote {result.path} ({result.detail_rows:,} detail rows, {result.seconds:.1f} s): {t.issued:,} issued, "
          f"{t.joined:,} joined, {t.completed:,} completed.")
    return 0


def run_invitations(args: argparse.Namespace) -> int:
    from counselor_app.core.invitations import (
        default_file_path,
        default_invitation_date,
        write_invitation_file,
    )

    with _open(args) as desk:
        day = args.date or default_invitation_date(desk)
        out = Path(args.out) if args.out else default_file_path(desk, day)
        result = write_invitation_file(desk, out, for_date=day, dry_run=args.dry_run, overwrite=args.force)
    print(result.summary())
    if result.path is not None and not result.dry_run:
        print(f"File: {result.path}")
    return 0


def run_reminders(args: argparse.Namespace) -> int:
    from counselor_app.core.reminders import REMINDER_LISTS, build_reminder_list, export_reminder_csv

    if args.send:
        from counselor_app.cli.reminder_commands import run_send

        with _open(args) as desk:
            return run_send(desk, args)
    if not args.out:
        print("Give --out FILE.csv to write the list, or --send to e-mail it.", file=sys.stderr)
        return 2
    if args.list_name not in REMINDER_LISTS:
        print(f"The list '{args.list_name}' can only be sent (--send).", file=sys.stderr)
        return 2

    with _open(args) as desk:
        reminders = build_reminder_list(desk, args.list_name, days=args.days, report_filter=_filter(desk, args))
        count = export_reminder_csv(desk, reminders, Path(args.out),
                                    message_path=Path(args.message_out) if args.message_out else None)
    print(f"{reminders.spec.title}: {count:,} people written to {args.out}.")
    if reminders.left_out_no_consent:
        print(f"{reminders.left_out_no_consent:,} left out: they did not consent to be contacted.")
    if reminders.note:
        print(reminders.note)
    if not args.message_out:
        print()
        print(reminders.message.as_text())
    return 0


def _state_outcomes(desk: Desk):  # -> tuple[StateOutcomeFigures | None, str]
    from counselor_app.core.outcomes import OutcomeRulesError, outcome_figures, rules_for

    try:
        return outcome_figures(desk), rules_for(desk).system
    except OutcomeRulesError:
        return None, ""


def run_report(args: argparse.Namespace) -> int:
    from counselor_app.core.reports import compute_summary

    with _open(args) as desk:
        f = _filter(desk, args)
        figures = compute_summary(desk, f)
        desk.audit("report_view", entity=Entity.REPORT, detail={"filter": f.as_dict(), "via": "cli"})
        state, state_system = _state_outcomes(desk)
    if args.json:
        data = figures.to_dict()
        if state is not None:
            data["state_outcomes"] = {"system": state_system, "licensed": state.licensed,
                                      "participants": state.participants,
                                      "reportable_individuals": state.reportable_individuals,
                                      "accepted": state.accepted, "entered": state.entered,
                                      "by_kind": state.by_kind}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    t = figures.totals
    rate = f"{t.completion_rate:.1%}" if t.completion_rate is not None else "—"
    print(figures.program_name)
    print(figures.filter_text)
    print(f"Licenses issued:     {t.issued:,}   (pending approval {t.pending_approval:,}, revoked {t.revoked:,})")
    print(f"Invited → joined → enrolled → completed: {t.invited:,} → {t.joined:,} → {t.enrolled:,} → "
          f"{t.completed:,}  (completion rate {rate})")
    print(f"Learning hours:      {t.learning_hours:,.1f}")
    print(f"Credentials earned:  {figures.credentials_earned:,}")
    if state is not None:  # issue 15: program-wide, the filter does not apply
        print(f"Participants vs reportable individuals: {state.participants:,} WIOA participants, "
              f"{state.reportable_individuals:,} reportable individuals (program-wide)")
        print(f"Outcomes for {state_system}: {state.accepted:,} accepted, {state.entered:,} entered")
    print("Most popular courses:")
    for c in figures.popular_courses[:5]:
        print(f"  {c.enrolled:>6,}  {c.course_name}")
    return 0
