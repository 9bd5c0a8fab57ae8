import pytest

from app import catalogue
from app.errors import NotFoundError
from app.store import Store
from tests.records import course_record


def apply(store: Store, *records: dict[str, object]) -> catalogue.ApplyResult:
    with store.transaction() as conn:
        return catalogue.apply_records(conn, records)


def test_records_are_stored_with_facets_and_lessons_in_order(store: Store) -> None:
    result = apply(store, course_record("sci-1", title_zh="身边的科学", lessons=4,
                                        vertical=("intellectual", "work")))
    assert result == catalogue.ApplyResult(added=1)
    course = catalogue.get_course(store.conn, "sci-1")
    assert course.title("zh_CN") == "身边的科学"
    assert course.facets == {"horizontal": ("lifelong",), "vertical": ("intellectual", "work")}
    assert [lesson.position for lesson in course.lessons] == [0, 1, 2, 3]
    assert course.lessons[0].kind == "video"


def test_update_replaces_lessons_and_tombstone_withdraws(store: Store) -> None:
    apply(store, course_record("c", lessons=4))
    result = apply(store, course_record("c", version=2, lessons=2, title_en="New"))
    assert result == catalogue.ApplyResult(updated=1)
    course = catalogue.get_course(store.conn, "c")
    assert (course.version, len(course.lessons), course.title("en")) == (2, 2, "New")
    assert apply(store, {"id": "c", "withdrawn": True}) == catalogue.ApplyResult(withdrawn=1)
    assert catalogue.get_course(store.conn, "c").withdrawn
    assert apply(store, {"id": "never-seen", "withdrawn": True}).withdrawn == 0


def test_a_bad_record_rejects_the_page_and_changes_nothing(store: Store) -> None:
    bad = course_record("x", section="astrology")
    with pytest.raises(ValueError, match="unknown section"):
        apply(store, course_record("fine"), bad)
    assert catalogue.course_count(store.conn) == 0


def test_title_falls_back_to_the_other_language(store: Store) -> None:
    apply(store, course_record("c", title_zh="", title_en="Only English"))
    assert catalogue.get_course(store.conn, "c").title("zh_CN") == "Only English"


def test_pinyin_sort_key() -> None:
    assert catalogue.sort_key("八段锦", "") == "ba duan jin"
    assert catalogue.sort_key("", "Tea") == "tea"


def test_unknown_course_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        catalogue.get_course(store.conn, "nope")


def test_a_course_given_twice_in_a_page_takes_its_last_record(store: Store) -> None:
    result = apply(store, course_record("c", lessons=4), course_record("c", version=2, lessons=2))
    assert result == catalogue.ApplyResult(added=1)
    course = catalogue.get_course(store.conn, "c")
    assert (course.version, len(course.lessons)) == (2, 2)


def test_a_page_mixing_new_known_and_withdrawn_courses_counts_each(store: Store) -> None:
    apply(store, course_record("known"), course_record("going"))
    result = apply(store, course_record("known", version=2, vertical=("work",)),
                   course_record("new"), {"id": "going", "withdrawn": True})
    assert result == catalogue.ApplyResult(added=1, updated=1, withdrawn=1)
    assert catalogue.get_course(store.conn, "known").facets["vertical"] == ("work",)
    assert catalogue.get_course(store.conn, "new").lessons[0].id == "new-01"


def test_titles_and_first_course_with_a_kind(store: Store) -> None:
    apply(store, course_record("b", title_zh="乙", title_en="B", lessons=2),
          course_record("a", title_zh="甲", title_en="A", lessons=1))
    assert catalogue.titles(store.conn, ["a", "nope", "b"]) == {"a": ("甲", "A"), "b": ("乙", "B")}
    assert catalogue.first_course_with(store.conn, "text") == "b"  # a has only a video
    assert catalogue.first_course_with(store.conn, "quiz") is None
