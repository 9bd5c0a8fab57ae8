"""Running the server in a background thread: for the desktop app's ``--demo`` and tests."""

import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from server import auth, catalog, publishing
from server.app import create_app
from server.config import ServerConfig
from server.demo import seed_demo
from server.storage import Storage


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 picks a free port, read back from the socket."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say they are
    # TCP, and without it every response pays a 40 ms delayed-ACK stall on keep-alive.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def socket_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def uvicorn_server(config: ServerConfig, storage: Storage, log_level: str) -> uvicorn.Server:
    """Logging is left to the embedding program (log_config=None): uvicorn's default sends the
    access log to standard output, where a script reading only the first line would let the
    pipe fill up and the server block."""
    app = create_app(config, storage)
    return uvicorn.Server(uvicorn.Config(
        app, log_level=log_level, log_config=None, lifespan="off", server_header=False,
        timeout_keep_alive=15, timeout_graceful_shutdown=5,
    ))


class RunningServer:
    """A server answering on ``url`` until :meth:`stop` (or the end of a ``with`` block)."""

    def __init__(self, config: ServerConfig, host: str, port: int) -> None:
        self.config = config
        self.storage = Storage(config.database)
        self._socket = bind_socket(host, port)
        self.url = socket_url(self._socket)
        self._server = uvicorn_server(config, self.storage, "warning")
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]},
            name="lifelong-server", daemon=True,
        )

    def _start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the server did not start")
            time.sleep(0.005)

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._socket.close()
        self.storage.close()

    def __enter__(self) -> "RunningServer":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def add_learner(self, name: str, password: str) -> None:
        auth.add_learner(self.storage, name, password)

    def add_client(self, key: str, secret: str | None = None) -> str:
        return auth.add_client(self.storage, key, secret)

    def publish(self, package_path: Path, meta: dict[str, Any]) -> dict[str, Any]:
        return publishing.publish(self.storage, self.config, Path(package_path), meta)

    def withdraw(self, course_id: str) -> None:
        catalog.withdraw(self.storage, course_id)


def start_server(
    data_dir: Path, *, demo: bool = False, host: str = "127.0.0.1", port: int = 0,
    **settings: Any,
) -> RunningServer:
    """Start a server on ``data_dir`` and return once it accepts connections.

    ``settings`` are :class:`ServerConfig` fields (e.g. ``tombstone_retention_s=0``).
    """
    config = ServerConfig(data_dir=Path(data_dir), **settings)
    running = RunningServer(config, host, port)
    try:
        if demo:
            seed_demo(running.storage, config)
        running._start()
    except BaseException:
        running.stop()
        raise
    return running
