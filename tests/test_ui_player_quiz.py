"""Quizzes: feedback on each answer, score and pass mark, retry, statements recorded."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from app import progress
from app.catalogue import get_lesson
from app.store import Store
from tests.player_support import context, install, learner, open_page, statements, verbs
from ui.context import AppContext
from ui.player.lesson_page import LessonPage

__all__ = ["context"]  # the fixture, used by name

QUIZ = {
    "pass_mark": 0.6,
    "questions": [
        {"id": "q1", "kind": "single", "prompt": {"zh": "一加一等于几？", "en": "One plus one?"},
         "choices": [{"en": "One"}, {"en": "Two"}, {"en": "Three"}], "answer": [1],
         "explanation": {"en": "1 + 1 = 2."}},
        {"id": "q2", "kind": "multiple", "prompt": {"en": "Which are even?"},
         "choices": [{"en": "2"}, {"en": "3"}, {"en": "4"}], "answer": [0, 2],
         "explanation": {"en": "2 and 4 divide by two."}},
        {"id": "q3", "kind": "true_false", "prompt": {"en": "Ice is cold."}, "answer": [True],
         "explanation": {"en": "It is frozen water."}},
    ],
}
WRONG = ([0], [1], [1])  # choice indexes on screen (true/false: 0 is True, 1 is False)
RIGHT = ([1], [0, 2], [0])


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path) -> LessonPage:
    install(store, tmp_path, "quiz-0001",
            [{"id": "quiz-0001-01", "kind": "quiz", "title": {"en": "Numbers quiz"},
              "file": "quiz.json"}],
            {"quiz.json": json.dumps(QUIZ).encode()})
    return open_page(qtbot, context, learner(store), "quiz-0001", "quiz-0001-01")


def answer_all(qtbot: QtBot, page: LessonPage, answers: tuple[list[int], ...]) -> list[str]:
    """Answer each question with the mouse; returns the feedback shown after each."""
    view = page.quiz_view
    feedback = []
    for chosen in answers:
        for index in chosen:
            qtbot.mouseClick(view._choice_labels[index], Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(page.recorded, timeout=5000):
            view.check_button.click()
        feedback.append(view.feedback.text())
        assert view.explanation.text()
        assert all(not button.isEnabled() for button in view._choices)
        view.next_button.click()
    return feedback


def test_wrong_answers_fail_and_a_retry_with_right_ones_passes(
    qtbot: QtBot, page: LessonPage, store: Store
) -> None:
    view = page.quiz_view
    profile_id = page.context.profile.id
    assert view.counter.text() == "Question 1 of 3"
    assert view.prompt.text() == "One plus one?"
    assert [label.text() for label in view._choice_labels] == ["1. One", "2. Two", "3. Three"]
    assert isinstance(view._choices[0], QRadioButton)

    feedback = answer_all(qtbot, page, WRONG)
    assert all(text.startswith("✗") for text in feedback)
    assert "2. Two" in feedback[0]
    assert view.score_label.text() == "Your score: 0%"
    assert view.pass_label.text() == "Pass mark: 60%"
    assert view.verdict.text().startswith("Not passed")
    qtbot.waitUntil(lambda: verbs(store, profile_id)[-1] == "failed", timeout=5000)

    view.retry_button.click()
    assert view.counter.text() == "Question 1 of 3"
    assert all(not button.isChecked() for button in view._choices)
    feedback = answer_all(qtbot, page, RIGHT)
    assert all(text.startswith("✓") for text in feedback)
    assert view.score_label.text() == "Your score: 100%"
    assert view.verdict.text().startswith("Passed")
    qtbot.waitUntil(lambda: verbs(store, profile_id)[-1] == "passed", timeout=5000)

    assert verbs(store, profile_id) == (
        ["experienced"] + ["answered"] * 3 + ["failed"] + ["answered"] * 3 + ["passed"]
    )
    answers = statements(store, profile_id, "answered")
    assert [a["result"]["response"] for a in answers] == [
        "0", "1", "false", "1", "0[,]2", "true"
    ]
    assert [a["result"]["success"] for a in answers] == [False] * 3 + [True] * 3
    assert answers[0]["object"]["id"].endswith("quiz-0001-01#q1")
    lesson = get_lesson(store.conn, "quiz-0001-01")
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    assert state.completed and state.best_score == 1.0


def test_the_quiz_can_be_taken_with_the_keyboard_alone(
    qtbot: QtBot, page: LessonPage, store: Store
) -> None:
    view = page.quiz_view
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)

    def press(*keys: Qt.Key) -> None:
        for key in keys:
            qtbot.keyClick(QApplication.focusWidget(), key)

    press(Qt.Key.Key_2, Qt.Key.Key_Return)  # choose "Two", check
    assert view.feedback.text().startswith("✓")
    press(Qt.Key.Key_Return)  # next question
    assert isinstance(view._choices[0], QCheckBox)
    press(Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_Return, Qt.Key.Key_Return)
    press(Qt.Key.Key_2, Qt.Key.Key_Return)  # "False": wrong
    assert view.feedback.text().startswith("✗")
    press(Qt.Key.Key_Return)
    assert view.score_label.text() == "Your score: 67%"
    assert view.verdict.text().startswith("Passed")
    qtbot.waitUntil(lambda: verbs(store, page.context.profile.id)[-1] == "passed", timeout=5000)
