"""Full-text search and browsing over the local catalogue (app/search.py)."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app import catalogue, search
from app.paths import DataPaths, resolve
from app.search import Filters
from app.store import Store
from tests.records import course_record


def apply(store: Store, *records: dict[str, Any]) -> None:
    with store.transaction() as conn:
        catalogue.apply_records(conn, records)


ANY = Filters()


def ids(conn: sqlite3.Connection, text: str = "", filters: Filters = ANY) -> list[str]:
    return [row.id for row in search.find_courses(conn, text, filters)]


def install(store: Store, course_id: str) -> None:
    """Mark a course installed the way the package installer records it."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO installed VALUES (?, 1, ?, 1000, '{}', '2026-11-28T12:00:00.000Z')",
            (course_id, course_id),
        )
        search.reindex(conn, [course_id])


@pytest.fixture
def chinese(store: Store) -> Store:
    apply(
        store,
        course_record("tea", title_zh="茶艺入门", title_en="The art of tea"),
        course_record("phone", title_zh="老年人智能手机使用", title_en="Using a smartphone"),
        course_record("fraud", title_zh="防范电信诈骗", title_en="Avoiding phone fraud"),
        course_record("math", title_zh="趣味数学", title_en="Fun with numbers",
                      summary_zh="用手机学数学"),
    )
    return store


def test_one_chinese_character_finds_every_course_containing_it(chinese: Store) -> None:
    assert ids(chinese.conn, "茶") == ["tea"]


def test_two_character_word_finds_titles_and_summaries(chinese: Store) -> None:
    assert set(ids(chinese.conn, "手机")) == {"phone", "math"}


def test_four_character_query_needs_its_characters_adjacent(chinese: Store) -> None:
    # A Chinese run is a phrase: 电信诈骗 is in 防范电信诈骗, 防范诈骗 is not (电信 between).
    assert ids(chinese.conn, "电信诈骗") == ["fraud"]
    assert ids(chinese.conn, "防范诈骗") == []
    # Typed as two words, each must appear, anywhere.
    assert ids(chinese.conn, "防范 诈骗") == ["fraud"]


def test_english_word_and_prefix_of_the_last_word(chinese: Store) -> None:
    assert ids(chinese.conn, "tea") == ["tea"]
    assert ids(chinese.conn, "smartph") == ["phone"]
    assert ids(chinese.conn, "Smartphone USING") == ["phone"]


def test_only_the_last_word_matches_as_a_prefix(chinese: Store) -> None:
    assert ids(chinese.conn, "smartph using") == []


def test_a_single_letter_is_a_word_not_a_prefix() -> None:
    assert search.build_query("s") == '"s"'
    assert search.build_query("sm") == '"sm"*'
    assert search.build_query("tea s") == '"tea" "s"'


def test_chinese_and_english_together_must_both_match(chinese: Store) -> None:
    assert ids(chinese.conn, "手机 fraud") == []
    assert ids(chinese.conn, "诈骗 phone") == ["fraud"]
    assert ids(chinese.conn, "phone诈骗") == ["fraud"]


def test_full_width_latin_from_an_ime_matches_ascii(chinese: Store) -> None:
    assert ids(chinese.conn, "ｔｅａ") == ["tea"]


def test_title_match_ranks_above_summary_only_match(store: Store) -> None:
    apply(
        store,
        course_record("a-summary", title_zh="生活常识", summary_zh="讲一点摄影和很多别的事情"),
        course_record("b-title", title_zh="摄影", summary_zh="构图"),
    )
    assert ids(store.conn, "摄影") == ["b-title", "a-summary"]


def test_tags_and_lesson_titles_are_searchable(store: Store) -> None:
    record = course_record("garden", title_zh="园艺", tags=("盆栽",))
    record["lessons"][0]["title"] = {"zh": "浇水", "en": "Watering"}
    apply(store, record)
    assert ids(store.conn, "盆栽") == ["garden"]
    assert ids(store.conn, "浇水") == ["garden"]
    assert ids(store.conn, "water") == ["garden"]


@pytest.fixture
def faceted(store: Store) -> Store:
    apply(
        store,
        course_record("basic-moral", section="silver_age", horizontal=("basic",),
                      vertical=("moral",)),
        course_record("basic-work", section="workplace_skills", horizontal=("basic",),
                      vertical=("work", "physical")),
        course_record("higher-work", section="workplace_skills", horizontal=("higher",),
                      vertical=("work",)),
    )
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(section="workplace_skills"), {"basic-work", "higher-work"}),
        (Filters(horizontal=("basic",)), {"basic-moral", "basic-work"}),
        (Filters(vertical=("moral", "physical")), {"basic-moral", "basic-work"}),
        (Filters(horizontal=("basic",), vertical=("work",)), {"basic-work"}),
        (Filters(section="silver_age", vertical=("work",)), set()),
    ],
)
def test_facet_filters_any_value_within_a_dimension_all_dimensions(
    faceted: Store, filters: Filters, expected: set[str]
) -> None:
    assert set(ids(faceted.conn, "", filters)) == expected
    assert set(ids(faceted.conn, "course", filters)) == expected
    assert search.count_courses(faceted.conn, "", filters) == len(expected)


def test_downloaded_only_lists_installed_courses(faceted: Store) -> None:
    install(faceted, "higher-work")
    rows = search.find_courses(faceted.conn, "", Filters(downloaded_only=True))
    assert [(row.id, row.installed) for row in rows] == [("higher-work", True)]


def test_withdrawn_course_is_hidden_unless_installed(chinese: Store) -> None:
    install(chinese, "math")
    apply(chinese, {"id": "tea", "withdrawn": True}, {"id": "math", "withdrawn": True})
    assert ids(chinese.conn, "茶") == []
    assert "tea" not in ids(chinese.conn)
    rows = search.find_courses(chinese.conn, "数学")
    assert [(row.id, row.withdrawn, row.installed) for row in rows] == [("math", True, True)]
    assert search.count_courses(chinese.conn) == 3


def test_withdrawn_course_leaves_the_index_when_uninstalled(chinese: Store) -> None:
    install(chinese, "math")
    apply(chinese, {"id": "math", "withdrawn": True})
    with chinese.transaction() as conn:
        conn.execute("DELETE FROM installed WHERE course_id = 'math'")
        search.reindex(conn, ["math"])
    assert ids(chinese.conn, "数学") == []
    assert search.count_courses(chinese.conn, "数学") == 0


@pytest.mark.parametrize(
    "text", ['"', "*", "NEAR(", "a OR", ") AND (", "^title:x", "'; DROP TABLE courses; --",
             "NOT", '"手机', "手机*", "\x00", "(((", "-", "title:手机"],
)
def test_hostile_input_never_raises(chinese: Store, text: str) -> None:
    search.find_courses(chinese.conn, text)
    search.count_courses(chinese.conn, text)


def test_fts_syntax_words_are_searched_as_words(store: Store) -> None:
    apply(store, course_record("near", title_en="Near and far"),
          course_record("other", title_en="Other"))
    assert ids(store.conn, "NEAR") == ["near"]
    assert ids(store.conn, "title:near") == []  # no column filter: "title" is just a word


def test_nothing_searchable_browses_like_empty_text(chinese: Store) -> None:
    assert search.build_query('"*()') is None
    assert ids(chinese.conn, '"*()') == ids(chinese.conn, "")


def test_empty_query_browses_in_pinyin_order(chinese: Store) -> None:
    # cha, fang, lao, qu
    assert ids(chinese.conn) == ["tea", "fraud", "phone", "math"]


def test_limit_and_offset_page_through_the_list(chinese: Store) -> None:
    first = search.find_courses(chinese.conn, limit=2)
    second = search.find_courses(chinese.conn, limit=2, offset=2)
    assert [r.id for r in first + second] == ids(chinese.conn)


def test_reindex_after_update_replaces_old_words(chinese: Store) -> None:
    apply(chinese, course_record("tea", title_zh="咖啡入门", title_en="Coffee", version=2))
    assert ids(chinese.conn, "茶") == []
    assert ids(chinese.conn, "咖啡") == ["tea"]
    assert ids(chinese.conn, "coffee") == ["tea"]


def test_course_row_picks_language_with_fallback(chinese: Store) -> None:
    (row,) = search.find_courses(chinese.conn, "茶")
    assert (row.title("zh_CN"), row.title("en")) == ("茶艺入门", "The art of tea")
    assert row.summary("en") == ""
    (math,) = search.find_courses(chinese.conn, "趣味")
    assert math.summary("en") == "用手机学数学"


def test_spaced_separates_every_cjk_character() -> None:
    assert search.spaced("AI绘画かな한글").split() == ["AI", "绘", "画", "か", "な", "한", "글"]


def test_query_quotes_every_term_and_prefixes_only_a_trailing_latin_word() -> None:
    assert search.build_query('防范"诈骗 smart-ph') == '"防 范" "诈 骗" "smart" "ph"*'
    assert search.build_query("phone 手机") == '"phone" "手 机"'


@pytest.fixture
def broad(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """More matches for 茶 than the ranking cap (lowered so the test stays small)."""
    monkeypatch.setattr(search, "RANK_CAP", 2)
    apply(
        store,
        course_record("b1", title_zh="历史", summary_zh="茶"),
        course_record("b2", title_zh="地理", summary_zh="茶"),
        course_record("b3", title_zh="茶道", horizontal=("basic",)),
        course_record("b4", title_zh="茶艺", summary_zh="茶"),
        course_record("b5", title_zh="音乐", summary_zh="茶", horizontal=("basic",)),
    )
    return store


def test_broad_query_lists_sampled_title_matches_before_other_matches(broad: Store) -> None:
    found = ids(broad.conn, "茶")
    assert set(found[:2]) == {"b3", "b4"}
    assert set(found[2:]) <= {"b1", "b2", "b5"}
    assert len(found) == 4  # two ranking tiers of two
    assert search.count_courses(broad.conn, "茶") == 5


def test_broad_query_applies_filters_before_sampling(broad: Store) -> None:
    assert ids(broad.conn, "茶", Filters(horizontal=("basic",))) == ["b3", "b5"]


def test_installing_and_removing_a_withdrawn_course_updates_the_listing(
    tmp_path: Path,
) -> None:
    from app.packages import build_package, import_package, remove_course

    with Store(resolve(tmp_path / "d")) as store:
        with store.transaction() as conn:
            catalogue.apply_records(conn, [course_record("old-1", title_zh="旧课程")])
        package = build_package(
            tmp_path / "old-1.zip", course_id="old-1", version=1, title={"zh": "旧课程"},
            lessons=[{"id": "old-1-01", "kind": "text", "title": {"zh": "一"},
                      "file": "a.md"}],
            files={"a.md": b"# hi"},
        )
        with store.transaction() as conn:
            catalogue.apply_records(conn, [{"id": "old-1", "withdrawn": True}])
        assert [r.id for r in search.find_courses(store.conn, "旧课程")] == []
        import_package(store, package.path)
        assert [r.id for r in search.find_courses(store.conn, "旧课程")] == ["old-1"]
        remove_course(store, "old-1")
        assert search.find_courses(store.conn, "旧课程") == []


def test_facet_filters_follow_a_course_whose_facets_change(faceted: Store) -> None:
    apply(faceted, course_record("basic-moral", section="silver_age", version=2,
                                 horizontal=("higher",), vertical=("aesthetic",)))
    assert "basic-moral" not in ids(faceted.conn, "", Filters(horizontal=("basic",)))
    both = Filters(horizontal=("higher",), vertical=("aesthetic",))
    assert ids(faceted.conn, "", both) == ids(faceted.conn, "course", both) == ["basic-moral"]
    assert search.count_courses(faceted.conn, "course", both) == 1


def test_an_unknown_facet_value_matches_nothing(faceted: Store) -> None:
    assert ids(faceted.conn, "", Filters(vertical=("astrology",))) == []
    assert search.count_courses(faceted.conn, "", Filters(vertical=("astrology",))) == 0


def test_installed_withdrawn_course_is_counted_under_facet_filters(faceted: Store) -> None:
    install(faceted, "higher-work")
    apply(faceted, {"id": "higher-work", "withdrawn": True}, {"id": "basic-work",
                                                             "withdrawn": True})
    work = Filters(vertical=("work",))
    assert ids(faceted.conn, "", work) == ids(faceted.conn, "course", work) == ["higher-work"]
    assert search.count_courses(faceted.conn, "", work) == 1
    assert search.count_courses(faceted.conn, "course", work) == 1


EVERY_VALUE = list(search.FACET_BITS)


def test_upgrade_from_schema_2_fills_facet_bits_from_course_facets(paths: DataPaths) -> None:
    """A library written before facet_bits existed filters the same once opened."""
    from app.migrations import MIGRATIONS

    paths.ensure()
    old = sqlite3.connect(paths.database)
    old.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    for number, (dimension, value) in enumerate([*EVERY_VALUE, ("none", "")]):
        title = f"课程{value}"
        old.execute(
            "INSERT INTO courses (id, activity_id, version, section, title_zh, sort_key) "
            "VALUES (?, '', 1, 'silver_age', ?, ?)",
            (value or "none", title, f"{number:02d}"),
        )
        old.execute(
            "INSERT INTO search_index(rowid, title, body) VALUES (last_insert_rowid(), ?, '')",
            (search.spaced(title),),
        )
        if value:
            old.execute("INSERT INTO course_facets VALUES (?, ?, ?)", (value, dimension, value))
    old.commit()
    old.close()
    with Store(paths) as store:
        for dimension, value in EVERY_VALUE:
            one = (value,)
            filters = Filters(horizontal=one) if dimension == "horizontal" else Filters(
                vertical=one
            )
            assert ids(store.conn, "", filters) == [value]
            assert ids(store.conn, "课程", filters) == [value]
            assert search.count_courses(store.conn, "", filters) == 1
        assert search.count_courses(store.conn, "", Filters(section="silver_age")) == 10
