import pytest

from app import quiz
from app.errors import PackageError

QUIZ = {
    "pass_mark": 0.6,
    "questions": [
        {"id": "q1", "kind": "single", "prompt": {"zh": "一"}, "answer": [1],
         "choices": [{"zh": "甲"}, {"zh": "乙"}], "explanation": {"zh": "因为"}},
        {"id": "q2", "kind": "multiple", "prompt": {"zh": "二"}, "answer": [0, 2],
         "choices": [{"zh": "甲"}, {"zh": "乙"}, {"zh": "丙"}]},
        {"id": "q3", "kind": "true_false", "prompt": {"zh": "三"}, "answer": [False]},
    ],
}


def test_scoring_counts_exact_answers_only() -> None:
    parsed = quiz.parse(QUIZ)
    assert parsed.score({"q1": [1], "q2": [0, 2], "q3": [False]}) == 1.0
    assert parsed.score({"q1": [1], "q2": [0], "q3": [False]}) == pytest.approx(2 / 3)
    assert parsed.score({"q2": [0, 1, 2]}) == 0.0
    assert parsed.passed(2 / 3) and not parsed.passed(1 / 3)


@pytest.mark.parametrize(
    "change",
    [
        {"pass_mark": 2},
        {"questions": []},
        {"questions": [{"id": "q", "kind": "single", "prompt": {}, "answer": [0, 1],
                        "choices": [{}, {}]}]},
        {"questions": [{"id": "q", "kind": "single", "prompt": {}, "answer": [5],
                        "choices": [{}]}]},
        {"questions": [{"id": "q", "kind": "essay", "prompt": {}, "answer": [0]}]},
        {"questions": [{"id": "q", "kind": "true_false", "prompt": {}, "answer": [1]}]},
    ],
)
def test_invalid_quizzes_are_rejected(change: dict[str, object]) -> None:
    with pytest.raises(PackageError, match="not valid"):
        quiz.parse({**QUIZ, **change})


def test_responses_round_trip_and_stale_ones_are_refused() -> None:
    parsed = quiz.parse(QUIZ)
    single, multiple, true_false = parsed.questions
    for question, chosen in ((single, [1]), (multiple, [2, 0]), (true_false, [False])):
        text = quiz.response_text(question, chosen)
        assert quiz.parse_response(question, text) == sorted(chosen)
    assert quiz.response_text(multiple, [2, 0]) == "0[,]2"
    assert quiz.parse_response(single, "7") is None  # a choice the updated quiz lacks
    assert quiz.parse_response(true_false, "maybe") is None
