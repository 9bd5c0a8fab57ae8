"""xAPI 1.0.3 statements for learning events: built here, stored in the outbox.

Verbs and extensions are those of ``docs/protocol.md``.
"""

import uuid
from datetime import UTC, datetime
from typing import Any, Final

ADL: Final = "http://adlnet.gov/expapi/verbs/"
EXPERIENCED: Final = ADL + "experienced"
PROGRESSED: Final = ADL + "progressed"
COMPLETED: Final = ADL + "completed"
ANSWERED: Final = ADL + "answered"
PASSED: Final = ADL + "passed"
FAILED: Final = ADL + "failed"
VERB_NAMES: Final = {
    EXPERIENCED: "experienced",
    PROGRESSED: "progressed",
    COMPLETED: "completed",
    ANSWERED: "answered",
    PASSED: "passed",
    FAILED: "failed",
}
TIME_EXTENSION: Final = "https://w3id.org/xapi/video/extensions/time"
PROGRESS_EXTENSION: Final = "https://w3id.org/xapi/cmi5/result/extensions/progress"
LESSON_TYPE: Final = "http://adlnet.gov/expapi/activities/lesson"
QUESTION_TYPE: Final = "http://adlnet.gov/expapi/activities/cmi.interaction"
PLATFORM: Final = "Lifelong Learning Desktop"


def normalise_timestamp(text: str) -> str:
    """``text`` (any ISO 8601 form) as UTC with microseconds, so strings sort by time."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def now() -> str:
    return normalise_timestamp(datetime.now(UTC).isoformat())


def build(
    actor: dict[str, Any],
    verb: str,
    object_id: str,
    *,
    name: str = "",
    result: dict[str, Any] | None = None,
    parent: str | None = None,
    activity_type: str = LESSON_TYPE,
    timestamp: str | None = None,
) -> dict[str, Any]:
    """A complete statement with a fresh UUID; ``parent`` is the enclosing activity."""
    activity: dict[str, Any] = {"objectType": "Activity", "id": object_id,
                                "definition": {"type": activity_type}}
    if name:
        activity["definition"]["name"] = {"zh-CN": name}
    statement: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": verb, "display": {"en-US": VERB_NAMES.get(verb, verb)}},
        "object": activity,
        "timestamp": timestamp or now(),
        "context": {"platform": PLATFORM},
    }
    if parent:
        statement["context"]["contextActivities"] = {"parent": [{"id": parent}]}
    if result:
        statement["result"] = result
    return statement


def lesson_of(statement: dict[str, Any]) -> str:
    """The lesson activity a statement is about: its object, or the parent of a question."""
    if statement["verb"]["id"] == ANSWERED:
        parents = statement.get("context", {}).get("contextActivities", {}).get("parent", [])
        return str(parents[0]["id"]) if parents else ""
    return str(statement["object"]["id"])
