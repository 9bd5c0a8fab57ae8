"""What the facilitator page shows, read on the database worker."""

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.profiles import Profile
    from app.store import Store

MACHINE_KEYS = ("server.url", "download.bandwidth_kbps", "lock.idle_minutes")


@dataclass(frozen=True)
class LearnerRow:
    profile: "Profile"
    waiting: int  # learning records not yet accepted by the platform


@dataclass(frozen=True)
class Overview:
    learners: list[LearnerRow]
    disk_used: int
    disk_free: int
    machine: dict[str, Any]


def read_overview(store: "Store", _cancel: object) -> Overview:
    from app import packages, profiles, progress, settings

    rows = [LearnerRow(p, progress.waiting_count(store.conn, p.id))
            for p in profiles.all_profiles(store.conn)]
    return Overview(
        rows, packages.disk_used(store), shutil.disk_usage(store.paths.root).free,
        {key: settings.get(store.conn, key) for key in MACHINE_KEYS},
    )


def change(edit: Callable[[sqlite3.Connection], None]) -> Callable[["Store", object], None]:
    """Database work that applies ``edit`` in one transaction."""
    def work(store: "Store", _cancel: object) -> None:
        with store.transaction() as conn:
            edit(conn)

    return work
