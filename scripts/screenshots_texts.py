"""Screenshots of the core's results worded by the UI (issue 14, texts at the edge), in one language.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_texts.py [--lang es] [--out /tmp/texts]

Three screens at 1366x768 over a throw-away demo desk: a license refusal (a job seeker who already has a
license, on the Eligibility step), an import result (a usage report imported on the Reports page, and the
dialog for one refused for a bad cell), and the Sync page after a round that set changes aside (the Problem
column and the result lines). The sync round's report is built here (no server runs); the set-aside rows are
real outbox rows, parked with the server's reason codes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2020, 10, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="es")
    parser.add_argument("--out", default="/tmp/texts")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

    app = QApplication([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())

    from sqlalchemy import select

    from counselor_app.core import open_desk
    from counselor_app.core.catalog import load_default_catalog
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.models import JobSeeker, LicenseIssuance
    from counselor_app.core.settings import Settings
    from counselor_app.core.usage_report import UsageReportError
    from counselor_app.sync import outbox
    from counselor_app.sync.service import SyncReport
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import FRAME_ALLOWANCE, MainWindow
    from counselor_app.ui.operations import TaskRunner, error_message
    from tests.ui import wizard_driver as drive

    install_translators(args.lang)
    root = Path(tempfile.mkdtemp(prefix="counselor-desk-texts-"))
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Dana Rivera",
             counselor_role="supervisor", ui_language=args.lang).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    seed_demo(desk, job_seekers=60, today=TODAY)
    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    ctx.set_catalog(load_default_catalog())

    def new_window() -> MainWindow:
        window = MainWindow(ctx, remember_layout=False)
        window.resize(1366 - FRAME_ALLOWANCE.width(), 768 - FRAME_ALLOWANCE.height())
        window.show()
        drive.wait(50)
        return window

    # 1. A license refusal: someone already licensed comes back.
    with desk.store.read() as session:
        licensed = session.scalars(select(LicenseIssuance.job_seeker_id).limit(1)).one()
        emails = [e for e in session.scalars(select(JobSeeker.email).limit(5)) if e]
    window = new_window()
    window.start_appointment(licensed)
    drive.wait_for(lambda: window.wizard is not None)
    step = window.wizard.steps["eligibility"]
    drive.wait_for(lambda: step.refusal.isVisible(), message="no refusal shown")
    window.grab().save(str(out / f"texts-license-refusal-{args.lang}.png"))
    print("REFUSAL", step.refusal.text())
    window.close_wizard()

    # 2. An import result, and a report refused for a bad cell.
    report = root / "usage-report.csv"
    lines = ["Email,Course Name,Enrollment Time,Completed,Learning Hours Spent"]
    lines += [f"{email},Excel Skills for Business,2020-09-20 10:00,No,3.5" for email in emails]
    lines.append("someone.else@example.com,Python for Everybody,2020-09-21 10:00,No,1")
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    window.go_to("reports")
    reports = window.page("reports")
    reports.import_report_from(report)  # type: ignore[attr-defined]
    drive.wait(100)
    window.grab().save(str(out / f"texts-import-result-{args.lang}.png"))
    print("IMPORT", reports.status_label.text())  # type: ignore[attr-defined]
    bad = root / "usage-bad.csv"
    bad.write_text(lines[0] + f"\n{emails[0]},Excel Skills for Business,2020-09-20 10:00,No,lots\n",
                   encoding="utf-8")
    from counselor_app.core.progress_import import import_usage_report

    try:
        import_usage_report(desk, bad)
    except UsageReportError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Counselor Desk", error_message(exc),
                          QMessageBox.StandardButton.Ok, window)
        box.show()
        drive.wait(50)
        box.grab().save(str(out / f"texts-import-refused-{args.lang}.png"))
        print("REFUSED", box.text())
        box.close()

    # 3. The Sync page after a round that set changes aside.
    queued = outbox.list_entries(desk)
    seqs = [item.seq for item in queued][:3]
    for seq, code, reason in zip(seqs, ("invalid", "rule", "forbidden"), (
            "email: not a valid address", "This person already has a license in this program.",
            "Your role may not send this change."), strict=False):
        outbox.park(desk, seq, reason, code=code)
    window.go_to("sync")
    sync = window.page("sync")
    round_report = SyncReport(started_at=datetime.now(), finished_at=datetime.now(), sent=12, applied=9,
                              duplicates=0, conflicts=0, rejected=len(seqs), pulled=4, block_size=25,
                              queued_left=max(0, len(queued) - len(seqs)), parked_total=len(seqs))
    sync._sync_finished(round_report)  # type: ignore[attr-defined]
    drive.wait(100)
    window.grab().save(str(out / f"texts-sync-set-aside-{args.lang}.png"))
    print("SYNC", sync.message.text())  # type: ignore[attr-defined]
    window.close()
    desk.close()


if __name__ == "__main__":
    main()
