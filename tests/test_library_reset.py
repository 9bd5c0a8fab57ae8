"""Starting again after a damaged database: downloads, profiles and records are kept."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app import catalogue, profiles, progress, settings
from app.errors import DamagedDatabaseError
from app.library_reset import start_fresh
from app.packages import import_package, lesson_path
from app.paths import DataPaths, resolve
from app.search import Filters, find_courses
from app.store import Store
from sync.catalog import CURSOR_KEY
from tests.damage import smash_page, smash_schema
from tests.package_zips import COURSE, package_of
from tests.records import course_record


def learning_library(paths: DataPaths, tmp_path: Path) -> dict[str, Any]:
    """A library with a catalogue, an installed course, a profile with records, a setting."""
    with Store(paths) as store:
        with store.transaction() as conn:
            records = [course_record(f"c{n}", lessons=3) for n in range(300)]
            records.append(course_record(COURSE, lessons=1, title_zh="身边的科学"))
            catalogue.apply_records(conn, records)
            profile = profiles.create(conn, "李华")
            settings.put(conn, "download.bandwidth_kbps", 64)
        store.set_state(CURSOR_KEY, "1-300")
        lesson = catalogue.get_course(store.conn, "c1").lessons[0]
        progress.open_lesson(store, profile.id, lesson)
        progress.save_position(store, profile.id, lesson, 2.5, 5.0)
        progress.finish_quiz(store, profile.id, lesson, 0.8, True)
        import_package(store, package_of(tmp_path / "p.zip", {"lessons/a.md": b"# A\n"}))
        return {
            "statements": rows(store, "SELECT id, json, sent_at FROM statements"),
            "progress": rows(store, "SELECT * FROM progress"),
            "profiles": rows(store, "SELECT * FROM profiles"),
            "installation": profiles.installation_id(store.conn),
        }


def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return sorted(store.conn.execute(sql).fetchall())


def damaged_error(paths: DataPaths) -> DamagedDatabaseError:
    with pytest.raises(DamagedDatabaseError) as caught:
        Store(paths).close()
    assert caught.value.kept is not None and caught.value.kept.exists()
    return caught.value


def test_damaged_catalogue_keeps_profiles_records_progress_and_downloads(
    tmp_path: Path,
) -> None:
    paths = resolve(tmp_path / "data")
    before = learning_library(paths, tmp_path)
    smash_page(paths.database, "courses")
    error = damaged_error(paths)
    assert error.kept is not None

    salvage = start_fresh(paths, error.kept)

    assert (salvage.courses, salvage.profiles, salvage.unreadable) == (1, 1, ())
    assert salvage.statements == len(before["statements"]) == 3
    with Store(paths) as store:  # passes the integrity check now
        assert rows(store, "SELECT id, json, sent_at FROM statements") == before["statements"]
        assert rows(store, "SELECT * FROM progress") == before["progress"]
        assert rows(store, "SELECT * FROM profiles") == before["profiles"]
        assert profiles.installation_id(store.conn) == before["installation"]
        assert settings.get(store.conn, "download.bandwidth_kbps") == 64
        assert lesson_path(store, COURSE, "lessons/a.md").read_bytes() == b"# A\n"
        assert store.conn.execute("SELECT count(*) FROM courses").fetchone()[0] == 0
        assert store.get_state(CURSOR_KEY) == ""
    assert error.kept.read_bytes()[:16] == b"SQLite format 3\x00"


def test_unreadable_schema_still_keeps_the_downloaded_courses(tmp_path: Path) -> None:
    paths = resolve(tmp_path / "data")
    learning_library(paths, tmp_path)
    damaged = smash_schema(paths.database)
    with pytest.raises(DamagedDatabaseError) as caught:  # as the app's worker opens it
        Store(paths, check=False)
    assert caught.value.kept is not None

    salvage = start_fresh(paths, caught.value.kept)

    assert salvage.courses == 1 and salvage.profiles == salvage.statements == 0
    assert set(salvage.unreadable) == {"profiles", "settings", "sync_state", "statements"}
    with Store(paths) as store:
        assert lesson_path(store, COURSE, "lessons/a.md").exists()
    assert caught.value.kept.read_bytes() == damaged


def test_a_newer_database_is_not_offered_for_replacement(tmp_path: Path) -> None:
    paths = resolve(tmp_path)
    paths.ensure()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(DamagedDatabaseError) as caught:
        Store(paths)
    assert caught.value.kept is None


def test_downloaded_courses_stay_listed_when_their_catalogue_entries_can_be_read(
    tmp_path: Path,
) -> None:
    paths = resolve(tmp_path / "data")
    learning_library(paths, tmp_path)
    smash_page(paths.database, "statements")
    error = damaged_error(paths)
    assert error.kept is not None

    salvage = start_fresh(paths, error.kept)

    assert salvage.unreadable == ("statements",)
    with Store(paths) as store:
        listed = find_courses(store.conn, "", Filters(downloaded_only=True), limit=10)
        assert [row.id for row in listed] == [COURSE]
        assert find_courses(store.conn, "身边的科学", Filters(), limit=10)[0].id == COURSE
        assert len(catalogue.get_course(store.conn, COURSE).lessons) == 1
        assert catalogue.course_count(store.conn) == 1  # the rest returns at the next sync
