"""Screenshots of the profile picker and the large-font (silver-age) home.

``python build/profile_screenshots.py`` (re-runs itself under Xvfb when there is no
display) makes a throw-away data folder with three learners and a facilitator, and
saves ``docs/screenshots/picker-<lang>[-large].png`` and ``simple-home-<lang>-large.png``.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def settle(app: object, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def fill(root: Path) -> int:
    """Learners, a facilitator and a little progress; returns the learner to open."""
    from app import profiles
    from app.catalogue import apply_records, get_course
    from app.paths import resolve
    from app.progress import save_position
    from app.store import Store
    from resources.demo.generator import synthetic_records

    with Store(resolve(root)) as store:
        with store.transaction() as conn:
            apply_records(conn, synthetic_records(60))
        wang = profiles.create(store.conn, "王芳")
        profiles.create(store.conn, "李明", pin="1357")
        profiles.create(store.conn, "Zhao Qiang")
        profiles.create(store.conn, "社区中心", pin="9999", facilitator=True)
        lesson = get_course(store.conn, "silver-000001").lessons[1]
        save_position(store, wang.id, lesson, 95.0, 300.0)
        return wang.id


def main() -> int:
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__]
        return subprocess.call(command)
    from PySide6.QtWidgets import QApplication

    from app.paths import resolve
    from ui.gui import build_context
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as folder:
        wang_id = fill(Path(folder))
        context = build_context(resolve(folder))
        context.start("zh_CN", False)
        window = MainWindow(context)
        window.resize(1280, 800)
        window.show()
        window.session.start("zh_CN", False)
        OUT.mkdir(parents=True, exist_ok=True)
        picker = window.session.picker
        for language in ("zh_CN", "en"):
            context.set_language(language)
            for large in (False, True):
                picker.large_font.setChecked(large)  # the picker's own switch
                settle(app)
                suffix = f"{language}{'-large' if large else ''}"
                window.grab().save(str(OUT / f"picker-{suffix}.png"))
            wang = next(p for p in picker.profiles if p.id == wang_id)
            picker.pick(wang)
            settle(app, 0.8)
            window.grab().save(str(OUT / f"simple-home-{language}-large.png"))
            window.session.lock()
            picker.large_font.setChecked(False)
            settle(app)
        window.close()
        context.tasks.shutdown()
    print(f"screenshots in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
