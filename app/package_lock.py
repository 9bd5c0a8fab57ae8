"""One import or removal at a time per installation, across threads and processes."""

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from app.package_extract import Cancel, ImportCancelled

LOCK_NAME: Final = "content.lock"
_POLL_SECONDS: Final = 0.05

if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


@contextmanager
def content_lock(root: Path, cancel: Cancel | None) -> Iterator[None]:
    """Hold the installation's content lock; waiting for it can be cancelled."""
    root.mkdir(parents=True, exist_ok=True)
    # The lock file lives beside the database, so a rejected import leaves content untouched.
    with open(root / LOCK_NAME, "a+b") as handle:
        handle.seek(0)
        while not _try_lock(handle.fileno()):
            if cancel is not None and cancel():
                raise ImportCancelled("the import was cancelled; nothing was changed")
            time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            _unlock(handle.fileno())
