"""Core commands: seed-demo, self-test, status."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import keyring
import keyring.backend

from counselor_app.core.desk import open_desk
from counselor_app.core.paths import DataPaths, resolve_data_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("seed-demo", help="fill a data folder with realistic synthetic job seekers")
    p.add_argument("--job-seekers", type=int, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler=run_seed_demo)

    p = sub.add_parser("self-test", help="open the store, run migrations, load profile and catalog, print OK")
    p.add_argument("--temp", action="store_true", help="use a new temporary data folder")
    p.add_argument("--gui", action="store_true", help="also show the main window offscreen and close it")
    p.set_defaults(handler=run_self_test)

    p = sub.add_parser("status", help="counts of records and of changes not yet sent to the server")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_status)


def run_seed_demo(args: argparse.Namespace) -> int:
    from counselor_app.core.demo import configure_demo_settings, seed_demo
    from counselor_app.core.demo_progress import seed_progress
    from counselor_app.core.settings import Settings

    if args.job_seekers < 0:
        print("counselor-app: --job-seekers cannot be negative.", file=sys.stderr)
        return 2
    paths = DataPaths(resolve_data_dir(args.data_dir)).ensure()
    agency = args.agency or Settings.load(paths.settings_file).agency
    configure_demo_settings(paths.root, agency)

    def show(done: int, total: int) -> None:
        print(f"\r  {done:,} of {total:,} job seekers", end="", file=sys.stderr, flush=True)

    with open_desk(data_dir=paths.root, agency=agency) as desk:
        result = seed_demo(desk, job_seekers=args.job_seekers, seed=args.seed, progress=show)
        # Learners' progress too, so reports, reminders and the dashboard have something to show.
        seed_progress(desk, seed=args.seed)
    print(file=sys.stderr)
    print(f"Seeded {result.job_seekers:,} job seekers, {result.appointments:,} appointments and "
          f"{result.issuances:,} licenses in {paths.root}")
    return 0


@contextmanager
def _throwaway_keyring() -> Iterator[str]:
    """Swap in an in-memory keyring for ``self-test --temp`` only; yields what the system keyring is.

    Why: a build machine or a CI box has no keyring, yet the installed app's self-test should still prove that
    SQLCipher, the migrations, the resources and Qt all made it into the bundle; and on a counselor's laptop a
    throw-away folder's key should not be left behind in the real keyring. Why only here: the temporary
    folder is made and deleted inside the self-test, so its key protects nothing and losing it loses nothing.
    Real data folders never fall back: afterwards the previous keyring is restored, or, if it could not even
    be loaded, the "fail" keyring, so nothing in this process can open real data with an in-memory key.
    """
    from keyring.backends import fail

    from counselor_app.core import keystore

    previous: keyring.backend.KeyringBackend | None = None
    try:
        previous = keyring.get_keyring()
        keystore.ensure_keyring()
        system = f"{type(previous).__module__}.{type(previous).__name__}"
    except Exception as exc:  # noqa: BLE001 - a broken keyring set-up is what this line reports
        system = f"none usable ({type(exc).__name__}); real data folders will not open here"
    keyring.set_keyring(keystore.ThrowawayKeyring())
    try:
        yield system
    finally:
        keyring.set_keyring(previous if previous is not None else fail.Keyring())


def run_self_test(args: argparse.Namespace) -> int:
    from counselor_app.core.profiles import available_profiles, load_profile

    with tempfile.TemporaryDirectory(prefix="counselor-desk-selftest-") as tmp, ExitStack() as stack:
        if args.temp:
            root = Path(tmp)
            print(f"System keyring: {stack.enter_context(_throwaway_keyring())} (the temporary folder's key "
                  "is kept in memory)")
        else:
            root = resolve_data_dir(args.data_dir)
        for profile_id in available_profiles():
            load_profile(profile_id)
        with open_desk(data_dir=root, agency=args.agency) as desk:
            with desk.store.read() as session:
                ok = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
            if ok != "ok":
                print(f"counselor-app: the database failed its integrity check: {ok}", file=sys.stderr)
                return 1
            try:
                from counselor_app.core.catalog import load_default_catalog
            except ImportError:
                load_default_catalog = None  # type: ignore[assignment]
            if load_default_catalog is not None:
                load_default_catalog()
            if args.gui:
                from counselor_app.ui.app import gui_self_test

                gui_self_test(desk)
        print("OK")
    return 0


def run_status(args: argparse.Namespace) -> int:
    with open_desk(data_dir=args.data_dir, agency=args.agency) as desk:
        status = desk.status()
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        print(f"Data folder:   {status['data_dir']}")
        print(f"Agency:        {status['agency']} ({status['program']})")
        print(f"Job seekers:   {status['job_seekers']:,}")
        print(f"Appointments:  {status['appointments']:,}")
        iss = status["issuances"]
        print(f"Licenses:      {iss['issued']:,} issued, {iss['pending_approval']:,} pending approval, "
              f"{iss['revoked']:,} revoked, {iss['inactivated']:,} inactivated")
        ob = status["outbox"]
        print(f"Not yet sent:  {ob['queued']:,} queued, {ob['parked']:,} set aside, {ob['conflict']:,} conflicts")
        print(f"Last sync:     {status['last_successful_sync'] or 'never'}")
    return 0
