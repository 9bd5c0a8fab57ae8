"""A damaged library at start-up: one offer to start again, which keeps learners and courses."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import catalogue, profiles, progress
from app.packages import import_package
from app.paths import DataPaths
from app.store import Store, check_integrity
from tests.damage import smash_page, smash_schema
from tests.package_zips import package_of
from tests.records import course_record
from tests.ui_fixtures import WAIT_MS, app_look_kept
from ui.gui import build_context
from ui.main_window import MainWindow


def damaged_library(paths: DataPaths, tmp_path: Path) -> None:
    """A learner with records and a downloaded course, then a smashed catalogue page."""
    with Store(paths) as store:
        with store.transaction() as conn:
            catalogue.apply_records(conn, [course_record(f"c{n}", lessons=2) for n in range(300)])
            learner = profiles.create(conn, "张伟")
        lesson = catalogue.get_course(store.conn, "c1").lessons[0]
        progress.open_lesson(store, learner.id, lesson)
        progress.complete_lesson(store, learner.id, lesson)
        import_package(store, package_of(tmp_path / "p.zip", {"lessons/a.md": b"# A\n"}))
    smash_page(paths.database, "courses")


@pytest.fixture
def start_app(qapp: QApplication, qtbot: QtBot) -> Iterator[Callable[[DataPaths], MainWindow]]:
    """Starts the app's window on a data folder as ``lifelong`` does; stops it afterwards."""
    started: list[MainWindow] = []

    def start(paths: DataPaths) -> MainWindow:
        context = build_context(paths)
        context.start("en", False)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.session.start("en", False)
        assert context.downloads is not None
        context.downloads.refresh()  # settles interrupted work: checks the database first
        started.append(window)
        return window

    with app_look_kept(qapp):
        yield start
        for window in started:
            window.context.tasks.shutdown()
            window.context.translations.use("")


def shown_box(qtbot: QtBot, attribute: str, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.damaged_library is not None
                    and getattr(window.damaged_library, attribute) is not None
                    and getattr(window.damaged_library, attribute).isVisible(), timeout=WAIT_MS)
    assert window.damaged_library is not None
    box = getattr(window.damaged_library, attribute)
    assert isinstance(box, QMessageBox)
    return box


def test_starting_again_keeps_the_learner_records_and_course(
    qtbot: QtBot, start_app: Callable[[DataPaths], MainWindow], paths: DataPaths,
    tmp_path: Path,
) -> None:
    damaged_library(paths, tmp_path)
    window = start_app(paths)
    offer = shown_box(qtbot, "offer", window)
    assert "damaged" in offer.text()
    next(b for b in offer.buttons() if b.text() == "Start with an empty library").click()

    outcome = shown_box(qtbot, "outcome", window)
    assert "keeps 1 downloaded courses, 1 learners and 2 learning records" in outcome.text()
    qtbot.waitUntil(lambda: window.context.profile is not None, timeout=WAIT_MS)
    assert window.context.profile is not None and window.context.profile.name == "张伟"
    window.context.tasks.wait()
    window.context.tasks.shutdown()
    check_integrity(paths.database)  # raises if still damaged
    assert not paths.crash_log.exists()


def test_an_unopenable_library_is_offered_once_and_quitting_changes_nothing(
    qapp: QApplication, qtbot: QtBot, start_app: Callable[[DataPaths], MainWindow],
    paths: DataPaths, tmp_path: Path,
) -> None:
    damaged_library(paths, tmp_path)
    damaged = smash_schema(paths.database)
    window = start_app(paths)
    offer = shown_box(qtbot, "offer", window)
    window.context.tasks.wait()
    qapp.processEvents()  # every failed task has reported back by now
    assert window.damaged_library is not None and window.damaged_library.offer is offer
    offer.reject()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    window.context.tasks.shutdown()
    assert paths.database.read_bytes() == damaged
    assert len(list(paths.root.glob("library.sqlite3.damaged-*"))) == 1
    assert window.context.profile is None and not paths.crash_log.exists()


def test_after_starting_again_from_an_unopenable_library_a_learner_can_start(
    qtbot: QtBot, start_app: Callable[[DataPaths], MainWindow], paths: DataPaths,
    tmp_path: Path,
) -> None:
    damaged_library(paths, tmp_path)
    smash_schema(paths.database)
    window = start_app(paths)
    offer = shown_box(qtbot, "offer", window)
    assert window.context.profile is None
    next(b for b in offer.buttons() if b.text() == "Start with an empty library").click()
    outcome = shown_box(qtbot, "outcome", window)
    assert "keeps 1 downloaded courses, 0 learners" in outcome.text()
    assert "could not be read" in outcome.text()
    qtbot.waitUntil(lambda: window.context.profile is not None, timeout=WAIT_MS)
    window.context.tasks.wait()
    window.context.tasks.shutdown()
    assert not paths.crash_log.exists()
