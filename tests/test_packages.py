"""Course packages: building, all-or-nothing import, hostile zips, update, removal, recovery."""

import json
import random
import shutil
import sqlite3
import stat
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import NotFoundError, PackageError
from app.package_build import build_package
from app.packages import (
    ImportCancelled,
    disk_used,
    import_package,
    installed_courses,
    installed_version,
    lesson_path,
    read_manifest,
    recover_interrupted_imports,
    remove_course,
    validate_manifest,
)
from app.store import Store
from tests.package_zips import (
    COURSE,
    manifest_for,
    package_of,
    patch_headers,
    sha256,
    snapshot,
    write_zip,
)

TEXT = "# 第一课\n\n![图](../images/diagram.png)\n".encode()
VIDEO = bytes(range(256)) * 40
GOOD = {"lessons/01.md": TEXT, "lessons/02.mp4": VIDEO, "images/diagram.png": b"\x89PNG..."}


def lessons(course_id: str = COURSE) -> list[dict[str, Any]]:
    return [
        {"id": f"{course_id}-01", "kind": "text", "title": {"zh": "一", "en": "One"},
         "file": "lessons/01.md"},
        {"id": f"{course_id}-02", "kind": "video", "title": {"zh": "二", "en": "Two"},
         "file": "lessons/02.mp4", "duration": 4},
    ]


def built(tmp_path: Path, version: int = 1, files: dict[str, bytes] | None = None) -> Path:
    return build_package(
        tmp_path / f"{COURSE}-v{version}.zip", course_id=COURSE, version=version,
        title={"zh": "身边的科学", "en": "Science around us"}, lessons=lessons(),
        files=files or GOOD,
    ).path


def assert_rejected(store: Store, package: Path, reason: str, **options: Any) -> None:
    """The import fails naming ``reason`` and leaves content and database as they were."""
    before = snapshot(store)
    with pytest.raises(PackageError) as caught:
        import_package(store, package, **options)
    message = str(caught.value)
    assert reason.lower() in message.lower(), message
    assert "\n" not in message
    assert snapshot(store) == before


# Building


def test_built_package_deflates_text_and_stores_media(tmp_path: Path) -> None:
    with zipfile.ZipFile(built(tmp_path)) as archive:
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["lessons/01.md"] == zipfile.ZIP_DEFLATED
    assert methods["lessons/02.mp4"] == zipfile.ZIP_STORED
    assert methods["manifest.json"] == zipfile.ZIP_DEFLATED


def test_build_streams_path_sources_and_is_reproducible(tmp_path: Path) -> None:
    video = tmp_path / "video.mp4"
    video.write_bytes(VIDEO)
    files: dict[str, bytes | Path] = {**GOOD, "lessons/02.mp4": video}
    first = build_package(tmp_path / "a.zip", course_id=COURSE, version=1,
                          title={"en": "S"}, lessons=lessons(), files=files)
    second = build_package(tmp_path / "b.zip", course_id=COURSE, version=1,
                           title={"en": "S"}, lessons=lessons(), files=files)
    assert first.sha256 == second.sha256 == sha256(first.path.read_bytes())
    assert first.size == first.path.stat().st_size
    entry = next(e for e in first.manifest["files"] if e["path"] == "lessons/02.mp4")
    assert entry == {"path": "lessons/02.mp4", "size": len(VIDEO), "sha256": sha256(VIDEO)}


def test_build_refuses_an_invalid_course_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="names a file that is not in"):
        build_package(tmp_path / "bad.zip", course_id=COURSE, version=1, title={"en": "S"},
                      lessons=lessons(), files={"lessons/01.md": TEXT})
    assert list(tmp_path.iterdir()) == []


def test_read_manifest_returns_the_validated_manifest(tmp_path: Path) -> None:
    manifest = read_manifest(built(tmp_path, version=3))
    assert (manifest["course_id"], manifest["version"]) == (COURSE, 3)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"format": 2}, "unsupported package format 2"),
        ({"course_id": "../x"}, "invalid course id"),
        ({"version": 0}, "not a positive whole number"),
        ({"version": True}, "not a positive whole number"),
        ({"title": "Science"}, "course title"),
        ({"lessons": []}, "at least one lesson"),
        ({"files": [{"path": "a.md", "size": -1, "sha256": "0" * 64}]}, "no valid size"),
        ({"files": [{"path": "a.md", "size": 1, "sha256": "XYZ"}]}, "no valid SHA-256"),
    ],
)
def test_validate_manifest_names_the_first_problem(change: dict[str, Any], reason: str) -> None:
    manifest = {**manifest_for({"a.md": b"x"}), **change}
    with pytest.raises(PackageError, match=reason):
        validate_manifest(manifest)


def test_validate_manifest_refuses_a_file_that_is_also_a_folder() -> None:
    with pytest.raises(PackageError, match="both a file and a folder"):
        validate_manifest(manifest_for({"a": b"1", "a/b.md": b"2"}))


# Importing a good package


def test_valid_package_installs_with_matching_files(store: Store, tmp_path: Path) -> None:
    package = built(tmp_path)
    seen: list[tuple[int, int]] = []
    course = import_package(store, package, expected_sha256=sha256(package.read_bytes()),
                            expected_course=COURSE, progress=lambda d, t: seen.append((d, t)))
    assert course.folder == store.paths.course_dir(COURSE)
    for name, data in GOOD.items():
        assert course.folder.joinpath(*name.split("/")).read_bytes() == data
    assert json.loads((course.folder / "manifest.json").read_bytes()) == course.manifest
    assert installed_version(store, COURSE) == 1
    assert installed_courses(store) == [course]
    assert disk_used(store) == course.size > sum(map(len, GOOD.values()))
    assert seen[-1][0] == seen[-1][1]
    assert [p.name for p in store.paths.content.iterdir()] == [COURSE]


def test_update_from_v1_to_v2_replaces_the_folder(store: Store, tmp_path: Path) -> None:
    import_package(store, built(tmp_path, 1))
    new_text = b"# revised\n"
    v2 = build_package(tmp_path / "v2.zip", course_id=COURSE, version=2, title={"en": "S"},
                       lessons=lessons(), files={"lessons/01.md": new_text,
                                                 "lessons/02.mp4": VIDEO})
    course = import_package(store, v2.path)
    assert course.version == installed_version(store, COURSE) == 2
    assert (course.folder / "lessons" / "01.md").read_bytes() == new_text
    assert not (course.folder / "images").exists()
    assert [p.name for p in store.paths.content.iterdir()] == [COURSE]


def test_older_version_is_refused(store: Store, tmp_path: Path) -> None:
    import_package(store, built(tmp_path, 2))
    assert_rejected(store, built(tmp_path, 1), "refusing older version 1")


def test_package_of_another_course_is_refused(store: Store, tmp_path: Path) -> None:
    assert_rejected(store, built(tmp_path), "not sci-0002", expected_course="sci-0002")


def test_wrong_package_hash_is_refused(store: Store, tmp_path: Path) -> None:
    assert_rejected(store, built(tmp_path), "SHA-256 does not match", expected_sha256="0" * 64)


# Hostile and damaged packages: each leaves content and database unchanged.


def hostile(tmp_path: Path, listed: dict[str, bytes], members: list[tuple[Any, bytes]]) -> Path:
    return write_zip(tmp_path / "hostile.zip", manifest_for(listed), members)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.md", "'..'"),
        ("lessons/../../evil.md", "'..'"),
        ("/etc/evil.md", "absolute path"),
        ("C:/evil.md", "drive letter"),
        ("lessons\\evil.md", "backslash"),
        ("lessons/evil\x1b.md", "control"),
    ],
)
def test_unsafe_member_names_are_refused(
    store: Store, tmp_path: Path, name: str, reason: str
) -> None:
    # Listed in the manifest, and (separately) only present in the zip.
    assert_rejected(store, hostile(tmp_path, {name: TEXT}, [(name, TEXT)]), reason)
    assert_rejected(store, hostile(tmp_path, {"a.md": TEXT}, [("a.md", TEXT), (name, TEXT)]),
                    reason)
    assert not (tmp_path / "evil.md").exists()


def test_nul_in_a_raw_member_name_is_refused(store: Store, tmp_path: Path) -> None:
    package = hostile(tmp_path, {"a.md": TEXT}, [("a.md", TEXT), ("a.mdXsh", b"x")])
    package.write_bytes(package.read_bytes().replace(b"a.mdXsh", b"a.md\x00sh"))
    assert_rejected(store, package, "NUL")


@pytest.mark.parametrize(
    ("mode", "reason"),
    [(stat.S_IFLNK | 0o777, "symbolic link"), (stat.S_IFCHR | 0o644, "device")],
)
def test_links_and_devices_are_refused(
    store: Store, tmp_path: Path, mode: int, reason: str
) -> None:
    info = zipfile.ZipInfo("lessons/01.md")
    info.external_attr = mode << 16
    target = b"../../../../etc/passwd"
    assert_rejected(store, hostile(tmp_path, {"lessons/01.md": target}, [(info, target)]), reason)


def test_duplicate_members_are_refused(store: Store, tmp_path: Path) -> None:
    members = [("a.md", TEXT), ("a.md", b"other")]
    assert_rejected(store, hostile(tmp_path, {"a.md": TEXT}, members), "appears twice")
    members = [("a.md", TEXT), ("A.md", TEXT)]
    assert_rejected(store, hostile(tmp_path, {"a.md": TEXT}, members), "appears twice")


def test_unlisted_member_is_refused(store: Store, tmp_path: Path) -> None:
    members = [("a.md", TEXT), ("extra.exe", b"MZ")]
    assert_rejected(store, hostile(tmp_path, {"a.md": TEXT}, members), "not in its manifest")


def test_listed_but_missing_file_is_refused(store: Store, tmp_path: Path) -> None:
    package = hostile(tmp_path, {"a.md": TEXT, "b.md": TEXT}, [("a.md", TEXT)])
    assert_rejected(store, package, "'b.md' is listed in the manifest but not in the package")


def test_folder_entries_must_be_implied_by_files(store: Store, tmp_path: Path) -> None:
    implied = hostile(tmp_path, {"d/a.md": TEXT}, [("d/", b""), ("d/a.md", TEXT)])
    assert import_package(store, implied).version == 1
    remove_course(store, COURSE)
    stray = hostile(tmp_path, {"d/a.md": TEXT}, [("e/", b""), ("d/a.md", TEXT)])
    assert_rejected(store, stray, "with no listed file")


def test_manifest_declaring_a_smaller_size_is_refused(store: Store, tmp_path: Path) -> None:
    manifest = manifest_for({"a.md": TEXT[:10]})
    manifest["files"][0]["sha256"] = sha256(TEXT)
    package = write_zip(tmp_path / "lie.zip", manifest, [("a.md", TEXT)])
    assert_rejected(store, package, f"the archive says {len(TEXT)} bytes, the manifest 10")


def test_headers_claiming_a_smaller_size_are_refused(store: Store, tmp_path: Path) -> None:
    data = b"A" * 5000
    package = write_zip(tmp_path / "lie.zip", manifest_for({"a.md": data[:1000]}),
                        [("a.md", data)])
    small = struct.pack("<L", 1000)
    package.write_bytes(
        patch_headers(package.read_bytes(), "a.md", {"local": (22, small), "central": (24, small)})
    )
    # Bytes are counted while inflating: the header's size is not trusted.
    assert_rejected(store, package, "'a.md' is larger than the manifest declares")


def test_bad_file_hash_is_refused(store: Store, tmp_path: Path) -> None:
    manifest = manifest_for({"a.md": TEXT})
    manifest["files"][0]["sha256"] = "0" * 64
    package = write_zip(tmp_path / "bad.zip", manifest, [("a.md", TEXT)])
    assert_rejected(store, package, "'a.md' does not match its SHA-256")


def test_encrypted_member_is_refused(store: Store, tmp_path: Path) -> None:
    package = hostile(tmp_path, {"a.md": TEXT}, [("a.md", TEXT)])
    flag = struct.pack("<H", 1)
    package.write_bytes(
        patch_headers(package.read_bytes(), "a.md", {"local": (6, flag), "central": (8, flag)})
    )
    assert_rejected(store, package, "encrypted")


def test_unknown_compression_is_refused(store: Store, tmp_path: Path) -> None:
    info = zipfile.ZipInfo("a.md")
    info.compress_type = zipfile.ZIP_BZIP2
    package = hostile(tmp_path, {"a.md": TEXT}, [(info, TEXT)])
    assert_rejected(store, package, "compression method 12")


def test_zip_bomb_ratio_is_refused(store: Store, tmp_path: Path) -> None:
    zeros = bytes(4 * 1024**2)
    package = hostile(tmp_path, {"a.md": TEXT, "bomb.bin": zeros},
                      [("a.md", TEXT), ("bomb.bin", zeros)])
    assert_rejected(store, package, "compressed more than 200:1")


def test_too_many_files_in_the_manifest_is_refused(store: Store, tmp_path: Path) -> None:
    listed = {f"f{n}.md": b"" for n in range(10_001)}
    assert_rejected(store, hostile(tmp_path, listed, []), "too many files: 10001")


def test_too_many_entries_is_refused_before_reading_them(store: Store, tmp_path: Path) -> None:
    package = hostile(tmp_path, {"a.md": TEXT}, [("a.md", TEXT)])
    raw = bytearray(package.read_bytes())
    end = raw.rfind(b"PK\x05\x06")
    raw[end + 8 : end + 12] = struct.pack("<2H", 60_000, 60_000)
    package.write_bytes(bytes(raw))
    assert_rejected(store, package, "too many files: 60000")


def test_truncated_package_is_reported_damaged(store: Store, tmp_path: Path) -> None:
    package = built(tmp_path)
    package.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    assert_rejected(store, package, "damaged or not a zip file")


def test_corrupt_member_data_is_refused(store: Store, tmp_path: Path) -> None:
    data = bytes(range(256)) * 64
    package = write_zip(tmp_path / "c.zip", manifest_for({"a.md": data}), [("a.md", data)],
                        method=zipfile.ZIP_STORED)
    raw = bytearray(package.read_bytes())
    raw[raw.find(data) + 100] ^= 0xFF
    package.write_bytes(bytes(raw))
    assert_rejected(store, package, "'a.md' does not match its SHA-256")


def test_compressed_size_reaching_past_the_member_is_refused(store: Store, tmp_path: Path) -> None:
    data = bytes(range(256)) * 64
    package = write_zip(tmp_path / "c.zip", manifest_for({"a.md": data}), [("a.md", data)],
                        method=zipfile.ZIP_STORED)
    big = struct.pack("<L", 10**8)
    package.write_bytes(
        patch_headers(package.read_bytes(), "a.md", {"local": (18, big), "central": (20, big)})
    )
    assert_rejected(store, package, "'a.md' is larger than the manifest declares")


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": 1, "format": 1}', "repeats the key 'format'"),
        (b'{"format": NaN}', "NaN"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_unreadable_manifest_is_refused(
    store: Store, tmp_path: Path, manifest: bytes, reason: str
) -> None:
    assert_rejected(store, write_zip(tmp_path / "m.zip", manifest, []), reason)


def test_package_without_manifest_is_refused(store: Store, tmp_path: Path) -> None:
    package = tmp_path / "none.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("a.md", TEXT)
    assert_rejected(store, package, "no manifest.json")


def test_missing_package_file_is_reported(store: Store, tmp_path: Path) -> None:
    assert_rejected(store, tmp_path / "absent.zip", "cannot install the package")


# Several large members, extracted by parallel threads


def large_files(count: int) -> dict[str, bytes]:
    """Incompressible members over the writeback step, so every code path of a copy runs."""
    return {f"lessons/{n}.mp4": random.Random(n).randbytes(5 * 1024**2 + n) for n in range(count)}


def test_large_members_are_installed_byte_for_byte(store: Store, tmp_path: Path) -> None:
    files = large_files(3)
    installed = import_package(store, package_of(tmp_path / "big.zip", files))
    for name, data in files.items():
        assert (installed.folder / name).read_bytes() == data


def test_one_bad_member_among_large_ones_fails_the_whole_import(
    store: Store, tmp_path: Path
) -> None:
    files = large_files(4)
    manifest = manifest_for(files)
    manifest["files"][2]["sha256"] = sha256(b"something else")
    package = write_zip(tmp_path / "bad.zip", manifest, list(files.items()),
                        method=zipfile.ZIP_STORED)
    assert_rejected(store, package, "'lessons/2.mp4' does not match its SHA-256")
    assert [p.name for p in store.paths.content.iterdir()] == []


def test_progress_only_grows_and_ends_at_the_total(store: Store, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    files = large_files(3)
    import_package(store, package_of(tmp_path / "big.zip", files),
                   progress=lambda done, total: reports.append((done, total)))
    done = [report[0] for report in reports]
    assert done == sorted(done)
    assert reports[-1] == (sum(map(len, files.values())),) * 2


# Interrupted imports


def failing_after(calls: int, error: BaseException) -> Callable[[int, int], None]:
    count = 0

    def progress(_done: int, _total: int) -> None:
        nonlocal count
        count += 1
        if count > calls:
            raise error

    return progress


def test_crash_mid_import_leaves_nothing(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    with pytest.raises(RuntimeError):
        import_package(store, built(tmp_path), progress=failing_after(1, RuntimeError("power")))
    assert snapshot(store) == before


def test_crash_mid_update_keeps_the_old_version(store: Store, tmp_path: Path) -> None:
    import_package(store, built(tmp_path, 1))
    before = snapshot(store)
    with pytest.raises(RuntimeError):
        import_package(store, built(tmp_path, 2), progress=failing_after(1, RuntimeError("x")))
    assert snapshot(store) == before


def test_cancel_stops_the_import_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    assert_rejected(store, built(tmp_path), "cancelled", cancel=cancel)
    assert len(calls) == 3
    with pytest.raises(ImportCancelled):
        import_package(store, built(tmp_path), cancel=lambda: True)


def test_database_failure_during_update_restores_the_old_folder(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_package(store, built(tmp_path, 1))
    before = snapshot(store)

    def broken() -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "transaction", broken)
    assert_rejected(store, built(tmp_path, 2), "disk I/O error")
    assert snapshot(store) == before


def test_killed_process_leaves_nothing_after_recovery(paths: Any, tmp_path: Path) -> None:
    package = built(tmp_path)
    script = (
        "import os, sys\n"
        "from app.paths import DataPaths\nfrom app.store import Store\n"
        "from app.packages import import_package\n"
        "store = Store(DataPaths(__import__('pathlib').Path(sys.argv[1])))\n"
        "import_package(store, sys.argv[2], progress=lambda d, t: d > 4000 and os._exit(3))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(paths.root), str(package)],
                            check=False, cwd=Path(__file__).parents[1])
    assert result.returncode == 3
    assert any(p.name.startswith(".incoming-") for p in paths.content.iterdir())
    with Store(paths) as store:
        recover_interrupted_imports(store)
        assert snapshot(store) == ([], [])


def install_states(store: Store, tmp_path: Path) -> tuple[Path, Path]:
    """v2 installed in the database and in place, v1's folder moved aside as a crash left it."""
    current = import_package(store, built(tmp_path, 1)).folder
    shutil.copytree(current, tmp_path / "v1")
    import_package(store, built(tmp_path, 2))
    aside = store.paths.content / ".previous-crash"
    (tmp_path / "v1").rename(aside)
    return current, aside


def test_recovery_keeps_a_committed_update(store: Store, tmp_path: Path) -> None:
    _current, aside = install_states(store, tmp_path)
    recover_interrupted_imports(store)
    assert not aside.exists()
    assert installed_version(store, COURSE) == 2


def test_recovery_undoes_an_uncommitted_update(store: Store, tmp_path: Path) -> None:
    current, aside = install_states(store, tmp_path)
    store.conn.execute("UPDATE installed SET version = 1, manifest = ?",
                       (json.dumps(json.loads((aside / "manifest.json").read_bytes())),))
    recover_interrupted_imports(store)
    assert json.loads((current / "manifest.json").read_bytes())["version"] == 1
    assert [p.name for p in store.paths.content.iterdir()] == [COURSE]


def test_recovery_restores_a_folder_moved_aside(store: Store, tmp_path: Path) -> None:
    import_package(store, built(tmp_path, 1))
    before = snapshot(store)
    store.paths.course_dir(COURSE).rename(store.paths.content / ".previous-crash")
    recover_interrupted_imports(store)
    assert snapshot(store) == before


def test_recovery_removes_a_folder_that_was_never_recorded(store: Store, tmp_path: Path) -> None:
    import_package(store, built(tmp_path, 1))
    store.conn.execute("DELETE FROM installed")
    (store.paths.content / "not-a-course").mkdir()
    recover_interrupted_imports(store)
    assert [p.name for p in store.paths.content.iterdir()] == ["not-a-course"]


# Removal and lookup


def test_remove_course_frees_its_bytes(store: Store, tmp_path: Path) -> None:
    course = import_package(store, built(tmp_path))
    assert remove_course(store, COURSE) == course.size
    assert snapshot(store) == ([], [])
    assert installed_version(store, COURSE) is None
    with pytest.raises(NotFoundError):
        remove_course(store, COURSE)


def test_lesson_path_resolves_files_of_the_course(store: Store, tmp_path: Path) -> None:
    course = import_package(store, built(tmp_path))
    path = lesson_path(store, COURSE, "lessons/../images/diagram.png")
    assert path == course.folder / "images" / "diagram.png"
    assert path.read_bytes() == GOOD["images/diagram.png"]


@pytest.mark.parametrize(
    "relative",
    ["../sci-0002/a.md", "/etc/passwd", "lessons\\01.md", "C:/x", "", ".", "lessons/absent.md",
     "lessons/../../library.sqlite3"],
)
def test_lesson_path_never_leaves_the_course(store: Store, tmp_path: Path, relative: str) -> None:
    import_package(store, built(tmp_path))
    with pytest.raises(NotFoundError, match="is not a file of course"):
        lesson_path(store, COURSE, relative)


def test_lesson_path_of_a_course_not_installed_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="not installed"):
        lesson_path(store, COURSE, "lessons/01.md")
