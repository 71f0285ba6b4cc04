"""Hostile pictures and bodies, made here, put straight into a kiosk's store.

They skip validate on purpose: a kiosk must survive whatever a signed update holds.
"""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

# 116 bytes: the section icon from the issue that stopped every start.
TALL_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100000000" '
    b'viewBox="0 0 1 100000000"><rect width="1" height="100000000"/></svg>'
)


def blur_svg(rects: int = 150) -> bytes:
    """About 11 KB with 150 rects: every one blurred over a large area (seconds at 720 px)."""
    items = "".join(
        f'<rect x="{i % 50 * 20}" y="{i // 50 * 20}" width="400" height="400" '
        f'filter="url(#b)" fill="#{i % 9}{i % 7}{i % 5}"/>'
        for i in range(rects)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" '
        'viewBox="0 0 1000 1000"><defs><filter id="b" x="-50%" y="-50%" width="200%" '
        f'height="200%"><feGaussianBlur stdDeviation="200"/></filter></defs>{items}</svg>'
    ).encode()


def use_bomb_svg(levels: int = 7, fan: int = 10) -> bytes:
    """Each group draws the one before it `fan` times: fan ** levels rectangles from 2 KB."""
    groups = '<g id="l0"><rect width="1" height="1"/></g>'
    for level in range(1, levels + 1):
        uses = f'<use xlink:href="#l{level - 1}"/>' * fan
        groups += f'<g id="l{level}">{uses}</g>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="100" height="100" viewBox="0 0 100 100"><defs>{groups}</defs>'
        f'<use xlink:href="#l{levels}"/></svg>'
    ).encode()


def local_file_svg(target: Path, scheme: str = "") -> bytes:
    """An SVG drawing `target`, a file on the kiosk's own disk, over its whole area."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="100" height="100" viewBox="0 0 100 100">'
        f'<image x="0" y="0" width="100" height="100" xlink:href="{scheme}{target}"/></svg>'
    ).encode()


def png(width: int, height: int, rgb: tuple[int, int, int] = (20, 40, 60)) -> bytes:
    """A real PNG of that size, made without Qt (each row filtered 0, one colour)."""
    row = b"\0" + bytes(rgb) * width
    return _png_chunks(width, height, zlib.compress(row * height, 9))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header states a huge size, with one row of data."""
    return _png_chunks(width, height, zlib.compress(b"\0" + b"\0\0\0" * 4))


def _png_chunks(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def nested_html(depth: int = 2000) -> str:
    return "<p>" + "<em>" * depth + "deep" + "</em>" * depth + "</p>"


def huge_html(chars: int = 1_000_000) -> str:
    paragraph = "<p>" + "word " * 200 + "</p>"
    return paragraph * (chars // len(paragraph) + 1)


def put_asset(db_path: Path, path: str, data: bytes) -> None:
    """Replace (or add) one stored picture, as a signed update could have."""
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT OR REPLACE INTO assets (path, content) VALUES (?, ?)", [path, data])
    db.close()


def put_body(db_path: Path, card_id: str, lang: str, body_html: str) -> None:
    with sqlite3.connect(db_path) as db:
        db.execute(
            "UPDATE cards SET body_html = ? WHERE id = ? AND lang = ?", [body_html, card_id, lang]
        )
    db.close()
