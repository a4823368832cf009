"""HTTP to the agency server: the only module that imports ``requests``.

Rules every call follows, because a career center's network is the weak link:

* a ``(connect, read)`` timeout on every request: requests has none by default and would wait forever;
* TLS verification always on; an agency CA bundle may replace the system store, never switch checking off;
* retries with exponential backoff and jitter (so devices coming back online together do not stampede), and
  at least the pause a 429/503 ``Retry-After`` asks for;
* POSTs are retried too, and that is safe only because each change carries its idempotency key (change_id):
  a retry after a lost response gets the first result back instead of applying twice;
* except a sign-in refused with 429 (too many failed attempts): retrying would only prolong the lockout, so the
  server's message goes straight to the person signing in (``SignInThrottled``);
* large request bodies are gzip-compressed.

The token is sent in a header and never appears in an exception message or a log line.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import logging
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter

from counselor_app import __version__
from counselor_app.core.errors import Cancelled
from counselor_app.core.messages import Message
from counselor_app.sync import protocol as p
from counselor_app.sync.errors import (
    AuthenticationRequired,
    CertificateError,
    ProtocolError,
    ServerRefused,
    ServerUnreachable,
    SignInThrottled,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
GZIP_MIN_BYTES = 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5
    backoff_base_s: float = 0.5
    backoff_cap_s: float = 30.0
    # A server asking for a longer pause than this is treated as unavailable for now; the next scheduled sync
    # tries again, rather than a counselor's sync hanging for minutes.
    max_retry_after_s: float = 120.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Exponential with "equal jitter": half fixed, half random."""
        ceiling = min(self.backoff_cap_s, self.backoff_base_s * (2 ** max(0, attempt - 1)))
        return float(ceiling / 2 + rng.uniform(0, ceiling / 2))


def normalize_server_url(url: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash. Plain HTTP only to this computer: job
    seekers' data and tokens must not cross a network unencrypted."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("Enter the agency server's address, starting with https://")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError("The agency server must be reached over https:// (plain http is allowed only to this "
                         "computer, for testing).")
    if parts.query or parts.fragment:
        raise ValueError("The server address must not contain '?' or '#'.")
    return text


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait, from either form of ``Retry-After`` (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class AgencyClient:
    """One server, one ``requests.Session`` (connection reuse), one token."""

    def __init__(self, server_url: str, *, token: str | None = None, ca_bundle: str = "",
                 timeouts: tuple[float, float] = (5.0, 30.0), retry: RetryPolicy | None = None,
                 cancel: threading.Event | None = None, rng: random.Random | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        self.server_url = normalize_server_url(server_url)
        self._token = token
        self.timeouts = timeouts
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self._rng = rng or random.Random()
        self._sleep = sleep
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=4)  # we retry, not urllib3
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        # Passed with every request as well: requests lets $REQUESTS_CA_BUNDLE override ``session.verify``.
        self.verify: str | bool = ca_bundle or True
        self.session.verify = self.verify
        self.session.headers["User-Agent"] = f"CounselorDesk/{__version__} (sync protocol {p.PROTOCOL_VERSION})"
        self.session.headers["Accept"] = "application/json"
        self.requests_made = 0

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> AgencyClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def token(self) -> str | None:
        return self._token

    # -- the protocol's calls ------------------------------------------------------------------------------
    def login(self, *, username: str, password: str, device_id: str | None) -> p.SessionInfo:
        body = p.SessionRequest(username=username, password=password, device_id=device_id)
        info = self._call("POST", "/session", p.SessionInfo, body=body, auth=False, sign_in=True)
        self._token = info.token
        return info

    def logout(self) -> None:
        if self._token:
            self._call("DELETE", "/session", None, retry=False)
            self._token = None

    def health(self) -> bool:
        """One quick probe, no retries: is the server reachable right now?"""
        try:
            self._call("GET", "/health", p.Health, auth=False, retry=False)
        except (ServerUnreachable, ServerRefused, ProtocolError, CertificateError):
            return False
        return True

    def push(self, batch: p.ChangeBatch) -> p.ChangeBatchResult:
        result = self._call("POST", "/changes", p.ChangeBatchResult, body=batch)
        if len(result.results) > len(batch.changes):
            raise ProtocolError(Message(
                    "transport.agency_server_answered",
                    "The agency server answered more changes than were sent."))
        return result

    def pull(self, *, since: str | None, limit: int, device_id: str | None) -> p.FeedPage:
        params: dict[str, Any] = {"limit": limit}
        if since:
            params["since"] = since
        if device_id:
            params["device_id"] = device_id
        return self._call("GET", "/changes", p.FeedPage, params=params)

    def reconcile_digests(self, entity: str, *, device_id: str) -> p.ReconcileDigests:
        return self._call("GET", f"/reconcile/{entity}", p.ReconcileDigests, params={"device_id": device_id})

    def reconcile_page(self, entity: str, bucket: str, *, device_id: str) -> p.ReconcilePage:
        return self._call("GET", f"/reconcile/{entity}/{quote(bucket, safe='')}", p.ReconcilePage,
                          params={"device_id": device_id})

    def checkpoint(self, request: p.SyncCheckpoint) -> p.SyncCheckpointResult:
        # Safe to retry: the server keeps ``next`` whatever it answers; a lost answer costs one needless reconcile.
        return self._call("POST", "/sync/checkpoint", p.SyncCheckpointResult, body=request)

    def record_states(self, entity: str, request: p.RecordStatesRequest) -> p.RecordStates:
        return self._call("POST", f"/reconcile/{entity}/states", p.RecordStates, body=request)

    def written_since(self, entity: str, request: p.WrittenSinceRequest) -> p.WrittenSince:
        return self._call("POST", f"/reconcile/{entity}/written-since", p.WrittenSince, body=request)

    def reserve_block(self, request: p.BlockRequest) -> p.BlockGrant:
        # Safe to retry: a reservation replaces the device's previous one.
        return self._call("POST", "/licenses/block", p.BlockGrant, body=request)

    def get_json(self, path: str, *, params: dict[str, Any] | None = None) -> Any:
        response = self._send("GET", path, body=None, params=params, auth=True, retry=True)
        return response.json()

    # -- plumbing ------------------------------------------------------------------------------------------
    def _call(self, method: str, path: str, model: type[M] | None, *, body: BaseModel | None = None,
              params: dict[str, Any] | None = None, auth: bool = True, retry: bool = True,
              sign_in: bool = False) -> M:
        response = self._send(method, path, body=body, params=params, auth=auth, retry=retry, sign_in=sign_in)
        if model is None:
            return None  # type: ignore[return-value]
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            raise ProtocolError(Message(
                    "transport.answer_not_understood",
                    "The agency server's answer was not understood. Check the server address; the server may "
                    "run a different protocol version.")) from None

    def _send(self, method: str, path: str, *, body: BaseModel | None, params: dict[str, Any] | None,
              auth: bool, retry: bool, sign_in: bool = False) -> requests.Response:
        url = f"{self.server_url}{p.API_PREFIX}{path}"
        headers: dict[str, str] = {}
        data: bytes | None = None
        if body is not None:
            data = json.dumps(body.model_dump(mode="json"), separators=(",", ":"),
                              ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(data) >= GZIP_MIN_BYTES:
                data = gzip.compress(data, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        if auth:
            if not self._token:
                raise AuthenticationRequired(Message(
                        "transport.sign_agency_server",
                        "Sign in to the agency server first."))
            headers["Authorization"] = f"Bearer {self._token}"
        attempts = self.retry.attempts if retry else 1
        last_problem = "no answer"
        for attempt in range(1, attempts + 1):
            self.check_cancel()
            delay: float | None = None
            try:
                self.requests_made += 1
                response = self.session.request(method, url, data=data, headers=headers, params=params,
                                                timeout=self.timeouts, verify=self.verify)
            except requests.exceptions.SSLError:
                raise CertificateError(
                    Message(
                        "transport.certificate_unverified",
                        "The agency server's certificate could not be verified, so nothing was sent. If your "
                        "agency uses its own certificate authority, set its CA bundle in the sync settings.")) from None
            except requests.exceptions.InvalidURL:
                raise ServerUnreachable(Message(
                        "transport.address_invalid",
                        "The agency server's address is not valid.")) from None
            except requests.exceptions.RequestException as exc:
                # Connection refused or reset, DNS failure, timeout, or a response cut off mid-way.
                last_problem = _describe(exc)
            else:
                status = response.status_code
                if status == 401 and not auth:
                    raise AuthenticationRequired(Message(
                            "transport.agency_server_did",
                            "The agency server did not accept the user name or password."))
                if status == 401:
                    raise AuthenticationRequired(
                        Message(
                            "transport.your_sign_agency",
                            "Your sign-in to the agency server has ended. Sign in again to sync; nothing waiting to "
                            "be sent was lost."))
                if status == 429 and sign_in:
                    raise _sign_in_throttled(response)
                if status in RETRY_STATUSES:
                    last_problem = f"the server answered {status}"
                    wait = parse_retry_after(response.headers.get("Retry-After"))
                    if wait is not None:
                        if wait > self.retry.max_retry_after_s:
                            raise ServerUnreachable(
                                Message(
                                    "transport.agency_server_busy",
                                    "The agency server is busy and asked to wait {wait:.0f} seconds; sync will try again "
                                    "later. Nothing waiting to be sent was lost.", wait=wait))
                        delay = max(wait, 0.0) + self._rng.uniform(0, min(1.0, 0.1 * wait + 0.05))
                elif status >= 400:
                    raise ServerRefused(_refusal(response), status=status)
                else:
                    return response
            if attempt == attempts:
                break
            if delay is None:
                delay = self.retry.backoff(attempt, self._rng)
            log.info("sync request %s %s failed (%s); retry %d of %d in %.2f s", method, path, last_problem,
                     attempt, attempts - 1, delay)
            self._wait(delay)
        raise ServerUnreachable(Message(
                "transport.agency_server_could",
                "The agency server could not be reached ({last_problem}). Sync will try again; nothing "
                "waiting to be sent was lost.", last_problem=last_problem))

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("Sync was cancelled; what was sent before stays sent.")

    def _wait(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif self.cancel is not None:
            if self.cancel.wait(seconds):
                self.check_cancel()
        else:
            time.sleep(seconds)


def _describe(exc: requests.exceptions.RequestException) -> str:
    """A short cause without the URL's query or any header."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connecting timed out"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "no answer in time"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "connection failed"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "the answer was cut off"
    return type(exc).__name__


def _detail(response: requests.Response) -> str:
    """The server's ``detail`` sentence, if the answer has one."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict) and isinstance(body.get("detail"), str):
        return str(body["detail"])[:300]
    return ""


def _sign_in_throttled(response: requests.Response) -> SignInThrottled:
    wait = parse_retry_after(response.headers.get("Retry-After"))
    message = _detail(response)
    if not message:
        minutes = f" Try again in {max(1, math.ceil(wait / 60))} minute(s)." if wait is not None else ""
        message = "The agency server refused the sign-in after too many failed attempts." + minutes
    return SignInThrottled(message, retry_after=wait)


def _refusal(response: requests.Response) -> str:
    detail = _detail(response)
    if response.status_code == 403:
        return detail or "Your account is not allowed to do this on the agency server."
    return (f"The agency server refused the request ({response.status_code}"
            + (f": {detail}" if detail else "") + ").")
