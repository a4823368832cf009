"""Build the one-folder Counselor Desk application for this platform, check it, and report its size.

    python installer/build.py                 # build dist/counselor-desk/
    python installer/build.py --self-test     # ... then run the bundle's own self-test (offscreen if headless)
    python installer/build.py --inno          # Windows: also compile the Inno Setup installer

Why a script around ``pyinstaller counselor_desk.spec``: a bundle that builds can still be missing a data
file that only the frozen app needs (an Alembic revision, the offscreen platform plugin) or carry something
that must not ship (the reference server, test code). This checks both, so a broken bundle fails here rather
than on a counselor's laptop, and prints the size so growth is noticed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "counselor_desk.spec"
ISS = ROOT / "installer" / "windows" / "counselor_desk.iss"
NAME = "counselor-desk"

# Modules that must be in the bundle besides the app's own (all of which must be), and prefixes of modules
# that must not (checked in PyInstaller's table of contents, since the modules themselves sit inside the
# executable's archive).
REQUIRED_MODULES = ("sqlcipher3.dbapi2", "alembic", "keyring", "requests", "certifi", "openpyxl", "pydantic",
                    "python_calamine", "email_validator", "phonenumbers", "rapidfuzz", "charset_normalizer")
FORBIDDEN_MODULES = ("counselor_app.agency_server", "tests", "fastapi", "uvicorn", "starlette", "pytest",
                     "_pytest", "hypothesis", "PyInstaller", "pip", "setuptools", "keyrings",
                     "PySide6.QtWebEngine", "PySide6.Qt3D", "PySide6.QtMultimedia", "PySide6.QtQml",
                     "PySide6.QtQuick")


def _internal_dir(bundle: Path) -> Path:
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def executable(bundle: Path, *, console: bool = True) -> Path:
    """The program to run. On Windows the console twin, since the windowed one cannot print."""
    if sys.platform == "win32":
        return bundle / (f"{NAME}-cli.exe" if console else f"{NAME}.exe")
    return bundle / NAME


def bundle_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path``; symlinks counted once, as the installer will store them."""
    total = files = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += p.stat().st_size
                files += 1
    return total, files


def app_modules() -> list[str]:
    """Every module of the app that ships: all of ``counselor_app`` except the reference server. Command
    modules and UI pages are imported by name at run time, so PyInstaller cannot see them by itself."""
    package = ROOT / "counselor_app"
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[1:2] == ["agency_server"] or "migrations" in parts:
            continue  # migrations ship as source files (Alembic reads them from disk), checked below
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def _toc_modules(workpath: Path) -> set[str]:
    """Module names PyInstaller put into the archive (from its PYZ table of contents)."""
    names: set[str] = set()
    for toc in workpath.rglob("PYZ-*.toc"):
        text = toc.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            line = line.strip().lstrip("[(").strip()
            if line.startswith("('") or line.startswith("'"):
                names.add(line.strip("('").split("'", 1)[0])
    return names


def check_bundle(bundle: Path, workpath: Path) -> list[str]:
    """Problems found in a built bundle (empty when it is fine)."""
    problems: list[str] = []
    internal = _internal_dir(bundle)
    if not executable(bundle).exists():
        problems.append(f"missing executable {executable(bundle).name}")
    app = internal / "counselor_app"
    for rel in ("core/migrations/env.py", "core/migrations/script.py.mako", "resources/profiles/ma.json",
                "resources/profiles/ny.json"):
        if not (app / rel).is_file():
            problems.append(f"missing data file counselor_app/{rel}")
    if not list((app / "core" / "migrations" / "versions").glob("*.py")):
        problems.append("no Alembic revisions in counselor_app/core/migrations/versions")
    source_qm = sorted(p.name for p in (ROOT / "counselor_app" / "ui" / "translations").glob("*.qm"))
    bundled_qm = sorted(p.name for p in (app / "ui" / "translations").glob("*.qm"))
    if source_qm != bundled_qm:
        problems.append(f"translations differ: source {source_qm}, bundle {bundled_qm}")
    if not list(internal.rglob("sqlcipher3/_sqlite3*")):
        problems.append("the SQLCipher driver (sqlcipher3/_sqlite3) is missing")
    if not [p for p in internal.rglob("*qoffscreen*") if "platforms" in p.parts]:
        problems.append("the Qt 'offscreen' platform plugin is missing")
    if (internal / "counselor_app" / "agency_server").exists():
        problems.append("the reference server's files are in the bundle")
    if [p for p in internal.rglob("*WebEngine*")]:
        problems.append("Qt WebEngine files are in the bundle")
    # Qt's Python modules are extension files (PySide6/QtQuick.abi3.so, QtQuick.pyd), not archive members.
    for forbidden in (f for f in FORBIDDEN_MODULES if f.startswith("PySide6.")):
        leaked_files = sorted((internal / "PySide6").glob(forbidden.split(".", 1)[1] + "*"))
        if leaked_files:
            problems.append(f"{leaked_files[0].name} must not ship (excluded: {forbidden})")
    modules = _toc_modules(workpath)
    if modules:
        for required in (*app_modules(), *REQUIRED_MODULES):
            if required not in modules:
                problems.append(f"module {required} is not in the bundle")
        for forbidden in FORBIDDEN_MODULES:
            leaked = sorted(m for m in modules if m == forbidden or m.startswith(forbidden + ".")
                            or (forbidden.startswith("PySide6.") and m.startswith(forbidden)))
            if leaked:
                problems.append(f"module {leaked[0]} must not ship (excluded: {forbidden})")
    else:
        problems.append(f"no PyInstaller table of contents found under {workpath}")
    return problems


def run_self_test(bundle: Path, *, gui: bool, timeout: float = 300.0) -> int:
    """Run the bundle's ``self-test --temp [--gui]`` as a counselor's machine would: outside the source tree,
    without the developer's PYTHONPATH or keyring override, offscreen when there is no display."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHON_KEYRING_BACKEND", "VIRTUAL_ENV")}
    headless = sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if headless or os.environ.get("CI"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [str(executable(bundle)), "self-test", "--temp"] + (["--gui"] if gui else [])
    print(f"build: running {' '.join(cmd[1:])} in the bundle", flush=True)
    with tempfile.TemporaryDirectory(prefix="counselor-desk-bundle-") as cwd:
        try:
            result = subprocess.run(cmd, cwd=cwd, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"build: the bundle's self-test did not finish within {timeout:.0f} s", file=sys.stderr)
            return 1
    if result.returncode != 0:
        print(f"build: the bundle's self-test failed (exit code {result.returncode})", file=sys.stderr)
    return result.returncode


def compile_inno(bundle: Path, output: Path) -> int:
    """Windows only: compile installer/windows/counselor_desk.iss with Inno Setup 6's ISCC."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    for candidate in (Path(os.environ.get("ProgramFiles(x86)", "")) / "Inno Setup 6" / "ISCC.exe",
                      Path(os.environ.get("ProgramFiles", "")) / "Inno Setup 6" / "ISCC.exe",
                      Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6" / "ISCC.exe"):
        if not iscc and candidate.is_file():
            iscc = str(candidate)
    if not iscc:
        print("build: Inno Setup 6 (ISCC.exe) was not found; install it from jrsoftware.org or with "
              "'winget install JRSoftware.InnoSetup'", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from counselor_app import __version__

    cmd = [iscc, f"/DAppVersion={__version__}", f"/DSourceDir={bundle}", f"/O{output}", str(ISS)]
    print("build:", " ".join(cmd), flush=True)
    return subprocess.run(cmd).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)")
    parser.add_argument("--no-build", action="store_true", help="check (and self-test) an existing bundle")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--self-test", action="store_true", help="run the bundle's self-test after building")
    parser.add_argument("--no-gui", action="store_true", help="self-test without opening the main window")
    parser.add_argument("--inno", action="store_true", help="Windows: compile the Inno Setup installer")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    bundle = dist / NAME

    if not args.no_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print("build: PyInstaller is not installed here. Install it with: pip install -e '.[installer]'",
                  file=sys.stderr)
            return 2
        cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
        if args.clean:
            cmd.insert(3, "--clean")
        started = time.monotonic()
        print("build:", " ".join(cmd[2:]), flush=True)
        if subprocess.run(cmd, cwd=ROOT).returncode != 0:
            print("build: PyInstaller failed", file=sys.stderr)
            return 1
        print(f"build: PyInstaller took {time.monotonic() - started:.0f} s", flush=True)

    problems = check_bundle(bundle, work)
    size, files = bundle_size(bundle)
    print(f"build: bundle {bundle} is {size / 2**20:.1f} MiB in {files:,} files", flush=True)
    if problems:
        for problem in problems:
            print(f"build: problem: {problem}", file=sys.stderr)
        return 1
    if args.self_test and run_self_test(bundle, gui=not args.no_gui) != 0:
        return 1
    if args.inno:
        if sys.platform != "win32":
            print("build: --inno needs Windows (Inno Setup is a Windows tool)", file=sys.stderr)
            return 2
        return compile_inno(bundle, dist)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
