"""Where a quiz left half-way stands: the answers given since the lesson's last result.

A quiz is resumed from the learner's own ``answered`` statements rather than from memory
kept by the window: they survive an idle lock and a restart, belong to exactly one
profile, and go when that profile is deleted (a discarded guest leaves nothing behind).
No Qt here: this runs on the database worker.
"""

import json
import sqlite3

from app import statements as xapi
from app.quiz import Question, Quiz

Answers = dict[str, list[int | bool]]


def parse_response(question: Question, response: str) -> list[int | bool] | None:
    """The choices behind an xAPI response (see ``quiz_view.response_text``), or None if it
    does not fit ``question`` (the course was updated since)."""
    if question.kind == "true_false":
        answers: dict[str, list[int | bool]] = {"true": [True], "false": [False]}
        return answers.get(response)
    try:
        chosen: list[int | bool] = [int(part) for part in response.split("[,]")]
    except ValueError:
        return None
    fits = chosen and all(0 <= index < len(question.choices) for index in chosen)
    return chosen if fits else None


def answers_so_far(conn: sqlite3.Connection, profile_id: int, lesson_activity: str,
                   quiz: Quiz) -> Answers:
    """The answers of the attempt in progress (none once the quiz was passed or failed)."""
    questions = {question.id: question for question in quiz.questions}
    rows = conn.execute(
        "SELECT verb, json FROM statements WHERE profile_id = ? AND object_id = ? "
        "AND origin = 'local' AND verb IN (?, ?, ?) ORDER BY rowid",
        (profile_id, lesson_activity, xapi.ANSWERED, xapi.PASSED, xapi.FAILED),
    )
    answers: Answers = {}
    for verb, text in rows:
        if verb != xapi.ANSWERED:
            answers = {}  # a result ends an attempt
            continue
        statement = json.loads(text)
        question = questions.get(str(statement["object"]["id"]).rpartition("#")[2])
        response = statement.get("result", {}).get("response")
        chosen = None
        if question is not None and isinstance(response, str):
            chosen = parse_response(question, response)
        if question is not None and chosen is not None:
            answers[question.id] = chosen
    return answers
