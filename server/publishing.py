"""Publishing a course package: catalogue record from manifest + metadata, immutable file."""

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from app.facets import DIMENSIONS, SECTIONS
from app.packages import read_manifest
from server.catalog import next_seq, now_iso
from server.config import ServerConfig
from server.storage import Storage

COURSE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_META_KEYS = {"id", "activity_id", "version", "section", "facets", "title", "summary", "tags",
              "lessons", "package", "updated"}
_CHUNK = 1024 * 1024


def file_digest(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in chunks (packages may be hundreds of MB)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _check_meta(meta: dict[str, Any], course_id: str, version: int) -> None:
    unknown = set(meta) - _META_KEYS
    if unknown:
        raise ValueError(f"unknown catalogue fields: {', '.join(sorted(unknown))}")
    if meta.get("id", course_id) != course_id or meta.get("version", version) != version:
        raise ValueError("id and version in the metadata differ from the package manifest")
    if meta.get("section") not in SECTIONS:
        raise ValueError(f"section must be one of {', '.join(SECTIONS)}")
    facets = meta.get("facets", {})
    if not isinstance(facets, dict) or set(facets) - set(DIMENSIONS):
        raise ValueError("facets must be an object with 'horizontal' and 'vertical' lists")
    for dimension, codes in facets.items():
        if not isinstance(codes, list) or not set(codes) <= set(DIMENSIONS[dimension]):
            allowed = ", ".join(DIMENSIONS[dimension])
            raise ValueError(f"facets.{dimension} must list codes of {allowed}")


def build_record(
    config: ServerConfig, manifest: dict[str, Any], meta: dict[str, Any], package: dict[str, Any]
) -> dict[str, Any]:
    """The catalogue record (docs/catalogue-record.md), ``updated`` left to the commit."""
    course_id, version = manifest["course_id"], manifest["version"]
    if not isinstance(course_id, str) or not COURSE_ID.fullmatch(course_id):
        raise ValueError(f"unusable course id {course_id!r}")
    _check_meta(meta, course_id, version)
    given_lessons = {lesson.get("id"): lesson for lesson in meta.get("lessons", [])}
    lessons = []
    for lesson in manifest["lessons"]:
        entry = {
            "id": lesson["id"],
            "activity_id": given_lessons.get(lesson["id"], {}).get("activity_id")
            or f"{config.activity_base}/lesson/{lesson['id']}",
            "kind": lesson["kind"],
            "title": lesson["title"],
        }
        if "duration" in lesson:
            entry["duration"] = lesson["duration"]
        lessons.append(entry)
    if set(given_lessons) - {lesson["id"] for lesson in lessons}:
        raise ValueError("the metadata names lessons the package does not hold")
    return {
        "id": course_id,
        "activity_id": meta.get("activity_id") or f"{config.activity_base}/course/{course_id}",
        "version": version,
        "section": meta["section"],
        "facets": {"horizontal": [], "vertical": [], **meta.get("facets", {})},
        "title": meta.get("title") or manifest["title"],
        "summary": meta.get("summary", {}),
        "tags": meta.get("tags", []),
        "package": package,
        "lessons": lessons,
    }


def _copy_immutable(source: Path, target: Path) -> None:
    """Copy to a temporary name beside ``target``, then rename: never a half-written package."""
    if target.exists():
        return
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as part:
        with source.open("rb") as stream:
            shutil.copyfileobj(stream, part, _CHUNK)
    os.replace(part.name, target)


def publish(
    storage: Storage, config: ServerConfig, package_path: Path, meta: dict[str, Any]
) -> dict[str, Any]:
    """Add a course or a new version of it; returns the record now in the feed.

    Packages are immutable: the same version may only be republished with the same bytes
    (to change its metadata), and a version never goes backwards.
    """
    manifest = read_manifest(package_path)
    size, sha256 = file_digest(package_path)
    file_name = f"{manifest['course_id']}-v{manifest['version']}-{sha256[:12]}.zip"
    package = {"url": f"/packages/{file_name}", "size": size, "sha256": sha256}
    record = build_record(config, manifest, meta, package)
    config.packages_dir.mkdir(parents=True, exist_ok=True)
    _copy_immutable(package_path, config.packages_dir / file_name)
    with storage.write() as db:
        current = db.execute(
            "SELECT version, sha256 FROM courses WHERE id = ?", (record["id"],)
        ).fetchone()
        if current and (current[0] > record["version"]
                        or (current[0] == record["version"] and current[1] != sha256)):
            raise ValueError(
                f"{record['id']} is at version {current[0]}: a changed package needs a new version"
            )
        record["updated"] = now_iso()
        db.execute(
            "INSERT OR REPLACE INTO courses VALUES (?, ?, ?, ?, NULL, ?)",
            (record["id"], next_seq(db), record["version"], sha256,
             json.dumps(record, ensure_ascii=False, separators=(",", ":"))),
        )
        db.execute("INSERT OR REPLACE INTO packages VALUES (?, ?, ?)", (file_name, size, sha256))
    return record
