"""Damaging a library database on purpose, as a failing disk or a power cut might."""

import sqlite3
from pathlib import Path

PAGE = 4096


def _checkpointed(database: Path) -> bytearray:
    """The file's bytes once the WAL holds nothing more (so damage to the file is final)."""
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return bytearray(database.read_bytes())


def smash_page(database: Path, table: str) -> None:
    """Overwrite the root page of ``table`` so that reading it fails."""
    conn = sqlite3.connect(database)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = _checkpointed(database)
    start = (root[0] - 1) * PAGE
    data[start:start + PAGE] = b"\xa5" * PAGE
    database.write_bytes(bytes(data))


def smash_schema(database: Path) -> bytes:
    """Make the database impossible to open; returns its damaged bytes."""
    data = _checkpointed(database)
    data[100:PAGE] = b"\xff" * (PAGE - 100)
    database.write_bytes(bytes(data))
    return bytes(data)
