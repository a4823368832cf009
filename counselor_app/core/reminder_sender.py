"""Reminders sent, not only listed: e-mail through the agency's SMTP relay, texts as a CSV for its texting tool.

Why (NYSDOL TA 21-01 item 3: "reminders to enroll in and complete courses"; MassHire 100 DCS 14.355: "remind them
of the deadlines"): the lists of ``core/reminders.py`` become messages, one per person, in their language.

Rules, and where each is kept:

- Consent: only people with ``consent_to_contact``; the list leaves the others out, and the claim re-reads consent
  in its own transaction (it may have been withdrawn since the preview).
- Once per window: never the same reminder (list) to the same person twice within ``reminder_window_days``
  (settings). Sends from other desks arrive through the sync feed (entity ``reminder_send``) and count too.
- At most once, even across a crash: each send is *claimed* (a ``sending`` row, audited, in the outbox) and
  committed before the SMTP conversation, and finished (``sent`` / ``failed_permanent`` / ``failed_temporary``)
  after it. A ``sending`` row left by a killed process is never sent again; it is shown as "outcome unknown".
- Temporary SMTP failures (4xx, a dropped connection) are retried with exponential backoff; permanent ones (5xx)
  are recorded per address (the SMTP code and a short reason, never the address) and shown.
- Nothing personal in the log: ids, list names, SMTP codes and counts only (USDOL TEGL 39-11).
- Templates are data: ``resources/reminder_templates/<lang>.json`` (English and Spanish now), overridable per
  deployment in ``<data>/profiles/reminder_templates/<lang>.json``. Merge fields are checked when loaded.
"""

from __future__ import annotations

import json
import logging
import smtplib
import ssl
import string
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from enum import StrEnum
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from counselor_app.core import keystore
from counselor_app.core.changes import append_change, record_audit
from counselor_app.core.errors import CounselorDeskError, PermissionDeniedError
from counselor_app.core.messages import Message, message_of
from counselor_app.core.models import JobSeeker, ReminderSend, utcnow
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, Written, returns_changes
from counselor_app.core.paths import resources_dir
from counselor_app.core.profiles import load_profile
from counselor_app.core.reminders import REMINDER_LISTS, build_reminder_list
from counselor_app.core.reports import write_csv_atomic
from counselor_app.core.vocabulary import ChangeOp

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk
    from counselor_app.core.profiles import AgencyProfile

log = logging.getLogger(__name__)

ENTITY = "reminder_send"
LANGUAGES = ("en", "es")
# The four lists of core/reminders.py plus one built here from the first.
INVITATION_NOT_RECEIVED = "invitation_not_received"
SEND_LISTS = (*REMINDER_LISTS, INVITATION_NOT_RECEIVED)
# "Invitation not received": invited, not joined, and the license went out at least this many days ago (the
# profiles tell people to call if the invitation has not arrived "within three business days").
INVITATION_GRACE_DAYS = 5
MERGE_FIELDS = frozenset({"first_name", "full_name", "email", "program_name", "provider", "sender", "enroll_by",
                          "complete_by", "days_left", "inactive_days", "contact", "help_text", "agency_name"})
TEXT_COLUMNS = ("Phone", "Language", "Message", "Desk Send ID")


def _now() -> datetime:
    """The clock of the once-per-window rule: real UTC time, never the desk's "today" (which demos and tests fix),
    so a window always ends. Tests replace it to move time forward."""
    return utcnow()


class SendStatus(StrEnum):
    SENDING = "sending"  # claimed; if it stays so, a crash interrupted it: outcome unknown, never re-sent
    SENT = "sent"
    FAILED_PERMANENT = "failed_permanent"
    FAILED_TEMPORARY = "failed_temporary"  # retries exhausted; may be tried again in a later run
    TEXT_EXPORTED = "text_exported"  # written into the texting CSV


# What blocks another send of the same list to the same person inside the window.
BLOCKING = (SendStatus.SENDING, SendStatus.SENT, SendStatus.FAILED_PERMANENT, SendStatus.TEXT_EXPORTED)


class ReminderSendError(CounselorDeskError):
    """The run cannot go on (no relay configured, authentication refused, a template is broken)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# -- templates ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    body: str
    body_after_enroll_by: str | None
    text: str


def _fields_of(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def load_templates(language: str, *, data_dir: Path | None = None) -> dict[str, Template]:
    """The template set of one language; raises ``ReminderSendError`` naming the file and the bad merge field."""
    raw: dict[str, Any] = {}
    files = [resources_dir() / "reminder_templates" / f"{language}.json"]
    if data_dir is not None:
        files.append(data_dir / "profiles" / "reminder_templates" / f"{language}.json")
    for path in files:
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ReminderSendError("template_invalid", Message(
                        "reminder_sender.valid_json",
                        "{name} is not valid JSON ({exc}).", name=path.name, exc=str(exc))) from None
            for section in ("lists", "text_messages"):
                merged = dict(raw.get(section, {}))
                for key, value in data.get(section, {}).items():
                    merged[key] = (dict(merged.get(key, {}), **value) if isinstance(value, dict) else value)
                raw[section] = merged
    if not raw:
        raise ReminderSendError("no_templates", Message(
                "reminder_sender.there_reminder_templates",
                "There are no reminder templates in the language '{language}'.", language=language))
    out: dict[str, Template] = {}
    for name in SEND_LISTS:
        spec = raw.get("lists", {}).get(name)
        text = raw.get("text_messages", {}).get(name, "")
        if not spec or "subject" not in spec or "body" not in spec:
            raise ReminderSendError("template_missing", Message(
                    "reminder_sender.reminder_templates_have",
                    "The {language} reminder templates have no message for the list '{name}'.", language=language, name=name))
        parts = [spec["subject"], spec["body"], spec.get("body_after_enroll_by") or "", text]
        for part in parts:
            try:
                unknown = _fields_of(part) - MERGE_FIELDS
            except ValueError as exc:
                raise ReminderSendError("template_invalid", Message(
                        "reminder_sender.template_broken_merge",
                        "The {language} template for '{name}' has a broken merge field ({exc}).", language=language, name=name, exc=str(exc))) from None
            if unknown:
                raise ReminderSendError("template_invalid", Message(
                        "reminder_sender.template_uses_unknown",
                        "The {language} template for '{name}' uses unknown merge fields: {value}.", language=language, name=name, value=', '.join(sorted(unknown))))
        out[name] = Template(spec["subject"], spec["body"], spec.get("body_after_enroll_by"), text)
    return out


_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre")


def format_date(day: date, language: str) -> str:
    if language == "es":
        return f"{day.day} de {_MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def _mid_sentence(text: str) -> str:
    for start in ("Your ", "The ", "Su ", "El ", "La "):
        if text.startswith(start):
            return text[0].lower() + text[1:]
    return text


# -- who gets what -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recipient:
    job_seeker_id: str
    first_name: str
    full_name: str
    email: str
    phone: str | None
    language: str
    prefers_text: bool


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    job_seeker_id: str
    language: str
    to: str
    subject: str
    body: str


@dataclass(slots=True)
class ReminderPlan:
    """Who a run would reach, computed before anything is sent (the preview and the count come from here)."""

    list_name: str
    days: int | None
    today: date
    window_days: int
    emails: list[Recipient]
    texts: list[Recipient]
    skipped_recent: int = 0
    left_out_no_consent: int = 0
    no_phone_for_text: int = 0
    note: str = ""

    @property
    def count(self) -> int:
        return len(self.emails) + len(self.texts)


def _require(desk: Desk) -> None:
    if not desk.actor.is_supervisor:
        raise PermissionDeniedError(Message(
                "reminder_sender.supervisor_program_administrator",
                "Only a supervisor or program administrator can send reminders."))


def _check_list(name: str) -> None:
    if name not in SEND_LISTS:
        raise ValueError(f"There is no reminder list named '{name}'. Lists: {', '.join(SEND_LISTS)}.")


def _recent(session: Any, list_name: str, since: datetime) -> set[str]:
    return set(session.scalars(select(ReminderSend.job_seeker_id).where(
        ReminderSend.list_name == list_name, ReminderSend.claimed_at >= since,
        ReminderSend.status.in_([s.value for s in BLOCKING]))))


def plan_reminders(desk: Desk, list_name: str, *, days: int | None = None, today: date | None = None) -> ReminderPlan:
    """The people the list names, less those who had this reminder within the window; split e-mail / text."""
    _require(desk)
    _check_list(list_name)
    today = today or desk.licenses.today()
    base_name = "invited_not_joined" if list_name == INVITATION_NOT_RECEIVED else list_name
    base = build_reminder_list(desk, base_name, days=None if list_name == INVITATION_NOT_RECEIVED else days,
                               today=today)
    rows = base.rows
    if list_name == INVITATION_NOT_RECEIVED:
        grace = INVITATION_GRACE_DAYS if days is None else days
        rows = [r for r in rows if r.issued_on <= today - timedelta(days=grace)]
        days = grace
    window = max(0, int(desk.settings.reminder_window_days))
    since = _now() - timedelta(days=window)
    with desk.store.read() as session:
        recent = _recent(session, list_name, since) if window else set()
        ids = [r.job_seeker_id for r in rows]
        extra: dict[str, tuple[str, bool]] = {}
        for start in range(0, len(ids), 500):
            for jsid, first, text in session.execute(select(JobSeeker.id, JobSeeker.first_name,
                                                            JobSeeker.prefers_text)
                                                     .where(JobSeeker.id.in_(ids[start:start + 500]))):
                extra[jsid] = (first, bool(text))
    plan = ReminderPlan(list_name, days if days is not None else base.days, today, window, [], [],
                        left_out_no_consent=base.left_out_no_consent, note=base.note)
    for r in rows:
        if r.job_seeker_id in recent:
            plan.skipped_recent += 1
            continue
        first, prefers_text = extra.get(r.job_seeker_id, (r.full_name.split(" ")[0], False))
        lang = r.preferred_language if r.preferred_language in LANGUAGES else "en"
        who = Recipient(r.job_seeker_id, first, r.full_name, r.email, r.phone, lang, prefers_text)
        if prefers_text:
            if r.phone:
                plan.texts.append(who)
            else:
                plan.no_phone_for_text += 1
        else:
            plan.emails.append(who)
    return plan


class _Renderer:
    """Messages for one plan: the profile and templates of each language loaded once."""

    def __init__(self, desk: Desk, plan: ReminderPlan) -> None:
        self.desk, self.plan = desk, plan
        self._profiles: dict[str, AgencyProfile] = {}
        self._templates: dict[str, dict[str, Template]] = {}

    def _for(self, language: str) -> tuple[AgencyProfile, dict[str, Template]]:
        if language not in self._profiles:
            self._profiles[language] = load_profile(self.desk.profile.id, data_dir=self.desk.paths.root,
                                                    language=language)
            self._templates[language] = load_templates(language, data_dir=self.desk.paths.root)
        return self._profiles[language], self._templates[language]

    def fields(self, who: Recipient) -> dict[str, Any]:
        profile, _ = self._for(who.language)
        program = profile.program
        lang = who.language
        return {
            "first_name": who.first_name, "full_name": who.full_name, "email": who.email,
            "program_name": program.name, "provider": program.provider or "Coursera",
            "sender": profile.invitation.get("sender", program.provider),
            "enroll_by": format_date(program.enroll_by, lang), "complete_by": format_date(program.complete_by, lang),
            "days_left": max(0, (program.complete_by - self.plan.today).days),
            "inactive_days": self.plan.days if self.plan.days is not None else 14,
            "contact": _mid_sentence(profile.contact.get("who_to_call", "")),
            "help_text": profile.contact.get("help_text", ""), "agency_name": profile.agency_name,
        }

    def email(self, who: Recipient) -> RenderedMessage:
        profile, templates = self._for(who.language)
        t = templates[self.plan.list_name]
        body = t.body
        if t.body_after_enroll_by and self.plan.today > profile.program.enroll_by:
            body = t.body_after_enroll_by
        values = self.fields(who)
        text = body.format_map(values).replace(" \n", "\n").strip() + "\n"
        return RenderedMessage(who.job_seeker_id, who.language, who.email, t.subject.format_map(values), text)

    def text(self, who: Recipient) -> str:
        _, templates = self._for(who.language)
        return templates[self.plan.list_name].text.format_map(self.fields(who))


def preview(desk: Desk, plan: ReminderPlan, *, first: int = 3) -> list[RenderedMessage]:
    """The first messages exactly as they would go out (for the send preview), plus the first message of each
    other language on the list, so every template that will be used is seen before sending."""
    renderer = _Renderer(desk, plan)
    chosen = list(plan.emails[:first])
    seen = {who.language for who in chosen}
    for who in plan.emails[first:]:
        if who.language not in seen:
            chosen.append(who)
            seen.add(who.language)
    return [renderer.email(who) for who in chosen]


# -- SMTP ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SmtpRetry:
    """Temporary failures: ``attempts`` tries in all, waiting base * 2**n seconds (capped) between them."""

    attempts: int = 4
    backoff_base_s: float = 2.0
    backoff_cap_s: float = 60.0

    def delay(self, attempt: int) -> float:
        return float(min(self.backoff_cap_s, self.backoff_base_s * (2 ** max(0, attempt - 1))))


class SmtpConnection(Protocol):
    def send_message(self, msg: EmailMessage) -> dict[str, tuple[int, bytes]]: ...
    def quit(self) -> Any: ...


def smtp_password_key(host: str, username: str) -> str:
    return f"smtp:{host}:{username}"


def set_smtp_password(desk: Desk, password: str) -> None:
    """Keep the relay password in the OS keyring (never in settings or logs)."""
    keystore.set_secret(smtp_password_key(desk.settings.smtp_host, desk.settings.smtp_username), password)


SECURITY_CHOICES = ("starttls", "tls", "none")


@returns_changes
def configure_relay(desk: Desk, *, host: str, port: int, security: str, username: str, sender: str,
                    sender_name: str = "", ca_bundle: str = "", password: str | None = None,
                    window_days: int | None = None) -> Written:
    """Check and save the relay settings (settings file) and the password (keyring only). Administrators.

    Raises ``ValidationError`` with a message per field; nothing is saved unless all are valid."""
    from counselor_app.core.errors import ValidationError
    from counselor_app.core.validation import normalize_email

    if not desk.actor.is_administrator:
        raise PermissionDeniedError(Message(
                "reminder_sender.program_administrator_set",
                "Only a program administrator can set up the mail relay."))
    errors: dict[str, str] = {}  # each a Message
    host = host.strip()
    if not host or any(c.isspace() for c in host):
        errors["host"] = Message("relay.host", "Enter the relay's host name, e.g. smtp.agency.example.gov.")
    if not 0 < int(port) < 65536:
        errors["port"] = Message("relay.port", "The port is a number from 1 to 65535 (587 for STARTTLS, 465 for "
                                 "TLS).")
    if security not in SECURITY_CHOICES:
        errors["security"] = Message("relay.security", "Choose STARTTLS, TLS or none.")
    elif security == "none" and host not in ("127.0.0.1", "localhost", "::1"):
        errors["security"] = Message("relay.clear_text", "Without encryption the password and messages cross the "
                                     "network in clear text; use STARTTLS or TLS (none is only for a relay on this "
                                     "computer).")
    try:
        sender = normalize_email(sender)
    except ValueError as exc:
        errors["sender"] = message_of(exc)
    if ca_bundle and not Path(ca_bundle).is_file():
        errors["ca_bundle"] = Message("relay.ca_bundle", "The certificate file was not found.")
    if window_days is not None and not 0 <= window_days <= 365:
        errors["window_days"] = Message("relay.window_days", "The number of days is from 0 to 365.")
    if errors:
        raise ValidationError(errors)
    s = desk.settings
    s.smtp_host, s.smtp_port, s.smtp_security = host, int(port), security
    s.smtp_username, s.smtp_sender, s.smtp_sender_name = username.strip(), sender, sender_name.strip()
    s.smtp_ca_bundle = ca_bundle
    if window_days is not None:
        s.reminder_window_days = window_days
    if password is not None and s.smtp_username:
        set_smtp_password(desk, password)
    desk.save_settings()
    desk.audit("mail_relay_settings", detail={"host": host, "port": int(port), "security": security,
                                              "password_changed": password is not None})
    return Written()


def connect_relay(desk: Desk) -> SmtpConnection:
    """Open and, if configured, authenticate a connection to the agency's relay (settings: smtp_*).

    Raises ``ReminderSendError`` with code ``not_configured``, ``auth_failed``, ``auth_unsupported`` or
    ``unreachable`` (which includes a certificate the system or ``smtp_ca_bundle`` does not trust)."""
    s = desk.settings
    if not s.smtp_host or not s.smtp_sender:
        raise ReminderSendError("not_configured", Message(
                "reminder_sender.mail_relay_set",
                "The mail relay is not set up: enter the relay's host name and the sender address in the "
                "reminder settings."))
    context = ssl.create_default_context(cafile=s.smtp_ca_bundle or None)
    try:
        conn: smtplib.SMTP
        if s.smtp_security == "tls":
            conn = smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s, context=context)
        else:
            conn = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s)
            if s.smtp_security == "starttls":
                conn.starttls(context=context)
        if s.smtp_username:
            password = keystore.get_secret(smtp_password_key(s.smtp_host, s.smtp_username))
            if password is None:
                conn.close()
                raise ReminderSendError("auth_failed", Message(
                        "reminder_sender.relay_password_missing",
                        "The mail relay's password is not saved on this computer; enter it in the reminder "
                        "settings."))
            try:
                conn.login(s.smtp_username, password)
            except smtplib.SMTPServerDisconnected:
                # Some relays hang up after a refused sign-in instead of answering the next method's 535.
                raise smtplib.SMTPAuthenticationError(535, b"closed the connection during sign-in") from None
    except smtplib.SMTPAuthenticationError:
        raise ReminderSendError("auth_failed", Message(
                "reminder_sender.mail_relay_refused",
                "The mail relay refused the user name or password.")) from None
    except smtplib.SMTPNotSupportedError:
        raise ReminderSendError("auth_unsupported", Message(
                "reminder_sender.mail_relay_does",
                "The mail relay does not offer sign-in on this connection; check the security setting "
                "(STARTTLS or TLS) with the agency's IT.")) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise ReminderSendError("unreachable", Message(
                "reminder_sender.mail_relay_could",
                "The mail relay {smtp_host}:{smtp_port} could not be reached ({reason}).", smtp_host=s.smtp_host, smtp_port=s.smtp_port, reason=type(exc).__name__)) from None
    return conn


# -- sending -----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SendReport:
    list_name: str
    planned: int
    sent: int = 0
    failed_permanent: int = 0
    failed_temporary: int = 0
    skipped_now: int = 0  # consent withdrawn, or another desk/run sent it since the plan was made
    retries: int = 0
    cancelled: bool = False
    dry_run: bool = False
    texts_exported: int = 0
    failures: list[tuple[str, int | None, str]] = field(default_factory=list)  # (send id, SMTP code, reason)
    changes: OpChanges = field(default=NO_CHANGES, compare=False)  # what the write that returned it changed


def _claim(desk: Desk, plan: ReminderPlan, who: Recipient, *, channel: str, status: SendStatus,
           message_id: str | None) -> str | None:
    """Record the send before it happens (committed), or None if it must not happen now."""
    now = _now()
    since = now - timedelta(days=plan.window_days)
    with desk.store.write() as session:
        seeker = session.get(JobSeeker, who.job_seeker_id)
        if seeker is None or not seeker.consent_to_contact:
            return None
        if plan.window_days and session.scalar(select(ReminderSend.id).where(
                ReminderSend.job_seeker_id == who.job_seeker_id, ReminderSend.list_name == plan.list_name,
                ReminderSend.claimed_at >= since, ReminderSend.status.in_([s.value for s in BLOCKING])).limit(1)):
            return None
        rec = ReminderSend(job_seeker_id=who.job_seeker_id, list_name=plan.list_name, channel=channel,
                           language=who.language, status=status.value, attempts=0, message_id=message_id,
                           device_id=desk.settings.device_id, sent_by=desk.actor.user_id, claimed_at=now,
                           finished_at=now if status != SendStatus.SENDING else None, version=1)
        session.add(rec)
        session.flush()
        append_change(session, entity=ENTITY, entity_id=rec.id, op=ChangeOp.CREATE, payload=_payload(rec))
        record_audit(session, desk.actor, "reminder_claim" if status == SendStatus.SENDING else "reminder_text",
                     entity=ENTITY, entity_id=rec.id, detail={"list": plan.list_name, "channel": channel,
                                                              "job_seeker_id": who.job_seeker_id})
        return rec.id


def _payload(rec: ReminderSend) -> dict[str, Any]:
    return {"id": rec.id, "version": rec.version, "job_seeker_id": rec.job_seeker_id, "list_name": rec.list_name,
            "channel": rec.channel, "language": rec.language, "status": rec.status, "attempts": rec.attempts,
            "smtp_code": rec.smtp_code, "failure": rec.failure, "message_id": rec.message_id,
            "device_id": rec.device_id, "claimed_at": rec.claimed_at, "finished_at": rec.finished_at}


def _finish(desk: Desk, send_id: str, *, status: SendStatus, attempts: int, code: int | None,
            failure: str | None) -> None:
    with desk.store.write() as session:
        rec = session.get(ReminderSend, send_id)
        if rec is None:
            return
        base = rec.version
        rec.status, rec.attempts, rec.smtp_code = status.value, attempts, code
        rec.failure = (failure or None) and failure[:200]
        rec.finished_at = _now()
        rec.version = base + 1
        session.flush()
        append_change(session, entity=ENTITY, entity_id=rec.id, op=ChangeOp.UPDATE, base_version=base,
                      payload={"status": rec.status, "attempts": attempts, "smtp_code": code,
                               "failure": rec.failure, "finished_at": rec.finished_at, "version": rec.version})
        record_audit(session, desk.actor, "reminder_" + status.value, entity=ENTITY, entity_id=rec.id,
                     detail={"list": rec.list_name, "smtp_code": code, "attempts": attempts})


def _build(desk: Desk, msg: RenderedMessage, message_id: str, list_name: str) -> EmailMessage:
    s = desk.settings
    email = EmailMessage()
    email["From"] = formataddr((s.smtp_sender_name or desk.profile.agency_name, s.smtp_sender))
    email["To"] = msg.to
    email["Subject"] = msg.subject
    email["Date"] = format_datetime(datetime.now().astimezone())
    email["Message-ID"] = message_id
    email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-reply loops
    email["X-Counselor-Desk-Reminder"] = list_name
    email.set_content(msg.body)
    email["Content-Language"] = msg.language  # after set_content, which replaces the Content-* headers
    return email


def _classify(exc: BaseException) -> tuple[bool, int | None, str]:
    """(temporary?, SMTP code, short reason without the address)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (None, b""))
        reason = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return (code is not None and 400 <= code < 500), code, f"recipient refused: {reason}"[:200]
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        reason = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(
            exc.smtp_error)
        return 400 <= code < 500 or code == -1, code, reason[:200]
    return True, None, type(exc).__name__  # a dropped connection, a timeout


@returns_changes
def send_reminders(desk: Desk, plan: ReminderPlan, *, connect: Callable[[], SmtpConnection] | None = None,
                   retry: SmtpRetry = SmtpRetry(), dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None, cancel: Event | None = None,
                   sleep: Callable[[float], Any] | None = None) -> SendReport:
    """Send the plan's e-mails (texts go through ``export_texts``). Long: progress(done, total) and ``cancel``.

    ``dry_run`` renders every message and checks the relay settings but sends and records nothing. Raises
    ``ReminderSendError`` when the relay cannot be used at all (nothing is claimed in that case).
    """
    _require(desk)
    report = SendReport(plan.list_name, len(plan.emails), dry_run=dry_run)
    renderer = _Renderer(desk, plan)
    total = len(plan.emails)
    if dry_run or not plan.emails:
        for who in plan.emails:
            renderer.email(who)  # a broken template fails here, before anything is sent
        return report
    connect = connect or (lambda: connect_relay(desk))
    wait = sleep or (lambda s: cancel.wait(s) if cancel is not None else time.sleep(s))
    conn: SmtpConnection | None = connect()
    domain = (desk.settings.smtp_sender.rpartition("@")[2] or None)
    try:
        for done, who in enumerate(plan.emails):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            if progress is not None:
                progress(done, total)
            msg = renderer.email(who)
            message_id = make_msgid(domain=domain)
            send_id = _claim(desk, plan, who, channel="email", status=SendStatus.SENDING, message_id=message_id)
            if send_id is None:
                report.skipped_now += 1
                continue
            email = _build(desk, msg, message_id, plan.list_name)
            attempts = 0
            while True:
                attempts += 1
                try:
                    if conn is None:
                        conn = connect()
                    refused = conn.send_message(email)
                    if refused:  # only with several recipients; one recipient refused raises instead
                        raise smtplib.SMTPRecipientsRefused(refused)
                    _finish(desk, send_id, status=SendStatus.SENT, attempts=attempts, code=250, failure=None)
                    report.sent += 1
                    log.info("reminder sent: send=%s list=%s attempts=%d", send_id, plan.list_name, attempts)
                    break
                except ReminderSendError:
                    _finish(desk, send_id, status=SendStatus.FAILED_TEMPORARY, attempts=attempts, code=None,
                            failure="relay unreachable")
                    raise
                except smtplib.SMTPSenderRefused as exc:
                    if 400 <= exc.smtp_code < 500 and attempts < retry.attempts:
                        report.retries += 1
                        wait(retry.delay(attempts))
                        continue
                    # The relay refuses our From address: every message would fail the same way, and it is no
                    # fault of this person's address. Stop the run; nobody is marked undeliverable.
                    _finish(desk, send_id, status=SendStatus.FAILED_TEMPORARY, attempts=attempts,
                            code=exc.smtp_code, failure="sender address refused by the relay")
                    raise ReminderSendError("sender_refused", Message(
                            "reminder_sender.mail_relay_refused_2",
                            "The mail relay refused the sender address; check it in the mail relay settings.")) from None
                except (smtplib.SMTPException, OSError) as exc:
                    temporary, code, reason = _classify(exc)
                    if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError)) or code in (421, -1):
                        _close(conn)
                        conn = None
                    elif isinstance(exc, smtplib.SMTPResponseException):
                        _reset(conn)
                    log.warning("reminder attempt failed: send=%s list=%s code=%s temporary=%s", send_id,
                                plan.list_name, code, temporary)
                    if temporary and attempts < retry.attempts and not (cancel is not None and cancel.is_set()):
                        report.retries += 1
                        wait(retry.delay(attempts))
                        continue
                    status = SendStatus.FAILED_TEMPORARY if temporary else SendStatus.FAILED_PERMANENT
                    _finish(desk, send_id, status=status, attempts=attempts, code=code, failure=reason)
                    report.failures.append((send_id, code, reason))
                    if temporary:
                        report.failed_temporary += 1
                    else:
                        report.failed_permanent += 1
                    break
        else:
            if progress is not None:
                progress(total, total)
    finally:
        _close(conn)
    desk.audit("reminders_send", entity=ENTITY, entity_id=plan.list_name, detail={
        "list": plan.list_name, "planned": total, "sent": report.sent, "failed_permanent": report.failed_permanent,
        "failed_temporary": report.failed_temporary, "skipped": report.skipped_now, "cancelled": report.cancelled})
    return report


def _close(conn: SmtpConnection | None) -> None:
    if conn is None:
        return
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        pass


def _reset(conn: SmtpConnection | None) -> None:
    try:
        getattr(conn, "rset", lambda: None)()
    except (smtplib.SMTPException, OSError):
        pass


def export_texts(desk: Desk, plan: ReminderPlan, path: str | Path) -> int:
    """The texting CSV (phone, language, message) for people who prefer texts; each line is recorded as a send
    (``text_exported``) so the window applies to texts too. Returns the number of lines written."""
    _require(desk)
    renderer = _Renderer(desk, plan)
    rows: list[tuple[str, str, str, str]] = []
    for who in plan.texts:
        send_id = _claim(desk, plan, who, channel="text", status=SendStatus.TEXT_EXPORTED, message_id=None)
        if send_id is not None:
            rows.append((who.phone or "", who.language, renderer.text(who), send_id))
    write_csv_atomic(path, TEXT_COLUMNS, rows, bom=True)
    desk.audit("reminders_text_export", entity=ENTITY, entity_id=plan.list_name,
               detail={"list": plan.list_name, "rows": len(rows), "file_name": Path(path).name})
    return len(rows)


@dataclass(frozen=True, slots=True)
class SendRow:
    id: str
    job_seeker_id: str
    full_name: str
    list_name: str
    channel: str
    status: SendStatus
    smtp_code: int | None
    failure: str | None
    claimed_at: datetime


def list_sends(desk: Desk, *, statuses: Sequence[SendStatus | str] | None = None,
               limit: int = 2000) -> list[SendRow]:
    """Recorded sends, newest first: failures per address and "outcome unknown" (``sending``) ones to show."""
    _require(desk)
    r = ReminderSend
    stmt = (select(r.id, r.job_seeker_id, JobSeeker.first_name, JobSeeker.last_name, r.list_name, r.channel,
                   r.status, r.smtp_code, r.failure, r.claimed_at)
            .join(JobSeeker, JobSeeker.id == r.job_seeker_id).order_by(r.claimed_at.desc()).limit(limit))
    if statuses:
        stmt = stmt.where(r.status.in_([SendStatus(s).value for s in statuses]))
    with desk.store.read() as session:
        return [SendRow(row[0], row[1], f"{row[2]} {row[3]}".strip(), row[4], row[5], SendStatus(row[6]), row[7],
                        row[8], row[9]) for row in session.execute(stmt)]


def recipients_of(plan: ReminderPlan) -> Iterable[str]:
    return (who.job_seeker_id for who in (*plan.emails, *plan.texts))
