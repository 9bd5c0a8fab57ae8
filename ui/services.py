"""Qt faces of ``sync/``: the download queue and background sync, as signals.

Both run their work through the :class:`~ui.tasks.TaskRunner`; callbacks from worker
threads are re-emitted as signals, which Qt queues to the GUI thread.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QObject, QTimer, Signal

from ui.errors import environment_message

if TYPE_CHECKING:
    from app.store import Store
    from sync.downloads import DownloadManager, Outcome
    from sync.engine import SyncSummary
    from ui.context import AppContext

log = logging.getLogger(__name__)
LAST_SYNC_KEY: Final = "ui.last_sync"
AUTO_SYNC_MS: Final = 5 * 60 * 1000


@dataclass(frozen=True)
class DownloadItem:
    """One course in the queue as the screens show it."""

    course_id: str
    title: str
    state: str  # queued, downloading, paused, failed
    done: int
    total: int
    rate: float = 0.0
    eta: float = 0.0
    error: str = ""


def _manager(store: "Store") -> "DownloadManager":
    from app import settings
    from app.errors import LibraryError
    from sync.client import Client
    from sync.downloads import DownloadManager

    url = str(settings.get(store.conn, "server.url"))
    if not url:
        raise LibraryError("No platform address is set; enter it in Settings.")
    return DownloadManager(store, Client(url))


def _read_queue(language: str) -> Callable[["Store", object], list[DownloadItem]]:
    def work(store: "Store", _cancel: object) -> list[DownloadItem]:
        from app.catalogue import titles
        from sync import download_queue

        entries = download_queue.entries(store.conn)
        known = titles(store.conn, [entry.course_id for entry in entries])
        names = {
            course_id: zh if language == "zh" and zh else en or zh
            for course_id, (zh, en) in known.items()
        }
        return [
            DownloadItem(
                entry.course_id, names.get(entry.course_id, entry.course_id),
                "failed" if entry.state == download_queue.NO_SPACE else entry.state,
                entry.bytes_done, entry.size, error=entry.error,
            )
            for entry in entries
        ]

    return work


class DownloadService(QObject):
    """The download queue.

    Signals:
        changed(): the queue changed (an item added, removed or in another state).
        progress(str, int, int, float, float): course id, bytes done, total, rate in
            bytes/s, seconds left.
        finished(str): a course was downloaded and installed.
    """

    changed = Signal()
    progress = Signal(str, int, int, float, float)
    finished = Signal(str)

    def __init__(self, context: "AppContext") -> None:
        super().__init__(context)
        self.context = context
        self._items: dict[str, DownloadItem] = {}
        self._running = 0
        self._recovered = False
        self.parallel = 2
        self.progress.connect(self._remember_progress)

    def items(self) -> list[DownloadItem]:
        return list(self._items.values())

    def item(self, course_id: str) -> DownloadItem | None:
        return self._items.get(course_id)

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the queue again; the first time (the app does it once its window shows,
        off the start-up path) after settling work a crash interrupted."""
        if not self._recovered:
            self._recovered = True
            self.context.tasks.db(recover_interrupted_work)  # the worker runs it first

        def done(items: list[DownloadItem]) -> None:
            self._items = {
                item.course_id: self._keep_rate(item) for item in items
            }
            self.changed.emit()
            if then is not None:
                then()

        self.context.tasks.db(_read_queue(self.context.content_language), done, self._failed)

    def _keep_rate(self, item: DownloadItem) -> DownloadItem:
        old = self._items.get(item.course_id)
        if old is None or item.state != "downloading":
            return item
        return DownloadItem(item.course_id, item.title, item.state, max(old.done, item.done),
                            item.total, old.rate, old.eta, item.error)

    def _remember_progress(self, course_id: str, done: int, total: int, rate: float,
                           eta: float) -> None:
        old = self._items.get(course_id)
        if old is not None:
            self._items[course_id] = DownloadItem(
                course_id, old.title, "downloading", done, total, rate, eta
            )

    def start(self, course_id: str) -> None:
        """Queue a course and start downloading when a worker is free."""
        self._queue_op(lambda manager: manager.enqueue(course_id))

    def pause(self, course_id: str) -> None:
        self._queue_op(lambda manager: manager.pause(course_id))

    def resume(self, course_id: str) -> None:
        self._queue_op(lambda manager: manager.resume(course_id))

    def retry(self, course_id: str) -> None:
        self._queue_op(lambda manager: manager.retry(course_id))

    def cancel(self, course_id: str) -> None:
        self._queue_op(lambda manager: manager.cancel(course_id))

    def _queue_op(self, operation: Callable[["DownloadManager"], Any]) -> None:
        def work(store: "Store", _cancel: object) -> None:
            operation(_manager(store))

        self.context.tasks.db(work, lambda _none: self.refresh(self.pump), self._failed)

    def pump(self) -> None:
        """Start workers for queued downloads, up to ``parallel`` at once."""
        waiting = sum(1 for item in self._items.values() if item.state == "queued")
        while self._running < min(self.parallel, waiting + self._running) and waiting:
            waiting -= 1
            self._running += 1
            self.context.tasks.net(self._run_next, self._ran, self._run_failed)

    def _run_next(self, store: "Store", cancel: object) -> "Outcome | None":
        def report(course_id: str, done: int, total: int, rate: float, eta: float | None) -> None:
            self.progress.emit(course_id, done, total, rate, eta or 0.0)

        return _manager(store).run_next(report, cancel)  # type: ignore[arg-type]

    def _ran(self, outcome: "Outcome | None") -> None:
        self._running -= 1
        if outcome is not None and outcome.state == "done":
            self._items.pop(outcome.course_id, None)  # a finished download leaves the queue
            self.finished.emit(outcome.course_id)
            self.context.library_changed.emit()
        self.refresh(self.pump if outcome is not None else None)

    def _run_failed(self, error: Exception) -> None:
        self._running -= 1
        self._failed(error)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        log.warning("download: %s", error)
        self.context.tasks.report(error)


@dataclass(frozen=True)
class SyncState:
    online: bool = False
    waiting: int = 0
    last_sync: str = ""
    running: bool = False
    error: str = ""
    update_required: str = ""  # the platform's message when this app is too old to sync


class SyncService(QObject):
    """Sign-in and sync with the platform, in the background; never opens a dialog.

    Signals:
        state_changed(): :attr:`state` changed (online, records waiting, last sync, running).
        synced(object): a sync finished; its summary from ``sync.engine``.
    """

    state_changed = Signal()
    synced = Signal(object)

    def __init__(self, context: "AppContext") -> None:
        super().__init__(context)
        self.context = context
        self.state = SyncState()
        self._timer = QTimer(self)
        self._timer.setInterval(AUTO_SYNC_MS)
        self._timer.timeout.connect(self.sync_now)
        context.profile_changed.connect(lambda _profile: self.refresh_state())

    def start(self) -> None:
        """Begin syncing in the background every few minutes (and once now)."""
        self._timer.start()
        self.sync_now()

    def _set(self, **changes: Any) -> None:
        self.state = SyncState(**{**self.state.__dict__, **changes})
        self.state_changed.emit()

    def refresh_state(self) -> None:
        profile = self.context.profile

        def work(store: "Store", _cancel: object) -> tuple[int, str]:
            from app.progress import waiting_count

            waiting = waiting_count(store.conn, profile.id if profile else None)
            return waiting, store.get_state(LAST_SYNC_KEY)

        self.context.tasks.db(work, lambda result: self._set(waiting=result[0],
                                                             last_sync=result[1]))

    def sync_now(self) -> None:
        if self.state.running:
            return
        self._set(running=True)
        self.context.tasks.net(_sync_all, self._synced, self._sync_failed)

    def _synced(self, result: tuple["SyncSummary", str]) -> None:
        summary, last_sync = result
        failed = [step for step in summary.steps if not step.ok]
        online = summary.update_required or (bool(summary.steps) and summary.steps[0].ok)
        self._set(running=False, online=online, last_sync=last_sync,
                  error="" if summary.update_required or not failed else failed[0].line(),
                  update_required=(summary.message or "-") if summary.update_required else "")
        self.synced.emit(summary)
        self.context.library_changed.emit()
        self.refresh_state()

    def _sync_failed(self, error: Exception) -> None:
        log.info("sync failed: %s", error)
        offline = type(error).__name__ in ("OfflineError", "ConnectionError", "Timeout")
        self._set(running=False, online=not offline,
                  error="" if offline else environment_message(error).splitlines()[0])
        self.refresh_state()

    def sign_in(
        self, server: str, username: str, password: str,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Sign in and link the current profile to the account, then sync."""
        name = self.context.profile.name if self.context.profile else ""

        def work(store: "Store", _cancel: object) -> Any:
            from sync.accounts import sign_in

            return sign_in(store, server, username, password, profile_name=name)

        def done(profile: Any) -> None:
            self.context.set_profile(profile)
            self.sync_now()

        self.context.tasks.net(work, done, on_error)

    def sign_out(self) -> None:
        profile = self.context.profile
        if profile is None:
            return

        def work(store: "Store", _cancel: object) -> Any:
            from app import profiles

            with store.transaction() as conn:
                profiles.link_account(conn, profile.id, profiles.local_actor(conn, profile.id), {})
            return profiles.get(store.conn, profile.id)

        self.context.tasks.db(work, self.context.set_profile)


def _sync_all(store: "Store", cancel: threading.Event) -> tuple["SyncSummary", str]:
    """Catalogue, then every signed-in profile's records out and in; stamps a success.

    Returns the summary and the time of the last successful sync."""
    from sync.engine import sync_all

    summary = sync_all(store, cancelled=cancel.is_set)
    if summary.steps and summary.steps[0].ok:
        store.set_state(LAST_SYNC_KEY, datetime.now(UTC).isoformat(timespec="seconds"))
    return summary, store.get_state(LAST_SYNC_KEY)


def recover_interrupted_work(store: "Store", _cancel: object) -> None:
    """Check the database (a damaged one is kept aside and reported: DamagedDatabaseError),
    then settle what a crash or power cut interrupted: half-imported course folders, and
    downloads left "downloading" (queued again, they resume from their partial file)."""
    from app.package_extract import ImportCancelled
    from app.package_lock import content_lock
    from app.packages import recover_interrupted_imports
    from app.store import check_integrity
    from sync.download_queue import recover_interrupted

    check_integrity(store.paths.database)  # here, off the GUI thread, not before first paint
    store.paths.ensure()  # a first start has no content folder yet
    try:
        # Another process importing right now holds the lock: its work is not interrupted,
        # and the database worker must not wait for it.
        with content_lock(store.paths.root, lambda: True):
            recover_interrupted_imports(store, locked=True)
    except ImportCancelled:
        log.info("another process is importing; start-up recovery of content skipped")
    recover_interrupted(store)


def attach_services(context: "AppContext") -> None:
    """Give ``context`` its download and sync services, wired to each other."""
    downloads = DownloadService(context)
    sync = SyncService(context)
    sync.synced.connect(lambda _summary: downloads.refresh(downloads.pump))
    context.downloads = downloads
    context.sync = sync
