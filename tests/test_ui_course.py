"""The course page against the reference server on loopback: sign in, sync, download,
pause, resume, cancel, remove."""

# Fixtures come from tests/ui_fixtures.py by import, so their names are redefined here.
# ruff: noqa: F811

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import settings
from app.store import Store
from server.running import RunningServer
from tests.ui_fixtures import WAIT_MS, demo_server, ui_context  # noqa: F401
from ui.context import AppContext
from ui.course_page import CoursePage


@pytest.fixture
def signed_in(ui_context: AppContext, demo_server: RunningServer, qtbot: QtBot) -> AppContext:
    assert ui_context.sync is not None
    with qtbot.waitSignal(ui_context.sync.synced, timeout=WAIT_MS):
        ui_context.sync.sign_in(demo_server.url, "demo", "demo")
    return ui_context


def course_with_video(context: AppContext) -> str:
    with Store(context.paths) as store:
        row = store.conn.execute(
            "SELECT course_id FROM lessons WHERE kind = 'video' ORDER BY course_id LIMIT 1"
        ).fetchone()
    return str(row[0])


def open_page(context: AppContext, qtbot: QtBot, course_id: str) -> CoursePage:
    page = CoursePage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_course(course_id)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    return page


def visible_buttons(page: CoursePage) -> set[str]:
    return {name for name, button in page.buttons.items() if button.isVisible()}


def test_sign_in_and_sync_fill_the_catalogue_and_status(signed_in: AppContext) -> None:
    assert signed_in.profile is not None
    assert signed_in.profile.account["username"] == "demo"
    assert signed_in.sync is not None
    assert signed_in.sync.state.online
    assert signed_in.sync.state.last_sync


def test_download_then_remove_a_course(
    signed_in: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(signed_in, qtbot, course_with_video(signed_in))
    assert visible_buttons(page) == {"download"}
    assert page.lessons.topLevelItemCount() == len(page.data.course.lessons)  # type: ignore[union-attr]
    assert signed_in.downloads is not None
    with qtbot.waitSignal(signed_in.downloads.finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.buttons["download"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.installed_version is not None,
                    timeout=WAIT_MS)
    assert visible_buttons(page) == {"remove", "start"}
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    qtbot.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.installed_version is None,
                    timeout=WAIT_MS)
    assert "frees" in asked[0]
    assert "freed" in page.notice.text()
    assert visible_buttons(page) == {"download"}


def start_slow_download(context: AppContext, qtbot: QtBot) -> CoursePage:
    """A course page whose download runs at 1 KB/s and is paused once it reports progress."""
    with Store(context.paths) as store:
        settings.put(store.conn, "download.bandwidth_kbps", 1)
    page = open_page(context, qtbot, course_with_video(context))
    assert context.downloads is not None
    with qtbot.waitSignal(context.downloads.progress, timeout=WAIT_MS):
        qtbot.mouseClick(page.buttons["download"], Qt.MouseButton.LeftButton)
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: "left" in page.transfer.text(), timeout=WAIT_MS)
    qtbot.mouseClick(page.buttons["pause"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_buttons(page) == {"resume", "cancel"}, timeout=WAIT_MS)
    return page


def test_a_paused_download_resumes_to_the_end(signed_in: AppContext, qtbot: QtBot) -> None:
    page = start_slow_download(signed_in, qtbot)
    assert page.transfer.text() == "Paused"
    qtbot.mouseClick(page.buttons["resume"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_buttons(page) == {"remove", "start"}, timeout=WAIT_MS)


def test_a_cancelled_download_leaves_the_queue(signed_in: AppContext, qtbot: QtBot) -> None:
    page = start_slow_download(signed_in, qtbot)
    qtbot.mouseClick(page.buttons["cancel"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_buttons(page) == {"download"}, timeout=WAIT_MS)
    assert signed_in.downloads is not None
    assert signed_in.downloads.items() == []
