"""Helpers of the profile UI tests: learners made straight in the database, a started
session, and waiting on the database worker."""

import functools

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import profiles
from app.paths import DataPaths
from app.profiles import Profile
from app.store import Store
from ui.main_window import MainWindow
from ui.profiles.pin_dialog import PinDialog

WAIT_MS = 15_000


def add_profile(paths: DataPaths, name: str, **options: object) -> Profile:
    with Store(paths) as store:
        return profiles.create(store.conn, name, **options)  # type: ignore[arg-type]


def stored(paths: DataPaths) -> list[Profile]:
    with Store(paths) as store:
        return profiles.all_profiles(store.conn)


def start_session(window: MainWindow, qtbot: QtBot) -> None:
    """Start-up as the app does it, then wait until the picker or a session shows."""
    session = window.session
    finished: list[object] = []
    session.locked.connect(functools.partial(finished.append, "locked"))
    session.opened.connect(finished.append)
    session.start("en", False)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)


def pin_dialog(window: MainWindow) -> PinDialog:
    dialog = window.session.picker.dialog
    assert isinstance(dialog, PinDialog)
    return dialog


def type_pin(qtbot: QtBot, window: MainWindow, pin: str) -> None:
    """Type ``pin`` into the open PIN dialog and press Open; wait for the answer."""
    dialog = pin_dialog(window)
    dialog.field.setText(pin)
    dialog.check()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=WAIT_MS)
    QApplication.processEvents()
