"""The local SQLite store: one database per installation, WAL, numbered migrations.

Each thread opens its own :class:`Store`; sqlite connections are not shared.
"""

import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import sqlite_utils

from app.errors import DamagedDatabaseError
from app.migrations import MIGRATIONS
from app.paths import DataPaths

WAL_ATTEMPTS = 100  # two seconds


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp with milliseconds (xAPI style)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store:
    """An open database plus the installation's folders."""

    def __init__(self, paths: DataPaths, *, check: bool = True) -> None:
        paths.ensure()
        self.paths = paths
        if check and paths.database.exists():
            check_integrity(paths.database)
        self.conn = sqlite3.connect(
            paths.database, timeout=30, isolation_level=None, check_same_thread=False
        )
        try:
            self._set_up()
        except sqlite3.DatabaseError as error:
            self.conn.close()
            if not is_malformed(error):
                raise
            keep_damaged(paths.database, str(error))  # too damaged to open at all

    def _set_up(self) -> None:
        self._use_wal()
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB: bulk catalogue writes
        # Checkpoint every ~40 MB of WAL rather than 4 MB: a catalogue of 100,000 courses
        # writes ~350 MB, and each checkpoint rewrites pages the next page touches again.
        self.conn.execute("PRAGMA wal_autocheckpoint = 10000")
        self.db = sqlite_utils.Database(self.conn)
        migrate(self.conn)

    def _use_wal(self) -> None:
        """WAL mode (kept in the file). Switching to it takes a lock SQLite does not wait
        for, so connections opening a new database together try again for a while."""
        for attempt in range(WAL_ATTEMPTS):
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                    raise
                time.sleep(0.02)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: commits on success, rolls back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def get_state(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_state(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every migration newer than ``PRAGMA user_version``, each in its own transaction."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > len(MIGRATIONS):
        raise DamagedDatabaseError(
            f"The database is from a newer version of the app (schema {current}); "
            "update the app to open it."
        )
    for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another connection (a worker thread, another process) may have migrated while
            # this one waited for the write lock.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) < number:
                for statement in _split(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _split(script: str) -> list[str]:
    """The statements of a migration script (sqlite3.Connection.execute runs one at a time)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def check_integrity(database: Path) -> None:
    """Raise :class:`DamagedDatabaseError` (after keeping a copy) if the file is damaged."""
    problem = ""
    try:
        conn = sqlite3.connect(database, timeout=30)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
        if rows != [("ok",)]:
            problem = "; ".join(str(r[0]) for r in rows[:3])
    except sqlite3.DatabaseError as error:
        problem = str(error)
    if problem:
        keep_damaged(database, problem)


def is_malformed(error: BaseException) -> bool:
    """SQLite's "malformed" and "not a database" come as the base class itself; its
    subclasses are other troubles (locked, read-only, full disk, constraints)."""
    return type(error) is sqlite3.DatabaseError


def damage_behind(database: Path, error: Exception) -> DamagedDatabaseError | None:
    """The damage (checked, a copy kept) behind an SQLite error saying the file is malformed."""
    if not is_malformed(error):
        return None
    try:
        check_integrity(database)
    except DamagedDatabaseError as damage:
        return damage
    return None


def keep_damaged(database: Path, problem: str) -> NoReturn:
    """Copy the damaged ``database`` aside and raise :class:`DamagedDatabaseError` about it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = database.with_name(f"{database.name}.damaged-{stamp}")
    shutil.copy2(database, kept)
    raise DamagedDatabaseError(
        f"The learning library database is damaged ({problem}). "
        f"A copy was kept at {kept}. To start again with an empty library that keeps the "
        "downloaded courses and whatever records can be read, run: lifelong reset-library",
        kept=kept,
    )
