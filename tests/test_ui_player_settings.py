"""A speed, subtitle or text size chosen in the player is the learner's default from then
on, after a restart too; and a quiz left half-way picks up where it was."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import profiles
from app.paths import DataPaths
from app.store import Store
from tests.player_support import context, install, install_demo, learner, open_page
from ui.context import AppContext
from ui.i18n import Translations
from ui.player.lesson_page import LessonPage

__all__ = ["context"]  # the fixture, used by name

VIDEO, TEXT = "sci-0001-01", "sci-0001-02"
QUIZ = {
    "pass_mark": 0.5,
    "questions": [
        {"id": f"q{n}", "kind": "single", "prompt": {"en": f"Question {n}?"},
         "choices": [{"en": "Yes"}, {"en": "No"}], "answer": [0]} for n in (1, 2, 3)
    ] + [{"id": "q4", "kind": "multiple", "prompt": {"en": "Pick two"},
          "choices": [{"en": "A"}, {"en": "B"}, {"en": "C"}], "answer": [0, 2]}],
}


def reopened(paths: DataPaths, tmp_path: Path, profile_id: int) -> AppContext:
    """A new app context on the same data folder (as after a restart), the learner loaded
    from the database."""
    fresh = AppContext(paths, Translations(tmp_path / "no-translations"))
    with Store(paths) as store:
        fresh.profile = profiles.get(store.conn, profile_id)
    return fresh


def test_speed_chosen_in_the_player_is_the_default_after_a_restart(
    qtbot: QtBot, context: AppContext, store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    profile = learner(store)
    page = open_page(qtbot, context, profile, course.id, VIDEO)
    rates = page.video().controls.rate_box
    rates.setCurrentIndex(rates.findData(0.75))  # what a click in the list does
    context.tasks.shutdown()

    restarted = reopened(paths, tmp_path, profile.id)
    try:
        assert restarted.profile is not None
        assert restarted.profile.setting("playback_rate") == 0.75
        again = open_page(qtbot, restarted, restarted.profile, course.id, VIDEO)
        assert again.video().controls.rate_box.currentData() == 0.75
        assert again.video().rate() == 0.75
    finally:
        restarted.tasks.shutdown()


def test_text_size_chosen_in_the_player_is_the_default_after_a_restart(
    qtbot: QtBot, context: AppContext, store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    profile = learner(store)
    page = open_page(qtbot, context, profile, course.id, TEXT)
    page.text_view.larger.click()
    page.text_view.larger.click()
    assert context.profile is not None
    assert context.profile.setting("reading_scale") == pytest.approx(1.2)  # at once
    context.tasks.shutdown()

    restarted = reopened(paths, tmp_path, profile.id)
    try:
        assert restarted.profile is not None
        again = open_page(qtbot, restarted, restarted.profile, course.id, TEXT)
        assert again.text_view.scale() == pytest.approx(1.2)
    finally:
        restarted.tasks.shutdown()


def test_opening_a_lesson_saves_no_setting_of_its_own(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    profile = learner(store, playback_rate=1.5)
    open_page(qtbot, context, profile, course.id, VIDEO)
    context.tasks.wait()
    assert profiles.get(store.conn, profile.id).settings == {"playback_rate": 1.5}


def test_an_undeclared_setting_is_refused_at_once(context: AppContext) -> None:
    with pytest.raises(KeyError):
        context.set_setting("playback_speed", 0.75)


# -- a quiz left half-way -------------------------------------------------------------

def quiz_page(qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path) -> LessonPage:
    install(store, tmp_path, "quiz-0002",
            [{"id": "quiz-0002-01", "kind": "quiz", "title": {"en": "Four questions"},
              "file": "quiz.json"}],
            {"quiz.json": json.dumps(QUIZ).encode()})
    return open_page(qtbot, context, learner(store), "quiz-0002", "quiz-0002-01")


def answer(qtbot: QtBot, page: LessonPage, *choices: int, then_next: bool = True) -> None:
    view = page.quiz_view
    for index in choices:
        qtbot.mouseClick(view._choice_labels[index], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.recorded, timeout=5000):
        view.check_button.click()
    if then_next:
        view.next_button.click()


def reopen(qtbot: QtBot, page: LessonPage) -> None:
    """Leave the lesson (as the idle lock does) and come back to it."""
    page.go_back()
    with qtbot.waitSignal(page.opened, timeout=10_000):
        page.open_lesson("quiz-0002", "quiz-0002-01")


def test_a_quiz_left_half_way_goes_on_at_the_next_question_with_the_answers_kept(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = quiz_page(qtbot, context, store, tmp_path)
    answer(qtbot, page, 0)  # right
    answer(qtbot, page, 1)  # wrong
    reopen(qtbot, page)
    view = page.quiz_view
    assert view.counter.text() == "Question 3 of 4"
    assert view.prompt.text() == "Question 3?"
    assert view.check_button.isVisibleTo(view) and not view.next_button.isVisibleTo(view)
    assert not any(button.isChecked() for button in view._choices)
    answer(qtbot, page, 0)
    answer(qtbot, page, 0, 2)
    assert view.pages.currentIndex() == 1
    assert view.score_label.text() == "Your score: 75%"  # q1, q3, q4: kept across the gap


def test_a_quiz_answered_to_the_end_shows_the_last_answer_checked(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = quiz_page(qtbot, context, store, tmp_path)
    for _question in range(3):
        answer(qtbot, page, 0)
    answer(qtbot, page, 1, then_next=False)  # the session locks before "Next"
    reopen(qtbot, page)
    view = page.quiz_view
    assert view.counter.text() == "Question 4 of 4"
    assert [button.isChecked() for button in view._choices] == [False, True, False]
    assert all(not button.isEnabled() for button in view._choices)
    assert view.feedback.text().startswith("✗")
    view.next_button.click()
    assert view.pages.currentIndex() == 1
    assert view.score_label.text() == "Your score: 75%"


def test_a_finished_quiz_starts_again_from_the_first_question(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = quiz_page(qtbot, context, store, tmp_path)
    for _question in range(3):
        answer(qtbot, page, 0)
    with qtbot.waitSignal(page.recorded, timeout=5000,
                          check_params_cb=lambda verb: verb == "passed"):
        answer(qtbot, page, 0, 2)
    reopen(qtbot, page)
    assert page.quiz_view.counter.text() == "Question 1 of 4"
    assert not page.quiz_view._checked


def test_another_learner_starts_the_same_quiz_at_the_first_question(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = quiz_page(qtbot, context, store, tmp_path)
    answer(qtbot, page, 0)
    with store.transaction() as conn:
        other = profiles.create(conn, "王芳")
    context.set_profile(other)
    reopen(qtbot, page)
    assert page.quiz_view.counter.text() == "Question 1 of 4"
