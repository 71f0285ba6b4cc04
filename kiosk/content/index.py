"""The published index: what one version of the content is, next to the files TUF signs.

`index.json` is itself a signed TUF target, and small: the version's label, the loader's
digest of the whole folder and the section ids. It does not list the files: the signed
targets metadata (targets.json's hash bins, see kiosk/content/publishing/publish.py) already names
every file of the version with its length and hash, so repeating them here made every
update carry the whole catalogue twice. A kiosk reads the file list from the verified bins
(`parse_index(data, signed)`), where a one-card change touches one small bin. Its bytes
depend on the content alone (sorted keys, no dates): publishing the same content twice
gives the same index.

    {"format": 2, "version": "2026-11", "digest": "<loader digest>",
     "sections": ["basics", "immune-system", ...]}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from kiosk.content.model import ID_PATTERN, LANGUAGES, ContentBundle
from kiosk.content.source.loader import IMAGE_SUFFIXES, MAX_CARD_BYTES, MAX_IMAGE_BYTES
from kiosk.content.source.render import image_asset_key
from kiosk.trials.model import MAX_TRIALS_BYTES, TRIALS_PATH

INDEX_PATH = "index.json"
SECTIONS_PATH = "content.toml"
GLOSSARY_PATH = "glossary.toml"  # kiosk.content.source.glossary.GLOSSARY_FILE
FORMAT = 2
MAX_INDEX_BYTES = 1024 * 1024
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
    trials = [TRIALS_PATH] if bundle.trials is not None else []
    glossary = [GLOSSARY_PATH] if bundle.glossary else []
    return [SECTIONS_PATH, *trials, *glossary, *cards, *sorted(bundle.assets)]


def build_index(bundle: ContentBundle) -> bytes:
    """The index of `bundle`, as canonical JSON bytes."""
    document = {
        "format": FORMAT,
        "version": bundle.version,
        "digest": bundle.digest,
        "sections": [s.id for s in bundle.sections],
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")


def parse_index(data: bytes, signed: Mapping[str, Any]) -> ContentIndex:
    """Read and check an index and the signed files of its version; raise BadIndex if
    anything in either is off.

    `signed` maps each signed target path other than index.json to its entry
    (`{"length": ..., "sha256": ...}`): what the version's verified targets metadata says.
    Every path must be one a content folder holds (content.toml, a card file with a valid
    id and language, the trials list, or an image inside the folder) within the loader's size
    limits.
    """
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
    if not isinstance(sections, list) or not _all_text(sections):
        raise BadIndex("index.json lacks its sections")
    if SECTIONS_PATH not in signed:
        raise BadIndex(f"the version has no signed {SECTIONS_PATH}")
    files = {}
    for path, entry in signed.items():
        if path in (SECTIONS_PATH, GLOSSARY_PATH):
            files[path] = _file(path, entry, MAX_CARD_BYTES)
        elif path == TRIALS_PATH:
            files[path] = _file(path, entry, MAX_TRIALS_BYTES)
        elif path.startswith("cards/") and path.endswith(".md") and path.count("/") == 1:
            card_id, _, lang = path.removeprefix("cards/").removesuffix(".md").rpartition(".")
            if not ID_PATTERN.match(card_id):
                raise BadIndex(f"signed targets: bad card id {card_id!r}")
            if lang not in LANGUAGES:
                raise BadIndex(f"signed targets: card {card_id!r} has unknown language {lang!r}")
            files[path] = _file(path, entry, MAX_CARD_BYTES)
        elif (
            image_asset_key(path, "") == path
            and PurePosixPath(path).suffix.lower() in IMAGE_SUFFIXES
        ):
            files[path] = _file(path, entry, MAX_IMAGE_BYTES)
        else:
            raise BadIndex(f"signed targets: path {path!r} is not allowed")
    return ContentIndex(version, digest, tuple(sections), files)


def signed_entries(targets: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """`{path: {"length", "sha256"}}` from TUF TargetFiles (index.json left out)."""
    return {
        path: {"length": info.length, "sha256": info.hashes.get("sha256")}
        for path, info in targets.items()
        if path != INDEX_PATH
    }


def listing(index: ContentIndex) -> bytes:
    """A version's files and hashes as JSON, for a kiosk to keep beside what it applied."""
    document = {
        "version": index.version,
        "digest": index.digest,
        "sections": list(index.sections),
        "files": {p: {"length": f.length, "sha256": f.sha256} for p, f in index.files.items()},
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


def parse_listing(data: bytes) -> ContentIndex:
    """A listing written by `listing`, read back (and checked like a published one)."""
    document = json.loads(data)
    header = {k: document[k] for k in ("version", "digest", "sections")}
    return parse_index(json.dumps({"format": FORMAT, **header}).encode(), document["files"])


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
