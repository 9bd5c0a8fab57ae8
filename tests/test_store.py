import sqlite3
import threading
from pathlib import Path

import pytest

from app.errors import DamagedDatabaseError
from app.migrations import MIGRATIONS
from app.paths import DATA_DIR_ENV, DataPaths, default_data_dir, resolve
from app.store import Store
from tests.damage import smash_schema


def test_new_store_is_migrated_and_in_wal_mode(store: Store) -> None:
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"courses", "lessons", "statements", "progress", "profiles"} <= set(
        store.db.table_names()
    )


def test_reopening_keeps_data_and_does_not_migrate_again(paths: object) -> None:
    with Store(paths) as first:  # type: ignore[arg-type]
        first.set_state("cursor", "42")
    with Store(paths) as second:  # type: ignore[arg-type]
        assert second.get_state("cursor") == "42"


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.set_state("half", "written")
        raise RuntimeError("power cut")
    assert store.get_state("half") == ""


def test_damaged_database_is_kept_and_reported(tmp_path: Path) -> None:
    paths = resolve(tmp_path)
    with Store(paths) as store:
        store.set_state("x", "y" * 10_000)
    damaged = smash_schema(paths.database)
    with pytest.raises(DamagedDatabaseError, match="damaged") as caught:
        Store(paths)
    kept = list(tmp_path.glob("library.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert str(kept[0]) in str(caught.value)


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    paths = resolve(tmp_path)
    paths.ensure()
    conn = sqlite3.connect(paths.database)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(DamagedDatabaseError, match="newer version"):
        Store(paths)


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "usb"))
    assert default_data_dir() == tmp_path / "usb"
    assert resolve(None).root == (tmp_path / "usb").resolve()
    assert resolve(tmp_path / "other").root == (tmp_path / "other").resolve()


def open_together(paths: DataPaths, count: int) -> list[BaseException]:
    """Open ``count`` stores on ``paths`` from as many threads at once; their failures."""
    barrier = threading.Barrier(count)
    failures: list[BaseException] = []

    def open_store() -> None:
        barrier.wait()
        try:
            Store(paths).close()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_threads_opening_a_new_database_together_all_succeed(tmp_path: Path) -> None:
    """As the app's database and network workers do on a first start."""
    for attempt in range(10):
        assert open_together(resolve(tmp_path / str(attempt)), 4) == []
