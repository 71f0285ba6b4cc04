"""Card Markdown to HTML that is safe to show and fits Qt's rich-text subset.

Python-Markdown does the formatting; nh3 (ammonia) then keeps only an allowlist of tags
and attributes. Whatever an author (or an attacker with write access to the content)
puts in a card, the result cannot run script, load anything remote, open an outside
link, or bring its own HTML or CSS. Links between cards use `card:<id>`; images become
`asset:<path inside the content folder>` and are served from the store.

Rendering is the slow part of loading content, so a sync reuses what the store already
rendered for bodies that did not change; `RENDERER` tells whether those renders came from
this same code and these same library versions.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import threading
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import markdown
import nh3

from kiosk.content.model import ID_RULE

# Python-Markdown's inline patterns rescan the rest of a paragraph from each '[' and '<',
# so its time grows with (their number) x (paragraph length): both are bounded, as are the
# body, the depth of quotes and lists, and the HTML a body may turn into. With these limits
# the slowest body renders in about a tenth of a second (benchmarks/hostile_markdown.py)
# where a real card takes about a millisecond.
MAX_MARKDOWN_CHARS = 10_000  # the longest real card is under 2,000
MAX_LINES = 1_000  # each paragraph costs the renderer a pass: a real card has about 30 lines
MAX_PARAGRAPH_CHARS = 2_000
MAX_BRACKETS = 16  # '[' and '<' in one paragraph
MAX_NESTING = 6  # levels of '>' quotes and lists (each list marker or 4 leading spaces)
MAX_HTML_CHARS = 50_000

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "strong", "em", "b", "i",
    "ul", "ol", "li", "a", "img", "blockquote", "hr", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
CARD_LINK = re.compile(rf"^card:{ID_RULE}$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LIST_MARKER = re.compile(r"[-*+](?= )|\d{1,9}[.)](?= )")
_LEADING = re.compile(rf"(?:[ >]|{_LIST_MARKER.pattern})*")
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
# Changes whenever a body's rendering could: this module's code or either library's version.
RENDERER = hashlib.sha256(
    b"|".join((Path(__file__).read_bytes(), version("markdown").encode(), version("nh3").encode()))
).hexdigest()[:16]
_converters = threading.local()  # a Markdown instance per thread: building one costs ~0.5 ms


class MarkdownTooLarge(ValueError):
    """A card body too long or too deeply nested to render quickly, refused before it costs
    time or memory; `line` (1-based, in the body) is where, if one place is to blame."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def check_markdown_limits(source: str) -> None:
    """Raise MarkdownTooLarge if `source` is over a limit; linear time, no rendering."""
    if len(source) > MAX_MARKDOWN_CHARS:
        raise MarkdownTooLarge(
            f"card body has {len(source):,} characters; the limit is {MAX_MARKDOWN_CHARS:,}: "
            "split it into two cards"
        )
    lines = source.split("\n")
    if len(lines) > MAX_LINES:
        raise MarkdownTooLarge(
            f"card body has {len(lines):,} lines; the limit is {MAX_LINES:,}: "
            "split it into two cards"
        )
    start, chars, brackets = 1, 0, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            start, chars, brackets = number + 1, 0, 0
            continue
        chars += len(line) + 1
        brackets += line.count("[") + line.count("<")
        if chars > MAX_PARAGRAPH_CHARS:
            raise MarkdownTooLarge(
                f"paragraph is over {MAX_PARAGRAPH_CHARS:,} characters: "
                "put blank lines between paragraphs",
                start,
            )
        if brackets > MAX_BRACKETS:
            raise MarkdownTooLarge(
                f"paragraph has more than {MAX_BRACKETS} '[' or '<': "
                "use fewer links or split the paragraph",
                start,
            )
        leading = _LEADING.match(line.expandtabs(4))  # "> > - 1. " and indentation
        prefix = leading.group(0) if leading else ""  # the pattern also matches nothing
        quotes, markers = prefix.count(">"), len(_LIST_MARKER.findall(prefix))
        indent = max(0, prefix.count(" ") - quotes - markers) // 4  # a space after each is free
        depth = quotes + markers + indent
        if depth > MAX_NESTING:
            raise MarkdownTooLarge(
                f"nested too deeply: at most {MAX_NESTING} levels of '>' quotes and lists "
                "in all; flatten it",
                number,
            )


@dataclass(frozen=True)
class RenderedBody:
    html: str
    text: str  # plain text for search and read-aloud


def image_asset_key(src: str, base: str) -> str | None:
    """The content-folder path an image reference points to, or None if it may not be shown.

    Only relative paths that stay inside the content folder qualify: no scheme (so no
    http, file or data URLs), no absolute paths, no climbing out with `..`.
    """
    if not src or _SCHEME.match(src) or src.startswith(("/", "\\")):
        return None
    key = posixpath.normpath(posixpath.join(base, src))
    if key.startswith("../") or key == ".." or key.startswith("/"):
        return None
    return key


def render_markdown(source: str, base: str = "") -> RenderedBody:
    """Render one card body; `base` is the card's folder inside the content folder."""
    check_markdown_limits(source)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if CARD_LINK.match(value) else None
        if tag == "img" and attribute == "src":
            key = image_asset_key(value, base)
            return f"asset:{key}" if key else None
        return value

    raw = _markdown().reset().convert(source)
    safe = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"card", "asset"},
        link_rel=None,
        strip_comments=True,
    )
    safe = _IMAGE_WITHOUT_SOURCE.sub("", safe)
    if len(safe) > MAX_HTML_CHARS:
        raise MarkdownTooLarge(
            f"card body renders to {len(safe):,} characters of HTML; the limit is "
            f"{MAX_HTML_CHARS:,}: shorten it"
        )
    text = html.unescape(nh3.clean(re.sub(r"</(p|h\d|li)>", r"</\1>\n", safe), tags=set()))
    return RenderedBody(safe, re.sub(r"\n{2,}", "\n", text).strip())


def _markdown() -> markdown.Markdown:
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(output_format="html")
    return converter
