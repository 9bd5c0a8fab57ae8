"""The installed app against the source tree: bundle size, and start time to first window.

    .venv/bin/python -m bench.bench_build [--bundle dist/lifelong/lifelong] [--runs 5]

Without ``--bundle`` it builds one into a temporary folder first (one to two minutes).
Start time is measured from outside on a private Xvfb display: from launching the process
until its first top-level window is mapped (``xwininfo``, from x11-utils), with a fresh
data folder each run; the baseline is ``python -m ui.launcher`` from source in the same run.
Without Xvfb or xwininfo it times ``--version`` instead, and says so.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":97"
WINDOW_TIMEOUT_S = 60.0
POLL_S = 0.02  # each poll runs xwininfo: polling faster slows the app it waits for
MEGABYTE = 1024 * 1024


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file()
               and not item.is_symlink())


def bundle_parts(internal: Path) -> Iterator[Path]:
    """The bundle's files and folders, Qt's opened up to its single libraries."""
    for part in internal.iterdir():
        if part.is_symlink():  # PyInstaller's links to Qt libraries: counted at their target
            continue
        if part.name == "PySide6":
            yield from (item for item in part.iterdir() if item.name != "Qt")
            yield from (item for item in (part / "Qt").iterdir() if item.name != "lib")
            yield from (part / "Qt" / "lib").iterdir()
        else:
            yield part


def print_size(bundle: Path) -> None:
    internal = bundle / "_internal"
    print(f"bundle {bundle}: {folder_size(bundle) / MEGABYTE:.1f} MB")
    sized = sorted(((folder_size(part), part) for part in bundle_parts(internal)), reverse=True)
    print("  largest parts:")
    for size, part in sized[:12]:
        print(f"    {size / MEGABYTE:7.1f} MB  {part.relative_to(internal)}")


@contextmanager
def xvfb() -> Iterator[dict[str, str] | None]:
    """A private X display's environment, or None when Xvfb or xwininfo is missing."""
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        yield None
        return
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    environ = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb")
    try:
        deadline = time.monotonic() + 10
        while mapped_windows(environ) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        yield environ
    finally:
        server.terminate()
        server.wait()


def mapped_windows(environ: dict[str, str]) -> int | None:
    """How many top-level windows are mapped on the display; None if it is not up."""
    tree = subprocess.run(["xwininfo", "-root", "-children"], env=environ,
                          capture_output=True, text=True, check=False)
    if tree.returncode:
        return None
    count = 0
    for window_id in re.findall(r"^\s+(0x[0-9a-f]+) ", tree.stdout, re.MULTILINE):
        info = subprocess.run(["xwininfo", "-id", window_id], env=environ,
                              capture_output=True, text=True, check=False).stdout
        count += "IsViewable" in info
    return count


def time_to_first_window(command: Sequence[str], environ: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as data_dir:
        started = time.monotonic()
        process = subprocess.Popen([*command, "--data-dir", data_dir], env=environ,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not mapped_windows(environ):
                if process.poll() is not None or time.monotonic() - started > WINDOW_TIMEOUT_S:
                    raise SystemExit(f"{command[0]} showed no window")
                time.sleep(POLL_S)
            return time.monotonic() - started
        finally:
            process.terminate()
            process.wait()


def time_to_version(command: Sequence[str], environ: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run([*command, "--version"], env=environ, capture_output=True, check=True)
    return time.monotonic() - started


def compare_start(bundle_command: list[str], runs: int) -> None:
    source_command = [sys.executable, "-m", "ui.launcher"]
    with xvfb() as display:
        if display is None:
            print("no Xvfb/xwininfo here: timing `--version` instead of the first window")
            measure, what, environ = time_to_version, "--version exit", dict(os.environ)
        else:
            measure, what, environ = time_to_first_window, "first window mapped", display
        measure(bundle_command, environ)  # one warm-up each: both read the disk cache
        measure(source_command, environ)
        bundle_times = [measure(bundle_command, environ) for _ in range(runs)]
        source_times = [measure(source_command, environ) for _ in range(runs)]
    bundle_s, source_s = statistics.median(bundle_times), statistics.median(source_times)
    print(f"start to {what}, median of {runs}:")
    print(f"  bundle       {bundle_s * 1000:7.0f} ms")
    print(f"  from source  {source_s * 1000:7.0f} ms")
    print(f"  bundle / source = {bundle_s / source_s:.2f}")


def build_bundle(out: Path) -> Path:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "build" / "build.py"), "--dist",
                           str(out / "dist"), "--work", str(out / "work")],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    print(f"built in {time.monotonic() - started:.0f} s")
    return out / "dist" / "lifelong" / ("lifelong.exe" if sys.platform == "win32" else "lifelong")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="bundle size and start time vs source")
    parser.add_argument("--bundle", type=Path, help="a built executable (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    os.chdir(ROOT)  # `python -m ui.launcher` runs from the source tree
    with tempfile.TemporaryDirectory() as out:
        executable = args.bundle.resolve() if args.bundle else build_bundle(Path(out))
        print_size(executable.parent)
        compare_start([str(executable)], args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
