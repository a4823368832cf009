"""The log file holds no job seeker's name, e-mail or phone, and no token, password or key.

The core never logs names or contact details; the redacting filter catches what slips through anyway. The
main test runs a whole appointment (register, attest, issue) and, when the sync client and the reference
server are present, a sync against the real server on loopback, at DEBUG level, then reads the file.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from counselor_app.core.logs import (
    BACKUP_COUNT,
    RedactingFilter,
    configure_logging,
    log_file,
    redact,
    stop_logging,
)
from counselor_app.core.paths import DataPaths

try:  # the sync client and the reference server are written alongside; use them when they are there
    from counselor_app.sync.service import sync_once
    from tests.sync.sync_support import FAST_RETRY, PASSWORD, agency, signed_in  # noqa: F401 - fixture
except ImportError:  # pragma: no cover - only before sync exists
    HAVE_SYNC = False
else:
    HAVE_SYNC = True

FIRST, LAST = "Marisol", "Quintanilla-Reyes"
EMAIL = "marisol.qreyes@example.net"
PHONE = "(617) 555-0199"
PHONE_FORMS = ("617-555-0199", "6175550199", "617.555.0199", "(617) 555-0199", "555-0199")
ELIGIBLE = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}


@pytest.fixture
def app_log() -> Iterator[None]:
    """Leave the root logger as it was: the next test's temporary folder is not this one."""
    previous = logging.getLogger().level
    yield
    stop_logging()
    logging.getLogger().setLevel(previous)


def read_logs(paths: DataPaths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(paths.logs_dir.glob("counselor-desk.log*")))


@pytest.mark.parametrize(("text", "secret"), [
    ("mail maria.lopez+jobs@gmail.com now", "maria.lopez+jobs@gmail.com"),
    ("call (617) 555-1234", "555-1234"),
    ("call 617-555-1234", "617-555-1234"),
    ("call 617.555.1234", "617.555.1234"),
    ("call 6175551234.", "6175551234"),
    ("call +1 617 555 1234", "617 555 1234"),
    ("Authorization: Bearer eyJhbGciOi.J9eyJzdWIi.OiIxMjM0", "eyJhbGciOi"),
    ("token=abc123def", "abc123def"),
    ('{"token": "s3cr3t-value"}', "s3cr3t-value"),
    ("password: 'correct horse'", "correct horse"),
    ("db_key=0a1b2c", "0a1b2c"),
    ("key " + "ab12" * 16, "ab12" * 16),  # a 64-hex-digit database key, unlabeled
    ("sent Zx9_k2LmQ8vR4tY7uI1oP3aS5dF6gH0jKlMn", "Zx9_k2LmQ8vR4tY7uI1oP3aS5dF6gH0jKlMn"),  # token_urlsafe
    ("ssn 123-45-6789", "123-45-6789"),
])
def test_redact_removes_contact_details_and_secrets(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize("text", [
    "job seeker 3f2b8c1e-9a4d-4e7f-b1c2-0d9e8f7a6b5c updated",  # ids are what support needs
    "Backed up the database before migrating to counselor-desk-ma-before-migration-20201001-120000.db",
    "2020-10-01 12:00:00 synced 1234 changes in 12.5 s; keyring: SecretService",
    "/tmp/pytest-of-root/pytest-12/test_full_appointment0/data/logs/counselor-desk.log",
])
def test_redact_keeps_ordinary_lines(text: str) -> None:
    assert redact(text) == text


def test_filter_scrubs_arguments_tracebacks_and_every_handler(desk, app_log) -> None:
    configure_logging(desk.paths, level=logging.DEBUG)
    log = logging.getLogger("counselor_app.core.job_seekers")
    log.warning("Invitation to %s bounced; phone %s", EMAIL, PHONE)
    log.info("request headers %s", {"Authorization": "Bearer abc.def.ghi", "X-Token": "tok-123"})
    try:
        raise KeyError(f"{FIRST} {LAST}")
    except KeyError:
        log.exception("Lookup failed for %s", EMAIL)
    text = read_logs(desk.paths)
    for secret in (EMAIL, "555-0199", "abc.def.ghi", "tok-123", FIRST, LAST):
        assert secret not in text
    assert "<email>" in text and "<phone>" in text and "KeyError: '<redacted>'" in text
    # A traceback formatted by the caller and passed as an argument gets the same treatment.
    try:
        raise LookupError(f"no match for {FIRST!r}")
    except LookupError as exc:
        formatted = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error in background work:\n%s", formatted)
    assert FIRST not in read_logs(desk.paths) and "LookupError: no match for '<redacted>'" in read_logs(desk.paths)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "to %s", (EMAIL,), None)
    assert RedactingFilter().filter(record) and record.getMessage() == "to <email>"
    # A bad format string must not lose the line, nor raise inside logging.
    broken = logging.LogRecord("x", logging.INFO, __file__, 1, "to %s %s", (EMAIL,), None)
    assert RedactingFilter().filter(broken) and "could not format" in broken.getMessage()
    assert EMAIL not in broken.getMessage()


def test_full_appointment_and_sync_log_no_personal_data_or_secrets(desk, app_log, memory_keyring,
                                                                    request) -> None:
    target = configure_logging(desk.paths, level=logging.DEBUG)
    assert target == log_file(desk.paths)

    seeker = desk.job_seekers.register({"first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE},
                                       confirmed_not_duplicate=True).record
    appointment = desk.appointments.start(job_seeker_id=seeker.id).record
    attested = desk.appointments.attest(seeker.id, ELIGIBLE, appointment_id=appointment.id)
    issued = desk.licenses.issue(seeker.id, appointment_id=appointment.id, attestation_id=attested.attestation_id)
    assert issued.status == "issued"
    desk.job_seekers.update(seeker.id, {"phone": "617-555-0123"})
    desk.appointments.complete(appointment.id, outcome="license_issued", notes=f"Sent to {EMAIL}")

    passwords = ["hunter2"]
    if HAVE_SYNC:
        server = request.getfixturevalue("agency")
        signed_in(desk, server.url, "dana")
        report = sync_once(desk, retry=FAST_RETRY)
        assert report.complete and report.applied >= 5
        assert any(name.startswith("sync-token:") for _service, name in memory_keyring.secrets)
        passwords.append(PASSWORD)
    # Every secret in the keyring: the database key and, after the sync, the session token.
    secrets = list(memory_keyring.secrets.values())
    assert secrets
    # What careless lines would write, in the sync client and elsewhere in the app:
    for secret in secrets:
        logging.getLogger("counselor_app.sync.transport").debug(
            "POST /api/v1/changes headers={'Authorization': 'Bearer %s'} token=%s", secret, secret)
    logging.getLogger("counselor_app.core.licenses").info("Issued to %s (%s), key %s", EMAIL, PHONE, secrets[0])
    logging.getLogger("counselor_app.ui.app").error("Could not open password=%s", "hunter2")

    text = read_logs(desk.paths)
    assert text.strip(), "nothing was logged"
    assert "<email>" in text and "<redacted>" in text
    for value in (FIRST, LAST, EMAIL, *PHONE_FORMS, "617-555-0123", "5550123", *passwords, *secrets):
        assert value not in text, f"{value!r} is in the log"
    assert "INSERT INTO" not in text  # SQLAlchemy's statement log (with parameters) stays off at DEBUG


def test_log_file_rotates(tmp_path: Path, app_log) -> None:
    paths = DataPaths(tmp_path / "data")
    configure_logging(paths, max_bytes=2_000)
    log = logging.getLogger("counselor_app.core")
    for i in range(400):
        log.info("line %d of a long day at the desk", i)
    names = sorted(p.name for p in paths.logs_dir.iterdir())
    assert "counselor-desk.log" in names and "counselor-desk.log.1" in names
    assert len(names) <= BACKUP_COUNT + 1


def test_configuring_twice_does_not_double_lines(tmp_path: Path, app_log) -> None:
    paths = DataPaths(tmp_path / "data")
    configure_logging(paths)
    configure_logging(paths)
    logging.getLogger("counselor_app").warning("once")
    assert read_logs(paths).count("once") == 1


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_folder_does_not_stop_the_app(tmp_path: Path, app_log) -> None:
    root = tmp_path / "data"
    root.mkdir()
    root.chmod(0o500)
    try:
        assert configure_logging(DataPaths(root)) is None
        logging.getLogger("counselor_app").warning("still fine")
    finally:
        root.chmod(0o700)


def test_logs_folder_that_is_a_file_does_not_stop_the_app(tmp_path: Path, app_log, capsys) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "logs").write_text("not a folder")
    assert configure_logging(DataPaths(root)) is None
    logging.getLogger("counselor_app").warning("still fine")
    assert "cannot write the log file" in capsys.readouterr().err


def test_cli_commands_log_to_the_data_folder(tmp_path: Path, child_env) -> None:
    data = tmp_path / "data"
    run = subprocess.run([sys.executable, "-m", "counselor_app", "--data-dir", str(data), "seed-demo",
                          "--job-seekers", "5"], capture_output=True, text=True, env=child_env, timeout=120)
    assert run.returncode == 0, run.stderr
    text = (data / "logs" / "counselor-desk.log").read_text(encoding="utf-8")
    assert "alembic" in text  # the first open ran the migrations


def test_temp_self_test_writes_no_log_anywhere(tmp_path: Path, child_env) -> None:
    env = dict(child_env, COUNSELOR_APP_DATA_DIR=str(tmp_path / "default-data"))
    run = subprocess.run([sys.executable, "-m", "counselor_app", "self-test", "--temp"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "default-data").exists()
