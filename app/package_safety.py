"""Reading a package zip as hostile input: entry limits, member checks, the manifest.

Nothing here trusts the archive's own idea of names or sizes: members are matched to the
manifest by exact name, and sizes are counted while reading (see :mod:`app.package_extract`).
"""

import stat
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, Final

from app.errors import PackageError
from app.package_manifest import (
    MANIFEST_NAME,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    check_relative_path,
    collision_key,
    implied_folders,
    parse_manifest,
    quoted,
)

# A file, its implied folders (one entry each at most) and the manifest.
MAX_MEMBERS: Final = 2 * MAX_FILES + 1
# Read before zipfile loads the central directory, so a hostile one cannot exhaust memory.
MAX_DIRECTORY_BYTES: Final = MAX_MEMBERS * 2048
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 1024**2
# Bit 0: encrypted; bit 6: strong encryption; bit 13: encrypted central directory.
_ENCRYPTION_FLAGS: Final = 0x0001 | 0x0040 | 0x2000
_PATCHED_DATA: Final = 0x0020
_METHODS: Final = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})

# What the zip and zlib modules raise on damaged or truncated archives.
DAMAGED: Final = (zipfile.BadZipFile, zlib.error, EOFError, struct.error, UnicodeDecodeError)

_END_RECORD: Final = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR: Final = struct.Struct("<4sLQL")
_ZIP64_END_RECORD: Final = struct.Struct("<4sQ2H2L4Q")


def open_archive(handle: IO[bytes]) -> zipfile.ZipFile:
    """The zip behind ``handle``, after checking its declared size of directory."""
    entries, directory_bytes = _declared_directory(handle)
    if entries > MAX_MEMBERS:
        raise PackageError(f"too many files: {entries} members (the limit is {MAX_MEMBERS})")
    if directory_bytes > MAX_DIRECTORY_BYTES:
        raise PackageError("the package's file directory is implausibly large")
    try:
        archive = zipfile.ZipFile(handle)
    except DAMAGED as error:
        raise PackageError(f"the package is damaged or not a zip file ({error})") from error
    if len(archive.infolist()) > MAX_MEMBERS:
        raise PackageError(f"too many files: the limit is {MAX_MEMBERS} members")
    return archive


def _declared_directory(handle: IO[bytes]) -> tuple[int, int]:
    """(entry count, central directory size) from the end record, found as zipfile finds it."""
    size = handle.seek(0, 2)
    start = max(0, size - (_END_RECORD.size + 0xFFFF))
    handle.seek(start)
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END_RECORD.size:
        return 0, 0  # not a zip: zipfile says so in its own words
    record = _END_RECORD.unpack_from(tail, at)
    entries, directory_bytes = record[4], record[5]
    if (entries == 0xFFFF or directory_bytes == 0xFFFFFFFF) and at >= _ZIP64_LOCATOR.size:
        locator = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
        if locator[0] == b"PK\x06\x07":
            handle.seek(locator[2])
            raw = handle.read(_ZIP64_END_RECORD.size)
            if len(raw) == _ZIP64_END_RECORD.size and raw.startswith(b"PK\x06\x06"):
                record64 = _ZIP64_END_RECORD.unpack(raw)
                entries, directory_bytes = record64[7], record64[8]
    return entries, directory_bytes


def check_entry(info: zipfile.ZipInfo) -> None:
    """Refuse encrypted, oddly compressed, linked or special members and raw-name tricks."""
    if info.orig_filename != info.filename:
        raise PackageError(
            f"unsafe file name {quoted(info.orig_filename)}: it contains a NUL or a backslash"
        )
    name = quoted(info.filename)
    if info.flag_bits & _ENCRYPTION_FLAGS:
        raise PackageError(f"{name} is encrypted; packages must not be")
    if info.flag_bits & _PATCHED_DATA:
        raise PackageError(f"{name} holds patched data, which is not supported")
    if info.compress_type not in _METHODS:
        raise PackageError(
            f"{name} uses compression method {info.compress_type}; "
            "only stored and deflated are supported"
        )
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise PackageError(f"{name} is a symbolic link; packages must hold plain files")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageError(f"{name} is a device or special file; packages must hold plain files")
    if kind == stat.S_IFDIR and not info.is_dir():
        raise PackageError(f"{name} is marked as a folder but named like a file")


def read_manifest(package: Path) -> dict[str, Any]:
    """The validated manifest of the package at ``package``."""
    try:
        with open(package, "rb") as handle, open_archive(handle) as archive:
            return manifest_of(archive)
    except OSError as error:
        raise PackageError(f"cannot read the package: {error.strerror or error}") from error


def manifest_of(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The validated manifest of an open package, read with a size cap."""
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise PackageError("the package has no manifest.json at its root") from None
    check_entry(info)
    try:
        with archive.open(info) as member:
            data = member.read(MAX_MANIFEST_BYTES + 1)
    except DAMAGED as error:
        raise PackageError(f"the package is damaged ({error})") from error
    if len(data) > MAX_MANIFEST_BYTES:
        raise PackageError(f"manifest.json is larger than {MAX_MANIFEST_BYTES} bytes")
    return parse_manifest(data)


def match_members(
    archive: zipfile.ZipFile, manifest: dict[str, Any]
) -> list[tuple[zipfile.ZipInfo, dict[str, Any]]]:
    """Each file member with its manifest entry; refuses anything unlisted, doubled or missing."""
    listed: dict[str, dict[str, Any]] = {entry["path"]: entry for entry in manifest["files"]}
    folders = {collision_key(folder) for path in listed for folder in implied_folders(path)}
    seen: set[str] = set()
    plan: list[tuple[zipfile.ZipInfo, dict[str, Any]]] = []
    for info in archive.infolist():
        check_entry(info)
        name = info.filename.removesuffix("/") if info.is_dir() else info.filename
        check_relative_path(name)
        key = collision_key(name)
        if key in seen:
            raise PackageError(f"{quoted(name)} appears twice in the package")
        seen.add(key)
        if info.is_dir():
            _check_folder(info, key in folders)
        elif name != MANIFEST_NAME:
            if name not in listed:
                raise PackageError(f"{quoted(name)} is in the package but not in its manifest")
            plan.append((info, listed[name]))
    if len(plan) != len(listed):
        found = {info.filename for info, _ in plan}
        missing = next(path for path in listed if path not in found)
        raise PackageError(f"{quoted(missing)} is listed in the manifest but not in the package")
    return plan


def _check_folder(info: zipfile.ZipInfo, implied: bool) -> None:
    if not implied:
        raise PackageError(f"the package has a folder {quoted(info.filename)} with no listed file")
    if info.file_size or info.compress_size > 2:  # an empty deflate stream is 2 bytes
        raise PackageError(f"the folder entry {quoted(info.filename)} holds data")


def check_declared_ratio(info: zipfile.ZipInfo) -> None:
    """Refuse a member whose own header already claims an over-compressed size."""
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise PackageError(
            f"{quoted(info.filename)} is compressed more than {MAX_RATIO}:1 (a zip bomb?)"
        )
