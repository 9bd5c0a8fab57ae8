"""Search latency over a 100,000-course catalogue: p50/p95 of ``find_courses`` per query.

Run: ``python -m bench.bench_search [COUNT] [DATA_DIR]``. With DATA_DIR holding a catalogue
already (from an earlier run), the build is skipped. Target: p95 <= 20 ms per query.
Also prints the index size and the time to rebuild the whole index from the tables.
"""

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from app import search
from app.paths import resolve
from app.search import Filters
from app.store import Store
from bench.bench_catalogue_apply import build_catalogue

REPEAT = 30
QUERIES: tuple[tuple[str, str, Filters], ...] = (
    ("1 char", "茶", Filters()),
    ("1 char, most courses", "学", Filters()),
    ("1 char, every course", "课", Filters()),
    ("2 chars", "手机", Filters()),
    ("2 chars", "数学", Filters()),
    ("3 chars", "防诈骗", Filters()),
    ("4 chars", "办公软件", Filters()),
    ("4 chars", "传统文化", Filters()),
    ("4 chars, not adjacent", "办公文化", Filters()),
    ("English word", "tea", Filters()),
    ("English prefix", "smartph", Filters()),
    ("English 1 letter: no prefix", "s", Filters()),
    ("mixed", "智能手机 smart", Filters()),
    ("2 chars + facets", "手机", Filters(horizontal=("vocational",), vertical=("work",))),
    ("1 char + facets", "学", Filters(horizontal=("basic", "higher"), vertical=("moral",))),
    ("English + section, facets", "tea", Filters(section="hobbies_interests",
                                                 vertical=("aesthetic",))),
    ("1 char + section", "课", Filters(section="silver_age")),
    ("browse", "", Filters()),
    ("browse, section", "", Filters(section="silver_age")),
    ("browse, facets", "", Filters(horizontal=("basic", "higher"), vertical=("moral",))),
    ("browse, section + facets", "", Filters(section="silver_age", vertical=("physical",))),
    ("browse, rare facets", "", Filters(section="silver_age", horizontal=("basic",),
                                        vertical=("aesthetic",))),
    ("browse, downloaded", "", Filters(downloaded_only=True)))


def percentiles(run: Callable[[], object]) -> tuple[float, float, float]:
    """p50 and p95 wall milliseconds of ``run`` over :data:`REPEAT` calls, after one
    warm-up, and the p50 of CPU milliseconds (steadier when other work shares the CPU)."""
    run()
    wall, cpu = [], []
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    cuts = statistics.quantiles(wall, n=20)
    return cuts[9], cuts[18], statistics.median(cpu)


def report_queries(conn: sqlite3.Connection) -> None:
    print(f"{'ms':<36} {'matches':>8} {'find p50':>9} {'p95':>6} {'cpu':>6}"
          f" {'count p50':>10} {'p95':>6} {'cpu':>6}")
    for label, text, filters in QUERIES:
        matches = search.count_courses(conn, text, filters)
        find = percentiles(partial(search.find_courses, conn, text, filters))
        count = percentiles(partial(search.count_courses, conn, text, filters))
        name = f"{label} {text!r}"
        print(f"{name:<36} {matches:>8,} {find[0]:>9.1f} {find[1]:>6.1f} {find[2]:>6.1f}"
              f" {count[0]:>10.1f} {count[1]:>6.1f} {count[2]:>6.1f}")


def mark_installed(store: Store) -> None:
    """Every hundredth course installed, so "downloaded only" has something to list."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO installed SELECT id, version, id, 0, '{}', '' "
            "FROM courses WHERE rowid % 100 = 0"
        )


def index_size_mb(conn: sqlite3.Connection) -> float:
    (size,) = conn.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search\\_index%' ESCAPE '\\'"
    ).fetchone()
    return float(size) / 1e6


def rebuild_seconds(store: Store) -> tuple[float, float]:
    """Seconds to rewrite every index row (in pages of 1,000), then to merge the index."""
    ids = [row[0] for row in store.conn.execute("SELECT id FROM courses")]
    start = time.perf_counter()
    for first in range(0, len(ids), 1000):
        with store.transaction() as conn:
            search.reindex(conn, ids[first : first + 1000])
    middle = time.perf_counter()
    with store.transaction() as conn:
        conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    return middle - start, time.perf_counter() - middle


def main(count: int, data_dir: Path) -> None:
    if (data_dir / "library.sqlite3").exists():
        store = Store(resolve(data_dir))
    else:
        start = time.perf_counter()
        store = build_catalogue(data_dir, count)
        print(f"built {count:,} courses in {time.perf_counter() - start:.1f} s")
    with store:
        mark_installed(store)
        rows = store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
        print(f"index: {rows:,} rows, {index_size_mb(store.conn):.0f} MB")
        rewrite, merge = rebuild_seconds(store)
        print(f"rewrite every row {rewrite:.1f} s, then optimize {merge:.1f} s: "
              f"{index_size_mb(store.conn):.0f} MB")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        report_queries(store.conn)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    if len(sys.argv) > 2:
        main(size, Path(sys.argv[2]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(size, Path(folder))
