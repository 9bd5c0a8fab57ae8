"""Start-up: the first window shows before the heavy modules are imported, and Home is
built after that first frame, before the database work starts.

A child process starts the GUI path as ``lifelong`` does and reports, at the first show
of a top-level window (or of a widget of a named class), which modules any thread had
begun to import by then (an import hook sees an import start, even on a worker thread
that has not finished it).
"""

# Fixtures come from tests/ui_fixtures.py by import, so their names are redefined here.
# ruff: noqa: F811
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.paths import resolve
from app.store import Store
from tests.ui_fixtures import WAIT_MS, ui_context  # noqa: F401
from ui.context import AppContext
from ui.main_window import FirstFrame, MainWindow

ROOT = Path(__file__).resolve().parent.parent
# Heavy modules the first paint must not wait for (DESIGN.md, "Start-up").
HEAVY = ("sqlite_utils", "vlc", "requests", "uvicorn", "pypinyin")
# Screens built on first use, or (Home) after the first frame, rather than before it.
LAZY_SCREENS = ("ui.home", "ui.browse", "ui.course_page", "ui.downloads_page",
                "ui.settings_page", "ui.player", "ui.profiles.facilitator",
                "ui.profiles.picker")
# What the database worker imports for its first task (the learner's profile).
DATABASE_WORK = ("app.store", "app.profiles")
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
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and (
                type(watched).__name__ == sys.argv[2] if sys.argv[2] else watched.isWindow()):
            print(json.dumps({"window": type(watched).__name__,
                              "modules": sorted(started | set(sys.modules))}), flush=True)
            os._exit(0)
        return False

app = QApplication([sys.argv[0]])
watcher = FirstShow()
app.installEventFilter(watcher)
for eager in sys.argv[3:]:  # the self-check of the watch
    __import__(eager)
from ui.launcher import main
main(["--data-dir", sys.argv[1], "--lang", "en"])
"""


def first_show(data_dir: Path, *eager: str, of: str = "") -> dict[str, Any]:
    """What the child saw at its first shown window (or widget of class ``of``); ``eager``
    modules it imports first."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), of, *eager], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


# The GUI path as ``lifelong`` runs it; prints whether a learner's session opened in time.
OPENED = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])

def check():
    opened = [w for w in app.topLevelWidgets() if getattr(w, "context", None) is not None
              and w.context.profile is not None]
    if opened:
        print("opened", flush=True)
        app.quit()

poll = QTimer()
poll.timeout.connect(check)
poll.start(20)
QTimer.singleShot(10_000, lambda: (print("not opened", flush=True), app.quit()))
from ui.launcher import main
main(["--data-dir", sys.argv[1], "--lang", "en", *sys.argv[2:]])
"""


def session_opens(data_dir: Path, *options: str) -> bool:
    """Whether the app, started on an installed library, opens the learner's session."""
    with Store(resolve(data_dir)):
        pass
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", OPENED, str(data_dir), *options], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[0] == "opened"


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


def test_home_is_built_before_the_database_work_starts(tmp_path: Path) -> None:
    report = first_show(tmp_path / "data", of="HomePage")
    assert report["window"] == "HomePage"
    assert loaded(report["modules"], DATABASE_WORK) == []  # building Home has the GIL alone


def test_the_learners_session_opens_at_start_up_in_normal_and_large_type(
    tmp_path: Path,
) -> None:
    assert session_opens(tmp_path / "normal")
    assert session_opens(tmp_path / "large", "--large-font")  # Home is built before show


def test_home_ready_is_sent_when_home_was_built_before_the_window_showed(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    home = window.home  # as large type's simple home has it built at start-up
    with qtbot.waitSignal(window.home_ready, timeout=WAIT_MS):
        window.show()
    assert window.stack.currentWidget() is home


def test_home_takes_the_first_frames_place_once_the_window_has_painted(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    assert isinstance(window.stack.currentWidget(), FirstFrame)
    with qtbot.waitSignal(window.home_ready, timeout=WAIT_MS):
        window.show()
    assert window.stack.currentWidget() is window.home
    assert window.stack.count() == 1  # the stand-in is gone
    assert window.home.section_grid.count() == 6


def test_home_is_built_even_if_the_window_never_paints(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(ui_context)  # never shown, as when started minimised
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.home_ready, timeout=FirstFrame.LATEST_MS + WAIT_MS):
        pass
    assert window.stack.currentWidget() is window.home


def test_back_returns_to_home_from_a_screen_opened_before_home_was_built(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.show_page(window.browse)  # before the event loop has turned: no Home yet
    with qtbot.waitSignal(window.home_ready, timeout=FirstFrame.LATEST_MS + WAIT_MS):
        window.go_back()
    assert window.stack.currentWidget() is window.home
    assert window.rail.currentRow() == 0
