#!/usr/bin/env bash
# Build the one-folder Linux bundle, run its self-test offscreen, and report its size and build time.
#
#   installer/ci_build_and_selftest.sh [VENV]
#
# VENV: the virtual environment to build with (default: the active one, $VIRTUAL_ENV, else ./.venv).
# DIST_DIR / WORK_DIR: where the bundle and PyInstaller's work files go (default: dist/ and build/).
# Exit codes: 0 built and self-tested; 3 PyInstaller could not be installed; anything else: a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

venv=${1:-${VIRTUAL_ENV:-$root/.venv}}
py="$venv/bin/python"
if [ ! -x "$py" ]; then
  echo "ci_build: no Python at $py (pass the virtual environment to build with)" >&2
  exit 2
fi
dist=${DIST_DIR:-$root/dist}
work=${WORK_DIR:-$root/build}

# PyInstaller is a build tool, not a run-time dependency: it lives in the 'installer' extra of pyproject.toml.
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
  if ! "$py" -m pip install -q "pyinstaller>=6.3"; then
    echo "ci_build: PyInstaller could not be installed into $venv" >&2
    exit 3
  fi
fi

start=$(date +%s)
"$py" installer/build.py --dist "$dist" --work "$work"
built=$(date +%s)

bundle="$dist/counselor-desk"
# Run the bundle as a counselor's machine would: outside the source tree, without the developer's Python
# path or keyring override (the self-test keeps its temporary folder's key in memory).
run_dir=$(mktemp -d)
trap 'rm -rf "$run_dir"' EXIT
echo "ci_build: $bundle/counselor-desk self-test --temp --gui"
(cd "$run_dir" && env -u PYTHONPATH -u PYTHON_KEYRING_BACKEND -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen \
  "$bundle/counselor-desk" self-test --temp --gui)
tested=$(date +%s)

echo "ci_build: bundle size: $(du -sh "$bundle" | cut -f1) ($bundle)"
echo "ci_build: build took $((built - start)) s, self-test $((tested - built)) s"
