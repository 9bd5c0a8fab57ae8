"""The local catalogue: course records from the platform's feed, stored and read back.

Records have the shape of ``docs/catalogue-record.md``. Writers take a connection and do
not open transactions, so a caller can apply a page and save its cursor atomically.
"""

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from app import search
from app.errors import NotFoundError
from app.facets import DIMENSIONS, LESSON_KINDS, SECTIONS

Record = Mapping[str, Any]


@dataclass(frozen=True)
class ApplyResult:
    """How many records of a page were new, changed, or withdrawn."""

    added: int = 0
    updated: int = 0
    withdrawn: int = 0


@dataclass(frozen=True)
class Lesson:
    id: str
    course_id: str
    position: int
    activity_id: str
    kind: str
    title_zh: str
    title_en: str
    duration: int

    def title(self, language: str) -> str:
        return _pick(self.title_zh, self.title_en, language)


@dataclass(frozen=True)
class Course:
    id: str
    activity_id: str
    version: int
    section: str
    title_zh: str
    title_en: str
    summary_zh: str
    summary_en: str
    tags: tuple[str, ...]
    package_url: str
    package_size: int
    package_sha256: str
    withdrawn: bool
    facets: Mapping[str, tuple[str, ...]]
    lessons: tuple[Lesson, ...]

    def title(self, language: str) -> str:
        return _pick(self.title_zh, self.title_en, language)

    def summary(self, language: str) -> str:
        return _pick(self.summary_zh, self.summary_en, language)


def _pick(zh: str, en: str, language: str) -> str:
    """The text in ``language``, falling back to the other language when it is empty."""
    first, second = (zh, en) if language.startswith("zh") else (en, zh)
    return first or second


@cache
def _spelling(char: str) -> str:
    """A character's pinyin followed by a space (Han), or the character itself."""
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
        from pypinyin import lazy_pinyin  # 1 s of import: only when a catalogue is written

        return lazy_pinyin(char)[0] + " "
    return char


def sort_key(title_zh: str, title_en: str) -> str:
    """A pinyin key computed once at import, so lists sort without collating at display.

    Characters are spelled one by one (cached): 60x faster than phrase segmentation, at the
    cost of a rare polyphonic character sorting by its most common reading.
    """
    text = title_zh or title_en
    return "".join(_spelling(char) for char in text).strip().lower()


def validate(record: Record) -> None:
    """Raise ``ValueError`` naming the first field of ``record`` that is not usable."""
    if not isinstance(record.get("id"), str) or not record["id"]:
        raise ValueError("course record without an id")
    if record.get("withdrawn"):
        return
    if record.get("section") not in SECTIONS:
        raise ValueError(f"course {record['id']}: unknown section {record.get('section')!r}")
    if not isinstance(record.get("version"), int):
        raise ValueError(f"course {record['id']}: version is not an integer")
    for dimension, values in (record.get("facets") or {}).items():
        known = DIMENSIONS.get(dimension, {})
        if not isinstance(values, list) or any(v not in known for v in values):
            raise ValueError(f"course {record['id']}: bad facet {dimension}={values!r}")
    for lesson in record.get("lessons", []):
        if lesson.get("kind") not in LESSON_KINDS or not isinstance(lesson.get("id"), str):
            raise ValueError(f"course {record['id']}: bad lesson {lesson.get('id')!r}")


class _Page:
    """The rows that one page of records writes, gathered so each table gets one batch."""

    def __init__(self) -> None:
        self.courses: list[tuple[Any, ...]] = []
        self.facets: list[tuple[str, str, str]] = []
        self.lessons: list[tuple[Any, ...]] = []
        self.texts: dict[str, tuple[str, str]] = {}
        self.replaced: list[tuple[str]] = []  # known courses, whose old rows go first
        self.gone: list[str] = []

    def add(self, record: Record, *, known: bool) -> None:
        course_id = record["id"]
        if known:
            self.replaced.append((course_id,))
        facets = record.get("facets") or {}
        row = _course_row(record, search.facet_bits(facets))
        self.courses.append(row)
        self.facets.extend(
            (course_id, dimension, value)
            for dimension, values in facets.items()
            for value in values
        )
        lessons = _lesson_rows(record)
        self.lessons.extend(lessons)
        title_zh, title_en, summary_zh, summary_en = row[4:8]  # as stored
        self.texts[course_id] = search.index_text(
            (title_zh, title_en),
            (summary_zh, summary_en),
            record.get("tags", ()),
            (f"{lesson[5]} {lesson[6]}" for lesson in lessons),
        )


def apply_records(conn: sqlite3.Connection, records: Iterable[Record]) -> ApplyResult:
    """Upsert course records and apply tombstones, then refresh the search index.

    A course given more than once takes its last record, counted once.
    """
    latest: dict[str, Record] = {}
    for record in records:
        validate(record)
        latest[record["id"]] = record
    existing = {
        row[0]
        for row in conn.execute(
            "SELECT id FROM courses WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(latest)),),
        )
    }
    page = _Page()
    for course_id, record in latest.items():
        if not record.get("withdrawn"):
            page.add(record, known=course_id in existing)
        elif course_id in existing:
            page.gone.append(course_id)
    _write(conn, page)
    added = len(page.courses) - len(page.replaced)
    return ApplyResult(added, len(page.replaced), len(page.gone))


def _write(conn: sqlite3.Connection, page: _Page) -> None:
    # New courses have no facets or lessons to delete: skipping them saves index probes.
    conn.executemany("DELETE FROM course_facets WHERE course_id = ?", page.replaced)
    conn.executemany("DELETE FROM lessons WHERE course_id = ?", page.replaced)
    conn.executemany(
        "INSERT INTO courses (id, activity_id, version, section, title_zh, title_en, "
        "summary_zh, summary_en, tags, package_url, package_size, package_sha256, sort_key, "
        "facet_bits, updated, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
        "ON CONFLICT(id) DO UPDATE SET activity_id = excluded.activity_id, "
        "version = excluded.version, section = excluded.section, "
        "title_zh = excluded.title_zh, title_en = excluded.title_en, "
        "summary_zh = excluded.summary_zh, summary_en = excluded.summary_en, "
        "tags = excluded.tags, package_url = excluded.package_url, "
        "package_size = excluded.package_size, package_sha256 = excluded.package_sha256, "
        "sort_key = excluded.sort_key, facet_bits = excluded.facet_bits, withdrawn = 0, "
        "updated = excluded.updated",
        page.courses,
    )
    conn.executemany("INSERT OR IGNORE INTO course_facets VALUES (?, ?, ?)", page.facets)
    conn.executemany("INSERT OR REPLACE INTO lessons VALUES (?, ?, ?, ?, ?, ?, ?, ?)", page.lessons)
    conn.executemany("UPDATE courses SET withdrawn = 1 WHERE id = ?", [(c,) for c in page.gone])
    search.index_courses(conn, page.texts)
    search.reindex(conn, page.gone)


def _course_row(record: Record, facet_bits: int) -> tuple[Any, ...]:
    title = record.get("title") or {}
    summary = record.get("summary") or {}
    package = record.get("package") or {}
    title_zh, title_en = str(title.get("zh", "")), str(title.get("en", ""))
    return (
        record["id"],
        str(record.get("activity_id", "")),
        record["version"],
        record["section"],
        title_zh,
        title_en,
        str(summary.get("zh", "")),
        str(summary.get("en", "")),
        json.dumps(list(record.get("tags", [])), ensure_ascii=False),
        str(package.get("url", "")),
        int(package.get("size", 0)),
        str(package.get("sha256", "")),
        sort_key(title_zh, title_en),
        facet_bits,
        str(record.get("updated", "")),
    )


def _lesson_rows(record: Record) -> list[tuple[Any, ...]]:
    rows = []
    for position, lesson in enumerate(record.get("lessons", [])):
        title = lesson.get("title") or {}
        rows.append(
            (
                lesson["id"],
                record["id"],
                position,
                str(lesson.get("activity_id", "")),
                lesson["kind"],
                str(title.get("zh", "")),
                str(title.get("en", "")),
                int(lesson.get("duration") or 0),
            )
        )
    return rows


def get_course(conn: sqlite3.Connection, course_id: str) -> Course:
    """The course with its facets and lessons; :class:`NotFoundError` if unknown."""
    conn_row = conn.execute(
        "SELECT id, activity_id, version, section, title_zh, title_en, summary_zh, summary_en, "
        "tags, package_url, package_size, package_sha256, withdrawn FROM courses WHERE id = ?",
        (course_id,),
    ).fetchone()
    if conn_row is None:
        raise NotFoundError(f"No course {course_id!r} in the catalogue.")
    facets: dict[str, list[str]] = {}
    for dimension, value in conn.execute(
        "SELECT dimension, value FROM course_facets WHERE course_id = ? ORDER BY value",
        (course_id,),
    ):
        facets.setdefault(dimension, []).append(value)
    lessons = tuple(
        Lesson(*row)
        for row in conn.execute(
            "SELECT id, course_id, position, activity_id, kind, title_zh, title_en, duration "
            "FROM lessons WHERE course_id = ? ORDER BY position",
            (course_id,),
        )
    )
    (cid, activity, version, section, tzh, ten, szh, sen, tags, url, size, sha, withdrawn) = (
        conn_row
    )
    return Course(
        cid, activity, version, section, tzh, ten, szh, sen, tuple(json.loads(tags)), url,
        size, sha, bool(withdrawn), {k: tuple(v) for k, v in facets.items()}, lessons,
    )


def lesson_by_activity(conn: sqlite3.Connection, activity_id: str) -> Lesson | None:
    row = conn.execute(
        "SELECT id, course_id, position, activity_id, kind, title_zh, title_en, duration "
        "FROM lessons WHERE activity_id = ?",
        (activity_id,),
    ).fetchone()
    return Lesson(*row) if row else None


def get_lesson(conn: sqlite3.Connection, lesson_id: str) -> Lesson:
    row = conn.execute(
        "SELECT id, course_id, position, activity_id, kind, title_zh, title_en, duration "
        "FROM lessons WHERE id = ?",
        (lesson_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No lesson {lesson_id!r} in the catalogue.")
    return Lesson(*row)


def course_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM courses").fetchone()[0])


def titles(conn: sqlite3.Connection, course_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The Chinese and English titles of these courses (unknown ids are left out)."""
    return {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            "SELECT id, title_zh, title_en FROM courses "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(course_ids)),),
        )
    }


def first_course_with(conn: sqlite3.Connection, kind: str) -> str | None:
    """The first course (by id) that has a lesson of ``kind``."""
    row = conn.execute(
        "SELECT course_id FROM lessons WHERE kind = ? ORDER BY course_id LIMIT 1", (kind,)
    ).fetchone()
    return str(row[0]) if row else None
