"""Fetching one package into a ``.part`` file: streamed, hashed while written, resumable.

A resume sends ``Range`` with ``If-Range`` (the ETag), hashing the bytes already there
first. Whatever the server answers, the file ends either complete and verified or
discarded, and no byte of a wrong answer is written:

- a part as long as the package is checked for size and hash without a request (it is
  imported if it verifies, else discarded and fetched again), so a ``416`` only ever
  answers a shorter part: that part is not a prefix of the server's file, start over;
- ``200`` to a range request (range ignored, or ``If-Range`` saw another ETag): the body
  is the whole file, written from byte zero;
- ``206`` whose ``Content-Range`` does not start at the part's length, or whose ``ETag``
  is not the one the part was begun with: discarded unread, start over.
"""

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

import requests
import urllib3

from sync.client import Client
from sync.errors import OfflineError, ProtocolError, SyncError
from sync.throughput import TokenBucket

CHUNK: Final = 1024 * 1024
_CONTENT_RANGE: Final = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


class ChecksumError(SyncError):
    """The downloaded bytes do not have the catalogue's SHA-256 (the part was discarded)."""


class _StartOver(Exception):
    """The partial file cannot be continued: discard it and fetch from the start."""


@dataclass(frozen=True)
class Target:
    url: str
    size: int
    sha256: str
    part: Path


@dataclass
class Hooks:
    """How a transfer reports and is stopped: ``on_etag`` as soon as the server names the
    version being fetched, ``on_bytes`` after each chunk, ``check_stop`` before each chunk
    (raises :class:`CancelledError` to stop)."""

    on_etag: Callable[[str], None]
    on_bytes: Callable[[int], None]
    check_stop: Callable[[], None]
    bucket: TokenBucket | None = None


def hash_prefix(part: Path, hooks: Hooks) -> "hashlib._Hash":
    digest = hashlib.sha256()
    with part.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            hooks.check_stop()
            digest.update(chunk)
    return digest


def fetch(client: Client, target: Target, etag: str, hooks: Hooks) -> str:
    """Complete ``target.part`` and verify it; returns the ETag of what was fetched.

    Raises :class:`OfflineError`/:class:`ServerError` for the link or server,
    :class:`ChecksumError` when the result does not verify, :class:`CancelledError`.
    """
    for known_etag in (etag, ""):
        try:
            return _fetch_once(client, target, known_etag, hooks)
        except _StartOver:
            target.part.unlink(missing_ok=True)
    raise ChecksumError("The server keeps sending another file than the catalogue lists.")


def _fetch_once(client: Client, target: Target, etag: str, hooks: Hooks) -> str:
    offset = target.part.stat().st_size if target.part.exists() else 0
    if offset and offset == target.size:
        # Complete already (say a crash came before the import): the hash decides.
        if hash_prefix(target.part, hooks).hexdigest() != target.sha256.lower():
            raise _StartOver
        return etag
    if offset and (not etag or offset > target.size):
        raise _StartOver
    digest = hash_prefix(target.part, hooks) if offset else hashlib.sha256()
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers |= {"Range": f"bytes={offset}-", "If-Range": etag}
    response = client.request(
        "GET", target.url, headers=headers, stream=True, expect=(200, 206, 416)
    )
    with response:
        new_etag = response.headers.get("ETag", "")
        if response.status_code == 416:
            # Only a part shorter than the package asks (see the module docstring).
            raise _StartOver
        if response.status_code == 200 and offset:
            # The range was refused or the file changed: this is the whole file, from zero.
            offset, digest = 0, hashlib.sha256()
        if response.status_code == 206 and (
            _range_start(response) != offset or (etag and new_etag and new_etag != etag)
        ):
            raise _StartOver
        if "html" in response.headers.get("Content-Type", "").lower():
            raise ProtocolError("The server sent a web page instead of the package "
                                "(a sign-in page of the network?).")
        hooks.on_etag(new_etag)
        with target.part.open("ab" if offset else "wb") as stream:
            _stream(response, stream, digest, offset, target.size, hooks)
            stream.flush()
            os.fsync(stream.fileno())
    _verify(digest, target)
    return new_etag


def _range_start(response: requests.Response) -> int:
    found = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
    return int(found.group(1)) if found else -1


def _stream(
    response: requests.Response,
    stream: IO[bytes],
    digest: "hashlib._Hash",
    offset: int,
    size: int,
    hooks: Hooks,
) -> None:
    done = offset
    chunk_size = CHUNK
    if hooks.bucket is not None:
        # Chunks of about 1/8 s under a cap keep the progress bar moving and pausing
        # quick: the bucket sleeps for a whole chunk before the next stop check.
        chunk_size = min(CHUNK, max(1024, int(hooks.bucket.rate / 8)))
    try:
        # read1 hands over whatever arrived, so a cut connection loses no received byte
        # (iter_content would drop a partly filled chunk with the error).
        while chunk := response.raw.read1(chunk_size, decode_content=False):
            hooks.check_stop()
            if done + len(chunk) > size:
                raise _StartOver
            if hooks.bucket is not None:
                hooks.bucket.consume(len(chunk))
            stream.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            hooks.on_bytes(done)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
        raise OfflineError(f"The download was cut off after {done} bytes.") from error


def _verify(digest: "hashlib._Hash", target: Target) -> None:
    size = target.part.stat().st_size
    if size < target.size:
        raise OfflineError(f"The download ended at {size} of {target.size} bytes.")
    if digest.hexdigest() != target.sha256.lower():
        target.part.unlink(missing_ok=True)
        raise ChecksumError("The downloaded package does not match the catalogue's checksum.")

