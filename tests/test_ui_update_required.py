"""A platform that refuses this app's protocol: the status bar asks for an update."""
# ruff: noqa: F811  (pytest fixtures imported by name)

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import settings
from app.store import Store
from server.running import RunningServer, start_server
from tests.ui_fixtures import WAIT_MS, ui_context, window  # noqa: F401
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.status_bar import StatusBar


@pytest.fixture
def newer_platform(tmp_path: Path) -> Iterator[RunningServer]:
    with start_server(tmp_path / "server", min_client_protocol=99) as server:
        yield server


def test_status_bar_asks_for_an_update(
    window: MainWindow, ui_context: AppContext, newer_platform: RunningServer, qtbot: QtBot
) -> None:
    with Store(ui_context.paths) as store:
        settings.put(store.conn, "server.url", newer_platform.url)
    sync = ui_context.sync
    assert sync is not None
    with qtbot.waitSignal(sync.synced, timeout=WAIT_MS):
        sync.sync_now()
    assert sync.state.update_required and sync.state.online
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    assert bar.last_sync.text() == "Please update the app to keep syncing."
    assert "update" in bar.last_sync.toolTip().lower()  # the platform's own words
