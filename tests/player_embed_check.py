"""Plays a clip embedded in a real window and checks VLC drew into it; exits 0 when it did.

Run by ``test_ui_player_embed.py`` under Xvfb with ``QT_QPA_PLATFORM=xcb``. Optional
argument: a file to save a screenshot of the window to.
"""

import sys
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from ui.player.video import VideoPlayer

CLIPS = Path(__file__).resolve().parent.parent / "resources" / "demo" / "clips"
PLAY_SECONDS = 1.0
TIMEOUT_S = 15.0


def lit_fraction(image: QImage) -> float:
    """The share of sampled pixels that are not black."""
    samples = [image.pixelColor(x, y) for x in range(0, image.width(), 8)
               for y in range(0, image.height(), 8)]
    lit = [colour for colour in samples if colour.lightness() > 40]
    return len(lit) / max(1, len(samples))


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    player = VideoPlayer()
    QVBoxLayout(window).addWidget(player)
    window.resize(640, 480)
    window.show()
    player.load(CLIPS / "science.mp4", CLIPS / "science.srt")
    deadline = time.monotonic() + TIMEOUT_S
    while player.position() < PLAY_SECONDS and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    surface = int(player.surface.winId())
    screen = QGuiApplication.primaryScreen()
    # What is on the screen where the surface is (VLC draws in a child window of it).
    corner = player.surface.mapToGlobal(player.surface.rect().topLeft())
    picture = screen.grabWindow(0, corner.x(), corner.y(), player.surface.width(),
                                player.surface.height()).toImage()
    if len(sys.argv) > 1:
        frame = window.frameGeometry()
        screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(sys.argv[1])
    report = {
        "platform": QGuiApplication.platformName(),
        "position": player.position(),
        "xwindow": player._player.get_xwindow() == surface,
        "lit": round(lit_fraction(picture), 3),
    }
    print(report)
    ok = (report["platform"] == "xcb" and report["position"] >= PLAY_SECONDS
          and report["xwindow"] and report["lit"] > 0.2)
    player.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
