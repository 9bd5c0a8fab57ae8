"""Fixtures of the desktop UI's tests: a context on a temporary data folder, a catalogue,
a main window, the reference server. Import them into a test module with
``from tests.ui_fixtures import *``-free explicit imports."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.catalogue import apply_records
from app.paths import DataPaths
from app.store import Store
from resources.demo.generator import synthetic_records
from server.running import RunningServer, start_server
from ui.context import AppContext
from ui.gui import build_context
from ui.main_window import MainWindow

WAIT_MS = 15_000


def fill_catalogue(paths: DataPaths, count: int) -> None:
    with Store(paths) as store, store.transaction() as conn:
        apply_records(conn, synthetic_records(count))


@pytest.fixture
def catalogue(paths: DataPaths) -> DataPaths:
    """A data folder with 300 synthetic courses."""
    fill_catalogue(paths, 300)
    return paths


@contextmanager
def app_look_kept(qapp: QApplication) -> Iterator[None]:
    """Put back the application's font and style sheet after the block changes them."""
    font, sheet = QFont(qapp.font()), qapp.styleSheet()
    try:
        yield
    finally:
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)


@pytest.fixture
def ui_context(qapp: QApplication, qtbot: QtBot, paths: DataPaths) -> Iterator[AppContext]:
    """A running app's context in English, its first profile loaded."""
    with app_look_kept(qapp):
        context = build_context(paths)
        context.start("en", False)
        with qtbot.waitSignal(context.profile_changed, timeout=WAIT_MS):
            context.load_profile("en", False)
        yield context
        context.tasks.shutdown()
        context.translations.use("")


@pytest.fixture
def window(ui_context: AppContext, qtbot: QtBot) -> MainWindow:
    shown = MainWindow(ui_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[RunningServer]:
    """The reference server with the demo catalogue, on loopback."""
    with start_server(tmp_path / "server", demo=True) as server:
        yield server
