import json
import tempfile
from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app import catalogue, profiles, progress
from app import statements as xapi
from app.paths import resolve
from app.store import Store
from tests.records import course_record


def setup(store: Store) -> tuple[int, catalogue.Lesson]:
    with store.transaction() as conn:
        catalogue.apply_records(conn, [course_record("c1", lessons=3)])
        profile = profiles.create(conn, "李华")
    return profile.id, catalogue.get_course(store.conn, "c1").lessons[0]


def outbox(store: Store) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in store.conn.execute(
        "SELECT json FROM statements WHERE origin = 'local' AND sent_at IS NULL ORDER BY created"
    )]


def test_events_land_in_outbox_and_progress_together(store: Store) -> None:
    profile_id, lesson = setup(store)
    progress.open_lesson(store, profile_id, lesson)
    progress.save_position(store, profile_id, lesson, 2.5, 5.0)
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    assert (state.status, state.position, state.fraction) == ("started", 2.5, 0.5)
    progress.complete_lesson(store, profile_id, lesson)
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    assert state.completed and state.fraction == 1.0 and state.position == 2.5
    verbs = [s["verb"]["id"] for s in outbox(store)]
    assert verbs == [xapi.EXPERIENCED, xapi.PROGRESSED, xapi.COMPLETED]
    assert progress.waiting_count(store.conn, profile_id) == 3
    parent = outbox(store)[0]["context"]["contextActivities"]["parent"][0]["id"]
    assert parent.endswith("/course/c1")


def test_quiz_keeps_best_score_and_answers_do_not_touch_progress(store: Store) -> None:
    profile_id, lesson = setup(store)
    progress.answer_question(store, profile_id, lesson, "q1", "1", True)
    assert progress.lesson_progress(store.conn, profile_id, lesson.activity_id).status == ""
    progress.finish_quiz(store, profile_id, lesson, 0.9, True)
    progress.finish_quiz(store, profile_id, lesson, 0.3, False)
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    assert state.best_score == 0.9 and state.completed


def test_a_failed_write_leaves_neither_statement_nor_progress(store: Store) -> None:
    profile_id, lesson = setup(store)
    statement = xapi.build({"objectType": "Agent"}, xapi.COMPLETED, lesson.activity_id)
    statement["timestamp"] = "not a time"
    try:
        progress.record(store, profile_id, statement)
    except ValueError:
        pass
    assert progress.waiting_count(store.conn) == 0
    assert progress.lesson_progress(store.conn, profile_id, lesson.activity_id).status == ""


def test_remote_statements_merge_once_and_are_not_resent(store: Store) -> None:
    profile_id, lesson = setup(store)
    remote = xapi.build({}, xapi.COMPLETED, lesson.activity_id)
    assert progress.merge_remote(store, profile_id, [remote, remote]) == 1
    assert progress.merge_remote(store, profile_id, [remote]) == 0
    assert progress.lesson_progress(store.conn, profile_id, lesson.activity_id).completed
    assert progress.waiting_count(store.conn) == 0


ACTIVITY = "https://lifelong.example.org/xapi/activities/lesson/c1-01"
VERBS = [xapi.EXPERIENCED, xapi.PROGRESSED, xapi.COMPLETED, xapi.PASSED, xapi.FAILED]


@st.composite
def statement_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Statements about one lesson, with colliding timestamps so ties must break by id."""
    made = []
    ids = draw(st.lists(st.uuids(), min_size=1, max_size=12, unique=True))
    for statement_id in ids:
        verb = draw(st.sampled_from(VERBS))
        result: dict[str, Any] = {}
        if verb == xapi.PROGRESSED:
            result["extensions"] = {xapi.TIME_EXTENSION: draw(st.floats(0, 600)),
                                    xapi.PROGRESS_EXTENSION: draw(st.integers(0, 100))}
        if verb in (xapi.PASSED, xapi.FAILED):
            result["score"] = {"scaled": draw(st.floats(0, 1))}
        second = draw(st.integers(0, 3))
        made.append(xapi.build({}, verb, ACTIVITY, result=result or None,
                               timestamp=f"2026-11-28T10:00:0{second}+08:00"))
        made[-1]["id"] = str(statement_id)
    return made


@cache
def shared_store() -> Store:
    """One database for every example; each merge gets a fresh profile (fast, isolated)."""
    store = Store(resolve(tempfile.mkdtemp(prefix="merge-")))
    with store.transaction() as conn:
        catalogue.apply_records(conn, [course_record("c1", lessons=3)])
    return store


def merged_progress(batches: list[list[dict[str, Any]]]) -> tuple[Any, ...]:
    store = shared_store()
    with store.transaction() as conn:
        profile_id = profiles.create(conn, "merge").id
    for batch in batches:
        # Ids are unique per database: prefix them per profile, keeping their order.
        renamed = [{**s, "id": f"{profile_id:06d}-{s['id']}"} for s in batch]
        progress.merge_remote(store, profile_id, renamed)
    state = progress.lesson_progress(store.conn, profile_id, ACTIVITY)
    return (state.status, state.position, state.fraction, state.best_score, state.updated)


@settings(max_examples=150, deadline=None)
@given(statement_lists(), st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_idempotent(
    made: list[dict[str, Any]], random: Any
) -> None:
    in_order = merged_progress([made])
    shuffled = list(made) + random.sample(made, k=len(made) // 2)  # duplicates
    random.shuffle(shuffled)
    halves = [shuffled[: len(shuffled) // 2], shuffled[len(shuffled) // 2:], made]
    assert merged_progress(halves) == in_order
    # The rules themselves: ever completed, maxima, newest progressed position.
    status, position, fraction, best, _ = in_order
    done = any(s["verb"]["id"] in (xapi.COMPLETED, xapi.PASSED) for s in made)
    assert (status == "completed") == done
    scores = [s["result"]["score"]["scaled"] for s in made if "score" in s.get("result", {})]
    assert best == (max(scores) if scores else None)
    moves = [s for s in made if s["verb"]["id"] == xapi.PROGRESSED]
    if moves:
        newest = max(moves, key=lambda s: (xapi.normalise_timestamp(s["timestamp"]), s["id"]))
        assert position == newest["result"]["extensions"][xapi.TIME_EXTENSION]
    assert fraction == (1.0 if done else max(
        [s["result"]["extensions"][xapi.PROGRESS_EXTENSION] / 100 for s in moves] or [0.0]))
