"""The download manager against the reference server, through a fault-injecting proxy."""

import hashlib
import threading
import time
from collections.abc import Iterator

import pytest

from app import settings
from app.catalogue import apply_records
from app.packages import installed_version
from app.paths import DataPaths
from app.store import Store
from server.running import RunningServer, start_server
from sync import download_queue as queue
from sync.catalog import pull_catalog
from sync.client import Client
from sync.downloads import DownloadManager
from sync.throughput import TokenBucket
from sync.transfer import Hooks, Target, fetch
from tests.fault_proxy import Fault, FaultProxy
from tests.sync_support import publish

SIZE = 600 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("server")
    with start_server(folder) as running:
        publish(running, folder / "build", "c1", size=SIZE)
        publish(running, folder / "build", "c2", size=SIZE)
        yield running


@pytest.fixture
def proxy(server: RunningServer) -> Iterator[FaultProxy]:
    with FaultProxy(server.url) as running:
        yield running


@pytest.fixture
def store(paths: DataPaths, server: RunningServer) -> Iterator[Store]:
    with Store(paths) as opened:
        pull_catalog(opened, Client(server.url))
        yield opened


def _manager(store: Store, url: str, **options: object) -> DownloadManager:
    return DownloadManager(store, Client(url), sleep=lambda _s: None, **options)  # type: ignore[arg-type]


def _package_gets(proxy: FaultProxy) -> list[dict[str, str]]:
    return [s.headers for s in proxy.seen if s.path.startswith("/packages/")]


def test_download_verifies_imports_and_cleans_up(store: Store, proxy: FaultProxy) -> None:
    seen: list[tuple[int, int]] = []
    outcome = _manager(store, proxy.url).download(
        "c1", progress=lambda _c, done, total, _r, _e: seen.append((done, total))
    )
    assert outcome.state == "done"
    assert installed_version(store, "c1") == 1
    assert queue.entries(store.conn) == []
    assert list(store.paths.downloads.iterdir()) == []
    assert seen[-1] == (seen[-1][1], seen[-1][1]) and seen[-1][1] > SIZE
    assert _package_gets(proxy)[0]["Accept-Encoding"] == "identity"


def test_cut_transfer_resumes_with_range_and_if_range(store: Store, proxy: FaultProxy) -> None:
    proxy.add(Fault("cut", path="/packages/", cut_after=200_000))
    outcome = _manager(store, proxy.url).download("c1")
    assert outcome.state == "done"
    first, second = _package_gets(proxy)
    assert "Range" not in first
    assert second["Range"] == "bytes=200000-" and second["If-Range"].startswith('"')
    size = store.conn.execute("SELECT package_size FROM courses WHERE id='c1'").fetchone()[0]
    assert proxy.bytes_served("/packages/") == size


def test_changed_file_behind_the_etag_starts_over(store: Store, proxy: FaultProxy) -> None:
    manager = _manager(store, proxy.url)
    entry = manager.enqueue("c1")
    queue.part_path(store.paths, entry).write_bytes(b"stale bytes of an older file")
    with store.transaction() as conn:
        queue.save_progress(conn, "c1", 28, '"an-older-etag"')
    assert manager.download("c1").state == "done"
    [request] = _package_gets(proxy)
    assert request["If-Range"] == '"an-older-etag"'  # the server answered 200: whole file


def test_wrong_checksum_fails_after_the_retry_limit(store: Store, proxy: FaultProxy) -> None:
    url, size = store.conn.execute(
        "SELECT package_url, package_size FROM courses WHERE id = 'c2'").fetchone()
    record = {"id": "c2", "version": 1, "section": "scientific_literacy",
              "package": {"url": url, "size": size, "sha256": hashlib.sha256(b"x").hexdigest()}}
    with store.transaction() as conn:
        apply_records(conn, [record])
    outcome = _manager(store, proxy.url, max_attempts=2).download("c2")
    assert outcome.state == "failed"
    assert "checksum" in outcome.error
    [entry] = queue.entries(store.conn)
    assert (entry.state, entry.attempts) == ("failed", 2)
    assert not queue.part_path(store.paths, entry).exists()


def test_missing_package_fails_at_once(store: Store, server: RunningServer) -> None:
    record = {"id": "c2", "version": 1, "section": "scientific_literacy",
              "package": {"url": "/packages/nothing-here.zip", "size": 10, "sha256": "0" * 64}}
    with store.transaction() as conn:
        apply_records(conn, [record])
    outcome = _manager(store, server.url).download("c2")
    assert outcome.state == "failed" and "404" in outcome.error
    assert queue.get(store.conn, "c2").attempts == 1  # type: ignore[union-attr]


def test_server_errors_are_retried_with_backoff(store: Store, proxy: FaultProxy) -> None:
    proxy.add(Fault("status", path="/packages/", status=500, times=2))
    waits: list[float] = []
    manager = DownloadManager(store, Client(proxy.url), sleep=waits.append, rand=lambda: 1.0)
    assert manager.download("c1").state == "done"
    assert sum(waits) == pytest.approx(2.0 + 4.0)


def test_not_enough_space_is_a_clear_state(store: Store, server: RunningServer) -> None:
    manager = _manager(store, server.url, free_space=lambda _p: 400 * 1024 * 1024)
    outcome = manager.download("c1")
    assert outcome.state == "no_space" and "Not enough space" in outcome.error
    assert queue.get(store.conn, "c1").state == "no_space"  # type: ignore[union-attr]
    with store.transaction() as conn:
        settings.put(conn, "download.reserve_mb", 10)
    assert manager.download("c1").state == "done"


def _download_in_thread(paths: DataPaths, url: str, results: list[str]) -> threading.Thread:
    def work() -> None:
        with Store(paths) as own:
            results.append(DownloadManager(own, Client(url)).download("c1").state)

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def _wait_for_part(store: Store) -> None:
    part = store.paths.downloads / "c1-v1.part"
    deadline = time.monotonic() + 10
    while not (part.exists() and part.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.02)


def test_pause_from_another_thread_then_resume(store: Store, server: RunningServer) -> None:
    results: list[str] = []
    with FaultProxy(server.url, throttle_bps=400_000) as slow:
        thread = _download_in_thread(store.paths, slow.url, results)
        _wait_for_part(store)
        DownloadManager(store, Client(slow.url)).pause("c1")
        thread.join(10)
        assert results == ["paused"]
        assert (store.paths.downloads / "c1-v1.part").stat().st_size > 0
    manager = _manager(store, server.url)
    manager.resume("c1")
    assert manager.run_next().state == "done"  # type: ignore[union-attr]


def test_pause_under_a_low_bandwidth_cap_takes_effect_within_two_seconds(
    store: Store, server: RunningServer
) -> None:
    settings.put(store.conn, "download.bandwidth_kbps", 1)
    results: list[str] = []
    thread = _download_in_thread(store.paths, server.url, results)
    _wait_for_part(store)
    time.sleep(0.5)  # into the capped part, past the first burst
    DownloadManager(store, Client(server.url)).pause("c1")
    started = time.monotonic()
    thread.join(10)
    assert results == ["paused"] and time.monotonic() - started < 2


def test_cancel_removes_the_download_and_its_part(store: Store, server: RunningServer) -> None:
    results: list[str] = []
    with FaultProxy(server.url, throttle_bps=400_000) as slow:
        thread = _download_in_thread(store.paths, slow.url, results)
        _wait_for_part(store)
        DownloadManager(store, Client(slow.url)).cancel("c1")
        thread.join(10)
    assert results == ["cancelled"]
    assert queue.entries(store.conn) == []
    assert list(store.paths.downloads.iterdir()) == []


def test_stop_event_leaves_the_download_queued(store: Store, server: RunningServer) -> None:
    stop = threading.Event()
    stop.set()
    outcome = _manager(store, server.url).download("c1", cancel=stop)
    assert outcome.state == "stopped"
    assert queue.get(store.conn, "c1").state == "queued"  # type: ignore[union-attr]


def test_queue_survives_a_restart_and_respects_the_parallel_limit(
    paths: DataPaths, store: Store, server: RunningServer
) -> None:
    manager = _manager(store, server.url)
    manager.enqueue("c1")
    manager.enqueue("c2")
    assert queue.claim_next(store, parallel=1) is not None  # then the process dies
    with Store(paths) as reopened:
        assert queue.claim_next(reopened, parallel=1) is None
        assert queue.recover_interrupted(reopened) == 1
        states = [(e.course_id, e.state) for e in queue.entries(reopened.conn)]
        assert states == [("c1", "queued"), ("c2", "queued")]
        again = _manager(reopened, server.url)
        assert [again.run_next().course_id, again.run_next().course_id] == ["c1", "c2"]  # type: ignore[union-attr]


def test_token_bucket_holds_the_average_rate() -> None:
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    bucket = TokenBucket(100_000, burst=10_000, clock=lambda: now[0], sleep=sleep)
    for _ in range(100):
        bucket.consume(10_000)
    assert now[0] == pytest.approx(9.9, rel=0.02)



# Answers to a resumed download. Each case first cuts the transfer at CUT bytes, so the
# second request asks for ``bytes=CUT-``; a wrong answer must never reach the part file.
CUT = 200_000


def _package_answers(proxy: FaultProxy) -> list[tuple[int, str]]:
    """(status, Range asked) of each package request, in order."""
    return [(s.status, s.headers.get("Range", ""))
            for s in proxy.seen if s.path.startswith("/packages/")]


def _download_after_a_cut(store: Store, proxy: FaultProxy, fault: Fault) -> None:
    """Download c1 through a cut, then ``fault``: installed, nothing left behind."""
    proxy.add(Fault("cut", path="/packages/", cut_after=CUT))
    proxy.add(fault)
    assert _manager(store, proxy.url).download("c1").state == "done"
    assert installed_version(store, "c1") == 1  # imported, so its SHA-256 verified
    assert queue.entries(store.conn) == []
    assert list(store.paths.downloads.iterdir()) == []


def _package_size(store: Store) -> int:
    return int(store.conn.execute(
        "SELECT package_size FROM courses WHERE id = 'c1'").fetchone()[0])


def test_206_starting_at_zero_for_a_resume_is_discarded_unread(
    store: Store, proxy: FaultProxy
) -> None:
    _download_after_a_cut(store, proxy, Fault("wrong_start", path="/packages/"))
    assert _package_answers(proxy) == [(200, ""), (206, f"bytes={CUT}-"), (200, "")]


def test_416_for_a_resume_starts_over_from_zero(store: Store, proxy: FaultProxy) -> None:
    _download_after_a_cut(store, proxy, Fault("unsatisfiable", path="/packages/"))
    assert _package_answers(proxy) == [(200, ""), (416, f"bytes={CUT}-"), (200, "")]


def test_200_to_a_range_request_is_written_from_byte_zero(
    store: Store, proxy: FaultProxy
) -> None:
    _download_after_a_cut(store, proxy, Fault("ignore_range", path="/packages/"))
    # No third request: the whole body replaced the part, so nothing failed its checksum.
    assert _package_answers(proxy) == [(200, ""), (200, f"bytes={CUT}-")]
    assert proxy.bytes_served("/packages/") == CUT + _package_size(store)


def test_changed_etag_makes_the_server_send_the_whole_file(
    store: Store, proxy: FaultProxy
) -> None:
    # The first answer names another version: If-Range no longer matches the server's file.
    proxy.add(Fault("etag", path="/packages/", cut_after=CUT, etag='"an-older-version"'))
    assert _manager(store, proxy.url).download("c1").state == "done"
    assert installed_version(store, "c1") == 1
    assert _package_gets(proxy)[1]["If-Range"] == '"an-older-version"'
    assert _package_answers(proxy) == [(200, ""), (200, f"bytes={CUT}-")]
    assert proxy.bytes_served("/packages/") == CUT + _package_size(store)


def test_206_with_another_etag_than_the_part_starts_over(
    store: Store, proxy: FaultProxy
) -> None:
    # A cache that ignores If-Range: its 206 belongs to another version of the file.
    _download_after_a_cut(store, proxy, Fault("etag", path="/packages/"))
    assert _package_answers(proxy) == [(200, ""), (206, f"bytes={CUT}-"), (200, "")]


@pytest.mark.parametrize("kind", ["wrong_start", "unsatisfiable", "ignore_range", "etag"])
def test_part_file_is_the_package_byte_for_byte_after_a_wrong_answer(
    store: Store, proxy: FaultProxy, server: RunningServer, kind: str
) -> None:
    url, size, sha256 = store.conn.execute(
        "SELECT package_url, package_size, package_sha256 FROM courses WHERE id = 'c1'"
    ).fetchone()
    package = (server.config.packages_dir / url.rsplit("/", 1)[1]).read_bytes()
    part = store.paths.downloads / "c1.part"
    part.write_bytes(package[:CUT])
    proxy.add(Fault(kind, path="/packages/"))
    written: list[int] = []
    hooks = Hooks(on_etag=lambda _e: None, on_bytes=written.append, check_stop=lambda: None)
    etag = fetch(Client(proxy.url), Target(url, size, sha256, part), f'"{sha256}"', hooks)
    assert etag == f'"{sha256}"'
    assert part.read_bytes() == package
    # Written once, from byte zero up: no byte of the wrong answer went into the part.
    assert written == sorted(written) and written[0] <= 1024 * 1024 and written[-1] == size


def test_complete_part_is_verified_and_imported_without_a_request(
    store: Store, proxy: FaultProxy, server: RunningServer
) -> None:
    manager = _manager(store, proxy.url)
    entry = manager.enqueue("c1")
    url = entry.url.rsplit("/", 1)[1]
    queue.part_path(store.paths, entry).write_bytes(
        (server.config.packages_dir / url).read_bytes())
    assert manager.download("c1").state == "done"
    assert installed_version(store, "c1") == 1
    assert _package_gets(proxy) == []


def test_complete_part_that_does_not_verify_is_fetched_again_at_once(
    store: Store, proxy: FaultProxy
) -> None:
    waits: list[float] = []
    manager = DownloadManager(store, Client(proxy.url), sleep=waits.append)
    entry = manager.enqueue("c1")
    queue.part_path(store.paths, entry).write_bytes(b"\0" * entry.size)
    with store.transaction() as conn:
        queue.save_progress(conn, "c1", entry.size, f'"{entry.sha256}"')
    assert manager.download("c1").state == "done"
    assert installed_version(store, "c1") == 1
    assert _package_answers(proxy) == [(200, "")]
    assert waits == []  # discarded before any request, not counted as a failed attempt
