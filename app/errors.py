"""Errors that are the environment's fault: each carries a message a learner can act on."""

from pathlib import Path


class LibraryError(Exception):
    """Base of every expected failure: bad input, damaged files, full disk, wrong PIN."""


class DamagedDatabaseError(LibraryError):
    """The local database cannot be used as it is.

    ``kept`` is the copy of a damaged file kept for recovery; it is ``None`` when the file is
    sound but from a newer version of the app, which must not be replaced.
    """

    def __init__(self, message: str, *, kept: Path | None = None) -> None:
        super().__init__(message)
        self.kept = kept


class PackageError(LibraryError):
    """A course package was rejected; nothing was changed."""


class NotFoundError(LibraryError):
    """A course, lesson or profile that does not exist."""


class PinError(LibraryError):
    """A wrong PIN, or a profile locked after too many wrong PINs.

    ``tries_left`` and ``locked_seconds`` let the UI word its own translated message.
    """

    def __init__(
        self, message: str, *, tries_left: int | None = None, locked_seconds: int = 0
    ) -> None:
        super().__init__(message)
        self.tries_left = tries_left
        self.locked_seconds = locked_seconds
