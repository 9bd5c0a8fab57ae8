"""Start-up: the first window shows before the heavy modules are imported.

A child process starts the GUI path as ``lifelong`` does and reports, at the first show
of a top-level window, which modules any thread had begun to import by then (an import
hook sees an import start, even on a worker thread that has not finished it).
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Heavy modules the first paint must not wait for (DESIGN.md, "Start-up").
HEAVY = ("sqlite_utils", "vlc", "requests", "uvicorn", "pypinyin")
# Screens built on first use rather than before the window shows.
LAZY_SCREENS = ("ui.browse", "ui.course_page", "ui.downloads_page", "ui.settings_page",
                "ui.player", "ui.profiles.facilitator", "ui.profiles.picker")
CHILD = """
import importlib.abc, json, os, sys

started = set()

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        started.add(name)
        return None

sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstShow(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Show and watched.isWidgetType()
                and watched.isWindow()):
            print(json.dumps({"window": type(watched).__name__,
                              "modules": sorted(started | set(sys.modules))}), flush=True)
            os._exit(0)
        return False

app = QApplication([sys.argv[0]])
watcher = FirstShow()
app.installEventFilter(watcher)
for eager in sys.argv[2:]:  # the self-check of the watch
    __import__(eager)
from ui.launcher import main
main(["--data-dir", sys.argv[1], "--lang", "en"])
"""


def first_show(data_dir: Path, *eager: str) -> dict[str, Any]:
    """What the child saw at its first shown window; ``eager`` modules it imports first."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), *eager], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    """Those of ``names`` (packages or modules) of which ``modules`` holds any part."""
    return [n for n in names if any(m == n or m.startswith(f"{n}.") for m in modules)]


def test_first_window_shows_before_database_network_and_player_modules_load(
    tmp_path: Path,
) -> None:
    report = first_show(tmp_path / "data")
    assert report["window"] == "MainWindow"
    assert loaded(report["modules"], HEAVY) == []
    assert loaded(report["modules"], LAZY_SCREENS) == []


def test_the_watch_reports_an_import_made_before_the_window_shows(tmp_path: Path) -> None:
    report = first_show(tmp_path / "data", "pypinyin")
    assert "pypinyin" in loaded(report["modules"], HEAVY)


def test_pyside_no_longer_reads_the_source_of_each_imported_module() -> None:
    """ui/qt_start.py replaced PySide6's check (fails if an upgrade renames it)."""
    import ui.gui  # noqa: F401 - imports ui.qt_start first
    from ui.qt_start import uses_pyside_without_features

    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is uses_pyside_without_features
