"""Catalogue feed: time to page through 100,000 courses over loopback HTTP.

The server's storage is seeded directly with synthetic records (there are no packages behind
them); the baseline is the round trip of a one-course page.
Run: python -m bench.bench_server_catalog
"""

import json
import tempfile
import time
from pathlib import Path

import requests

from bench.bench_server_process import server_process
from resources.demo.synthetic import synthetic_records
from server.storage import Storage

COUNT = 100_000


def seed(storage: Storage) -> None:
    """Records inserted straight into the feed's table, numbered 1..COUNT."""
    rows = ((record["id"], seq, record["version"], record["package"]["sha256"],
             json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            for seq, record in enumerate(synthetic_records(COUNT), start=1))
    with storage.write() as db:
        db.executemany("INSERT INTO courses VALUES (?, ?, ?, ?, NULL, ?)", rows)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('seq', ?)", (str(COUNT),))


def page_through(
    session: requests.Session, url: str, limit: int, *, decode: bool
) -> tuple[float, int, int]:
    """Seconds, pages and courses to reach the end; without ``decode`` only the tail of each
    page (cursor, more) is parsed, so the figure is the server's and the transfer's."""
    began, pages, courses = time.perf_counter(), 0, 0
    cursor = ""
    while True:
        content = session.get(url, params={"since": cursor, "limit": str(limit)},
                              timeout=60).content
        if decode:
            body = json.loads(content)
            count = len(body["courses"])
        else:
            body = json.loads("{" + content[content.rindex(b'],"cursor"') + 2:].decode())
            count = content.count(b'"activity_id":"https://lifelong.example.org/xapi/activities/course/')
        pages, courses, cursor = pages + 1, courses + count, str(body["cursor"])
        if not body["more"]:
            return time.perf_counter() - began, pages, courses


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        storage = Storage(Path(folder) / "server.sqlite3")
        seed(storage)
        storage.close()
        print(f"seeded {COUNT:,} records in {time.perf_counter() - began:.1f} s")
        with server_process(Path(folder)) as url, requests.Session() as session:
            measure(f"{url}/api/v1/catalog/changes", session)


def measure(url: str, session: requests.Session) -> None:
    for limit, decode in ((1000, False), (100, False), (1000, True)):
        seconds, pages, courses = page_through(session, url, limit, decode=decode)
        assert courses == COUNT
        how = "fetch + json.loads" if decode else "fetch only"
        print(f"limit {limit:4}, {how:18}: {courses:,} courses in {pages:4} pages, "
              f"{seconds:5.2f} s, {courses / seconds:8,.0f} courses/s")
    cursor = session.get(url, params={"limit": 1}, timeout=60).json()["cursor"]
    began = time.perf_counter()
    for _ in range(100):
        session.get(url, params={"since": cursor, "limit": 1}, timeout=60).raise_for_status()
    print(f"baseline: a one-course page takes {(time.perf_counter() - began) * 10:.1f} ms "
          "(HTTP and cursor check alone)")

if __name__ == "__main__":
    main()
