"""Reminder e-mail against a real SMTP server on loopback (aiosmtpd): language, merge fields, headers, retries,
permanent failures per address, consent, the once-per-window rule, and a SIGKILL mid-send."""

from __future__ import annotations

import asyncio
import csv
import email
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from counselor_app.core import open_desk
from counselor_app.core.models import AuditEvent, OutboxEntry, ReminderSend
from counselor_app.core.reminder_sender import (
    SendStatus,
    SmtpRetry,
    export_texts,
    list_sends,
    plan_reminders,
    preview,
    send_reminders,
    set_smtp_password,
)
from counselor_app.core.settings import Settings

TODAY = date(2020, 10, 20)
ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}
FAST = SmtpRetry(attempts=3, backoff_base_s=0.01, backoff_cap_s=0.05)
USER, PASSWORD = "desk-relay", "s3cret relay password"


@dataclass
class Relay:
    """What the agency's relay received, and scripted answers per recipient address."""

    received: list[tuple[tuple[str, ...], bytes]] = field(default_factory=list)
    rcpt_codes: dict[str, list[str]] = field(default_factory=dict)
    data_codes: dict[str, list[str]] = field(default_factory=dict)
    delay_s: float = 0.0
    logins: list[bytes] = field(default_factory=list)

    mail_codes: list[str] = field(default_factory=list)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802 - aiosmtpd hook
        if self.mail_codes:
            return self.mail_codes.pop(0)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd hook
        codes = self.rcpt_codes.get(address)
        if codes:
            return codes.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook
        for address in envelope.rcpt_tos:
            codes = self.data_codes.get(address)
            if codes:
                return codes.pop(0)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        self.received.append((tuple(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(content, policy=policy.default) for _, content in self.received]

    def addresses(self) -> list[str]:
        return [a for rcpts, _ in self.received for a in rcpts]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def relay():
    handler = Relay()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and (
            auth_data.password == PASSWORD.encode())
        handler.logins.append(auth_data.login if isinstance(auth_data, LoginPassword) else b"")
        return AuthResult(success=ok)

    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), authenticator=authenticate,
                            auth_require_tls=False)
    controller.start()
    handler.port = controller.port  # type: ignore[attr-defined]
    yield handler
    controller.stop()


PEOPLE = [
    # first, last, e-mail, language, consent, prefers text, phone
    ("Ana", "Lopez", "ana@example.org", "es", True, False, None),
    ("Ben", "Okafor", "ben@example.org", "en", True, False, None),
    ("Cleo", "Nguyen", "cleo@example.org", "en", False, False, None),  # no consent
    ("Dario", "Silva", "dario@example.org", "es", True, True, "6175550188"),  # prefers texts
    ("Eve", "Tran", "eve@example.org", "en", True, False, None),
]


def make_desk(root: Path, port: int, *, people=PEOPLE, username: str = USER):
    root.mkdir(parents=True, exist_ok=True)
    Settings(agency="ma", center_name="MassHire Boston Career Center", counselor_name="Pat Admin",
             counselor_role="administrator", smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
             smtp_username=username, smtp_sender="reminders@masshire.example.gov",
             smtp_sender_name="MassHire Boston", smtp_timeout_s=5.0).save(root / "settings.json")
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    ids = {}
    for first, last, mail, lang, consent, text, phone in people:
        data = {"first_name": first, "last_name": last, "email": mail, "preferred_language": lang,
                "consent_to_contact": consent, "prefers_text": text}
        if phone:
            data["phone"] = phone
        seeker = desk.job_seekers.register(data, confirmed_not_duplicate=True).record
        att = desk.appointments.attest(seeker.id, ELIGIBLE)
        assert desk.licenses.issue(seeker.id, attestation_id=att.attestation_id).status == "issued"
        ids[mail] = seeker.id
    if username:
        set_smtp_password(desk, PASSWORD)
    return desk, ids


def test_messages_arrive_in_the_persons_language_with_merge_fields_and_headers(relay, tmp_path: Path,
                                                                               caplog) -> None:
    desk, ids = make_desk(tmp_path / "d", relay.port)
    try:
        plan = plan_reminders(desk, "invited_not_joined")
        assert {w.email for w in plan.emails} == {"ana@example.org", "ben@example.org", "eve@example.org"}
        assert [w.job_seeker_id for w in plan.texts] == [ids["dario@example.org"]]
        assert plan.left_out_no_consent == 1
        shown = preview(desk, plan, first=2)
        assert len(shown) == 2 and shown[0].to == "ana@example.org" and shown[0].subject.startswith("Su licencia")
        with caplog.at_level(logging.DEBUG):
            report = send_reminders(desk, plan, retry=FAST)
        assert report.sent == 3 and report.failed_permanent == report.failed_temporary == 0
        assert relay.logins and relay.logins[0] == USER.encode()
        by_to = {m["To"]: m for m in relay.messages()}
        assert set(by_to) == {"ana@example.org", "ben@example.org", "eve@example.org"}
        ana, ben = by_to["ana@example.org"], by_to["ben@example.org"]
        assert ana["Subject"] == "Su licencia gratuita de Coursera le está esperando"
        assert ana["Content-Language"] == "es" and ben["Content-Language"] == "en"
        body_es = ana.get_content()
        assert body_es.startswith("Hola, Ana:") and "31 de octubre de 2020" in body_es
        assert "31 de diciembre de 2020" in body_es and "{" not in body_es
        body_en = ben.get_content()
        assert body_en.startswith("Hello Ben,") and "October 31, 2020" in body_en
        assert "contact your MassHire Career Center counselor" in body_en
        assert ben["From"] == "MassHire Boston <reminders@masshire.example.gov>"
        assert ben["Auto-Submitted"] == "auto-generated" and ben["Message-ID"] and ben["Date"]
        assert ben["X-Counselor-Desk-Reminder"] == "invited_not_joined"
        # Each send recorded: audited, in the outbox, in the person's history.
        with desk.store.read() as session:
            sends = session.scalars(select(ReminderSend)).all()
            assert {s.status for s in sends} == {"sent"} and len(sends) == 3
            assert {s.message_id for s in sends} == {m["Message-ID"] for m in relay.messages()}
            ops = [(o.op, o.entity) for o in session.scalars(select(OutboxEntry).where(
                OutboxEntry.entity == "reminder_send"))]
            assert ops.count(("create", "reminder_send")) == 3 and ops.count(("update", "reminder_send")) == 3
            actions = [a.action for a in session.scalars(select(AuditEvent).where(
                AuditEvent.entity == "reminder_send"))]
            assert actions.count("reminder_sent") == 3 and "reminders_send" in actions
        assert [r.status for r in desk.job_seekers.history(ids["ana@example.org"]).reminders] == ["sent"]
        # No body and no address in the log.
        logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("counselor_app"))
        assert "reminder sent" in logged
        assert "example.org" not in logged and "Hola" not in logged and "Hello" not in logged

        # Never twice within the window: a second run reaches nobody by e-mail.
        again = plan_reminders(desk, "invited_not_joined")
        assert again.emails == [] and again.skipped_recent == 3
        # The texting CSV for the person who prefers texts (and only once in the window, too).
        out = tmp_path / "texts.csv"
        assert export_texts(desk, again, out) == 1
        rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
        assert rows[0]["Language"] == "es" and "Coursera" in rows[0]["Message"] and rows[0]["Phone"]
        assert plan_reminders(desk, "invited_not_joined").count == 0
    finally:
        desk.close()


def test_nobody_without_consent_receives_anything(relay, tmp_path: Path) -> None:
    desk, ids = make_desk(tmp_path / "d", relay.port)
    try:
        plan = plan_reminders(desk, "invited_not_joined")
        # Consent withdrawn between the preview and the send: the claim re-reads it.
        desk.job_seekers.update(ids["ben@example.org"], {"consent_to_contact": False})
        report = send_reminders(desk, plan, retry=FAST)
        assert report.skipped_now == 1
        received = set(relay.addresses())
        assert "cleo@example.org" not in received and "ben@example.org" not in received
        for name in ("joined_no_course", "inactive", "deadline_near", "invitation_not_received"):
            send_reminders(desk, plan_reminders(desk, name), retry=FAST)
        assert "cleo@example.org" not in relay.addresses() and "ben@example.org" not in relay.addresses()
    finally:
        desk.close()


def test_temporary_failure_is_retried_then_succeeds(relay, tmp_path: Path) -> None:
    desk, _ = make_desk(tmp_path / "d", relay.port)
    try:
        relay.rcpt_codes["ben@example.org"] = ["451 4.7.1 Greylisted, try again later"]
        relay.data_codes["eve@example.org"] = ["452 4.3.1 Insufficient system storage"]
        waits: list[float] = []
        report = send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST, sleep=waits.append)
        assert report.sent == 3 and report.retries == 2 and waits == [FAST.delay(1), FAST.delay(1)]
        assert sorted(relay.addresses()) == ["ana@example.org", "ben@example.org", "eve@example.org"]
        with desk.store.read() as session:
            attempts = {s.attempts for s in session.scalars(select(ReminderSend))}
        assert attempts == {1, 2}
    finally:
        desk.close()


def test_permanent_failure_is_recorded_per_address(relay, tmp_path: Path) -> None:
    desk, ids = make_desk(tmp_path / "d", relay.port)
    try:
        relay.rcpt_codes["ben@example.org"] = ["550 5.1.1 No such user here"]
        relay.rcpt_codes["eve@example.org"] = ["451 later"] * 5  # temporary every time: gives up after 3 tries
        report = send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST, sleep=lambda s: None)
        assert (report.sent, report.failed_permanent, report.failed_temporary) == (1, 1, 1)
        assert relay.addresses() == ["ana@example.org"]
        failed = {r.job_seeker_id: r for r in list_sends(desk) if r.status != SendStatus.SENT}
        ben = failed[ids["ben@example.org"]]
        assert ben.status == SendStatus.FAILED_PERMANENT and ben.smtp_code == 550 and "No such user" in ben.failure
        assert "example.org" not in ben.failure  # the reason never holds the address
        assert failed[ids["eve@example.org"]].status == SendStatus.FAILED_TEMPORARY
        # The next run tries the temporary one again, never the permanent one.
        relay.rcpt_codes.clear()
        nxt = plan_reminders(desk, "invited_not_joined")
        assert [w.email for w in nxt.emails] == ["eve@example.org"]
    finally:
        desk.close()


def test_wrong_password_stops_before_anything_is_claimed(relay, tmp_path: Path) -> None:
    from counselor_app.core.reminder_sender import ReminderSendError

    desk, _ = make_desk(tmp_path / "d", relay.port)
    try:
        set_smtp_password(desk, "wrong")
        with pytest.raises(ReminderSendError) as info:
            send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST)
        assert info.value.code == "auth_failed"
        with desk.store.read() as session:
            assert session.scalars(select(ReminderSend)).all() == []
        assert relay.received == []
    finally:
        desk.close()


def test_sigkill_mid_send_then_a_second_run_sends_no_one_twice(relay, tmp_path: Path, child_env,
                                                               parent_uses_child_keyring) -> None:
    people = [(f"Learner{chr(97 + i)}", "Tester", f"l{i}@example.org", "en", True, False, None) for i in range(8)]
    root = tmp_path / "d"
    desk, ids = make_desk(root, relay.port, people=people)
    desk.close()
    address_of = {v: k for k, v in ids.items()}
    relay.delay_s = 0.25
    child = subprocess.Popen([sys.executable, "-m", "counselor_app", "--data-dir", str(root), "--agency", "ma",
                              "reminders", "--list", "invited_not_joined", "--send"],
                             env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(relay.received) < 3 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err.decode()
    first_run = list(relay.addresses())
    assert 3 <= len(first_run) < 8

    relay.delay_s = 0.0
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    try:
        report = send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST)
        everyone = relay.addresses()
        assert len(everyone) == len(set(everyone)), "someone received the reminder twice"
        unknown = {address_of[r.job_seeker_id] for r in list_sends(desk) if r.status == SendStatus.SENDING}
        # At most the one message in flight when the process died is "outcome unknown" (it may or may not have
        # reached the relay); it is never sent again, and everyone else has exactly one.
        assert len(unknown) <= 1
        assert set(everyone) | unknown == set(ids)
        assert report.sent == len(everyone) - len(first_run)
    finally:
        desk.close()


def test_cli_dry_run_shows_count_and_first_messages_and_records_nothing(relay, tmp_path: Path, capsys) -> None:
    from counselor_app.cli import main

    root = tmp_path / "d"
    desk, _ = make_desk(root, relay.port)
    desk.close()
    code = main(["--data-dir", str(root), "--agency", "ma", "reminders", "--list", "invited_not_joined", "--send",
                 "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "3 e-mails, 1 text messages" in out and "did not consent" in out
    assert "Subject: Su licencia gratuita" in out and "Dry run: nothing was sent or recorded." in out
    assert relay.received == []
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    try:
        with desk.store.read() as session:
            assert session.scalars(select(ReminderSend)).all() == []
    finally:
        desk.close()


def test_preview_shows_every_language_on_the_list(relay, tmp_path: Path) -> None:
    people = [(f"En{chr(97 + i)}", "Aaa", f"en{i}@example.org", "en", True, False, None) for i in range(4)]
    people.append(("Zoila", "Zzz", "zoila@example.org", "es", True, False, None))
    desk, _ = make_desk(tmp_path / "d", relay.port, people=people)
    try:
        shown = preview(desk, plan_reminders(desk, "invited_not_joined"), first=2)
        assert [m.language for m in shown] == ["en", "en", "es"] and shown[2].body.startswith("Hola, Zoila:")
    finally:
        desk.close()


@pytest.fixture
def tls_cert(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the desk verifies it against ``smtp_ca_bundle``)."""
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make the test relay's certificate")
    cert, key = tmp_path / "relay.pem", tmp_path / "relay.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out",
                    str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_starttls_and_implicit_tls_with_authentication(security: str, tls_cert, tmp_path: Path) -> None:
    import ssl

    from counselor_app.core.reminder_sender import ReminderSendError

    cert, key = tls_cert
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    handler = Relay()

    def authenticate(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode())

    options: dict = {"tls_context": server_ctx, "require_starttls": True} if security == "starttls" else {
        "ssl_context": server_ctx, "auth_require_tls": False}  # aiosmtpd does not count implicit TLS as TLS
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), authenticator=authenticate,
                            **options)
    controller.start()
    try:
        desk, _ = make_desk(tmp_path / "d", controller.port, people=PEOPLE[:2])
        try:
            desk.settings.smtp_security = security
            # Without the agency's CA the relay's certificate is refused: nothing is claimed or sent.
            with pytest.raises(ReminderSendError) as info:
                send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST)
            assert info.value.code == "unreachable"
            desk.settings.smtp_ca_bundle = str(cert)
            report = send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST)
            assert report.sent == 2
            assert sorted(a for rcpts, _ in handler.received for a in rcpts) == ["ana@example.org",
                                                                                 "ben@example.org"]
        finally:
            desk.close()
    finally:
        controller.stop()


def test_relay_set_up_from_the_command_line_keeps_the_password_in_the_keyring(relay, tmp_path: Path, monkeypatch,
                                                                              capsys) -> None:
    import io

    from counselor_app.cli import main
    from counselor_app.core import keystore
    from counselor_app.core.errors import ValidationError
    from counselor_app.core.reminder_sender import configure_relay

    root = tmp_path / "d"
    desk, _ = make_desk(root, relay.port, username="")
    desk.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--data-dir", str(root), "--agency", "ma", "mail-relay", "--host", "127.0.0.1", "--port",
                 str(relay.port), "--security", "none", "--user", USER, "--password-stdin", "--sender",
                 "Reminders@MassHire.Example.gov"]) == 0
    settings_text = (root / "settings.json").read_text()
    assert PASSWORD not in settings_text and '"smtp_sender": "Reminders@masshire.example.gov"' in settings_text
    assert keystore.get_secret(f"smtp:127.0.0.1:{USER}") == PASSWORD
    desk = open_desk(data_dir=root, agency="ma", today=TODAY)
    try:
        assert send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST).sent == 3
        with pytest.raises(ValidationError) as info:
            configure_relay(desk, host="smtp.example.gov", port=25, security="none", username="", sender="x@y")
        assert set(info.value.field_errors) == {"security", "sender"}
    finally:
        desk.close()


def test_a_refused_sender_stops_the_run_without_blaming_anyone(relay, tmp_path: Path) -> None:
    from counselor_app.core.reminder_sender import ReminderSendError

    desk, _ = make_desk(tmp_path / "d", relay.port)
    try:
        relay.mail_codes = ["553 5.7.1 Sender address rejected: not owned by user"] * 3
        with pytest.raises(ReminderSendError) as info:
            send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST)
        assert info.value.code == "sender_refused"
        sends = list_sends(desk)
        assert [s.status for s in sends] == [SendStatus.FAILED_TEMPORARY]  # one tried, none marked undeliverable
        relay.mail_codes = []
        assert send_reminders(desk, plan_reminders(desk, "invited_not_joined"), retry=FAST).sent == 3
    finally:
        desk.close()
