"""Catalogue apply rate: 100,000 course records through ``apply_records`` in pages of 500.

Run: ``python -m bench.bench_catalogue_apply [COUNT] [CACHE_MB]``. Target: under 30 s for
100,000. Prints wall and CPU seconds (CPU is steadier when other work shares the machine)
and the share of the search index writes; then re-applies 1,000 changed records. CACHE_MB sets
``PRAGMA cache_size`` on the store first, to show what a bigger page cache buys.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from functools import wraps
from itertools import islice
from pathlib import Path
from typing import Any

from app import catalogue, search
from app.paths import resolve
from app.store import Store
from resources.demo.synthetic import synthetic_records

PAGE = 500


# What apply_records calls in app.search to write index rows (once a page, so timing them
# costs nothing; the text preparation, once a course, is left out of the share).
SEARCH_CALLS = ("index_courses", "reindex")


class ReindexTimer:
    """Wraps the :data:`SEARCH_CALLS` (as ``apply_records`` calls them) to add up their time."""

    def __init__(self) -> None:
        self.seconds = self.cpu = 0.0
        self._originals = {name: getattr(search, name) for name in SEARCH_CALLS}

    def __enter__(self) -> "ReindexTimer":
        for name, function in self._originals.items():
            setattr(search, name, self._timed(function))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, function in self._originals.items():
            setattr(search, name, function)

    def _timed(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.cpu += time.process_time() - start_cpu

        return timed


def apply_in_pages(store: Store, records: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Wall and CPU seconds to apply ``records`` in pages of :data:`PAGE`, a transaction each."""
    start, start_cpu = time.perf_counter(), time.process_time()
    for page in pages(records):
        with store.transaction() as conn:
            catalogue.apply_records(conn, page)
    return time.perf_counter() - start, time.process_time() - start_cpu


def pages(records: Sequence[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(records)
    while page := list(islice(iterator, PAGE)):
        yield page


def build_catalogue(root: Path, count: int) -> Store:
    """A store at ``root`` holding ``count`` synthetic courses (for other benchmarks)."""
    store = Store(resolve(root))
    apply_in_pages(store, list(synthetic_records(count)))
    return store


def changed(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same courses at a new version with new titles."""
    return [
        {
            **record,
            "version": record["version"] + 1,
            "title": {key: f"{text} (2)" for key, text in record["title"].items()},
        }
        for record in records
    ]


def main(count: int, cache_mb: int) -> None:
    records = list(synthetic_records(count))
    with tempfile.TemporaryDirectory() as folder, Store(resolve(folder)) as store:
        if cache_mb:
            store.conn.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
              f"page cache {'default' if not cache_mb else f'{cache_mb} MB'}")
        with ReindexTimer() as reindex:
            wall, cpu = apply_in_pages(store, records)
        print(f"apply {count:,} records in pages of {PAGE}: {wall:.1f} s wall, {cpu:.1f} s CPU "
              f"({count / wall:,.0f} records/s; target < 30 s)")
        print(f"  of which search index writes {reindex.seconds:.1f} s wall "
              f"({reindex.seconds / wall:.0%}), {reindex.cpu:.1f} s CPU ({reindex.cpu / cpu:.0%})")
        print(f"database size {store.paths.database.stat().st_size / 1e6:.0f} MB")
        again = changed(records[:: max(1, count // 1000)][:1000])
        with ReindexTimer() as reindex:
            wall, cpu = apply_in_pages(store, again)
        print(f"re-apply {len(again):,} changed records: {wall * 1000:.0f} ms wall, "
              f"{cpu * 1000:.0f} ms CPU (search index {reindex.seconds * 1000:.0f} ms wall)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000,
         int(sys.argv[2]) if len(sys.argv) > 2 else 0)
