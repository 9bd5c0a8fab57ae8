"""Building course packages (for the demo, the reference server and tests).

Sources given as paths are streamed, so a package of any size is built in flat memory.
Fixed timestamps and modes make the same inputs give the same bytes and the same SHA-256.
"""

import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from app.package_manifest import FORMAT, MANIFEST_NAME, check_relative_path, validate_manifest

CHUNK: Final = 1024**2
# Media that is compressed already: deflating it again costs time and saves nothing.
STORED_SUFFIXES: Final = frozenset(
    {".mp4", ".m4v", ".webm", ".mkv", ".mov", ".mp3", ".m4a", ".aac", ".ogg", ".opus",
     ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".pdf"}
)
_EPOCH: Final = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class PackageInfo:
    """A built package: where it is, its size and SHA-256, and its manifest."""

    path: Path
    size: int
    sha256: str
    manifest: dict[str, Any]


def build_package(
    target: Path,
    *,
    course_id: str,
    version: int,
    title: dict[str, str],
    lessons: list[dict[str, Any]],
    files: Mapping[str, bytes | Path],
) -> PackageInfo:
    """Write a valid package to ``target`` (atomically) from lessons and file contents."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            entries = [_add_file(archive, path, source) for path, source in files.items()]
            manifest = validate_manifest({
                "format": FORMAT, "course_id": course_id, "version": version,
                "title": dict(title), "lessons": [dict(lesson) for lesson in lessons],
                "files": entries,
            })
            # Written last: its hashes are known only once the files are in.
            archive.writestr(
                _member(MANIFEST_NAME, zipfile.ZIP_DEFLATED),
                json.dumps(manifest, ensure_ascii=False, indent=1).encode(),
            )
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    digest = hashlib.sha256()
    with open(target, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return PackageInfo(target, target.stat().st_size, digest.hexdigest(), manifest)


def _add_file(archive: zipfile.ZipFile, path: str, source: bytes | Path) -> dict[str, Any]:
    check_relative_path(path)
    stored = Path(path).suffix.lower() in STORED_SUFFIXES
    info = _member(path, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    # zipfile picks ZIP64 from the size announced before writing.
    info.file_size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    digest = hashlib.sha256()
    size = 0
    with archive.open(info, "w") as member:
        for chunk in _chunks(source):
            member.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    return {"path": path, "size": size, "sha256": digest.hexdigest()}


def _member(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = method
    info.create_system = 3  # Unix, so the mode below means the same everywhere
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _chunks(source: bytes | Path) -> Iterator[bytes]:
    if isinstance(source, bytes):
        yield source
        return
    with open(source, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk
