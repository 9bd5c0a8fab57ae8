"""Catalogue sync of 100,000 courses from empty, then of 1,000 changes, on loopback.

The server's storage is seeded directly with synthetic records. Baseline in the same run:
paging through the same feed with plain requests (transport and JSON decoding alone).
Run: ``python -m bench.bench_sync_catalog [--count 100000]``
"""

import argparse
import json
import tempfile
import time
from pathlib import Path

import requests

from app.paths import resolve
from app.store import Store
from resources.demo.synthetic import synthetic_records
from server.catalog import next_seq
from server.running import start_server
from server.storage import Storage
from sync.catalog import pull_catalog
from sync.client import Client


def seed(storage: Storage, records: list[dict[str, object]]) -> None:
    with storage.write() as db:
        for record in records:
            db.execute(
                "INSERT OR REPLACE INTO courses VALUES (?, ?, ?, ?, NULL, ?)",
                (record["id"], next_seq(db), record["version"], "0" * 64,
                 json.dumps(record, ensure_ascii=False, separators=(",", ":"))),
            )


def plain_paging(url: str) -> float:
    start = time.perf_counter()
    cursor = ""
    with requests.Session() as session:
        while True:
            params = {"limit": "1000"} | ({"since": cursor} if cursor else {})
            page = session.get(url + "/api/v1/catalog/changes", params=params).json()
            cursor = page["cursor"]
            if not page["more"]:
                return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    count = parser.parse_args().count
    records = list(synthetic_records(count))
    with tempfile.TemporaryDirectory() as folder, start_server(Path(folder) / "server") as server:
        seed(server.storage, records)
        baseline = plain_paging(server.url)
        with Store(resolve(Path(folder) / "client")) as store:
            start = time.perf_counter()
            result = pull_catalog(store, Client(server.url))
            full_s = time.perf_counter() - start
            assert result.added == count, result
            print(f"catalogue sync of {count} from empty: {full_s:.1f} s "
                  f"({count / full_s:.0f} courses/s); plain paging {baseline:.1f} s")
            changed = [{**r, "version": int(str(r["version"])) + 1} for r in records[:1000]]
            seed(server.storage, changed)
            start = time.perf_counter()
            result = pull_catalog(store, Client(server.url))
            delta_s = time.perf_counter() - start
            assert result.updated == 1000, result
            print(f"catalogue sync of 1,000 changes: {delta_s:.2f} s")
            start = time.perf_counter()
            pull_catalog(store, Client(server.url))
            print(f"catalogue sync with nothing new (304): {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
