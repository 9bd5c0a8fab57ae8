"""Push of 10,000 queued statements and pull-and-merge of 10,000, on loopback.

Baseline in the same run: the same batches POSTed to the server's echo endpoint (HTTP and
JSON transport alone, no validation or storage).
Run: ``python -m bench.bench_sync_statements [--count 10000]``
"""

import argparse
import tempfile
import time
from pathlib import Path

import requests

from app import outbox, profiles
from app.paths import resolve
from app.progress import waiting_count
from app.store import Store
from server.running import start_server
from sync.accounts import destination, sign_in
from sync.pull import pull_profile
from sync.push import BATCH_SIZE, push_profile
from tests.sync_support import LEARNER, record_events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder, \
            start_server(Path(folder) / "server", enable_echo=True) as server:
        server.add_learner(*LEARNER)
        store = Store(resolve(Path(folder) / "a"))
        profile = sign_in(store, server.url, *LEARNER)
        start = time.perf_counter()
        record_events(store, profile.id, count)
        print(f"recording {count} statements locally: {time.perf_counter() - start:.2f} s")
        texts = [p.json for p in outbox.pending_batch(store.conn, profile.id, count)]
        batches = [texts[i:i + BATCH_SIZE] for i in range(0, count, BATCH_SIZE)]
        with requests.Session() as session:
            start = time.perf_counter()
            for batch in batches:
                body = ("[" + ",".join(batch) + "]").encode()
                session.post(server.url + "/api/v1/echo", data=body,
                             headers={"Content-Type": "application/json"}).raise_for_status()
            echo_s = time.perf_counter() - start
        start = time.perf_counter()
        result = push_profile(store, profile.id, destination(store, profile).lrs)
        push_s = time.perf_counter() - start
        assert result.sent == count and waiting_count(store.conn, profile.id) == 0, result
        print(f"push {count}: {push_s:.2f} s ({count / push_s:.0f}/s; target < 5 s); "
              f"echo baseline {echo_s:.2f} s = {push_s / echo_s:.1f}x transport alone")
        store.close()
        other = Store(resolve(Path(folder) / "b"))
        second = sign_in(other, server.url, *LEARNER)
        start = time.perf_counter()
        pulled = pull_profile(other, second.id, profiles.get(other.conn, second.id).actor,
                              destination(other, second).lrs)
        pull_s = time.perf_counter() - start
        assert pulled.merged == count, pulled
        print(f"pull and merge {count}: {pull_s:.2f} s ({count / pull_s:.0f}/s)")
        other.close()


if __name__ == "__main__":
    main()
