"""A tiny PNG writer (zlib and struct only) for the demo lessons' diagrams."""

import struct
import zlib

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def encode_png(rows: list[bytes], width: int) -> bytes:
    """An 8-bit RGB PNG of ``rows``, each ``3 * width`` bytes."""
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    # Filter type 0 (none) before every row, as the format requires.
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows), 9)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels)
            + _chunk(b"IEND", b""))


def bar_chart_png(colour: RGB, heights: tuple[int, ...], *, width: int = 96,
                  height: int = 48) -> bytes:
    """Bars of ``heights`` (fractions of ``height`` in percent) in ``colour`` on white."""
    bar = width // (2 * len(heights) + 1)
    rows = []
    for y in range(height):
        row = bytearray(bytes(WHITE) * width)
        for index, percent in enumerate(heights):
            if height - y <= height * percent // 100:
                start = (2 * index + 1) * bar
                row[3 * start:3 * (start + bar)] = bytes(colour) * bar
        rows.append(bytes(row))
    return encode_png(rows, width)
