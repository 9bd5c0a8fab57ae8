"""Sync failures: the network's or the server's fault, each with a message a learner can act on."""

from app.errors import LibraryError


class SyncError(LibraryError):
    """Base of every expected sync failure."""


class OfflineError(SyncError):
    """The platform could not be reached (no network, refused, timed out)."""


class ProtocolError(SyncError):
    """The answer was not what the protocol promises (captive portal page, garbage JSON)."""


class AuthError(SyncError):
    """The credentials were refused: the learner must sign in again."""


class ServerError(SyncError):
    """The server refused or failed a request; ``status`` is its HTTP status."""

    def __init__(self, message: str, *, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        """Worth retrying later: overload, rate limit or a server-side failure."""
        return self.status in (408, 429) or self.status >= 500


class NotEnoughSpaceError(SyncError):
    """The disk lacks room for a download plus the configured reserve."""


class CancelledError(SyncError):
    """The operation was cancelled by the user or by shut-down."""


class UpdateRequiredError(SyncError):
    """The platform no longer syncs with this version of the app; the message is the
    platform's own (show it, and do not retry until the app is updated)."""
