"""What to study next: "Continue learning" and simple recommendations."""

import sqlite3
from dataclasses import dataclass

from app.catalogue import Lesson, get_course


@dataclass(frozen=True)
class Resume:
    """Where a learner left a course: the lesson to open and the position in it."""

    course_id: str
    course_title_zh: str
    course_title_en: str
    lesson: Lesson
    position: float
    updated: str


def continue_learning(conn: sqlite3.Connection, profile_id: int, limit: int = 8) -> list[Resume]:
    """The last unfinished lesson of each course started, newest course first.

    When every lesson touched so far is completed, the next lesson not yet completed;
    courses that are entirely completed are left out.
    """
    courses = conn.execute(
        "SELECT l.course_id, max(p.updated) AS last FROM progress p "
        "JOIN lessons l ON l.activity_id = p.lesson_activity "
        "WHERE p.profile_id = ? GROUP BY l.course_id ORDER BY last DESC",
        (profile_id,),
    ).fetchall()
    found: list[Resume] = []
    for course_id, last in courses:
        resume = _resume_in(conn, profile_id, course_id, last)
        if resume:
            found.append(resume)
        if len(found) >= limit:
            break
    return found


def _resume_in(
    conn: sqlite3.Connection, profile_id: int, course_id: str, last: str
) -> Resume | None:
    course = get_course(conn, course_id)
    states = dict(
        (row[0], (row[1], row[2], row[3]))
        for row in conn.execute(
            "SELECT p.lesson_activity, p.status, p.position, p.updated FROM progress p "
            "JOIN lessons l ON l.activity_id = p.lesson_activity "
            "WHERE p.profile_id = ? AND l.course_id = ?",
            (profile_id, course_id),
        )
    )
    unfinished = [
        lesson for lesson in course.lessons
        if lesson.activity_id in states and states[lesson.activity_id][0] != "completed"
    ]
    if unfinished:
        lesson = max(unfinished, key=lambda item: states[item.activity_id][2])
        position = float(states[lesson.activity_id][1])
    else:
        untouched = [x for x in course.lessons if x.activity_id not in states]
        if not untouched:
            return None
        lesson, position = untouched[0], 0.0
    return Resume(course.id, course.title_zh, course.title_en, lesson, position, last)


def recommendations(
    conn: sqlite3.Connection, profile_id: int, *, large_font: bool = False, limit: int = 8
) -> list[str]:
    """Course ids the learner has not started, in the sections and dimensions they study.

    Courses score one point per matching section or facet of courses already started;
    silver-age classes come first for a large-font profile. Ties go by pinyin title.
    """
    rows = conn.execute(
        """
        WITH started AS (
            SELECT DISTINCT l.course_id FROM progress p
            JOIN lessons l ON l.activity_id = p.lesson_activity WHERE p.profile_id = :profile
        ),
        liked_sections AS (
            SELECT section, count(*) AS weight FROM courses
            WHERE id IN (SELECT course_id FROM started) GROUP BY section
        ),
        liked_facets AS (
            SELECT dimension, value, count(*) AS weight FROM course_facets
            WHERE course_id IN (SELECT course_id FROM started) GROUP BY dimension, value
        )
        SELECT c.id,
            (CASE WHEN :large AND c.section = 'silver_age' THEN 1000 ELSE 0 END)
            + coalesce((SELECT 3 * weight FROM liked_sections s WHERE s.section = c.section), 0)
            + coalesce((SELECT sum(f.weight) FROM course_facets cf JOIN liked_facets f
                        ON f.dimension = cf.dimension AND f.value = cf.value
                        WHERE cf.course_id = c.id), 0) AS score
        FROM courses c
        WHERE c.withdrawn = 0 AND c.id NOT IN (SELECT course_id FROM started)
        ORDER BY score DESC, c.sort_key LIMIT :limit
        """,
        {"profile": profile_id, "large": int(large_font), "limit": limit},
    )
    return [row[0] for row in rows]
