"""Screenshots of every screen and every wizard step, light theme, at 100 % and 150 % scaling.

    python scripts/screenshots.py [--out screenshots/out] [--scales 1,1.5] [--lang en,es] [--size 1366x768]
                                  [--docs docs/screenshots] [--all-docs docs/screenshots/1366x768]
                                  [--platform offscreen|xcb]

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py --platform xcb --scales 1 \
        --all-docs docs/screenshots/1366x768      # what issue 13 asks for: a real X server, a laptop's screen

Each scale and language runs in its own child process (``QT_SCALE_FACTOR`` must be set before Qt starts),
offscreen, over a throw-away data folder with a few hundred demo job seekers, learner progress as if the
provider's usage report had been imported, and the Massachusetts program dates around a fixed "today". The
wizard is walked with the same key-and-click driver the UI tests use, so what is photographed is what a
counselor would reach. English files are ``<screen>-<scale>.png``; the Spanish set is ``<screen>-es-<scale>.png``.
``--size`` is the screen: the window gets what a maximized window has on it (less the title bar and frame), and
every shot is checked with ``tests/ui/laptop_layout.py`` (problems are printed as ``LAYOUT``).
The Reports page is also taken before any progress exists (``page-reports-empty``), to show its empty state.
``--docs DIR`` then writes the README's pictures (``DOCS``) there, 800 pixels wide with a 256-color palette.
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
# The pictures in docs/screenshots and the 100 % screenshots they are made from.
DOCS = {"today.png": "page-today-100.png", "wizard-recommendations.png": "wizard-4-recommendations-100.png",
        "wizard-license.png": "wizard-6-license-100.png", "wizard-summary-es.png": "wizard-7-summary-es-100.png",
        "reports.png": "page-reports-100.png", "sync.png": "page-sync-attention-100.png",
        "handout.png": "handout-100.png"}


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
    from counselor_app.core.demo_progress import seed_progress
    from counselor_app.core.op_changes import OpChanges
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
    from counselor_app.ui.main_window import FRAME_ALLOWANCE
    from tests.ui.laptop_layout import layout_problems

    window.resize(size[0] - FRAME_ALLOWANCE.width(), size[1] - FRAME_ALLOWANCE.height())
    window.show()
    drive.wait(50)
    tag = f"{int(scale * 100)}" if lang == "en" else f"{lang}-{int(scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    shots: list[str] = []

    def shoot(name: str, widget: object = None) -> None:
        drive.wait(30)
        target = widget or window
        path = out / f"{name}-{tag}.png"
        image = target.grab().toImage()  # type: ignore[attr-defined]
        if _mostly_black(image):
            print(f"BLACK {path.name}")
        image.save(str(path))
        shots.append(path.name)
        if target is window:
            for problem in layout_problems(window):
                print(f"LAYOUT {name}-{tag}: {problem}")

    # An appointment left unfinished yesterday evening, so Today shows the resume box.
    window.start_appointment("")
    drive.wait_for(lambda: window.wizard is not None)
    w = window.wizard
    drive.register_new(w, first="Yesenia", last="Morales", email="yesenia.morales@example.com")
    drive.press_next(w, expect_step="eligibility")
    window.close_wizard()

    # Reports before any usage report was imported (its empty state), then with learner progress.
    window.go_to("reports")
    shoot("page-reports-empty")
    seed_progress(desk, seed=2020)
    ctx.events.operation_did_execute.emit(OpChanges(progress=True))
    drive.wait(50)

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
    shoot("wizard-2-eligibility-verdict")
    drive.press_next(wizard, expect_step="background")
    drive.fill_background(wizard)
    if lang == "es":  # a Spanish-speaking job seeker: Spanish courses, and a handout in Spanish
        drive.choose(wizard.steps["background"].form.inputs["preferred_language"], "es")
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

    # Sync with something the server refused: the Problem column appears and takes the room.
    from counselor_app.sync import outbox

    entries = [i for i in outbox.list_entries(desk) if i.entity == "job_seeker"]
    refused = next((i for i in entries if i.label == "María López" and i.op == "create"), entries[0])
    outbox.park(desk, refused.seq, "The e-mail address maria.lopez@gmial.com was refused by the agency server: "
                                   "the domain gmial.com does not receive mail.", code="invalid")
    ctx.events.operation_did_execute.emit(OpChanges(outbox=True))
    window.close_wizard()
    window.go_to("sync")
    sync = window.page("sync")
    drive.wait(250)  # the status bar's counts refresh after a short debounce
    sync.select_seq(refused.seq)
    shoot("page-sync-attention")

    # Dialogs.
    from counselor_app.ui.conflict_dialog import ConflictDialog
    from counselor_app.ui.first_run_dialog import FirstRunDialog
    from counselor_app.ui.sync_page import FixDialog
    from counselor_app.ui.sync_settings_dialog import SyncSettingsDialog

    settings_dialog = SyncSettingsDialog(ctx, window)
    settings_dialog.show()
    shoot("dialog-sync-settings", settings_dialog)
    settings_dialog.close()
    refused = next(i for i in outbox.list_entries(desk) if i.seq == refused.seq)  # now with the server's reason
    fix = FixDialog(refused, {"first_name": "María", "last_name": "López", "email": "maria.lopez@gmial.com",
                              "phone": "6175550142", "zip_code": "02119"}, window,
                    cms=desk.profile.case_management_system)
    fix.show()
    shoot("dialog-fix", fix)
    fix.close()
    view = outbox.ConflictView(seq=1, entity="job_seeker", entity_id="x", title="María López", my_version=3,
                               server_version=4, reason=None, fields=[
                                   outbox.FieldDiff("phone", "Phone", "6175550142", "6175550199", True),
                                   outbox.FieldDiff("email", "E-mail", "maria.lopez@gmail.com",
                                                    "maria.lopez@gmail.com", False),
                                   outbox.FieldDiff("zip_code", "ZIP code", "02119", "02121", False)])
    conflict = ConflictDialog(view, window, cms=desk.profile.case_management_system)
    conflict.show()
    shoot("dialog-conflict", conflict)
    conflict.close()

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


def _mostly_black(image: object) -> bool:
    """A screen or page drawn black (or transparent, which turns black once flattened): never a real screen."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    width, height = image.width(), image.height()
    points = [(x, y) for x in range(0, width, 17) for y in range(0, height, 17)]
    dark = sum(1 for x, y in points if image.pixelColor(x, y).alpha() < 128 or image.pixelColor(x, y).lightness() < 30)
    return bool(points) and dark > len(points) // 2


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
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    size = doc.pagePointSize(0)
    page = doc.render(0, QSize(int(size.width() * 1.5), int(size.height() * 1.5)))
    # The PDF page renders with a transparent background; flattened as it is (write_all's RGB32), transparent
    # turns black, which is what the "black" screenshots of issue 13 were. Paper is white.
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    if _mostly_black(image):
        print(f"BLACK {png.name}")
    image.save(str(png))
    print(f"{pdf.name}: {doc.pageCount()} page(s)")


def write_docs(out: Path, docs: Path) -> list[str]:
    """Small copies for the README: screens 800 pixels wide, the handout at its page size, 256 colors."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for name, source in DOCS.items():
        image = QImage(str(out / source))
        if image.isNull():
            continue
        width = 612 if name == "handout.png" else 800
        scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        small = QImage(scaled.size(), QImage.Format.Format_RGB32)
        small.fill(Qt.GlobalColor.white)  # the handout's page is transparent, not white
        painter = QPainter(small)
        painter.drawImage(0, 0, scaled)
        painter.end()
        small = small.convertToFormat(QImage.Format.Format_Indexed8, _palette(small),
                                      Qt.ImageConversionFlag.ThresholdDither)
        small.save(str(docs / name))
        written.append(name)
    return written


def write_all(out: Path, docs: Path) -> list[str]:
    """Every 100 % screenshot at its full size, in 256 colors, for docs/ (what a reviewer opens)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(out.glob("*-100.png")):
        image = QImage(str(source)).convertToFormat(QImage.Format.Format_RGB32)
        small = image.convertToFormat(QImage.Format.Format_Indexed8, _palette(image),
                                      Qt.ImageConversionFlag.ThresholdDither)
        small.save(str(docs / source.name))
        written.append(source.name)
    return written


def _palette(image: object) -> list[int]:
    """The 256 most used colors (grouped at 4 bits a channel): screens are flat colors and anti-aliased text,
    which a popularity palette keeps crisp where Qt's fixed color cube would dither."""
    from collections import Counter

    data = bytes(image.constBits())  # type: ignore[attr-defined]  # BGRA, RGB32
    groups: Counter[int] = Counter()
    sums: dict[int, list[int]] = {}
    for i in range(0, len(data), 4):
        b, g, r = data[i], data[i + 1], data[i + 2]
        key = (r >> 4) << 8 | (g >> 4) << 4 | (b >> 4)
        groups[key] += 1
        acc = sums.setdefault(key, [0, 0, 0])
        acc[0] += r
        acc[1] += g
        acc[2] += b
    table = []
    for key, count in groups.most_common(256):
        r, g, b = (v // count for v in sums[key])
        table.append(0xFF000000 | r << 16 | g << 8 | b)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "screenshots" / "out"))
    parser.add_argument("--scales", default="1,1.5")
    parser.add_argument("--lang", default="en,es", help="languages, comma-separated: en, es")
    parser.add_argument("--size", default="1366x768", help="the screen (the window fills it, less its frame)")
    parser.add_argument("--platform", default="offscreen", help="offscreen, or xcb under xvfb-run")
    parser.add_argument("--all-docs", help="write every 100 %% screenshot (256 colors) to this folder")
    parser.add_argument("--docs", help="also write the README's pictures to this folder (e.g. docs/screenshots)")
    parser.add_argument("--child-scale", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    langs = [lang.strip() for lang in args.lang.split(",") if lang.strip()]
    unknown = [lang for lang in langs if lang not in ("en", "es")]
    if unknown:
        parser.error(f"unknown language(s): {', '.join(unknown)} (en, es)")
    if args.child_scale is not None:
        _child(out, args.child_scale, langs[0], (width, height))
        return 0
    status = 0
    for lang in langs:
        for scale in (float(s) for s in args.scales.split(",")):
            env = dict(os.environ, QT_QPA_PLATFORM=args.platform, QT_SCALE_FACTOR=str(scale),
                       PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
            proc = subprocess.run([sys.executable, __file__, "--out", str(out), "--lang", lang, "--size",
                                   args.size, "--child-scale", str(scale)], env=env, check=False)
            status = status or proc.returncode
    print(f"Screenshots in {out}")
    if args.docs and status == 0:
        print(f"In {args.docs}: " + ", ".join(write_docs(out, Path(args.docs))))
    if args.all_docs and status == 0:
        print(f"In {args.all_docs}: {len(write_all(out, Path(args.all_docs)))} screenshots")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
