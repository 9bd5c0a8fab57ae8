"""The server's own SQLite database: schema, one connection per thread, write transactions."""

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
    key TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES learners(username),
    expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS courses (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, version INTEGER NOT NULL,
    sha256 TEXT NOT NULL, withdrawn_at REAL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS courses_withdrawn ON courses(withdrawn_at)
    WHERE withdrawn_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS packages (
    file TEXT PRIMARY KEY, size INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statements (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, actor TEXT,
    verb TEXT NOT NULL, activity TEXT, registration TEXT, stored TEXT NOT NULL,
    json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS statements_actor ON statements(actor, seq);
CREATE INDEX IF NOT EXISTS statements_stored ON statements(stored);
"""


class Storage:
    """One database file shared by the server's worker threads, each with its own connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        # executescript commits any open transaction first, so the schema gets its own.
        self.connection().executescript(
            f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )
        with self.write() as db:
            # A new database is a new epoch: cursors issued by an earlier one must not be
            # trusted (see catalog.parse_cursor).
            db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('epoch', ?)", (secrets.token_hex(4),)
            )
        self.epoch = self.meta("epoch")

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            # autocommit mode: transactions are explicit (see write), reads see the latest commit
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk before the answer goes out. Clients drop statements
            # from their outbox on a 200, so NORMAL (WAL synced only at checkpoints) could lose
            # answered statements in a power cut; FULL cost nothing measurable in
            # bench/bench_server_ingest.py (one WAL sync per batch).
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("PRAGMA foreign_keys = ON")
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once so writers queue instead of failing mid-way."""
        db = self.connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several queries."""
        db = self.connection()
        db.execute("BEGIN")
        try:
            yield db
        finally:
            db.execute("COMMIT")

    def meta(self, key: str, default: str = "") -> str:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def close(self) -> None:
        """Close every thread's connection; call only once no request is running."""
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()
