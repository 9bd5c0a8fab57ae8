"""Catalogue pull: the change feed from the saved cursor, each page applied with its cursor.

A page and its cursor commit together, so an interrupted pull resumes where it stopped. A
410 means the cursor is no longer usable: the feed is read again from the start, and the
courses it no longer lists are withdrawn only once that full read has completed.
"""

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from app.catalogue import apply_records
from app.store import Store
from sync import api
from sync.client import Client
from sync.errors import ServerError

CURSOR_KEY: Final = "catalog.cursor"
ETAG_KEY: Final = "catalog.etag"
# One sync_state row per course not yet seen during a full resync: survives a restart.
UNSEEN_PREFIX: Final = "catalog.unseen/"
# Pages of 250 keep each JSON decode and write short: the GUI thread waits on the GIL
# while a worker decodes, and a 1,000-course page held it for 50-170 ms.
PAGE_SIZE: Final = 250


@dataclass(frozen=True)
class CatalogResult:
    added: int
    updated: int
    withdrawn: int
    full_resync: bool


def _start_full_resync(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM sync_state WHERE key GLOB ?", (UNSEEN_PREFIX + "*",))
        conn.execute(
            "INSERT INTO sync_state (key, value) SELECT ? || id, '' FROM courses "
            "WHERE withdrawn = 0",
            (UNSEEN_PREFIX,),
        )
        store.set_state(CURSOR_KEY, "")
        store.set_state(ETAG_KEY, "")


def _resync_running(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sync_state WHERE key GLOB ? LIMIT 1", (UNSEEN_PREFIX + "*",)
    ).fetchone()
    return found is not None


def _mark_seen(conn: sqlite3.Connection, course_ids: list[str]) -> None:
    conn.executemany(
        "DELETE FROM sync_state WHERE key = ?", ((UNSEEN_PREFIX + c,) for c in course_ids)
    )


def _finish_full_resync(conn: sqlite3.Connection) -> int:
    """Withdraw the courses the complete feed did not list; returns how many."""
    start = len(UNSEEN_PREFIX) + 1
    unseen = [
        {"id": row[0], "withdrawn": True}
        for row in conn.execute(
            "SELECT substr(key, ?) FROM sync_state WHERE key GLOB ?", (start, UNSEEN_PREFIX + "*")
        )
    ]
    conn.execute("DELETE FROM sync_state WHERE key GLOB ?", (UNSEEN_PREFIX + "*",))
    return apply_records(conn, unseen).withdrawn


def pull_catalog(
    store: Store,
    client: Client,
    *,
    page_size: int = PAGE_SIZE,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> CatalogResult:
    """Apply every change since the saved cursor; ``progress(records_so_far)`` after each page."""
    added = updated = withdrawn = seen = 0
    resynced = False
    while not cancelled():
        cursor = store.get_state(CURSOR_KEY)
        try:
            page = api.catalog_changes(client, cursor, page_size, etag=store.get_state(ETAG_KEY))
        except ServerError as error:
            if error.status != 410 or resynced:
                raise
            _start_full_resync(store)
            resynced = True
            continue
        if page is None:
            break
        with store.transaction() as conn:
            result = apply_records(conn, page.courses)
            if _resync_running(conn):
                _mark_seen(conn, [c["id"] for c in page.courses if not c.get("withdrawn")])
                if not page.more:
                    withdrawn += _finish_full_resync(conn)
            store.set_state(CURSOR_KEY, page.cursor)
            # An ETag only describes the answer for this same cursor: keep it while unchanged.
            store.set_state(ETAG_KEY, page.etag if page.cursor == cursor else "")
        added, updated = added + result.added, updated + result.updated
        withdrawn += result.withdrawn
        seen += len(page.courses)
        if progress is not None:
            progress(seen)
        if not page.more:
            break
    return CatalogResult(added, updated, withdrawn, resynced)


def updates_available(conn: sqlite3.Connection) -> list[str]:
    """Installed courses whose catalogue version is newer than the installed one."""
    rows = conn.execute(
        "SELECT i.course_id FROM installed i JOIN courses c ON c.id = i.course_id "
        "WHERE c.version > i.version AND c.withdrawn = 0 ORDER BY c.sort_key"
    )
    return [str(row[0]) for row in rows]
