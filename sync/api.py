"""The platform's own endpoints (``docs/protocol.md``): health, sign-in, catalogue changes."""

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import requests

from sync.client import Client, decode_json, require
from sync.errors import ProtocolError, UpdateRequiredError

PROTOCOL_VERSION: Final = 1
"""The protocol this client speaks (``docs/protocol.md``), sent with every health probe."""


@dataclass(frozen=True)
class Health:
    """The server is up; ``server_time`` (POSIX seconds) when it told us its clock;
    ``update_required`` when it will not sync with this client's protocol (``message``
    then says so in the platform's words)."""

    protocol: int | None
    server_time: float | None
    message: str
    update_required: bool = False


@dataclass(frozen=True)
class SignIn:
    token: str
    expires: str
    actor: dict[str, Any]


@dataclass(frozen=True)
class ChangesPage:
    """One page of the catalogue feed; ``etag`` lets an unchanged feed answer 304."""

    courses: list[dict[str, Any]]
    cursor: str
    more: bool
    etag: str


def health(client: Client) -> Health:
    response = client.request("GET", "api/v1/health", params={"protocol": PROTOCOL_VERSION})
    body = decode_json(response)
    if not isinstance(body, dict):
        raise ProtocolError("The server's health answer is not a JSON object.")
    protocol = body.get("protocol") or body.get("protocol_version")
    # Only an explicit false stops us: a server that predates the field lets us sync.
    update_required = body.get("continue") is False
    message = str(body.get("message") or "")
    if update_required and not message:
        message = "The platform asks for a newer version of this app."
    return Health(
        protocol if isinstance(protocol, int) else None,
        _server_time(body, response),
        message,
        update_required,
    )


def check_supported(client: Client) -> Health:
    """The health answer; :class:`UpdateRequiredError` if the platform no longer syncs
    with this client."""
    found = health(client)
    if found.update_required:
        raise UpdateRequiredError(found.message)
    return found


def _server_time(body: dict[str, Any], response: requests.Response) -> float | None:
    for key in ("time", "server_time", "now"):
        value = body.get(key)
        if isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    date = response.headers.get("Date")
    if date:
        try:
            return email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            return None
    return None


def sign_in(client: Client, username: str, password: str) -> SignIn:
    """A bearer token and the learner's xAPI actor; :class:`AuthError` for a wrong password."""
    body = client.json(
        "POST", "api/v1/auth/token", json={"username": username, "password": password}
    )
    token = body.get("token") or body.get("access_token") if isinstance(body, dict) else None
    if not isinstance(token, str) or not token:
        raise ProtocolError("The server's sign-in answer holds no token.")
    actor = require(body, "actor", dict, "sign-in")
    expires = body.get("expires") or body.get("expires_at") or ""
    lifetime = body.get("expires_in")
    if not expires and isinstance(lifetime, int | float) and not isinstance(lifetime, bool):
        expires = (datetime.now(UTC) + timedelta(seconds=lifetime)).isoformat()
    return SignIn(token, str(expires), actor)


def catalog_changes(
    client: Client, since: str, limit: int, *, etag: str = ""
) -> ChangesPage | None:
    """Courses changed after ``since``; None when ``etag`` still matches (304).

    A 410 (the cursor is no longer usable) is raised as ``ServerError(status=410)``.
    """
    params = {"limit": str(limit)} | ({"since": since} if since else {})
    headers = {"If-None-Match": etag} if etag else {}
    response = client.request(
        "GET", "api/v1/catalog/changes", params=params, headers=headers, expect=(200, 304)
    )
    if response.status_code == 304:
        return None
    body = decode_json(response)
    courses = require(body, "courses", list, "catalogue changes")
    if not all(isinstance(course, dict) for course in courses):
        raise ProtocolError("The catalogue feed holds something that is not a course record.")
    return ChangesPage(
        courses,
        require(body, "cursor", str, "catalogue changes"),
        require(body, "more", bool, "catalogue changes"),
        response.headers.get("ETag", ""),
    )
