"""The published index: the files that make up one version of the content, with their hashes.

`index.json` is itself a signed TUF target. It names every other target of the version
(content.toml for the sections, each card file, each image), so a kiosk knows what a
version holds before fetching anything and fetches only the files it does not have yet.
Its bytes depend on the content alone (sorted keys, no dates): publishing the same content
twice gives the same index and so the same target files.

    {"format": 1, "version": "2026-11", "digest": "<loader digest>",
     "sections": {"ids": ["basics", ...], "length": 912, "sha256": "..."},
     "cards": {"cytokines": {"en": {"length": 1875, "sha256": "..."}, "es": {...}}, ...},
     "assets": {"icons/basics.svg": {"length": 336, "sha256": "..."}, ...}}
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from kiosk.content.model import ID_PATTERN, LANGUAGES, ContentBundle
from kiosk.content.source.loader import IMAGE_SUFFIXES, MAX_CARD_BYTES, MAX_IMAGE_BYTES
from kiosk.content.source.render import image_asset_key

INDEX_PATH = "index.json"
SECTIONS_PATH = "content.toml"
FORMAT = 1
MAX_INDEX_BYTES = 16 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BadIndex(ValueError):
    """The index cannot be used: the message says what is wrong with it."""


@dataclass(frozen=True)
class IndexedFile:
    path: str
    sha256: str
    length: int


@dataclass(frozen=True)
class ContentIndex:
    """One published version: its label, its loader digest, and every file in it."""

    version: str
    digest: str
    sections: tuple[str, ...]
    files: Mapping[str, IndexedFile] = field(default_factory=dict)


def card_path(card_id: str, lang: str) -> str:
    return f"cards/{card_id}.{lang}.md"


def bundle_files(bundle: ContentBundle) -> list[str]:
    """The paths, inside a content folder, of every file the bundle was loaded from."""
    cards = sorted({card_path(c.id, c.lang) for c in bundle.cards})
    return [SECTIONS_PATH, *cards, *sorted(bundle.assets)]


def build_index(bundle: ContentBundle, files: Mapping[str, bytes]) -> bytes:
    """The index of `bundle`, whose files (by path) are `files`, as canonical JSON bytes."""

    def entry(path: str) -> dict[str, Any]:
        data = files[path]
        return {"length": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    cards: dict[str, dict[str, Any]] = {}
    for card in bundle.cards:
        cards.setdefault(card.id, {})[card.lang] = entry(card_path(card.id, card.lang))
    document = {
        "format": FORMAT,
        "version": bundle.version,
        "digest": bundle.digest,
        "sections": {"ids": [s.id for s in bundle.sections], **entry(SECTIONS_PATH)},
        "cards": cards,
        "assets": {path: entry(path) for path in bundle.assets},
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")


def parse_index(data: bytes) -> ContentIndex:
    """Read and check an index; raise BadIndex if anything in it is off."""
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadIndex(f"index.json is not JSON ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadIndex(f"index.json is not format {FORMAT}")
    version, digest = document.get("version"), document.get("digest")
    if not isinstance(version, str) or not isinstance(digest, str) or not _SHA256.match(digest):
        raise BadIndex("index.json lacks a version or digest")
    sections = document.get("sections")
    if not isinstance(sections, dict) or not _all_text(sections.get("ids")):
        raise BadIndex("index.json lacks its sections")
    files = {SECTIONS_PATH: _file(SECTIONS_PATH, sections, MAX_CARD_BYTES)}
    cards = document.get("cards")
    if not isinstance(cards, dict):
        raise BadIndex("index.json lacks its cards")
    for card_id, languages in cards.items():
        if not ID_PATTERN.match(card_id) or not isinstance(languages, dict):
            raise BadIndex(f"index.json: bad card id {card_id!r}")
        for lang, entry in languages.items():
            if lang not in LANGUAGES:
                raise BadIndex(f"index.json: card {card_id!r} has unknown language {lang!r}")
            path = card_path(card_id, lang)
            files[path] = _file(path, entry, MAX_CARD_BYTES)
    assets = document.get("assets")
    if not isinstance(assets, dict):
        raise BadIndex("index.json lacks its assets")
    for path, entry in assets.items():
        if (
            image_asset_key(path, "") != path
            or PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES
        ):
            raise BadIndex(f"index.json: asset path {path!r} is not allowed")
        if path in files:
            raise BadIndex(f"index.json: {path!r} is listed twice")
        files[path] = _file(path, entry, MAX_IMAGE_BYTES)
    return ContentIndex(version, digest, tuple(sections["ids"]), files)


def _file(path: str, entry: Any, limit: int) -> IndexedFile:
    if not isinstance(entry, dict):
        raise BadIndex(f"index.json: no hash for {path}")
    sha256, length = entry.get("sha256"), entry.get("length")
    if not isinstance(sha256, str) or not _SHA256.match(sha256):
        raise BadIndex(f"index.json: bad sha256 for {path}")
    if not isinstance(length, int) or isinstance(length, bool) or not 0 <= length <= limit:
        raise BadIndex(f"index.json: {path} is {length!r} bytes; the limit is {limit:,}")
    return IndexedFile(path, sha256, length)


def _all_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_card(path: str) -> bool:
    return path.startswith("cards/") and path.endswith(".md")


# -- what changed between two versions ---------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """Card files ("id.lang") and other files added, changed and removed by an update."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    first: bool = False  # nothing signed was applied before: every file counts as added

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def describe(self, most: int = 10) -> str:
        """E.g. "changed: cytokines.en; added: new-card.en, new-card.es" (long lists cut)."""
        if self.first:
            return f"first signed version, {len(self.added)} files"
        parts = []
        for word, names in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            if names:
                shown = ", ".join(names[:most])
                more = f" and {len(names) - most} more" if len(names) > most else ""
                parts.append(f"{word}: {shown}{more}")
        return "; ".join(parts) or "no file changed"


def compare(old: ContentIndex | None, new: ContentIndex) -> Changes:
    """What `new` adds, changes and removes, by file; `old` None means "all added"."""

    def names(index: ContentIndex | None) -> dict[str, str]:
        if index is None:
            return {}
        return {_short(path): f.sha256 for path, f in index.files.items()}

    before, after = names(old), names(new)
    return Changes(
        added=tuple(sorted(set(after) - set(before))),
        changed=tuple(sorted(n for n in set(after) & set(before) if after[n] != before[n])),
        removed=tuple(sorted(set(before) - set(after))),
        first=old is None,
    )


def _short(path: str) -> str:
    """Cards by "id.lang" (how admins name them), other files by their path."""
    return path.removeprefix("cards/").removesuffix(".md") if _is_card(path) else path
