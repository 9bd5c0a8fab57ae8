"""Installed course packages: all-or-nothing import, removal and safe file lookup.

An import verifies everything inside a ``.incoming-*`` folder of ``content``, then moves it
into place with one rename; an older version is moved aside (``.previous-*``) first and
deleted only after the database row is committed. :func:`recover_interrupted_imports`
finishes or undoes whatever a crash left half-done; every operation here runs it first.
"""

import json
import os
import posixpath
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app import search
from app.errors import NotFoundError, PackageError
from app.package_build import PackageInfo, build_package
from app.package_extract import (
    Cancel,
    ImportCancelled,
    Meter,
    Progress,
    extract_verified,
    hash_file,
    sync_folder,
    write_synced,
)
from app.package_lock import content_lock
from app.package_manifest import (
    MANIFEST_NAME,
    check_relative_path,
    parse_manifest,
    quoted,
    validate_manifest,
)
from app.package_safety import DAMAGED, manifest_of, open_archive, read_manifest
from app.store import Store, utc_now

__all__ = [
    "ImportCancelled",
    "InstalledCourse",
    "PackageInfo",
    "adopt_course_folders",
    "build_package",
    "disk_used",
    "import_package",
    "installed_courses",
    "installed_version",
    "lesson_path",
    "read_manifest",
    "recover_interrupted_imports",
    "remove_course",
    "validate_manifest",
]

INCOMING_PREFIX = ".incoming-"
PREVIOUS_PREFIX = ".previous-"
# Room left free after an import, so the database and the OS are not starved.
FREE_SPACE_MARGIN = 64 * 1024**2


@dataclass(frozen=True)
class InstalledCourse:
    """One installed course version and where its files are."""

    course_id: str
    version: int
    folder: Path
    size: int
    manifest: dict[str, Any]
    installed_at: str


def import_package(
    store: Store,
    package: Path,
    *,
    expected_sha256: str | None = None,
    expected_course: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> InstalledCourse:
    """Install ``package`` completely or not at all; raise :class:`PackageError` saying why."""
    with content_lock(store.paths.root, cancel):
        recover_interrupted_imports(store, locked=True)
        try:
            with open(package, "rb") as handle:
                return _import_open(store, handle, expected_sha256, expected_course,
                                    Meter(0, progress, cancel))
        except DAMAGED as error:
            raise PackageError(f"the package is damaged ({error})") from error
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or error
            raise PackageError(f"cannot install the package: {reason}") from error


def _import_open(
    store: Store,
    handle: IO[bytes],
    expected_sha256: str | None,
    expected_course: str | None,
    meter: Meter,
) -> InstalledCourse:
    package_size = os.fstat(handle.fileno()).st_size
    # Hash the same open file that is then parsed, so it cannot be swapped in between.
    if expected_sha256 is not None:
        meter.total = 2 * package_size
        if hash_file(handle, meter) != expected_sha256.lower():
            raise PackageError("the package's SHA-256 does not match the catalogue's")
    with open_archive(handle) as archive:
        manifest = manifest_of(archive)
        course_id = manifest["course_id"]
        if expected_course is not None and course_id != expected_course:
            raise PackageError(f"the package holds course {course_id}, not {expected_course}")
        _check_replaceable(store, manifest)
        files_size = sum(entry["size"] for entry in manifest["files"])
        meter.total = meter.done + files_size
        _check_free_space(store, files_size)
        staging = Path(tempfile.mkdtemp(prefix=INCOMING_PREFIX, dir=store.paths.content))
        try:
            extract_verified(archive, handle, manifest, staging, meter)
            text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
            write_synced(staging / MANIFEST_NAME, text.encode())
            return _install(store, staging, manifest, files_size + len(text.encode()))
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(store: Store, manifest: dict[str, Any]) -> None:
    course_id, version = manifest["course_id"], manifest["version"]
    rows = store.conn.execute(
        "SELECT course_id, version FROM installed WHERE lower(course_id) = lower(?)",
        (course_id,),
    ).fetchall()
    for other_id, installed in rows:
        if other_id != course_id:
            raise PackageError(f"course {course_id} would share a folder with {other_id}")
        if installed > version:
            raise PackageError(
                f"version {installed} of {course_id} is installed; refusing older version {version}"
            )


def _check_free_space(store: Store, needed: int) -> None:
    free = shutil.disk_usage(store.paths.content).free
    if free < needed + FREE_SPACE_MARGIN:
        raise PackageError(
            f"not enough free disk space: the course needs {needed // 1024**2 + 1} MB, "
            f"{free // 1024**2} MB are free"
        )


def _install(
    store: Store, staging: Path, manifest: dict[str, Any], size: int
) -> InstalledCourse:
    """Swap the verified folder in and record it; on any failure put everything back."""
    course_id = manifest["course_id"]
    final = store.paths.course_dir(course_id)
    previous = None
    if os.path.lexists(final):
        previous = Path(tempfile.mkdtemp(prefix=PREVIOUS_PREFIX, dir=store.paths.content))
        os.replace(final, previous)
    try:
        os.replace(staging, final)
        sync_folder(store.paths.content)
        installed = InstalledCourse(course_id, manifest["version"], final, size, manifest,
                                    utc_now())
        with store.transaction() as conn:
            _write_row(conn, installed)
    except BaseException:
        if final.exists() and not staging.exists():
            os.replace(final, staging)  # the caller deletes staging
        if previous is not None:
            os.replace(previous, final)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    return installed


def _write_row(conn: sqlite3.Connection, course: InstalledCourse) -> None:
    conn.execute(
        "INSERT INTO installed(course_id, version, folder, size, manifest, installed_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(course_id) DO UPDATE SET "
        "version = excluded.version, folder = excluded.folder, size = excluded.size, "
        "manifest = excluded.manifest, installed_at = excluded.installed_at",
        (
            course.course_id,
            course.version,
            course.folder.name,
            course.size,
            json.dumps(course.manifest, ensure_ascii=False, separators=(",", ":")),
            course.installed_at,
        ),
    )
    search.reindex(conn, [course.course_id])  # a withdrawn course stays listed once installed


def recover_interrupted_imports(store: Store, *, locked: bool = False) -> None:
    """Undo or finish an import or removal a crash interrupted (run at start-up too)."""
    if not locked:
        with content_lock(store.paths.root, None):
            recover_interrupted_imports(store, locked=True)
        return
    content = store.paths.content
    for entry in sorted(content.iterdir()):
        if entry.name.startswith(INCOMING_PREFIX):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(PREVIOUS_PREFIX):
            _settle_previous(store, entry)
    recorded = {row[0] for row in store.conn.execute("SELECT folder FROM installed")}
    for entry in content.iterdir():
        if entry.name not in recorded and _folder_course(entry) == entry.name:
            shutil.rmtree(entry, ignore_errors=True)  # moved in, but never recorded


def _settle_previous(store: Store, previous: Path) -> None:
    """Keep whichever of the old and new folder the database row describes."""
    course_id = _folder_course(previous)
    if course_id is None:
        shutil.rmtree(previous, ignore_errors=True)
        return
    current = store.paths.course_dir(course_id)
    if os.path.lexists(current):
        row = store.conn.execute(
            "SELECT manifest FROM installed WHERE course_id = ?", (course_id,)
        ).fetchone()
        if row is not None and json.loads(row[0]) == _folder_manifest(current):
            shutil.rmtree(previous, ignore_errors=True)  # the new version was committed
            return
        shutil.rmtree(current)
    os.replace(previous, current)


def _folder_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        return parse_manifest((folder / MANIFEST_NAME).read_bytes())
    except (OSError, PackageError):
        return None


def _folder_course(folder: Path) -> str | None:
    manifest = _folder_manifest(folder) if folder.is_dir() else None
    return None if manifest is None else str(manifest["course_id"])


def adopt_course_folders(store: Store) -> int:
    """Record every course folder that holds its own manifest; returns how many were new.

    For a database started afresh: the files were verified when they were imported.
    """
    adopted = 0
    with content_lock(store.paths.root, None), store.transaction() as conn:
        recorded = {row[0] for row in conn.execute("SELECT folder FROM installed")}
        for folder in sorted(store.paths.content.iterdir()):
            manifest = _folder_manifest(folder) if folder.is_dir() else None
            if folder.name in recorded or manifest is None or manifest["course_id"] != folder.name:
                continue
            size = sum(entry["size"] for entry in manifest["files"])
            size += (folder / MANIFEST_NAME).stat().st_size
            _write_row(conn, InstalledCourse(manifest["course_id"], manifest["version"], folder,
                                             size, manifest, utc_now()))
            adopted += 1
    return adopted


def remove_course(store: Store, course_id: str) -> int:
    """Uninstall a course; returns the bytes freed. Raises :class:`NotFoundError`."""
    with content_lock(store.paths.root, None):
        recover_interrupted_imports(store, locked=True)
        course = _installed(store, course_id)
        freed = sum(
            (Path(folder) / name).stat().st_size
            for folder, _subfolders, names in os.walk(course.folder)
            for name in names
        )
        # Row first: a crash before the folder is gone leaves an orphan recovery deletes.
        with store.transaction() as conn:
            conn.execute("DELETE FROM installed WHERE course_id = ?", (course_id,))
            search.reindex(conn, [course_id])  # a withdrawn course leaves the listing
        shutil.rmtree(course.folder, ignore_errors=True)
        return freed


def installed_courses(store: Store) -> list[InstalledCourse]:
    rows = store.conn.execute(f"{_SELECT} ORDER BY course_id").fetchall()
    return [_course(store, row) for row in rows]


def installed_version(store: Store, course_id: str) -> int | None:
    row = store.conn.execute(
        "SELECT version FROM installed WHERE course_id = ?", (course_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def disk_used(store: Store) -> int:
    """Bytes taken by every installed course."""
    return int(store.conn.execute("SELECT coalesce(sum(size), 0) FROM installed").fetchone()[0])


def lesson_path(store: Store, course_id: str, relative: str) -> Path:
    """The file ``relative`` (as a lesson names it) of an installed course, never outside it."""
    course = _installed(store, course_id)
    problem = NotFoundError(f"{quoted(str(relative))} is not a file of course {course_id}")
    try:
        # normpath folds "lessons/../images/a.png"; it keeps "/", "\\", ":" and a leading "..",
        # which the check then refuses.
        name = check_relative_path(posixpath.normpath(relative))
    except PackageError:
        raise problem from None
    if name not in {entry["path"] for entry in course.manifest["files"]}:
        raise problem
    path = course.folder.joinpath(*name.split("/"))
    if not path.resolve().is_relative_to(course.folder.resolve()):
        raise problem
    return path


_SELECT = "SELECT course_id, version, folder, size, manifest, installed_at FROM installed"


def _installed(store: Store, course_id: str) -> InstalledCourse:
    row = store.conn.execute(f"{_SELECT} WHERE course_id = ?", (course_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"course {course_id} is not installed")
    return _course(store, row)


def _course(store: Store, row: tuple[Any, ...]) -> InstalledCourse:
    course_id, version, folder, size, manifest, installed_at = row
    return InstalledCourse(
        str(course_id), int(version), store.paths.content / str(folder), int(size),
        json.loads(manifest), str(installed_at),
    )
