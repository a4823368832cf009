"""Admission control for the reference server's heavy writes (pushed batches, block reservations).

Each server process applies at most ``max_in_flight`` of them at once; the rest wait in a queue, in arrival
order. When the queue is full, or the wait it predicts is longer than ``max_wait_s``, the request is answered
at once with 503 and a ``Retry-After`` sized to the queue (queued + running requests × the recent time per
request ÷ ``max_in_flight``): the desk's client waits that long and tries again, instead of the batch sitting in
a queue until the client's 30 s read timeout gives up on it (the server would then apply it for nobody).

A client that goes away is noticed: while its request waits, it leaves the queue; while its batch is being
applied, ``client_gone()`` turns true and the service rolls the batch back instead of committing it
(``changes.ChangeService``). The counters are per process: each worker protects its own threads and database
connections; everything that must be shared between workers and hosts lives in the database.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import math
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

_GONE: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar("counselor_client_gone", default=None)


def client_gone() -> bool:
    """True when the client of the request being served (in this thread's context) has disconnected."""
    event = _GONE.get()
    return event is not None and event.is_set()


@dataclass
class AdmissionLimits:
    """``max_in_flight``: requests applied at once per process (about the database connections they may use;
    SQLite has one writer, so 2 keeps one ready behind the one writing). ``max_queue``: requests waiting per
    process before the next one is refused. ``max_wait_s``: the longest predicted wait a request is queued for.
    ``max_retry_after_s``: the cap of ``Retry-After``."""

    max_in_flight: int = 6
    max_queue: int = 64
    max_wait_s: float = 10.0
    max_retry_after_s: int = 120

    @classmethod
    def for_dialect(cls, dialect: str) -> AdmissionLimits:
        return cls(max_in_flight=2) if dialect == "sqlite" else cls()


@dataclass
class AdmissionStats:
    admitted: int = 0
    refused: int = 0
    abandoned: int = 0


@dataclass
class _State:
    in_flight: int = 0
    waiting: list[asyncio.Future[None]] = field(default_factory=list)
    seconds_per_request: float = 0.25  # exponentially weighted, seeded with a modest guess


class AdmissionMiddleware:
    """Pure ASGI middleware guarding the POST routes in ``paths``; it sits inside ``RequestBodyMiddleware``, so
    the body has been read in full by the time a request is admitted."""

    def __init__(self, app: ASGIApp, *, paths: Iterable[str], limits: AdmissionLimits,
                 stats: AdmissionStats | None = None) -> None:
        self.app = app
        self.paths = frozenset(paths)
        self.limits = limits
        self.stats = stats if stats is not None else AdmissionStats()
        self._state = _State()

    def retry_after(self) -> int:
        state, limits = self._state, self.limits
        ahead = len(state.waiting) + state.in_flight + 1
        wait = ahead * state.seconds_per_request / max(1, limits.max_in_flight)
        return max(1, min(limits.max_retry_after_s, math.ceil(wait)))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or scope.get("path") not in self.paths:
            await self.app(scope, receive, send)
            return
        first = await receive()  # the whole body (RequestBodyMiddleware read it already)
        state, limits = self._state, self.limits
        busy = state.in_flight >= limits.max_in_flight
        predicted = (len(state.waiting) + 1) * state.seconds_per_request / max(1, limits.max_in_flight)
        if busy and (len(state.waiting) >= limits.max_queue or predicted > limits.max_wait_s):
            await self._refuse(scope, receive, send)
            return
        gone = threading.Event()
        watcher = asyncio.ensure_future(_watch_disconnect(receive, gone))
        try:
            if busy:
                ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                state.waiting.append(ticket)
                try:
                    await asyncio.wait({ticket, watcher}, timeout=limits.max_wait_s,
                                       return_when=asyncio.FIRST_COMPLETED)
                finally:
                    if not ticket.done():
                        ticket.cancel()
                    if ticket in state.waiting:
                        state.waiting.remove(ticket)
                if gone.is_set():
                    self.stats.abandoned += 1
                    if ticket.done() and not ticket.cancelled():
                        self._release_slot_to_next()
                    return
                if not ticket.done() or ticket.cancelled():
                    await self._refuse(scope, receive, send)
                    return
                # The slot was handed over by the request that finished (in_flight already counts it).
            else:
                state.in_flight += 1
            self.stats.admitted += 1
            started = time.monotonic()
            sent_body = False

            async def app_receive() -> Message:
                nonlocal sent_body
                if not sent_body:
                    sent_body = True
                    return first
                await asyncio.shield(watcher)
                return {"type": "http.disconnect"}

            token = _GONE.set(gone)
            try:
                await self.app(scope, app_receive, send)
            finally:
                _GONE.reset(token)
                elapsed = time.monotonic() - started
                state.seconds_per_request = 0.8 * state.seconds_per_request + 0.2 * elapsed
                if gone.is_set():
                    self.stats.abandoned += 1
                self._release_slot_to_next()
        finally:
            watcher.cancel()

    def _release_slot_to_next(self) -> None:
        state = self._state
        while state.waiting:
            ticket = state.waiting.pop(0)
            if not ticket.done():
                ticket.set_result(None)  # the slot passes to it; in_flight stays the same
                return
        state.in_flight -= 1

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.stats.refused += 1
        retry = self.retry_after()
        await JSONResponse({"detail": "The server is busy with other desks' changes; your desk will send them "
                                      f"again in {retry} seconds."},
                           status_code=503, headers={"Retry-After": str(retry)})(scope, receive, send)


async def _watch_disconnect(receive: Receive, gone: threading.Event) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            gone.set()
            return
