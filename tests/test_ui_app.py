"""The main window: every screen opens, navigation, live language and large-type switches."""

# Fixtures come from tests/ui_fixtures.py by import, so their names are redefined here.
# ruff: noqa: F811
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.catalogue import get_course
from app.package_lock import content_lock
from app.packages import INCOMING_PREFIX
from app.paths import DataPaths
from app.progress import save_position
from app.store import Store
from sync import download_queue
from tests.ui_fixtures import WAIT_MS, catalogue, ui_context, window  # noqa: F401
from ui.context import AppContext
from ui.gui import build_context
from ui.main_window import MainWindow
from ui.theme import LARGE_POINT_SIZE, LARGE_TARGET_PX


@pytest.mark.usefixtures("qtbot")
def test_each_screen_opens_from_the_navigation_rail(window: MainWindow) -> None:
    for row, page in enumerate(window.rail_pages):
        window.rail.setCurrentRow(row)
        assert window.stack.currentWidget() is page
        assert page.isVisible()


def test_ctrl_number_picks_a_screen(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings


def test_home_shows_the_six_sections_as_tiles(window: MainWindow, qtbot: QtBot) -> None:
    grid = window.home.section_grid
    assert grid.count() == 6
    tile = grid.itemAt(0).widget()
    qtbot.mouseClick(tile.title, Qt.MouseButton.LeftButton)  # a click on the text counts too
    assert window.stack.currentWidget() is window.browse
    assert window.browse.section.currentData() == "scientific_literacy"


@pytest.mark.usefixtures("catalogue")
def test_back_returns_to_the_previous_screen(
    window: MainWindow, ui_context: AppContext, qtbot: QtBot
) -> None:
    window.show_page(window.browse)
    ui_context.open_course("silver-000001")
    assert window.stack.currentWidget() is window.course
    assert window.back.isVisible()
    qtbot.mouseClick(window.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.browse


def test_language_switch_changes_visible_texts_live(
    window: MainWindow, ui_context: AppContext
) -> None:
    assert window.rail.item(0).text() == "Home"
    ui_context.set_language("zh_CN")
    assert window.rail.item(0).text() == "首页"
    assert window.browse.downloaded_only.text() == "仅显示已下载"
    assert window.statusBar().findChildren(type(window.back))[0].text() == "立即同步"
    ui_context.set_language("en")
    assert window.settings.heading.text() == "Settings"


@pytest.mark.usefixtures("window")
def test_language_choice_is_kept_in_the_profile(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    ui_context.set_language("zh_CN")
    ui_context.tasks.wait()
    with qtbot.waitSignal(ui_context.profile_changed):
        ui_context.load_profile()
    assert ui_context.profile is not None
    assert ui_context.profile.settings["language"] == "zh_CN"
    assert ui_context.language == "zh_CN"


def test_large_type_switch_grows_font_and_targets_live(
    window: MainWindow, ui_context: AppContext, qapp: QApplication
) -> None:
    normal_height = window.settings.save_server.sizeHint().height()
    window.settings.large_font.setChecked(True)
    assert ui_context.large_font
    assert qapp.font().pointSizeF() >= LARGE_POINT_SIZE
    assert window.settings.heading.font().pointSizeF() > LARGE_POINT_SIZE
    assert window.settings.save_server.sizeHint().height() >= LARGE_TARGET_PX
    assert window.settings.save_server.sizeHint().height() > normal_height
    window.settings.large_font.setChecked(False)
    assert qapp.font().pointSizeF() < LARGE_POINT_SIZE


def test_continue_learning_resumes_where_the_learner_stopped(
    window: MainWindow, ui_context: AppContext, catalogue: DataPaths, qtbot: QtBot
) -> None:
    assert ui_context.profile is not None
    with Store(catalogue) as store:
        lesson = get_course(store.conn, "silver-000001").lessons[0]
        save_position(store, ui_context.profile.id, lesson, 42.5, 100.0)
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.continue_grid.count() == 1, timeout=WAIT_MS)
    tile = window.home.continue_grid.itemAt(0).widget()
    assert "0:42" in tile.detail.text()
    with qtbot.waitSignal(ui_context.lesson_requested) as opened:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert opened.args == ["silver-000001", lesson.id, 42.5]
    if window.lesson is not None:
        assert window.stack.currentWidget() is window.lesson


def interrupted_work(paths: DataPaths) -> tuple[Path, str]:
    """What a power cut leaves: a half-extracted course folder and a download in flight."""
    paths.ensure()
    leftover = paths.content / f"{INCOMING_PREFIX}sci-0001"
    leftover.mkdir()
    (leftover / "lesson.mp4").write_bytes(b"half a video")
    with Store(paths) as store:
        course_id = store.conn.execute("SELECT id FROM courses LIMIT 1").fetchone()[0]
        download_queue.enqueue(store, course_id)
        with store.transaction() as conn:
            download_queue.set_state(conn, course_id, download_queue.DOWNLOADING)
    return leftover, course_id


def queue_states(paths: DataPaths) -> list[str]:
    with Store(paths) as store:
        return [entry.state for entry in download_queue.entries(store.conn)]


@pytest.mark.usefixtures("qapp")
def test_start_up_settles_interrupted_imports_and_downloads(catalogue: DataPaths) -> None:
    leftover, _course = interrupted_work(catalogue)
    context = build_context(catalogue)
    try:
        assert context.downloads is not None
        context.downloads.refresh()  # as the app does once its window shows
        assert context.tasks.wait()
        assert not leftover.exists()
        assert queue_states(catalogue) == ["queued"]
    finally:
        context.tasks.shutdown()


@pytest.mark.usefixtures("qapp")
def test_start_up_reports_a_damaged_database_once_and_keeps_a_copy(
    catalogue: DataPaths, qtbot: QtBot
) -> None:
    conn = sqlite3.connect(catalogue.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(catalogue.database.read_bytes())
    middle = len(data) // 2 // 4096 * 4096  # a table page, not the schema
    data[middle + 100:middle + 4000] = b"\x00\xff" * 1950
    catalogue.database.write_bytes(bytes(data))
    context = build_context(catalogue)
    try:
        assert context.downloads is not None
        with qtbot.waitSignal(context.tasks.damaged, timeout=WAIT_MS) as damaged:
            context.downloads.refresh()  # as the app does once its window shows
        assert "damaged" in str(damaged.args[0])
        assert list(catalogue.root.glob("library.sqlite3.damaged-*")) == [damaged.args[0].kept]
    finally:
        context.tasks.shutdown()


@pytest.mark.usefixtures("qapp")
def test_start_up_does_not_wait_for_another_process_importing(catalogue: DataPaths) -> None:
    leftover, _course = interrupted_work(catalogue)
    with content_lock(catalogue.root, None):  # as an import by ``lifelong import`` would
        context = build_context(catalogue)
        try:
            assert context.downloads is not None
            context.downloads.refresh()
            assert context.tasks.wait(5000)
            assert leftover.exists()  # that import's own folder, perhaps: left alone
            assert queue_states(catalogue) == ["queued"]
        finally:
            context.tasks.shutdown()
