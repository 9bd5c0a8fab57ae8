"""The persistent download queue (table ``downloads``): it survives restarts.

States: ``queued``, ``downloading``, ``paused``, ``failed``, ``no_space``. A finished
download's row is removed (the ``installed`` table then holds the course).
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app.catalogue import get_course
from app.errors import LibraryError
from app.paths import DataPaths
from app.store import Store, utc_now

QUEUED: Final = "queued"
DOWNLOADING: Final = "downloading"
PAUSED: Final = "paused"
FAILED: Final = "failed"
NO_SPACE: Final = "no_space"
_COLUMNS: Final = "course_id, version, url, size, sha256, state, bytes_done, etag, attempts, error"


@dataclass(frozen=True)
class Entry:
    course_id: str
    version: int
    url: str
    size: int
    sha256: str
    state: str
    bytes_done: int
    etag: str
    attempts: int
    error: str


def part_path(paths: DataPaths, entry: Entry) -> Path:
    return paths.downloads / f"{entry.course_id}-v{entry.version}.part"


def get(conn: sqlite3.Connection, course_id: str) -> Entry | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM downloads WHERE course_id = ?", (course_id,)
    ).fetchone()
    return Entry(*row) if row else None


def entries(conn: sqlite3.Connection) -> list[Entry]:
    """The queue in order."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM downloads ORDER BY position")
    return [Entry(*row) for row in rows]


def enqueue(store: Store, course_id: str) -> Entry:
    """Queue the catalogue's current version of a course. Its package URL is kept as the
    catalogue gives it (maybe relative: resolved against the server when fetched). A queued
    older version is replaced, its partial file removed."""
    course = get_course(store.conn, course_id)
    if not course.package_url or not course.package_sha256:
        raise LibraryError(f"The catalogue lists no package for {course_id}.")
    url = course.package_url
    with store.transaction() as conn:
        old = get(conn, course_id)
        wanted = (course.version, course.package_sha256)
        if old is not None and (old.version, old.sha256) == wanted:
            if old.state != DOWNLOADING:
                set_state(conn, course_id, QUEUED, attempts=0)
            return get(conn, course_id) or old
        conn.execute("DELETE FROM downloads WHERE course_id = ?", (course_id,))
        conn.execute(
            "INSERT INTO downloads (course_id, version, url, size, sha256, state, position, "
            "added, updated) VALUES (?, ?, ?, ?, ?, ?, "
            "(SELECT coalesce(max(position), 0) + 1 FROM downloads), ?, ?)",
            (course_id, course.version, url, course.package_size, course.package_sha256,
             QUEUED, utc_now(), utc_now()),
        )
    if old is not None:
        part_path(store.paths, old).unlink(missing_ok=True)
    entry = get(store.conn, course_id)
    assert entry is not None
    return entry


def set_state(
    conn: sqlite3.Connection,
    course_id: str,
    state: str,
    *,
    error: str = "",
    attempts: int | None = None,
) -> None:
    conn.execute(
        "UPDATE downloads SET state = ?, error = ?, attempts = coalesce(?, attempts), "
        "updated = ? WHERE course_id = ?",
        (state, error, attempts, utc_now(), course_id),
    )


def save_progress(conn: sqlite3.Connection, course_id: str, bytes_done: int, etag: str) -> None:
    conn.execute(
        "UPDATE downloads SET bytes_done = ?, etag = ?, updated = ? WHERE course_id = ?",
        (bytes_done, etag, utc_now(), course_id),
    )


def claim(store: Store, course_id: str) -> Entry | None:
    """Mark one course downloading (whatever its state); None if it is not queued at all."""
    with store.transaction() as conn:
        set_state(conn, course_id, DOWNLOADING)
        return get(conn, course_id)


def claim_next(store: Store, parallel: int) -> Entry | None:
    """The first queued download, marked downloading, unless ``parallel`` already run."""
    with store.transaction() as conn:
        running = conn.execute(
            "SELECT count(*) FROM downloads WHERE state = ?", (DOWNLOADING,)
        ).fetchone()[0]
        if running >= parallel:
            return None
        row = conn.execute(
            "SELECT course_id FROM downloads WHERE state = ? ORDER BY position LIMIT 1",
            (QUEUED,),
        ).fetchone()
        if row is None:
            return None
        set_state(conn, row[0], DOWNLOADING)
        return get(conn, row[0])


def recover_interrupted(store: Store) -> int:
    """Put downloads a crash left ``downloading`` back in the queue (call once at start)."""
    with store.transaction() as conn:
        return conn.execute(
            "UPDATE downloads SET state = ? WHERE state = ?", (QUEUED, DOWNLOADING)
        ).rowcount


def remove(store: Store, course_id: str) -> None:
    """Drop a download from the queue with its partial file."""
    with store.transaction() as conn:
        entry = get(conn, course_id)
        conn.execute("DELETE FROM downloads WHERE course_id = ?", (course_id,))
    if entry is not None:
        part_path(store.paths, entry).unlink(missing_ok=True)
