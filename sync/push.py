"""Pushing the outbox: batches to the LRS, refused statements found by halving and quarantined.

A statement leaves the outbox only after the LRS accepted it. Sending the same ids again
after a lost answer is harmless: the LRS accepts a known id with the same content.
"""

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app import outbox
from app.outbox import Pending
from app.statements import normalise_timestamp
from app.store import Store
from sync.errors import AuthError, ServerError, SyncError
from sync.lrs import Lrs

BATCH_SIZE: Final = 250
# Statuses that name a problem with some statements of the batch, not with the link.
_SPLIT: Final = (400, 409, 413)
_IGNORED_IN_COMPARISON: Final = ("stored", "authority", "version")


@dataclass(frozen=True)
class PushResult:
    """What one push did; ``error`` says why it stopped early (the rest stays queued)."""

    sent: int
    quarantined: int
    error: str = ""
    needs_sign_in: bool = False


class _Pusher:
    def __init__(
        self, store: Store, lrs: Lrs, max_wait_s: float, sleep: Callable[[float], None]
    ) -> None:
        self.store = store
        self.lrs = lrs
        self.wait_budget = max_wait_s
        self.sleep = sleep
        self.sent = 0
        self.quarantined = 0

    def deliver(self, batch: Sequence[Pending]) -> None:
        """Send ``batch``; on a refusal that names statements, halve until each is settled."""
        try:
            self._post(batch)
        except ServerError as error:
            if error.status not in _SPLIT:
                raise
            if len(batch) > 1:
                middle = len(batch) // 2
                self.deliver(batch[:middle])
                self.deliver(batch[middle:])
            else:
                self._settle_refused(batch[0], error)
            return
        with self.store.transaction() as conn:
            outbox.mark_sent(conn, (item.id for item in batch))
        self.sent += len(batch)

    def _post(self, batch: Sequence[Pending]) -> None:
        """Post, waiting out a 429/503 while the server's ``Retry-After`` fits the budget."""
        while True:
            try:
                self.lrs.post([item.json for item in batch])
                return
            except ServerError as error:
                wait = error.retry_after
                busy = error.status in (429, 503) and wait is not None
                if not busy or wait is None or wait > self.wait_budget:
                    raise
                self.wait_budget -= wait
                self.sleep(wait)

    def _settle_refused(self, item: Pending, error: ServerError) -> None:
        if error.status == 409:
            stored = self.lrs.get(item.id)
            if stored is not None and same_statement(json.loads(item.json), stored):
                with self.store.transaction() as conn:
                    outbox.mark_sent(conn, [item.id])
                self.sent += 1
                return
            reason = "conflict: the platform holds another statement with this id"
        else:
            reason = f"refused ({error.status}): {error}"
        with self.store.transaction() as conn:
            outbox.quarantine(conn, item.id, reason)
        self.quarantined += 1


def same_statement(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Equal apart from what the LRS adds (stored, authority, version) and timestamp format."""

    def comparable(statement: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in statement.items() if k not in _IGNORED_IN_COMPARISON}
        if isinstance(kept.get("timestamp"), str):
            kept["timestamp"] = normalise_timestamp(kept["timestamp"])
        return kept

    return comparable(ours) == comparable(theirs)


def push_profile(
    store: Store,
    profile_id: int,
    lrs: Lrs,
    *,
    batch_size: int = BATCH_SIZE,
    max_wait_s: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
    cancelled: Callable[[], bool] = lambda: False,
) -> PushResult:
    """Push the profile's outbox until it is empty, or until a 401 (sign in again), a
    server busy beyond ``max_wait_s``, a failing server or a dropped link stops it."""
    pusher = _Pusher(store, lrs, max_wait_s, sleep)
    try:
        while not cancelled():
            batch = outbox.pending_batch(store.conn, profile_id, batch_size)
            if not batch:
                break
            pusher.deliver(batch)
    except SyncError as error:
        return PushResult(
            pusher.sent, pusher.quarantined, str(error), isinstance(error, AuthError)
        )
    return PushResult(pusher.sent, pusher.quarantined)
