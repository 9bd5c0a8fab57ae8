"""Bad requests get a 4xx problem+json, never a 500 and never a hang."""

import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from server.running import RunningServer
from tests.server_fixtures import TIMEOUT, XAPI_HEADERS, assert_problem, bearer, running, sign_in

LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running(tmp_path_factory.mktemp("server"), max_body_bytes=LIMIT) as started:
        yield started


@pytest.fixture(scope="module")
def headers(server: RunningServer) -> dict[str, str]:
    return {**bearer(sign_in(server, "gil")), "Content-Type": "application/json"}


def post_raw(
    server: RunningServer, path: str, data: Any, headers: dict[str, str]
) -> requests.Response:
    return requests.post(server.url + path, data=data, headers=headers, timeout=TIMEOUT)


@pytest.mark.parametrize("data", [b"{", b"\xff\xfe", b"[1, NaN]", b"[" * 20000, b""])
def test_malformed_json_is_400(server: RunningServer, headers: dict[str, str], data: bytes) -> None:
    assert_problem(post_raw(server, "/xapi/statements", data, headers), 400)


@pytest.mark.parametrize("body", [b"42", b'"text"', b"[1]", b'{"actor": 1}', b"null"])
def test_wrong_types_are_400(server: RunningServer, headers: dict[str, str], body: bytes) -> None:
    assert_problem(post_raw(server, "/xapi/statements", body, headers), 400)


def test_oversize_body_with_length_is_413(server: RunningServer, headers: dict[str, str]) -> None:
    assert_problem(post_raw(server, "/xapi/statements", b" " * (LIMIT + 1), headers), 413)


def test_oversize_chunked_body_is_413_while_reading(
    server: RunningServer, headers: dict[str, str]
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(LIMIT // 1024 + 10):
            yield b" " * 1024

    assert_problem(post_raw(server, "/xapi/statements", chunks(), headers), 413)


def test_oversize_sign_in_is_413(server: RunningServer) -> None:
    response = post_raw(server, "/api/v1/auth/token", b"{" + b" " * LIMIT + b"}",
                        {"Content-Type": "application/json"})
    assert_problem(response, 413)


def test_compressed_body_is_415(server: RunningServer, headers: dict[str, str]) -> None:
    response = post_raw(server, "/xapi/statements", b"[]", {**headers, "Content-Encoding": "gzip"})
    assert_problem(response, 415)


def test_unknown_query_parameter_is_400(server: RunningServer, headers: dict[str, str]) -> None:
    response = requests.get(f"{server.url}/xapi/statements", params={"colour": "red"},
                            headers=headers, timeout=TIMEOUT)
    assert_problem(response, 400)


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"limit": "-1"},
                                    {"ascending": "maybe"}, {"agent": "{"}, {"cursor": "x"},
                                    {"agent": '{"mbox": "x@example.org"}'}])
def test_bad_statement_query_is_400(
    server: RunningServer, headers: dict[str, str], params: dict[str, str]
) -> None:
    response = requests.get(f"{server.url}/xapi/statements", params=params, headers=headers,
                            timeout=TIMEOUT)
    assert_problem(response, 400)


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/nowhere", 404), ("DELETE", "/xapi/statements", 405),
    ("GET", "/api/v1/auth/token", 405), ("PUT", "/api/v1/health", 405),
])
def test_unknown_routes_and_methods_are_problems(
    server: RunningServer, method: str, path: str, status: int
) -> None:
    response = requests.request(method, server.url + path, headers=XAPI_HEADERS,
                                timeout=TIMEOUT)
    assert_problem(response, status)


def test_a_client_that_stops_sending_does_not_block_others(server: RunningServer) -> None:
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT) as stalled:
        stalled.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\n"
                        b"Content-Length: 100\r\n\r\n{")
        assert requests.get(f"{server.url}/api/v1/health", timeout=TIMEOUT).status_code == 200
