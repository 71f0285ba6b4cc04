"""SVG pictures limited to a small safe subset: shapes, text, gradients, clipping.

Qt draws SVG on the kiosk's UI thread, and Qt SVG understands far more than a health card
needs: filters (a blur over a large area takes minutes), `<image>` (which reads any file on
the kiosk's disk), `<use>` (which can copy a group of copies of copies), scripts, and
entities. So an SVG is parsed with defusedxml (no DOCTYPE, no entities, no external
references) and every element and attribute must be on the allowlists below; a reference
may only point inside the same file (`#id`, `url(#id)`) and only from a gradient or a paint.
Each problem comes with its line in the SVG file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, InputSource, Locator

MAX_SVG_BYTES = 256 * 1024
MAX_SVG_ELEMENTS = 2000
MAX_SVG_DEPTH = 32
MAX_SVG_NUMBER = 1_000_000  # coordinates, sizes, scales: past this a drawing overflows or stalls
MAX_SVG_PROBLEMS = 20  # after that many, stop reading: the file is not a hand-made picture
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "style", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient",
    "stop", "clipPath",
}  # fmt: skip
ATTRIBUTES = {
    "id", "class", "style", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
    "r", "rx", "ry", "fx", "fy", "width", "height", "viewBox", "preserveAspectRatio",
    "points", "pathLength", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "opacity",
    "color", "display", "visibility",
    "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor",
    "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
    "word-spacing", "text-decoration", "dx", "dy", "rotate", "textLength", "lengthAdjust",
    "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
    "spreadMethod", "clipPathUnits", "clip-path", "clip-rule", "vector-effect",
    "shape-rendering", "text-rendering", "color-rendering", "version", "baseProfile",
    "role", "aria-label", "aria-hidden", "focusable",
}  # fmt: skip
HREF_ELEMENTS = {"linearGradient", "radialGradient"}  # may inherit from another gradient
TEXT_ATTRIBUTES = {"id", "class", "font-family", "role", "aria-label"}  # names, not numbers
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_LOCAL_HREF = re.compile(r"^#[A-Za-z_][\w.-]*$")
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#([A-Za-z_][\w.-]*)\1\s*\)")
# Dashes are left out too: a tiny dash along a long path is millions of dashes to draw.
_CSS_FORBIDDEN = re.compile(
    r"url\(|@import|filter|expression|behavior|-moz-binding|stroke-dash", re.I
)
_LENGTH = re.compile(r"^\s*(\d*\.?\d+(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")
_PER_UNIT = {None: 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54}
_PER_UNIT["in"] = 96.0
_SIZE = {"width", "height", "viewBox"}  # of the <svg> itself: checked as the picture's size


@dataclass
class SvgReport:
    """What `check_svg` found: the size Qt would draw it at, and each problem with its line."""

    width: float | None = None
    height: float | None = None
    line: int | None = None  # of the <svg> element that gives the size
    problems: list[tuple[str, int | None]] = field(default_factory=list)


class _Stop(Exception):
    """Reading ends here: the report says why."""


def check_svg(data: bytes) -> SvgReport:
    """Check an SVG file's bytes against the safe subset; never raises for bad input."""
    report = SvgReport()
    if len(data) > MAX_SVG_BYTES:
        report.problems.append((f"SVG is over {MAX_SVG_BYTES:,} bytes: simplify it", None))
        return report
    handler = _Checker(report)
    # Imported here: its reader pulls in urllib and the HTTP stack, which the kiosk's start-up
    # (which only needs the limits above, for kiosk.content.source.svg_clean) has no use for.
    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except _Stop:
        pass
    except DefusedXmlException:
        line = next((n for n, t in enumerate(data.splitlines(), 1) if b"<!" in t), None)
        report.problems.append(
            ("a DOCTYPE or entity is not allowed in an SVG: export it as plain SVG", line)
        )
    except SAXParseException as error:
        report.problems.append((f"not valid XML: {error.getMessage()}", error.getLineNumber()))
    except (ValueError, RecursionError) as error:
        report.problems.append((f"not a readable SVG ({error})", handler.line()))
    if handler.elements == 0 and not report.problems:
        report.problems.append(("no <svg> element", None))
    return report


class _Checker(ContentHandler):
    def __init__(self, report: SvgReport) -> None:
        super().__init__()
        self.report = report
        self.locator: Locator | None = None
        self.elements = 0
        self.stack: list[str] = []
        self.style_text: list[str] = []
        self.ids: set[str] = set()  # defined so far: a reference may only point back

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int | None:
        return self.locator.getLineNumber() if self.locator else None

    def problem(self, message: str) -> None:
        self.report.problems.append((message, self.line()))
        if len(self.report.problems) >= MAX_SVG_PROBLEMS:
            raise _Stop

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        uri, local = name
        self.elements += 1
        if self.elements > MAX_SVG_ELEMENTS:
            self.problem(f"more than {MAX_SVG_ELEMENTS:,} elements: simplify the picture")
            raise _Stop
        if len(self.stack) >= MAX_SVG_DEPTH:
            self.problem(f"elements nested more than {MAX_SVG_DEPTH} deep: flatten the groups")
            raise _Stop
        if self.elements == 1:
            if (uri, local) != (SVG_NS, "svg"):
                self.problem("the file must start with an <svg> element in the SVG namespace")
                raise _Stop
            self.report.line = self.line()
            self.size(attrs)
        self.stack.append(local)
        if uri != SVG_NS:
            self.problem(f"<{qname or local}> is not an SVG element: remove it")
        elif local not in ELEMENTS:
            self.problem(f"<{local}> is not allowed in content pictures ({_why(local)}): remove it")
        else:  # the attributes of an element that must go are not worth a word more
            for (attr_uri, attr), value in attrs.items():
                self.attribute(local, attr_uri, attr, value)
            self.ids.add(attrs.get((None, "id"), ""))

    def attribute(self, element: str, uri: str | None, name: str, value: str) -> None:
        if uri in (XLINK_NS, None) and name == "href":
            if element not in HREF_ELEMENTS or not _LOCAL_HREF.match(value.strip()):
                self.problem(
                    f"<{element}> href '{value[:60]}': only a gradient may point, "
                    "and only at '#id' in the same file"
                )
            else:
                self.points_back(value.strip()[1:])
            return
        if uri == XML_NS and name in ("space", "lang"):
            return
        if uri is not None or name not in ATTRIBUTES:
            if name.lower().startswith("on"):
                self.problem(f"event attribute '{name}' (script) is not allowed: remove it")
            else:
                self.problem(f"attribute '{name}' on <{element}> is not allowed: remove it")
            return
        self.css(value if name == "style" else _LOCAL_URL.sub("", value), name)
        for found in _LOCAL_URL.finditer(value):
            self.points_back(found.group(2))
        if name == "clip-path" and "clipPath" in self.stack:
            self.problem("clip-path inside a <clipPath> is not allowed: clip once")
        if name not in TEXT_ATTRIBUTES and not (self.elements == 1 and name in _SIZE):
            self.numbers(_LOCAL_URL.sub("", value), name)

    def numbers(self, value: str, name: str) -> None:
        for number in _NUMBER.findall(_HEX_COLOUR.sub("", value)):
            if not abs(float(number)) <= MAX_SVG_NUMBER:
                self.problem(
                    f"{name} has the number {number[:30]}: keep numbers within "
                    f"±{MAX_SVG_NUMBER:,} (scale the drawing instead)"
                )
                return

    def processingInstruction(self, target: str, data: str) -> None:
        self.problem(f"<?{target} ...?> is not allowed: export it as plain SVG")

    def points_back(self, target: str) -> None:
        """References only to what is already defined: no cycles, no reference to itself
        (Qt follows them recursively)."""
        if target not in self.ids:
            self.problem(
                f"'#{target}' is used before it is defined: put gradients and clip paths "
                "first, in <defs>"
            )

    def css(self, text: str, where: str) -> None:
        if where == "style" or "url(" in text:
            rest = _LOCAL_URL.sub("", text)
            found = _CSS_FORBIDDEN.search(rest)
            if found:
                self.problem(
                    f"'{found.group(0)}' in {where} is not allowed: only url(#id) "
                    "in the same file, and no filters"
                )

    def characters(self, content: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style_text.append(content)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if self.stack.pop() == "style":
            self.css("".join(self.style_text), "style")
            for found in _LOCAL_URL.finditer("".join(self.style_text)):
                self.points_back(found.group(2))
            self.style_text.clear()

    def size(self, attrs: AttributesNSImpl) -> None:
        """The size Qt draws the picture at: width and height, else the viewBox's."""
        box = attrs.get((None, "viewBox"))
        box_size: tuple[float, float] | None = None
        if box is not None:
            numbers = re.split(r"[\s,]+", box.strip())
            try:
                values = [float(n) for n in numbers]
            except ValueError:
                values = []
            if len(values) != 4 or not all(abs(v) < 1e9 for v in values) or min(values[2:]) <= 0:
                self.problem(f"viewBox '{box[:60]}' must be four numbers: x y width height")
            else:
                box_size = values[2], values[3]
        sides = []
        for index, name in enumerate(("width", "height")):
            text = attrs.get((None, name))
            if text is None or text.strip().endswith("%"):
                sides.append(box_size[index] if box_size else None)
                continue
            match = _LENGTH.match(text)
            if not match:
                self.problem(f"{name} '{text[:60]}' must be a number of pixels, e.g. 96")
                sides.append(None)
                continue
            sides.append(float(match.group(1)) * _PER_UNIT[match.group(2)])
        if None in sides:
            self.problem("give the <svg> a width and height (or a viewBox) in pixels")
        else:
            self.report.width, self.report.height = sides


def _why(element: str) -> str:
    if element in ("script", "foreignObject", "handler", "listener"):
        return "it could run code or show outside content"
    if element in ("image", "use", "feImage", "a", "iframe", "video", "audio"):
        return "it loads another file or copies shapes"
    if element == "filter" or element.startswith("fe"):
        return "filters can take minutes to draw"
    return "keep to shapes, text, gradients and clipping"
