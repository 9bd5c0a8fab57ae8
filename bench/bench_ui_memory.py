"""Peak memory of the app with a 100,000-course catalogue open and a video playing.

A fresh process opens the real main window on a data folder of ``--count`` courses plus
one installed demo course, shows the Browse page, searches, then plays the course's video
clip in the lesson player (libVLC with dummy outputs under the offscreen platform).
Baseline in the same run: a bare PySide6 window in its own process. Target: peak < 300 MB.
Run: ``python -m bench.bench_ui_memory [--count 100000]``
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEARCH = "健康"
# Shown for half a second; nothing of the project imported.
BARE = (
    "from pathlib import Path\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([]); w = QWidget(); w.resize(800, 600); w.show()\n"
    "QTimer.singleShot(500, app.quit); app.exec()\n"
    "status = dict(line.split(':', 1) for line in Path('/proc/self/status').read_text()"
    ".splitlines())\n"
    "rss, peak = (int(status[key].split()[0]) / 1024 for key in ('VmRSS', 'VmHWM'))\n"
    "print(f'bare PySide6 window:             RSS {rss:4.0f} MB, peak {peak:.0f} MB')"
)


def prepare(folder: Path, count: int) -> tuple[str, str]:
    """A data folder of ``count`` synthetic courses and the first demo course installed
    (reused when already built); returns that course's id and its first video lesson."""
    from app.catalogue import apply_records, course_count
    from app.packages import build_package, import_package, installed_version
    from app.paths import resolve
    from app.store import Store
    from resources.demo.generator import demo_courses, synthetic_records

    course = demo_courses()[0]
    lesson = next(lesson["id"] for lesson in course.lessons if lesson["kind"] == "video")
    with Store(resolve(folder)) as store:
        if course_count(store.conn) == count + 1 and installed_version(store, course.id):
            return course.id, lesson
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as build:
            info = build_package(
                Path(build) / course.package_name, course_id=course.id, version=course.version,
                title=course.title, lessons=list(course.lessons), files=course.files,
            )
            package = {"url": "/packages/" + course.package_name, "size": info.size,
                       "sha256": info.sha256}
            with store.transaction() as conn:
                conn.execute("DELETE FROM courses")
                apply_records(conn, [*synthetic_records(count), course.record(package)])
            import_package(store, info.path)
        print(f"built a {count:,}-course catalogue with {course.id} installed in "
              f"{time.perf_counter() - started:.1f} s")
    return course.id, lesson


def measure(folder: Path, course_id: str, lesson_id: str) -> None:
    """In a fresh process: the app's memory at each step."""
    from PySide6.QtWidgets import QApplication

    from bench.ui_setup import open_main_window, pause, status_mb, wait_until

    def show(step: str) -> None:
        print(f"{step:<32} RSS {status_mb('VmRSS'):4.0f} MB")

    QApplication([])
    context, window = open_main_window(folder)
    pause(0.5)
    show("after start")
    browse = window.browse
    totals: list[int] = []
    browse.results_shown.connect(totals.append)
    window.show_page(browse)
    wait_until(lambda: bool(totals), 60, "the catalogue list")
    pause(0.5)
    show(f"catalogue list shown ({totals[-1]:,})")
    totals.clear()
    browse.search.setText(SEARCH)
    wait_until(lambda: bool(totals), 60, "the search results")
    pause(0.5)
    show(f"searched {SEARCH} ({totals[-1]:,} found)")
    context.open_lesson(course_id, lesson_id)
    lesson = window.lesson
    assert lesson is not None, "the lesson player is not available"
    video = lesson.video()  # type: ignore[attr-defined]
    wait_until(lambda: video.position() > 1.0, 60, "the video to play")
    show(f"video playing ({video.position():.1f} s of {video.duration():.1f})")
    pause(1.0)
    show("video still playing")
    print(f"peak (VmHWM): {status_mb('VmHWM'):.0f} MB (target < 300 MB)")
    window.close()
    context.tasks.shutdown()


def child(*args: str) -> None:
    """Run ``python ARGS`` in a fresh process and print what it prints."""
    done = subprocess.run([sys.executable, *args], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    print(done.stdout, end="")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--measure", nargs=3, metavar=("FOLDER", "COURSE", "LESSON"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        folder, course_id, lesson_id = args.measure
        measure(Path(folder), course_id, lesson_id)
        return
    folder = Path(tempfile.gettempdir()) / f"lifelong-bench-memory-{args.count}"
    course_id, lesson_id = prepare(folder, args.count)
    child("-c", BARE)
    child("-m", "bench.bench_ui_memory", "--measure", str(folder), course_id, lesson_id)


if __name__ == "__main__":
    main()
