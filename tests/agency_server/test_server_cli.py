"""``counselor-agency-server``: every subcommand, in-process, plus the real console script serving HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from counselor_app.agency_server.cli import main
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.service import AgencyService
from counselor_app.sync import protocol as p
from tests.agency_server.server_support import PASSWORD, PROGRAM


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed_licenses(url: str) -> str:
    service = AgencyService(ServerStore(url))
    principal = service.authenticate(service.login(p.SessionRequest(username="dana", password=PASSWORD)).token)
    seeker = "11111111-1111-4111-8111-111111111111"
    changes = [
        p.Change(change_id="c1", entity="job_seeker", entity_id=seeker, op="create",
                 payload={"first_name": "Ana", "last_name": "Smith", "email": "ana.smith@example.org"}),
        p.Change(change_id="c2", entity="license_issuance", entity_id="l1", op="create",
                 payload={"job_seeker_id": seeker, "program_id": PROGRAM, "status": "issued",
                          "email": "ana.smith@example.org", "issued_on": "2020-10-01"}),
        # A name that is a formula and an address no provider accepts are refused (issue 12), not guarded:
        p.Change(change_id="c3", entity="job_seeker", entity_id="22222222-2222-4222-8222-222222222222",
                 op="create", payload={"first_name": "-2+3", "last_name": "Smith", "email": "@evil@example.org"}),
    ]
    results = service.apply_changes(principal, p.ChangeBatch(device_id="d1", changes=changes)).results
    assert [r.status for r in results] == ["applied", "applied", "rejected"]
    service.store.close()
    return seeker


def test_every_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    db = ["--database-url", database_url]
    code, out, _ = run(capsys, monkeypatch, "add-user", "dana", "--role", "counselor", "--center", "Boston",
                       "--password-stdin", *db, stdin=PASSWORD + "\n")
    assert code == 0 and "Added dana" in out
    code, _, err = run(capsys, monkeypatch, "add-user", "bo", "--role", "counselor", "--center", "Boston",
                       "--password-stdin", *db, stdin="short\n")
    assert code == 1 and "at least 10 characters" in err

    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"catalog_version": "x.1", "courses": []}))
    code, out, _ = run(capsys, monkeypatch, "publish-catalog", str(catalog), *db)
    assert code == 0 and "version 1" in out

    seeker = seed_licenses(database_url)
    report = tmp_path / "usage.csv"
    report.write_text("Name,Email,External ID,Course Name,Enrollment Time,Completion Time,Completed,"
                      f"Learning Hours Spent\nA Smith,x@example.org,{seeker},\"Data, Data\",2020-10-02,,No,1.5\n",
                      encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, "import-progress", str(report), *db)
    assert code == 0 and "1 matched" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("Name\nA\n")
    code, _, err = run(capsys, monkeypatch, "import-progress", str(bad), *db)
    assert code == 1 and "Course Name" in err

    out_file = tmp_path / "out" / "invitations.csv"
    code, out, _ = run(capsys, monkeypatch, "invitations", "--date", "2020-10-01", "--out", str(out_file), *db)
    assert code == 0 and "1 invitations" in out
    rows = list(csv.reader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert rows == [["Full Name", "Email", "External ID"], ["Ana Smith", "ana.smith@example.org", seeker]]

    code, out, _ = run(capsys, monkeypatch, "set-pool", PROGRAM, "--size", "500", *db)
    assert code == 0 and "500" in out
    code, out, _ = run(capsys, monkeypatch, "stats", "--json", *db)
    stats = json.loads(out)
    assert stats["records"]["job_seeker"] == 1 and stats["records"]["license_issuance"] == 1
    assert stats["licenses"]["issued"] == 1 and stats["users"] == 1 and stats["catalog_versions"] == 1
    assert stats["changes"] == {"applied": 2, "duplicate": 0, "conflict": 0, "rejected": 1}
    code, out, _ = run(capsys, monkeypatch, "stats", *db)
    assert code == 0 and "records:" in out

    code, out, _ = run(capsys, monkeypatch, "openapi", *db)
    assert code == 0 and json.loads(out)["info"]["title"] == "Counselor Desk agency sync protocol"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_console_script_serves(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.db'}"
    env = dict(os.environ)
    script = Path(sys.executable).with_name("counselor-agency-server")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "counselor_app.agency_server"]
    added = subprocess.run([*command, "add-user", "dana", "--role", "supervisor", "--center", "Boston",
                            "--password-stdin", "--database-url", url], input=PASSWORD + "\n", text=True,
                           capture_output=True, env=env, timeout=60)
    assert added.returncode == 0, added.stderr
    port = _free_port()
    server = subprocess.Popen([*command, "serve", "--database-url", url, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}{p.API_PREFIX}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{base}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.1)
        session = requests.post(f"{base}/session", json={"username": "dana", "password": PASSWORD}, timeout=10)
        assert session.status_code == 200 and session.json()["role"] == "supervisor"
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=20)
    assert session.json()["token"] not in err
