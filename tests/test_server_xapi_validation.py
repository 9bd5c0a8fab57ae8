"""Statement validation: what an xAPI 1.0.3 LRS must accept and reject."""

import copy
from typing import Any

import pytest

from server.xapi import StatementError, validate

ACTOR = {"objectType": "Agent", "account": {"homePage": "https://example.org", "name": "ana"}}
VALID: dict[str, Any] = {
    "id": "6fa459ea-ee8a-4ca4-894e-db77e160355e",
    "actor": ACTOR,
    "verb": {"id": "http://adlnet.gov/expapi/verbs/progressed", "display": {"en-US": "progressed"}},
    "object": {"id": "https://example.org/lesson/1", "definition": {
        "name": {"zh-CN": "第一课"}, "type": "http://adlnet.gov/expapi/activities/lesson"}},
    "result": {"score": {"scaled": -1, "raw": 3, "min": 0, "max": 5}, "completion": False,
               "duration": "PT1M30.5S",
               "extensions": {"https://w3id.org/xapi/cmi5/result/extensions/progress": 40}},
    "context": {"registration": "6fa459ea-ee8a-4ca4-894e-db77e160355e", "language": "zh-CN",
                "contextActivities": {"parent": {"id": "https://example.org/course/1"}},
                "extensions": {"https://w3id.org/xapi/video/extensions/time": 12.5}},
    "timestamp": "2026-11-28T12:00:00.123+08:00",
}


def changed(path: str, value: Any) -> dict[str, Any]:
    statement = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    target = statement
    for key in parents:
        target = target[key]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return statement


def test_a_full_statement_is_valid() -> None:
    validate(VALID)


@pytest.mark.parametrize(("path", "value"), [
    ("object", {"objectType": "StatementRef", "id": "6fa459ea-ee8a-4ca4-894e-db77e160355e"}),
    ("object", {"objectType": "Agent", "mbox": "mailto:a@example.org"}),
    ("actor", {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}]}),
    ("actor", {"mbox_sha1sum": "a" * 40}),
    ("id", ...),
    ("timestamp", "2026-11-28T04:00:00Z"),
    ("id", "6FA459EA-EE8A-4CA4-B94E-DB77E160355E"),
])
def test_other_valid_forms(path: str, value: Any) -> None:
    validate(changed(path, value))


@pytest.mark.parametrize(("path", "value", "reason"), [
    ("id", "not-a-uuid", "UUID"),
    ("id", "6fa459eaee8a4ca4894edb77e160355e----", "hyphenated"),
    ("id", "6fa459ea-ee8a-4ca4-c94e-db77e160355e", "RFC 4122"),
    ("context.registration", 42, "UUID"),
    ("actor", {"objectType": "Group", "name": "nobody"}, "needs members"),
    ("actor", {"mbox_sha1sum": "a" * 39}, "40 hex"),
    ("actor", {"mbox_sha1sum": 7}, "mbox_sha1sum: must be a string"),
    ("actor", {"objectType": "Agent"}, "exactly one"),
    ("actor", {"mbox": "mailto:a@example.org", "openid": "https://x.example"}, "exactly one"),
    ("actor.account", {"homePage": "https://example.org"}, "'name' is required"),
    ("actor", {"mbox": "a@example.org"}, "mailto"),
    ("verb", {"id": "completed"}, "IRI"),
    ("verb", ..., "'verb' is required"),
    ("object.id", "lesson 1", "IRI"),
    ("object", {"objectType": "Lesson", "id": "https://x.example"}, "objectType"),
    ("result.score", {"scaled": 1.01}, "between -1 and 1"),
    ("result.score", {"raw": 9, "min": 0, "max": 5}, "between min and max"),
    ("result.score", {"scaled": True}, "number"),
    ("result.duration", "90 seconds", "duration"),
    ("result.extensions", {"progress": 40}, "IRI"),
    ("timestamp", "yesterday", "ISO 8601"),
    ("timestamp", "2026-11-28T12:00:00", "time zone"),
    ("context.language", "zh CN", "language"),
    ("context.contextActivities", {"uncle": []}, "unknown"),
    ("colour", "red", "unknown properties"),
    ("attachments", [], "attachments"),
    ("version", "2.0.0", "1.0.x"),
])
def test_invalid_statements_say_where_and_why(path: str, value: Any, reason: str) -> None:
    with pytest.raises(StatementError, match=reason) as caught:
        validate(changed(path, value))
    assert str(caught.value).startswith("statement")


def test_a_substatement_may_not_nest_another() -> None:
    inner = {"objectType": "SubStatement", "actor": ACTOR, "verb": VALID["verb"],
             "object": {"id": "https://x.example"}}
    validate(changed("object", inner))
    with pytest.raises(StatementError, match="objectType"):
        validate(changed("object", {**inner, "object": inner}))
