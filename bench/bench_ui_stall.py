"""Longest GUI-thread stall while a large download and a full sync run in the app.

The real main window (Browse page showing) against a reference server on loopback: a
signed-in learner with statements waiting to be pushed, a package of ``--mb`` MB to
download, and ``--count`` courses new on the server. A 5 ms timer on the GUI thread records
how late each tick comes, first with the app idle (baseline), then during the download and
the sync. Target: max stall < 50 ms.

The server runs in its own process, as the platform or a centre's hub would
(``--server thread``: in the app's process, as ``lifelong --demo`` runs it, sharing the
GIL). ``--trace`` also times every Python callback on the GUI thread to name culprits.
Run: ``python -m bench.bench_ui_stall [--mb 150] [--count 100000] [--statements 500]
[--server process|thread] [--trace]``
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app import settings
from app.paths import resolve
from app.store import Store
from bench.bench_sync_catalog import seed
from bench.ui_setup import LagProbe, SlowCallbacks, open_main_window, pause, wait_until
from resources.demo.synthetic import synthetic_records
from server.config import ServerConfig
from server.demo import DEMO_LEARNER
from server.publishing import publish
from server.running import start_server
from server.storage import Storage
from sync.accounts import sign_in
from sync.catalog import pull_catalog
from sync.client import Client
from tests.sync_support import make_package, record_events

MB = 1024 * 1024
BIG = "big-course"
IDLE_S = 3.0


@contextlib.contextmanager
def demo_server(folder: Path, in_process: bool) -> Iterator[str]:
    """A demo server on loopback, in this process or its own; yields its URL."""
    if in_process:
        with start_server(folder, demo=True) as server:
            yield server.url
        return
    log = folder.with_suffix(".log")
    with log.open("w") as output:
        child = subprocess.Popen(
            [sys.executable, "-m", "server", "--demo", "--data-dir", str(folder), "--port", "0"],
            stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "Listening on " not in log.read_text():
            if child.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {log.read_text()}")
            time.sleep(0.05)
        yield log.read_text().split("Listening on ", 1)[1].split()[0]
    finally:
        child.terminate()
        child.wait(10)


def prepare(base: Path, url: str, args: argparse.Namespace) -> None:
    """Publish the big package, sign the client in with records waiting, then put the large
    catalogue on the server (so the app's sync finds it all new). The server's storage is
    written directly, as its own command line does."""
    started = time.perf_counter()
    config = ServerConfig(data_dir=base / "server")
    storage = Storage(config.database)
    package = make_package(base / "build", BIG, size=args.mb * MB)
    publish(storage, config, package.path, {"section": "scientific_literacy"})
    for leftover in (base / "build").iterdir():
        leftover.unlink()
    with Store(resolve(base / "client")) as store:
        profile = sign_in(store, url, *DEMO_LEARNER)
        pull_catalog(store, Client(url))
        with store.transaction() as conn:
            settings.put(conn, "download.reserve_mb", 0)
        record_events(store, profile.id, args.statements)
    seed(storage, list(synthetic_records(args.count)))
    storage.close()
    print(f"prepared {args.mb} MB package, {args.statements} statements, {args.count:,} "
          f"courses on the server in {time.perf_counter() - started:.1f} s")


def measure(base: Path, trace: bool) -> None:
    QApplication([])
    context, window = open_main_window(base / "client")
    assert context.downloads is not None and context.sync is not None
    downloads, sync = context.downloads, context.sync
    window.show_page(window.browse)
    pause(1.0)
    probe = LagProbe()
    probe.start()
    pause(IDLE_S)
    probe.stop()
    print(probe.report(f"idle app, {IDLE_S:.0f} s (baseline)"))

    finished: list[str] = []
    summaries: list[object] = []
    downloads.finished.connect(finished.append)
    sync.synced.connect(summaries.append)
    callbacks = SlowCallbacks()
    probe.start()
    if trace:
        callbacks.start()
    started = time.perf_counter()
    downloads.start(BIG)
    sync.sync_now()
    wait_until(lambda: bool(summaries) and BIG in finished, 600, "the download and the sync")
    busy_s = time.perf_counter() - started
    pause(2.0)  # what the app does once told the library changed
    callbacks.stop()
    probe.stop()
    print(f"download + sync took {busy_s:.1f} s; {summaries[0]}")
    print(probe.report("download + sync (and 2 s after)"))
    if trace:
        print(callbacks.report())
    window.close()
    context.tasks.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=150)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument("--server", choices=("process", "thread"), default="process")
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    print(f"server in its own {args.server}")
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        base = Path(folder)
        with demo_server(base / "server", args.server == "thread") as url:
            prepare(base, url, args)
            measure(base, args.trace)


if __name__ == "__main__":
    main()
