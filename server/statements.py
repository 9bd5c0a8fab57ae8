"""Statement storage for the LRS: idempotent batches, queries paged by storage order."""

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from server.auth import Principal
from server.problems import Problem, bad_request
from server.storage import Storage
from server.xapi import StatementError, ifi_key, validate

_IGNORED_IN_COMPARISON = ("stored", "authority", "version")


def _format_time(moment: datetime) -> str:
    """UTC with microseconds, fixed width, so stored times compare as strings."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalise_time(moment: datetime) -> str:
    return _format_time(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _comparable(statement: dict[str, Any]) -> str:
    return json.dumps(
        {k: v for k, v in statement.items() if k not in _IGNORED_IN_COMPARISON}, sort_keys=True
    )


def prepare(batch: list[Any], principal: Principal) -> list[dict[str, Any]]:
    """The batch in order, validated whole (400 naming the first bad statement), each with
    an id (generated when missing). A learner may only send statements about themselves (403).
    """
    own = ifi_key(principal.agent)
    by_id: dict[str, dict[str, Any]] = {}
    prepared = []
    for index, sent in enumerate(batch):
        try:
            validate(sent, f"statements[{index}]")
        except StatementError as exc:
            raise bad_request(f"statement {index} is invalid: {exc}") from None
        statement = {**sent, "id": str(sent.get("id") or uuid.uuid4()).lower()}
        if principal.is_learner and ifi_key(statement["actor"]) != own:
            raise Problem(403, "Forbidden", f"statement {index}: the actor is not you")
        earlier = by_id.setdefault(statement["id"], statement)
        if earlier is not statement and _comparable(earlier) != _comparable(statement):
            raise bad_request(f"statement {index} reuses the id {statement['id']} "
                              "with other content")
        prepared.append(statement)
    return prepared


def _next_stored(db: sqlite3.Connection) -> str:
    """Now, but later than every stored time so far: stored order is commit order."""
    now = datetime.now(UTC)
    last = db.execute("SELECT MAX(stored) FROM statements").fetchone()[0]
    if last is not None:
        floor = datetime.strptime(last, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        now = max(now, floor + timedelta(microseconds=1))
    return _format_time(now)


def _existing(db: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """JSON of the statements already stored under any of ``ids``."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(db.execute(
            f"SELECT id, json FROM statements WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall())
    return found


def _row(statement: dict[str, Any], stored: str, authority: dict[str, Any]) -> tuple[Any, ...]:
    full = {"version": "1.0.0", **statement, "stored": stored, "authority": authority}
    target = statement["object"]
    is_activity = target.get("objectType", "Activity") == "Activity"
    return (statement["id"], ifi_key(statement["actor"]), statement["verb"]["id"],
            target["id"] if is_activity else None,
            statement.get("context", {}).get("registration"), stored,
            json.dumps(full, ensure_ascii=False, separators=(",", ":")))


def store(storage: Storage, statements: list[dict[str, Any]], principal: Principal) -> None:
    """Store all or nothing; a known id with the same content is accepted again unchanged,
    with other content it is a 409."""
    with storage.write() as db:
        existing = _existing(db, [statement["id"] for statement in statements])
        fresh: dict[str, dict[str, Any]] = {}
        for statement in statements:
            known = existing.get(statement["id"])
            if known is None:
                fresh.setdefault(statement["id"], statement)
            elif _comparable(json.loads(known)) != _comparable(statement):
                raise Problem(409, "Conflict",
                              f"statement {statement['id']} exists with other content")
        stored = _next_stored(db)
        db.executemany(
            "INSERT INTO statements (id, actor, verb, activity, registration, stored, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_row(statement, stored, principal.agent) for statement in fresh.values()],
        )


@dataclass(frozen=True)
class Query:
    """Filters of ``GET /xapi/statements``; ``after`` is the position of the previous page."""

    actor: str | None = None
    verb: str | None = None
    activity: str | None = None
    registration: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 100
    ascending: bool = False
    after: int | None = None


@dataclass(frozen=True)
class Found:
    statements: list[str]
    next_after: int | None
    consistent_through: str


def find(storage: Storage, query: Query) -> Found:
    """One page of matching statements, newest stored first unless ``ascending``."""
    conditions: list[str] = []
    values: list[str | int] = []
    for column, value in (("actor", query.actor), ("verb", query.verb),
                          ("activity", query.activity), ("registration", query.registration)):
        if value is not None:
            conditions.append(f"{column} = ?")
            values.append(value)
    if query.since is not None:
        conditions.append("stored > ?")
        values.append(query.since)
    if query.until is not None:
        conditions.append("stored <= ?")
        values.append(query.until)
    if query.after is not None:
        conditions.append("seq > ?" if query.ascending else "seq < ?")
        values.append(query.after)
    where = " AND ".join(conditions) or "1"
    order = "ASC" if query.ascending else "DESC"
    with storage.read() as db:
        rows = db.execute(
            f"SELECT seq, json FROM statements WHERE {where} ORDER BY seq {order} LIMIT ?",
            (*values, query.limit + 1),
        ).fetchall()
        # Writers take their stored time under the write lock, so nothing stored at or
        # before the newest visible time can still appear.
        newest = db.execute("SELECT MAX(stored) FROM statements").fetchone()[0]
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return Found(
        [row[1] for row in rows],
        rows[-1][0] if more else None,
        newest or "1970-01-01T00:00:00.000000Z",
    )


def by_id(storage: Storage, statement_id: str) -> tuple[str | None, str] | None:
    """(actor key, JSON) of one statement, or None."""
    row = storage.connection().execute(
        "SELECT actor, json FROM statements WHERE id = ?", (statement_id.lower(),)
    ).fetchone()
    return (row[0], row[1]) if row else None
