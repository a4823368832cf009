"""Screenshots of the lock screen and the counselors' sign-in (issue 17), in English and Spanish.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/lock_screenshots.py [--out docs/screenshots]

Runs on a real X display (xvfb) at 1366x768: a throw-away data folder with demo job seekers, two counselors with
PINs, an appointment in progress with a name typed in, then the lock. The whole screen is grabbed, not the window,
so the picture proves that nothing of the data shows around or through the lock.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _child(out: Path, lang: str) -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())
    from datetime import date

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from counselor_app.core import open_desk
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.local_accounts import LocalAccounts
    from counselor_app.core.settings import Settings
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.operations import TaskRunner
    from tests.ui import wizard_driver as drive

    install_translators(lang)
    folder = Path(tempfile.mkdtemp(prefix="lock-shots-"))
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Dana Rivera",
             ui_language=lang).save(folder / "settings.json")
    desk = open_desk(data_dir=folder, agency="ma", today=date(2020, 10, 1), language=lang)
    seed_demo(desk, job_seekers=40, seed=7)
    accounts = LocalAccounts(desk.store)
    accounts.set_secret(desk.actor, desk.actor.user_id, "274913")
    accounts.add_counselor(desk.actor, display_name="Lee Chen", secret="outreach fair")
    accounts.add_counselor(desk.actor, display_name="María Santos", secret="836104")
    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    window = MainWindow(ctx, remember_layout=False)
    window.move(0, 0)
    window.resize(1366, 768)
    window.show()
    drive.wait(300)
    window.go_to("job_seekers")
    drive.wait(200)
    screen = app.primaryScreen()
    wizard = drive.start_walk_in(window)
    drive.register_new(wizard, first="Rosa", last="Alvarez", email="rosa.alvarez@example.org")
    drive.wait(200)
    suffix = "" if lang == "en" else "-es"
    lock = window.session_lock
    lock.lock(reason="idle")
    drive.wait(300)
    screen.grabWindow(0).save(str(out / f"lock-screen{suffix}.png"))
    for _ in range(3):
        drive.type_into(lock.screen.secret, "111111")
        drive.click(lock.screen.ok_button)
        drive.wait(50)
    drive.wait(200)
    screen.grabWindow(0).save(str(out / f"lock-screen-throttled{suffix}.png"))
    lock.lock(sign_in=True)
    drive.wait(300)
    screen.grabWindow(0).save(str(out / f"sign-in{suffix}.png"))
    window.close()
    ctx.close()
    desk.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="en,es")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        _child(args.out, args.child)
        return 0
    for lang in args.lang.split(","):
        subprocess.run([sys.executable, __file__, "--out", str(args.out), "--child", lang], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
