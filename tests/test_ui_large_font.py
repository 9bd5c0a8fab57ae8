"""Large-font mode at a realistic window size: no text cut, big targets, enough contrast."""
# ruff: noqa: F811 - the fixtures imported from tests.ui_fixtures come back as parameters


import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from tests.accessibility_walk import PROFILE_SCREENS, screens
from tests.large_font_checks import cut_texts, low_contrast, small_targets
from tests.profile_fixtures import WAIT_MS, add_profile, start_session
from tests.ui_fixtures import catalogue, ui_context, window  # noqa: F401
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings_page import SettingsPage
from ui.theme import LARGE_POINT_SIZE


@pytest.fixture
def large_window(window: MainWindow, catalogue: DataPaths, qtbot: QtBot) -> MainWindow:
    add_profile(catalogue, "Centre", pin="9999", facilitator=True)
    start_session(window, qtbot)
    qtbot.waitUntil(lambda: len(window.session.picker.tiles) == 2, timeout=WAIT_MS)
    window.session.picker.large_font.setChecked(True)
    window.resize(1280, 800)
    return window


def problems(window: MainWindow, qtbot: QtBot, wanted: set[str]) -> dict[str, list[str]]:
    found = {}
    for name, show in screens(window).items():
        if name not in wanted:
            continue
        root: QWidget = show()
        if root.isWindow() and root is not window:
            root.adjustSize()
        window.context.tasks.wait()
        qtbot.wait(40)
        QApplication.processEvents()
        issues = cut_texts(root) + small_targets(root) + low_contrast(root)
        if issues:
            found[name] = issues
        if root.isWindow() and root is not window:
            root.close()
    return found


def test_profile_screens_fit_large_type(large_window: MainWindow, qtbot: QtBot,
                                        qapp: QApplication) -> None:
    assert qapp.font().pointSizeF() >= LARGE_POINT_SIZE
    assert problems(large_window, qtbot, set(PROFILE_SCREENS)) == {}


def test_shell_screens_fit_large_type(large_window: MainWindow, qtbot: QtBot) -> None:
    wanted = set(screens(large_window)) - set(PROFILE_SCREENS)
    found = problems(large_window, qtbot, wanted)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def squeezed(root: QWidget) -> list[str]:
    """Buttons and check boxes given less width than their text needs. (Not
    :func:`cut_texts`: its style queries on a page without a window, then a new style
    sheet, crash a later test in ``setStyleSheet``.)"""
    return [button.text() for button in root.findChildren(QAbstractButton)
            if button.isVisibleTo(root) and button.width() < button.sizeHint().width()]


def test_settings_made_in_normal_type_refit_when_large_type_is_switched_on(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    page = SettingsPage(ui_context)
    page.resize(1280, 800)
    page.show()
    try:
        QApplication.processEvents()
        assert squeezed(page) == []
        with qtbot.waitSignal(ui_context.font_changed):
            page.large_font.click()
        ui_context.tasks.wait()
        QApplication.processEvents()
        assert squeezed(page) == []
    finally:
        # Deleted before the fixture restores the style sheet: a page with no window left
        # to a later deferred delete crashes the next test's ``setStyleSheet`` (Qt 6.11).
        page.close()
        page.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_the_checks_catch_cut_text_small_buttons_and_faint_text(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    cut = QLabel("A label far too long for the narrow room it was given")
    cut.setFixedWidth(60)
    small = QPushButton("OK")
    small.setFixedSize(40, 30)
    faint = QLabel("faint")
    faint.setStyleSheet("color: #aaaaaa; background: #ffffff;")
    column = QVBoxLayout(root)
    for widget in (cut, small, faint):
        column.addWidget(widget)
    root.show()
    assert cut_texts(root) == ["label 'A label far too long for the narrow room it was given'"]
    assert small_targets(root) == ["QPushButton 'OK' 40×30 < 48"]
    assert [entry.split()[0] for entry in low_contrast(root)] == ["'faint'"]
