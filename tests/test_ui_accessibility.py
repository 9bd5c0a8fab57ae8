"""Every interactive control on every screen has a name assistive technology can say,
and the keyboard reaches the picker's tiles with a visible focus ring."""
# ruff: noqa: F811 - the fixtures imported from tests.ui_fixtures come back as parameters


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from tests.accessibility_walk import PROFILE_SCREENS, controls, describe, exposed_name, screens
from tests.profile_fixtures import WAIT_MS, add_profile, start_session
from tests.ui_fixtures import catalogue, ui_context, window  # noqa: F401
from ui.main_window import MainWindow


@pytest.fixture
def session_window(window: MainWindow, catalogue: DataPaths, qtbot: QtBot) -> MainWindow:
    add_profile(catalogue, "Centre", pin="9999", facilitator=True)
    start_session(window, qtbot)
    qtbot.waitUntil(lambda: len(window.session.picker.tiles) == 2, timeout=WAIT_MS)
    window.resize(1280, 800)
    return window


def unnamed(root: QWidget) -> list[str]:
    QApplication.processEvents()
    return [describe(w) for w in controls(root) if not exposed_name(w)]


def missing_names(window: MainWindow, qtbot: QtBot, wanted: set[str]) -> dict[str, list[str]]:
    missing = {}
    for name, show in screens(window).items():
        if name not in wanted:
            continue
        root = show()
        window.context.tasks.wait()
        qtbot.wait(30)
        found = unnamed(root)
        if found:
            missing[name] = found
        if root.isWindow() and root is not window:
            root.close()
    return missing


def test_every_control_of_the_profile_screens_has_an_accessible_name(
    session_window: MainWindow, qtbot: QtBot
) -> None:
    assert missing_names(session_window, qtbot, set(PROFILE_SCREENS)) == {}


def test_every_control_of_the_shell_screens_has_an_accessible_name(
    session_window: MainWindow, qtbot: QtBot
) -> None:
    wanted = set(screens(session_window)) - set(PROFILE_SCREENS)
    missing = missing_names(session_window, qtbot, wanted)
    assert missing == {}, "\n".join(f"{k}: {v}" for k, v in missing.items())


def test_picker_works_from_the_keyboard_alone(session_window: MainWindow, qtbot: QtBot) -> None:
    picker = session_window.session.picker
    session_window.activateWindow()
    picker.tiles[0].setFocus()
    order = [QApplication.focusWidget()]
    for _step in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [*picker.tiles, picker.add_tile]
    with qtbot.waitSignal(session_window.session.opened, timeout=WAIT_MS):
        qtbot.keyClick(picker.tiles[0], Qt.Key.Key_Space)


@pytest.mark.usefixtures("session_window")
def test_focus_ring_is_drawn_in_the_theme(qapp: QApplication) -> None:
    sheet = qapp.styleSheet()
    assert "QPushButton:focus" in sheet and "border:" in sheet.split("QPushButton:focus")[1]
