"""``counselor-agency-server device …`` and ``sign-out``: the administrator's device registry commands (issue 17)."""

from __future__ import annotations

import argparse
import json

from counselor_app.agency_server.db import ServerStore, resolve_database_url
from counselor_app.agency_server.devices import DeviceRegistry
from counselor_app.sync.device_protocol import DeviceState, DeviceStatusChange


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("device", parents=[common], help="list devices, or mark one lost, retired or active")
    s.add_argument("action", choices=("list", "lost", "retired", "active"),
                   help="lost: its sessions end now and it erases itself at its next contact; retired: it sends "
                        "what it holds, then erases itself; active: found again")
    s.add_argument("device_id", nargs="?", help="the device's id (from 'device list')")
    s.add_argument("--note", help="shown on the desk and kept in the audit, e.g. 'stolen at the Lynn job fair'")
    s.add_argument("--by", default="cli", help="the administrator's name for the audit (default: cli)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=run_device)

    s = sub.add_parser("sign-out", parents=[common], help="end every session of a user on every device")
    s.add_argument("name", help="the user name")
    s.add_argument("--by", default="cli", help="the administrator's name for the audit (default: cli)")
    s.set_defaults(handler=run_sign_out)


def _registry(args: argparse.Namespace) -> DeviceRegistry:
    return DeviceRegistry(ServerStore(resolve_database_url(args.database_url)))


def run_device(args: argparse.Namespace) -> int:
    registry = _registry(args)
    if args.action == "list":
        devices = registry.list().devices
        if args.json:
            print(json.dumps([d.model_dump(mode="json") for d in devices], indent=2))
            return 0
        for d in devices:
            seen = d.last_seen_at.isoformat(timespec="minutes") if d.last_seen_at else "never"
            wiped = f", erased {d.wiped_at.isoformat(timespec='minutes')}" if d.wiped_at else ""
            print(f"{d.device_id}  {d.status:<8} {d.label or '-'}  last seen {seen} by {d.last_user or '-'}{wiped}")
        if not devices:
            print("No devices are registered yet.")
        return 0
    if not args.device_id:
        print("counselor-agency-server: give the device's id (see 'device list').")
        return 2
    info = registry.set_status(args.device_id, DeviceStatusChange(status=DeviceState(args.action), note=args.note),
                               by=args.by)
    print(f"Device {info.device_id} is now {info.status}.")
    if info.status == DeviceState.LOST:
        print("Its sessions have ended; it erases its data the next time it reaches this server.")
    elif info.status == DeviceState.RETIRED:
        print("It sends what it still holds at its next sync, then erases its data.")
    return 0


def run_sign_out(args: argparse.Namespace) -> int:
    result = _registry(args).sign_out_everywhere(args.name, by=args.by)
    print(f"Signed {result.username} out everywhere: {result.sessions_ended} session(s) ended.")
    return 0
