"""Hand-made package zips for tests, hostile ones included, and a snapshot of installed state."""

import hashlib
import json
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.store import Store

COURSE = "sci-0001"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_for(
    files: dict[str, bytes], *, course_id: str = COURSE, version: int = 1
) -> dict[str, Any]:
    """A valid manifest for ``files``, with one text lesson on the first file."""
    return {
        "format": 1,
        "course_id": course_id,
        "version": version,
        "title": {"zh": "身边的科学", "en": "Science around us"},
        "lessons": [
            {"id": f"{course_id}-01", "kind": "text", "title": {"en": "One"},
             "file": next(iter(files))}
        ],
        "files": [{"path": p, "size": len(b), "sha256": sha256(b)} for p, b in files.items()],
    }


def write_zip(
    path: Path,
    manifest: dict[str, Any] | bytes,
    members: Sequence[tuple[str | zipfile.ZipInfo, bytes]],
    *,
    method: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A zip holding ``manifest.json`` then ``members``, exactly as given (duplicates too)."""
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", compression=method) as archive:
            archive.writestr("manifest.json", raw)
            for name, data in members:
                archive.writestr(name, data)
    return path


def package_of(path: Path, files: dict[str, bytes], **manifest: Any) -> Path:
    """A valid package of ``files``."""
    return write_zip(path, manifest_for(files, **manifest), list(files.items()))


def patch_headers(raw: bytes, name: str, offsets: dict[str, tuple[int, bytes]]) -> bytes:
    """Overwrite fields of ``name``'s local and central headers.

    ``offsets`` maps "local"/"central" to (field offset, new bytes).
    """
    encoded = name.encode()
    data = bytearray(raw)
    for kind, signature, name_at in (("local", b"PK\x03\x04", 30), ("central", b"PK\x01\x02", 46)):
        start = data.find(signature)
        while start >= 0:
            if data[start + name_at : start + name_at + len(encoded)] == encoded:
                field, value = offsets[kind]
                data[start + field : start + field + len(value)] = value
            start = data.find(signature, start + 1)
    return bytes(data)


def snapshot(store: Store) -> tuple[list[tuple[str, str]], list[tuple[Any, ...]]]:
    """Every path under content with its contents' hash, and every installed row."""
    content = store.paths.content
    listing = sorted(
        (str(p.relative_to(content)), sha256(p.read_bytes()) if p.is_file() else "dir")
        for p in content.rglob("*")
    )
    rows = store.conn.execute("SELECT * FROM installed ORDER BY course_id").fetchall()
    return listing, rows
