"""Is the platform reachable? A health probe with exponential backoff and full jitter.

The UI polls :attr:`Connectivity.online` and :meth:`Connectivity.due`, and runs
:meth:`Connectivity.probe_now` on a worker thread when due or when the user asks.
"""

import random
import threading
import time
from collections.abc import Callable
from typing import Any, Final

from app.store import Store
from sync import api
from sync.client import Client
from sync.errors import ServerError, SyncError

SKEW_KEY: Final = "clock.skew_s"


class Connectivity:
    """Probe state: failures back off as ``uniform(0, min(cap, base * 2**failures))``,
    never sooner than a ``Retry-After``; a success resets the backoff."""

    def __init__(
        self,
        probe: Callable[[], api.Health],
        *,
        base_s: float = 2.0,
        cap_s: float = 600.0,
        online_interval_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self._probe = probe
        self.base_s, self.cap_s, self.online_interval_s = base_s, cap_s, online_interval_s
        self._clock, self._wall_clock, self._rand = clock, wall_clock, rand
        self._lock = threading.Lock()
        self.online: bool | None = None
        self.failures = 0
        self.next_probe_at = clock()
        self.last_error = ""
        self.clock_skew_s: float | None = None
        # The platform answered but will not sync with this app: ``update_message`` says why.
        self.update_required = False
        self.update_message = ""

    @classmethod
    def for_client(cls, client: Client, **options: Any) -> "Connectivity":
        return cls(lambda: api.health(client), **options)

    def due(self) -> bool:
        return self._clock() >= self.next_probe_at

    def probe_now(self) -> bool:
        """Probe the health endpoint now; returns whether the platform answered."""
        sent = self._wall_clock()
        try:
            health = self._probe()
        except SyncError as error:
            wait = error.retry_after if isinstance(error, ServerError) else None
            self._failed(str(error), wait)
            return False
        received = self._wall_clock()
        with self._lock:
            self.online, self.failures, self.last_error = True, 0, ""
            self.update_required, self.update_message = health.update_required, health.message
            self.next_probe_at = self._clock() + self.online_interval_s
            if health.server_time is not None:
                # Measured against the middle of the round trip; recorded, never refused.
                self.clock_skew_s = health.server_time - (sent + received) / 2
        return True

    def _failed(self, reason: str, retry_after: float | None) -> None:
        with self._lock:
            self.online = False
            self.failures += 1
            ceiling = min(self.cap_s, self.base_s * 2**self.failures)
            delay = self._rand() * ceiling
            if retry_after is not None:
                delay = max(delay, min(retry_after, self.cap_s))
            self.next_probe_at = self._clock() + delay
            self.last_error = reason


def record_clock_skew(store: Store, skew_s: float | None) -> None:
    """Keep the measured skew (server minus local clock) for ``lifelong status``."""
    if skew_s is not None:
        with store.transaction():
            store.set_state(SKEW_KEY, f"{skew_s:.3f}")


def platform_now(store: Store) -> float:
    """The platform's time (POSIX seconds): this PC's clock corrected by the last measured
    skew, so a PC clock set weeks ahead does not make valid sign-ins look expired."""
    skew = store.get_state(SKEW_KEY)
    try:
        return time.time() + (float(skew) if skew else 0.0)
    except ValueError:
        return time.time()
