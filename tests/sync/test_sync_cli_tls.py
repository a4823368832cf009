"""``counselor-app login/sync/logout`` with their exit statuses, and TLS: verification always on, with an agency
CA bundle when the agency runs its own certificate authority."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.runner import ServerThread
from counselor_app.cli import main
from counselor_app.core import keystore
from counselor_app.core.changes import append_change
from counselor_app.sync import service as sync_service
from counselor_app.sync.errors import CertificateError
from counselor_app.sync.service import sign_in, stored_token, sync_once, token_key
from counselor_app.sync.transport import normalize_server_url
from tests.sync.sync_support import (
    CENTER,
    FAST_RETRY,
    PASSWORD,
    Agency,
    DeskFactory,
    register_many,
)


def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str,
        stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(folder), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_login_sync_and_exit_statuses(agency: Agency, make_desk: DeskFactory, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real_make_client = sync_service.make_client
    monkeypatch.setattr(sync_service, "make_client",
                        lambda desk, token, **kw: real_make_client(desk, token, **(kw | {"retry": FAST_RETRY})))
    desk = make_desk("a")
    folder = desk.paths.root
    register_many(desk, 3)
    desk.close()

    code, _, err = cli(capsys, monkeypatch, folder, "sync")
    assert code == 3 and "Sign in" in err
    code, out, _ = cli(capsys, monkeypatch, folder, "login", "--server", agency.url + "/", "--user", "dana",
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and f"as dana (counselor, {CENTER})" in out
    assert json.loads((folder / "settings.json").read_text())["server_url"] == agency.url
    code, _, err = cli(capsys, monkeypatch, folder, "login", "--server", agency.url, "--user", "dana",
                       "--password-stdin", stdin="wrong password\n")
    assert code == 3 and "did not accept the user name or password" in err

    code, out, _ = cli(capsys, monkeypatch, folder, "sync", "--quiet")
    assert code == 0 and "Everything is on the agency server." in out and "3 applied" in out

    desk = make_desk("a")
    with desk.store.write() as session:
        append_change(session, entity="spaceship", entity_id="x", op="create", payload={})
    desk.close()
    code, out, _ = cli(capsys, monkeypatch, folder, "sync", "--json", "--quiet")
    report = json.loads(out)
    assert code == 1 and report["parked_total"] == 1 and report["complete"] is False

    desk = make_desk("a")
    keystore.set_secret(token_key(agency.url, desk.settings.device_id), "expired")
    desk.close()
    code, out, err = cli(capsys, monkeypatch, folder, "sync", "--quiet")
    assert code == 3 and "Sign in again" in err and "Not yet on the server: 3 queued" not in out

    cli(capsys, monkeypatch, folder, "login", "--server", agency.url, "--user", "dana", "--password-stdin",
        stdin=PASSWORD + "\n")
    agency.thread.stop()
    code, out, err = cli(capsys, monkeypatch, folder, "sync", "--quiet")
    assert code == 4 and "could not be reached" in err and "1 set aside" in out
    agency.restart()
    code, out, _ = cli(capsys, monkeypatch, folder, "logout")
    assert code == 0
    desk = make_desk("a")
    assert stored_token(desk) is None


def test_plain_http_only_to_this_computer() -> None:
    assert normalize_server_url(" https://sync.example.gov/ ") == "https://sync.example.gov"
    assert normalize_server_url("http://127.0.0.1:8750") == "http://127.0.0.1:8750"
    for bad in ("http://sync.example.gov", "ftp://x", "sync.example.gov", "https://x/?a=1", ""):
        with pytest.raises(ValueError):
            normalize_server_url(bad)


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test CA")
def test_tls_with_an_agency_ca_bundle(tmp_path: Path, make_desk: DeskFactory) -> None:
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Test Agency CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=tmp_path)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
             "-subj", "/CN=127.0.0.1", cwd=tmp_path)
    (tmp_path / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                                      "extendedKeyUsage=serverAuth\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf", cwd=tmp_path)
    store = ServerStore(f"sqlite:///{tmp_path / 'tls.db'}")
    app = create_app(store)
    app.state.service.add_user(username="dana", role="counselor", center=CENTER, password=PASSWORD)
    thread = ServerThread(app, ssl_certfile=str(tmp_path / "server.pem"), ssl_keyfile=str(tmp_path / "server.key"))
    url = thread.start()
    try:
        assert url.startswith("https://")
        stranger = make_desk("no-ca")
        with pytest.raises(CertificateError) as err:
            sign_in(stranger, server_url=url, username="dana", password=PASSWORD, retry=FAST_RETRY)
        assert "CA bundle" in str(err.value)
        desk = make_desk("with-ca")
        sign_in(desk, server_url=url, username="dana", password=PASSWORD, ca_bundle=str(tmp_path / "ca.pem"),
                retry=FAST_RETRY)
        register_many(desk, 2)
        assert sync_once(desk, retry=FAST_RETRY).complete
    finally:
        thread.stop()
        store.close()
