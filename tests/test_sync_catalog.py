"""Catalogue pull against the reference server: pages, resume, tombstones, 410, updates."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalogue import apply_records, get_course
from app.packages import import_package
from app.paths import DataPaths
from app.store import Store
from server.running import RunningServer, start_server
from sync.catalog import CURSOR_KEY, pull_catalog, updates_available
from sync.client import Client
from tests.fault_proxy import FaultProxy
from tests.sync_support import publish


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with start_server(tmp_path / "server") as running:
        yield running


def _course_ids(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT id FROM courses WHERE withdrawn = 0")}


def test_first_sync_pages_through_the_whole_feed(
    server: RunningServer, store: Store, tmp_path: Path
) -> None:
    for number in range(5):
        publish(server, tmp_path / "pkg", f"c{number}")
    result = pull_catalog(store, Client(server.url), page_size=2)
    assert (result.added, result.updated, result.full_resync) == (5, 0, False)
    assert _course_ids(store) == {f"c{n}" for n in range(5)}
    assert store.get_state(CURSOR_KEY)


def test_interrupted_pull_resumes_from_the_saved_cursor(
    server: RunningServer, store: Store, tmp_path: Path
) -> None:
    for number in range(4):
        publish(server, tmp_path / "pkg", f"c{number}")
    pages = []
    first = pull_catalog(store, Client(server.url), page_size=2,
                         progress=pages.append, cancelled=lambda: len(pages) >= 1)
    assert first.added == 2 and pages == [2]
    second = pull_catalog(store, Client(server.url), page_size=2)
    assert second.added == 2
    assert len(_course_ids(store)) == 4


def test_tombstone_withdraws_but_keeps_installed_content(
    server: RunningServer, store: Store, tmp_path: Path
) -> None:
    record = publish(server, tmp_path / "pkg", "gone")
    pull_catalog(store, Client(server.url))
    sha256 = record["package"]["sha256"]
    import_package(store, tmp_path / "pkg" / "gone-v1.zip", expected_sha256=sha256)
    server.withdraw("gone")
    result = pull_catalog(store, Client(server.url))
    assert result.withdrawn == 1
    assert get_course(store.conn, "gone").withdrawn
    assert store.paths.course_dir("gone").is_dir()


def test_unchanged_feed_answers_not_modified(
    server: RunningServer, store: Store, tmp_path: Path
) -> None:
    publish(server, tmp_path / "pkg", "c1")
    with FaultProxy(server.url) as proxy:
        pull_catalog(store, Client(proxy.url))
        pull_catalog(store, Client(proxy.url))
        again = pull_catalog(store, Client(proxy.url))
        assert again.added == 0
        assert proxy.seen[-1].status == 304


def test_gone_cursor_resyncs_and_withdraws_absent_courses_only_at_the_end(
    server: RunningServer, store: Store, tmp_path: Path
) -> None:
    for number in range(4):
        publish(server, tmp_path / "pkg", f"c{number}")
    pull_catalog(store, Client(server.url))
    with store.transaction() as conn:
        apply_records(conn, [{"id": "local-only", "version": 1, "section": "silver_age",
                              "title": {"en": "Left behind"}}])
        store.set_state(CURSOR_KEY, "00000000-3")
    pages: list[int] = []
    partial = pull_catalog(store, Client(server.url), page_size=2,
                           progress=pages.append, cancelled=lambda: len(pages) >= 1)
    assert partial.full_resync
    assert not get_course(store.conn, "local-only").withdrawn
    finished = pull_catalog(store, Client(server.url), page_size=2)
    assert finished.withdrawn == 1
    assert get_course(store.conn, "local-only").withdrawn
    assert _course_ids(store) == {f"c{n}" for n in range(4)}


def test_newer_version_of_an_installed_course_is_an_update(
    server: RunningServer, paths: DataPaths, tmp_path: Path
) -> None:
    record = publish(server, tmp_path / "v1", "c1")
    with Store(paths) as store:
        pull_catalog(store, Client(server.url))
        sha256 = record["package"]["sha256"]
        import_package(store, tmp_path / "v1" / "c1-v1.zip", expected_sha256=sha256)
        assert updates_available(store.conn) == []
        publish(server, tmp_path / "v2", "c1", version=2)
        pull_catalog(store, Client(server.url))
        assert updates_available(store.conn) == ["c1"]
