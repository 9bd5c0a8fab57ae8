"""Learner accounts, LRS client credentials and bearer tokens.

Passwords and client secrets are kept as salted scrypt hashes; tokens as SHA-256 (they are
random 256-bit values, so a fast hash is enough and lookups stay cheap).
"""

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.config import ServerConfig
from server.problems import Problem
from server.storage import Storage

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "="


@dataclass(frozen=True)
class Principal:
    """Who a request acts for: a learner (own statements only) or an LRS client (all)."""

    name: str
    is_learner: bool
    agent: dict[str, Any]


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, dklen=32, **_SCRYPT)
    encode = base64.b64encode
    params = f"{_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}"
    return f"scrypt${params}${encode(salt).decode()}${encode(digest).decode()}"


def verify_secret(secret: str, stored: str) -> bool:
    _, n, r, p, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        secret.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
        dklen=len(expected),
    )
    return hmac.compare_digest(actual, expected)


def account_agent(config: ServerConfig, name: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": config.account_home_page, "name": name}}


def _check_name(name: str, what: str) -> None:
    if not USERNAME.fullmatch(name):
        raise ValueError(f"{what} must be 1–64 letters, digits or . _ @ - : {name!r}")


def add_learner(storage: Storage, name: str, password: str) -> None:
    """Create the learner ``name``, or set a new password if it exists."""
    _check_name(name, "a learner name")
    if not password:
        raise ValueError("the password must not be empty")
    with storage.write() as db:
        db.execute(
            "INSERT INTO learners VALUES (?, ?, ?) ON CONFLICT(username) DO UPDATE SET "
            "password_hash = excluded.password_hash",
            (name, hash_secret(password), datetime.now(UTC).isoformat()),
        )
        db.execute("DELETE FROM tokens WHERE username = ?", (name,))


def add_client(storage: Storage, key: str, secret: str | None = None) -> str:
    """Create (or reset) the LRS client ``key``; returns its secret, generated if not given."""
    _check_name(key, "a client key")
    secret = secret or secrets.token_urlsafe(24)
    with storage.write() as db:
        db.execute(
            "INSERT INTO clients VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
            "secret_hash = excluded.secret_hash",
            (key, hash_secret(secret), datetime.now(UTC).isoformat()),
        )
    return secret


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(storage: Storage, config: ServerConfig, name: str, password: str) -> dict[str, Any]:
    """A new bearer token for a right name and password; a 401 problem otherwise."""
    row = storage.connection().execute(
        "SELECT password_hash FROM learners WHERE username = ?", (name,)
    ).fetchone()
    # An unknown name costs the same scrypt as a wrong password, so timing tells nothing.
    if not verify_secret(password, row[0] if row else _DUMMY_HASH) or row is None:
        raise Problem(401, "Sign-in failed", "wrong username or password")
    token = secrets.token_urlsafe(32)
    expires = time.time() + config.token_lifetime_s
    with storage.write() as db:
        db.execute("DELETE FROM tokens WHERE expires < ?", (time.time(),))
        db.execute("INSERT INTO tokens VALUES (?, ?, ?)", (_token_hash(token), name, expires))
    return {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": int(config.token_lifetime_s),
        "expires_at": datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds"),
        "actor": account_agent(config, name),
    }


class Authenticator:
    """Turns an ``Authorization`` header into a :class:`Principal`, or a 401 problem."""

    _CACHE_SECONDS = 300.0

    def __init__(self, storage: Storage, config: ServerConfig) -> None:
        self._storage = storage
        self._config = config
        # scrypt costs ~50 ms; a tool posting batches should not pay it on every request.
        self._verified_basic: dict[str, float] = {}

    def principal(self, header: str | None) -> Principal:
        scheme, _, credentials = (header or "").partition(" ")
        if scheme.lower() == "bearer" and credentials:
            return self._bearer(credentials.strip())
        if scheme.lower() == "basic" and credentials:
            return self._basic(credentials.strip())
        raise _unauthorized("send a bearer token from /api/v1/auth/token or HTTP Basic")

    def _bearer(self, token: str) -> Principal:
        row = self._storage.connection().execute(
            "SELECT username FROM tokens WHERE token_hash = ? AND expires > ?",
            (_token_hash(token), time.time()),
        ).fetchone()
        if row is None:
            raise _unauthorized("the token is unknown or expired: sign in again")
        name = str(row[0])
        return Principal(name, True, account_agent(self._config, name))

    def _basic(self, credentials: str) -> Principal:
        try:
            key, _, secret = base64.b64decode(credentials, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise _unauthorized("malformed Basic credentials") from exc
        cache_key = hashlib.sha256(f"{key}:{secret}".encode()).hexdigest()
        if self._verified_basic.get(cache_key, 0.0) < time.monotonic():
            row = self._storage.connection().execute(
                "SELECT secret_hash FROM clients WHERE key = ?", (key,)
            ).fetchone()
            if row is None or not verify_secret(secret, row[0]):
                raise _unauthorized("wrong client key or secret")
            self._verified_basic[cache_key] = time.monotonic() + self._CACHE_SECONDS
        agent = account_agent(self._config, f"client:{key}")
        return Principal(key, False, agent)


def _unauthorized(detail: str) -> Problem:
    return Problem(
        401, "Unauthorized", detail, {"WWW-Authenticate": 'Bearer, Basic realm="xAPI"'}
    )
