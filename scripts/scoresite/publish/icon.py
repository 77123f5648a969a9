"""The installed app's icon, drawn at build time: "5R" in white on the theme's teal, a PNG
written with zlib alone (the same bytes on every build). The letters sit well inside the
circle that a "maskable" icon keeps, so one image serves both purposes."""

from __future__ import annotations

import struct
import zlib

TEAL, WHITE = (0x00, 0x96, 0x88), (0xFF, 0xFF, 0xFF)
GLYPHS = {
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "R": ("11110", "10001", "10001", "11110", "10100", "10010", "10001"),
}


def _bitmap(text: str) -> list[str]:
    """The text's rows of pixels, one column of space between letters."""
    return ["0".join(GLYPHS[c][row] for c in text) for row in range(7)]


def png(size: int, text: str = "5R") -> bytes:
    bitmap = _bitmap(text)
    cell = size // (2 * len(bitmap[0]))  # the text spans half the width
    left = (size - cell * len(bitmap[0])) // 2
    top = (size - cell * len(bitmap)) // 2
    rows = []
    for y in range(size):
        row = bytearray(b"\0")  # filter: none
        for x in range(size):
            gx, gy = (x - left) // cell, (y - top) // cell
            inside = 0 <= gy < len(bitmap) and 0 <= gx < len(bitmap[0]) and x >= left
            row += bytes(WHITE if inside and y >= top and bitmap[gy][gx] == "1" else TEAL)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
         _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)), _chunk(b"IEND", b"")]
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
