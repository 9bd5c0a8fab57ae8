"""Statement storage for the LRS: idempotent batches, queries paged by storage order."""

import json
import re
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
# Statements come from json.loads, so they cannot be circular.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_DECODER = json.JSONDecoder()
_DEFAULT_VERSION = ',"version":"1.0.0"'
# How _suffixes closes every statement it stores ("stored" holds no quote).
_LRS_TAIL = re.compile(r',"stored":"[^"]*","authority":')


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
    """The batch's statements in order, validated whole (400 naming the first bad statement),
    each given an id (when missing) and stripped of what the LRS sets itself (``stored``,
    ``authority``). A learner may only send statements about themselves (403).
    """
    own = ifi_key(principal.agent)
    by_id: dict[str, dict[str, Any]] = {}
    prepared = []
    for index, sent in enumerate(batch):
        try:
            validate(sent, f"statements[{index}]")
        except StatementError as exc:
            raise bad_request(f"statement {index} is invalid: {exc}") from None
        # Completed in place: the batch is this request's own parse, and a copy would cost
        # more to encode later (measured), for nothing.
        statement: dict[str, Any] = sent
        statement.pop("stored", None)
        statement.pop("authority", None)
        statement["id"] = str(statement.get("id") or uuid.uuid4()).lower()
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


def _suffixes(stored: str, authority: dict[str, Any]) -> tuple[str, str]:
    """What closes a statement's JSON: the LRS's properties, with or without a version."""
    suffix = f',"stored":"{stored}","authority":{_encode(authority)}}}'
    return suffix, _DEFAULT_VERSION + suffix


def _row(statement: dict[str, Any], stored: str, suffixes: tuple[str, str]) -> tuple[Any, ...]:
    # The statement as sent less what the LRS sets (see prepare), closed by the LRS's own
    # properties: one encoding per statement, no merged copy.
    text = _encode(statement)[:-1] + suffixes["version" not in statement]
    target = statement["object"]
    context = statement.get("context")
    return (statement["id"], ifi_key(statement["actor"]), statement["verb"]["id"],
            target["id"] if target.get("objectType", "Activity") == "Activity" else None,
            context.get("registration") if context else None, stored, text)


def _stored_as_sent(known: str, statement: dict[str, Any]) -> bool:
    """Whether ``known`` is exactly what :func:`_row` writes for ``statement``, whatever the
    stored time and authority."""
    sent = _encode(statement)[:-1] + ("" if "version" in statement else _DEFAULT_VERSION)
    tail = _LRS_TAIL.match(known, len(sent)) if known.startswith(sent) else None
    if tail is None:
        return False
    try:
        authority, end = _DECODER.raw_decode(known, tail.end())
    except ValueError:
        return False
    return isinstance(authority, dict) and known[end:] == "}"


def _same_as_stored(known: str, statement: dict[str, Any]) -> bool:
    """Whether the stored JSON ``known`` holds ``statement``, ignoring what the LRS sets."""
    # A client re-sending a batch sends what was stored, byte for byte once encoded: compare
    # the text first, and canonical JSON only when that differs (rows by an older encoding,
    # another key order, another version).
    return _stored_as_sent(known, statement) or (
        _comparable(json.loads(known)) == _comparable(statement))


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
            elif not _same_as_stored(known, statement):
                raise Problem(409, "Conflict",
                              f"statement {statement['id']} exists with other content")
        stored = _next_stored(db)
        suffixes = _suffixes(stored, principal.agent)
        try:
            db.executemany(
                "INSERT INTO statements (id, actor, verb, activity, registration, stored, json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_row(statement, stored, suffixes) for statement in fresh.values()],
            )
        except UnicodeEncodeError:
            # JSON may escape half a surrogate pair ("\ud800"): valid JSON, but not text.
            raise bad_request("a statement holds a lone surrogate escape, which is not "
                              "Unicode text") from None


def ingest(storage: Storage, batch: list[Any], principal: Principal) -> list[str]:
    """Validate and store a batch (see :func:`prepare` and :func:`store`); the ids in order.
    Run it off the event loop: validating a large batch takes milliseconds."""
    prepared = prepare(batch, principal)
    store(storage, prepared, principal)
    return [statement["id"] for statement in prepared]


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
