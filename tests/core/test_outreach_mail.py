"""The SMTP sender against a real SMTP server on loopback (aiosmtpd), and the .ics attachment's format."""

from __future__ import annotations

import smtplib
import socket
from datetime import datetime
from email import message_from_bytes
from email.policy import default

import pytest

from counselor_app.core.outreach_mail import (
    AppointmentNotice,
    MailError,
    RelayMailSender,
    appointment_message,
    ics_event,
    invitation_message,
)

aiosmtpd = pytest.importorskip("aiosmtpd")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd's handler API
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd's start() checks its port by connecting, so it needs a real one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


NOTICE = AppointmentNotice(appointment_id="a-1", to="ana@example.org", name="Ana", language="es",
                           starts_at=datetime(2026, 11, 2, 15, 0), ends_at=datetime(2026, 11, 2, 15, 30),
                           zone="America/New_York", mode="in_person", center_name="MassHire Boston",
                           place="MassHire Boston, 1010 Harrison Ave; 2nd floor, Room 12, Boston, MA",
                           counselor_name="Dana Rivera")


def test_a_confirmation_reaches_the_smtp_server_with_its_calendar_file(smtp_server) -> None:
    inbox, port = smtp_server
    sender = RelayMailSender(connect=lambda: smtplib.SMTP("127.0.0.1", port, timeout=5), sender="desk@example.org")
    sender.send(appointment_message(NOTICE, kind="confirmation", sender="desk@example.org",
                                    now=datetime(2026, 10, 30, 12, 0)))
    sender.send(invitation_message(to="bo@example.org", name="Bo", language="en", center_name="MassHire Boston",
                                   purpose="RESEA attendees", sender="desk@example.org", booking_hint="Call us."))
    assert [m[1] for m in inbox.messages] == [["ana@example.org"], ["bo@example.org"]]
    received = message_from_bytes(inbox.messages[0][2], policy=default)
    body = received.get_body(("plain",)).get_content()
    # After the November change: 15:00 UTC is 10:00 EST.
    assert "lunes 2 de noviembre de 2026, a las 10:00 (EST)" in body
    ics = next(p for p in received.iter_attachments() if p.get_content_type() == "text/calendar")
    text = ics.get_content()
    assert "DTSTART:20261102T150000Z" in text and "UID:a-1@counselor-desk" in text
    assert "LOCATION:MassHire Boston\\, 1010 Harrison Ave\\; 2nd floor\\, Room 12\\, Boston\\, MA" in text.replace(
        "\r\n ", "")


def test_an_unreachable_server_is_a_mail_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    sender = RelayMailSender(connect=lambda: smtplib.SMTP("127.0.0.1", port, timeout=2), sender="d@example.org")
    with pytest.raises(MailError, match="could not be sent"):
        sender.send(invitation_message(to="x@example.org", name="X", language=None, center_name="C",
                                       purpose="p", sender="d@example.org", booking_hint=""))


def test_long_ics_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    data = ics_event(uid="u", starts_at=datetime(2026, 1, 1, 15), ends_at=datetime(2026, 1, 1, 16),
                     summary="Cita en el Centro de Carreras MassHire — Boston; ñandú " * 3, location="x",
                     description="d", stamp=datetime(2026, 1, 1))
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "ñandú" in unfolded and "\\;" in unfolded
