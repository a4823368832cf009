"""Screenshots of the "After the appointment" page: the outcome review list and the reminder send preview.

    xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots_after_appointment.py [--lang en|es]
        [--out docs/screenshots]

A throw-away data folder with demo job seekers (Massachusetts, a fixed "today"), learner progress as if the
provider's usage report had been imported (two learners finished the Google IT Support certificate), and the
proposals the desk makes from it. The window is 1366x768, the smallest laptop screen the team designs for.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2020, 10, 20)
GOOGLE_IT = ["Technical Support Fundamentals", "The Bits and Bytes of Computer Networking",
             "Operating Systems and You: Becoming a Power User",
             "System Administration and IT Infrastructure Services",
             "IT Security: Defense against the digital dark arts"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("en", "es"))
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--all", action="store_true", help="also the Reminders and Removals tabs")
    args = parser.parse_args()
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())

    from sqlalchemy import select

    from counselor_app.core import open_desk
    from counselor_app.core.catalog import load_default_catalog
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.demo_progress import seed_progress
    from counselor_app.core.models import JobSeeker, LicenseIssuance
    from counselor_app.core.outcomes import (
        accept_outcome,
        confirm_entered,
        import_and_propose,
        list_outcomes,
        reject_outcome,
    )
    from counselor_app.core.settings import Settings
    from counselor_app.ui import labels
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.operations import TaskRunner
    from tests.ui import wizard_driver as drive

    def save(widget: object, path: Path) -> None:
        """A 256-color PNG (the UI's flat colors survive it) keeps the repository small."""
        image = widget.grab().toImage()  # type: ignore[attr-defined]
        image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither).save(str(path))

    install_translators(args.lang)
    root = Path(tempfile.mkdtemp(prefix="counselor-desk-after-"))
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Pat Morgan",
             counselor_role="administrator", ui_language=args.lang, smtp_host="smtp.example.gov",
             smtp_sender="reminders@masshire.example.gov").save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    seed_demo(desk, job_seekers=120, seed=15, today=TODAY)
    with desk.store.read() as session:
        people = session.execute(select(JobSeeker.id, JobSeeker.first_name, JobSeeker.last_name,
                                        LicenseIssuance.email, JobSeeker.preferred_language)
                                 .join(LicenseIssuance, LicenseIssuance.job_seeker_id == JobSeeker.id)
                                 .where(LicenseIssuance.status == "issued").order_by(JobSeeker.last_name)).all()
    spanish_first = sorted(people, key=lambda p: p[4] != args.lang)
    report = root / "usage.csv"
    with open(report, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Name", "Email", "External ID", "Course Name", "Enrollment Time", "Completion Time", "Completed",
                    "Learning Hours Spent"])
        for n, (jsid, first, last, email, _) in enumerate(spanish_first[:2]):
            for i, course in enumerate(GOOGLE_IT):
                w.writerow([f"{first} {last}", email, jsid, course, "2020-09-15 10:00:00",
                            f"2020-10-{5 + i + n:02d} 12:00:00", "Yes", "21"])
        for jsid, first, last, email, _ in spanish_first[2:9]:
            w.writerow([f"{first} {last}", email, jsid, "AI For Everyone", "2020-09-20 10:00:00",
                        "2020-10-09 15:30:00", "Yes", "6"])
    import_and_propose(desk, report)
    seed_progress(desk, seed=2020, share=0.5)  # the others: courses under way, some inactive
    for jsid, *_ in spanish_first[-2:]:  # two licenses given back: the Removals tab has someone to show
        with desk.store.read() as session:
            issuance = session.scalar(select(LicenseIssuance.id).where(LicenseIssuance.job_seeker_id == jsid))
        desk.licenses.change_status(issuance, status="inactivated", reason="Found work; asked to free the seat")
    rows = list_outcomes(desk)
    reject_outcome(desk, rows[-1].id, reason="Finished before the license was issued")
    # The first learner's credential already entered in MOSES, the closure accepted: every status shows.
    first = [r for r in rows if r.job_seeker_id == rows[0].job_seeker_id]
    credential = next(r for r in first if r.kind == "credential")
    closure = next(r for r in first if r.kind == "service_closure")
    accept_outcome(desk, credential.id)
    accept_outcome(desk, closure.id)
    confirm_entered(desk, [credential.id])

    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    ctx.set_catalog(load_default_catalog())
    window = MainWindow(ctx, remember_layout=False)
    window.resize(1366, 768)
    window.show()
    drive.wait(80)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    window.go_to("outcomes")
    page = window.page("outcomes")
    page.status_filter.setCurrentIndex(4)  # all, so every status shows
    drive.wait(80)
    page.table.selectRow(0)
    drive.wait(50)
    save(window, out / f"outcomes-review{suffix}.png")

    page.tabs.setCurrentIndex(1)
    page.list_choice.setCurrentIndex(page.list_choice.findData("invited_not_joined"))
    page.open_send_preview()
    dialog = page.send_dialog
    # Show the message in the screen's language when the list has one (each language on the list has a tab).
    for i in range(dialog.previews.count()):
        if f"({labels.language_labels()[args.lang]})" in dialog.previews.tabText(i):
            dialog.previews.setCurrentIndex(i)
    drive.wait(120)
    save(dialog, out / f"reminders-send-preview{suffix}.png")
    dialog.close()
    if args.all:  # the Reminders and Removals tabs too, for a look (not kept in docs/)
        save(window, out / f"reminders-tab{suffix}.png")
        page.tabs.setCurrentIndex(2)
        drive.wait(50)
        save(window, out / f"removals-tab{suffix}.png")
    window.close()
    desk.close()


if __name__ == "__main__":
    main()
