"""Each counselor's changes reach the server under their own sign-in (issue 17: several counselors, one laptop).

Every outbox row names the local counselor who made it (``OutboxEntry.author``, set in the same transaction as the
change). When a batch is pushed it is cut into runs of consecutive rows by author, in queue order (so a change
never overtakes an earlier one), and each run is sent with that counselor's own server token: the server's record
(``updated_by``, its change log) then names the person who did it, not whoever happened to press Sync.

A counselor who never signed in to the server on this desk, or whose session has ended, has no usable token;
their runs go under the counselor who syncs (the desk's own audit still names the author). That is the one case
where the server's attribution is the syncing counselor's: the README's security section says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import select

from counselor_app.core import keystore
from counselor_app.core.models import OutboxEntry

if TYPE_CHECKING:
    import threading

    from counselor_app.core.desk import Desk
    from counselor_app.sync.outbox import PendingChange
    from counselor_app.sync.transport import AgencyClient

log = logging.getLogger(__name__)


def primary_username(desk: Desk) -> str:
    """The counselor set up at first run: their token keeps the desk's original keyring name."""
    from counselor_app.core.desk import username_for

    settings = desk.settings
    return settings.counselor_username or username_for(settings.counselor_name)


def user_token_key(desk: Desk, server_url: str, username: str) -> str:
    from counselor_app.sync.service import token_key

    base = token_key(server_url, desk.settings.device_id)
    return base if username == primary_username(desk) else f"{base}#{username}"


def session_state_key(desk: Desk, base: str) -> str:
    """Who the current counselor is signed in as on the server (shown in the sync settings), per counselor."""
    username = desk.actor.username
    return base if username == primary_username(desk) else f"{base}#{username}"[:60]


class AuthorClients:
    """One client per author with a stored token, made on first need, closed with ``close()``."""

    def __init__(self, desk: Desk, default: AgencyClient, *, cancel: threading.Event | None = None) -> None:
        self.desk = desk
        self.default = default
        self.cancel = cancel
        self._clients: dict[str, AgencyClient | None] = {desk.actor.username: default}

    def client_for(self, author: str | None) -> AgencyClient:
        if not author or not self.desk.settings.server_url:
            return self.default
        if author not in self._clients:
            token = keystore.get_secret(user_token_key(self.desk, self.desk.settings.server_url, author))
            if token and token != self.default.token:
                from counselor_app.sync.service import make_client

                self._clients[author] = make_client(self.desk, token, retry=self.default.retry, cancel=self.cancel)
            else:
                self._clients[author] = None
        return self._clients[author] or self.default

    def forget(self, client: AgencyClient) -> None:
        """That author's session ended: their further runs go under the syncing counselor."""
        for author, known in list(self._clients.items()):
            if known is client and client is not self.default:
                self._clients[author] = None
                client.close()

    def runs(self, batch: list[PendingChange]) -> list[tuple[list[PendingChange], AgencyClient]]:
        seqs = [c.seq for c in batch]
        with self.desk.store.read() as session:
            authors = dict(session.execute(select(OutboxEntry.seq, OutboxEntry.author)
                                           .where(OutboxEntry.seq.in_(seqs))).all())
        out: list[tuple[list[PendingChange], AgencyClient]] = []
        for change in batch:
            client = self.client_for(authors.get(change.seq))
            if out and out[-1][1] is client:
                out[-1][0].append(change)
            else:
                out.append(([change], client))
        return out

    @property
    def requests_made(self) -> int:
        return sum(c.requests_made for c in self._clients.values() if c is not None and c is not self.default)

    def close(self) -> None:
        for client in self._clients.values():
            if client is not None and client is not self.default:
                client.close()
