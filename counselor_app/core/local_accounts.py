"""Counselors on one laptop (issue 17): local sign-in with a PIN or password, the idle lock's check, and who is
at the keyboard.

Each counselor who uses this desk has an ``app_user`` row and a ``local_credential``: a scrypt hash of their PIN
or password (the same memory-hard KDF and parameters as the agency server's passwords, salt per counselor). The
hash lives inside the encrypted database, so it cannot be attacked offline without the database key; on the desk
itself, guessing is throttled: after ``FREE_ATTEMPTS`` wrong entries each further attempt must wait, doubling
from ``FIRST_WAIT`` up to ``MAX_WAIT`` (NIST SP 800-63B 5.2.2 asks to limit failed attempts; OWASP ASVS 2.2.1).
The count and the wait are stored, so quitting the app does not reset them.

Who may add a counselor: only a signed-in counselor (the UI offers it inside the unlocked app), so someone who
finds a locked laptop cannot make themselves an account.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from counselor_app.core.changes import Actor, record_audit
from counselor_app.core.db import Store
from counselor_app.core.errors import CounselorDeskError, ValidationError
from counselor_app.core.messages import Message
from counselor_app.core.models import Center, LocalCredential, User, utcnow
from counselor_app.core.password_hash import hash_secret, verify_secret
from counselor_app.core.vocabulary import Role

MIN_PIN_DIGITS = 6
MIN_PASSWORD_CHARS = 8
FREE_ATTEMPTS = 3
FIRST_WAIT = timedelta(seconds=30)
MAX_WAIT = timedelta(minutes=15)


class SecretKind(StrEnum):
    PIN = "pin"
    PASSWORD = "password"


class UnlockOutcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    THROTTLED = "throttled"  # not checked: wait ``wait_seconds``
    NO_CREDENTIAL = "no_credential"


@dataclass(frozen=True, slots=True)
class UnlockResult:
    outcome: UnlockOutcome
    failures: int = 0
    wait_seconds: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == UnlockOutcome.OK


@dataclass(frozen=True, slots=True)
class LocalCounselor:
    user_id: str
    username: str
    display_name: str
    role: str
    center_name: str
    has_secret: bool


class SecretRefused(ValidationError):
    """The PIN or password is too weak; ``field_errors['secret']`` says why."""


def secret_problem(secret: str) -> str | None:
    """A code for why a new PIN/password is refused, or None. Codes: ``pin_too_short``, ``password_too_short``,
    ``pin_too_simple`` (one digit repeated, or a run such as 123456)."""
    if secret.isdigit():
        if len(secret) < MIN_PIN_DIGITS:
            return "pin_too_short"
        steps = {int(b) - int(a) for a, b in zip(secret, secret[1:], strict=False)}
        if len(steps) == 1 and steps <= {-1, 0, 1}:
            return "pin_too_simple"
        return None
    if len(secret) < MIN_PASSWORD_CHARS:
        return "password_too_short"
    return None


def wait_after(failures: int) -> timedelta:
    """How long the next attempt must wait after ``failures`` wrong entries in a row."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    doublings = min(failures - FREE_ATTEMPTS, 20)  # 30 s * 2**20 is far past the cap; no overflow for huge counts
    wait: timedelta = FIRST_WAIT * (2 ** doublings)
    return wait if wait < MAX_WAIT else MAX_WAIT


class LocalAccounts:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    def counselors(self) -> list[LocalCounselor]:
        with self.store.read() as session:
            rows = session.execute(select(User, Center.name, LocalCredential.user_id)
                                   .outerjoin(Center, Center.id == User.center_id)
                                   .outerjoin(LocalCredential, LocalCredential.user_id == User.id)
                                   .order_by(User.display_name)).all()
        return [LocalCounselor(user_id=u.id, username=u.username, display_name=u.display_name, role=u.role,
                               center_name=center or "", has_secret=cred is not None)
                for u, center, cred in rows if u.username not in ("system", "unconfigured")]

    def has_secret(self, user_id: str) -> bool:
        with self.store.read() as session:
            return session.get(LocalCredential, user_id) is not None

    def any_secret(self) -> bool:
        with self.store.read() as session:
            return session.scalar(select(LocalCredential.user_id).limit(1)) is not None

    def set_secret(self, actor: Actor, user_id: str, secret: str) -> None:
        """Set or change a counselor's PIN/password. Raises ``SecretRefused`` with a code (see
        ``secret_problem``) in ``field_errors['secret']``."""
        problem = secret_problem(secret)
        if problem:
            raise SecretRefused({"secret": problem}, message=problem)
        kind = SecretKind.PIN if secret.isdigit() else SecretKind.PASSWORD
        hashed = hash_secret(secret)
        now = self.clock()
        with self.store.write() as session:
            if session.get(User, user_id) is None:
                raise CounselorDeskError(Message(
                        "local_accounts.there_such_counselor",
                        "There is no such counselor on this desk."))
            cred = session.get(LocalCredential, user_id)
            if cred is None:
                session.add(LocalCredential(user_id=user_id, secret_hash=hashed, kind=kind, failures=0,
                                            locked_until=None, updated_at=now))
            else:
                cred.secret_hash, cred.kind, cred.failures, cred.locked_until = hashed, kind, 0, None
                cred.updated_at = now
            record_audit(session, actor, "local_secret_set", entity="app_user", entity_id=user_id,
                         detail={"kind": str(kind)})

    def add_counselor(self, actor: Actor, *, display_name: str, secret: str, role: str = Role.COUNSELOR,
                      username: str | None = None) -> LocalCounselor:
        """A second (third…) counselor on this laptop, at the signed-in counselor's center."""
        from counselor_app.core.desk import username_for

        name = " ".join(display_name.split())
        if not name or len(name) > 200:
            raise ValidationError({"display_name": "name_required"}, message="name_required")
        problem = secret_problem(secret)
        if problem:
            raise SecretRefused({"secret": problem}, message=problem)
        if role not in (Role.COUNSELOR, Role.SUPERVISOR) or (role == Role.SUPERVISOR and not actor.is_supervisor):
            role = Role.COUNSELOR
        login = username or username_for(name)
        with self.store.write() as session:
            if session.scalar(select(User).where(User.username == login)) is not None:
                raise ValidationError({"display_name": "name_taken"}, message="name_taken")
            user = User(username=login, display_name=name, role=role, center_id=actor.center_id,
                        created_at=self.clock())
            session.add(user)
            session.flush()
            record_audit(session, actor, "local_counselor_added", entity="app_user", entity_id=user.id,
                         detail={"role": role})
            user_id = user.id
        self.set_secret(actor, user_id, secret)
        return next(c for c in self.counselors() if c.user_id == user_id)

    def actor_for(self, user_id: str) -> Actor:
        with self.store.read() as session:
            row = session.execute(select(User, Center.name).outerjoin(Center, Center.id == User.center_id)
                                  .where(User.id == user_id)).first()
        if row is None:
            raise CounselorDeskError(Message(
                    "local_accounts.there_such_counselor",
                    "There is no such counselor on this desk."))
        user, center = row
        return Actor(user_id=user.id, username=user.username, display_name=user.display_name, role=user.role,
                     center_id=user.center_id, center_name=center or "")

    def unlock(self, user_id: str, secret: str) -> UnlockResult:
        """Check a PIN/password, throttled. Every outcome is audited under the counselor it was tried for."""
        now = self.clock()
        with self.store.read() as session:
            cred = session.get(LocalCredential, user_id)
            if cred is None:
                return UnlockResult(UnlockOutcome.NO_CREDENTIAL)
            stored, failures, locked_until = cred.secret_hash, cred.failures, cred.locked_until
        actor = self.actor_for(user_id)
        if locked_until is not None and locked_until > now:
            wait = max(1, math.ceil((locked_until - now).total_seconds()))
            with self.store.write() as session:
                record_audit(session, actor, "unlock_throttled", detail={"failures": failures})
            return UnlockResult(UnlockOutcome.THROTTLED, failures=failures, wait_seconds=wait)
        ok = verify_secret(secret, stored)  # the slow part, outside any transaction
        with self.store.write() as session:
            cred = session.get(LocalCredential, user_id)
            assert cred is not None
            if ok:
                cred.failures, cred.locked_until = 0, None
                record_audit(session, actor, "unlock")
                return UnlockResult(UnlockOutcome.OK)
            cred.failures += 1
            pause = wait_after(cred.failures)
            cred.locked_until = now + pause if pause else None
            record_audit(session, actor, "unlock_failed", detail={"failures": cred.failures})
            return UnlockResult(UnlockOutcome.WRONG, failures=cred.failures,
                                wait_seconds=int(pause.total_seconds()))
