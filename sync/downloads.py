"""The download manager: queue, parallel workers' entry points, retries, space, import.

No global state: each worker thread builds a :class:`DownloadManager` on its own
:class:`Store` and calls :meth:`DownloadManager.run_next` or
:meth:`DownloadManager.download`. Pause and cancel are written to the queue table, so they
work from any thread or process; the running transfer notices within half a second.
"""

import random
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app import settings
from app.catalogue import get_course
from app.errors import PackageError
from app.packages import import_package, installed_version
from app.store import Store
from sync import download_queue as queue
from sync.client import Client
from sync.download_queue import Entry
from sync.errors import CancelledError, NotEnoughSpaceError, ServerError, SyncError
from sync.throughput import RateMeter, TokenBucket
from sync.transfer import Hooks, Target, fetch

MB: Final = 1024 * 1024
DONE: Final = "done"
CANCELLED: Final = "cancelled"
STOPPED: Final = "stopped"

Progress = Callable[[str, int, int, float, float | None], None]
"""``(course_id, bytes_done, total, rate_bps, eta_s)``"""
Cancel = threading.Event | Callable[[], bool]


@dataclass(frozen=True)
class Outcome:
    """How a download call ended: ``done``, ``paused``, ``failed``, ``no_space``,
    ``cancelled`` (removed from the queue) or ``stopped`` (still queued, e.g. shut-down)."""

    course_id: str
    state: str
    error: str = ""


class DownloadManager:
    """Downloads of one installation, driven from the calling thread."""

    def __init__(
        self,
        store: Store,
        client: Client,
        *,
        max_attempts: int = 5,
        backoff_base_s: float = 1.0,
        backoff_cap_s: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
        free_space: Callable[[Path], int] = lambda path: shutil.disk_usage(path).free,
    ) -> None:
        self.store = store
        self.client = client
        self.max_attempts = max_attempts
        self.backoff_base_s, self.backoff_cap_s = backoff_base_s, backoff_cap_s
        self._sleep, self._rand, self._free_space = sleep, rand, free_space

    # Queue operations (any thread, each with its own store).
    def enqueue(self, course_id: str) -> Entry:
        return queue.enqueue(self.store, course_id)

    def pause(self, course_id: str) -> None:
        with self.store.transaction() as conn:
            queue.set_state(conn, course_id, queue.PAUSED)

    def resume(self, course_id: str) -> None:
        with self.store.transaction() as conn:
            queue.set_state(conn, course_id, queue.QUEUED)

    def retry(self, course_id: str) -> None:
        with self.store.transaction() as conn:
            queue.set_state(conn, course_id, queue.QUEUED, attempts=0)

    def cancel(self, course_id: str) -> None:
        queue.remove(self.store, course_id)

    def entries(self) -> list[Entry]:
        return queue.entries(self.store.conn)

    # Running downloads.
    def run_next(
        self, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> Outcome | None:
        """Download the first queued course, unless ``download.parallel`` already run."""
        parallel = int(settings.get(self.store.conn, "download.parallel"))
        entry = queue.claim_next(self.store, max(parallel, 1))
        return None if entry is None else self._run(entry, progress, cancel)

    def download(
        self, course_id: str, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> Outcome:
        """Download one course now, queueing it first if needed; ``done`` at once when the
        catalogue's version is already installed."""
        if queue.get(self.store.conn, course_id) is None:
            installed = installed_version(self.store, course_id)
            latest = get_course(self.store.conn, course_id).version
            if installed is not None and installed >= latest:
                return Outcome(course_id, DONE, "already installed")
            self.enqueue(course_id)
        entry = queue.claim(self.store, course_id)
        assert entry is not None
        return self._run(entry, progress, cancel)

    def _run(self, entry: Entry, progress: Progress | None, cancel: Cancel | None) -> Outcome:
        stop = _StopCheck(self.store, entry.course_id, cancel)
        attempts = entry.attempts
        while True:
            # Read again each attempt: the last one may have saved the ETag of a part file.
            current = queue.get(self.store.conn, entry.course_id)
            if current is None:
                return Outcome(entry.course_id, CANCELLED)
            entry = current
            try:
                self._check_space(entry)
                return self._fetch_and_import(entry, progress, stop)
            except CancelledError:
                return self._stopped(entry, stop.reason)
            except NotEnoughSpaceError as error:
                return self._settle(entry, queue.NO_SPACE, str(error))
            except PackageError as error:
                return self._settle(entry, queue.FAILED, f"The package was rejected: {error}")
            except SyncError as error:
                attempts += 1
                if not _transient(error) or attempts >= self.max_attempts:
                    return self._settle(entry, queue.FAILED, str(error), attempts)
                with self.store.transaction() as conn:
                    queue.set_state(conn, entry.course_id, queue.DOWNLOADING, error=str(error),
                                    attempts=attempts)
                delay = self._rand() * min(self.backoff_cap_s, self.backoff_base_s * 2**attempts)
                if isinstance(error, ServerError) and error.retry_after is not None:
                    delay = max(delay, min(error.retry_after, self.backoff_cap_s))
                if not stop.wait(delay, self._sleep):
                    return self._stopped(entry, stop.reason)

    def _fetch_and_import(
        self, entry: Entry, progress: Progress | None, stop: "_StopCheck"
    ) -> Outcome:
        part = queue.part_path(self.store.paths, entry)
        reporter = _Reporter(self.store, entry, progress)
        kbps = int(settings.get(self.store.conn, "download.bandwidth_kbps"))
        bucket = TokenBucket(kbps * 1024) if kbps > 0 else None
        target = Target(entry.url, entry.size, entry.sha256, part)
        fetch(self.client, target, entry.etag,
              Hooks(reporter.on_etag, reporter.on_bytes, stop.check, bucket))
        reporter.finished()
        # Imported straight from the verified part: a crash during the import leaves a
        # complete part that the next attempt verifies and imports again.
        import_package(self.store, part, expected_sha256=entry.sha256,
                       expected_course=entry.course_id)
        queue.remove(self.store, entry.course_id)
        return Outcome(entry.course_id, DONE)

    def _check_space(self, entry: Entry) -> None:
        """Room for the rest of the package, its extracted files, and the reserve."""
        part = queue.part_path(self.store.paths, entry)
        have = part.stat().st_size if part.exists() else 0
        reserve = int(settings.get(self.store.conn, "download.reserve_mb")) * MB
        needed = (entry.size - have) + entry.size + reserve
        free = self._free_space(self.store.paths.downloads)
        if free < needed:
            raise NotEnoughSpaceError(
                f"Not enough space: {needed // MB} MB needed (with a reserve of "
                f"{reserve // MB} MB), {free // MB} MB free."
            )

    def _settle(self, entry: Entry, state: str, error: str, attempts: int | None = None) -> Outcome:
        with self.store.transaction() as conn:
            queue.set_state(conn, entry.course_id, state, error=error, attempts=attempts)
        if state == queue.FAILED:
            queue.part_path(self.store.paths, entry).unlink(missing_ok=True)
        return Outcome(entry.course_id, state, error)

    def _stopped(self, entry: Entry, reason: str) -> Outcome:
        if reason == CANCELLED:
            queue.remove(self.store, entry.course_id)
            return Outcome(entry.course_id, CANCELLED)
        if reason == STOPPED:
            with self.store.transaction() as conn:
                queue.set_state(conn, entry.course_id, queue.QUEUED)
        return Outcome(entry.course_id, reason)


def _transient(error: SyncError) -> bool:
    """Worth another attempt: the link, a busy or failing server, a corrupted transfer."""
    if isinstance(error, ServerError):
        return error.transient
    return True


class _StopCheck:
    """Raises :class:`CancelledError` when the caller stops us or the queue row says so
    (paused or removed); the row is read at most every half second."""

    def __init__(self, store: Store, course_id: str, cancel: Cancel | None) -> None:
        self.store, self.course_id, self.cancel = store, course_id, cancel
        self.reason = ""
        self._next_read = 0.0

    def _cancelled(self) -> bool:
        if self.cancel is None:
            return False
        return self.cancel.is_set() if isinstance(self.cancel, threading.Event) else self.cancel()

    def check(self) -> None:
        if self._cancelled():
            self.reason = STOPPED
        elif time.monotonic() >= self._next_read:
            self._next_read = time.monotonic() + 0.5
            entry = queue.get(self.store.conn, self.course_id)
            if entry is None:
                self.reason = CANCELLED
            elif entry.state == queue.PAUSED:
                self.reason = queue.PAUSED
        if self.reason:
            raise CancelledError(f"Download of {self.course_id} {self.reason}.")

    def wait(self, delay: float, sleep: Callable[[float], None]) -> bool:
        """Sleep ``delay`` in short steps; False if stopped meanwhile."""
        left = delay
        while True:
            try:
                self.check()
            except CancelledError:
                return False
            if left <= 0:
                return True
            step = min(left, 0.25)
            sleep(step)
            left -= step


class _Reporter:
    """Saves the ETag at once and the byte count every half second (so a restart shows
    where it was), and calls the progress callback at the same pace."""

    def __init__(self, store: Store, entry: Entry, progress: Progress | None) -> None:
        self.store, self.entry, self.progress = store, entry, progress
        self.etag = entry.etag
        self.meter = RateMeter()
        self._next_report = 0.0

    def on_etag(self, etag: str) -> None:
        self.etag = etag
        with self.store.transaction() as conn:
            queue.save_progress(conn, self.entry.course_id, self.entry.bytes_done, etag)

    def on_bytes(self, done: int) -> None:
        self.meter.add(done)
        now = time.monotonic()
        if now < self._next_report:
            return
        self._next_report = now + 0.5
        with self.store.transaction() as conn:
            queue.save_progress(conn, self.entry.course_id, done, self.etag)
        self._report(done, self.meter.eta(done, self.entry.size))

    def finished(self) -> None:
        self._report(self.entry.size, 0.0)

    def _report(self, done: int, eta: float | None) -> None:
        if self.progress is not None:
            self.progress(self.entry.course_id, done, self.entry.size, self.meter.rate(), eta)
