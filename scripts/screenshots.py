"""Screenshots of every screen and every wizard step, light theme, at 100 % and 150 % scaling.

    python scripts/screenshots.py [--out screenshots/out] [--scales 1,1.5] [--lang en|es] [--size 1280x860]

Each scale runs in its own child process (``QT_SCALE_FACTOR`` must be set before Qt starts), offscreen, over a
throw-away data folder with a few hundred demo job seekers and the Massachusetts program dates around a fixed
"today". The wizard is walked with the same key-and-click driver the UI tests use, so what is photographed is
what a counselor would reach.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2020, 10, 1)


def _child(out: Path, scale: float, lang: str, size: tuple[int, int]) -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import keyring

    from counselor_app.core.keystore import ThrowawayKeyring

    keyring.set_keyring(ThrowawayKeyring())
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 128

    from counselor_app.core import open_desk
    from counselor_app.core.demo import seed_demo
    from counselor_app.core.settings import Settings
    from counselor_app.ui.app_context import AppContext
    from counselor_app.ui.i18n import install_translators
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.operations import TaskRunner
    from tests.ui import wizard_driver as drive

    install_translators(lang)
    root = Path(tempfile.mkdtemp(prefix="counselor-desk-shots-"))
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Dana Rivera",
             counselor_role="supervisor", ui_language=lang).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    seed_demo(desk, job_seekers=400, today=TODAY)
    ctx = AppContext(desk, runner=TaskRunner(synchronous=True))
    from counselor_app.core.catalog import load_default_catalog

    ctx.set_catalog(load_default_catalog())
    window = MainWindow(ctx, remember_layout=False)
    window.resize(*size)
    window.show()
    drive.wait(50)
    tag = f"{int(scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    shots: list[str] = []

    def shoot(name: str, widget: object = None) -> None:
        drive.wait(30)
        target = widget or window
        path = out / f"{name}-{tag}.png"
        target.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path.name)

    # An appointment left unfinished yesterday evening, so Today shows the resume box.
    window.start_appointment("")
    drive.wait_for(lambda: window.wizard is not None)
    w = window.wizard
    drive.register_new(w, first="Yesenia", last="Morales", email="yesenia.morales@example.com")
    drive.press_next(w, expect_step="eligibility")
    window.close_wizard()

    for key in ("today", "job_seekers", "catalog", "reports", "sync", "settings"):
        window.go_to(key)
        page = window.page(key)
        if key == "job_seekers":
            page.search.set_text("maria")
            drive.wait(50)
            page.search.select_row(0)
            drive.wait(50)
        if key == "catalog":
            page.table.selectRow(0)
        shoot(f"page-{key}")
    window.go_to("job_seekers")
    jobs = window.page("job_seekers")
    jobs.tabs.setCurrentIndex(1)
    shoot("page-job_seekers-history")
    jobs.tabs.setCurrentIndex(0)
    jobs.new_record()
    drive.type_into(jobs.form.inputs["first_name"], "Luis")
    drive.type_into(jobs.form.inputs["email"], "luis@gmial.com")
    drive.click(jobs.save_button)
    shoot("page-job_seekers-validation")

    # The wizard, step by step.
    wizard = drive.start_walk_in(window)
    shoot("wizard-1-find")
    drive.register_new(wizard, first="María", last="López", email="maria.lopez@gmial.com", phone="6175550142",
                       zip_code="02119")
    shoot("wizard-1-register")
    drive.press_next(wizard, expect_step="eligibility")
    shoot("wizard-2-eligibility")
    drive.answer_eligible(wizard)
    drive.press_next(wizard)
    step = wizard.steps["eligibility"]
    step.scroll_area.ensureWidgetVisible(step.verdict)
    shoot("wizard-2-eligibility-verdict")
    drive.press_next(wizard, expect_step="background")
    drive.fill_background(wizard)
    shoot("wizard-3-background")
    drive.press_next(wizard, expect_step="recommendations")
    shoot("wizard-4-recommendations")
    rec = wizard.steps["recommendations"]
    cards = list(rec.cards.values())
    drive.click(cards[0].plan_box)
    drive.click(cards[1].compare_box)
    drive.click(cards[2].compare_box)
    rec.scroll_area.ensureWidgetVisible(rec.compare_box)
    shoot("wizard-4-compare")
    drive.press_next(wizard, expect_step="plan")
    shoot("wizard-5-plan")
    drive.press_next(wizard, expect_step="license")
    shoot("wizard-6-license")
    drive.click(wizard.steps["license"].confirm)
    drive.press_next(wizard, expect_step="summary")
    shoot("wizard-7-summary")
    pdf = out / f"handout-{tag}.pdf"
    wizard.steps["summary"].save_handout(str(pdf))
    _pdf_to_png(pdf, out / f"handout-{tag}.png")
    drive.press_next(wizard)

    # A refusal: the same person again is already licensed.
    wizard = drive.start_walk_in(window)
    find = wizard.steps["find"]
    find.search.set_text("López")
    drive.wait(50)
    find.search.select_row(0)
    drive.press_next(wizard, expect_step="eligibility")
    drive.wait_for(lambda: wizard.steps["eligibility"].refusal.isVisible())
    shoot("wizard-2-already-licensed")
    drive.press_next(wizard, expect_step="summary")
    shoot("wizard-7-refused")

    # Not eligible.
    window.close_wizard()
    wizard = drive.start_walk_in(window)
    drive.register_new(wizard, first="Robert", last="Smith", email="rob.smith@example.org", employment="employed")
    drive.press_next(wizard, expect_step="eligibility")
    drive.answer_not_eligible(wizard)
    drive.press_next(wizard)
    step = wizard.steps["eligibility"]
    step.scroll_area.ensureWidgetVisible(step.verdict)
    shoot("wizard-2-not-eligible")

    # Dialogs.
    from counselor_app.ui.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(Settings(), data_dir=root)
    dialog.show()
    shoot("dialog-first-run", dialog)
    dialog.close()
    from counselor_app.core.job_seekers import DuplicateCandidate
    from counselor_app.ui.duplicate_dialog import DuplicateDialog

    dup = DuplicateDialog([DuplicateCandidate("x", "María López", "maria.lopez@gmail.com", "6175550142",
                                              ("same e-mail address", "same phone number"))])
    dup.show()
    shoot("dialog-duplicate", dup)
    dup.close()
    print("\n".join(shots))
    window.close()
    ctx.close()
    desk.close()


def _pdf_to_png(pdf: Path, png: Path) -> None:
    """Render the handout's first page so it can be looked at like the screens."""
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return
    doc = QPdfDocument()
    doc.load(str(pdf))
    if doc.pageCount() < 1:
        return
    size = doc.pagePointSize(0)
    image = doc.render(0, QSize(int(size.width() * 1.5), int(size.height() * 1.5)))
    image.save(str(png))
    print(f"{pdf.name}: {doc.pageCount()} page(s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "screenshots" / "out"))
    parser.add_argument("--scales", default="1,1.5")
    parser.add_argument("--lang", default="en", choices=("en", "es"))
    parser.add_argument("--size", default="1280x860")
    parser.add_argument("--child-scale", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    if args.child_scale is not None:
        _child(out, args.child_scale, args.lang, (width, height))
        return 0
    status = 0
    for scale in (float(s) for s in args.scales.split(",")):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale),
                   PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        proc = subprocess.run([sys.executable, __file__, "--out", str(out), "--lang", args.lang, "--size",
                               args.size, "--child-scale", str(scale)], env=env, check=False)
        status = status or proc.returncode
    print(f"Screenshots in {out}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
