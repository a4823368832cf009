"""Running the server inside another process: the desktop's demo mode, the tests and the benchmark.

uvicorn in a background thread on a socket we bind ourselves, so port 0 gives a free port we know before the
first request, and a restart can take the same port again (``SO_REUSEADDR``).
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI


class ServerThread:
    def __init__(self, app: FastAPI, *, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning",
                 access_log: bool = False, ssl_certfile: str | None = None,
                 ssl_keyfile: str | None = None, configure_logging: bool = True) -> None:
        self.app = app
        # False leaves Python logging as the host set it up (uvicorn's loggers then propagate to the root).
        self.configure_logging = configure_logging
        self.ssl_certfile = ssl_certfile
        self.ssl_keyfile = ssl_keyfile
        self.host = host
        self.port = port
        self.log_level = log_level
        self.access_log = access_log
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_certfile else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def start(self, *, timeout: float = 10.0) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        extra: dict[str, object] = {} if self.configure_logging else {"log_config": None}
        config = uvicorn.Config(self.app, log_level=self.log_level, access_log=self.access_log, lifespan="off",
                                timeout_graceful_shutdown=1, timeout_keep_alive=5,
                                ssl_certfile=self.ssl_certfile, ssl_keyfile=self.ssl_keyfile,
                                **extra)  # type: ignore[arg-type]
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                                        name=f"agency-server:{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("The reference server did not start.")
            time.sleep(0.01)
        return self.url

    def stop(self, *, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._server = None
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
