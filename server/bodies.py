"""Reading request bodies: size limit enforced while reading, JSON parsed strictly."""

import json
from typing import Any

from starlette.requests import Request

from server.problems import Problem, bad_request


def _too_large(limit: int) -> Problem:
    return Problem(413, "Content too large", f"the body must be at most {limit} bytes")


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding != "identity":
        raise Problem(415, "Unsupported media type", "send the body without content encoding")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise bad_request("Content-Length is not a number")
        if int(declared) > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


async def read_json(request: Request, limit: int) -> Any:
    """The body parsed as JSON (UTF-8, no NaN or Infinity), or a 400 / 413 / 415 problem."""
    media_type = request.headers.get("content-type", "application/json").split(";")[0]
    if media_type.strip().lower() not in ("application/json", ""):
        raise Problem(415, "Unsupported media type", "send application/json")
    body = await read_body(request, limit)
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise bad_request("the body is not UTF-8") from None
    except ValueError as exc:
        raise bad_request(f"malformed JSON: {exc}") from None
    except RecursionError:
        raise bad_request("malformed JSON: nested too deeply") from None


def expect_object(value: Any, allowed: dict[str, type], what: str) -> dict[str, Any]:
    """``value`` as an object with exactly the ``allowed`` keys, each of its type."""
    if not isinstance(value, dict):
        raise bad_request(f"{what} must be a JSON object")
    unknown = set(value) - set(allowed)
    if unknown:
        raise bad_request(f"{what} has unknown fields: {', '.join(sorted(unknown))}")
    for key, kind in allowed.items():
        if not isinstance(value.get(key), kind):
            raise bad_request(f"{what}.{key} must be a {kind.__name__}")
    return value
