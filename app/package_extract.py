"""Streaming a package's files to disk, verifying each against the manifest as it goes.

Memory stays flat: members are read in chunks of :data:`CHUNK` bytes, and sizes are counted
while reading instead of trusted from the archive's headers. Members are extracted by a few
threads at once, largest first: SHA-256 is most of the work, releases the GIL, and on one
core runs no faster than the disk writes, so a second core nearly halves the import's time.
"""

import hashlib
import os
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import IO, Any, Final

from app.errors import PackageError
from app.package_manifest import quoted
from app.package_safety import MAX_RATIO, RATIO_FLOOR, check_declared_ratio, match_members

CHUNK: Final = 1024**2
MAX_WORKERS: Final = 4
# Written bytes are handed to the disk every this many, so the final fsync waits for little.
WRITEBACK_STEP: Final = 2 * CHUNK
_CREATE_FLAGS: Final = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
)

_LOCAL_HEADER: Final = struct.Struct("<4s2B4HL2L2H")
_UTF8_NAME: Final = 0x800

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ImportCancelled(PackageError):
    """The caller asked the import to stop; nothing was changed."""


class Meter:
    """Counts bytes of work done, reports them and checks for cancellation at each step.

    Extraction threads share one meter: each step runs under a lock, so the callbacks are
    called one at a time (from those threads) and see ``done`` only grow. Once cancelled or
    halted, every later step raises.
    """

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._lock = threading.Lock()
        self._halted = False

    def advance(self, amount: int) -> None:
        with self._lock:
            if self._halted:
                raise ImportCancelled("the import stopped; nothing was changed")
            if self._cancel is not None and self._cancel():
                self._halted = True
                raise ImportCancelled("the import was cancelled; nothing was changed")
            self.done += amount
            if self._progress is not None:
                self._progress(self.done, max(self.total, self.done))

    def halt(self) -> None:
        """Make every later step raise, so the other threads stop after a failure."""
        with self._lock:
            self._halted = True


def hash_file(handle: IO[bytes], meter: Meter) -> str:
    """SHA-256 of everything in ``handle``, read from the start in chunks."""
    digest = hashlib.sha256()
    handle.seek(0)
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        meter.advance(len(chunk))
    return digest.hexdigest()


def extract_verified(
    archive: zipfile.ZipFile,
    handle: IO[bytes],
    manifest: dict[str, Any],
    target: Path,
    meter: Meter,
) -> None:
    """Write every listed file under ``target`` by its manifest name, each verified and synced.

    ``handle`` is the open package file behind ``archive``. On the first failure the other
    threads stop at their next chunk, and that failure is raised.
    """
    plan = match_members(archive, manifest)
    for info, entry in plan:
        _check_declared(info, entry)
    plan.sort(key=lambda item: item[0].compress_size, reverse=True)
    reader = _Reader(handle)
    workers = min(len(plan), os.cpu_count() or 1, MAX_WORKERS)
    with ThreadPoolExecutor(max(workers, 1), thread_name_prefix="extract") as pool:
        futures = [
            pool.submit(_extract_member, reader, info, entry, target, meter)
            for info, entry in plan
        ]
        _raise_first_failure(futures, meter)
    sync_tree(target)


def _raise_first_failure(futures: list[Future[None]], meter: Meter) -> None:
    wait(futures, return_when=FIRST_EXCEPTION)
    failed = [future for future in futures if future.done() and future.exception()]
    if failed:
        meter.halt()
        wait(futures)
        failed[0].result()  # raises that failure


def _check_declared(info: zipfile.ZipInfo, entry: dict[str, Any]) -> None:
    name, declared = entry["path"], entry["size"]
    if info.file_size != declared:
        raise PackageError(
            f"{quoted(name)}: the archive says {info.file_size} bytes, the manifest {declared}"
        )
    check_declared_ratio(info)


def _extract_member(
    reader: "_Reader", info: zipfile.ZipInfo, entry: dict[str, Any], target: Path, meter: Meter
) -> None:
    name, declared = entry["path"], entry["size"]
    destination = target.joinpath(*name.split("/"))
    destination.parent.mkdir(parents=True, exist_ok=True)
    written, digest = _copy_member(reader, info, destination, meter)
    if written > declared:
        raise PackageError(f"{quoted(name)} is larger than the manifest declares")
    if written != declared:
        raise PackageError(f"{quoted(name)} is smaller than the manifest declares")
    if digest != entry["sha256"]:
        raise PackageError(f"{quoted(name)} does not match its SHA-256 in the manifest")


def _copy_member(
    reader: "_Reader",
    info: zipfile.ZipInfo,
    destination: Path,
    meter: Meter,
) -> tuple[int, str]:
    """Stream one member to a new file: (bytes read, SHA-256); stops past the declared size."""
    digest = hashlib.sha256()
    ratio_cap = max(RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1))
    written = handed_over = 0
    created = os.open(destination, _CREATE_FLAGS, 0o644)
    with open(created, "wb") as out:
        for chunk in member_chunks(reader, info):
            written += len(chunk)
            if written > info.file_size:  # already checked equal to the manifest's size
                return written, ""
            if written > ratio_cap:
                raise PackageError(f"{quoted(info.filename)} is compressed more than {MAX_RATIO}:1")
            digest.update(chunk)
            out.write(chunk)
            meter.advance(len(chunk))
            if written - handed_over >= WRITEBACK_STEP:
                out.flush()
                _start_writeback(created, handed_over, written - handed_over)
                handed_over = written
        out.flush()
        os.fsync(out.fileno())
    return written, digest.hexdigest()


def _start_writeback(descriptor: int, offset: int, length: int) -> None:
    """Have the kernel start writing a range to disk now rather than at the final fsync.

    On Linux ``POSIX_FADV_DONTNEED`` starts writeback of the range's dirty pages (and drops
    the clean ones, which nothing here reads again), so the disk works while the next chunks
    are hashed. Elsewhere this does nothing and the fsync does all the writing.
    """
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(descriptor, offset, length, os.POSIX_FADV_DONTNEED)


class _Reader:
    """Positioned reads of the package shared by the extraction threads.

    A seek and its read happen together under a lock; the copying, hashing and writing of
    what was read do not need it.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._lock = threading.Lock()

    def read(self, offset: int, size: int) -> bytes:
        with self._lock:
            self._handle.seek(offset)
            return self._handle.read(size)


def member_chunks(reader: _Reader, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks of at most :data:`CHUNK`, however well they compress.

    Read directly rather than through ``ZipFile.open``: that also computes a CRC-32 of every
    byte, a fifth of the import's time, which the SHA-256 check makes redundant. The caller
    stops reading once more bytes come out than the member may hold.
    """
    header = reader.read(info.header_offset, _LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[10:]
    position = info.header_offset + _LOCAL_HEADER.size
    raw_name = reader.read(position, name_length)
    name = raw_name.decode("utf-8" if info.flag_bits & _UTF8_NAME else "cp437")
    if name != info.orig_filename:
        raise zipfile.BadZipFile(f"names in directory and header differ for {info.filename!r}")
    position += name_length + extra_length
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    end = position + info.compress_size
    while position < end:
        raw = reader.read(position, min(CHUNK, end - position))
        if not raw:
            raise EOFError(f"the package ends inside {info.filename!r}")
        position += len(raw)
        if info.compress_type == zipfile.ZIP_STORED:
            yield raw
            continue
        while raw:  # at most CHUNK out per call, so a bomb never inflates in memory
            data = inflater.decompress(raw, CHUNK)
            raw = inflater.unconsumed_tail
            yield data
    if info.compress_type == zipfile.ZIP_DEFLATED:
        yield inflater.flush()


def write_synced(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` and flush it to disk."""
    with open(os.open(path, _CREATE_FLAGS, 0o644), "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def sync_tree(root: Path) -> None:
    """fsync every folder under ``root`` so new names survive a power cut."""
    for folder, _subfolders, _files in os.walk(root):
        sync_folder(Path(folder))


def sync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to fsync it; NTFS journals names
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
