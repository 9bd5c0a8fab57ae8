"""Health, sign-in, and the ``lifelong-server`` command over real processes and sockets."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from server.running import RunningServer
from tests.server_fixtures import TIMEOUT, assert_problem, running, sign_in


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running(tmp_path_factory.mktemp("server"), min_client_protocol=1) as started:
        yield started


def test_health_reports_protocol_and_time(server: RunningServer) -> None:
    body = requests.get(f"{server.url}/api/v1/health", timeout=TIMEOUT).json()
    assert body["status"] == "ok" and body["protocol"] == 1 and body["continue"] is True
    assert body["time"].endswith("Z") and isinstance(body["message"], str)


def test_health_tells_an_old_client_to_upgrade(server: RunningServer) -> None:
    body = requests.get(f"{server.url}/api/v1/health", params={"protocol": 0},
                        timeout=TIMEOUT).json()
    assert body["continue"] is False and body["message"]


def test_sign_in_returns_token_expiry_and_account_actor(server: RunningServer) -> None:
    issued = sign_in(server, "dai")
    assert issued["token_type"] == "Bearer" and len(issued["access_token"]) > 30
    assert issued["expires_in"] > 0 and issued["expires_at"]
    assert issued["actor"] == {"objectType": "Agent", "account": {
        "homePage": "https://lifelong.example.org", "name": "dai"}}


@pytest.mark.parametrize("credentials", [
    {"username": "eve", "password": "wrong"}, {"username": "nobody", "password": "x"},
])
def test_wrong_password_or_unknown_learner_is_401(
    server: RunningServer, credentials: dict[str, str]
) -> None:
    server.add_learner("eve", "right-one")
    response = requests.post(f"{server.url}/api/v1/auth/token", json=credentials,
                             timeout=TIMEOUT)
    assert_problem(response, 401)


@pytest.mark.parametrize("body", [{"username": "eve"}, {"username": 1, "password": "x"},
                                  {"username": "eve", "password": "x", "extra": 1}, [1]])
def test_malformed_sign_in_is_400(server: RunningServer, body: object) -> None:
    response = requests.post(f"{server.url}/api/v1/auth/token", json=body, timeout=TIMEOUT)
    assert_problem(response, 400)


def test_command_line_adds_a_learner_who_then_signs_in(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    added = subprocess.run(
        [sys.executable, "-m", "server", "add-learner", "fay", "--password-stdin",
         "--data-dir", str(data)],
        input="pa55word\n", capture_output=True, text=True, timeout=60, check=False,
    )
    assert added.returncode == 0, added.stderr
    with running(data) as server:
        response = requests.post(f"{server.url}/api/v1/auth/token",
                                 json={"username": "fay", "password": "pa55word"},
                                 timeout=TIMEOUT)
        assert response.status_code == 200


def test_serve_prints_its_address_first(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--port", "0", "--data-dir", str(tmp_path / "hub")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("Listening on http://127.0.0.1:")
        url = first.removeprefix("Listening on ")
        assert requests.get(f"{url}/api/v1/health", timeout=TIMEOUT).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
