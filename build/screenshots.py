"""Screenshots of the main screens, in both languages, normal and large type.

``xvfb-run -a python build/screenshots.py`` (re-runs itself under Xvfb when there is no
display) opens the app in demo mode, syncs, downloads one course, and saves
``docs/screenshots/<screen>-<lang>[-large].png``.
"""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def wait_until(app: object, ready: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: timed out waiting for the app")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main() -> int:
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__]
        return subprocess.call(command)
    from PySide6.QtWidgets import QApplication

    from ui.demo import DemoSession
    from ui.gui import build_context
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    demo = DemoSession()
    from app.paths import resolve

    context = build_context(resolve(demo.client_dir))
    context.start("zh_CN", False)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    context.load_profile("zh_CN", False)
    demo.connect(context)
    synced: list[object] = []
    assert context.sync is not None and context.downloads is not None
    context.sync.synced.connect(synced.append)
    wait_until(app, lambda: bool(synced))
    browse_ready: list[int] = []
    window.browse.results_shown.connect(browse_ready.append)
    window.show_page(window.browse)
    wait_until(app, lambda: bool(browse_ready) and window.browse.model.rowCount() > 0)
    course_id = window.browse.model.row_at(0).id
    finished: list[str] = []
    context.downloads.finished.connect(finished.append)
    context.downloads.start(course_id)
    wait_until(app, lambda: course_id in finished)
    OUT.mkdir(parents=True, exist_ok=True)
    pages = {"home": window.home, "browse": window.browse, "settings": window.settings}
    for language in ("zh_CN", "en"):
        for large in (False, True):
            context.set_language(language)
            context.set_large_font(large)
            suffix = f"{language}{'-large' if large else ''}"
            for name, page in pages.items():
                window.show_page(page)
                settle(app)
                window.grab().save(str(OUT / f"{name}-{suffix}.png"))
            context.open_course(course_id)
            settle(app, 0.8)
            window.grab().save(str(OUT / f"course-{suffix}.png"))
    context.set_language("zh_CN")
    context.set_large_font(False)
    settle(app)
    window.close()
    context.tasks.shutdown()
    demo.stop()
    print(f"screenshots in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
