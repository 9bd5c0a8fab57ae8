"""The HTTP transport: one ``requests.Session`` per thread, timeouts, auth, checked answers.

Every answer is checked for status and content type before use, so a captive portal's
HTML page or a broken proxy's garbage becomes a :class:`ProtocolError`, not a crash.
"""

import email.utils
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urljoin

import requests

from sync.errors import AuthError, OfflineError, ProtocolError, ServerError, SyncError

XAPI_VERSION: Final = "1.0.3"
USER_AGENT: Final = "LifelongLearningDesktop/0.1"
DEFAULT_TIMEOUT: Final = (10.0, 30.0)


@dataclass(frozen=True)
class Credentials:
    """A learner's bearer token, or an LRS key and secret for HTTP Basic."""

    bearer: str = ""
    basic: tuple[str, str] | None = None


class Client:
    """Requests to one base URL. Safe to share between threads: each gets its own session."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise SyncError(f"The server address must start with http:// or https://: {base_url}")
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.credentials = credentials or Credentials()
        self.timeout = timeout
        self._local = threading.local()

    def url(self, path: str) -> str:
        """``path`` (relative, absolute-path or full URL) resolved against the base URL."""
        return urljoin(self.base_url, path)

    def session(self) -> requests.Session:
        """This thread's session, made on first use (connection pools are not thread-safe)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.verify = True
            session.headers["User-Agent"] = USER_AGENT
            session.headers["X-Experience-API-Version"] = XAPI_VERSION
            if self.credentials.bearer:
                session.headers["Authorization"] = f"Bearer {self.credentials.bearer}"
            elif self.credentials.basic:
                session.auth = self.credentials.basic
            self._local.session = session
        return session

    def close(self) -> None:
        """Close this thread's session (other threads close their own)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None

    def request(
        self, method: str, path: str, *, expect: tuple[int, ...] = (200,), **kwargs: Any
    ) -> requests.Response:
        """Send a request; raise a :class:`SyncError` unless the status is one of ``expect``."""
        kwargs.setdefault("timeout", self.timeout)
        url = self.url(path)
        try:
            response = self.session().request(method, url, **kwargs)
        except requests.exceptions.SSLError as error:
            raise SyncError(f"The server's certificate could not be verified ({url}).") from error
        except (requests.ConnectionError, requests.Timeout) as error:
            reason = type(error).__name__
            raise OfflineError(f"Could not reach {self.base_url} ({reason}).") from error
        except requests.RequestException as error:
            raise SyncError(f"Request to {url} failed: {error}") from error
        if response.status_code not in expect:
            raise status_error(response)
        return response

    def json(
        self, method: str, path: str, *, expect: tuple[int, ...] = (200,), **kwargs: Any
    ) -> Any:
        """The decoded JSON body of a checked request."""
        response = self.request(method, path, expect=expect, **kwargs)
        return decode_json(response)


def decode_json(response: requests.Response) -> Any:
    """The JSON body, or :class:`ProtocolError` when it is a web page or garbage."""
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if "html" in kind:
        raise ProtocolError(
            f"The server sent a web page instead of data (a sign-in page of the network?): "
            f"{response.url}"
        )
    if not (kind == "application/json" or kind.endswith("+json")):
        raise ProtocolError(f"The server sent {kind or 'untyped data'} instead of JSON: "
                            f"{response.url}")
    try:
        return response.json()
    except ValueError as error:
        raise ProtocolError(f"The server sent broken JSON: {response.url}") from error


def status_error(response: requests.Response) -> SyncError:
    """The error for an unexpected status, with the server's own explanation if it gave one."""
    status = response.status_code
    detail = _problem_detail(response)
    if status == 401:
        return AuthError(f"Sign-in needed: {detail or 'the server refused the credentials'}.")
    message = f"The server answered {status} {response.reason or ''}".rstrip()
    return ServerError(
        f"{message}: {detail}" if detail else f"{message} ({response.url}).",
        status=status,
        retry_after=retry_after(response.headers),
    )


def _problem_detail(response: requests.Response) -> str:
    if "json" not in response.headers.get("Content-Type", ""):
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body.get("message") or "")[:300]
    return ""


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks us to wait (``Retry-After`` as seconds or HTTP date)."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def require(data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """``data[key]`` if ``data`` is an object holding a ``kind`` there; ProtocolError otherwise."""
    if not isinstance(data, dict):
        raise ProtocolError(f"The server's answer to {where} is not a JSON object.")
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ProtocolError(f"The server's answer to {where} lacks a usable {key!r}.")
    return value
