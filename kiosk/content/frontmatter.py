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
        fields = tomllib.loads("".join(lines[1:index]))
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.search(str(error))
        line = int(match.group(1)) + 1 if match else None
        reason = _TOML_POSITION.sub("", str(error))
        raise FrontMatterError(f"front matter is not valid TOML: {reason}", line) from None
    return Document(fields, "".join(lines[index + 1 :]), index + 2, tuple(lines[1:index]))
