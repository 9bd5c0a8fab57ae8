"""SIGKILL a ``lifelong download`` / ``lifelong sync`` at random points, then restart:
the download completes with the right hash, no statement is lost or duplicated, and the
database passes ``PRAGMA integrity_check``."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.packages import installed_version
from app.paths import resolve
from app.progress import waiting_count
from app.store import Store
from server.running import RunningServer, start_server
from tests.fault_proxy import Fault, FaultProxy
from tests.sync_support import publish, record_events, server_statement_ids, signed_in

KILLS = 3


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with start_server(tmp_path / "server") as running:
        yield running


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "sync.cli", *args, "--data-dir", str(data)]


def _kill_after_progress(
    command: list[str], progressed: Callable[[], bool], rng: random.Random
) -> None:
    """Start ``command``, wait until it has made progress (start-up alone takes seconds on a
    busy machine), let it run a random moment more, then SIGKILL it."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not progressed() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 0.3))
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL, "the command ended before it was killed"


def _grew(size: Callable[[], int], by: int) -> Callable[[], bool]:
    start = size()
    return lambda: size() >= start + by


def _integrity(data: Path) -> str:
    conn = sqlite3.connect(resolve(data).database)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_killed_download_completes_after_restart(server: RunningServer, tmp_path: Path) -> None:
    record = publish(server, tmp_path / "build", "big", size=3 * 1024 * 1024)
    data = tmp_path / "client"
    rng = random.Random(4)
    with FaultProxy(server.url, throttle_bps=400_000) as proxy:
        subprocess.run(_cli(data, "sync", "--server", proxy.url), check=True,
                       capture_output=True, timeout=60)
        part = resolve(data).downloads / "big-v1.part"

        def part_size() -> int:
            return part.stat().st_size if part.exists() else 0

        for _ in range(KILLS):
            command = _cli(data, "download", "big", "--server", proxy.url)
            _kill_after_progress(command, _grew(part_size, 100_000), rng)
        assert part.exists() and 0 < part.stat().st_size < record["package"]["size"]
        proxy.throttle_bps = 0
        done = subprocess.run(_cli(data, "download", "big", "--server", proxy.url),
                              capture_output=True, text=True, timeout=60, check=False)
        fetched = proxy.bytes_served("/packages/")
    assert done.returncode == 0, done.stderr
    with Store(resolve(data)) as store:
        # import_package verified the catalogue's SHA-256 before installing.
        assert installed_version(store, "big") == 1
    assert not part.exists()
    # Resumed, not restarted: at most what was in flight at each kill is fetched twice.
    assert fetched < record["package"]["size"] + KILLS * 1024 * 1024
    assert _integrity(data) == "ok"


def test_killed_sync_loses_and_duplicates_no_statement(
    server: RunningServer, tmp_path: Path
) -> None:
    data = tmp_path / "client"
    store, profile_id = signed_in(resolve(data), server)
    ids = record_events(store, profile_id, 1500)
    store.close()
    rng = random.Random(7)
    with FaultProxy(server.url) as proxy:
        proxy.add(Fault("delay", path="/xapi/statements", method="POST", delay_s=0.15,
                        times=10**6))
        with Store(resolve(data)) as store, store.transaction() as conn:
            # Statements go to the account's server: route it through the slow proxy.
            conn.execute("UPDATE profiles SET account = json_set(account, '$.server', ?)",
                         (proxy.url,))
        for _ in range(KILLS):
            accepted = _grew(lambda: len(server_statement_ids(server)), 1)
            _kill_after_progress(_cli(data, "sync", "--server", proxy.url), accepted, rng)
        with Store(resolve(data)) as store:
            # The kills landed mid-push: some statements were accepted, some still wait.
            assert 0 < waiting_count(store.conn, profile_id) < len(ids)
        done = subprocess.run(_cli(data, "sync", "--server", proxy.url),
                              capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    on_server = server_statement_ids(server)
    assert sorted(on_server) == sorted(ids)
    with Store(resolve(data)) as store:
        assert waiting_count(store.conn, profile_id) == 0
    assert _integrity(data) == "ok"
