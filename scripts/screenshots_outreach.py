"""Screenshots of the work before the appointment (issue 16): the campaign queue, the calendar's week and day,
the booking dialog with a clash, the Today page with people waiting and the Reports page's wait and service times,
in English and Spanish, at 1366x768.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_outreach.py [--out docs/screenshots]

Runs a real X window (``QT_QPA_PLATFORM=xcb`` under Xvfb) over a throw-away data folder: a few hundred demo job
seekers, a campaign imported from a customer list, calls recorded, bookings over the week of the Massachusetts
demo day, and two people waiting at the front desk. The clock of the outreach services is fixed at 10:20 AM on
that day so waits and "due" read the same on every run. Each language runs in its own child process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2020, 10, 1)
NOW_UTC = datetime(2020, 10, 1, 14, 20)  # 10:20 AM EDT
SIZE = (1366, 768)
LIST = """MOSES customer report — RESEA attendees since 03/01/2020
First Name,Last Name,Email,Phone,ZIP,Preferred Language
Ana,Rivera,ana.rivera@example.org,617-555-0101,02118,Spanish
Bob,Chen,bob.chen@example.org,617-555-0102,02139,English
Carla,Souza,carla.souza@example.org,617-555-0103,02128,Portuguese
Dmitri,Ivanov,,617-555-0199,02134,
Esther,Okafor,esther.okafor@example.org,617-555-0155,02121,English
Fernando,Díaz,fernando.diaz@example.org,617-555-0177,02119,Spanish
Grace,Lee,grace.lee@example.org,617-555-0188,02115,English
Hoa,Nguyen,hoa.nguyen@example.org,617-555-0166,02122,Vietnamese
"""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _child(out: Path, lang: str) -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())

    from counselor_app.core import open_desk
    from counselor_app.core.catalog import load_default_catalog
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.outreach import outreach_for
    from counselor_app.core.outreach_mail import MemoryMailSender
    from counselor_app.core.settings import Settings
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.operations import TaskRunner
    from counselor_app.ui.outreach_context import set_outreach
    from tests.ui import wizard_driver as drive

    install_translators(lang)
    root = Path(tempfile.mkdtemp(prefix="counselor-desk-outreach-shots-"))
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Dana Rivera",
             counselor_role="supervisor", ui_language=lang).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    seed_demo(desk, job_seekers=300, today=TODAY)
    clock = Clock(NOW_UTC - timedelta(days=3))
    out_services = outreach_for(desk, clock=clock, mail=MemoryMailSender())
    ana = desk.job_seekers.register({"first_name": "Ana", "last_name": "Rivera", "email": "ana.rivera@example.org",
                                     "preferred_language": "es", "zip_code": "02118"}, confirmed_not_duplicate=True)

    # The campaign, imported three days ago, and the calls made since.
    campaigns = out_services.campaigns
    imported = campaigns.import_list(LIST.encode(), file_name="resea-since-march-2020.csv",
                                     name="RESEA attendees since March 2020",
                                     purpose="RESEA attendees since March 2020")
    rows = {c.name: c for c in campaigns.contacts(imported.campaign_id)}
    clock.now = NOW_UTC - timedelta(days=2, hours=3)
    campaigns.record_attempt(rows["Bob Chen"].id, channel="call", outcome="no_answer")
    campaigns.record_attempt(rows["Carla Souza"].id, channel="call", outcome="left_message")
    campaigns.record_attempt(rows["Esther Okafor"].id, channel="call", outcome="declined", reason="employed")
    scheduling = out_services.scheduling
    booked = scheduling.book(local_start=datetime.combine(TODAY, time(10, 0)), contact_id=rows["Ana Rivera"].id)
    campaigns.record_attempt(rows["Ana Rivera"].id, channel="call", outcome="appointment_set")
    fer = scheduling.book(local_start=datetime.combine(TODAY + timedelta(days=1), time(14, 30)), minutes=45,
                          mode="phone", contact_id=rows["Fernando Díaz"].id)
    campaigns.record_attempt(rows["Fernando Díaz"].id, channel="call", outcome="appointment_set")
    del fer
    seekers = [s for s in desk.job_seekers.search("", limit=13) if s.id != ana.id]
    slots = [(0, time(11, 30), "in_person"), (0, time(15, 0), "video"), (-2, time(9, 30), "in_person"),
             (-1, time(13, 0), "outreach_event"), (2, time(10, 0), "in_person"), (4, time(11, 0), "phone"),
             (1, time(9, 0), "video"), (2, time(16, 30), "in_person")]
    for person, (offset, at, mode) in zip(seekers, slots, strict=False):
        scheduling.book(local_start=datetime.combine(TODAY + timedelta(days=offset), at), minutes=30, mode=mode,
                        job_seeker_id=person.id)
    # Earlier days' visits, for the wait and service figures on the Reports page: (days back, arrived at local
    # hour:minute, minutes waited, minutes served).
    from counselor_app.core.models import Appointment

    visits = [(1, (9, 5), 12, 35), (1, (9, 40), 25, 50), (1, (13, 15), 8, 30), (2, (10, 0), 41, 45),
              (2, (11, 20), 18, 25), (3, (9, 30), 6, 40), (3, (14, 10), 33, 55), (6, (10, 45), 15, 30)]
    for n, (back, (hour, minute), waited, served) in enumerate(visits):
        arrived = NOW_UTC.replace(hour=hour + 4, minute=minute) - timedelta(days=back)  # EDT is UTC-4
        clock.now = arrived
        entry = out_services.front_desk.check_in(name=f"Visitor {'ABCDEFGH'[n]}")
        clock.now = arrived + timedelta(minutes=waited)
        started = out_services.front_desk.start(entry.id)
        with desk.store.write() as session:
            session.get(Appointment, started.id).ended_at = clock.now + timedelta(minutes=served)
            session.get(Appointment, started.id).status = "completed"
    clock.now = NOW_UTC - timedelta(days=1, hours=2)
    out_services.front_desk.left_unseen(out_services.front_desk.check_in(name="Visitor I").id)
    clock.now = NOW_UTC - timedelta(minutes=35)
    out_services.front_desk.check_in(name="Tom Baker")
    clock.now = NOW_UTC - timedelta(minutes=22)
    out_services.front_desk.check_in(appointment_id=booked.appointment_id)
    clock.now = NOW_UTC - timedelta(minutes=9)
    out_services.front_desk.check_in(name="Li Wei")
    clock.now = NOW_UTC
    campaigns.claim(rows["Grace Lee"].id)  # the counselor is on the phone with Grace right now
    del ana

    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    ctx.set_catalog(load_default_catalog())
    set_outreach(ctx, out_services)
    window = MainWindow(ctx, remember_layout=False)
    window.resize(*SIZE)
    window.show()
    drive.wait(200)
    suffix = "" if lang == "en" else f"-{lang}"
    out.mkdir(parents=True, exist_ok=True)

    def shoot(name: str) -> None:
        drive.wait(150)
        path = out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print(path)

    window.go_to("outreach")
    page = window.page("outreach")
    page.refresh()
    page.table.selectRow(next(i for i in range(page.model.rowCount()) if page.model.row_at(i).name == "Grace Lee"))
    shoot("outreach-queue")
    window.go_to("calendar")
    cal = window.page("calendar")
    cal.show_day(TODAY, week=True)
    shoot("calendar-week")
    cal.show_day(TODAY)
    shoot("calendar-day")
    # The booking dialog on a taken time: the clash is said before saving.
    cal.last_dialog = None
    cal._book(day=TODAY, at=time(11, 30))
    dialog = cal.last_dialog
    person = seekers[-1]
    dialog.choose_person(person.id, person.full_name)
    dialog.minutes.setValue(45)
    dialog.mode.setCurrentIndex(dialog.mode.findData("video"))
    dialog.notes.setPlainText("Plan the IT support certificate" if lang == "en" else
                              "Planificar el certificado de soporte de TI")
    dialog.check_now()
    drive.wait(300)
    dialog.adjustSize()
    drive.wait(150)
    path = out / f"booking-dialog{suffix}.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.reject()
    window.go_to("today")
    shoot("today-waiting")
    window.go_to("reports")
    reports = window.page("reports")
    reports.refresh()
    drive.wait(400)
    index = list(reports.tables).index("front_desk")
    reports.tabs.setCurrentIndex(index)
    reports.tabs.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(reports.tabs, 0, 0)
    drive.wait(200)
    shoot("reports-wait-times")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="en,es")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.out, args.child)
        return 0
    for lang in args.lang.split(","):
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
        subprocess.run([sys.executable, __file__, "--out", str(args.out), "--child", lang], check=True, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
