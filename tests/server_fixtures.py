"""Helpers for the reference server's tests: packages, metadata, a signed-in learner."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from app.packages import build_package
from server.running import RunningServer, start_server

XAPI_HEADERS = {"X-Experience-API-Version": "1.0.3"}
TIMEOUT = 10


def make_package(
    folder: Path, course_id: str, version: int = 1, *, body: bytes = b"# Hi\n"
) -> Path:
    """A real package with one text lesson, ``body`` as its Markdown."""
    info = build_package(
        folder / f"{course_id}-v{version}.zip", course_id=course_id, version=version,
        title={"zh": "课程", "en": f"Course {course_id}"},
        lessons=[{"id": f"{course_id}-01", "kind": "text",
                  "title": {"zh": "第一课", "en": "Lesson 1"}, "file": "lessons/01.md"}],
        files={"lessons/01.md": body},
    )
    return info.path


def course_meta(section: str = "scientific_literacy") -> dict[str, Any]:
    return {"section": section, "facets": {"horizontal": ["lifelong"], "vertical": ["work"]},
            "summary": {"zh": "简介", "en": "Summary"}, "tags": ["科学"]}


def publish_courses(server: RunningServer, folder: Path, count: int) -> list[str]:
    ids = [f"c-{index:03d}" for index in range(count)]
    for course_id in ids:
        server.publish(make_package(folder, course_id), course_meta())
    return ids


@contextmanager
def running(folder: Path, **settings: Any) -> Iterator[RunningServer]:
    with start_server(folder, **settings) as server:
        yield server


def sign_in(server: RunningServer, name: str, password: str = "secret-pw") -> dict[str, Any]:
    """Create the learner and sign in; the token response."""
    server.add_learner(name, password)
    response = requests.post(f"{server.url}/api/v1/auth/token",
                             json={"username": name, "password": password}, timeout=TIMEOUT)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def bearer(token: dict[str, Any]) -> dict[str, str]:
    return {**XAPI_HEADERS, "Authorization": f"Bearer {token['access_token']}"}


def statement(actor: dict[str, Any], statement_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": statement_id, "actor": actor,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "completed"}},
        "object": {"id": "https://lifelong.example.org/xapi/activities/lesson/c-000-01"},
        "timestamp": "2026-11-28T12:00:00.000Z", **extra,
    }


def assert_problem(response: requests.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body
