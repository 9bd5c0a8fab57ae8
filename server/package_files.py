"""Serving package zips: strong ETag, single byte ranges, If-Range, HEAD, streamed.

Starlette's FileResponse handles ranges too, but answers a malformed Range with a 400 and a
416 with a plain-text body, and ignores If-None-Match; a download client resuming a
``.part`` file needs all three right, so the response is written out here.
"""

import json
import re
from email.utils import formatdate
from pathlib import Path

import anyio
from starlette.datastructures import Headers
from starlette.types import Receive, Scope, Send

from server.problems import PROBLEM_TYPE

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
_CHUNK = 1024 * 1024


class Unsatisfiable(Exception):
    """A syntactically valid range that lies outside the file."""


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The one byte range asked for as (start, end exclusive); None to send the whole file.

    Malformed and multi-range headers are ignored, as RFC 9110 allows.
    """
    found = _RANGE.fullmatch((header or "").strip())
    if found is None or found.group(1) == found.group(2) == "":
        return None
    first, last = found.group(1), found.group(2)
    if not first:
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return max(size - suffix, 0), size
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    if last and int(last) < start:
        return None
    if start >= size:
        raise Unsatisfiable
    return start, end


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match's weak comparison."""
    candidates = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in candidates or etag in candidates


class PackageResponse:
    """An ASGI response for one immutable package file of known size and SHA-256."""

    def __init__(self, path: Path, size: int, sha256: str) -> None:
        self.path = path
        self.size = size
        self.etag = f'"{sha256}"'
        self.last_modified = formatdate(path.stat().st_mtime, usegmt=True)

    def _headers(self) -> dict[str, str]:
        return {
            "etag": self.etag,
            "last-modified": self.last_modified,
            "accept-ranges": "bytes",
            "cache-control": "public, max-age=31536000, immutable",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Headers(scope=scope)
        headers = self._headers()
        if _etag_matches(request.get("if-none-match", ""), self.etag):
            return await _start(send, 304, headers, b"", scope)
        if_range = request.get("if-range")
        honour_range = if_range is None or if_range in (self.etag, self.last_modified)
        try:
            span = parse_range(request.get("range"), self.size) if honour_range else None
        except Unsatisfiable:
            body = json.dumps({"type": "about:blank", "title": "Range not satisfiable",
                               "status": 416, "detail": f"the file has {self.size} bytes"})
            headers.update({"content-range": f"bytes */{self.size}",
                            "content-type": PROBLEM_TYPE})
            return await _start(send, 416, headers, body.encode(), scope)
        start, end = span or (0, self.size)
        headers["content-type"] = "application/zip"
        headers["content-length"] = str(end - start)
        if span is not None:
            headers["content-range"] = f"bytes {start}-{end - 1}/{self.size}"
        status = 206 if span is not None else 200
        await send({"type": "http.response.start", "status": status,
                    "headers": _raw(headers)})
        if scope["method"] == "HEAD" or start == end:
            return await send({"type": "http.response.body", "body": b""})
        async with anyio.create_task_group() as group:
            group.start_soon(_cancel_on_disconnect, receive, group.cancel_scope)
            await self._stream(send, start, end)
            group.cancel_scope.cancel()

    async def _stream(self, send: Send, start: int, end: int) -> None:
        async with await anyio.open_file(self.path, "rb") as stream:
            await stream.seek(start)
            remaining = end - start
            while remaining > 0:
                chunk = await stream.read(min(_CHUNK, remaining))
                if not chunk:
                    raise OSError(f"{self.path} is shorter than recorded")
                remaining -= len(chunk)
                await send({"type": "http.response.body", "body": chunk,
                            "more_body": remaining > 0})


async def _cancel_on_disconnect(receive: Receive, scope: anyio.CancelScope) -> None:
    """A client that hangs up mid-download must not keep the server reading the file."""
    while (await receive())["type"] != "http.disconnect":
        pass
    scope.cancel()


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(key.encode(), value.encode()) for key, value in headers.items()]


async def _start(
    send: Send, status: int, headers: dict[str, str], body: bytes, scope: Scope
) -> None:
    """A response with a small body (none for HEAD or 304, as HTTP requires)."""
    if status != 304:
        headers["content-length"] = str(len(body))
    await send({"type": "http.response.start", "status": status, "headers": _raw(headers)})
    send_body = scope["method"] != "HEAD" and status != 304
    await send({"type": "http.response.body", "body": body if send_body else b""})
