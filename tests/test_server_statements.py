"""The xAPI statement resource: idempotency, whole-batch rejection, paging, privacy."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from server.running import RunningServer
from tests.server_fixtures import (
    TIMEOUT,
    XAPI_HEADERS,
    assert_problem,
    bearer,
    running,
    sign_in,
    statement,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running(tmp_path_factory.mktemp("lrs")) as started:
        yield started


@pytest.fixture(scope="module")
def ana(server: RunningServer) -> dict[str, Any]:
    return sign_in(server, "ana")


def post(server: RunningServer, body: Any, headers: dict[str, str]) -> requests.Response:
    return requests.post(f"{server.url}/xapi/statements", json=body, headers=headers,
                         timeout=TIMEOUT)


def fetch(server: RunningServer, headers: dict[str, str], **params: Any) -> requests.Response:
    return requests.get(f"{server.url}/xapi/statements", params=params, headers=headers,
                        timeout=TIMEOUT)


def new_id() -> str:
    return str(uuid.uuid4())


def test_batch_answers_ids_and_is_stored_with_stored_and_authority(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    ids = [new_id(), new_id()]
    response = post(server, [statement(ana["actor"], i) for i in ids], bearer(ana))
    assert response.status_code == 200 and response.json() == ids
    found = fetch(server, bearer(ana), statementId=ids[0]).json()
    assert found["stored"] and found["authority"] == ana["actor"]
    assert found["actor"] == ana["actor"]


def test_resending_the_same_statement_is_accepted_unchanged(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    sent = statement(ana["actor"], new_id())
    post(server, sent, bearer(ana))
    stored = fetch(server, bearer(ana), statementId=sent["id"]).json()["stored"]
    again = post(server, [{**sent, "version": "1.0.3"}], bearer(ana))
    assert again.status_code == 200 and again.json() == [sent["id"]]
    assert fetch(server, bearer(ana), statementId=sent["id"]).json()["stored"] == stored


def test_same_id_with_other_content_is_a_conflict(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    sent = statement(ana["actor"], new_id())
    post(server, sent, bearer(ana))
    changed = {**sent, "result": {"completion": True}}
    assert_problem(post(server, changed, bearer(ana)), 409)
    put = requests.put(f"{server.url}/xapi/statements", params={"statementId": sent["id"]},
                       json=changed, headers=bearer(ana), timeout=TIMEOUT)
    assert_problem(put, 409)


def test_put_stores_under_the_given_id(server: RunningServer, ana: dict[str, Any]) -> None:
    statement_id = new_id()
    body = {k: v for k, v in statement(ana["actor"], statement_id).items() if k != "id"}
    put = requests.put(f"{server.url}/xapi/statements", params={"statementId": statement_id},
                       json=body, headers=bearer(ana), timeout=TIMEOUT)
    assert put.status_code == 204
    assert fetch(server, bearer(ana), statementId=statement_id).json()["id"] == statement_id


def test_batch_with_one_invalid_statement_is_rejected_whole(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    good = statement(ana["actor"], new_id())
    bad = statement(ana["actor"], new_id(), result={"score": {"scaled": 1.5}})
    problem = assert_problem(post(server, [good, bad], bearer(ana)), 400)
    assert "statement 1" in problem["detail"] and "scaled" in problem["detail"]
    assert_problem(fetch(server, bearer(ana), statementId=good["id"]), 404)


def test_batch_with_a_conflict_is_rejected_whole(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    first = statement(ana["actor"], new_id())
    post(server, first, bearer(ana))
    fresh = statement(ana["actor"], new_id())
    conflicting = {**first, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}}
    assert_problem(post(server, [fresh, conflicting], bearer(ana)), 409)
    assert_problem(fetch(server, bearer(ana), statementId=fresh["id"]), 404)


def test_get_pages_with_a_relative_more_link(tmp_path: Path) -> None:
    with running(tmp_path / "server") as server:
        bo = sign_in(server, "bo")
        ids = [new_id() for _ in range(5)]
        post(server, [statement(bo["actor"], i) for i in ids], bearer(bo))
        seen, url = [], "/xapi/statements?limit=2&ascending=true"
        while url:
            assert url.startswith("/xapi/statements?")
            response = requests.get(server.url + url, headers=bearer(bo), timeout=TIMEOUT)
            assert response.headers["X-Experience-API-Consistent-Through"]
            seen += [s["id"] for s in response.json()["statements"]]
            url = response.json()["more"]
        assert seen == ids


def test_since_and_until_filter_on_stored_time(server: RunningServer, ana: dict[str, Any]) -> None:
    first = statement(ana["actor"], new_id())
    post(server, first, bearer(ana))
    stored = fetch(server, bearer(ana), statementId=first["id"]).json()["stored"]
    later = statement(ana["actor"], new_id())
    post(server, later, bearer(ana))
    after = fetch(server, bearer(ana), since=stored).json()["statements"]
    assert [s["id"] for s in after] == [later["id"]]
    upto = fetch(server, bearer(ana), until=stored, limit=1).json()["statements"]
    assert [s["id"] for s in upto] == [first["id"]]


def test_learner_cannot_write_or_read_another_learners_statements(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    cy = sign_in(server, "cy")
    assert_problem(post(server, statement(cy["actor"], new_id()), bearer(ana)), 403)
    assert_problem(fetch(server, bearer(ana), agent=json.dumps(cy["actor"])), 403)
    mine = statement(cy["actor"], new_id())
    post(server, mine, bearer(cy))
    assert_problem(fetch(server, bearer(ana), statementId=mine["id"]), 404)
    assert all(s["actor"] == ana["actor"]
               for s in fetch(server, bearer(ana)).json()["statements"])


def test_basic_auth_client_reads_and_writes_everyones_statements(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    secret = server.add_client("centre-tools")
    auth = ("centre-tools", secret)
    other = {"objectType": "Agent", "mbox": "mailto:someone@example.org"}
    sent = statement(other, new_id())
    response = requests.post(f"{server.url}/xapi/statements", json=sent, auth=auth,
                             headers=XAPI_HEADERS, timeout=TIMEOUT)
    assert response.status_code == 200
    everyone = requests.get(f"{server.url}/xapi/statements", params={
        "agent": json.dumps(ana["actor"])}, auth=auth, headers=XAPI_HEADERS, timeout=TIMEOUT)
    assert everyone.json()["statements"]
    wrong = requests.get(f"{server.url}/xapi/statements", auth=("centre-tools", "nope"),
                         headers=XAPI_HEADERS, timeout=TIMEOUT)
    assert_problem(wrong, 401)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nonsense"},
                                     {"Authorization": "Basic !!!"}])
def test_missing_or_wrong_credentials_are_401(
    server: RunningServer, headers: dict[str, str]
) -> None:
    response = fetch(server, {**XAPI_HEADERS, **headers})
    assert_problem(response, 401)
    assert "WWW-Authenticate" in response.headers


def test_missing_version_header_is_400(server: RunningServer, ana: dict[str, Any]) -> None:
    headers = {"Authorization": bearer(ana)["Authorization"]}
    assert_problem(fetch(server, headers), 400)


def test_about_lists_the_versions(server: RunningServer) -> None:
    about = requests.get(f"{server.url}/xapi/about", timeout=TIMEOUT)
    assert "1.0.3" in about.json()["version"]


def test_stored_and_authority_sent_by_the_client_are_replaced(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    other = {"objectType": "Agent", "mbox": "mailto:someone@example.org"}
    sent = statement(ana["actor"], new_id(), stored="2000-01-01T00:00:00Z", authority=other)
    assert post(server, sent, bearer(ana)).status_code == 200
    found = fetch(server, bearer(ana), statementId=sent["id"]).json()
    assert found["stored"] > "2026" and found["authority"] == ana["actor"]
    assert found["version"] == "1.0.0"
    again = post(server, {**sent, "stored": "2001-01-01T00:00:00Z"}, bearer(ana))
    assert again.status_code == 200


def test_statement_without_id_gets_one(server: RunningServer, ana: dict[str, Any]) -> None:
    sent = {k: v for k, v in statement(ana["actor"], "").items() if k != "id"}
    given = post(server, [sent], bearer(ana)).json()[0]
    assert uuid.UUID(given).version == 4
    assert fetch(server, bearer(ana), statementId=given).json()["verb"] == sent["verb"]


def test_resending_in_another_key_order_is_the_same_statement(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    sent = statement(ana["actor"], new_id(), result={"completion": True, "success": True})
    post(server, sent, bearer(ana))
    reordered = dict(reversed(sent.items())) | {"result": {"success": True, "completion": True}}
    assert post(server, reordered, bearer(ana)).status_code == 200


def test_resending_without_a_trailing_property_is_a_conflict(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    sent = statement(ana["actor"], new_id(), version="1.0.3", result={"completion": True})
    post(server, sent, bearer(ana))
    # What is left encodes as a prefix of the stored text: it must still not count as the same.
    assert_problem(post(server, {k: v for k, v in sent.items() if k != "result"},
                        bearer(ana)), 409)
    assert_problem(post(server, {**sent, "result": {"completion": False}}, bearer(ana)), 409)


def test_one_id_twice_in_a_batch(server: RunningServer, ana: dict[str, Any]) -> None:
    sent = statement(ana["actor"], new_id())
    assert post(server, [sent, dict(sent)], bearer(ana)).json() == [sent["id"]] * 2
    other = {**sent, "id": new_id()}
    problem = assert_problem(post(server, [other, {**other, "timestamp": "2026-11-29T00:00:00Z"}],
                                  bearer(ana)), 400)
    assert "statement 1" in problem["detail"]


def test_lone_surrogate_escape_is_a_bad_request(
    server: RunningServer, ana: dict[str, Any]
) -> None:
    sent = statement(ana["actor"], new_id())
    body = json.dumps(sent).replace('"completed"}', '"\\ud800"}')
    response = requests.post(f"{server.url}/xapi/statements", data=body, timeout=TIMEOUT,
                             headers={**bearer(ana), "Content-Type": "application/json"})
    assert_problem(response, 400)
    assert_problem(fetch(server, bearer(ana), statementId=sent["id"]), 404)
