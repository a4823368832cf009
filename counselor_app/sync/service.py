"""``sync_once``: one full round with the agency server, used alike by the app, the CLI and the tests.

Order matters. Push first, so the server judges this device's edits before the device takes anything from the
feed; then reserve a fresh license block (only once every issuance made offline has reached the server, or the
pool would be counted short), approve pending issuances the new block covers and push those approvals; then
pull. ``last_successful_sync`` is written only when the whole round got through.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from counselor_app.core import keystore
from counselor_app.core.desk import LAST_SUCCESS_KEY, RECONCILE_PENDING_KEY
from counselor_app.core.errors import Cancelled, IssuanceRefused
from counselor_app.core.messages import Message, message_of
from counselor_app.core.models import LicenseIssuance
from counselor_app.core.op_changes import NO_CHANGES, OpChanges, note_changes, returns_changes
from counselor_app.core.vocabulary import Entity, LicenseStatus, RefusalReason, Role
from counselor_app.sync import authorship, device_guard, outbox
from counselor_app.sync import protocol as p
from counselor_app.sync.device_protocol import DeviceState
from counselor_app.sync.errors import (
    AuthenticationRequired,
    NotSignedIn,
    ServerRefused,
    SyncError,
    SyncInProgress,
)
from counselor_app.sync.outreach_sync import send_referral_statuses
from counselor_app.sync.pull import BLOCK_ID_KEY, CURSOR_KEY, apply_page
from counselor_app.sync.transport import AgencyClient, RetryPolicy, normalize_server_url

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk

log = logging.getLogger(__name__)

LAST_ATTEMPT_KEY = "last_sync_attempt"
LAST_ERROR_KEY = "last_sync_error"
SESSION_KEY = "server_session"
RECONCILE_KEY = RECONCILE_PENDING_KEY  # core.desk: set by the demo seeding, cleared once a reconcile got through
RESTORED = "restored"  # RECONCILE_KEY's value when the server was found restored (compare what was written since)
PULL_PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class SyncProgress:
    stage: str  # "push" | "block" | "pull" | "reconcile"
    done: int
    total: int | None
    message: str


ProgressCallback = Callable[[SyncProgress], None]
ClientFactory = Callable[["Desk", str], AgencyClient]


@dataclass
class SyncReport:
    started_at: datetime
    finished_at: datetime | None = None
    sent: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    waiting: int = 0
    requests: int = 0
    pulled: int = 0
    pull_pages: int = 0
    block_size: int | None = None
    approved: int = 0
    still_pending: int = 0
    healed: int = 0  # records the server lacked, sent again because a change needed them
    reconciled: int | None = None  # records compared with the server, when a reconcile ran
    resent: int = 0  # records a reconcile found the server lacking, queued again
    diverged: int = 0  # records someone else changed on a restored server: conflicts for the counselor
    queued_left: int = 0
    parked_total: int = 0
    conflict_total: int = 0
    error: str | None = None
    notes: list[Message] = field(default_factory=list)
    changes: OpChanges = NO_CHANGES  # what the round changed on this desk (set when it finished)

    @property
    def unsent(self) -> int:
        return self.queued_left + self.parked_total + self.conflict_total

    @property
    def complete(self) -> bool:
        """Nothing is left unsent and the round got through."""
        return self.error is None and self.unsent == 0

    def as_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["started_at"] = self.started_at.isoformat(timespec="seconds")
        out["finished_at"] = self.finished_at.isoformat(timespec="seconds") if self.finished_at else None
        out["changes"] = list(self.changes.names())
        out["unsent"] = self.unsent
        out["complete"] = self.complete
        return out

    def messages(self, *, include_error: bool = True) -> list[Message | str]:
        """The round's result, one line each, as codes with arguments (the UI words them; :meth:`summary` is the
        English). ``error`` is the failure's own message (a ``Message`` when the error carried one)."""
        lines: list[Message | str] = []
        if self.sent and not (self.duplicates or self.conflicts or self.rejected):
            lines.append(Message("sync.sent_applied", "Sent {sent:,} changes: {applied:,} applied.", sent=self.sent,
                                 applied=self.applied))
        elif self.sent:
            lines.append(Message("sync.sent", "Sent {sent:,} changes: {applied:,} applied, {duplicates:,} already on "
                                 "the server, {conflicts:,} in conflict, {rejected:,} set aside.", sent=self.sent,
                                 applied=self.applied, duplicates=self.duplicates, conflicts=self.conflicts,
                                 rejected=self.rejected))
        elif not self.error:  # a sync that failed did not find out what was new
            lines.append(Message("sync.nothing_to_send", "Nothing new to send."))
        if self.healed:
            lines.append(Message("sync.healed", "{count:,} records the agency server lacked were sent to it again "
                                 "first.", count=self.healed))
        if self.pulled:
            lines.append(Message("sync.received", "Received {count:,} updates from the agency server.",
                                 count=self.pulled))
        if self.block_size is not None:
            lines.append(Message("sync.block", "Licenses reserved for offline use: {count:,}.", count=self.block_size))
            if self.approved:
                lines.append(Message("sync.approved", "{count:,} pending licenses approved.", count=self.approved))
        lines.extend(self.notes)
        if self.unsent and not self.waiting:
            lines.append(Message("sync.not_yet_sent_plain", "Not yet on the server: {queued:,} queued, {parked:,} "
                                 "set aside, {conflicts:,} in conflict.", queued=self.queued_left,
                                 parked=self.parked_total, conflicts=self.conflict_total))
            if self.parked_total or self.conflict_total:
                lines.append(Message("sync.open_sync_page",
                                     "Open the Sync page in the app to fix, resend or resolve them."))
        elif self.unsent:
            lines.append(Message("sync.not_yet_sent", "Not yet on the server: {queued:,} queued ({waiting:,} waiting "
                                 "behind a change that needs attention), {parked:,} set aside, {conflicts:,} in "
                                 "conflict.", queued=self.queued_left, waiting=self.waiting, parked=self.parked_total,
                                 conflicts=self.conflict_total))
            if self.parked_total or self.conflict_total:
                lines.append(Message("sync.open_sync_page",
                                     "Open the Sync page in the app to fix, resend or resolve them."))
        elif self.error:  # the server was not reached: whether it holds everything is not known
            lines.append(Message("sync.nothing_waiting", "Nothing is waiting on this desk to be sent."))
        else:
            lines.append(Message("sync.all_sent", "Everything is on the agency server."))
        if self.error and include_error:
            lines.append(self.error)
        return lines

    def summary(self, *, include_error: bool = True) -> str:
        return "\n".join(self.messages(include_error=include_error))


def token_key(server_url: str, device_id: str | None = None) -> str:
    """Keyring name of the token: per server and per data folder (its device id), so two data folders on one
    computer signed in as different people never use each other's session."""
    base = f"sync-token:{normalize_server_url(server_url)}"
    return f"{base}@{device_id}" if device_id else base


def stored_token(desk: Desk) -> str | None:
    """This desk's token for its configured server, from the keyring."""
    if not desk.settings.server_url:
        return None
    return keystore.get_secret(authorship.user_token_key(desk, desk.settings.server_url, desk.actor.username))


def _now() -> datetime:
    return datetime.now(UTC)


def make_client(desk: Desk, token: str | None, *, retry: RetryPolicy | None = None,
                cancel: threading.Event | None = None) -> AgencyClient:
    settings = desk.settings
    return AgencyClient(settings.server_url, token=token, ca_bundle=settings.ca_bundle,
                        timeouts=(settings.connect_timeout_s, settings.read_timeout_s), retry=retry, cancel=cancel)


def sign_in(desk: Desk, *, server_url: str, username: str, password: str, ca_bundle: str | None = None,
            retry: RetryPolicy | None = None) -> p.SessionInfo:
    """Sign in, keep the token in the keyring and the server address in the settings.

    A refusal after too many failed attempts (429) is not retried: ``SignInThrottled`` carries the server's
    message, which says how long to wait."""
    url = normalize_server_url(server_url)
    settings = desk.settings
    bundle = settings.ca_bundle if ca_bundle is None else ca_bundle
    # The settings change only once the server has accepted the sign-in.
    with AgencyClient(url, ca_bundle=bundle, timeouts=(settings.connect_timeout_s, settings.read_timeout_s),
                      retry=retry or RetryPolicy(attempts=2)) as client:
        info = client.login(username=username, password=password, device_id=settings.device_id)
        device_guard.register(desk, client)  # issue 17: the agency knows every desk from its first sign-in
    keystore.set_secret(authorship.user_token_key(desk, url, desk.actor.username), info.token)
    settings.server_url = url
    settings.ca_bundle = bundle
    desk.save_settings()
    desk.set_state(authorship.session_state_key(desk, SESSION_KEY), json.dumps({
        "server_url": url, "username": info.username, "display_name": info.display_name, "role": info.role,
        "center": info.center, "expires_at": info.expires_at.isoformat()}))
    desk.audit("sync_sign_in", detail={"role": info.role})
    note_changes(OpChanges(sync=True))
    return info


def sign_out(desk: Desk) -> None:
    """End the server session (best effort: offline, the token is simply forgotten)."""
    if not desk.settings.server_url:
        return
    key = authorship.user_token_key(desk, desk.settings.server_url, desk.actor.username)
    token = keystore.get_secret(key)
    if token:
        try:
            with make_client(desk, token, retry=RetryPolicy(attempts=1)) as client:
                client.logout()
        except SyncError:
            pass
        keystore.delete_secret(key)
    desk.set_state(authorship.session_state_key(desk, SESSION_KEY), "")
    desk.audit("sync_sign_out")
    note_changes(OpChanges(settings=True, sync=True))


def session_info(desk: Desk) -> dict[str, Any] | None:
    """Who this desk is signed in as on the server (no token), for the settings dialog."""
    raw = desk.get_state(authorship.session_state_key(desk, SESSION_KEY))
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except ValueError:
        return None
    if not desk.settings.server_url or info.get("server_url") != desk.settings.server_url:
        return None
    return info if stored_token(desk) else None


@returns_changes
def sync_once(desk: Desk, *, progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
              client: AgencyClient | None = None, retry: RetryPolicy | None = None, pull: bool = True,
              reserve_block: bool = True, reconcile: bool = False) -> SyncReport:
    """Push, reserve, pull. Raises a ``SyncError`` subclass (with ``.report``) when the round cannot finish;
    everything confirmed before that stays confirmed.

    ``reconcile`` first compares ids and versions with the server (``sync.reconcile``) and queues what the server
    lacks; sync also does that on its own when the feed says the server was restored from an older backup."""
    report = SyncReport(started_at=_now())
    own_client = client is None
    run: _Round | None = None
    try:
        if client is None:
            if not desk.settings.server_url:
                raise NotSignedIn(Message(
                        "service.agency_server_set",
                        "No agency server is set up. Sign in to the agency server first."))
            token = stored_token(desk)
            if not token:
                raise NotSignedIn(Message(
                        "service.sign_agency_server",
                        "Sign in to the agency server to sync."))
            client = make_client(desk, token, retry=retry, cancel=cancel)
        elif cancel is not None:
            client.cancel = cancel
        device_state = device_guard.check_in(desk, client)  # issue 17: a desk reported lost erases itself here
        desk.set_state(LAST_ATTEMPT_KEY, _now().isoformat(timespec="seconds"))
        run = _Round(desk, client, report, progress, cancel)
        # Issue 11: a server restored from an older copy of its database (or replaced) no longer holds the mark
        # this desk left at the end of its last sync, whatever order anyone's writes arrived in. The flag is kept
        # until a round gets through, so a round cut short reconciles again next time.
        if run.check_restore():
            desk.set_state(RECONCILE_KEY, RESTORED)
            report.notes.append(Message("sync.server_restored_compared", "The agency server was restored from an "
                                        "older copy of its database; this desk compared its records with it."))
        pending = desk.get_state(RECONCILE_KEY) or ""
        asked = pending in ("1", RESTORED)
        reconcile = reconcile or asked
        if reconcile:
            run.reconcile(restored=pending == RESTORED)
        run.push()
        send_referral_statuses(desk, client)  # issue 16: what the center did with partner referrals
        if reserve_block:
            run.reserve_and_approve()
        if pull:
            run.pull()
            if run.server_restored and not reconcile:
                report.notes.append(Message("sync.server_restored", "The agency server was restored from an older "
                                            "backup; records it lacked were sent again."))
                run.reconcile(restored=True)
                run.push()
        if not run.leave_mark(advance=pull):
            # Restored while this round ran: compare again now rather than leave it to the next sync.
            desk.set_state(RECONCILE_KEY, RESTORED)
            asked = True
            run.reconcile(restored=True)
            run.push()
        report.finished_at = _now()
        if asked:
            desk.set_state(RECONCILE_KEY, "")
        desk.set_state(LAST_SUCCESS_KEY, report.finished_at.isoformat(timespec="seconds"))
        desk.set_state(LAST_ERROR_KEY, "")
        note_changes(SYNC_ROUND_CHANGES)
    except (SyncError, Cancelled) as exc:
        report.error = message_of(exc)
        report.finished_at = _now()
        exc.report = report
        _fill_counts(desk, report)
        try:
            desk.set_state(LAST_ERROR_KEY, type(exc).__name__)
        except Exception:  # noqa: BLE001 - the sync error matters more than bookkeeping
            log.exception("could not record the sync error")
        raise
    finally:
        if run is not None:
            report.requests += run.authors.requests_made
            run.authors.close()
        if client is not None:
            report.requests += client.requests_made
            if own_client:
                client.close()
    _fill_counts(desk, report)
    if device_state == DeviceState.RETIRED:
        with make_client(desk, None, retry=RetryPolicy(attempts=1)) as farewell:
            device_guard.finish_if_retired(desk, farewell, device_state, report)
    return report


#: What a finished round may have changed: the queue, and whatever the feed brought back.
SYNC_ROUND_CHANGES = OpChanges(outbox=True, sync=True, job_seekers=True, licenses=True, catalog=True, progress=True)


def _fill_counts(desk: Desk, report: SyncReport) -> None:
    counts = outbox.counts(desk)
    report.queued_left = counts["queued"]
    report.parked_total = counts["parked"]
    report.conflict_total = counts["conflict"]


class _Round:
    def __init__(self, desk: Desk, client: AgencyClient, report: SyncReport, progress: ProgressCallback | None,
                 cancel: threading.Event | None) -> None:
        self.desk = desk
        self.client = client
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.seen: set[str] = set()
        self.healed: set[tuple[str, str]] = set()
        self.server_restored = False
        self.batch_size = max(1, min(desk.settings.sync_batch_size, p.MAX_BATCH))
        self.authors = authorship.AuthorClients(desk, client, cancel=cancel)

    def _tell(self, stage: str, done: int, total: int | None, message: str) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(stage=stage, done=done, total=total, message=message))

    def _check_cancel(self) -> None:
        self.client.check_cancel()

    def push(self) -> None:
        total = outbox.queued_count(self.desk)
        done = 0
        self._tell("push", 0, total, "Sending changes")
        while True:
            self._check_cancel()
            batch, waiting = outbox.next_batch(self.desk, seen=self.seen, limit=self.batch_size)
            self.report.waiting += waiting
            if not batch:
                break
            self._send(batch)
            done += len(batch) + waiting
            self._tell("push", min(done, max(total, done)), max(total, done), f"Sent {done:,} of {total:,} changes")

    def _send(self, batch: list[outbox.PendingChange]) -> None:
        # issue 17: each counselor's changes go under their own server sign-in, in queue order.
        for run, client in self.authors.runs(batch):
            try:
                self._send_as(run, client)
            except AuthenticationRequired:
                if client is self.client:
                    raise
                self.authors.forget(client)
                self._send_as(run, self.client)

    def _send_as(self, batch: list[outbox.PendingChange], client: AgencyClient) -> None:
        try:
            answer = client.push(p.ChangeBatch(device_id=self.desk.settings.device_id,
                                               changes=[c.to_change() for c in batch]))
        except ServerRefused as exc:
            if exc.status not in (400, 413, 422):
                raise
            # The server could not read the batch as a whole: find the change it chokes on by halves, so one
            # bad record is set aside and the rest still go.
            if len(batch) == 1:
                outbox.park(self.desk, batch[0].seq, "The agency server could not read this change: " + str(exc))
                self.report.sent += 1
                self.report.rejected += 1
                return
            half = len(batch) // 2
            self._send_as(batch[:half], client)
            self._send_as(batch[half:], client)
            return
        counts = outbox.record_results(self.desk, batch, answer.results, healed=self.healed)
        self.report.sent += len(batch)
        self.report.applied += counts.applied
        self.report.duplicates += counts.duplicate
        self.report.conflicts += counts.conflict
        self.report.rejected += counts.rejected
        self.report.waiting += counts.waiting
        if counts.healing:
            # The server lacks records this device has (a demo server, a restore from an older backup): send
            # their current state now; the changes that named them go again in this sync's next batch.
            self.healed.update((entity, entity_id) for entity, entity_id, _version in counts.healing)
            # Changes the server did not even try because an earlier one to the same record was refused go
            # again in this sync too, once that record is healed (healing is once per record: this ends).
            self.seen.difference_update(counts.blocked)
            targets = self._safe_repairs(batch, list(counts.healing))
            repairs = outbox.queue_repairs(self.desk, targets)
            self.report.healed += len(repairs)
            self.seen.update(r.change_id for r in repairs)
            if repairs:
                self._send(repairs)

    def _safe_repairs(self, batch: list[outbox.PendingChange],
                      healing: list[tuple[str, str, int | None]]) -> list[tuple[str, str, int | None]]:
        """Of the records the server holds at an older version than this desk's changes were made on, those
        nobody wrote since this desk last knew the server (a restored copy: its current state replaces them).
        The others diverged (someone edited them on the restored server) and become conflicts to resolve, or
        converge when their content is this desk's (``reconcile.settle``): a repair never overwrites them."""
        from counselor_app.sync.reconcile import known_until, record_states, settle

        bases = {(c.entity, c.entity_id): c.base_version for c in batch if c.base_version is not None}
        out = [t for t in healing if t[2] is None]
        by_entity: dict[str, dict[str, int]] = {}
        for entity, entity_id, version in healing:
            base = bases.get((entity, entity_id))
            if version is None:
                continue
            if base is None:
                out.append((entity, entity_id, version))
            else:
                by_entity.setdefault(entity, {})[entity_id] = base
        since = known_until(self.desk)
        for entity, versions in by_entity.items():
            states = record_states(self.client, entity, versions, device_id=self.desk.settings.device_id,
                                   since=since)
            out.extend((entity, s.entity_id, s.version) for s in states if s.held == "behind")
            out.extend((entity, s.entity_id, None) for s in states if s.held == "missing")
            diverged = [s for s in states if s.held == "diverged"]
            if diverged:
                counts = settle(self.desk, entity, diverged, versions)
                self.report.conflicts += counts["diverged"]
                self.report.diverged += counts["diverged"]
        return out

    def reserve_and_approve(self) -> None:
        desk = self.desk
        if outbox.queued_count(desk, entity=Entity.LICENSE_ISSUANCE):
            self.report.notes.append(Message("sync.block_not_renewed", "Licenses were not re-reserved: some "
                                             "licenses issued here are not on the server yet."))
            return
        self._check_cancel()
        self._tell("block", 0, None, "Reserving licenses for offline use")
        program = desk.profile.program
        with desk.store.read() as session:
            pending = list(session.scalars(select(LicenseIssuance.id).where(
                LicenseIssuance.status == LicenseStatus.PENDING_APPROVAL, LicenseIssuance.program_id == program.id)
                .order_by(LicenseIssuance.issued_at)))
        # One reservation covers every license waiting for approval plus the usual offline block, so all the
        # pending ones clear in this sync when the pool allows it.
        wanted = max(0, desk.settings.default_offline_license_block) + len(pending)
        role = (session_info(desk) or {}).get("role")
        try:
            grant = self.client.reserve_block(p.BlockRequest(
                device_id=desk.settings.device_id, program_id=program.id, requested=min(wanted, 10_000),
                # Only an administrator may tell the server the pool's size; it is ignored once the pool is set.
                pool_size_hint=program.license_pool if role == Role.ADMINISTRATOR and program.license_pool else None))
        except ServerRefused as exc:
            if exc.status != 403:
                raise
            self.report.notes.append(Message("sync.block_refused", "Licenses were not reserved for offline use: "
                                             "{reason}", reason=message_of(exc)))
            self.report.still_pending = len(pending)
            if pending:
                self.report.notes.append(Message("sync.still_pending", "{count:,} licenses stay pending approval.",
                                                 count=len(pending)))
            return
        # Licenses issued while the reservation was under way are not on the server yet: they come off the
        # new block here, and the server counts them against it when they arrive.
        unsent = outbox.queued_count(desk, entity=Entity.LICENSE_ISSUANCE)
        desk.licenses.set_block(block_size=max(0, grant.block_size - unsent), issued_statewide=grant.issued_statewide)
        desk.set_state(BLOCK_ID_KEY, grant.block_id)
        self.report.block_size = grant.block_size
        for issuance_id in pending:
            try:
                desk.licenses.approve_pending(issuance_id)
            except IssuanceRefused as exc:
                if exc.reason_code == RefusalReason.BLOCK_EXHAUSTED:
                    break
                continue
            self.report.approved += 1
        self.report.still_pending = len(pending) - self.report.approved
        if self.report.still_pending:
            count = self.report.still_pending
            if grant.pool_size is None:
                why = Message("sync.pending_no_pool", "{count:,} licenses stay pending approval: the agency server "
                              "has no license pool set for this program yet (an administrator sets it).", count=count)
            elif grant.pool_size - grant.issued_statewide <= 0:
                why = Message("sync.pending_pool_used_up", "{count:,} licenses stay pending approval: the statewide "
                              "pool of {pool:,} licenses is used up.", count=count, pool=grant.pool_size)
            else:
                why = Message("sync.pending_pool_low", "{count:,} licenses stay pending approval: the statewide pool "
                              "has only {left:,} licenses left, some of them reserved by other devices.", count=count,
                              left=max(0, grant.pool_size - grant.issued_statewide))
            self.report.notes.append(why)
        if self.report.approved:
            self.push()

    def reconcile(self, *, restored: bool = False) -> None:
        from counselor_app.sync.reconcile import reconcile

        self._tell("reconcile", 0, None, "Comparing records with the agency server")
        found = reconcile(self.desk, self.client, restored=restored)
        self.report.reconciled = found.compared
        self.report.resent += found.resent
        self.report.diverged += found.diverged
        if found.resent:
            self.report.notes.append(Message("sync.resent", "{count:,} records the agency server lacked were sent "
                                             "again.", count=found.resent))
        if found.diverged:
            self.report.notes.append(Message(
                "sync.diverged", "{count:,} records were changed on the agency server by someone else after it was "
                "restored, and this desk's changes were lost there: resolve them on the Sync page.",
                count=found.diverged))

    def check_restore(self) -> bool:
        """Start of a round: True when the server no longer holds the mark this desk left at the end of its last
        sync (restored from an older copy, or replaced). One small request."""
        answer = self._checkpoint()
        return answer is not None and not answer.matched

    def leave_mark(self, *, advance: bool) -> bool:
        """End of a round: leave a new mark; when the server still held this round's, this desk knew the server
        up to now (``reconcile.KNOWN_UNTIL_KEY``, what repairs are judged against). False: restored meanwhile."""
        from counselor_app.sync.reconcile import KNOWN_UNTIL_KEY

        answer = self._checkpoint()
        if answer is None:
            return True
        if answer.matched and advance:
            self.desk.set_state(KNOWN_UNTIL_KEY, answer.server_time.isoformat())
        return answer.matched

    def _checkpoint(self) -> p.SyncCheckpointResult | None:
        """Send this desk's last mark and a new one; None from a server older than checkpoints (404)."""
        from counselor_app.sync.reconcile import CHECKPOINT_KEY

        previous = self.desk.get_state(CHECKPOINT_KEY) or None
        mark = str(uuid.uuid4())
        try:
            answer = self.client.checkpoint(p.SyncCheckpoint(device_id=self.desk.settings.device_id,
                                                             previous=previous, next=mark))
        except ServerRefused as exc:
            if exc.status != 404:
                raise
            return None
        self.desk.set_state(CHECKPOINT_KEY, mark)
        return answer

    def pull(self) -> None:
        cursor = self.desk.get_state(CURSOR_KEY)
        received = 0
        while True:
            self._check_cancel()
            self._tell("pull", received, None, "Receiving updates")
            page = self.client.pull(since=cursor, limit=PULL_PAGE_SIZE, device_id=self.desk.settings.device_id)
            self.server_restored |= page.replayed
            applied = apply_page(self.desk, page)
            self.report.pull_pages += 1
            received += len(page.items)
            # Count what changed something here, not the pool and block echoes every round brings.
            self.report.pulled += applied.records + applied.progress + int(applied.catalog)
            if applied.double_booked:  # issue 16: two desks booked one counselor at one time
                self.report.notes.append(Message(
                    "sync.double_booked", "{count:,} bookings made at another desk take the same time as a booking "
                    "here for the same counselor; the Calendar marks them \"double-booked\": move or cancel one.",
                    count=applied.double_booked))
            if not page.has_more or page.next_cursor == cursor:
                break
            cursor = page.next_cursor


class SyncService:
    """The app's handle on sync for one open desk: one sync at a time, plus sign-in and a reachability probe.

    Thread-safe for the UI's background worker; it holds no Qt and no ORM session between calls.
    """

    def __init__(self, desk: Desk, *, retry: RetryPolicy | None = None) -> None:
        self.desk = desk
        self.retry = retry
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return bool(self.desk.settings.server_url)

    def signed_in(self) -> bool:
        return self.configured and bool(stored_token(self.desk))

    def sync_once(self, *, progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> SyncReport:
        if not self._lock.acquire(blocking=False):
            raise SyncInProgress(Message("service.sync_already_running", "A sync is already running."))
        try:
            return sync_once(self.desk, progress=progress, cancel=cancel, retry=self.retry)
        finally:
            self._lock.release()

    def probe(self) -> bool:
        """Is the agency server reachable now? One short request, no retries, no token."""
        if not self.configured:
            return False
        settings = self.desk.settings
        try:
            client = AgencyClient(settings.server_url, ca_bundle=settings.ca_bundle,
                                  timeouts=(min(settings.connect_timeout_s, 3.0), 5.0))
        except ValueError:
            return False
        with client:
            return client.health()

    def sign_in(self, *, server_url: str, username: str, password: str,
                ca_bundle: str | None = None) -> p.SessionInfo:
        return sign_in(self.desk, server_url=server_url, username=username, password=password,
                       ca_bundle=ca_bundle, retry=self.retry)

    def sign_out(self) -> None:
        sign_out(self.desk)

    def status(self) -> dict[str, Any]:
        counts = outbox.counts(self.desk)
        return {"server_url": self.desk.settings.server_url, "signed_in": self.signed_in(),
                "queued": counts["queued"], "parked": counts["parked"], "conflict": counts["conflict"],
                "last_successful_sync": self.desk.get_state(LAST_SUCCESS_KEY) or None,
                "last_error": self.desk.get_state(LAST_ERROR_KEY) or None}
