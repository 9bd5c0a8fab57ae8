"""A reference server in its own process for the server benchmarks, so the measuring client
does not share the server's interpreter lock."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def server_process(data_dir: Path, *, echo: bool = False) -> Iterator[str]:
    """Run ``python -m server`` on ``data_dir``; yields its base URL."""
    env = {**os.environ, "LIFELONG_SERVER_ECHO": "1" if echo else "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--port", "0", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip().removeprefix("Listening on ")
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
