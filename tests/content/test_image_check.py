"""Pictures are refused when they cannot be decoded or would cost a kiosk too much to draw."""

from __future__ import annotations

import time

import pytest

from kiosk.content.source.image_check import MAX_IMAGE_SIDE, check_image
from kiosk.content.source.svg_check import MAX_SVG_BYTES, MAX_SVG_ELEMENTS, check_svg
from tests.content.hostile import chunk, jpeg, png, svg


def messages(path: str, data: bytes | str) -> list[str]:
    raw = data.encode() if isinstance(data, str) else data
    return [str(p) for p in check_image(path, raw)]


def lines(data: str) -> list[tuple[str, int | None]]:
    return check_svg(data.encode()).problems


def test_good_pictures_pass():
    assert messages("a.png", png(640, 300)) == []
    assert messages("a.png", png(20, 20, colour=6)) == []
    assert messages("a.jpg", jpeg(800, 600)) == []
    assert messages("a.svg", svg()) == []
    assert messages("a.svg", svg(size='viewBox="0 0 640 300"')) == []


@pytest.mark.parametrize(
    ("width", "height"),
    [(1, 100_000_000), (1, 1000), (MAX_IMAGE_SIDE + 1, MAX_IMAGE_SIDE), (5000, 5000)],
)
def test_decoded_size_and_shape_are_limited_whatever_the_file_size(width, height):
    """The 80-byte 1 x 1000 PNG that took a kiosk 22 s and 596 MB; its header is enough."""
    header_only = png(width, height, pixels=b"\0")
    assert len(header_only) < 100
    started = time.perf_counter()
    (problem,) = messages("big.png", header_only)
    assert time.perf_counter() - started < 0.1
    assert f"{width:,} x {height:,} pixels" in problem
    if height <= 0xFFFF:  # a JPEG's sides are 16 bits
        assert messages("big.jpg", jpeg(width, height)) == [problem]


def test_the_116_byte_svg_icon_that_stopped_kiosks_starting():
    icon = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100000000"><rect/></svg>'
    (problem,) = messages("icons/x.svg", icon)
    assert "1 x 100,000,000 pixels" in problem
    assert messages("x.svg", svg(size='viewBox="0 0 1 100000000"'))
    assert messages("x.svg", svg(size='width="4in" height="100in"'))  # units count too


def test_undecodable_pngs_and_jpegs():
    good = png(8, 8)
    broken = {
        "not a png": b"GIF89a" + good[6:],
        "cut short": good[:-20],
        "bad checksum": good[:40] + bytes([good[40] ^ 1]) + good[41:],
        "pixels missing": png(8, 8, pixels=b"\0" * 10),
        "pixels not zlib": good[:33] + chunk(b"IDAT", b"nonsense") + chunk(b"IEND", b""),
        "bytes after the end": good + b"junk",
        "unknown critical chunk": good[:-12] + chunk(b"ABCD", b"x") + chunk(b"IEND", b""),
    }
    for what, data in broken.items():
        assert messages("x.png", data), what
    assert messages("x.png", jpeg(8, 8))  # a JPEG named .png
    assert messages("x.jpg", jpeg(8, 8)[:-2])
    assert messages("x.jpg", b"\xff\xd8\xff\xd9")  # no frame, no pixels
    assert messages("x.jpg", jpeg(8, 0))  # height given later (DNL): refused
    scan = jpeg(8, 8)[jpeg(8, 8).index(b"\xff\xda") : -2]
    many_scans = jpeg(8, 8)[:-2] + scan * 100 + b"\xff\xd9"
    assert "more than 64 scans" in messages("x.jpg", many_scans)[0]


def test_a_png_bomb_is_refused_without_inflating_it_whole():
    bomb = png(4096, 4096, pixels=b"\0" * (4096 * 4097 * 3 + 1_000_000))
    assert len(bomb) < 100_000
    started = time.perf_counter()
    assert messages("bomb.png", bomb)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("inner", "said"),
    [
        ("<script>alert(1)</script>\n", "<script>"),
        ('<foreignObject width="9" height="9"/>\n', "<foreignObject>"),
        ('<filter id="f"><feGaussianBlur stdDeviation="50"/></filter>\n', "<filter>"),
        ('<rect width="9" height="9" filter="url(#f)"/>\n', "'filter'"),
        ('<rect width="9" height="9" style="filter: blur(40px)"/>\n', "'filter'"),
        ('<image xlink:href="/etc/kiosk/secret.png" width="9" height="9"/>\n', "<image>"),
        ('<use xlink:href="#a"/>\n', "<use>"),
        ('<linearGradient id="g" href="file:///etc/passwd"/>\n', "only at '#id'"),
        ('<rect width="9" height="9" fill="url(http://evil.example/x)"/>\n', "url("),
        ("<style>rect { fill: url(/etc/x.svg) }</style>\n", "'url('"),
        ("<style>@import 'http://evil.example/x.css';</style>\n", "'@import'"),
        ('<rect width="9" height="9" onclick="x()"/>\n', "event attribute 'onclick'"),
        ('<path d="M0 0 H9" stroke-dasharray="0.001"/>\n', "'stroke-dasharray'"),
        ('<path d="M0 0 L1e300 9"/>\n', "d has the number 1e300"),
        ('<g transform="scale(99999999)"/>\n', "transform has the number 99999999"),
        ('<rect style="stroke-width: 1e9"/>\n', "style has the number 1e9"),
        ('<?xml-stylesheet href="http://evil.example/x.css"?>\n', "<?xml-stylesheet"),
        ('<linearGradient id="a" xlink:href="#a"/>\n', "'#a' is used before it is defined"),
        ('<rect fill="url(#later)"/><linearGradient id="later"/>\n', "'#later' is used before"),
        ('<clipPath id="c"><rect clip-path="url(#c)"/></clipPath>\n', "clip-path inside a"),
        ('<path d="M0 0 H9" style="stroke-dasharray: 0.001"/>\n', "'stroke-dash'"),
        ('<a href="https://evil.example"><rect/></a>\n', "<a>"),
        ('<x:thing xmlns:x="urn:x"/>\n', "not an SVG element"),
    ],
)
def test_svgs_outside_the_safe_subset_are_refused_at_their_line(inner, said):
    found = lines(svg(inner))
    assert found and said in found[0][0]
    assert found[0][1] == 3  # svg() puts `inner` on line 3


def test_local_gradient_references_are_allowed():
    gradient = (
        '<defs><linearGradient id="a"><stop offset="0" stop-color="#fff"/></linearGradient>\n'
        '<linearGradient id="b" xlink:href="#a"/></defs>\n'
        '<rect width="9" height="9" fill="url(#b)" style="fill: url(\'#b\'); stroke: #000"/>\n'
    )
    assert lines(svg(gradient)) == []


def test_entities_doctype_size_and_element_count_are_limited():
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>&b;</text></svg>'
    )
    assert lines(laughs) == [
        ("a DOCTYPE or entity is not allowed in an SVG: export it as plain SVG", 2)
    ]
    many = svg('<rect width="1" height="1"/>\n' * MAX_SVG_ELEMENTS)
    assert "elements" in lines(many)[0][0]
    deep = svg("<g>" * 40 + "</g>" * 40)
    assert "nested" in lines(deep)[0][0]
    huge = svg("<!--" + "x" * MAX_SVG_BYTES + "-->")
    assert "over 262,144 bytes" in lines(huge)[0][0]
    assert lines("<svg")[0][0].startswith("not valid XML")
    assert "<svg> element" in lines("<html/>")[0][0]


def test_an_interlaced_png_is_measured_pass_by_pass():
    import struct
    import zlib

    from kiosk.content.source.image_check import _ADAM7

    width, height = 13, 7
    rows = b""
    for x0, y0, dx, dy in _ADAM7:
        columns, count = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and count > 0:
            rows += (b"\0" + b"\x7f" * 3 * columns) * count
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)

    def made(pixels: bytes) -> bytes:
        idat = chunk(b"IDAT", zlib.compress(pixels))
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")

    assert messages("i.png", made(rows)) == []  # Qt decodes this file as 13 x 7
    assert messages("i.png", made(rows[:-1]))
