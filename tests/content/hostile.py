"""Hostile and broken pictures, made byte by byte as an attacker (or a bad exporter) would."""

from __future__ import annotations

import struct
import zlib


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int, *, pixels: bytes | None = None, colour: int = 2) -> bytes:
    """A PNG whose header says width x height (8-bit); its pixels are all there unless given."""
    channels = {0: 1, 2: 3, 6: 4}[colour]
    if pixels is None:
        pixels = (b"\0" + b"\x80" * (width * channels)) * height
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int) -> bytes:
    """A baseline JPEG's marker structure: frame header, one scan, end."""
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    scan = b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame
        + b"\xff\xda" + struct.pack(">H", len(scan) + 2) + scan
        + b"\x12\x34\xff\x00\x56\xff\xd0\x78"
        + b"\xff\xd9"
    )  # fmt: skip


def svg(inner: str = "", *, size: str = 'width="96" height="96"', extra: str = "") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" {size} {extra}>\n'
        f'  <rect width="10" height="10" fill="#246"/>\n{inner}</svg>\n'
    )
