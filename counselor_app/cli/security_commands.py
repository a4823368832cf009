"""Commands for agency IT: the recovery key (escrow), the desk's device state, retention and local users.

``recovery-keygen`` runs on IT's offline machine; ``recover-key`` runs on (or against a copy of) a desk whose
keyring entry was lost. See docs/DEPLOYMENT.md, "Recovering a desk whose key was lost".
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("recovery-keygen", help="IT, on an offline machine: make the agency's recovery key pair")
    p.add_argument("--private-out", required=True, metavar="FILE", help="where the private key goes (keep offline)")
    p.add_argument("--public-out", required=True, metavar="FILE", help="the public key to deploy to the desks")
    p.add_argument("--bits", type=int, default=4096)
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="protect the private key with a passphrase read from standard input")
    p.set_defaults(handler=run_recovery_keygen)

    p = sub.add_parser("recover-key", help="IT: put a lost database key back in the keyring from the escrow file, "
                       "with the agency's private recovery key")
    p.add_argument("--private-key", required=True, metavar="FILE", help="the agency's private recovery key (PEM)")
    p.add_argument("--passphrase-stdin", action="store_true", help="read the private key's passphrase from stdin")
    p.add_argument("--sync", action="store_true", help="then send the desk's unsent records to the server")
    p.set_defaults(handler=run_recover_key)

    p = sub.add_parser("retention", help="preview (default) or run the purge of synced personal data past the "
                       "agency profile's retention period")
    p.add_argument("--purge", action="store_true", help="purge now (the preview's counts are printed first)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_retention)

    p = sub.add_parser("escrow-status", help="is this desk's database key sealed to the agency's recovery key")
    p.set_defaults(handler=run_escrow_status)


def _passphrase(args: argparse.Namespace) -> bytes | None:
    if not args.passphrase_stdin:
        return None
    line = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else getpass.getpass("Passphrase: ")
    return line.encode("utf-8") or None


def run_recovery_keygen(args: argparse.Namespace) -> int:
    from counselor_app.core.key_escrow import generate_recovery_key_pair

    fp = generate_recovery_key_pair(Path(args.private_out), Path(args.public_out), bits=args.bits,
                                    passphrase=_passphrase(args))
    print(f"Recovery key pair written. Fingerprint (SHA-256 of the public key): {fp}")
    print(f"Deploy {args.public_out} to the desks; move {args.private_out} to offline storage now.")
    return 0


def _desk_files(args: argparse.Namespace) -> tuple[Path, str, Path]:
    from counselor_app.core.paths import DataPaths, resolve_data_dir
    from counselor_app.core.settings import Settings

    paths = DataPaths(resolve_data_dir(args.data_dir))
    settings = Settings.load(paths.settings_file)
    profile_id = args.agency or settings.agency
    return paths.root, profile_id, paths.database(profile_id)


def run_recover_key(args: argparse.Namespace) -> int:
    from counselor_app.core import keystore
    from counselor_app.core.db import create_store_engine
    from counselor_app.core.errors import StoreError
    from counselor_app.core.key_escrow import unseal

    root, profile_id, db_path = _desk_files(args)
    if not db_path.exists():
        print(f"counselor-app: there is no database at {db_path}.", file=sys.stderr)
        return 2
    try:
        private_pem = Path(args.private_key).read_bytes()
    except OSError as exc:
        print(f"counselor-app: the private recovery key could not be read ({exc.strerror}).", file=sys.stderr)
        return 2
    key = unseal(db_path, private_pem, password=_passphrase(args))
    # Prove the key opens the database before it replaces anything in the keyring.
    engine = create_store_engine(db_path, key_hex=key, pool_size=1)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")
    except StoreError:
        print("counselor-app: the unsealed key does not open this database (the escrow file belongs to another "
              "database).", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    keystore.set_secret(keystore.database_key_name(f"{root}:{profile_id}"), key)
    from counselor_app.core.desk import open_desk

    with open_desk(data_dir=root, agency=profile_id) as desk:
        desk.audit("database_key_recovered", detail={"by": "recovery_key"})
        status = desk.status()
        print(f"The database key is back in this computer's keyring; the desk opens again. "
              f"{status['outbox']['queued']:,} changes wait for the server.")
        if not args.sync:
            return 0
        from counselor_app.sync.errors import SyncError
        from counselor_app.sync.service import sync_once

        try:
            report = sync_once(desk)
        except SyncError as exc:
            print(f"counselor-app: {exc}", file=sys.stderr)
            return 1
        print(report.summary())
        return 0 if report.complete else 1


def run_escrow_status(args: argparse.Namespace) -> int:
    from counselor_app.core.key_escrow import escrow_status
    from counselor_app.core.settings import Settings

    root, _profile_id, db_path = _desk_files(args)
    settings = Settings.load(root / "settings.json")
    print(json.dumps(escrow_status(root, db_path, settings.recovery_public_key_file), indent=2))
    return 0


def run_retention(args: argparse.Namespace) -> int:
    from counselor_app.core.desk import open_desk
    from counselor_app.core.retention import preview, purge

    with open_desk(data_dir=args.data_dir, agency=args.agency) as desk:
        shown = preview(desk)
        result = purge(desk) if args.purge and shown.policy is not None else None
        if args.json:
            out = {"policy": None if shown.policy is None else {
                "days_after_program_end": shown.policy.days_after_program_end, "source": shown.policy.source,
                "cutoff": shown.policy.cutoff(shown.today).isoformat()},
                "in_force": shown.in_force, "purgeable": shown.purgeable, "kept_unsynced": shown.kept_unsynced,
                "kept_recent": shown.kept_recent, "already_purged": shown.already_purged,
                "purged": None if result is None else result.purged,
                "outreach_purged": None if result is None else result.outreach_purged}
            print(json.dumps(out, indent=2))
            return 0
        if shown.policy is None:
            print("The agency profile sets no retention period for this desk; nothing is purged.")
            return 0
        pol = shown.policy
        print(f"Retention: personal data leaves this desk {pol.days_after_program_end} days after the program "
              f"ends ({pol.program_end.isoformat()}), from {pol.cutoff(shown.today).isoformat()} on.")
        print(f"Source: {pol.source}")
        print(f"Job seekers whose data would be removed now: {shown.purgeable:,}; kept because something of "
              f"theirs is not on the server yet: {shown.kept_unsynced:,}; kept because changed recently or "
              f"after the last sync: {shown.kept_recent:,}; removed earlier: {shown.already_purged:,}.")
        if result is not None:
            print(f"Removed the personal data of {result.purged:,} job seekers and of {result.outreach_purged:,} "
                  "outreach records (contacts, referrals, bookings, waiting list). Counts in reports are unchanged.")
        elif not args.purge:
            print("Nothing was changed. Run with --purge to remove it.")
        return 0
