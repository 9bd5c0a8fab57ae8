"""Property tests: hostile member names never write outside content, and an import is all or
nothing."""

import os
import posixpath
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.errors import PackageError
from app.package_manifest import check_relative_path
from app.packages import import_package
from app.paths import DataPaths
from app.store import Store
from tests.package_zips import COURSE, manifest_for, sha256, snapshot, write_zip

FRAGMENTS = ["..", ".", "", "a", "b.md", "课", "C:", "con", "x ", "a.", "\\", "/", ":", "\x00",
             "\x1b", "\u202e", "%2e%2e", "~", "A", "Ａ"]
SAFE = ["a", "b.md", "课", "Ａ", "x y", "%2e%2e", "~", "A", "v1.mp4"]
segments = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map("".join)
# zipfile cannot write a name that is empty once cut at its first NUL.
names = (
    st.lists(segments, min_size=1, max_size=4).map("/".join) | st.text(min_size=1, max_size=12)
).filter(lambda name: name[:1] not in ("", "\x00"))
safe_names = st.lists(st.sampled_from(SAFE), min_size=1, max_size=3).map("/".join)
contents = st.binary(max_size=64)


@st.composite
def members(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """Plausible members, with one intruder (hostile or not) in about half the examples."""
    files = draw(st.lists(st.tuples(safe_names, contents), min_size=1, max_size=4))
    intruder = draw(st.none() | st.tuples(names, contents))
    if intruder is not None:
        files.insert(draw(st.integers(0, len(files))), intruder)
    return files


# How the manifest relates to the members: honest, missing one, one extra, or a size lie.
tampering = st.sampled_from(["honest", "honest", "drop", "extra", "size"])


def tree(sandbox: Path, root: Path) -> list[str]:
    """Every path under ``sandbox`` except content, the lock and the database files."""
    return sorted(
        str(path.relative_to(sandbox))
        for path in sandbox.rglob("*")
        if not path.is_relative_to(root / "content")
        and path.name != "content.lock"
        and not path.name.startswith("library.sqlite3")
    )


def hostile_manifest(files: list[tuple[str, bytes]], how: str) -> dict[str, object]:
    manifest = manifest_for(dict(files))
    entries: list[dict[str, object]] = [
        {"path": name, "size": len(data), "sha256": sha256(data)} for name, data in files
    ]
    if how == "drop" and len(entries) > 1:
        entries.pop()
    elif how == "extra":
        entries.append({"path": "extra.md", "size": 1, "sha256": sha256(b"x")})
    elif how == "size":
        entries[0] = {**entries[0], "size": len(files[0][1]) + 1}
    manifest["files"] = entries
    return manifest


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=members(), how=tampering)
def test_hostile_names_install_completely_or_change_nothing(
    files: list[tuple[str, bytes]], how: str
) -> None:
    with tempfile.TemporaryDirectory() as sandbox_name:
        sandbox = Path(sandbox_name)
        root = sandbox / "deep" / "data"
        with Store(DataPaths(root)) as store:
            outside_before, before = tree(sandbox, root), snapshot(store)
            package = write_zip(sandbox / "p.zip", hostile_manifest(files, how), files)
            outside_before.append("p.zip")
            try:
                course = import_package(store, package)
            except PackageError as error:
                event(f"rejected: {str(error).split(':')[0][:30]}")
                assert snapshot(store) == before
            else:
                event("installed")
                listing, rows = snapshot(store)
                expected = {name: sha256(data) for name, data in files}
                installed = {
                    name.removeprefix(f"{COURSE}/"): digest
                    for name, digest in listing
                    if digest != "dir" and name != f"{COURSE}/manifest.json"
                }
                assert installed == expected
                assert [row[0] for row in rows] == [course.course_id]
            assert sorted(outside_before) == tree(sandbox, root)


@settings(max_examples=500)
@given(name=names)
def test_accepted_names_stay_inside_on_posix_and_windows(name: str) -> None:
    try:
        check_relative_path(name)
    except PackageError:
        return
    assert posixpath.normpath(posixpath.join("/base", name)).startswith("/base/")
    for pure in (PurePosixPath(name), PureWindowsPath(name)):
        assert not pure.anchor and not pure.drive
        assert ".." not in pure.parts
    assert os.sep not in name or os.sep == "/"
