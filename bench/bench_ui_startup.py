"""Cold start to the first shown window, with a 100,000-course catalogue.

Compared in the same run with a bare PySide6 window shown by a two-line script; target:
the app within 1.5× of it. ``python -m bench.bench_ui_startup [COUNT]``. Rounds alternate
bare and app, so the median of the per-round ratios holds steadier than the ratio of
medians when other work shares the machine; both are printed.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 15
# Each child prints the wall-clock time once its event loop runs with the window shown.
SHOWN = "QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))"
BARE = (
    "import time; from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    f"app = QApplication([]); w = QWidget(); w.show(); {SHOWN}; app.exec()"
)
APP = (
    "import sys, time; from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    f"app = QApplication([]); {SHOWN}\n"
    "from ui.launcher import parse; from ui.gui import run\n"
    "sys.exit(run(parse(['--data-dir', sys.argv[1]])))"
)


def build_catalogue(folder: Path, count: int) -> Path:
    """A data folder holding ``count`` synthetic courses (reused when already built)."""
    from app.catalogue import apply_records, course_count
    from app.paths import resolve
    from app.store import Store
    from resources.demo.generator import synthetic_records

    paths = resolve(folder)
    with Store(paths) as store:
        if course_count(store.conn) != count:
            started = time.perf_counter()
            with store.transaction() as conn:
                conn.execute("DELETE FROM courses")
                apply_records(conn, synthetic_records(count))
            print(f"built a {count:,}-course catalogue in {time.perf_counter() - started:.1f} s")
    return folder


def timed(code: str, *args: str) -> float:
    """Seconds from starting the interpreter to its first shown window."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # Start as an installed app does, from compiled bytecode: with PYTHONDONTWRITEBYTECODE
    # set (as on the development machines) every run would recompile our modules (~40 ms)
    # while the bare window's library modules are precompiled. The cache stays out of the
    # tree; the warm-up run fills it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "lifelong-bench-pycache")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return float(done.stdout.split()[0]) - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = build_catalogue(Path(tempfile.gettempdir()) / f"lifelong-bench-{count}", count)
    timed(BARE)
    timed(APP, str(folder))  # warm the file cache, compile translations
    bare, app = [], []
    for _round in range(ROUNDS):
        bare.append(timed(BARE))
        app.append(timed(APP, str(folder)))
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    paired = statistics.median(a / b for a, b in zip(app, bare, strict=True))
    print(f"bare PySide6 window: {bare_ms:.0f} ms (median of {ROUNDS})")
    print(f"lifelong main window, {count:,} courses: {app_ms:.0f} ms")
    print(f"ratio: {app_ms / bare_ms:.2f}x (target <= 1.5x); per round: {paired:.2f}x")


if __name__ == "__main__":
    main()
