"""A power cut or a killed process must never lose a license whose issue call had returned."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from counselor_app.core import open_desk
from counselor_app.core.models import AuditEvent, LicenseIssuance, OutboxEntry
from counselor_app.core.settings import Settings

CHILD = r"""
import sys
from datetime import date
from counselor_app.core import open_desk
desk = open_desk(data_dir=sys.argv[1], agency="ma", today=date(2020, 10, 1))
answers = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}
n = 0
while True:
    seeker = desk.job_seekers.register({"first_name": "Crash", "last_name": "Tester", "email": f"c{n}@example.com"},
                                       confirmed_not_duplicate=True).record
    desk.appointments.attest(seeker.id, answers)
    result = desk.licenses.issue(seeker.id)
    print(result.issuance_id, flush=True)
    n += 1
"""


def test_sigkill_mid_issuance_loses_nothing_that_returned(configured_data_dir: Path, child_env,
                                                         parent_uses_child_keyring) -> None:
    settings = Settings.load(configured_data_dir / "settings.json")
    settings.default_offline_license_block = 100_000
    settings.save(configured_data_dir / "settings.json")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(configured_data_dir)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env)
    returned: list[str] = []
    deadline = time.monotonic() + 60
    while len(returned) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        returned.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(returned) >= 40, proc.stderr.read()
    # What the child printed before it died may also be in the pipe.
    returned += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]

    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        with desk.store.read() as s:
            assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            stored = set(s.scalars(select(LicenseIssuance.id)))
            queued = set(s.scalars(select(OutboxEntry.entity_id).where(OutboxEntry.entity == "license_issuance")))
            audited = set(s.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == "license_issue")))
    for issuance_id in returned:
        assert issuance_id in stored
        assert issuance_id in queued
        assert issuance_id in audited
    # Nothing half-written: every stored license has its outbox row and audit event.
    assert stored == queued == audited
