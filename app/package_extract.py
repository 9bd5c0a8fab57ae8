"""Streaming a package's files to disk, verifying each against the manifest as it goes.

Memory stays flat: members are read in chunks of :data:`CHUNK` bytes, and sizes are counted
while reading instead of trusted from the archive's headers.
"""

import hashlib
import os
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from app.errors import PackageError
from app.package_manifest import quoted
from app.package_safety import MAX_RATIO, RATIO_FLOOR, check_declared_ratio, match_members

CHUNK: Final = 1024**2
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
    """Counts bytes of work done, reports them and checks for cancellation at each step."""

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def advance(self, amount: int) -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelled("the import was cancelled; nothing was changed")
        self.done += amount
        if self._progress is not None:
            self._progress(self.done, max(self.total, self.done))


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

    ``handle`` is the open package file behind ``archive``.
    """
    for info, entry in match_members(archive, manifest):
        _extract_member(handle, info, entry, target, meter)
    sync_tree(target)


def _extract_member(
    handle: IO[bytes],
    info: zipfile.ZipInfo,
    entry: dict[str, Any],
    target: Path,
    meter: Meter,
) -> None:
    name, declared = entry["path"], entry["size"]
    if info.file_size != declared:
        raise PackageError(
            f"{quoted(name)}: the archive says {info.file_size} bytes, the manifest {declared}"
        )
    check_declared_ratio(info)
    destination = target.joinpath(*name.split("/"))
    destination.parent.mkdir(parents=True, exist_ok=True)
    written, digest = _copy_member(handle, info, destination, meter)
    if written > declared:
        raise PackageError(f"{quoted(name)} is larger than the manifest declares")
    if written != declared:
        raise PackageError(f"{quoted(name)} is smaller than the manifest declares")
    if digest != entry["sha256"]:
        raise PackageError(f"{quoted(name)} does not match its SHA-256 in the manifest")


def _copy_member(
    handle: IO[bytes],
    info: zipfile.ZipInfo,
    destination: Path,
    meter: Meter,
) -> tuple[int, str]:
    """Stream one member to a new file: (bytes read, SHA-256); stops past the declared size."""
    digest = hashlib.sha256()
    ratio_cap = max(RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1))
    written = 0
    created = os.open(destination, _CREATE_FLAGS, 0o644)
    with open(created, "wb") as out:
        for chunk in member_chunks(handle, info):
            written += len(chunk)
            if written > info.file_size:  # already checked equal to the manifest's size
                return written, ""
            if written > ratio_cap:
                raise PackageError(f"{quoted(info.filename)} is compressed more than {MAX_RATIO}:1")
            digest.update(chunk)
            out.write(chunk)
            meter.advance(len(chunk))
        out.flush()
        os.fsync(out.fileno())
    return written, digest.hexdigest()


def member_chunks(handle: IO[bytes], info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks of at most :data:`CHUNK`, however well they compress.

    Read directly rather than through ``ZipFile.open``: that also computes a CRC-32 of every
    byte, a fifth of the import's time, which the SHA-256 check makes redundant. The caller
    stops reading once more bytes come out than the member may hold.
    """
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[10:]
    raw_name = handle.read(name_length)
    name = raw_name.decode("utf-8" if info.flag_bits & _UTF8_NAME else "cp437")
    if name != info.orig_filename:
        raise zipfile.BadZipFile(f"names in directory and header differ for {info.filename!r}")
    handle.seek(extra_length, os.SEEK_CUR)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    remaining = info.compress_size
    while remaining > 0:
        raw = handle.read(min(CHUNK, remaining))
        if not raw:
            raise EOFError(f"the package ends inside {info.filename!r}")
        remaining -= len(raw)
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
