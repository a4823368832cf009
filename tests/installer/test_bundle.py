"""The installed app, built the way CI builds it: PyInstaller bundle, then its own self-test.

Slow (about half a minute to build here), and it needs PyInstaller, which the script installs into the
running virtual environment; where that is impossible (no package index), the test says so and skips.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "ci_build_and_selftest.sh"
PYINSTALLER_MISSING = 3


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds and checks the Linux bundle")
def test_linux_bundle_builds_and_passes_its_self_test(tmp_path: Path, report_figure) -> None:
    env = dict(os.environ)
    env["DIST_DIR"] = str(tmp_path / "dist")
    env["WORK_DIR"] = str(tmp_path / "build")
    venv = Path(sys.prefix)  # the environment running the tests is the one the app is installed in
    started = time.monotonic()
    result = subprocess.run(["bash", str(SCRIPT), str(venv)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=900)
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr
    if result.returncode == PYINSTALLER_MISSING:
        pytest.skip(f"PyInstaller could not be installed into {venv}: {result.stderr.strip()[-300:]}")
    assert result.returncode == 0, output[-4000:]

    lines = result.stdout.splitlines()
    assert "OK" in lines, output[-2000:]  # the bundle's own self-test passed
    size_line = next(line for line in lines if line.startswith("ci_build: bundle size:"))
    report_figure(f"Linux bundle: {size_line.removeprefix('ci_build: ')}; build and self-test took {elapsed:.0f} s")
    bundle = tmp_path / "dist" / "counselor-desk"
    assert (bundle / "counselor-desk").is_file()
    # Measured here: about 185 MB. Far above that means an excluded Qt module or package came back.
    assert re.search(r"bundle size: \d+(\.\d+)?M\b", size_line), size_line
    megabytes = float(re.search(r"bundle size: (\d+(?:\.\d+)?)M", size_line)[1])  # type: ignore[index]
    assert megabytes < 300, size_line
    # Nothing that must not ship: the reference server, tests, build tools (build.py checks the module list).
    internal = bundle / "_internal"
    assert not (internal / "counselor_app" / "agency_server").exists()
    assert not list(internal.glob("fastapi*")) and not list(internal.glob("uvicorn*"))
    assert not list(internal.rglob("*WebEngine*"))
