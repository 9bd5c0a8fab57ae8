"""Learner profiles on a shared PC: name, avatar colour, optional PIN, own settings.

A PIN is 4–6 digits and stored only as a salted scrypt hash. Wrong PINs are
rate-limited: after five in a row the profile locks for a delay that doubles each time.
"""

import hashlib
import hmac
import json
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from app import settings
from app.errors import NotFoundError, PinError
from app.store import utc_now

FREE_TRIES: Final = 5
FIRST_LOCK_SECONDS: Final = 30.0
LOCAL_HOMEPAGE: Final = "urn:lifelong-desktop:local"
AVATAR_COLOURS: Final = ("#2e7d32", "#1565c0", "#c62828", "#6a1b9a", "#ef6c00", "#00838f")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    avatar_color: str
    has_pin: bool
    facilitator: bool
    guest: bool
    settings: dict[str, Any]
    actor: dict[str, Any]
    account: dict[str, Any]

    def setting(self, key: str) -> Any:
        return self.settings.get(key, settings.LEARNER[key].default)


_COLUMNS = "id, name, avatar_color, pin_hash, facilitator, guest, settings, actor, account"


def _from_row(row: tuple[Any, ...]) -> Profile:
    pid, name, colour, pin_hash, facilitator, guest, prefs, actor, account = row
    return Profile(
        pid, name, colour, bool(pin_hash), bool(facilitator), bool(guest),
        json.loads(prefs), json.loads(actor), json.loads(account),
    )


def installation_id(conn: sqlite3.Connection) -> str:
    """A random id for this installation, made on first use (names local actors)."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'installation_id'").fetchone()
    if row:
        return str(row[0])
    new = uuid.uuid4().hex
    conn.execute("INSERT OR IGNORE INTO sync_state VALUES ('installation_id', ?)", (new,))
    return str(
        conn.execute("SELECT value FROM sync_state WHERE key = 'installation_id'").fetchone()[0]
    )


def local_actor(conn: sqlite3.Connection, profile_id: int) -> dict[str, Any]:
    """The xAPI actor of a profile not linked to a platform account.

    Named by the installation, the profile id and its creation time: SQLite may give a
    deleted profile's id to a new one, which must not inherit the old learner's identity.
    """
    row = conn.execute("SELECT created FROM profiles WHERE id = ?", (profile_id,)).fetchone()
    created = "".join(ch for ch in str(row[0] if row else "") if ch.isdigit())
    name = f"{installation_id(conn)}/{profile_id}-{created}"
    return {"objectType": "Agent", "account": {"homePage": LOCAL_HOMEPAGE, "name": name}}


def create(
    conn: sqlite3.Connection,
    name: str,
    *,
    avatar_color: str | None = None,
    pin: str | None = None,
    facilitator: bool = False,
    guest: bool = False,
) -> Profile:
    """Add a profile. A facilitator must have a PIN."""
    name = name.strip()
    if not name:
        raise ValueError("A profile needs a name.")
    if facilitator and not pin:
        raise PinError("A facilitator profile needs a PIN.")
    count = int(conn.execute("SELECT count(*) FROM profiles").fetchone()[0])
    colour = avatar_color or AVATAR_COLOURS[count % len(AVATAR_COLOURS)]
    cursor = conn.execute(
        "INSERT INTO profiles (name, avatar_color, pin_hash, facilitator, guest, created) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (name, colour, hash_pin(pin) if pin else "", int(facilitator), int(guest), utc_now()),
    )
    profile_id = int(cursor.lastrowid or 0)
    actor = json.dumps(local_actor(conn, profile_id))
    conn.execute("UPDATE profiles SET actor = ? WHERE id = ?", (actor, profile_id))
    return get(conn, profile_id)


def get(conn: sqlite3.Connection, profile_id: int) -> Profile:
    row = conn.execute(f"SELECT {_COLUMNS} FROM profiles WHERE id = ?", (profile_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"No learner profile {profile_id}.")
    return _from_row(row)


def find(conn: sqlite3.Connection, name: str) -> Profile:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM profiles WHERE name = ? ORDER BY id LIMIT 1", (name,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No learner profile named {name!r}.")
    return _from_row(row)


def all_profiles(conn: sqlite3.Connection) -> list[Profile]:
    return [_from_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM profiles ORDER BY id")]


def rename(conn: sqlite3.Connection, profile_id: int, name: str) -> None:
    if not name.strip():
        raise ValueError("A profile needs a name.")
    conn.execute("UPDATE profiles SET name = ? WHERE id = ?", (name.strip(), profile_id))


def keep_guest(conn: sqlite3.Connection, profile_id: int, name: str, pin: str | None) -> None:
    """Turn a guest session into an ordinary profile, progress and records included."""
    rename(conn, profile_id, name)
    set_pin(conn, profile_id, pin or None)
    conn.execute("UPDATE profiles SET guest = 0 WHERE id = ?", (profile_id,))


def delete(conn: sqlite3.Connection, profile_id: int) -> None:
    """Remove a profile with its progress and learning records."""
    conn.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))


def set_setting(conn: sqlite3.Connection, profile_id: int, key: str, value: Any) -> None:
    """Store a per-learner setting (declared in :data:`app.settings.LEARNER`)."""
    declared = settings.LEARNER[key]
    if not isinstance(value, declared.kind):
        value = declared.parse(str(value))
    conn.execute(
        "UPDATE profiles SET settings = json_set(settings, ?, json(?)) WHERE id = ?",
        (f"$.{key}", json.dumps(value), profile_id),
    )


def link_account(
    conn: sqlite3.Connection, profile_id: int, actor: dict[str, Any], account: dict[str, Any]
) -> None:
    """Link a profile to a platform account; its unsent records take the account's actor."""
    conn.execute(
        "UPDATE profiles SET actor = ?, account = ? WHERE id = ?",
        (json.dumps(actor), json.dumps(account), profile_id),
    )
    conn.execute(
        "UPDATE statements SET json = json_set(json, '$.actor', json(?)) "
        "WHERE profile_id = ? AND origin = 'local' AND sent_at IS NULL",
        (json.dumps(actor), profile_id),
    )


def hash_pin(pin: str) -> str:
    if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 6):
        raise PinError("A PIN is 4 to 6 digits.")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _matches(pin: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def set_pin(conn: sqlite3.Connection, profile_id: int, pin: str | None) -> None:
    """Set, change or (with ``None``) clear a PIN; also lifts a lock (a facilitator's reset)."""
    conn.execute(
        "UPDATE profiles SET pin_hash = ?, failed_pins = 0, locked_until = 0 WHERE id = ?",
        (hash_pin(pin) if pin else "", profile_id),
    )


def verify_pin(
    conn: sqlite3.Connection, profile_id: int, pin: str, *, clock: Callable[[], float] = time.time
) -> None:
    """Return if ``pin`` opens the profile; raise :class:`PinError` otherwise.

    Five wrong PINs lock the profile for 30 s, and each further wrong PIN doubles the lock.
    """
    row = conn.execute(
        "SELECT pin_hash, failed_pins, locked_until FROM profiles WHERE id = ?", (profile_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No learner profile {profile_id}.")
    stored, failures, locked_until = row
    if not stored:
        return
    now = clock()
    if locked_until > now:
        wait = int(locked_until - now) + 1
        raise PinError(f"Too many wrong PINs. Try again in {wait} s.", locked_seconds=wait)
    if _matches(pin, stored):
        conn.execute(
            "UPDATE profiles SET failed_pins = 0, locked_until = 0 WHERE id = ?", (profile_id,)
        )
        return
    failures += 1
    lock = now + FIRST_LOCK_SECONDS * 2 ** (failures - FREE_TRIES) if failures >= FREE_TRIES else 0
    conn.execute(
        "UPDATE profiles SET failed_pins = ?, locked_until = ? WHERE id = ?",
        (failures, lock, profile_id),
    )
    left = FREE_TRIES - failures
    if left > 0:
        raise PinError(f"Wrong PIN. {left} tries left before the profile locks.", tries_left=left)
    wait = int(lock - now)
    raise PinError(f"Wrong PIN. The profile is locked for {wait} s.", locked_seconds=wait)
