"""Pictures a kiosk can decode quickly: the decoded size, not the file size, is what counts.

An 80-byte PNG can claim to be 1 x 1,000,000 pixels, and a kiosk decoding or scaling it
would run out of time and memory; so each picture's size is read from its own header
(PNG IHDR, JPEG SOF, SVG width/height/viewBox) without Qt, and refused when a side is over
MAX_IMAGE_SIDE pixels or the picture is more than MAX_ASPECT times as long as it is wide.
A PNG is checked all the way through (chunks, checksums, and its compressed pixels inflate
to exactly the size its header says, in bounded steps); a JPEG's markers are walked to its
end; an SVG must keep to the safe subset (see svg_check).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

MAX_IMAGE_SIDE = 4096  # pixels, either side: at most 16.8 million pixels in all
MAX_ASPECT = 10  # the longer side at most ten times the shorter
MAX_JPEG_SCANS = 64  # a progressive JPEG has about ten; each more is another pass to decode
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}
# Adam7's seven passes: (first column, first row, column step, row step).
_ADAM7 = (
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
)
_JPEG_SOF = {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}


class BadImage(ValueError):
    """The picture cannot be decoded, or not quickly enough; `line` is set for SVGs."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def check_image(path: str, data: bytes) -> list[BadImage]:
    """Every reason the picture at `path` (a content-folder path) may not be shown."""
    kind = PurePosixPath(path).suffix.lower()
    try:
        if kind == ".svg":
            from kiosk.content.source.svg_check import check_svg  # defusedxml: only for an SVG

            report = check_svg(data)
            problems = [BadImage(message, line) for message, line in report.problems]
            if report.width is not None and report.height is not None and not problems:
                try:
                    check_size(report.width, report.height)
                except BadImage as problem:
                    problem.line = report.line
                    problems.append(problem)
            return problems
        check_size(*(png_size(data) if kind == ".png" else jpeg_size(data)))
    except BadImage as problem:
        return [problem]
    return []


def check_size(width: float, height: float) -> None:
    """Raise BadImage if a picture this size would be too costly to draw."""
    if not (width >= 1 and height >= 1):
        raise BadImage(f"picture is {width:g} x {height:g} pixels: give it a real size")
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise BadImage(
            f"picture is {width:,.0f} x {height:,.0f} pixels; at most {MAX_IMAGE_SIDE:,} "
            "pixels each side: scale it down"
        )
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise BadImage(
            f"picture is {width:,.0f} x {height:,.0f} pixels: at most {MAX_ASPECT} times "
            "as long as it is wide; crop it"
        )


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG whose every chunk and pixel row is there; else BadImage."""
    if not data.startswith(PNG_SIGNATURE):
        raise BadImage("is not a PNG file (its first bytes are not a PNG's): save it as PNG")
    chunks = list(_png_chunks(data))
    kind, header = chunks[0]
    if kind != b"IHDR" or len(header) != 13:
        raise BadImage("PNG does not start with its header (IHDR): damaged, save it again")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", header
    )
    if depth not in _PNG_DEPTHS.get(colour, ()) or compression or filtering or interlace > 1:
        raise BadImage(f"PNG header is not valid (colour {colour}, depth {depth}): save it again")
    check_size(width, height)  # before inflating anything
    kinds = [k for k, _ in chunks]
    unknown = [k for k in kinds if k[:1].isupper() and k not in (b"IHDR", b"PLTE", b"IDAT")]
    if unknown[:-1] or unknown[-1:] not in ([], [b"IEND"]):
        name = unknown[0].decode("latin-1")
        raise BadImage(f"PNG has a chunk {name!r} no viewer can read: save it again as PNG")
    if kinds[-1] != b"IEND" or b"IDAT" not in kinds:
        raise BadImage("PNG has no pixel data or no end (IEND): cut short, save it again")
    if colour == 3 and b"PLTE" not in kinds:
        raise BadImage("PNG with a palette has no palette (PLTE): damaged, save it again")
    bits = _PNG_CHANNELS[colour] * depth
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    expected = 0
    for x0, y0, dx, dy in passes:
        columns, rows = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and rows > 0:
            expected += rows * (1 + (columns * bits + 7) // 8)
    _inflate_exactly(b"".join(body for k, body in chunks if k == b"IDAT"), expected)
    return width, height


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = len(PNG_SIGNATURE)
    while position < len(data):
        if position + 12 > len(data):
            raise BadImage("PNG is cut short: the file is damaged; save it again")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        body = data[position + 8 : end - 4]
        if end > len(data) or len(body) != length:
            raise BadImage("PNG is cut short: the file is damaged; save it again")
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end - 4 : end])[0]:
            raise BadImage(
                f"PNG chunk {kind.decode('latin-1')!r} has a bad checksum: save it again"
            )
        yield kind, body
        position = end
        if kind == b"IEND":
            if position != len(data):
                raise BadImage("PNG has bytes after its end (IEND): save it again")
            return


def _inflate_exactly(compressed: bytes, expected: int) -> None:
    """Inflate in steps of at most 1 MiB; the pixels must be exactly `expected` bytes."""
    inflater, produced, pending = zlib.decompressobj(), 0, compressed
    try:
        while pending and not inflater.eof:
            produced += len(inflater.decompress(pending, 1 << 20))
            pending = inflater.unconsumed_tail
            if produced > expected:
                break
        produced += len(inflater.flush())
    except zlib.error:
        raise BadImage("PNG pixel data cannot be decompressed: save it again") from None
    if produced != expected or not inflater.eof:
        raise BadImage("PNG pixel data does not match its size: save it again")


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a JPEG whose markers run from start to end; else BadImage."""
    if not data.startswith(b"\xff\xd8"):
        raise BadImage("is not a JPEG file (its first bytes are not a JPEG's): save it as JPEG")
    position, size, scans = 2, None, 0
    while True:
        if position + 2 > len(data) or data[position] != 0xFF:
            raise BadImage("JPEG is cut short or damaged: save it again")
        while position + 1 < len(data) and data[position + 1] == 0xFF:
            position += 1  # fill bytes
        marker = data[position + 1] if position + 1 < len(data) else None
        position += 2
        if marker == 0xD9:
            break
        if marker is None or marker == 0xD8:
            raise BadImage("JPEG is cut short or damaged: save it again")
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        if position + 2 > len(data):
            raise BadImage("JPEG is cut short or damaged: save it again")
        (length,) = struct.unpack(">H", data[position : position + 2])
        segment = data[position + 2 : position + length]
        if length < 2 or len(segment) != length - 2:
            raise BadImage("JPEG is cut short or damaged: save it again")
        position += length
        if marker in _JPEG_SOF:
            if size is not None or len(segment) < 6:
                raise BadImage("JPEG has a damaged or second frame header: save it again")
            _, height, width, components = struct.unpack(">BHHB", segment[:6])
            if height == 0 or not 1 <= components <= 4 or len(segment) != 6 + 3 * components:
                raise BadImage("JPEG frame header is not valid: save it again")
            size = width, height
            check_size(width, height)
        elif marker == 0xDA:
            if size is None:
                raise BadImage("JPEG has pixels before its frame header: save it again")
            scans += 1
            if scans > MAX_JPEG_SCANS:
                raise BadImage(f"JPEG has more than {MAX_JPEG_SCANS} scans: save it again")
            position = _after_scan(data, position)
    if size is None or not scans:
        raise BadImage("JPEG has no frame header or no pixels: save it again")
    return size


def _after_scan(data: bytes, position: int) -> int:
    """Where the next marker starts after entropy-coded data (FF00 and RSTn belong to it)."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            raise BadImage("JPEG is cut short (no end marker): save it again")
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1 if following == 0xFF else 2
            continue
        return position
