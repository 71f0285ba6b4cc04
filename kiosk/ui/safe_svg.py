"""SVG from a content update, cut down to what draws quickly and reads nothing else.

Qt-free (plain ElementTree), so it runs before Qt ever sees the bytes. A signed update is
trusted to be signed, not to be harmless: Qt's SVG renderer would draw an `<image>` from an
absolute path or a `file:` URL off this kiosk's disk, and its filters (a blur) cost seconds
per frame on large areas. So only an allowlist of drawing elements and attributes survives:

- no DOCTYPE (so no entities, no entity expansion), no scripts, no foreignObject, no images;
- no filters (the element, the attribute, or a `filter:` in CSS);
- no reference other than to the same document (`#id`), in attributes or in CSS `url()`;
- at most MAX_BYTES bytes and MAX_ELEMENTS elements, and at most MAX_DRAWN once every
  `<use>` is expanded (ten nested groups of ten `<use>` each are 1.7 KB and draw a
  million rectangles: a second per frame at six levels, ten at seven).

`clean_svg` returns the cleaned bytes, or None for an SVG it refuses outright.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kiosk.content.source.svg_check import MAX_SVG_BYTES, MAX_SVG_ELEMENTS

# What validate accepts (kiosk/content/source/svg_check.py), the kiosk shows: the same limits.
MAX_BYTES = MAX_SVG_BYTES
MAX_ELEMENTS = MAX_SVG_ELEMENTS  # the shipped pictures have under 100; each costs time at any size
MAX_DRAWN = 5000
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
DRAWING = frozenset(
    {
        *("svg", "g", "defs", "symbol", "use", "title", "desc", "style"),
        *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan"),
        *("linearGradient", "radialGradient", "stop", "clipPath"),
    }
)
_NOT_DRAWN = frozenset({"defs", "symbol"})
_FILTER_CSS = re.compile(r"filter\s*:[^;}\"']*;?", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)


def looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith(b"<svg") or b"<svg" in head


def clean_svg(data: bytes) -> bytes | None:
    """The SVG with everything outside the safe subset removed; None if it cannot be made safe."""
    if len(data) > MAX_BYTES or b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return None
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError, RecursionError):
        return None
    if _local(root.tag) != "svg" or sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        return None
    try:
        _clean(root)
        if _drawn(root, _ids(root), {}, set()) > MAX_DRAWN:
            return None
        ET.register_namespace("", SVG_NS)
        ET.register_namespace("xlink", XLINK_NS)
        return ET.tostring(root, encoding="utf-8")
    except RecursionError:  # nested deeper than anything drawn on purpose
        return None


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or _local(child.tag) not in DRAWING:
            element.remove(child)  # also comments and processing instructions
            continue
        _clean(child)
    for name in list(element.attrib):
        value = element.attrib[name]
        local = _local(name)
        external = local == "href" and not value.strip().startswith("#")
        if local == "filter" or local.startswith("on") or external:
            del element.attrib[name]
        elif local == "style":
            element.attrib[name] = _clean_css(value)
        elif "url(" in value.lower() and not _local_urls(value):
            del element.attrib[name]
    if _local(element.tag) == "style" and element.text:
        element.text = _clean_css(element.text)


def _ids(root: ET.Element) -> dict[str, ET.Element]:
    return {element.attrib["id"]: element for element in root.iter() if "id" in element.attrib}


def _drawn(
    element: ET.Element,
    ids: dict[str, ET.Element],
    known: dict[int, int],
    open_now: set[int],
) -> int:
    """How many elements drawing `element` draws, `<use>` references expanded (a cycle
    counts as too many)."""
    key = id(element)
    if key in known:
        return known[key]
    if key in open_now:
        return MAX_DRAWN + 1
    open_now.add(key)
    children = () if _local(element.tag) in _NOT_DRAWN else element  # only through <use>
    total = 1 + sum(_drawn(child, ids, known, open_now) for child in children)
    for name, value in element.attrib.items():
        if _local(name) == "href" and value.strip()[1:] in ids:
            total += _drawn(ids[value.strip()[1:]], ids, known, open_now)
    open_now.discard(key)
    known[key] = min(total, MAX_DRAWN + 1)
    return known[key]


def _clean_css(css: str) -> str:
    if _IMPORT.search(css) or not _local_urls(css):
        return ""
    return _FILTER_CSS.sub("", css)


def _local_urls(text: str) -> bool:
    """Whether every url(...) in `text` points into this document."""
    return all(target.startswith("#") for target in _URL.findall(text))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
