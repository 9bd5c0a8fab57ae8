"""The demo catalogue: real courses, valid packages and records, tiny playable clips."""

import hashlib
import json
import posixpath
import re
import struct
import time
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app import quiz
from app.facets import HORIZONTAL, LESSON_KINDS, SECTIONS, VERTICAL
from app.packages import import_package, lesson_path
from app.store import Store
from resources.demo.generator import (
    ACTIVITY_BASE,
    CLIP_SECONDS,
    CLIPS_DIR,
    build_demo,
    demo_courses,
    synthetic_records,
)
from resources.demo.png import bar_chart_png
from resources.demo.texts import SECTIONS as SECTION_TEXTS

RECORD_KEYS = {"id", "activity_id", "version", "section", "facets", "title", "summary", "tags",
               "package", "lessons", "updated"}
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
SHA256 = re.compile(r"[0-9a-f]{64}")
CJK = re.compile(r"[\u4e00-\u9fff]")
COURSE_TEXTS = [course for section in SECTION_TEXTS for course in section.courses]
TRUE_STATEMENTS = {zh for course in COURSE_TEXTS for zh, _en in (*course.points, course.truth)}
MYTHS = {course.myth[0] for course in COURSE_TEXTS}


def _bilingual_problems(value: Any, what: str) -> list[str]:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        return [f"{what} is not a {{zh, en}} object"]
    problems = [f"{what}.{lang} is empty" for lang in ("zh", "en")
                if not isinstance(value[lang], str) or not value[lang].strip()]
    if not CJK.search(str(value["zh"])):
        problems.append(f"{what}.zh has no Chinese")
    return problems


def _lesson_problems(lesson: Any, course_id: str, base: str) -> list[str]:
    if not isinstance(lesson, dict) or not {"id", "activity_id", "kind", "title"} <= set(lesson):
        return [f"{course_id}: a lesson lacks id, activity_id, kind or title"]
    problems = _bilingual_problems(lesson["title"], f"{lesson['id']}.title")
    if not str(lesson["id"]).startswith(f"{course_id}-"):
        problems.append(f"lesson id {lesson['id']} is not under {course_id}")
    if lesson["activity_id"] != f"{base}/lesson/{lesson['id']}":
        problems.append(f"{lesson['id']}: wrong activity_id")
    if lesson["kind"] not in LESSON_KINDS:
        problems.append(f"{lesson['id']}: unknown kind {lesson['kind']}")
    duration = lesson.get("duration")
    if lesson["kind"] == "video" and (not isinstance(duration, int) or duration <= 0):
        problems.append(f"{lesson['id']}: a video without a positive duration")
    if set(lesson) - {"id", "activity_id", "kind", "title", "duration"}:
        problems.append(f"{lesson['id']}: unexpected keys")
    return problems


def record_problems(record: dict[str, Any], base: str = ACTIVITY_BASE) -> list[str]:
    """Everything in ``record`` that differs from docs/catalogue-record.md."""
    if set(record) != RECORD_KEYS:
        return [f"keys {sorted(set(record) ^ RECORD_KEYS)} differ"]
    course_id, facets, package = record["id"], record["facets"], record["package"]
    problems = [
        message for failed, message in (
            (record["activity_id"] != f"{base}/course/{course_id}", "wrong activity_id"),
            (not isinstance(record["version"], int) or record["version"] < 1, "bad version"),
            (record["section"] not in SECTIONS, "unknown section"),
            (set(facets) != {"horizontal", "vertical"}, "facets lack a dimension"),
            (not facets["horizontal"] or not set(facets["horizontal"]) <= set(HORIZONTAL),
             "bad horizontal facets"),
            (not facets["vertical"] or not set(facets["vertical"]) <= set(VERTICAL),
             "bad vertical facets"),
            (not record["tags"] or not all(isinstance(tag, str) and tag for tag in record["tags"]),
             "bad tags"),
            (set(package) != {"url", "size", "sha256"}, "package keys differ"),
            (not str(package["url"]).endswith(f"{course_id}-v{record['version']}.zip"),
             "package url does not name the course version"),
            (not isinstance(package["size"], int) or package["size"] <= 0, "bad package size"),
            (not SHA256.fullmatch(str(package["sha256"])), "bad package sha256"),
            (not TIMESTAMP.fullmatch(str(record["updated"])), "bad updated timestamp"),
            (not record["lessons"], "no lessons"),
        ) if failed
    ]
    problems += _bilingual_problems(record["title"], "title")
    problems += _bilingual_problems(record["summary"], "summary")
    for lesson in record["lessons"]:
        problems += _lesson_problems(lesson, course_id, base)
    return [f"{course_id}: {problem}" for problem in problems]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("demo-packages")
    return folder, build_demo(folder)


def _package_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _packages(demo: tuple[Path, list[dict[str, Any]]]) -> list[tuple[dict[str, Any], dict[str, Any],
                                                                      dict[str, bytes]]]:
    """(record, manifest, members) of every demo package."""
    folder, records = demo
    result = []
    for record in records:
        members = _package_members(folder / posixpath.basename(record["package"]["url"]))
        result.append((record, json.loads(members.pop("manifest.json")), members))
    return result


def test_demo_courses_are_the_same_on_every_run() -> None:
    assert demo_courses() == demo_courses()


def test_demo_catalogue_has_ten_courses_in_each_of_the_six_sections() -> None:
    courses = demo_courses()
    assert Counter(course.section for course in courses) == dict.fromkeys(SECTIONS, 10)
    assert len({course.id for course in courses}) == 60
    assert len({course.title["zh"] for course in courses}) == 60
    prefixes = {course.section: course.id.split("-")[0] for course in courses}
    assert sorted(prefixes.values()) == ["cont", "cul", "hob", "sci", "silver", "work"]


def test_every_demo_course_mixes_video_text_and_quiz_lessons() -> None:
    for course in demo_courses():
        kinds = [lesson["kind"] for lesson in course.lessons]
        assert 3 <= len(kinds) <= 5, course.id
        assert set(kinds) == {"video", "text", "quiz"}, course.id
        ids = [lesson["id"] for lesson in course.lessons]
        assert ids == [f"{course.id}-{number:02d}" for number in range(1, len(ids) + 1)]


def test_build_demo_returns_records_of_the_documented_shape(
    demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    folder, records = demo
    assert [record["id"] for record in records] == [course.id for course in demo_courses()]
    for record in records:
        assert record_problems(record) == []
        package = folder / posixpath.basename(record["package"]["url"])
        assert record["package"]["url"] == f"/packages/{package.name}"
        assert record["package"]["size"] == package.stat().st_size
        assert record["package"]["sha256"] == hashlib.sha256(package.read_bytes()).hexdigest()


def test_demo_packages_hold_exactly_the_files_their_manifests_list(
    demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    for record, manifest, members in _packages(demo):
        listed = {entry["path"]: entry for entry in manifest["files"]}
        assert set(listed) == set(members), record["id"]
        for path, data in members.items():
            assert listed[path]["size"] == len(data)
            assert listed[path]["sha256"] == hashlib.sha256(data).hexdigest()
        assert (manifest["course_id"], manifest["version"]) == (record["id"], record["version"])
        assert [(lesson["id"], lesson["kind"], lesson["title"]) for lesson in manifest["lessons"]] \
            == [(lesson["id"], lesson["kind"], lesson["title"]) for lesson in record["lessons"]]


def test_demo_quizzes_parse_and_their_answers_score_full_marks(
    demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    kinds_seen: set[str] = set()
    for _record, manifest, members in _packages(demo):
        for lesson in (item for item in manifest["lessons"] if item["kind"] == "quiz"):
            document = json.loads(members[lesson["file"]])
            parsed = quiz.parse(document)
            assert parsed.pass_mark == 0.6
            assert 3 <= len(parsed.questions) <= 4
            for question in document["questions"]:
                kinds_seen.add(question["kind"])
                assert not _bilingual_problems(question["prompt"], "prompt")
                assert not _bilingual_problems(question["explanation"], "explanation")
                _assert_answer_fits(question)
            answers = {question["id"]: question["answer"] for question in document["questions"]}
            assert parsed.score(answers) == 1.0
    assert kinds_seen == {"single", "multiple", "true_false"}


def _assert_answer_fits(question: dict[str, Any]) -> None:
    """The answer is well formed and right: true statements chosen, myths not."""
    answer = question["answer"]
    if question["kind"] == "true_false":
        assert "choices" not in question
        assert answer == [question["prompt"]["zh"] in TRUE_STATEMENTS]
        assert question["prompt"]["zh"] in TRUE_STATEMENTS | MYTHS
        return
    choices = question["choices"]
    assert all(isinstance(index, int) and 0 <= index < len(choices) for index in answer)
    assert len(set(answer)) == len(answer) < len(choices)
    assert len(answer) == 1 if question["kind"] == "single" else len(answer) >= 2
    for index, choice in enumerate(choices):
        assert choice["zh"] in (TRUE_STATEMENTS if index in answer else MYTHS), choice


def test_demo_text_lessons_are_bilingual_markdown_whose_images_exist(
    demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    for record, manifest, members in _packages(demo):
        text_files = [item["file"] for item in manifest["lessons"] if item["kind"] == "text"]
        for lesson_file in text_files:
            body = members[lesson_file].decode()
            assert body.startswith("# ") and len(CJK.findall(body)) > 60
            assert "**In English" in body
            folder = posixpath.dirname(lesson_file)
            for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", body):
                assert posixpath.normpath(posixpath.join(folder, target)) in members, target
        assert "![" in members[text_files[0]].decode(), record["id"]


def test_demo_video_lessons_carry_clips_with_chinese_and_english_subtitles(
    demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    clips = {(CLIPS_DIR / f"{name}.mp4").read_bytes(): seconds
             for name, seconds in CLIP_SECONDS.items()}
    for _record, manifest, members in _packages(demo):
        for lesson in (item for item in manifest["lessons"] if item["kind"] == "video"):
            assert clips[members[lesson["file"]]] == lesson["duration"]
            subtitles = members[lesson["subtitles"]].decode()
            assert CJK.search(subtitles) and re.search(r"[A-Za-z]{4}", subtitles)


def test_one_demo_package_of_each_section_installs_with_its_catalogue_hash(
    store: Store, demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    folder, records = demo
    for record in records[::10]:
        package = folder / posixpath.basename(record["package"]["url"])
        installed = import_package(store, package, expected_sha256=record["package"]["sha256"],
                                   expected_course=record["id"])
        assert installed.version == record["version"]
        assert lesson_path(store, record["id"], "images/points.png").read_bytes().startswith(
            b"\x89PNG")


def test_build_demo_writes_the_same_packages_again_with_the_given_urls(
    tmp_path: Path, demo: tuple[Path, list[dict[str, Any]]],
) -> None:
    base = "https://hub.example.net/xapi"
    again = build_demo(tmp_path, url_prefix="https://cdn.example.net/p/", activity_base=base)
    assert [r["package"]["sha256"] for r in again] == [r["package"]["sha256"] for r in demo[1]]
    assert again[0]["package"]["url"] == "https://cdn.example.net/p/sci-0001-v1.zip"
    assert all(record_problems(record, base) == [] for record in again)


def test_synthetic_records_are_deterministic_and_valid() -> None:
    records = list(synthetic_records(1000))
    assert records == list(synthetic_records(1000))
    assert records != list(synthetic_records(1000, seed=1))
    assert [problem for record in records for problem in record_problems(record)] == []
    assert len({record["id"] for record in records}) == 1000
    assert set(Counter(record["section"] for record in records)) == set(SECTIONS)
    assert {len(record["lessons"]) for record in records} == {3, 4, 5, 6}


def test_synthetic_titles_make_short_and_long_queries_hit_very_different_counts() -> None:
    titles = [record["title"] for record in synthetic_records(3000, seed=7)]

    def hits(word: str) -> int:
        return sum(word in title["zh"] or word in title["en"].lower().split() for title in titles)

    one, two, four = hits("学"), hits("健康"), hits("人工智能")
    assert one > two > four > 0
    counts = sorted(hits(word) for word in ("物理", "天文", "地理", "摄影", "钓鱼", "english"))
    assert counts[0] > 0 and counts[-1] >= 3 * counts[0]


def _mp4_boxes(data: bytes, start: int, end: int) -> dict[bytes, tuple[int, int]]:
    boxes, offset = {}, start
    while offset < end:
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        boxes[kind] = (offset + 8, offset + size)
        offset += size
    return boxes


@pytest.mark.parametrize("name", sorted(CLIP_SECONDS))
def test_clips_are_small_h264_aac_mp4_of_the_stated_length(name: str) -> None:
    data = (CLIPS_DIR / f"{name}.mp4").read_bytes()
    assert 5_000 < len(data) < 150_000
    top = _mp4_boxes(data, 0, len(data))
    assert {b"ftyp", b"moov", b"mdat"} <= set(top)
    moov_start, moov_end = top[b"moov"]
    mvhd_start, _ = _mp4_boxes(data, moov_start, moov_end)[b"mvhd"]
    timescale, duration = struct.unpack(">II", data[mvhd_start + 12:mvhd_start + 20])
    assert duration / timescale == pytest.approx(CLIP_SECONDS[name], abs=0.1)
    assert b"avc1" in data[moov_start:moov_end] and b"mp4a" in data[moov_start:moov_end]


@pytest.mark.parametrize("name", sorted(CLIP_SECONDS))
def test_clip_subtitles_are_timed_cues_in_chinese_and_english(name: str) -> None:
    cues = (CLIPS_DIR / f"{name}.srt").read_text(encoding="utf-8").strip().split("\n\n")
    assert len(cues) == 2
    for number, cue in enumerate(cues, 1):
        index, timing, chinese, english = cue.split("\n")
        assert index == str(number) and re.fullmatch(r"[\d:,]{12} --> [\d:,]{12}", timing)
        assert CJK.search(chinese) and english.isascii()


@pytest.mark.parametrize("name", sorted(CLIP_SECONDS))
def test_clips_play_to_the_end_in_libvlc(name: str) -> None:
    import vlc  # CI installs libVLC: a missing library must fail, not skip

    instance = vlc.Instance("--vout=dummy", "--aout=dummy", "--quiet")
    media = instance.media_new_path(str(CLIPS_DIR / f"{name}.mp4"))
    media.add_option(":rate=8")  # eight times faster, so the test takes under a second
    player = instance.media_player_new()
    player.set_media(media)
    player.play()
    deadline = time.monotonic() + 20
    while player.get_state() not in (vlc.State.Ended, vlc.State.Error) and \
            time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert player.get_state() == vlc.State.Ended
        assert media.get_duration() == CLIP_SECONDS[name] * 1000
    finally:
        player.release()
        media.release()
        instance.release()


def test_lesson_images_are_valid_png() -> None:
    data = bar_chart_png((200, 40, 40), (30, 60, 90), width=12, height=10)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        body = data[offset + 4:offset + 8 + length]
        assert struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])[0] \
            == zlib.crc32(body)
        chunks[body[:4]] = body[4:]
        offset += 12 + length
    assert struct.unpack(">II", chunks[b"IHDR"][:8]) == (12, 10)
    pixels = zlib.decompress(chunks[b"IDAT"])
    assert len(pixels) == 10 * (1 + 3 * 12)
    assert bytes((200, 40, 40)) in pixels and bytes((255, 255, 255)) in pixels
