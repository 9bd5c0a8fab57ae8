"""The one way to run work off the GUI thread.

``db`` work runs on a single worker (SQLite writes are serialised anyway); ``net`` work
runs on a small pool. Every worker thread opens its own :class:`~app.store.Store`. Work
functions get that store and a cancel event, never widgets; their result or error comes
back on the GUI thread through a queued signal.

Signals:
    failed(str): an environment error (``LibraryError`` or ``OSError``) of a task that had no
        error callback, worded for the learner in the interface language (a translated
        headline, then the error's own detail).
    damaged(DamagedDatabaseError): the database is damaged (a copy kept); sent once, however
        many tasks fail on it, until :meth:`TaskRunner.reset_library` has run. Tasks still get
        their error callbacks, to settle their own state.
"""

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import DamagedDatabaseError, LibraryError
from app.paths import DataPaths
from ui.errors import environment_message

if TYPE_CHECKING:  # app.store pulls in sqlite_utils: import it off the start-up path
    from app.library_reset import Salvage
    from app.store import Store

T = TypeVar("T")
Work = Callable[["Store", threading.Event], T]
log = logging.getLogger(__name__)


def _is_damage(error: Exception) -> TypeGuard[DamagedDatabaseError]:
    """A damaged database with a kept copy: the learner can start again from it."""
    return isinstance(error, DamagedDatabaseError) and error.kept is not None


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
    damaged = Signal(object)

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.cancelled = threading.Event()
        self._relay = _Relay()
        self._local = threading.local()
        self._stores: list[Store] = []
        self._stores_lock = threading.Lock()
        self._generation = 0  # bumped when the workers' databases are closed
        self._damage: DamagedDatabaseError | None = None  # found by a worker, until reset
        self._damage_lock = threading.Lock()
        self._damage_reported = False
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
        self._submit(self._db_pool, lambda: work(self._store(), self.cancelled), on_done, on_error)

    def net(
        self,
        work: Work[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work(store, cancel)`` on the network pool (downloads, sync)."""
        self._submit(self._net_pool, lambda: work(self._store(), self.cancelled), on_done,
                     on_error)

    def reset_library(
        self,
        kept: Path,
        on_done: Callable[["Salvage"], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Stop all work, close the workers' databases, then start a new library (keeping
        what can be read of the damaged one, moved to ``kept``) on the database worker."""
        from app.library_reset import start_fresh

        self.cancelled.set()
        self._close_stores()
        self.cancelled.clear()

        def done(salvage: "Salvage") -> None:
            self._damage, self._damage_reported = None, False
            on_done(salvage)

        self._submit(self._db_pool, lambda: start_fresh(self.paths, kept), done, on_error)

    def _submit(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        def body() -> None:
            try:
                value = work()
            except Exception as error:  # every failure goes back to the GUI thread
                failure = self._as_damage(error)  # ``error`` is unbound after the block
                self._relay.deliver.emit(lambda: self._fail(failure, on_error))
                return
            if on_done is not None:
                self._relay.deliver.emit(lambda: on_done(value))

        pool.start(_Job(self, body))

    def _as_damage(self, error: Exception) -> Exception:
        """Damage of the database, however many tasks meet it, is checked and copied once
        and reported as that one error."""
        from app.store import damage_behind, is_malformed

        with self._damage_lock:
            if _is_damage(error):
                self._damage = self._damage or error  # the file would not even open
            elif is_malformed(error):  # a query met a damaged page
                self._damage = self._damage or damage_behind(self.paths.database, error)
            else:
                return error
            return self._damage or error

    def _fail(self, error: Exception, on_error: Callable[[Exception], None] | None) -> None:
        if on_error is not None:
            if _is_damage(error):
                self.report(error)  # the offer to start again, whatever the task does
            on_error(error)
        elif isinstance(error, (LibraryError, OSError)):
            self.report(error)
        else:
            raise error  # our bug: the excepthook writes the crash log

    def report(self, error: Exception) -> None:
        """Tell the learner of an environment error: ``failed``, or ``damaged`` just once."""
        if not _is_damage(error):
            self.failed.emit(environment_message(error))
        elif not self._damage_reported:
            self._damage_reported = True
            self.damaged.emit(error)

    def _store(self) -> "Store":
        from app.store import Store

        if self._damage is not None:  # opening it again would only copy it again
            raise self._damage
        store: Store | None = getattr(self._local, "store", None)
        if store is None or self._local.generation != self._generation:
            store = Store(self.paths, check=False)
            self._local.store, self._local.generation = store, self._generation
            with self._stores_lock:
                self._stores.append(store)
        return store

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until every queued task has run (tests, shut-down)."""
        return self._db_pool.waitForDone(msecs) and self._net_pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Ask running work to stop, wait for it, close the workers' databases."""
        self.cancelled.set()
        self._close_stores()

    def _close_stores(self) -> None:
        """Wait for running work, then close every worker's database; later work opens a
        new one."""
        self.wait()
        with self._stores_lock:
            for store in self._stores:
                store.close()
            self._stores.clear()
            self._generation += 1
