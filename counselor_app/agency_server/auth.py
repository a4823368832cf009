"""Accounts and sessions of the reference server: users and centers, sign-in with its throttle, bearer tokens."""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counselor_app.agency_server import security
from counselor_app.agency_server.common import (
    BadRequest,
    Principal,
    TooManyAttempts,
    Unauthorized,
    _ServiceBase,
)
from counselor_app.agency_server.models import (
    AuditEvent,
    Center,
    LoginFailure,
    SessionToken,
    UserAccount,
)
from counselor_app.sync import protocol as p

log = logging.getLogger(__name__)


class AuthService(_ServiceBase):
    """Users, centers, sign-in (with its throttle), tokens."""

    # -- users and centers ---------------------------------------------------------------------------------
    @staticmethod
    def _center(session: Session, name: str) -> Center:
        center = session.scalar(select(Center).where(Center.name == name))
        if center is None:
            center = Center(name=name)
            session.add(center)
            session.flush()
        return center

    def add_user(self, *, username: str, role: str, center: str, password: str,
                 display_name: str | None = None) -> bool:
        """Create the account, or reset its password, role and center. Returns True when it was created."""
        username = username.strip()
        if not username or len(username) > 120:
            raise BadRequest("Give a user name of 1 to 120 characters.")
        if role not in p.ROLES:
            raise BadRequest("The role must be counselor, supervisor, administrator or partner.")
        if not center.strip():
            raise BadRequest("Give the user's center.")
        problem = security.password_problem(password)
        if problem:
            raise BadRequest(problem)
        hashed = security.hash_password(password)
        with self.store.session() as session:
            center_row = self._center(session, center.strip())
            user = session.scalar(select(UserAccount).where(UserAccount.username == username))
            created = user is None
            if user is None:
                user = UserAccount(username=username, display_name=display_name or username, role=role,
                                   center_id=center_row.id, password_hash=hashed, disabled=False,
                                   created_at=self.clock())
                session.add(user)
            else:
                user.role = role
                user.center_id = center_row.id
                user.password_hash = hashed
                user.disabled = False
                if display_name:
                    user.display_name = display_name
                # A reset password ends every session the old one opened.
                for token in session.scalars(select(SessionToken).where(SessionToken.user_id == user.id)):
                    token.revoked = True
            # ... and lifts a lockout after failed sign-ins (see ``login``).
            session.execute(delete(LoginFailure).where(LoginFailure.username == username))
            session.add(AuditEvent(at=self.clock(), username=username, action="user_added" if created
                                   else "user_updated", detail={"role": role}))
        return created

    # -- sessions ------------------------------------------------------------------------------------------
    def login(self, request: p.SessionRequest, *, address: str | None = None) -> p.SessionInfo:
        """Check the password and open a session. ``address`` is the client's network address (the API passes
        it; the CLI and tests may not): it is throttled like the user name, see ``security.LoginLimits``."""
        username = request.username[:120]
        address = address[:64] if address else None
        now = self.clock()
        self._refuse_if_throttled(username, address, now)
        with self.store.read() as session:
            row = session.execute(select(UserAccount, Center.name).join(Center, Center.id == UserAccount.center_id)
                                  .where(UserAccount.username == request.username)).first()
        if row is None or row[0].disabled:
            security.burn_time_like_verify(request.password)
            ok = False
        else:
            ok = security.verify_password(request.password, row[0].password_hash)
        if not ok or row is None:
            self._record_failed_login(username, address, now)
            raise Unauthorized("The user name or password is not right.")
        user, center_name = row
        token = security.new_token()
        expires = now + self.token_ttl
        with self.store.session() as session:
            session.add(SessionToken(token_hash=security.token_digest(token), user_id=user.id,
                                     device_id=request.device_id, created_at=now, expires_at=expires,
                                     revoked=False))
            session.add(AuditEvent(at=now, username=user.username, action="login"))
            # The user's failures are forgiven; the address's are not (see ``security.LoginLimits``).
            session.execute(delete(LoginFailure).where(LoginFailure.username == user.username))
        return p.SessionInfo(token=token, username=user.username, display_name=user.display_name,
                             role=user.role, center=center_name, expires_at=expires)  # type: ignore[arg-type]

    def _lockout(self, session: Session, column: Any, value: str, limit: int, now: datetime) -> tuple[int, int]:
        """``(failures, seconds_locked)`` of one user name or address: how many of its newest ``limit`` failures
        lie within one window of the newest, and, when that is all ``limit`` of them and the newest is less than
        a window old, the seconds until it is (0: not locked)."""
        window = self.login_limits.window
        newest_first = list(session.scalars(
            select(LoginFailure.at).where(column == value, LoginFailure.at > now - 2 * window)
            .order_by(LoginFailure.at.desc()).limit(limit)))
        if not newest_first:
            return 0, 0
        last = newest_first[0]
        failures = sum(1 for at in newest_first if at > last - window)
        if failures < limit or last + window <= now:
            return failures, 0
        return failures, max(1, math.ceil((last + window - now).total_seconds()))

    def _refuse_if_throttled(self, username: str, address: str | None, now: datetime) -> None:
        limits = self.login_limits
        checks: list[tuple[Any, str, int, str]] = [
            (LoginFailure.username, username, limits.max_failures_per_user, "user")]
        if address:
            checks.append((LoginFailure.address, address, limits.max_failures_per_address, "address"))
        with self.store.read() as session:
            for column, value, limit, kind in checks:
                if not limit:
                    continue
                failures, seconds = self._lockout(session, column, value, limit, now)
                if not seconds:
                    continue
                log.warning("sign-in refused for user %r from %s: %d failed attempts for this %s within %s",
                            username, address or "-", failures, kind, limits.window)
                wait = security.minutes_phrase(seconds)
                if kind == "user":
                    raise TooManyAttempts(
                        f"Too many failed sign-in attempts for this user. Try again in {wait}, or ask an "
                        "administrator to reset the password.", retry_after=seconds)
                raise TooManyAttempts(
                    f"Too many failed sign-in attempts from this computer's network address. Try again in {wait}.",
                    retry_after=seconds)

    def _record_failed_login(self, username: str, address: str | None, now: datetime) -> None:
        limits = self.login_limits
        with self.store.session() as session:
            session.add(AuditEvent(at=now, username=username, action="login_failed"))
            session.add(LoginFailure(username=username, address=address, at=now))
            # Forget what no lockout can depend on any more (see ``_lockout``).
            session.execute(delete(LoginFailure).where(LoginFailure.at <= now - 2 * limits.window))
            session.flush()
            failures, seconds = (self._lockout(session, LoginFailure.username, username,
                                               limits.max_failures_per_user, now)
                                 if limits.max_failures_per_user else (0, 0))
            if seconds:
                session.add(AuditEvent(at=now, username=username, action="login_locked",
                                       detail={"failures": failures}))
        # Never the password: the user name (repr, so no line breaks reach the log) and the address only.
        log.warning("sign-in failed for user %r from %s (%d of %d allowed within %s)%s", username,
                    address or "-", failures, limits.max_failures_per_user, limits.window,
                    "; further attempts are refused until the window has passed" if seconds else "")

    def authenticate(self, token: str) -> Principal:
        digest = security.token_digest(token)
        with self.store.read() as session:
            row = session.execute(
                select(SessionToken, UserAccount, Center.name)
                .join(UserAccount, UserAccount.id == SessionToken.user_id)
                .join(Center, Center.id == UserAccount.center_id)
                .where(SessionToken.token_hash == digest)).first()
        if row is None:
            raise Unauthorized("Sign in first.")
        tok, user, center_name = row
        if tok.revoked or user.disabled or tok.expires_at <= self.clock():
            raise Unauthorized("The session has ended; sign in again.")
        return Principal(user_id=user.id, username=user.username, display_name=user.display_name,
                         role=user.role, center_id=user.center_id, center=center_name, device_id=tok.device_id)

    def logout(self, token: str) -> None:
        with self.store.session() as session:
            tok = session.get(SessionToken, security.token_digest(token))
            if tok is not None:
                tok.revoked = True
