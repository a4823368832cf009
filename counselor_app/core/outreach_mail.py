"""E-mail to job seekers before an appointment: invitations to book, booking confirmations, day-before reminders.

Sending goes through ``MailSender``, a one-method interface, so the campaign and scheduling services do not care
how a message leaves: ``RelayMailSender`` (the reminder sender's relay connection) here, or the program's reminder sender
(issue 15) once the two are joined. Messages are built in the person's language (English or Spanish; anything
else falls back to English) and never carry more PII than the person's own name and appointment.

The .ics attachment follows RFC 5545 with times in UTC (``...Z``), so every calendar shows the right local time
without a VTIMEZONE block.
"""

from __future__ import annotations

import contextlib
import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.messages import Message

LANGUAGES = ("en", "es")


class MailError(CounselorDeskError):
    """A message could not be handed to the mail server; nothing was marked as sent."""


class MailSender(Protocol):
    """Hands one message to a mail server. Raises ``MailError`` when it could not."""

    def send(self, message: EmailMessage) -> None: ...


@dataclass(slots=True)
class RelayMailSender:
    """Sends through the agency's relay with the reminder sender's connection (``reminder_sender.connect_relay``:
    one set of relay settings, STARTTLS or implicit TLS, the password in the keyring), one connection a message.
    ``connect`` is that function bound to a desk, or any callable giving an ``smtplib.SMTP``-like connection."""

    connect: Callable[[], Any]
    sender: str

    def send(self, message: EmailMessage) -> None:
        if "From" not in message:
            message["From"] = self.sender
        try:
            smtp = self.connect()
        except Exception as exc:  # noqa: BLE001 - the relay's own error (ReminderSendError) or the network's
            reason = str(exc) if isinstance(exc, CounselorDeskError) else type(exc).__name__
            raise MailError(Message(
                    "outreach_mail.e_mail_could",
                    "The e-mail could not be sent ({reason}). Check the mail relay in the reminder settings; "
                    "nothing was marked as sent.", reason=reason)) from None
        try:
            smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(Message(
                    "outreach_mail.e_mail_could",
                    "The e-mail could not be sent ({reason}). Check the mail relay in the reminder settings; "
                    "nothing was marked as sent.", reason=type(exc).__name__)) from None
        finally:
            with contextlib.suppress(Exception):
                smtp.quit()


@dataclass(slots=True)
class MemoryMailSender:
    """Keeps messages in a list: the demo's sender, and a stand-in where no mail server is configured."""

    sent: list[EmailMessage] = field(default_factory=list)

    def send(self, message: EmailMessage) -> None:
        self.sent.append(message)


# -- the calendar attachment ----------------------------------------------------------------------------------
def _ics_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        enc = ch.encode("utf-8")
        if len(current) + len(enc) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += enc
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc_stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")


def ics_event(*, uid: str, starts_at: datetime, ends_at: datetime, summary: str, location: str,
              description: str, stamp: datetime, method: str = "PUBLISH", cancelled: bool = False) -> bytes:
    """One VEVENT in a VCALENDAR; ``starts_at``/``ends_at``/``stamp`` are naive UTC."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Counselor Desk//Appointments//EN", f"METHOD:{method}",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_utc_stamp(stamp)}", f"DTSTART:{_utc_stamp(starts_at)}",
        f"DTEND:{_utc_stamp(ends_at)}", f"SUMMARY:{_ics_escape(summary)}", f"LOCATION:{_ics_escape(location)}",
        f"DESCRIPTION:{_ics_escape(description)}", f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


# -- the messages ----------------------------------------------------------------------------------------------
_MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre")}
_WEEKDAYS = {"es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")}
_MODES = {
    "en": {"in_person": "at the center", "outreach_event": "at an outreach event", "phone": "by phone",
           "video": "by video"},
    "es": {"in_person": "en el centro", "outreach_event": "en un evento comunitario", "phone": "por teléfono",
           "video": "por video"},
}


def language_of(code: str | None) -> str:
    code = (code or "en").split("-")[0].casefold()
    return code if code in LANGUAGES else "en"


def format_local(value: datetime, language: str) -> str:
    """An aware local time as a person reads it: "Monday, March 9, 2026 at 10:00 AM EDT"."""
    if language == "es":
        return (f"{_WEEKDAYS['es'][value.weekday()]} {value.day} de {_MONTHS['es'][value.month - 1]} de "
                f"{value.year}, a las {value:%H:%M} ({value.tzname()})")
    hour = value.hour % 12 or 12
    return (f"{value:%A}, {value:%B} {value.day}, {value.year} at {hour}:{value:%M} "
            f"{'AM' if value.hour < 12 else 'PM'} {value.tzname()}")


@dataclass(frozen=True, slots=True)
class AppointmentNotice:
    """What a confirmation or reminder says; times naive UTC, ``zone`` the center's."""

    appointment_id: str
    to: str
    name: str
    language: str
    starts_at: datetime
    ends_at: datetime
    zone: str
    mode: str
    center_name: str
    place: str
    counselor_name: str


def appointment_message(notice: AppointmentNotice, *, kind: str, sender: str, now: datetime) -> EmailMessage:
    """``kind`` is ``confirmation`` or ``reminder``; returns the message with its .ics attachment."""
    lang = language_of(notice.language)
    local = notice.starts_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(notice.zone))
    when = format_local(local, lang)
    how = _MODES[lang].get(notice.mode, _MODES[lang]["in_person"])
    if lang == "es":
        subject = (f"Su cita en {notice.center_name} está confirmada" if kind == "confirmation"
                   else f"Recordatorio: su cita de mañana en {notice.center_name}")
        body = (f"Hola {notice.name}:\n\n"
                + ("Su cita está confirmada" if kind == "confirmation" else "Le recordamos su cita de mañana")
                + f" {how}, el {when}, con {notice.counselor_name}.\nLugar: {notice.place}\n\n"
                "Si no puede venir, llámenos o responda a este mensaje para cambiar la hora.\n\n"
                f"{notice.center_name}\n")
        summary = f"Cita en {notice.center_name}"
    else:
        subject = (f"Your appointment at {notice.center_name} is confirmed" if kind == "confirmation"
                   else f"Reminder: your appointment tomorrow at {notice.center_name}")
        body = (f"Hello {notice.name},\n\n"
                + ("Your appointment is confirmed" if kind == "confirmation"
                   else "This is a reminder of your appointment tomorrow")
                + f" {how}, on {when}, with {notice.counselor_name}.\nPlace: {notice.place}\n\n"
                "If you cannot come, call us or reply to this message to change the time.\n\n"
                f"{notice.center_name}\n")
        summary = f"Appointment at {notice.center_name}"
    message = EmailMessage()
    message["To"] = notice.to
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="counselor-desk.invalid")
    message.set_content(body)
    message["Content-Language"] = lang  # after set_content, which drops Content-* headers
    message.add_attachment(
        ics_event(uid=f"{notice.appointment_id}@counselor-desk", starts_at=notice.starts_at, ends_at=notice.ends_at,
                  summary=summary, location=notice.place, description=f"{how} — {notice.counselor_name}",
                  stamp=now),
        maintype="text", subtype="calendar", filename="appointment.ics", params={"method": "PUBLISH"})
    # add_attachment made the message multipart and moved Content-* headers into the text part.
    del message["Content-Language"]
    message["Content-Language"] = lang
    return message


def invitation_message(*, to: str, name: str, language: str | None, center_name: str, purpose: str,
                       sender: str, booking_hint: str) -> EmailMessage:
    """An outreach campaign's invitation to book an appointment, in the person's language."""
    lang = language_of(language)
    if lang == "es":
        subject = f"{center_name}: le invitamos a reservar una cita"
        body = (f"Hola {name}:\n\n{center_name} le invita a una cita con un consejero de carrera sobre una "
                f"oportunidad de capacitación gratuita en línea ({purpose}).\n\n{booking_hint}\n\n{center_name}\n")
    else:
        subject = f"{center_name}: you are invited to book an appointment"
        body = (f"Hello {name},\n\n{center_name} invites you to meet a career counselor about a free online "
                f"training opportunity ({purpose}).\n\n{booking_hint}\n\n{center_name}\n")
    message = EmailMessage()
    message["To"] = to
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="counselor-desk.invalid")
    message.set_content(body)
    message["Content-Language"] = lang  # after set_content, which drops Content-* headers
    return message


def send_all(sender: MailSender, messages: Sequence[EmailMessage]) -> tuple[int, list[tuple[int, str]]]:
    """Send each message on its own; returns how many went and (index, reason) of those that did not."""
    sent = 0
    failed: list[tuple[int, str]] = []
    for i, message in enumerate(messages):
        try:
            sender.send(message)
            sent += 1
        except MailError as exc:
            failed.append((i, str(exc)))
    return sent, failed
