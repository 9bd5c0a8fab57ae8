"""A small threaded HTTP reverse proxy that injects faults in front of the reference server.

Faults match a path prefix and fire a set number of times: cut the body after N bytes,
delay, answer a status (500/503/429 with ``Retry-After``), or answer a captive portal's
HTML page. Range faults play a cache or CDN that mishandles a resumed download: ignore
the ``Range`` (200), answer it with a 206 starting at byte zero, answer 416, or send
another ``ETag`` (the file changed). A throttle slows every body, so a test can kill a
client mid-transfer.
"""

import http.client
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

PORTAL_PAGE = b"<html><body><h1>Welcome to FreeWiFi</h1>Please sign in.</body></html>"
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "upgrade",
               "proxy-authorization", "proxy-authenticate", "trailer"}
# Faults that fetch the whole file upstream whatever range the client asked for.
_WHOLE_FILE = {"ignore_range", "wrong_start", "unsatisfiable"}


@dataclass
class Fault:
    """``kind`` is ``cut``, ``delay``, ``status``, ``html``, or a range fault:
    ``ignore_range`` (the whole file, 200), ``wrong_start`` (the whole file as a 206
    ``bytes 0-…``), ``unsatisfiable`` (416 ``bytes */SIZE``) or ``etag`` (the answer with
    ``ETag: etag``, cut after ``cut_after`` bytes when that is set)."""

    kind: str
    path: str = "/"
    times: int = 1
    cut_after: int = 0
    delay_s: float = 0.0
    status: int = 503
    retry_after: str = ""
    method: str = ""
    etag: str = '"changed"'

    @property
    def cut(self) -> int | None:
        """Bytes of the body to pass before hanging up, None to pass it all."""
        if self.kind == "cut" or (self.kind == "etag" and self.cut_after):
            return self.cut_after
        return None


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    status: int
    body_bytes: int


class FaultProxy:
    """Forwards to ``upstream``; ``url`` is the proxy's own address."""

    def __init__(self, upstream: str, *, throttle_bps: float = 0.0) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.throttle_bps = throttle_bps
        self.faults: list[Fault] = []
        self._seen: list[Seen] = []
        self.lock = threading.Lock()
        self._settled = threading.Condition(self.lock)
        self._in_flight = 0
        self._server = _ProxyServer(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def add(self, fault: Fault) -> None:
        with self.lock:
            self.faults.append(fault)

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if path.startswith(fault.path) and fault.method in ("", method) and fault.times:
                    fault.times -= 1
                    return fault
        return None

    def record(self, seen: Seen) -> None:
        with self.lock:
            self._seen.append(seen)

    def started(self) -> None:
        with self.lock:
            self._in_flight += 1

    def finished(self) -> None:
        with self.lock:
            self._in_flight -= 1
            self._settled.notify_all()

    @property
    def seen(self) -> list[Seen]:
        """Requests answered so far. A client has its answer a moment before the handler
        records it, so this waits (briefly) until no request is being handled."""
        with self._settled:
            self._settled.wait_for(lambda: self._in_flight == 0, timeout=5)
            return list(self._seen)

    def bytes_served(self, path_prefix: str) -> int:
        return sum(s.body_bytes for s in self.seen if s.path.startswith(path_prefix))

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class _ProxyServer(ThreadingHTTPServer):
    proxy: FaultProxy


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    @property
    def proxy(self) -> FaultProxy:
        return self.server.proxy

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read ``proxy.seen`` instead."""

    def do_GET(self) -> None:
        self._forward()

    def do_POST(self) -> None:
        self._forward()

    def do_PUT(self) -> None:
        self._forward()

    def do_HEAD(self) -> None:
        self._forward()

    def _forward(self) -> None:
        self.proxy.started()
        try:
            self._handle()
        finally:
            self.proxy.finished()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        fault = self.proxy.take_fault(self.command, self.path)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay_s)
        if fault is not None and fault.kind in ("status", "html"):
            self._answer_fault(fault)
            return
        upstream = http.client.HTTPConnection(self.proxy.upstream_host, self.proxy.upstream_port,
                                              timeout=60)
        try:
            dropped = _HOP_BY_HOP | ({"range", "if-range"} if fault and fault.kind in _WHOLE_FILE
                                     else set())
            headers = {k: v for k, v in self.headers.items() if k.lower() not in dropped}
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            if fault is not None and fault.kind == "unsatisfiable":
                self._answer_unsatisfiable(response)
            else:
                self._relay(response, fault)
        except OSError:
            # The upstream went away or the client hung up: nothing to tell anyone.
            self.close_connection = True
        finally:
            upstream.close()

    def _answer_fault(self, fault: Fault) -> None:
        if fault.kind == "html":
            status, kind, body = 200, "text/html; charset=utf-8", PORTAL_PAGE
        else:
            status, kind = fault.status, "application/problem+json"
            body = b'{"title": "injected fault", "status": %d}' % fault.status
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if fault.retry_after:
            self.send_header("Retry-After", fault.retry_after)
        self.end_headers()
        self.wfile.write(body)
        self.proxy.record(Seen(self.command, self.path, dict(self.headers), status, len(body)))

    def _answer_unsatisfiable(self, response: http.client.HTTPResponse) -> None:
        """416 for the file the upstream holds, as if the client's range began past its end."""
        self.send_response(416, "Range Not Satisfiable")
        self.send_header("Content-Range", f"bytes */{response.getheader('Content-Length')}")
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.proxy.record(Seen(self.command, self.path, dict(self.headers), 416, 0))

    def _relay(self, response: http.client.HTTPResponse, fault: Fault | None) -> None:
        body_length = response.getheader("Content-Length")
        payload = None
        if body_length is None:
            payload = response.read()
            body_length = str(len(payload))
        status, reason = response.status, response.reason
        replaced: dict[str, str] = {}
        if fault is not None and fault.kind == "wrong_start":
            status, reason = 206, "Partial Content"
            replaced["content-range"] = f"bytes 0-{int(body_length) - 1}/{body_length}"
        if fault is not None and fault.kind == "etag":
            replaced["etag"] = fault.etag
        self.send_response(status, reason)
        for key, value in response.getheaders():
            if key.lower() not in _HOP_BY_HOP | {"content-length"} | replaced.keys():
                self.send_header(key, value)
        for key, value in replaced.items():
            self.send_header(key, value)
        self.send_header("Content-Length", body_length)
        cut_after = fault.cut if fault is not None else None
        if cut_after is not None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = self._copy(response, payload, cut_after)
        self.proxy.record(Seen(self.command, self.path, dict(self.headers), status, sent))

    def _copy(
        self, response: http.client.HTTPResponse, payload: bytes | None,
        cut_after: int | None,
    ) -> int:
        sent = 0
        chunk_size = 64 * 1024
        if self.proxy.throttle_bps:
            chunk_size = max(1024, int(self.proxy.throttle_bps / 20))
        while True:
            if payload is not None:
                chunk, payload = payload[:chunk_size], payload[chunk_size:]
            else:
                chunk = response.read(chunk_size)
            if cut_after is not None:
                chunk = chunk[: max(0, cut_after - sent)]
            if not chunk:
                return sent
            try:
                self.wfile.write(chunk)
            except OSError:
                return sent
            sent += len(chunk)
            if self.proxy.throttle_bps:
                time.sleep(len(chunk) / self.proxy.throttle_bps)

