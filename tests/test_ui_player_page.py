"""The lesson page around the lessons: previous/next, titles, a lesson that cannot open."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.store import Store
from tests.player_support import context, install_demo, learner, open_page
from ui.context import AppContext

__all__ = ["context"]  # the fixture, used by name


def test_previous_and_next_walk_through_the_course(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    page = open_page(qtbot, context, learner(store), course.id, "sci-0001-02")
    assert page.title.text() == "Three key points"
    assert page.subtitle.text() == "Physics around us · lesson 2 of 3"
    assert page.previous_button.text() == "‹ Previous: Introduction: Physics around us"
    assert page.next_button.text() == "Next: Quiz ›"

    with qtbot.waitSignal(page.opened, timeout=5000) as opened:
        page.next_button.click()
    assert opened.args == [course.id, "sci-0001-03"]
    assert page.stack.currentWidget() is page.quiz_view
    assert page.next_button.isHidden()

    for _ in range(2):
        with qtbot.waitSignal(page.opened, timeout=5000):
            page.previous_button.click()
    assert page.stack.currentWidget() is page.video()
    assert page.previous_button.isHidden()
    page.video().stop()


def test_a_lesson_of_a_course_not_downloaded_says_so(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    page = open_page(qtbot, context, learner(store), course.id, "sci-0001-02")
    with qtbot.waitSignal(page.opened, timeout=3000, raising=False) as opened:
        page.open_lesson("no-such-course", "x-01")
    assert not opened.signal_triggered
    assert page.stack.currentWidget() is page.message
    assert page.message.text().startswith("This lesson cannot be opened.")
