"""Model-based test of the reminder rules (Hypothesis state machine) against a real SMTP server on loopback.

Whatever an administrator does, in any order (send either list, time passing, consent given or withdrawn, a
crash in the middle of a send, a relay that refuses an address), the relay never receives a reminder for someone
who had not consented at the time, and never the same list twice for one person inside the window."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from counselor_app.core import reminder_sender as rs
from tests.core.test_reminder_sender import Relay, free_port, make_desk

LISTS = ("invited_not_joined", "invitation_not_received")
PEOPLE = [("Ana", "Lopez", "ana@example.org", "es", True, False, None),
          ("Ben", "Okafor", "ben@example.org", "en", True, False, None),
          ("Cleo", "Nguyen", "cleo@example.org", "en", False, False, None)]
WINDOW = 7


class Crash(BaseException):
    """Stands for the process dying between the relay's answer and the record of it."""


def test_reminder_rules_hold_in_any_order(tmp_path: Path, monkeypatch) -> None:
    from aiosmtpd.smtp import AuthResult

    handler = Relay()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), auth_require_tls=False,
                            authenticator=lambda *a: AuthResult(success=True))
    controller.start()
    clock = {"now": datetime(2026, 1, 5, 9, 0)}
    monkeypatch.setattr(rs, "_now", lambda: clock["now"])
    runs = {"n": 0}

    class Machine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            runs["n"] += 1
            handler.received.clear()
            handler.rcpt_codes.clear()
            self.desk, self.ids = make_desk(tmp_path / f"run{runs['n']}", controller.port, people=PEOPLE)
            self.desk.settings.reminder_window_days = WINDOW
            self.consent = {mail: c for _, _, mail, _, c, _, _ in PEOPLE}
            self.deliveries: list[tuple[str, str, datetime]] = []  # (address, list, when)
            self.seen = 0

        def teardown(self) -> None:
            self.desk.close()

        def _collect(self, list_name: str, consent_at_send: dict[str, bool]) -> None:
            for rcpts, content in handler.received[self.seen:]:
                for address in rcpts:
                    assert consent_at_send[address], f"{address} received a reminder without consent"
                    assert f"X-Counselor-Desk-Reminder: {list_name}".encode() in content
                    self.deliveries.append((address, list_name, clock["now"]))
            self.seen = len(handler.received)

        @rule(days=st.integers(min_value=0, max_value=9))
        def time_passes(self, days: int) -> None:
            clock["now"] += timedelta(days=days, hours=1)

        @rule(who=st.sampled_from([p[2] for p in PEOPLE]), value=st.booleans())
        def consent_changes(self, who: str, value: bool) -> None:
            self.desk.job_seekers.update(self.ids[who], {"consent_to_contact": value})
            self.consent[who] = value

        @rule(list_name=st.sampled_from(LISTS), refuse=st.sampled_from([None, "ben@example.org"]))
        def send(self, list_name: str, refuse: str | None) -> None:
            if refuse:
                handler.rcpt_codes[refuse] = ["550 5.1.1 No such user"]
            before = dict(self.consent)
            plan = rs.plan_reminders(self.desk, list_name, days=0)
            rs.send_reminders(self.desk, plan, retry=rs.SmtpRetry(attempts=2, backoff_base_s=0.0))
            handler.rcpt_codes.clear()
            self._collect(list_name, before)

        @rule(list_name=st.sampled_from(LISTS))
        def crash_mid_send(self, list_name: str) -> None:
            before = dict(self.consent)
            plan = rs.plan_reminders(self.desk, list_name, days=0)
            original = rs._finish

            def die(*args, **kwargs):
                raise Crash()

            monkeypatch.setattr(rs, "_finish", die)
            try:
                rs.send_reminders(self.desk, plan, retry=rs.SmtpRetry(attempts=1))
            except Crash:
                pass
            finally:
                monkeypatch.setattr(rs, "_finish", original)
            self._collect(list_name, before)

        @invariant()
        def never_twice_in_the_window(self) -> None:
            last: dict[tuple[str, str], datetime] = {}
            for address, list_name, when in self.deliveries:
                key = (address, list_name)
                if key in last:
                    assert when - last[key] >= timedelta(days=WINDOW), f"{key} twice within {WINDOW} days"
                last[key] = when

    try:
        run_state_machine_as_test(Machine, settings=settings(
            max_examples=12, stateful_step_count=12, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
    finally:
        controller.stop()
    assert runs["n"] >= 1
