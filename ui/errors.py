"""Two kinds of errors: the environment's (a translated message) and ours (a crash log).

Our bugs reach :func:`install_excepthook`'s hook, which appends the traceback to
``paths.crash_log``; the next start offers that log (:func:`take_crash_report`).
"""

import errno
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import DamagedDatabaseError, LibraryError, NotFoundError, PackageError, PinError
from app.paths import DataPaths

log = logging.getLogger(__name__)
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(paths: DataPaths) -> Hook:
    """Send uncaught exceptions to the crash log; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        write_crash_log(paths, kind, error, tb)
        previous(kind, error, tb)

    sys.excepthook = hook
    return previous


def write_crash_log(
    paths: DataPaths, kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(kind, error, tb))
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        with paths.crash_log.open("a", encoding="utf-8") as log_file:
            log_file.write(f"--- {stamp}\n{text}\n")
    except OSError:
        log.exception("could not write the crash log")


def take_crash_report(paths: DataPaths) -> Path | None:
    """The crash log left by an earlier run, moved aside so it is offered only once."""
    if not paths.crash_log.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = paths.crash_log.with_name(f"crash-{stamp}.log")
    try:
        paths.crash_log.replace(kept)
    except OSError:
        return None
    return kept


def _is_network(error: BaseException) -> bool:
    """Connection failures, recognised by name so this module does not import requests."""
    names = {kind.__name__ for kind in type(error).__mro__}
    return bool(names & {"ConnectionError", "Timeout", "OfflineError", "NetworkError"})


_MESSAGES: tuple[tuple[Callable[[BaseException], bool], object], ...] = (
    (lambda e: isinstance(e, DamagedDatabaseError),
     QT_TRANSLATE_NOOP("errors", "The learning library is damaged.")),
    (lambda e: isinstance(e, PackageError),
     QT_TRANSLATE_NOOP("errors", "The course package was rejected; nothing was changed.")),
    (lambda e: isinstance(e, NotFoundError),
     QT_TRANSLATE_NOOP("errors", "This item is not in the library.")),
    (lambda e: isinstance(e, PinError), QT_TRANSLATE_NOOP("errors", "The PIN was not accepted.")),
    (lambda e: isinstance(e, OSError) and e.errno == errno.ENOSPC,
     QT_TRANSLATE_NOOP("errors", "The disk is full. Remove some courses and try again.")),
    (_is_network, QT_TRANSLATE_NOOP(
        "errors", "The platform cannot be reached. Check the connection and try again.")),
    (lambda e: isinstance(e, OSError),
     QT_TRANSLATE_NOOP("errors", "A file could not be read or written.")),
    (lambda e: isinstance(e, LibraryError),
     QT_TRANSLATE_NOOP("errors", "The operation could not be completed.")),
    (lambda _error: True, QT_TRANSLATE_NOOP("errors", "Something went wrong.")),
)


def environment_message(error: BaseException) -> str:
    """A translated headline for an error that is the environment's fault, with its detail."""
    source = next(text for matches, text in _MESSAGES if matches(error))
    headline = QCoreApplication.translate("errors", str(source))
    detail = str(error)
    return f"{headline}\n{detail}" if detail else headline
