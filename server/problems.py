"""RFC 9457 problem details: every 4xx and 5xx the server sends is one of these."""

import json
import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

PROBLEM_TYPE = "application/problem+json"
_log = logging.getLogger(__name__)


class Problem(Exception):
    """A request the server refuses, with what the client should know about why."""

    def __init__(
        self, status: int, title: str, detail: str = "", headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}


def problem_response(problem: Problem) -> Response:
    body = {
        "type": "about:blank",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail or problem.title,
    }
    return Response(
        json.dumps(body, ensure_ascii=False),
        status_code=problem.status,
        headers=problem.headers,
        media_type=PROBLEM_TYPE,
    )


async def handle_problem(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(exc)


async def handle_http_exception(_request: Request, exc: Exception) -> Response:
    """Starlette's own 404 / 405 as problems too."""
    assert isinstance(exc, HTTPException)
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Request refused")
    headers = dict(exc.headers or {})
    return problem_response(Problem(exc.status_code, title, str(exc.detail), headers))


async def handle_crash(request: Request, exc: Exception) -> Response:
    """Our own bug: logged with its traceback, answered as a problem without internals."""
    _log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(Problem(500, "Internal server error", "see the server log"))


def bad_request(detail: str) -> Problem:
    return Problem(400, "Bad request", detail)


EXCEPTION_HANDLERS: dict[Any, Any] = {
    Problem: handle_problem,
    HTTPException: handle_http_exception,
    Exception: handle_crash,
}
