"""Video embedded in a real window (Xvfb), where offscreen Qt cannot show it."""

import os
import subprocess
import sys
from pathlib import Path

from tests.xvfb import xvfb_display

__all__ = ["xvfb_display"]  # the fixture, used by name

ROOT = Path(__file__).resolve().parent.parent


def test_video_plays_embedded_in_a_real_window(xvfb_display: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display,
           "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "player_embed_check.py")],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'xwindow': True" in done.stdout
