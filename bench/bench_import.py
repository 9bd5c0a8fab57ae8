"""Import speed and memory of a 200 MB package against copying the same bytes.

Run: ``python -m bench.bench_import [MEGABYTES]``. Prints MB/s for ``shutil.copyfile``
(with and without fsync, since the import syncs every file), for hashing alone (the import
must SHA-256 every byte) and for ``import_package``
with and without the package hash check, the import/copy ratio (target >= 0.5) and
the growth of peak RSS during the import (it must stay flat: each extraction thread streams
its file in 1 MiB chunks, so the growth does not depend on the package's size).
"""

import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.package_build import build_package
from app.packages import import_package, remove_course
from app.paths import DataPaths
from app.store import Store

MIB = 1024**2
VIDEOS = 4
ROUNDS = 5


def peak_rss_mib() -> float:
    """Peak resident memory (VmHWM) of this process, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def reset_peak_rss() -> None:
    """Make VmHWM start again from the current RSS (Linux: write 5 to clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")


def random_file(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        for _ in range(size // MIB):
            handle.write(os.urandom(MIB))
    return path


def best_seconds(action: Callable[[], object], undo: Callable[[], None]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
        undo()
    return min(times)


def hash_only(source: Path) -> None:
    """The SHA-256 pass alone: the floor under any verifying import."""
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        while chunk := handle.read(MIB):
            digest.update(chunk)


def copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def main(megabytes: int = 200) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        per_video = megabytes * MIB // VIDEOS
        files: dict[str, bytes | Path] = {
            f"lessons/{n:02}.mp4": random_file(work / f"{n}.mp4", per_video)
            for n in range(VIDEOS)
        }
        files["lessons/notes.md"] = b"# Notes\n" * 1000
        lessons = [
            {"id": f"bench-{n:02}", "kind": "video", "title": {"en": f"Video {n}"},
             "file": f"lessons/{n:02}.mp4"}
            for n in range(VIDEOS)
        ]
        package = build_package(work / "bench.zip", course_id="bench-0001", version=1,
                                title={"en": "Benchmark"}, lessons=lessons, files=files)
        size_mb = package.size / 1e6
        os.sync()  # the disk is idle for every measurement, not busy writing the inputs back
        copy = work / "copy.zip"

        def remove_copy() -> None:
            copy.unlink()

        copy_s = best_seconds(lambda: shutil.copyfile(package.path, copy), remove_copy)
        synced_s = best_seconds(lambda: copy_synced(package.path, copy), remove_copy)
        hash_s = best_seconds(lambda: hash_only(package.path), lambda: None)
        with Store(DataPaths(work / "data")) as store:

            def uninstall() -> None:
                remove_course(store, "bench-0001")

            reset_peak_rss()
            rss_before = peak_rss_mib()
            plain_s = best_seconds(lambda: import_package(store, package.path), uninstall)
            hashed_s = best_seconds(
                lambda: import_package(store, package.path, expected_sha256=package.sha256),
                uninstall,
            )
            rss_growth = peak_rss_mib() - rss_before

    print(f"package: {size_mb:.0f} MB in {VIDEOS} stored video files + 1 deflated text file")
    for label, seconds in (
        ("shutil.copyfile", copy_s),
        ("copyfile + fsync", synced_s),
        ("SHA-256 of the package alone", hash_s),
        ("import_package", plain_s),
        ("import_package + package SHA-256", hashed_s),
    ):
        print(f"{label:34} {seconds:6.3f} s  {size_mb / seconds:7.0f} MB/s")
    print(f"import / copyfile speed:           {copy_s / plain_s:.2f}x (target >= 0.5x)")
    print(f"import / copyfile+fsync speed:     {synced_s / plain_s:.2f}x")
    print(f"import+hash / copyfile speed:      {copy_s / hashed_s:.2f}x")
    print(f"import / SHA-256-alone speed:      {hash_s / plain_s:.2f}x")
    print(f"peak RSS growth during imports:    {rss_growth:.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
