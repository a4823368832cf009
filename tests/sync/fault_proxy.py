"""A small HTTP-aware proxy on loopback that injects network faults between the sync client and the server.

It reads each request whole, asks a policy what to do with it, and then passes it on, answers in the server's
place (500, 429 + Retry-After), delays it, drops the connection before or halfway through forwarding, forwards
it and loses the answer (the server has applied the batch; the client never hears), or cuts the answer off
halfway. One request per client connection: the proxy forwards with ``Connection: close`` and closes after.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RequestInfo:
    index: int  # 1-based count of requests seen
    method: str
    path: str
    body_size: int


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"  # pass | status | drop_before | drop_mid_request | lose_response | cut_response
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0
    hold_s: float = 0.0  # lose_response: keep the client's connection open this long (read timeout)


PASS = Fault()


def status(code: int, *, retry_after: str | None = None) -> Fault:
    headers = (("Retry-After", retry_after),) if retry_after is not None else ()
    return Fault(kind="status", status=code, headers=headers)


def drop_before() -> Fault:
    return Fault(kind="drop_before")


def drop_mid_request() -> Fault:
    return Fault(kind="drop_mid_request")


def lose_response(*, hold_s: float = 0.0) -> Fault:
    return Fault(kind="lose_response", hold_s=hold_s)


def cut_response() -> Fault:
    return Fault(kind="cut_response")


def delay(seconds: float) -> Fault:
    return Fault(kind="pass", delay_s=seconds)


Policy = Callable[[RequestInfo], Fault]


def script(faults: dict[int, Fault], *, method: str = "POST", path: str = "/api/v1/changes") -> Policy:
    """The n-th request matching method and path gets ``faults[n]``; everything else passes."""
    seen = Counter[str]()
    lock = threading.Lock()

    def policy(info: RequestInfo) -> Fault:
        if info.method != method or not info.path.startswith(path):
            return PASS
        with lock:
            seen["n"] += 1
            n = seen["n"]
        return faults.get(n, PASS)

    return policy


def random_faults(seed: int, *, rate: float = 0.35, hold_s: float = 0.0) -> Policy:
    """Seeded random faults on every request: drops, delays, lost and cut answers, 500s and 429s."""
    rng = random.Random(seed)
    lock = threading.Lock()
    menu: list[tuple[float, Callable[[], Fault]]] = [
        (0.20, drop_before), (0.20, lambda: lose_response(hold_s=hold_s)), (0.10, drop_mid_request),
        (0.10, cut_response), (0.15, lambda: status(500)), (0.10, lambda: status(429, retry_after="0")),
        (0.15, lambda: delay(rng.uniform(0.01, 0.15))),
    ]

    def policy(info: RequestInfo) -> Fault:
        with lock:
            if rng.random() >= rate:
                return PASS
            pick = rng.random() * sum(w for w, _ in menu)
            for weight, make in menu:
                pick -= weight
                if pick <= 0:
                    return make()
            return PASS

    return policy


@dataclass
class ProxyLog:
    requests: list[tuple[float, RequestInfo, str]] = field(default_factory=list)  # (time, request, fault kind)
    forwarded: int = 0


class FaultProxy:
    def __init__(self, upstream_port: int, *, policy: Policy | None = None,
                 after_forward: Callable[[RequestInfo], None] | None = None) -> None:
        self.upstream_port = upstream_port
        self.policy: Policy = policy or (lambda _info: PASS)
        self.after_forward = after_forward
        self.log = ProxyLog()
        self._lock = threading.Lock()
        self._count = 0
        self._listener: socket.socket | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> str:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.settimeout(0.2)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._thread = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._listener is not None:
            self._listener.close()

    def requests_to(self, method: str, path: str) -> list[tuple[float, RequestInfo, str]]:
        with self._lock:
            return [r for r in self.log.requests if r[1].method == method and r[1].path.startswith(path)]

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                client, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(10)
        try:
            request = _read_request(client)
            if request is None:
                return
            head, body, method, path = request
            with self._lock:
                self._count += 1
                info = RequestInfo(index=self._count, method=method, path=path, body_size=len(body))
            fault = self.policy(info)
            with self._lock:
                self.log.requests.append((time.monotonic(), info, fault.kind))
            if fault.delay_s:
                time.sleep(fault.delay_s)
            if fault.kind == "status":
                extra = "".join(f"{k}: {v}\r\n" for k, v in fault.headers)
                payload = b'{"detail":"injected fault"}'
                client.sendall(f"HTTP/1.1 {fault.status} Injected\r\nContent-Type: application/json\r\n"
                               f"Content-Length: {len(payload)}\r\n{extra}Connection: close\r\n\r\n".encode()
                               + payload)
                return
            if fault.kind == "drop_before":
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
            try:
                head = _with_connection_close(head)
                if fault.kind == "drop_mid_request":
                    upstream.sendall(head + body[: max(1, len(body) // 2)])
                    time.sleep(0.05)
                    return
                upstream.sendall(head + body)
                response = _read_all(upstream)
            finally:
                upstream.close()
            with self._lock:
                self.log.forwarded += 1
            if self.after_forward is not None:
                self.after_forward(info)
            if fault.kind == "lose_response":
                if fault.hold_s:
                    time.sleep(fault.hold_s)
                return
            if fault.kind == "cut_response":
                client.sendall(response[: max(1, len(response) // 2)])
                return
            client.sendall(response)
        except OSError:
            pass
        finally:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()


def _read_request(sock: socket.socket) -> tuple[bytes, bytes, str, str] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    head += b"\r\n\r\n"
    lines = head.decode("latin-1").split("\r\n")
    method, path, _version = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    body = rest
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body[:length], method, path


def _with_connection_close(head: bytes) -> bytes:
    lines = head.decode("latin-1").split("\r\n")
    kept = [ln for ln in lines if ln and not ln.lower().startswith("connection:")]
    kept.append("Connection: close")
    return ("\r\n".join(kept) + "\r\n\r\n").encode("latin-1")


def _read_all(sock: socket.socket) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
