"""Learning progress: every event appended as a statement, progress derived from them.

Merge rules (``docs/protocol.md``): completion is "ever completed", best score and
fraction are maxima, and the resume position comes from the newest ``progressed``
statement by timestamp, ties broken by statement id. Each rule is commutative and
idempotent, so statements merged in any order, with duplicates, give the same progress.
"""

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app import statements as xapi
from app.catalogue import Lesson
from app.profiles import get as get_profile
from app.quiz import Quiz, parse_response
from app.store import Store, utc_now

_UPSERT = """
INSERT INTO progress (profile_id, lesson_activity, status, position, position_key, fraction,
                      best_score, updated)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (profile_id, lesson_activity) DO UPDATE SET
    status = CASE WHEN 'completed' IN (progress.status, excluded.status)
                  THEN 'completed' ELSE 'started' END,
    position = CASE WHEN excluded.position_key > progress.position_key
                    THEN excluded.position ELSE progress.position END,
    position_key = max(progress.position_key, excluded.position_key),
    fraction = max(progress.fraction, excluded.fraction),
    best_score = CASE WHEN progress.best_score IS NULL THEN excluded.best_score
                      WHEN excluded.best_score IS NULL THEN progress.best_score
                      ELSE max(progress.best_score, excluded.best_score) END,
    updated = max(progress.updated, excluded.updated)
"""
_DONE_VERBS = (xapi.COMPLETED, xapi.PASSED)


@dataclass(frozen=True)
class LessonProgress:
    lesson_activity: str
    status: str
    position: float
    fraction: float
    best_score: float | None
    updated: str

    @property
    def completed(self) -> bool:
        return self.status == "completed"


def apply(conn: sqlite3.Connection, profile_id: int, statement: dict[str, Any]) -> None:
    """Merge one statement into the profile's progress (answers only count via their quiz)."""
    verb = statement["verb"]["id"]
    if verb == xapi.ANSWERED:
        return
    result = statement.get("result") or {}
    extensions = result.get("extensions") or {}
    done = verb in _DONE_VERBS or result.get("completion") is True
    fraction = 1.0 if done else min(float(extensions.get(xapi.PROGRESS_EXTENSION, 0)) / 100, 1)
    timestamp = xapi.normalise_timestamp(statement["timestamp"])
    position, position_key = 0.0, ""
    if verb == xapi.PROGRESSED and xapi.TIME_EXTENSION in extensions:
        position = float(extensions[xapi.TIME_EXTENSION])
        position_key = f"{timestamp}|{statement['id']}"
    score = (result.get("score") or {}).get("scaled")
    conn.execute(
        _UPSERT,
        (
            profile_id, statement["object"]["id"], "completed" if done else "started",
            position, position_key, fraction, None if score is None else float(score), timestamp,
        ),
    )


def record(store: Store, profile_id: int, statement: dict[str, Any]) -> str:
    """Append ``statement`` to the outbox and update progress, in one transaction."""
    with store.transaction() as conn:
        _insert(conn, profile_id, statement, origin="local")
        apply(conn, profile_id, statement)
    return str(statement["id"])


def _insert(
    conn: sqlite3.Connection, profile_id: int, statement: dict[str, Any], *, origin: str
) -> bool:
    cursor = conn.execute(
        "INSERT INTO statements (id, profile_id, verb, object_id, timestamp, json, origin, "
        "created, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
        (
            statement["id"], profile_id, statement["verb"]["id"], xapi.lesson_of(statement),
            xapi.normalise_timestamp(statement["timestamp"]),
            json.dumps(statement, ensure_ascii=False, separators=(",", ":")), origin, utc_now(),
            utc_now() if origin == "remote" else None,
        ),
    )
    return cursor.rowcount == 1


def merge_remote(store: Store, profile_id: int, incoming: Iterable[dict[str, Any]]) -> int:
    """Merge statements pulled from the platform; returns how many were new here."""
    added = 0
    with store.transaction() as conn:
        for statement in incoming:
            if _insert(conn, profile_id, statement, origin="remote"):
                apply(conn, profile_id, statement)
                added += 1
    return added


def _actor(store: Store, profile_id: int) -> dict[str, Any]:
    return get_profile(store.conn, profile_id).actor


def _lesson_event(
    store: Store, profile_id: int, lesson: Lesson, verb: str, result: dict[str, Any] | None = None
) -> str:
    parent = lesson_course_activity(store.conn, lesson)
    statement = xapi.build(
        _actor(store, profile_id), verb, lesson.activity_id,
        name=lesson.title_zh or lesson.title_en, result=result, parent=parent,
    )
    return record(store, profile_id, statement)


def lesson_course_activity(conn: sqlite3.Connection, lesson: Lesson) -> str | None:
    row = conn.execute("SELECT activity_id FROM courses WHERE id = ?", (lesson.course_id,))
    found = row.fetchone()
    return str(found[0]) if found else None


def open_lesson(store: Store, profile_id: int, lesson: Lesson) -> str:
    return _lesson_event(store, profile_id, lesson, xapi.EXPERIENCED)


def save_position(
    store: Store, profile_id: int, lesson: Lesson, position: float, duration: float
) -> str:
    """Record a video position (seconds) and how much of the video that is."""
    percent = round(100 * position / duration) if duration > 0 else 0
    extensions = {
        xapi.TIME_EXTENSION: round(position, 3),
        xapi.PROGRESS_EXTENSION: max(0, min(100, percent)),
    }
    return _lesson_event(store, profile_id, lesson, xapi.PROGRESSED, {"extensions": extensions})


def complete_lesson(store: Store, profile_id: int, lesson: Lesson) -> str:
    return _lesson_event(store, profile_id, lesson, xapi.COMPLETED, {"completion": True})


def answer_question(
    store: Store, profile_id: int, lesson: Lesson, question_id: str, response: str, correct: bool
) -> str:
    statement = xapi.build(
        _actor(store, profile_id), xapi.ANSWERED, f"{lesson.activity_id}#{question_id}",
        result={"success": correct, "response": response},
        parent=lesson.activity_id, activity_type=xapi.QUESTION_TYPE,
    )
    return record(store, profile_id, statement)


def finish_quiz(store: Store, profile_id: int, lesson: Lesson, score: float, passed: bool) -> str:
    result = {"score": {"scaled": round(score, 4)}, "success": passed, "completion": passed}
    verb = xapi.PASSED if passed else xapi.FAILED
    return _lesson_event(store, profile_id, lesson, verb, result)


def lesson_progress(conn: sqlite3.Connection, profile_id: int, activity_id: str) -> LessonProgress:
    row = conn.execute(
        "SELECT lesson_activity, status, position, fraction, best_score, updated FROM progress "
        "WHERE profile_id = ? AND lesson_activity = ?",
        (profile_id, activity_id),
    ).fetchone()
    return LessonProgress(*row) if row else LessonProgress(activity_id, "", 0.0, 0.0, None, "")


def course_progress(
    conn: sqlite3.Connection, profile_id: int, course_id: str
) -> dict[str, LessonProgress]:
    """Progress of each lesson of the course that the learner has started, by lesson id."""
    rows = conn.execute(
        "SELECT l.id, p.lesson_activity, p.status, p.position, p.fraction, p.best_score, "
        "p.updated FROM lessons l JOIN progress p ON p.lesson_activity = l.activity_id "
        "WHERE l.course_id = ? AND p.profile_id = ?",
        (course_id, profile_id),
    )
    return {row[0]: LessonProgress(*row[1:]) for row in rows}


def waiting_count(conn: sqlite3.Connection, profile_id: int | None = None) -> int:
    """Statements recorded here and not yet accepted by the platform (quarantined excluded)."""
    query = (
        "SELECT count(*) FROM statements WHERE origin = 'local' AND sent_at IS NULL "
        "AND quarantine IS NULL"
    )
    if profile_id is None:
        return int(conn.execute(query).fetchone()[0])
    return int(conn.execute(query + " AND profile_id = ?", (profile_id,)).fetchone()[0])


def quiz_answers_in_progress(
    conn: sqlite3.Connection, profile_id: int, lesson_activity: str, quiz: Quiz
) -> dict[str, list[int | bool]]:
    """The answers of a quiz attempt left half-way (none once it was passed or failed).

    Read from the learner's own ``answered`` statements rather than from memory kept by a
    window: they survive an idle lock and a restart, belong to exactly one profile, and go
    when that profile is deleted (a discarded guest leaves nothing behind).
    """
    questions = {question.id: question for question in quiz.questions}
    rows = conn.execute(
        "SELECT verb, json FROM statements WHERE profile_id = ? AND object_id = ? "
        "AND origin = 'local' AND verb IN (?, ?, ?) ORDER BY rowid",
        (profile_id, lesson_activity, xapi.ANSWERED, xapi.PASSED, xapi.FAILED),
    )
    answers: dict[str, list[int | bool]] = {}
    for verb, text in rows:
        if verb != xapi.ANSWERED:
            answers = {}  # a result ends an attempt
            continue
        statement = json.loads(text)
        question = questions.get(str(statement["object"]["id"]).rpartition("#")[2])
        response = statement.get("result", {}).get("response")
        if question is None or not isinstance(response, str):
            continue
        chosen = parse_response(question, response)
        if chosen is not None:
            answers[question.id] = chosen
    return answers
