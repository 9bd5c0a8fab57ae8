"""xAPI 1.0.3 statement validation: what the LRS must reject, with where and why.

Every statement of every batch passes through here, so the checks are straight-line code
on precompiled patterns: a valid statement costs a few microseconds.
"""

import re
from datetime import datetime
from typing import Any, Final

IRI: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
DURATION: Final = re.compile(
    r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"
)
SHA1: Final = re.compile(r"[0-9a-fA-F]{40}")
# The hyphenated form with the RFC 4122 variant (10xx in the clock sequence's top bits).
UUID: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[89abAB][0-9a-fA-F]{3}"
                         r"-[0-9a-fA-F]{12}")
VERSION: Final = re.compile(r"1\.0(\.\d+)?")
TOP_LEVEL: Final = frozenset({"id", "actor", "verb", "object", "result", "context", "timestamp",
                              "stored", "authority", "version", "attachments"})
_IFIS: Final = ("mbox", "mbox_sha1sum", "openid", "account")
_AGENT: Final = frozenset({"objectType", "name", *_IFIS})
_GROUP: Final = _AGENT | {"member"}
_ACCOUNT: Final = frozenset({"homePage", "name"})
_VERB: Final = frozenset({"id", "display"})
_ACTIVITY: Final = frozenset({"objectType", "id", "definition"})
_DEFINITION: Final = frozenset({"name", "description", "type", "moreInfo", "extensions",
                                "interactionType", "correctResponsesPattern", "choices",
                                "scale", "source", "target", "steps"})
_STATEMENT_REF: Final = frozenset({"objectType", "id"})
_SUBSTATEMENT: Final = frozenset({"objectType", "actor", "verb", "object", "result", "context",
                                  "timestamp"})
_RESULT: Final = frozenset({"score", "success", "completion", "response", "duration",
                            "extensions"})
_SCORE: Final = frozenset({"scaled", "raw", "min", "max"})
_CONTEXT: Final = frozenset({"registration", "instructor", "team", "contextActivities",
                             "revision", "platform", "language", "statement", "extensions"})
_CONTEXT_ACTIVITIES: Final = frozenset({"parent", "grouping", "category", "other"})
_CORE: Final = ("actor", "verb", "object")


class StatementError(ValueError):
    """A statement the LRS must reject; the message says which property and why."""


def _fail(path: str, why: str) -> StatementError:
    return StatementError(f"{path}: {why}")


def _object(
    value: Any, path: str, allowed: frozenset[str], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be a JSON object")
    if not allowed.issuperset(value):
        raise _fail(path, f"unknown properties {sorted(set(value) - allowed)}")
    for key in required:
        if key not in value:
            raise _fail(path, f"'{key}' is required")
    return value


def _string(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, "must be a string")
    return value


def _iri(value: Any, path: str) -> None:
    if not isinstance(value, str) or not IRI.fullmatch(value):
        raise _fail(path, "must be an absolute IRI")


def _uuid(value: Any, path: str) -> None:
    if not isinstance(value, str) or not UUID.fullmatch(value):
        raise _fail(path, "must be an RFC 4122 UUID in its hyphenated form")


def _language_map(value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise _fail(path, "must be a JSON object")
    for tag, text in value.items():
        if not isinstance(text, str) or not LANGUAGE_TAG.fullmatch(tag):
            raise _fail(f"{path}.{tag}", "a language map holds language tags and strings")


def _extensions(value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise _fail(path, "must be a JSON object")
    for key in value:
        if not IRI.fullmatch(key):
            raise _fail(f"{path} key", "must be an absolute IRI")


def timestamp(value: Any, path: str) -> datetime:
    """An ISO 8601 date-time with a time zone."""
    text = _string(value, path)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise _fail(path, "must be an ISO 8601 date-time") from None
    if moment.tzinfo is None or "T" not in text.upper():
        raise _fail(path, "must be an ISO 8601 date-time with a time zone")
    return moment


def agent(value: Any, path: str, *, group_allowed: bool = True) -> None:
    """An Agent, or a Group (identified: one IFI; anonymous: members and no IFI)."""
    kind = value.get("objectType", "Agent") if isinstance(value, dict) else None
    if kind == "Agent":
        _ifi(_object(value, path, _AGENT), path, allow_none=False)
    elif kind == "Group" and group_allowed:
        _group(_object(value, path, _GROUP), path)
    else:
        allowed = "'Agent' or 'Group'" if group_allowed else "'Agent'"
        raise _fail(f"{path}.objectType", f"must be {allowed}")


def _group(group: dict[str, Any], path: str) -> None:
    members = group.get("member", [])
    if not isinstance(members, list):
        raise _fail(f"{path}.member", "must be an array of agents")
    for index, member in enumerate(members):
        agent(member, f"{path}.member[{index}]", group_allowed=False)
    if not members and not any(key in group for key in _IFIS):
        raise _fail(path, "an anonymous group needs members")
    _ifi(group, path, allow_none=True)


def _ifi(value: dict[str, Any], path: str, *, allow_none: bool) -> None:
    present = (("mbox" in value) + ("mbox_sha1sum" in value) + ("openid" in value)
               + ("account" in value))
    if present > 1 or (not present and not allow_none):
        raise _fail(path, "must have exactly one of mbox, mbox_sha1sum, openid, account")
    if "name" in value:
        _string(value["name"], f"{path}.name")
    if "account" in value:
        account = _object(value["account"], f"{path}.account", _ACCOUNT, ("homePage", "name"))
        _iri(account["homePage"], f"{path}.account.homePage")
        _string(account["name"], f"{path}.account.name")
    elif "mbox" in value:
        if not _string(value["mbox"], f"{path}.mbox").startswith("mailto:"):
            raise _fail(f"{path}.mbox", "must be a mailto: IRI")
    elif "mbox_sha1sum" in value:
        if not SHA1.fullmatch(_string(value["mbox_sha1sum"], f"{path}.mbox_sha1sum")):
            raise _fail(f"{path}.mbox_sha1sum", "must be 40 hex digits")
    elif "openid" in value:
        _iri(value["openid"], f"{path}.openid")


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
    found = _object(value, path, _VERB, ("id",))
    _iri(found["id"], f"{path}.id")
    if "display" in found:
        _language_map(found["display"], f"{path}.display")


def activity(value: Any, path: str) -> None:
    found = _object(value, path, _ACTIVITY, ("id",))
    _iri(found["id"], f"{path}.id")
    if "definition" in found:
        _definition(found["definition"], f"{path}.definition")


def _definition(value: Any, path: str) -> None:
    definition = _object(value, path, _DEFINITION)
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.{key}")
    for key in ("type", "moreInfo"):
        if key in definition:
            _iri(definition[key], f"{path}.{key}")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.extensions")


def _statement_ref(value: Any, path: str) -> None:
    _uuid(_object(value, path, _STATEMENT_REF, ("objectType", "id"))["id"], f"{path}.id")


def statement_object(value: Any, path: str, *, in_substatement: bool = False) -> None:
    kind = value.get("objectType", "Activity") if isinstance(value, dict) else None
    if kind == "Activity":
        activity(value, path)
    elif kind in ("Agent", "Group"):
        agent(value, path)
    elif kind == "StatementRef":
        _statement_ref(value, path)
    elif kind == "SubStatement" and not in_substatement:
        _core(_object(value, path, _SUBSTATEMENT, _CORE), path, in_substatement=True)
    else:
        raise _fail(f"{path}.objectType", "must be Activity, Agent, Group, StatementRef"
                    + ("" if in_substatement else " or SubStatement"))


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(path, "must be a number")
    return float(value)


def result(value: Any, path: str) -> None:
    found = _object(value, path, _RESULT)
    for key in ("success", "completion"):
        if key in found and type(found[key]) is not bool:
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
             _object(value, path, _SCORE).items()}
    if not -1 <= score.get("scaled", 0) <= 1:
        raise _fail(f"{path}.scaled", "must be between -1 and 1")
    low, high = score.get("min", float("-inf")), score.get("max", float("inf"))
    if low >= high and "min" in score and "max" in score:
        raise _fail(path, "min must be less than max")
    if not low <= score.get("raw", low if low > float("-inf") else 0) <= high:
        raise _fail(f"{path}.raw", "must be between min and max")


def context(value: Any, path: str) -> None:
    found = _object(value, path, _CONTEXT)
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
    for key, activities in _object(value, path, _CONTEXT_ACTIVITIES).items():
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
    found = _object(statement, path, TOP_LEVEL, _CORE)
    if "id" in found:
        _uuid(found["id"], f"{path}.id")
    if "attachments" in found:
        raise _fail(f"{path}.attachments", "attachments are not supported by this LRS")
    if "version" in found and not VERSION.fullmatch(_string(found["version"], path)):
        raise _fail(f"{path}.version", "must be 1.0.x")
    _core(found, path, in_substatement=False)
