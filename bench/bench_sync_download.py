"""Download throughput of a 500 MB package against curl on the same URL, peak RSS growth,
and bytes fetched again after a cut mid-file.

Run: ``python -m bench.bench_sync_download [--mb 500]``
"""

import argparse
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from app.paths import resolve
from app.store import Store
from server.running import start_server
from sync.catalog import pull_catalog
from sync.client import Client
from sync.downloads import DownloadManager
from tests.fault_proxy import Fault, FaultProxy
from tests.sync_support import publish

MB = 1024 * 1024


def _rss_mb() -> float:
    """Current resident set size (VmRSS) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakRss:
    """Samples VmRSS every 10 ms in a thread; ``peak`` is the highest seen."""

    def __init__(self) -> None:
        self.peak = _rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, _rss_mb())

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def _curl(url: str, target: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["curl", "-s", "-o", str(target), url], check=True)
    return time.perf_counter() - start


def _fresh_store(root: Path, server_url: str) -> Store:
    store = Store(resolve(root))
    pull_catalog(store, Client(server_url))
    with store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO settings VALUES ('download.reserve_mb', '0')")
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=500)
    size = parser.parse_args().mb * MB
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        base = Path(folder)
        with start_server(base / "server") as server:
            record = publish(server, base / "build", "big", size=size)
            url = server.url + record["package"]["url"]
            (base / "build" / "big-v1.zip").unlink()
            (base / "build" / "big-v1.mp4").unlink()
            curl_s = _curl(url, base / "curl.zip")
            (base / "curl.zip").unlink()
            store = _fresh_store(base / "client", server.url)
            manager = DownloadManager(store, Client(server.url))
            entry = manager.enqueue("big")
            rss_before = _rss_mb()
            sampler = PeakRss()
            # Only the transfer is timed (curl does not import): import is app/'s work.
            from sync import transfer
            from sync.transfer import Hooks, Target

            start = time.perf_counter()
            transfer.fetch(manager.client, Target(url, entry.size, entry.sha256,
                                                  base / "ours.part"), "",
                           Hooks(lambda _e: None, lambda _d: None, lambda: None))
            ours_s = time.perf_counter() - start
            peak = sampler.stop()
            (base / "ours.part").unlink()
            # curl again after ours, so neither gains from a warmer page cache; best of two.
            curl_s = min(curl_s, _curl(url, base / "curl.zip"))
            (base / "curl.zip").unlink()
            full_start = time.perf_counter()
            outcome = manager.download("big")
            full_s = time.perf_counter() - full_start
            store.close()
            assert outcome.state == "done", outcome
            mb = record["package"]["size"] / MB
            print(f"package: {mb:.0f} MB")
            print(f"curl: {curl_s:.2f} s ({mb / curl_s:.0f} MB/s)")
            print(f"sync.transfer (stream + SHA-256 + fsync): {ours_s:.2f} s "
                  f"({mb / ours_s:.0f} MB/s) = {curl_s / ours_s:.2f}x curl (target >= 0.8)")
            print(f"full download incl. verified import: {full_s:.2f} s")
            print(f"peak RSS growth during transfer: {peak - rss_before:.1f} MB (target < 80)")
            _cut_refetch(base, server.url, record["package"]["size"])


def _cut_refetch(base: Path, server_url: str, size: int) -> None:
    with FaultProxy(server_url) as proxy:
        proxy.add(Fault("cut", path="/packages/", cut_after=size // 2))
        store = _fresh_store(base / "client-cut", server_url)
        manager = DownloadManager(store, Client(proxy.url), sleep=lambda _s: None)
        outcome = manager.download("big")
        store.close()
        assert outcome.state == "done", outcome
        refetched = proxy.bytes_served("/packages/") - size
    print(f"bytes fetched again after a cut at half: {refetched} (target < 1 MiB)")


if __name__ == "__main__":
    main()
