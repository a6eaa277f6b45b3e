"""The installable-app parts: the web manifest and its icons.

Icons are drawn here with nothing but zlib (a radar ring on the app's teal)
and shipped as PNG files in ``static/icons``; ``python -m rasd.web.pwa``
redraws them.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).parent / "static" / "icons"
THEME = "#0f4c5c"

MANIFEST = {
    "name": "رصد — أحداث النزاع من الأخبار",
    "short_name": "رصد",
    "description": "Conflict events extracted from Arabic news, with their evidence.",
    "lang": "ar",
    "dir": "rtl",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "background_color": "#f7f5f0",
    "theme_color": THEME,
    "icons": [
        {
            "src": f"/static/icons/icon-{n}.png",
            "sizes": f"{n}x{n}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for n in (192, 512)
    ],
}


def png(width: int, height: int, pixels: bytes) -> bytes:
    """An RGB PNG from raw rows of ``width * 3`` bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    stride = width * 3
    raw = b"".join(b"\0" + pixels[y * stride : (y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon(size: int) -> bytes:
    """The app icon: rings and a sweep on teal, inside the maskable safe zone."""
    bg, fg, dot = (0x0F, 0x4C, 0x5C), (0xF7, 0xF5, 0xF0), (0xE3, 0x64, 0x14)
    c = (size - 1) / 2
    rows = bytearray()
    for y in range(size):
        for x in range(size):
            dx, dy = (x - c) / size, (y - c) / size
            r = math.hypot(dx, dy)
            angle = math.atan2(dy, dx)
            colour = bg
            if any(abs(r - ring) < 0.012 for ring in (0.12, 0.21, 0.3)) and r < 0.31:
                colour = fg
            elif r < 0.3 and -0.9 < angle < -0.55:
                colour = (0x3A, 0x7D, 0x8C)
            if math.hypot(dx - 0.1, dy + 0.12) < 0.035:
                colour = dot
            if r < 0.025:
                colour = fg
            rows += bytes(colour)
    return png(size, size, bytes(rows))


def write_icons(folder: Path = ICONS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in (192, 512):
        path = folder / f"icon-{n}.png"
        path.write_bytes(icon(n))
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_icons():
        print(p)
