"""The one way to run work off the GUI thread.

``db`` work runs on a single worker (SQLite writes are serialised anyway); ``net`` work
runs on a small pool. Every worker thread opens its own :class:`~app.store.Store`. Work
functions get that store and a cancel event, never widgets; their result or error comes
back on the GUI thread through a queued signal.

Signals:
    failed(str): an environment error (``LibraryError`` or ``OSError``) of a task that had no
        error callback, worded for the learner in the interface language (a translated
        headline, then the error's own detail).
"""

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import LibraryError
from app.paths import DataPaths
from ui.errors import environment_message

if TYPE_CHECKING:  # app.store pulls in sqlite_utils: import it off the start-up path
    from app.store import Store

T = TypeVar("T")
Work = Callable[["Store", threading.Event], T]
log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued emits from workers run the callback there."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


class _Job(QRunnable):
    def __init__(self, runner: "TaskRunner", body: Callable[[], None]) -> None:
        super().__init__()
        self._runner = runner
        self._body = body

    def run(self) -> None:
        self._body()


class TaskRunner(QObject):
    failed = Signal(str)

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.cancelled = threading.Event()
        self._relay = _Relay()
        self._local = threading.local()
        self._stores: list[Store] = []
        self._stores_lock = threading.Lock()
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(4)
        self._net_pool.setExpiryTimeout(-1)

    def db(
        self,
        work: Work[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work(store, cancel)`` on the database worker."""
        self._submit(self._db_pool, work, on_done, on_error)

    def net(
        self,
        work: Work[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work(store, cancel)`` on the network pool (downloads, sync)."""
        self._submit(self._net_pool, work, on_done, on_error)

    def _submit(
        self,
        pool: QThreadPool,
        work: Work[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        def body() -> None:
            try:
                value = work(self._store(), self.cancelled)
            except Exception as error:  # every failure goes back to the GUI thread
                failure = error  # ``error`` is unbound when the except block ends
                self._relay.deliver.emit(lambda: self._fail(failure, on_error))
                return
            if on_done is not None:
                self._relay.deliver.emit(lambda: on_done(value))

        pool.start(_Job(self, body))

    def _fail(self, error: Exception, on_error: Callable[[Exception], None] | None) -> None:
        if on_error is not None:
            on_error(error)
        elif isinstance(error, (LibraryError, OSError)):
            self.failed.emit(environment_message(error))
        else:
            raise error  # our bug: the excepthook writes the crash log

    def _store(self) -> "Store":
        from app.store import Store

        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.paths, check=False)
            self._local.store = store
            with self._stores_lock:
                self._stores.append(store)
        return store

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until every queued task has run (tests, shut-down)."""
        return self._db_pool.waitForDone(msecs) and self._net_pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Ask running work to stop, wait for it, close the workers' databases."""
        self.cancelled.set()
        self.wait()
        with self._stores_lock:
            for store in self._stores:
                store.close()
            self._stores.clear()
