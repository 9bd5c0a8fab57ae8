"""xAPI 1.0.3 statement validation: what the LRS must reject, with where and why."""

import re
import uuid
from datetime import datetime
from typing import Any, Final

IRI: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
DURATION: Final = re.compile(
    r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"
)
SHA1: Final = re.compile(r"[0-9a-fA-F]{40}")
TOP_LEVEL: Final = {"id", "actor", "verb", "object", "result", "context", "timestamp",
                    "stored", "authority", "version", "attachments"}
_IFIS: Final = ("mbox", "mbox_sha1sum", "openid", "account")
_INTERACTION: Final = {"interactionType", "correctResponsesPattern", "choices", "scale",
                       "source", "target", "steps"}


class StatementError(ValueError):
    """A statement the LRS must reject; the message says which property and why."""


def _fail(path: str, why: str) -> StatementError:
    return StatementError(f"{path}: {why}")


def _object(
    value: Any, path: str, allowed: set[str], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be a JSON object")
    unknown = set(value) - allowed
    if unknown:
        raise _fail(path, f"unknown properties {sorted(unknown)}")
    for key in required:
        if key not in value:
            raise _fail(path, f"'{key}' is required")
    return value


def _string(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, "must be a string")
    return value


def _iri(value: Any, path: str) -> None:
    if not IRI.fullmatch(_string(value, path)):
        raise _fail(path, "must be an absolute IRI")


def _uuid(value: Any, path: str) -> None:
    try:
        parsed = uuid.UUID(_string(value, path))
    except ValueError:
        raise _fail(path, "must be a UUID") from None
    if len(value) != 36 or parsed.variant != uuid.RFC_4122:
        raise _fail(path, "must be an RFC 4122 UUID in its hyphenated form")


def _language_map(value: Any, path: str) -> None:
    for tag, text in _object(value, path, set(value) if isinstance(value, dict) else set()).items():
        if not LANGUAGE_TAG.fullmatch(tag) or not isinstance(text, str):
            raise _fail(f"{path}.{tag}", "a language map holds language tags and strings")


def _extensions(value: Any, path: str) -> None:
    for key in _object(value, path, set(value) if isinstance(value, dict) else set()):
        _iri(key, f"{path} key")


def timestamp(value: Any, path: str) -> datetime:
    """An ISO 8601 date-time with a time zone."""
    text = _string(value, path)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise _fail(path, "must be an ISO 8601 date-time") from None
    if "T" not in text.upper() or moment.tzinfo is None:
        raise _fail(path, "must be an ISO 8601 date-time with a time zone")
    return moment


def agent(value: Any, path: str, *, group_allowed: bool = True) -> None:
    """An Agent, or a Group (identified: one IFI; anonymous: members and no IFI)."""
    kind = value.get("objectType", "Agent") if isinstance(value, dict) else None
    if kind == "Group" and group_allowed:
        group = _object(value, path, {"objectType", "name", "member", *_IFIS})
        members = group.get("member", [])
        if not isinstance(members, list):
            raise _fail(f"{path}.member", "must be an array of agents")
        for index, member in enumerate(members):
            agent(member, f"{path}.member[{index}]", group_allowed=False)
        if not any(key in group for key in _IFIS) and not members:
            raise _fail(path, "an anonymous group needs members")
        _ifi(group, path, allow_none=True)
        return
    if kind != "Agent":
        allowed = "'Agent' or 'Group'" if group_allowed else "'Agent'"
        raise _fail(f"{path}.objectType", f"must be {allowed}")
    _ifi(_object(value, path, {"objectType", "name", *_IFIS}), path, allow_none=False)


def _ifi(value: dict[str, Any], path: str, *, allow_none: bool) -> None:
    present = [key for key in _IFIS if key in value]
    if len(present) > 1 or (not present and not allow_none):
        raise _fail(path, "must have exactly one of mbox, mbox_sha1sum, openid, account")
    if "name" in value:
        _string(value["name"], f"{path}.name")
    if "mbox" in value and not _string(value["mbox"], f"{path}.mbox").startswith("mailto:"):
        raise _fail(f"{path}.mbox", "must be a mailto: IRI")
    if "mbox_sha1sum" in value and not SHA1.fullmatch(_string(value["mbox_sha1sum"], path)):
        raise _fail(f"{path}.mbox_sha1sum", "must be 40 hex digits")
    if "openid" in value:
        _iri(value["openid"], f"{path}.openid")
    if "account" in value:
        account = _object(value["account"], f"{path}.account", {"homePage", "name"},
                          ("homePage", "name"))
        _iri(account["homePage"], f"{path}.account.homePage")
        _string(account["name"], f"{path}.account.name")


def ifi_key(actor: dict[str, Any]) -> str | None:
    """The actor's inverse functional identifier as one comparable string."""
    if "account" in actor:
        account = actor["account"]
        return f"account:{account['homePage']}|{account['name']}"
    for key in ("mbox", "mbox_sha1sum", "openid"):
        if key in actor:
            return f"{key}:{actor[key]}"
    return None


def verb(value: Any, path: str) -> None:
    found = _object(value, path, {"id", "display"}, ("id",))
    _iri(found["id"], f"{path}.id")
    if "display" in found:
        _language_map(found["display"], f"{path}.display")


def activity(value: Any, path: str) -> None:
    found = _object(value, path, {"objectType", "id", "definition"}, ("id",))
    _iri(found["id"], f"{path}.id")
    if "definition" not in found:
        return
    definition = _object(found["definition"], f"{path}.definition",
                         {"name", "description", "type", "moreInfo", "extensions", *_INTERACTION})
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.definition.{key}")
    for key in ("type", "moreInfo"):
        if key in definition:
            _iri(definition[key], f"{path}.definition.{key}")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.definition.extensions")


def _statement_ref(value: Any, path: str) -> None:
    _uuid(_object(value, path, {"objectType", "id"}, ("objectType", "id"))["id"], f"{path}.id")


def statement_object(value: Any, path: str, *, in_substatement: bool = False) -> None:
    kind = value.get("objectType", "Activity") if isinstance(value, dict) else None
    if kind == "Activity":
        activity(value, path)
    elif kind in ("Agent", "Group"):
        agent(value, path)
    elif kind == "StatementRef":
        _statement_ref(value, path)
    elif kind == "SubStatement" and not in_substatement:
        found = _object(value, path, {"objectType", "actor", "verb", "object", "result",
                                      "context", "timestamp"}, ("actor", "verb", "object"))
        _core(found, path, in_substatement=True)
    else:
        raise _fail(f"{path}.objectType", "must be Activity, Agent, Group, StatementRef"
                    + ("" if in_substatement else " or SubStatement"))


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(path, "must be a number")
    return float(value)


def result(value: Any, path: str) -> None:
    found = _object(value, path, {"score", "success", "completion", "response", "duration",
                                  "extensions"})
    for key in ("success", "completion"):
        if key in found and not isinstance(found[key], bool):
            raise _fail(f"{path}.{key}", "must be true or false")
    if "response" in found:
        _string(found["response"], f"{path}.response")
    if "duration" in found and not DURATION.fullmatch(_string(found["duration"], path)):
        raise _fail(f"{path}.duration", "must be an ISO 8601 duration")
    if "extensions" in found:
        _extensions(found["extensions"], f"{path}.extensions")
    if "score" in found:
        _score(found["score"], f"{path}.score")


def _score(value: Any, path: str) -> None:
    score = {key: _number(number, f"{path}.{key}") for key, number in
             _object(value, path, {"scaled", "raw", "min", "max"}).items()}
    if not -1 <= score.get("scaled", 0) <= 1:
        raise _fail(f"{path}.scaled", "must be between -1 and 1")
    low, high = score.get("min", float("-inf")), score.get("max", float("inf"))
    if low >= high and "min" in score and "max" in score:
        raise _fail(path, "min must be less than max")
    if not low <= score.get("raw", low if low > float("-inf") else 0) <= high:
        raise _fail(f"{path}.raw", "must be between min and max")


def context(value: Any, path: str) -> None:
    found = _object(value, path, {"registration", "instructor", "team", "contextActivities",
                                  "revision", "platform", "language", "statement", "extensions"})
    if "registration" in found:
        _uuid(found["registration"], f"{path}.registration")
    if "instructor" in found:
        agent(found["instructor"], f"{path}.instructor")
    if "team" in found:
        if not isinstance(found["team"], dict) or found["team"].get("objectType") != "Group":
            raise _fail(f"{path}.team", "must be a Group")
        agent(found["team"], f"{path}.team")
    for key in ("revision", "platform"):
        if key in found:
            _string(found[key], f"{path}.{key}")
    if "language" in found and not LANGUAGE_TAG.fullmatch(_string(found["language"], path)):
        raise _fail(f"{path}.language", "must be a language tag")
    if "statement" in found:
        _statement_ref(found["statement"], f"{path}.statement")
    if "extensions" in found:
        _extensions(found["extensions"], f"{path}.extensions")
    if "contextActivities" in found:
        _context_activities(found["contextActivities"], f"{path}.contextActivities")


def _context_activities(value: Any, path: str) -> None:
    groups = _object(value, path, {"parent", "grouping", "category", "other"})
    for key, activities in groups.items():
        items = activities if isinstance(activities, list) else [activities]
        for index, item in enumerate(items):
            activity(item, f"{path}.{key}[{index}]")


def _core(found: dict[str, Any], path: str, *, in_substatement: bool) -> None:
    agent(found["actor"], f"{path}.actor")
    verb(found["verb"], f"{path}.verb")
    statement_object(found["object"], f"{path}.object", in_substatement=in_substatement)
    if "result" in found:
        result(found["result"], f"{path}.result")
    if "context" in found:
        context(found["context"], f"{path}.context")
    if "timestamp" in found:
        timestamp(found["timestamp"], f"{path}.timestamp")


def validate(statement: Any, path: str = "statement") -> None:
    """Raise :class:`StatementError` unless ``statement`` is a valid xAPI 1.0.3 statement."""
    found = _object(statement, path, TOP_LEVEL, ("actor", "verb", "object"))
    if "id" in found:
        _uuid(found["id"], f"{path}.id")
    if "attachments" in found:
        raise _fail(f"{path}.attachments", "attachments are not supported by this LRS")
    if "version" in found and not re.fullmatch(r"1\.0(\.\d+)?", _string(found["version"], path)):
        raise _fail(f"{path}.version", "must be 1.0.x")
    _core(found, path, in_substatement=False)
