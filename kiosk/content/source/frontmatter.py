"""Split a card file into its TOML front matter and its Markdown body.

A card starts with a line `+++`, TOML fields, and another `+++`. Errors carry the line
number in the card file, not in the TOML fragment, so authors can jump straight to it; and
a Document says on which file line a field, or one entry of a list field, is written.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

FENCE = "+++"
MAX_TOML_DEPTH = 8  # arrays and inline tables inside each other; tomllib recurses on each
MAX_TOML_DOTS = 32  # dots outside strings on one line: a.b.c keys cost tomllib n² memory
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")
_KEY = re.compile(r"^\s*[\w\"'.-]+\s*=")  # a line that sets a field (the next one, if searching)


class FrontMatterError(ValueError):
    """The front matter is missing or not valid TOML; `line` is 1-based in the card file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Document:
    fields: dict[str, Any]
    body: str
    body_first_line: int  # 1-based line number in the file where the body starts
    front_matter: tuple[str, ...] = ()  # the lines between the fences; the first is file line 2

    def line_of(self, name: str, entry: str | None = None) -> int | None:
        """The file line that sets field `name`; with `entry`, the line of that quoted entry
        of its list (which may span lines), else the field's own line. None if not found."""
        start = None
        for number, line in enumerate(self.front_matter, start=2):
            if start is None:
                if not re.match(rf"\s*{re.escape(name)}\s*=", line):
                    continue
                start = number
            elif _KEY.match(line):
                break  # the next field: the entry is not written out (or not quoted) here
            if entry is None or re.search(rf"([\"']){re.escape(entry)}\1", line):
                return number
        return start


def split(text: str) -> Document:
    """Parse `text` into front-matter fields and body, or raise FrontMatterError."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(f"must start with a '{FENCE}' line and TOML front matter", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            break
    else:
        raise FrontMatterError(f"front matter is not closed with a '{FENCE}' line", 1)
    try:
        fields = parse_toml("".join(lines[1:index]), first_line=2)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.search(str(error))
        line = int(match.group(1)) + 1 if match else None
        reason = _TOML_POSITION.sub("", str(error))
        raise FrontMatterError(f"front matter is not valid TOML: {reason}", line) from None
    return Document(fields, "".join(lines[index + 1 :]), index + 2, tuple(lines[1:index]))


def parse_toml(text: str, first_line: int = 1) -> dict[str, Any]:
    """tomllib.loads, after refusing nesting deeper than MAX_TOML_DEPTH (FrontMatterError,
    with the file line, `first_line` being the file line of the text's first line)."""
    line = too_deep(text)
    if line is not None:
        raise FrontMatterError(
            f"nested too deeply: at most {MAX_TOML_DEPTH} '[' or '{{' inside each other and "
            f"{MAX_TOML_DOTS} dots in a key; fields are text, numbers, dates and lists of text",
            line + first_line - 1,
        )
    try:
        return tomllib.loads(text)
    except RecursionError:  # deep dotted keys or tables: tomllib's own limit
        raise FrontMatterError("nested too deeply to read", first_line) from None


def too_deep(text: str) -> int | None:
    """The 1-based line where TOML nests past MAX_TOML_DEPTH or MAX_TOML_DOTS, if any.

    A linear scan that skips strings and comments, so brackets inside text do not count.
    """
    depth, line, position, end, dots = 0, 1, 0, len(text), 0
    while position < end:
        char = text[position]
        if char == "\n":
            line, dots = line + 1, 0
        elif char == ".":
            dots += 1
            if dots > MAX_TOML_DOTS:
                return line
        elif char == "#":
            newline = text.find("\n", position)
            position = end if newline < 0 else newline
            continue
        elif char in "\"'":
            delimiter = char * 3 if text.startswith(char * 3, position) else char
            position += len(delimiter)
            while position < end and not text.startswith(delimiter, position):
                if text[position] == "\n":
                    line += 1
                    if len(delimiter) == 1:
                        break  # an unclosed string: tomllib says so
                if char == '"' and text[position] == "\\":
                    position += 1
                    line += text[position : position + 1] == "\n"
                position += 1
            position += len(delimiter)
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        position += 1
    return None
