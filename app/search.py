"""Finding courses in the local catalogue: full-text search, facet filters and browsing.

The FTS5 table ``search_index`` holds one row per visible course, its rowid equal to
``courses.rowid``; text is written through :func:`app.search_text.indexable` so that
Chinese words of any length are found (see DESIGN.md, "Facts measured").
"""

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.facets import DIMENSIONS
from app.search_text import build_query, indexable, spaced

__all__ = [
    "FACET_BITS",
    "CourseRow",
    "Filters",
    "build_query",
    "count_courses",
    "facet_bits",
    "find_courses",
    "index_courses",
    "index_text",
    "reindex",
    "spaced",
]

# Title matches weigh ten times body matches in bm25.
_RANK = "bm25(search_index, 10.0, 1.0)"

# One bit per (dimension, value) in the order of app/facets.py: courses.facet_bits holds a
# course's facets so that a filter is a bit test on the row. Migration 3 spells these out.
FACET_BITS: Final[dict[tuple[str, str], int]] = {
    key: 1 << number
    for number, key in enumerate(
        (dimension, value) for dimension, table in DIMENSIONS.items() for value in table
    )
}


def facet_bits(facets: Mapping[str, Iterable[str]]) -> int:
    """The ``courses.facet_bits`` of a course with these facets (dimension -> values).

    An unknown value has no bit: as a filter, it matches no course.
    """
    bits = 0
    for dimension, values in facets.items():
        for value in values:
            bits |= FACET_BITS.get((dimension, value), 0)
    return bits


@dataclass(frozen=True)
class Filters:
    """What the learner narrowed the list to. Empty tuples mean "any"."""

    section: str | None = None
    horizontal: tuple[str, ...] = ()
    vertical: tuple[str, ...] = ()
    downloaded_only: bool = False


@dataclass(frozen=True)
class CourseRow:
    """One line of a course list: enough to draw it without loading the whole course."""

    id: str
    section: str
    title_zh: str
    title_en: str
    summary_zh: str
    summary_en: str
    package_size: int
    withdrawn: bool
    installed: bool

    def title(self, language: str) -> str:
        return _in_language(self.title_zh, self.title_en, language)

    def summary(self, language: str) -> str:
        return _in_language(self.summary_zh, self.summary_en, language)


def _in_language(zh: str, en: str, language: str) -> str:
    first, second = (zh, en) if language.startswith("zh") else (en, zh)
    return first or second


_SOURCE = """
SELECT c.rowid, c.title_zh, c.title_en, c.summary_zh, c.summary_en, c.tags,
       c.withdrawn AND i.course_id IS NULL,
       (SELECT group_concat(l.title_zh || ' ' || l.title_en, ' ')
        FROM lessons l WHERE l.course_id = c.id)
FROM courses c LEFT JOIN installed i ON i.course_id = c.id
WHERE c.id IN (SELECT value FROM json_each(?))
"""


def reindex(conn: sqlite3.Connection, course_ids: Sequence[str]) -> None:
    """Rewrite the index rows of these courses from the tables, in the caller's transaction.

    A withdrawn course leaves the index unless it is installed. Call this again when a
    withdrawn course is installed or removed, so its row follows.
    """
    if not course_ids:
        return
    rows = conn.execute(_SOURCE, (json.dumps(list(course_ids)),)).fetchall()
    _delete_rows(conn, [row[0] for row in rows])
    conn.executemany(
        "INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)",
        [_index_row(*row) for row in rows if not row[6]],
    )


def index_courses(conn: sqlite3.Connection, texts: Mapping[str, tuple[str, str]]) -> None:
    """Write the index rows of listed (not withdrawn) courses from their :func:`index_text`.

    For a catalogue writer that holds the texts already: it spares :func:`reindex` reading
    them back. Every course must be in the courses table.
    """
    if not texts:
        return
    rowids = dict(
        conn.execute(
            "SELECT id, rowid FROM courses WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(texts)),),
        ).fetchall()
    )
    _delete_rows(conn, list(rowids.values()))
    conn.executemany(
        "INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)",
        [(rowids[course_id], title, body) for course_id, (title, body) in texts.items()],
    )


def _delete_rows(conn: sqlite3.Connection, rowids: list[int]) -> None:
    conn.execute(
        "DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(rowids),),
    )


def index_text(
    titles: tuple[str, str],
    summaries: tuple[str, str],
    tags: Iterable[str],
    lesson_titles: Iterable[str],
) -> tuple[str, str]:
    """A course's index columns (title, body) from its (zh, en) titles and summaries."""
    body = " ".join((*summaries, " ".join(tags), " ".join(lesson_titles)))
    return indexable(" ".join(titles)), indexable(body)


def _index_row(
    rowid: int,
    title_zh: str,
    title_en: str,
    summary_zh: str,
    summary_en: str,
    tags: str,
    _hidden: int,
    lessons: str | None,
) -> tuple[int, str, str]:
    title, body = index_text(
        (title_zh, title_en), (summary_zh, summary_en), json.loads(tags), (lessons or "",)
    )
    return rowid, title, body


_COLUMNS = (
    "c.id, c.section, c.title_zh, c.title_en, c.summary_zh, c.summary_en, c.package_size, "
    "c.withdrawn, i.course_id IS NOT NULL"
)

# A query matching more courses than this (often the first letter or character typed)
# costs too much to rank them all with bm25 (about 4 µs a row here): it ranks a sample.
RANK_CAP = 500

# A page of hits (rowid, tier, score), then the columns of those rows only.
_PAGE = """
WITH page(hit, tier, score) AS ({hits} ORDER BY 2, 3, 1 LIMIT ? OFFSET ?)
SELECT {columns} FROM page JOIN courses c ON c.rowid = page.hit
LEFT JOIN installed i ON i.course_id = c.id ORDER BY page.tier, page.score, page.hit
"""
_EXACT = "SELECT s.rowid, 0, {rank} {matches}"
# Title matches first, then any other; each tier ranked over its first RANK_CAP matches
# in rowid (import) order. With min(tier), SQLite takes score from the same row.
_SAMPLED = """
SELECT hit, min(tier), score FROM (
    SELECT * FROM (SELECT s.rowid AS hit, 0 AS tier, {rank} AS score {matches} LIMIT {cap})
    UNION ALL
    SELECT * FROM (SELECT s.rowid, 1, {rank} {matches} LIMIT {cap})
) GROUP BY hit
"""


@dataclass(frozen=True)
class _Source:
    """The tables and conditions that restrict a listing to some filters."""

    filters: Filters
    conditions: tuple[str, ...]
    params: tuple[Any, ...]

    def where(self, *first: str) -> str:
        return "WHERE " + " AND ".join((*first, *self.conditions))

    def courses(self, *, installed_column: bool = True) -> str:
        """Courses ``c``, with ``i`` their row in installed (NULLs when not installed).

        Without ``installed_column`` (counting), ``i`` is joined only if it filters.
        """
        if self.filters.downloaded_only:
            # CROSS JOIN makes SQLite start from the few installed courses.
            return "installed i CROSS JOIN courses c ON c.id = i.course_id"
        if installed_column:
            return "courses c LEFT JOIN installed i ON i.course_id = c.id"
        return "courses c"

    def matches(self) -> str:
        """FROM and WHERE for index rows ``s`` matching a query and the filters."""
        if self.filters == Filters():
            # The index holds exactly the courses that may be listed: no join needed.
            return "FROM search_index s WHERE search_index MATCH ?"
        installed = (
            " JOIN installed i ON i.course_id = c.id" if self.filters.downloaded_only else ""
        )
        # CROSS JOIN keeps the index hits the outer loop: given c.section = ?, SQLite would
        # otherwise walk the section's courses and run the MATCH once for each (0.3-3 s at
        # 100,000). Starting from installed is worse still: FTS5 reloads a term per probe.
        return (
            f"FROM search_index s CROSS JOIN courses c ON c.rowid = s.rowid{installed} "
            f"{self.where('search_index MATCH ?')}"
        )


def find_courses(
    conn: sqlite3.Connection,
    text: str = "",
    filters: Filters = Filters(),
    *,
    limit: int = 200,
    offset: int = 0,
) -> list[CourseRow]:
    """Courses matching ``text`` and ``filters``: best matches first, or by pinyin if no text.

    Text with nothing searchable in it (only punctuation, say) browses, like empty text.
    A query matching more than :data:`RANK_CAP` courses lists at most twice that many,
    title matches first, each tier ranked over a sample; :func:`count_courses` still
    counts them all.
    """
    source = _source(filters)
    query = build_query(text)
    if query is None:
        sql = (
            f"SELECT {_COLUMNS} FROM {source.courses()} {source.where()} "
            "ORDER BY c.sort_key, c.rowid LIMIT ? OFFSET ?"
        )
        params = source.params
    elif _matches_more_than(conn, query, RANK_CAP):
        hits = _SAMPLED.format(rank=_RANK, matches=source.matches(), cap=RANK_CAP)
        sql = _PAGE.format(hits=hits, columns=_COLUMNS)
        params = (f"{{title}} : ({query})", *source.params, query, *source.params)
    else:
        hits = _EXACT.format(rank=_RANK, matches=source.matches())
        sql = _PAGE.format(hits=hits, columns=_COLUMNS)
        params = (query, *source.params)
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [_course_row(*row) for row in rows]


def count_courses(conn: sqlite3.Connection, text: str = "", filters: Filters = Filters()) -> int:
    """How many courses match ``text`` and ``filters`` (all of them, not just those listed)."""
    source = _source(filters)
    query = build_query(text)
    if query is None:
        sql = f"SELECT count(*) FROM {source.courses(installed_column=False)} {source.where()}"
        params = source.params
    else:
        sql, params = f"SELECT count(*) {source.matches()}", (query, *source.params)
    return int(conn.execute(sql, params).fetchone()[0])


def _matches_more_than(conn: sqlite3.Connection, query: str, cap: int) -> bool:
    """Whether ``query`` matches more than ``cap`` indexed courses (reading at most cap + 1)."""
    (count,) = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
        (query, cap + 1),
    ).fetchone()
    return bool(count > cap)


def _course_row(
    course_id: str,
    section: str,
    title_zh: str,
    title_en: str,
    summary_zh: str,
    summary_en: str,
    package_size: int,
    withdrawn: int,
    installed: int,
) -> CourseRow:
    return CourseRow(
        course_id, section, title_zh, title_en, summary_zh, summary_en, package_size,
        bool(withdrawn), bool(installed),
    )


# A withdrawn course is listed only while installed; installed is read for those alone.
_LISTED = (
    "(c.withdrawn = 0 OR EXISTS (SELECT 1 FROM installed w WHERE w.course_id = c.id))"
)


def _source(filters: Filters) -> _Source:
    """What restricts a listing to ``filters``: a course matches a dimension if it has ANY
    chosen value of it (one bit of the mask), and must match every chosen dimension."""
    conditions = [_LISTED]
    params: list[Any] = []
    if filters.section:
        conditions.append("c.section = ?")
        params.append(filters.section)
    for dimension, values in (("horizontal", filters.horizontal), ("vertical", filters.vertical)):
        if values:
            conditions.append("(c.facet_bits & ?) != 0")
            params.append(facet_bits({dimension: values}))
    return _Source(filters, tuple(conditions), tuple(params))
