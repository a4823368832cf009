"""``counselor-app reminders --list NAME --send [--dry-run] [--texts-out FILE.csv]`` (no Qt).

The count and the first messages are printed before anything is sent; a dry run stops there. Ctrl-C cancels
between two messages: what was sent stays recorded, the rest waits for the next run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk


def run_send(desk: Desk, args: argparse.Namespace) -> int:
    from counselor_app.core.reminder_sender import export_texts, plan_reminders, preview, send_reminders

    plan = plan_reminders(desk, args.list_name, days=args.days)
    print(f"Reminder '{plan.list_name}': {len(plan.emails):,} e-mails, {len(plan.texts):,} text messages.")
    if plan.left_out_no_consent:
        print(f"{plan.left_out_no_consent:,} left out: they did not consent to be contacted.")
    if plan.skipped_recent:
        print(f"{plan.skipped_recent:,} left out: they had this reminder in the last {plan.window_days} days.")
    if plan.no_phone_for_text:
        print(f"{plan.no_phone_for_text:,} left out: they prefer texts but have no phone number.")
    if plan.note:
        print(plan.note)
    for message in preview(desk, plan, first=2):
        print(f"\n--- to a {message.language} speaker ---\nSubject: {message.subject}\n\n{message.body}")
    if args.dry_run:
        print("\nDry run: nothing was sent or recorded.")
        return 0
    cancel = Event()
    interactive = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if interactive:
            print(f"\r  sending: {done:,} of {total:,}", end="", file=sys.stderr, flush=True)

    try:
        report = send_reminders(desk, plan, progress=show, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        raise
    if interactive:
        print(file=sys.stderr)
    print(f"Sent {report.sent:,}; permanent failures {report.failed_permanent:,}; temporary failures (try again "
          f"later) {report.failed_temporary:,}; skipped {report.skipped_now:,}.")
    for send_id, code, reason in report.failures:
        print(f"  send {send_id}: {code or '-'} {reason}")
    if plan.texts:
        if args.texts_out:
            count = export_texts(desk, plan, Path(args.texts_out))
            print(f"{count:,} text messages written to {args.texts_out} for the texting tool.")
        else:
            print(f"{len(plan.texts):,} people prefer texts: give --texts-out FILE.csv to write them.")
    return 0 if not report.failed_temporary else 3
