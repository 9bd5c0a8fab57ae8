"""Platform endpoints: health, sign-in, catalogue feed, package files, benchmark echo."""

import hashlib
import re
from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from server import auth, catalog
from server.bodies import expect_object, read_body, read_json
from server.config import PROTOCOL_VERSION, SERVER_VERSION
from server.context import context
from server.package_files import PackageResponse
from server.problems import Problem, bad_request

_PACKAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip")


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise bad_request(f"'{name}' must be a whole number from {low} to {high}")
    return int(text)


async def health(request: Request) -> Response:
    """Liveness; ``continue`` is false for a client whose ``protocol`` is too old."""
    config = context(request).config
    client_protocol = _int_param(request, "protocol", PROTOCOL_VERSION, 0, 10**6)
    upgrade = client_protocol < config.min_client_protocol
    message = "Please update the app to keep syncing." if upgrade else config.health_message
    return JSONResponse({
        "status": "ok",
        "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "protocol": PROTOCOL_VERSION,
        "min_protocol": config.min_client_protocol,
        "server": f"lifelong-server {SERVER_VERSION}",
        "message": message,
        "continue": not upgrade,
    }, headers={"cache-control": "no-store"})


async def token(request: Request) -> Response:
    ctx = context(request)
    body = expect_object(
        await read_json(request, ctx.config.max_body_bytes),
        {"username": str, "password": str}, "the sign-in request",
    )
    issued = await run_in_threadpool(
        auth.sign_in, ctx.storage, ctx.config, body["username"], body["password"]
    )
    return JSONResponse(issued, headers={"cache-control": "no-store"})


async def catalog_changes(request: Request) -> Response:
    ctx = context(request)
    limit = _int_param(request, "limit", 100, 1, ctx.config.catalog_page_limit)

    def page() -> catalog.Page:
        catalog.purge_tombstones(ctx.storage, ctx.config.tombstone_retention_s)
        since = catalog.parse_cursor(ctx.storage, request.query_params.get("since"))
        return catalog.changes(ctx.storage, since, limit)

    found = await run_in_threadpool(page)
    body = found.body.encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {"etag": etag, "cache-control": "no-cache"}
    candidates = [tag.strip().removeprefix("W/") for tag in
                  request.headers.get("if-none-match", "").split(",")]
    if etag in candidates:
        return Response(status_code=304, headers=headers)
    return Response(body, headers=headers, media_type="application/json")


class PackageEndpoint:
    """``GET``/``HEAD /packages/NAME``: a published package, as an ASGI app (it streams)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)
        await _send_package(request, scope, receive, send)


async def _send_package(request: Request, scope: Scope, receive: Receive, send: Send) -> None:
    ctx = context(request)
    name = str(request.path_params["name"])
    row = None
    if _PACKAGE_NAME.fullmatch(name):
        row = await run_in_threadpool(
            lambda: ctx.storage.connection().execute(
                "SELECT size, sha256 FROM packages WHERE file = ?", (name,)).fetchone()
        )
    path = ctx.config.packages_dir / name
    if row is None or not path.is_file():
        raise Problem(404, "Not found", f"no package {name[:100]!r}")
    await PackageResponse(path, int(row[0]), str(row[1]))(scope, receive, send)


async def echo(request: Request) -> Response:
    """The same bytes back: the baseline the ingest benchmark compares statements with."""
    return Response(await read_body(request, context(request).config.max_body_bytes),
                    media_type="application/json")
