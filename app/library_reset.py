"""Starting again with an empty library after the database was found damaged.

What can be had back is kept: the damaged file (with its WAL) is moved aside, downloaded
courses are recorded again from their folders, and profiles, settings and learning records
are copied from whatever of the old file can still be read, their progress derived anew by
the usual merge, and so are the downloaded courses' catalogue entries. The rest of the
catalogue returns at the next sync, as do records the platform holds.
"""

import json
import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from app import progress, search
from app.packages import adopt_course_folders
from app.paths import DataPaths
from app.store import Store

# Copied in this order, so every statement finds its profile. Of sync_state only the
# installation's id: the catalogue cursor and sync times belong to the lost catalogue.
SALVAGED = (
    ("profiles", ""),
    ("settings", ""),
    ("sync_state", "WHERE key = 'installation_id'"),
    ("statements", ""),
)
# The tables of a course's catalogue entry (and the column naming the course), parents first.
CATALOGUE = (("courses", "id"), ("course_facets", "course_id"), ("lessons", "course_id"))
_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Salvage:
    """What the new library holds again, and which old tables could not be read whole."""

    courses: int
    profiles: int
    statements: int
    unreadable: tuple[str, ...]


def start_fresh(paths: DataPaths, kept: Path) -> Salvage:
    """Move the damaged database to ``kept`` and open a new one with all that can be saved."""
    move_aside(paths.database, kept)
    with Store(paths, check=False) as store:
        # First: a start-up after a power cut here would take unrecorded folders for
        # interrupted imports and delete them.
        courses = adopt_course_folders(store)
        copied = {table: _copy(kept, store, table, where) for table, where in SALVAGED}
        _derive_progress(store)
        _copy_installed_catalogue(kept, store)
        conn = store.conn
        return Salvage(
            courses=courses,
            profiles=conn.execute("SELECT count(*) FROM profiles").fetchone()[0],
            statements=conn.execute("SELECT count(*) FROM statements").fetchone()[0],
            unreadable=tuple(table for table, whole in copied.items() if not whole),
        )


def move_aside(database: Path, kept: Path) -> None:
    """Rename the database and its WAL and shared-memory files to ``kept`` and its siblings."""
    for suffix in _SIDE_FILES:
        if os.path.lexists(f"{kept}{suffix}"):
            os.remove(f"{kept}{suffix}")  # an older copy's, which would not match this file
    os.replace(database, kept)
    for suffix in _SIDE_FILES:
        if os.path.lexists(f"{database}{suffix}"):
            os.replace(f"{database}{suffix}", f"{kept}{suffix}")


def _copy_installed_catalogue(old_file: Path, store: Store) -> None:
    """The catalogue entries of the downloaded courses, when they can be read: so a PC that
    stays offline still lists them. The rest of the catalogue returns at the next sync."""
    installed = [row[0] for row in store.conn.execute("SELECT course_id FROM installed")]
    for table, column in CATALOGUE:
        _copy(old_file, store, table, f"WHERE {column} IN (SELECT value FROM json_each(?))",
              (json.dumps(installed),))
    with store.transaction() as conn:
        search.reindex(conn, installed)


def _copy(
    old_file: Path, store: Store, table: str, where: str, parameters: tuple[str, ...] = ()
) -> bool:
    """Copy the readable rows of ``table``; False when the old table could not be read whole."""
    columns = [row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")]
    try:
        old = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        present = {row[1] for row in old.execute(f"PRAGMA table_info({table})")}
        shared = [column for column in columns if column in present]
        rows = old.execute(f"SELECT {', '.join(shared)} FROM {table} {where}", parameters)
        insert = (f"INSERT OR IGNORE INTO {table} ({', '.join(shared)}) "
                  f"VALUES ({', '.join('?' * len(shared))})")
        with store.transaction() as conn:
            return _insert_readable(conn, rows, insert) and bool(shared)
    except sqlite3.DatabaseError:  # the table's own definition cannot be read
        return False
    finally:
        old.close()


def _insert_readable(conn: sqlite3.Connection, rows: sqlite3.Cursor, insert: str) -> bool:
    """Insert rows until the old file cannot give the next one; True when all were read."""
    while True:
        try:
            row = next(rows, None)
        except sqlite3.DatabaseError:  # a damaged page: the rows before it are kept
            return False
        if row is None:
            return True
        with suppress(sqlite3.IntegrityError):  # e.g. a record of a profile that was lost
            conn.execute(insert, row)


def _derive_progress(store: Store) -> None:
    """Progress from the saved records; a record whose text is damaged is dropped."""
    with store.transaction() as conn:
        rows = conn.execute("SELECT id, profile_id, json FROM statements").fetchall()
        for statement_id, profile_id, text in rows:
            try:
                progress.apply(conn, profile_id, json.loads(text))
            except (ValueError, KeyError, TypeError, AttributeError):
                conn.execute("DELETE FROM statements WHERE id = ?", (statement_id,))
