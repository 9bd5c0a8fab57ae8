"""The outbox: statements recorded here that the platform has not accepted yet.

A statement leaves the outbox (``sent_at`` set) only once the platform accepted it; one
the platform keeps refusing is quarantined with the reason, for ``lifelong status``.
"""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from app.store import utc_now

_PENDING = "origin = 'local' AND sent_at IS NULL AND quarantine IS NULL"


@dataclass(frozen=True)
class Pending:
    id: str
    json: str


@dataclass(frozen=True)
class Quarantined:
    id: str
    profile_id: int
    verb: str
    object_id: str
    timestamp: str
    reason: str


def pending_batch(conn: sqlite3.Connection, profile_id: int, limit: int) -> list[Pending]:
    """The oldest unsent, unquarantined statements of a profile, at most ``limit``."""
    rows = conn.execute(
        f"SELECT id, json FROM statements WHERE {_PENDING} AND profile_id = ? "
        "ORDER BY created, rowid LIMIT ?",
        (profile_id, limit),
    )
    return [Pending(row[0], row[1]) for row in rows]


def mark_sent(conn: sqlite3.Connection, ids: Iterable[str], when: str | None = None) -> None:
    """The platform accepted these statements."""
    stamp = when or utc_now()
    conn.executemany(
        "UPDATE statements SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
        ((stamp, statement_id) for statement_id in ids),
    )


def quarantine(conn: sqlite3.Connection, statement_id: str, reason: str) -> None:
    """Keep a statement the platform refuses out of further pushes, with the reason."""
    conn.execute(
        "UPDATE statements SET quarantine = ? WHERE id = ? AND sent_at IS NULL",
        (reason or "refused", statement_id),
    )


def quarantined(conn: sqlite3.Connection, profile_id: int | None = None) -> list[Quarantined]:
    """Quarantined statements, oldest first, optionally of one profile."""
    query = (
        "SELECT id, profile_id, verb, object_id, timestamp, quarantine FROM statements "
        "WHERE quarantine IS NOT NULL"
    )
    values: tuple[int, ...] = ()
    if profile_id is not None:
        query += " AND profile_id = ?"
        values = (profile_id,)
    return [Quarantined(*row) for row in conn.execute(query + " ORDER BY timestamp, id", values)]
