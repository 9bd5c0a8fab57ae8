"""The catalogue change feed: a sequence assigned at commit, cursors, tombstones.

Every commit that changes a course (publish, withdraw) gives it the next number of one
server-wide sequence; the feed lists courses by that number. A cursor names a position in
the sequence of one database (its epoch), so it never depends on clocks.
"""

import json
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from server.problems import Problem, bad_request
from server.storage import Storage

_EPOCH = re.compile(r"[0-9a-f]{8}")


@dataclass(frozen=True)
class Page:
    body: str
    count: int
    cursor: str
    more: bool


@dataclass(frozen=True)
class Cursor:
    """A position in the sequence. ``full`` marks the pages of a sync that started with no
    cursor: such a client rebuilds its catalogue from what it receives, so forgotten
    tombstones cannot mislead it and never make its next page 410."""

    seq: int
    full: bool

    def text(self, epoch: str) -> str:
        return f"{epoch}-{self.seq}" + ("-full" if self.full else "")


def parse_cursor(storage: Storage, text: str | None) -> Cursor:
    """The position after which the client wants changes; 400 or 410 when unusable."""
    if not text:
        return Cursor(0, full=True)
    epoch, _, rest = text.partition("-")
    number, _, flag = rest.partition("-")
    if (not _EPOCH.fullmatch(epoch) or not number.isascii() or not number.isdigit()
            or len(number) > 18 or flag not in ("", "full")):
        raise bad_request(f"'since' is not a cursor this server issued: {text[:80]!r}")
    cursor = Cursor(int(number), full=flag == "full")
    if epoch != storage.epoch or cursor.seq > int(storage.meta("seq", "0")):
        raise Problem(410, "Gone", "the cursor is from another catalogue: resync from scratch")
    if not cursor.full and cursor.seq < int(storage.meta("purged_through", "0")):
        raise Problem(
            410, "Gone", "withdrawn courses after this cursor were forgotten: resync from scratch"
        )
    return cursor


def next_seq(db: sqlite3.Connection) -> int:
    """Take the next sequence number inside the caller's write transaction."""
    row = db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
    seq = int(row[0]) + 1 if row else 1
    db.execute("INSERT OR REPLACE INTO meta VALUES ('seq', ?)", (str(seq),))
    return seq


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def withdraw(storage: Storage, course_id: str) -> None:
    """Replace a course by its tombstone at a new position of the feed."""
    tombstone = json.dumps({"id": course_id, "withdrawn": True})
    with storage.write() as db:
        updated = db.execute(
            "UPDATE courses SET seq = ?, withdrawn_at = ?, record = ? "
            "WHERE id = ? AND withdrawn_at IS NULL",
            (next_seq(db), time.time(), tombstone, course_id),
        ).rowcount
        if not updated:
            raise LookupError(f"no published course {course_id!r}")


def purge_tombstones(storage: Storage, retention_s: float) -> int:
    """Forget tombstones older than ``retention_s``; cursors before them then get 410."""
    cutoff = time.time() - retention_s
    db = storage.connection()
    if db.execute("SELECT 1 FROM courses WHERE withdrawn_at <= ?", (cutoff,)).fetchone() is None:
        return 0
    with storage.write() as db:
        row = db.execute(
            "SELECT MAX(seq), COUNT(*) FROM courses WHERE withdrawn_at <= ?", (cutoff,)
        ).fetchone()
        if not row[1]:
            return 0
        purged = max(int(row[0]), int(storage.meta("purged_through", "0")))
        db.execute("DELETE FROM courses WHERE withdrawn_at <= ?", (cutoff,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('purged_through', ?)", (str(purged),))
        return int(row[1])


def changes(storage: Storage, since: Cursor, limit: int) -> Page:
    """The courses changed after ``since``, oldest change first, at most ``limit`` of them."""
    with storage.read() as db:
        rows = db.execute(
            "SELECT seq, record FROM courses WHERE seq > ? ORDER BY seq LIMIT ?",
            (since.seq, limit + 1),
        ).fetchall()
        head = db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
    more = len(rows) > limit
    rows = rows[:limit]
    if more:
        cursor = Cursor(rows[-1][0], since.full)
    else:
        # Caught up: everything up to the head was sent, superseded or a forgotten tombstone.
        cursor = Cursor(max(int(head[0]) if head else 0, since.seq), full=False)
    text = cursor.text(storage.epoch)
    # Records are stored as the JSON the feed sends: joined, not decoded and encoded again.
    body = (
        '{"courses":[' + ",".join(row[1] for row in rows) + "],"
        f'"cursor":{json.dumps(text)},"more":{json.dumps(more)}}}'
    )
    return Page(body, len(rows), text, more)
