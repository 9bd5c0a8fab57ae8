"""Renders the app icon, ``resources/icons/lifelong.svg``, to PNG sizes and a Windows ICO.

Not run at build time: the files are committed; this records how they were made and
remakes them after the SVG changes. Needs PySide6 (QtSvg) and ImageMagick's ``convert``
for the ICO. Usage: ``.venv/bin/python build/make_icons.py``.
"""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "lifelong.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an ICO entry holds


def png_path(size: int) -> Path:
    return ICONS / f"lifelong-{size}.png"


def render_png(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path = png_path(size)
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    for size in PNG_SIZES:
        print(render_png(renderer, size))
    ico = ICONS / "lifelong.ico"
    subprocess.run(["convert", *(str(png_path(size)) for size in ICO_SIZES), str(ico)], check=True)
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
