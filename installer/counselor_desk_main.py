"""Entry point of the installed (frozen) app: the same ``counselor-app`` command line, with frozen-app care.

Why a separate file instead of ``counselor_app/__main__.py``: a windowed Windows executable starts with no
console, so ``sys.stdout``/``sys.stderr`` are ``None`` and the first ``print`` (argparse's help, a command's
output) would raise; and ``multiprocessing`` needs ``freeze_support()`` before anything else in a frozen
program.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _ensure_std_streams() -> None:
    """Give a windowed program somewhere harmless to print; the log file is where diagnostics go."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


def main() -> int:
    multiprocessing.freeze_support()
    _ensure_std_streams()
    from counselor_app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
