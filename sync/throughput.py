"""Bandwidth: a token bucket to cap a shared link, and a meter for rate and time left."""

import time
from collections.abc import Callable


class TokenBucket:
    """Lets ``rate`` bytes per second through on average, in bursts of at most ``burst``."""

    def __init__(
        self,
        rate: float,
        *,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate = rate
        self.burst = burst if burst is not None else max(rate / 4, 16 * 1024)
        self._clock, self._sleep = clock, sleep
        self._tokens = self.burst
        self._last = clock()

    def consume(self, amount: int) -> None:
        """Take ``amount`` tokens, sleeping until they have accrued (debt is allowed so that
        a chunk larger than the burst still passes, paid for by the wait)."""
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        self._tokens -= amount
        if self._tokens < 0:
            self._sleep(-self._tokens / self.rate)


class RateMeter:
    """Bytes per second over a sliding window of a few seconds, and the time left."""

    def __init__(self, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._samples: list[tuple[float, int]] = []

    def add(self, bytes_done: int) -> None:
        now = self._clock()
        self._samples.append((now, bytes_done))
        while len(self._samples) > 2 and now - self._samples[1][0] > self.window_s:
            self._samples.pop(0)

    def rate(self) -> float:
        if len(self._samples) < 2:
            return 0.0
        (start, first), (end, last) = self._samples[0], self._samples[-1]
        return (last - first) / (end - start) if end > start else 0.0

    def eta(self, bytes_done: int, total: int) -> float | None:
        """Seconds left at the current rate; None while the rate is unknown."""
        rate = self.rate()
        return (total - bytes_done) / rate if rate > 0 else None
