from app import catalogue, profiles, progress, recommend
from app.store import Store
from tests.records import course_record


def seed(store: Store) -> int:
    records = [
        course_record("sci-1", section="scientific_literacy", lessons=3, title_zh="物理"),
        course_record("sci-2", section="scientific_literacy", title_zh="化学"),
        course_record("hob-1", section="hobbies_interests", vertical=("aesthetic",),
                      title_zh="书法"),
        course_record("silver-1", section="silver_age", vertical=("physical",), title_zh="八段锦"),
    ]
    with store.transaction() as conn:
        catalogue.apply_records(conn, records)
        return profiles.create(conn, "学员").id


def test_continue_learning_resumes_the_last_unfinished_lesson(store: Store) -> None:
    profile_id = seed(store)
    lessons = catalogue.get_course(store.conn, "sci-1").lessons
    progress.complete_lesson(store, profile_id, lessons[0])
    progress.save_position(store, profile_id, lessons[1], 3.0, 5.0)
    [resume] = recommend.continue_learning(store.conn, profile_id)
    assert (resume.course_id, resume.lesson.id, resume.position) == ("sci-1", lessons[1].id, 3.0)
    progress.complete_lesson(store, profile_id, lessons[1])
    [resume] = recommend.continue_learning(store.conn, profile_id)
    assert resume.lesson.id == lessons[2].id and resume.position == 0.0
    progress.complete_lesson(store, profile_id, lessons[2])
    assert recommend.continue_learning(store.conn, profile_id) == []


def test_continue_learning_lists_newest_course_first(store: Store) -> None:
    profile_id = seed(store)
    progress.open_lesson(store, profile_id, catalogue.get_course(store.conn, "sci-1").lessons[0])
    progress.open_lesson(store, profile_id, catalogue.get_course(store.conn, "hob-1").lessons[0])
    assert [r.course_id for r in recommend.continue_learning(store.conn, profile_id)] == [
        "hob-1", "sci-1"]


def test_recommendations_follow_the_learners_sections(store: Store) -> None:
    profile_id = seed(store)
    progress.open_lesson(store, profile_id, catalogue.get_course(store.conn, "sci-1").lessons[0])
    picks = recommend.recommendations(store.conn, profile_id)
    assert picks[0] == "sci-2" and "sci-1" not in picks
    large = recommend.recommendations(store.conn, profile_id, large_font=True)
    assert large[0] == "silver-1"
