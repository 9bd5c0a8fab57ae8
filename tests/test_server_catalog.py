"""The catalogue change feed of the reference server, over loopback HTTP."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from server.running import RunningServer
from tests.server_fixtures import (
    TIMEOUT,
    assert_problem,
    course_meta,
    make_package,
    publish_courses,
    running,
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with running(tmp_path / "server") as started:
        yield started


def changes(server: RunningServer, **params: Any) -> requests.Response:
    return requests.get(f"{server.url}/api/v1/catalog/changes", params=params, timeout=TIMEOUT)


def test_first_sync_pages_through_every_course_with_limit(
    server: RunningServer, tmp_path: Path
) -> None:
    ids = publish_courses(server, tmp_path, 5)
    seen, cursor, pages = [], None, 0
    while True:
        body = changes(server, since=cursor or "", limit=2).json()
        assert len(body["courses"]) <= 2
        seen += [course["id"] for course in body["courses"]]
        cursor, pages = body["cursor"], pages + 1
        if not body["more"]:
            break
    assert seen == ids and pages == 3


def test_cursor_resumes_after_the_changes_already_seen(
    server: RunningServer, tmp_path: Path
) -> None:
    publish_courses(server, tmp_path, 2)
    cursor = changes(server).json()["cursor"]
    assert changes(server, since=cursor).json() == {"courses": [], "cursor": cursor,
                                                    "more": False}
    server.publish(make_package(tmp_path, "c-000", version=2, body=b"# New\n"), course_meta())
    body = changes(server, since=cursor).json()
    assert [(c["id"], c["version"]) for c in body["courses"]] == [("c-000", 2)]
    assert body["cursor"] != cursor


def test_record_carries_activity_ids_and_package_of_the_platform(
    server: RunningServer, tmp_path: Path
) -> None:
    server.publish(make_package(tmp_path, "sci-0001"), course_meta())
    course = changes(server).json()["courses"][0]
    assert course["activity_id"] == "https://lifelong.example.org/xapi/activities/course/sci-0001"
    assert course["lessons"][0]["activity_id"].endswith("/lesson/sci-0001-01")
    assert set(course) == {"id", "activity_id", "version", "section", "facets", "title",
                           "summary", "tags", "package", "lessons", "updated"}
    package = requests.get(server.url + course["package"]["url"], timeout=TIMEOUT)
    assert len(package.content) == course["package"]["size"]


def test_withdrawn_course_appears_as_tombstone(server: RunningServer, tmp_path: Path) -> None:
    publish_courses(server, tmp_path, 2)
    cursor = changes(server).json()["cursor"]
    server.withdraw("c-001")
    assert changes(server, since=cursor).json()["courses"] == [
        {"id": "c-001", "withdrawn": True}
    ]


def test_cursor_older_than_kept_tombstones_is_gone(tmp_path: Path) -> None:
    with running(tmp_path / "server", tombstone_retention_s=0) as server:
        publish_courses(server, tmp_path, 2)
        old = changes(server).json()["cursor"]
        server.withdraw("c-000")
        assert_problem(changes(server, since=old), 410)
        fresh = changes(server).json()
        assert [course["id"] for course in fresh["courses"]] == ["c-001"]
        assert changes(server, since=fresh["cursor"]).status_code == 200


def test_cursor_of_another_database_is_gone(server: RunningServer, tmp_path: Path) -> None:
    with running(tmp_path / "other") as other:
        foreign = changes(other).json()["cursor"]
    assert_problem(changes(server, since=foreign), 410)


@pytest.mark.parametrize("cursor", ["zz", "-1", "abc-", "abc-1x", "ä-1"])
def test_unparsable_cursor_is_a_bad_request(server: RunningServer, cursor: str) -> None:
    assert_problem(changes(server, since=cursor), 400)


@pytest.mark.parametrize("limit", ["0", "-3", "x", "100000"])
def test_limit_out_of_range_is_a_bad_request(server: RunningServer, limit: str) -> None:
    assert_problem(changes(server, limit=limit), 400)


def test_unchanged_feed_answers_304_to_its_etag(server: RunningServer, tmp_path: Path) -> None:
    publish_courses(server, tmp_path, 1)
    first = changes(server)
    again = requests.get(f"{server.url}/api/v1/catalog/changes", timeout=TIMEOUT,
                         headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    server.withdraw("c-000")
    changed = requests.get(f"{server.url}/api/v1/catalog/changes", timeout=TIMEOUT,
                           headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]


def test_a_changed_package_needs_a_new_version(server: RunningServer, tmp_path: Path) -> None:
    server.publish(make_package(tmp_path, "c-000"), course_meta())
    (tmp_path / "other").mkdir()
    changed = make_package(tmp_path / "other", "c-000", body=b"# Changed\n")
    with pytest.raises(ValueError, match="new version"):
        server.publish(changed, course_meta())


def test_first_sync_pages_on_past_forgotten_tombstones(tmp_path: Path) -> None:
    with running(tmp_path / "server", tombstone_retention_s=0) as server:
        publish_courses(server, tmp_path, 4)
        server.withdraw("c-003")
        first = changes(server, limit=2).json()
        assert first["more"]
        rest = changes(server, since=first["cursor"], limit=2).json()
        assert [course["id"] for course in first["courses"] + rest["courses"]] == [
            "c-000", "c-001", "c-002"]
        assert not rest["more"]
        assert changes(server, since=rest["cursor"]).json()["courses"] == []
