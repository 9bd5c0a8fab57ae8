"""A virtual X server for the tests that need a real window system (embedded video).

Xvfb picks a free display itself (``-displayfd``), so parallel runs never collide.
"""

import os
import select
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

START_TIMEOUT_S = 10.0


@contextmanager
def running_xvfb(screen: str = "1024x768x24") -> Iterator[str]:
    """Start Xvfb on a free display; yield its name (``":N"``); stop it afterwards."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], START_TIMEOUT_S)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    with running_xvfb() as display:
        yield display
