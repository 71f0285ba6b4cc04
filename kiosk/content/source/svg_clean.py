"""SVG from a content update, cut down to what validate allows before Qt ever sees it.

Validate refuses a picture outside the safe subset (svg_check.py); the kiosk cannot rely on
that, since a signed update is trusted to be signed, not to be harmless: Qt's SVG renderer
would draw an `<image>` from an absolute path or a `file:` URL off this kiosk's disk, and its
filters (a blur) cost seconds per frame on large areas. So the kiosk keeps only what validate
accepts, from the same allowlists (svg_check.ELEMENTS, ATTRIBUTES, HREF_ELEMENTS), and:

- no DOCTYPE (so no entities, no entity expansion);
- no filter in CSS, no reference other than to the same document (`#id`, `url(#id)`);
- at most MAX_BYTES bytes and MAX_ELEMENTS elements, and at most MAX_DRAWN once every
  `<use>` is expanded: such a file is refused whole, as a sign of a crafted picture (ten
  nested groups of ten `<use>` each are 1.7 KB and draw a million rectangles); a smaller
  one loses its `<use>` elements like anything else outside the subset.

Qt-free (plain ElementTree). `clean_svg` returns the cleaned bytes, or None for an SVG it
refuses outright.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kiosk.content.source.svg_check import (
    ATTRIBUTES,
    ELEMENTS,
    HREF_ELEMENTS,
    MAX_SVG_BYTES,
    MAX_SVG_ELEMENTS,
    SVG_NS,
    XLINK_NS,
    XML_NS,
)

MAX_BYTES = MAX_SVG_BYTES
MAX_ELEMENTS = MAX_SVG_ELEMENTS  # the shipped pictures have under 100; each costs time at any size
MAX_DRAWN = 5000
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
        if _drawn(root, _ids(root), {}, set()) > MAX_DRAWN:
            return None
        _clean(root)
        ET.register_namespace("", SVG_NS)
        ET.register_namespace("xlink", XLINK_NS)
        return ET.tostring(root, encoding="utf-8")
    except RecursionError:  # nested deeper than anything drawn on purpose
        return None


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or _element(child.tag) not in ELEMENTS:
            element.remove(child)  # also comments, processing instructions, other namespaces
            continue
        _clean(child)
    local_tag = _local(element.tag)
    for name in list(element.attrib):
        value = element.attrib[name]
        if not _allowed(local_tag, name, value):
            del element.attrib[name]
        elif _local(name) == "style":
            element.attrib[name] = _clean_css(value)
        elif "url(" in value.lower() and not _local_urls(value):
            del element.attrib[name]
    if local_tag == "style" and element.text:
        element.text = _clean_css(element.text)


def _allowed(element: str, name: str, value: str) -> bool:
    """The attributes validate accepts (svg_check._Checker.attribute), and no others."""
    uri, _, local = name[1:].rpartition("}") if name.startswith("{") else ("", "", name)
    if local == "href" and uri in ("", XLINK_NS):
        return element in HREF_ELEMENTS and value.strip().startswith("#")
    if uri == XML_NS:
        return local in ("space", "lang")
    return not uri and local in ATTRIBUTES


def _element(tag: str) -> str | None:
    """The local name of an element in the SVG namespace (None for any other namespace)."""
    uri, _, local = tag[1:].rpartition("}") if tag.startswith("{") else (SVG_NS, "", tag)
    return local if uri == SVG_NS else None


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
