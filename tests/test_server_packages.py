"""Package files: strong ETag, byte ranges, If-Range, HEAD, 416, over loopback HTTP."""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from server.running import RunningServer
from tests.server_fixtures import TIMEOUT, assert_problem, course_meta, make_package, running


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, str, bytes]]:
    """A server with one package of ~300 kB; its URL and its bytes."""
    folder = tmp_path_factory.mktemp("packages")
    package = make_package(folder, "big", body=bytes(range(256)) * 1200)
    with running(folder / "server") as server:
        record = server.publish(package, course_meta())
        yield server, server.url + record["package"]["url"], package.read_bytes()


def get(url: str, **headers: str) -> requests.Response:
    return requests.get(url, headers=headers, timeout=TIMEOUT)


def test_whole_package_with_strong_etag_of_its_sha256(
    served: tuple[RunningServer, str, bytes]
) -> None:
    _, url, data = served
    response = get(url, **{"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.content == data
    assert response.headers["ETag"] == f'"{hashlib.sha256(data).hexdigest()}"'
    assert response.headers["Accept-Ranges"] == "bytes"
    assert "Content-Encoding" not in response.headers


def test_head_gives_length_without_body(served: tuple[RunningServer, str, bytes]) -> None:
    _, url, data = served
    response = requests.head(url, timeout=TIMEOUT)
    assert response.status_code == 200 and response.content == b""
    assert int(response.headers["Content-Length"]) == len(data)


@pytest.mark.parametrize(("header", "start", "end"), [
    ("bytes=0-99", 0, 100), ("bytes=1000-", 1000, None), ("bytes=-10", -10, None),
    ("bytes=5-999999999", 5, None),
])
def test_single_range_is_206_with_content_range(
    served: tuple[RunningServer, str, bytes], header: str, start: int, end: int | None
) -> None:
    _, url, data = served
    response = get(url, Range=header)
    expected = data[start:end]
    assert response.status_code == 206 and response.content == expected
    first = start % len(data)
    assert response.headers["Content-Range"] == (
        f"bytes {first}-{first + len(expected) - 1}/{len(data)}")


def test_range_past_the_end_is_416_with_the_length(
    served: tuple[RunningServer, str, bytes]
) -> None:
    _, url, data = served
    response = get(url, Range=f"bytes={len(data)}-")
    assert_problem(response, 416)
    assert response.headers["Content-Range"] == f"bytes */{len(data)}"


@pytest.mark.parametrize("header", ["bytes=9-3", "items=0-5", "bytes=0-1,5-6", "bytes=x-"])
def test_unusable_range_is_ignored_for_the_whole_file(
    served: tuple[RunningServer, str, bytes], header: str
) -> None:
    _, url, data = served
    response = get(url, Range=header)
    assert response.status_code == 200 and response.content == data


def test_if_range_with_current_etag_resumes(served: tuple[RunningServer, str, bytes]) -> None:
    _, url, data = served
    etag = get(url).headers["ETag"]
    response = get(url, Range="bytes=100-", **{"If-Range": etag})
    assert response.status_code == 206 and response.content == data[100:]


def test_if_range_with_stale_etag_sends_the_whole_file(
    served: tuple[RunningServer, str, bytes]
) -> None:
    _, url, data = served
    response = get(url, Range="bytes=100-", **{"If-Range": '"0000"'})
    assert response.status_code == 200 and response.content == data


def test_if_none_match_is_304(served: tuple[RunningServer, str, bytes]) -> None:
    _, url, _ = served
    etag = get(url).headers["ETag"]
    assert get(url, **{"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("name", ["missing.zip", "..%2Fserver.sqlite3", "server.sqlite3"])
def test_unknown_package_is_404(served: tuple[RunningServer, str, bytes], name: str) -> None:
    server, _, _ = served
    assert_problem(get(f"{server.url}/packages/{name}"), 404)


def test_packages_are_read_only(served: tuple[RunningServer, str, bytes]) -> None:
    _, url, _ = served
    assert_problem(requests.delete(url, timeout=TIMEOUT), 405)


def test_published_package_is_kept_under_an_immutable_name(tmp_path: Path) -> None:
    with running(tmp_path / "server") as server:
        record = server.publish(make_package(tmp_path, "c-1"), course_meta())
        name = record["package"]["url"].rsplit("/", 1)[1]
        assert name.startswith("c-1-v1-") and record["package"]["sha256"][:12] in name
