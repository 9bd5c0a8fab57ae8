"""Property: whatever arrives at any endpoint, the answer is never a 5xx, and every 4xx is a
problem+json document."""

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.server_fixtures import TIMEOUT, course_meta, make_package, running, sign_in, statement

ENDPOINTS = [
    ("GET", "/api/v1/health"), ("POST", "/api/v1/auth/token"),
    ("GET", "/api/v1/catalog/changes"), ("GET", "/xapi/about"), ("GET", "/xapi/statements"),
    ("POST", "/xapi/statements"), ("PUT", "/xapi/statements"), ("GET", "/packages/PKG"),
    ("HEAD", "/packages/PKG"), ("DELETE", "/xapi/statements"), ("GET", "/packages/x%00.zip"),
]
HEADER_NAMES = ["Authorization", "X-Experience-API-Version", "Content-Type", "Range", "If-Range",
                "If-None-Match", "Content-Encoding", "Accept"]


class Target:
    """A running server with one package and one signed-in learner, and a session to it."""

    def __init__(self, url: str, package: str, issued: dict[str, Any]) -> None:
        self.url, self.package = url, package
        self.token, self.actor = issued["access_token"], issued["actor"]
        self.session = requests.Session()


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("fuzz")
    with running(folder / "server", max_body_bytes=32 * 1024) as server:
        record = server.publish(make_package(folder, "fz"), course_meta())
        found = Target(server.url, record["package"]["url"].rsplit("/", 1)[1],
                       sign_in(server, "fuzz"))
        yield found
        found.session.close()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
# requests refuses header values with surrounding blanks; the server never sees those.
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40).map(
    str.strip)


@st.composite
def statement_like(draw: st.DrawFn, actor: dict[str, Any]) -> Any:
    """A valid statement with one property replaced by random JSON, or left as is."""
    base = statement(actor, str(uuid.uuid4()), result={"score": {"scaled": 0.5}})
    key = draw(st.sampled_from([*base, "context", "extra", None]))
    if key is not None:
        base[key] = draw(json_values)
    return base


@st.composite
def requests_(draw: st.DrawFn, target: Target) -> dict[str, Any]:
    method, path = draw(st.sampled_from(ENDPOINTS))
    headers = draw(st.dictionaries(st.sampled_from(HEADER_NAMES), header_text, max_size=4))
    if draw(st.booleans()):
        headers["Authorization"] = f"Bearer {target.token}"
        headers["X-Experience-API-Version"] = "1.0.3"
    body_kind = draw(st.sampled_from(["none", "json", "statement", "bytes"]))
    content: bytes | None = None
    if body_kind == "json":
        content = json.dumps(draw(json_values)).encode()
    elif body_kind == "statement":
        content = json.dumps(draw(st.lists(statement_like(target.actor), max_size=3))).encode()
    elif body_kind == "bytes":
        content = draw(st.binary(max_size=200))
    params = draw(st.dictionaries(
        st.sampled_from(["since", "limit", "agent", "statementId", "until", "ascending",
                         "cursor", "protocol", "verb", "x"]), st.text(max_size=30), max_size=3))
    return {"method": method, "url": target.url + path.replace("PKG", target.package),
            "params": params, "headers": headers, "data": content}


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_no_request_gets_a_server_error(target: Target, data: st.DataObject) -> None:
    request = data.draw(requests_(target))
    response = target.session.request(**request, timeout=TIMEOUT)
    assert response.status_code < 500, (request, response.text)
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        if request["method"] != "HEAD":
            problem = response.json()
            assert problem["status"] == response.status_code and problem["title"]


def test_the_fuzzer_reaches_the_validator(target: Target) -> None:
    """The fuzz above is worth something only if a valid request can succeed."""
    response = target.session.post(
        f"{target.url}/xapi/statements", json=statement(target.actor, str(uuid.uuid4())),
        headers={"Authorization": f"Bearer {target.token}", "X-Experience-API-Version": "1.0.3"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200

