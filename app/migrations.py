"""Numbered schema migrations; ``PRAGMA user_version`` holds the number applied last.

Append new migrations; never edit one that has shipped.
"""

from typing import Final

MIGRATIONS: Final[tuple[str, ...]] = (
    # 1: the first schema.
    """
    CREATE TABLE courses (
        id TEXT PRIMARY KEY,
        activity_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        section TEXT NOT NULL,
        title_zh TEXT NOT NULL DEFAULT '',
        title_en TEXT NOT NULL DEFAULT '',
        summary_zh TEXT NOT NULL DEFAULT '',
        summary_en TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        package_url TEXT NOT NULL DEFAULT '',
        package_size INTEGER NOT NULL DEFAULT 0,
        package_sha256 TEXT NOT NULL DEFAULT '',
        sort_key TEXT NOT NULL DEFAULT '',
        withdrawn INTEGER NOT NULL DEFAULT 0,
        updated TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX courses_section ON courses(section, sort_key);
    CREATE INDEX courses_sort ON courses(sort_key);
    CREATE TABLE course_facets (
        course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        dimension TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (course_id, dimension, value)
    ) WITHOUT ROWID;
    CREATE INDEX course_facets_value ON course_facets(dimension, value, course_id);
    CREATE TABLE lessons (
        id TEXT PRIMARY KEY,
        course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        activity_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        title_zh TEXT NOT NULL DEFAULT '',
        title_en TEXT NOT NULL DEFAULT '',
        duration INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX lessons_course ON lessons(course_id, position);
    CREATE INDEX lessons_activity ON lessons(activity_id);
    CREATE TABLE installed (
        course_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        folder TEXT NOT NULL,
        size INTEGER NOT NULL,
        manifest TEXT NOT NULL,
        installed_at TEXT NOT NULL
    );
    CREATE TABLE downloads (
        course_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        url TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        state TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        bytes_done INTEGER NOT NULL DEFAULT 0,
        etag TEXT NOT NULL DEFAULT '',
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        avatar_color TEXT NOT NULL DEFAULT '#2e7d32',
        pin_hash TEXT NOT NULL DEFAULT '',
        facilitator INTEGER NOT NULL DEFAULT 0,
        guest INTEGER NOT NULL DEFAULT 0,
        failed_pins INTEGER NOT NULL DEFAULT 0,
        locked_until REAL NOT NULL DEFAULT 0,
        settings TEXT NOT NULL DEFAULT '{}',
        actor TEXT NOT NULL DEFAULT '',
        account TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL
    );
    CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        verb TEXT NOT NULL,
        object_id TEXT NOT NULL,
        timestamp TEXT NOT NULL,
        json TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'local',
        created TEXT NOT NULL,
        sent_at TEXT,
        quarantine TEXT
    );
    CREATE INDEX statements_outbox ON statements(profile_id, sent_at, quarantine)
        WHERE origin = 'local';
    CREATE TABLE progress (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        lesson_activity TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'started',
        position REAL NOT NULL DEFAULT 0,
        position_key TEXT NOT NULL DEFAULT '',
        fraction REAL NOT NULL DEFAULT 0,
        best_score REAL,
        updated TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (profile_id, lesson_activity)
    ) WITHOUT ROWID;
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, tokenize = "unicode61 remove_diacritics 2"
    );
    """,
    # 2: counting a section's (or every) listed course without touching the rows.
    """
    CREATE INDEX courses_listing ON courses(section, withdrawn, id);
    """,
    # 3: a course's facets as bits (app.search.FACET_BITS), so facet filters are a bit test
    # on the row instead of a join; the listing index carries them for counts.
    """
    ALTER TABLE courses ADD COLUMN facet_bits INTEGER NOT NULL DEFAULT 0;
    UPDATE courses SET facet_bits = (
        SELECT coalesce(sum(CASE f.dimension || ':' || f.value
            WHEN 'horizontal:basic' THEN 1 WHEN 'horizontal:vocational' THEN 2
            WHEN 'horizontal:higher' THEN 4 WHEN 'horizontal:lifelong' THEN 8
            WHEN 'vertical:moral' THEN 16 WHEN 'vertical:intellectual' THEN 32
            WHEN 'vertical:physical' THEN 64 WHEN 'vertical:aesthetic' THEN 128
            WHEN 'vertical:work' THEN 256 ELSE 0 END), 0)
        FROM course_facets f WHERE f.course_id = courses.id
    );
    DROP INDEX courses_listing;
    CREATE INDEX courses_listing ON courses(section, withdrawn, facet_bits, id);
    """,
)
