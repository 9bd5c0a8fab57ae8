"""Pulling a learner's statements from the LRS and merging them into local progress.

The cursor is the newest ``stored`` time seen; each pull starts an overlap window before
it, because an LRS may make a statement visible after later-stored ones. Duplicates are
harmless: merging is idempotent and keyed by statement id.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from app.progress import merge_remote
from app.statements import normalise_timestamp
from app.store import Store
from sync.lrs import Lrs

OVERLAP: Final = timedelta(minutes=5)


@dataclass(frozen=True)
class PullResult:
    received: int
    merged: int
    skipped: int


def cursor_key(profile_id: int) -> str:
    return f"pull.stored.{profile_id}"


def _usable(statement: dict[str, Any]) -> bool:
    """Has what merging reads: an id, a verb id, an object id and a valid timestamp."""
    try:
        normalise_timestamp(statement["timestamp"])
        return all(
            isinstance(value, str)
            for value in (statement["id"], statement["verb"]["id"], statement["object"]["id"])
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _stored_time(statement: dict[str, Any]) -> str:
    """The LRS's ``stored`` time, normalised so times compare as strings; "" if unusable."""
    try:
        return normalise_timestamp(statement["stored"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return ""


def _since(stored: str, overlap: timedelta) -> str:
    if not stored:
        return ""
    moment = datetime.fromisoformat(stored.replace("Z", "+00:00")) - overlap
    return normalise_timestamp(moment.isoformat())


def pull_profile(
    store: Store, profile_id: int, actor: dict[str, Any], lrs: Lrs, *, overlap: timedelta = OVERLAP
) -> PullResult:
    """Fetch the actor's statements since the last pull (minus ``overlap``) and merge them."""
    key = cursor_key(profile_id)
    newest = store.get_state(key)
    received = merged = skipped = 0
    for page in lrs.query(actor, _since(newest, overlap)):
        usable = [s for s in page if _usable(s)]
        received += len(page)
        skipped += len(page) - len(usable)
        merged += merge_remote(store, profile_id, usable)
        stored = max((_stored_time(s) for s in usable), default="")
        if stored > newest:
            newest = stored
            with store.transaction():
                store.set_state(key, newest)
    return PullResult(received, merged, skipped)
