"""Read a content folder, check every rule, and return a bundle or every problem at once.

Layout of a content folder (see docs/content-format.md):

    content.toml            sections (id, order, icon, title in each language), optional version
    glossary.toml           optional: hard words and their plain definitions, every language
    cards/<id>.<lang>.md    one card in one language: `+++` TOML front matter, then Markdown
    cards/images/...        pictures, referenced from cards by relative path
    trials.json             optional: clinical trials near the clinic (`kiosk trials fetch`)

Loading is all-or-nothing: the result is either a complete ContentBundle or a
ContentError listing each problem with its file (and line where there is one), sorted by
file and line. Each mistake is reported once, where it is: a card is checked as far as its
file allows (a field of the wrong type does not hide its broken links), and a card that
fails to load still counts as existing for the links to it, which are not what is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.content.model import ID_PATTERN, LANGUAGES, Card, ContentBundle, GlossaryTerm, Section
from kiosk.content.problems import ContentError, Problem
from kiosk.content.source import card_fields, frontmatter
from kiosk.content.source.folder import FileRefused, read_regular, unsafe_entries
from kiosk.content.source.glossary import GLOSSARY_FILE, link_terms, read_glossary
from kiosk.content.source.image_check import check_image
from kiosk.content.source.render import (
    MarkdownTooLarge,
    RenderedBody,
    check_markdown_limits,
    image_asset_key,
    render_markdown,
)
from kiosk.trials.model import MAX_TRIALS_BYTES, TRIALS_PATH, BadTrials, TrialList, parse_trials

MAX_CARD_BYTES = 256 * 1024
MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
CARD_FILE = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")
_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_CARD_LINK = re.compile(r"\(\s*card:([^)\s]*)")


@dataclass(frozen=True)
class _Links:
    """What one card file points at, checked once every card is known."""

    path: str
    lang: str
    related: tuple[tuple[str, int | None], ...]  # (card id, line of the entry)
    body: str  # the Markdown, whose card links are checked
    body_first_line: int  # its first line's number in the file


def load_content(
    root: Path,
    rendered: Mapping[str, RenderedBody] | None = None,
    checked_images: Collection[str] = (),
    known_cards: Mapping[str, tuple[str, Card]] | None = None,
) -> ContentBundle:
    """Check and render the content folder at `root`; raise ContentError if anything is wrong.

    `rendered` maps card bodies (Markdown) to their rendering by this same renderer (see
    `ContentStore.rendered_bodies`); a body found there is not rendered again, so a sync
    that changes one card renders one card. `checked_images` holds the SHA-256 (hex) of
    pictures this same code checked and accepted before (a sync passes the ones of the
    version it applied last); their bytes are still read and hashed, but not parsed again.
    `known_cards` maps card files ("cards/<id>.<lang>.md") to the SHA-256 (hex) of the
    bytes this same code loaded before and the Card it made of them (a sync passes the
    stored cards of the version it applied last). A file with those very bytes is read and
    hashed but not parsed, checked or rendered again: its Card is reused, and only what
    depends on other files is checked anew (its section still exists, its related cards and
    card links still do, its pictures are still there and good). If anything is wrong, the
    whole folder is loaded again without shortcuts, so the problems reported are exactly
    the full loader's. Every other check runs on every file.
    """
    known = known_cards or {}
    loader = _Loader(root, rendered or {}, frozenset(checked_images), known)
    try:
        return loader.load()
    except ContentError:
        if not loader.reused:
            raise
    return _Loader(root, rendered or {}, frozenset(checked_images), {}).load()


class _Loader:
    def __init__(
        self,
        root: Path,
        rendered: Mapping[str, RenderedBody],
        checked_images: frozenset[str],
        known_cards: Mapping[str, tuple[str, Card]],
    ) -> None:
        self.root = root
        self._top = str(root).rstrip("/") + "/"
        self.rendered = rendered
        self.checked_images = checked_images
        self.known_cards = known_cards
        self.reused = 0  # card files matched in known_cards, not parsed
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.assets: dict[str, bytes] = {}
        self.links: list[_Links] = []
        self.unloaded: set[tuple[str, str]] = set()  # (id, lang) of card files that failed
        self.refused: set[str] = set()  # links and special files, reported once
        self.bad_images: set[str] = set()  # reported once, however many cards show them
        self.digest = hashlib.sha256()
        self.glossary: list[GlossaryTerm] = []

    def problem(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self._name(path), message, line))

    def _name(self, path: Path | str) -> str:
        if isinstance(path, Path):
            text, top = str(path), self._top
            if text.startswith(top) and "/." not in text[len(top) :]:  # the usual case, quickly
                return text[len(top) :]
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                return str(path)
        return path

    def read(self, path: Path, limit: int) -> bytes | None:
        """The file's bytes, if it is a regular file in the folder of at most `limit` bytes."""
        name = self._name(path)
        if name in self.refused:
            return None
        try:
            data = read_regular(self.root, name, limit)
        except FileRefused as error:
            self.refused.add(name)
            self.problem(path, str(error))
            return None
        self.digest.update(name.encode() + b"\0" + data + b"\0")
        return data

    def load(self) -> ContentBundle:
        if not self.root.is_dir():
            raise ContentError([Problem(str(self.root), "content folder not found")])
        for name, message in unsafe_entries(self.root):
            self.refused.add(name)
            self.problem(name, message)
        version, sections, section_ids = self.load_sections()
        self.glossary = self.load_glossary()
        cards = self.load_cards(section_ids)
        self.check_links(cards)
        trials = self.load_trials()
        self.check_see_also(cards)
        if self.problems:
            raise ContentError(sorted(self.problems, key=lambda p: (p.path, p.line or 0)))
        digest = self.digest.hexdigest()
        return ContentBundle(
            version=version or digest[:12],
            digest=digest,
            sections=tuple(sorted(sections, key=lambda s: (s.order, s.id))),
            cards=tuple(sorted(cards, key=lambda c: (c.section, c.order, c.id, c.lang))),
            assets=MappingProxyType(dict(sorted(self.assets.items()))),
            warnings=tuple(self.warnings),
            trials=trials,
            glossary=tuple(sorted(self.glossary, key=lambda t: (t.id, t.lang))),
        )

    def load_trials(self) -> TrialList | None:
        """The clinical-trials list, if the folder has one (kiosk/trials/model.py)."""
        path = self.root / TRIALS_PATH
        if not os.path.lexists(path):
            return None
        data = self.read(path, MAX_TRIALS_BYTES)
        if data is None:
            return None
        try:
            return parse_trials(data)
        except BadTrials as error:
            self.problem(path, str(error))
            return None

    # -- sections ---------------------------------------------------------------------------

    def load_sections(self) -> tuple[str | None, list[Section], set[str]]:
        """The sections, and every id named in the file (cards of a broken section stay quiet)."""
        path = self.root / "content.toml"
        data = self.read(path, MAX_CARD_BYTES) if os.path.lexists(path) else None
        if data is None:
            if not os.path.lexists(path):
                self.problem(path, "missing: it lists the sections")
            return None, [], set()
        try:
            table = frontmatter.parse_toml(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self.problem(path, f"not valid TOML: {error}")
            return None, [], set()
        except frontmatter.FrontMatterError as error:
            self.problem(path, str(error), error.line)
            return None, [], set()
        version = table.get("version")
        if version is not None and not isinstance(version, str):
            self.problem(path, "'version' must be text")
            version = None
        sections: list[Section] = []
        seen: set[str] = set()
        entries = table.get("sections", [])
        named = {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
        for number, entry in enumerate(entries, start=1):
            section = self.section(path, number, entry)
            if section and section.id in seen:
                self.problem(path, f"section '{section.id}' is listed twice")
            elif section:
                seen.add(section.id)
                sections.append(section)
        if not entries:
            self.problem(path, "no sections: add at least one [[sections]] entry")
        return version, sections, named

    def section(self, path: Path, number: int, entry: Any) -> Section | None:
        where = f"section {number}"
        if not isinstance(entry, dict):
            self.problem(path, f"{where} must be a table")
            return None
        # Each value is kept only if it is good (else None), so that every problem is reported.
        section_id, order, titles = entry.get("id"), entry.get("order"), entry.get("title")
        icon = entry.get("icon")
        if not isinstance(section_id, str) or not ID_PATTERN.match(section_id):
            self.problem(path, f"{where}: 'id' must be lowercase words joined by hyphens")
            section_id = None
        if not card_fields.is_order(order):
            self.problem(path, f"{where}: 'order' {card_fields.EXPECTED['order']}")
            order = None
        if not isinstance(titles, dict) or any(
            not isinstance(titles.get(lang), str) or not titles[lang].strip() for lang in LANGUAGES
        ):
            wanted = ", ".join(f"{lang} = '…'" for lang in LANGUAGES)
            self.problem(path, f"{where}: 'title' must give every language: {{ {wanted} }}")
            titles = None
        if icon is not None:
            # A bad icon is reported but the section still counts, so its cards stay quiet.
            if not isinstance(icon, str):
                self.problem(path, f"{where}: 'icon' must be a picture's path, e.g. 'icons/a.svg'")
            icon = self.asset(path, icon, "", None) if isinstance(icon, str) else None
        if section_id is None or order is None or titles is None:
            return None
        return Section(section_id, order, icon, MappingProxyType(dict(titles)))

    # -- glossary ---------------------------------------------------------------------------

    def load_glossary(self) -> list[GlossaryTerm]:
        """The terms of glossary.toml (optional: a folder without one has no glossary)."""
        path = self.root / GLOSSARY_FILE
        if not os.path.lexists(path):
            return []
        data = self.read(path, MAX_CARD_BYTES)
        if data is None:
            return []
        try:
            table = frontmatter.parse_toml(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self.problem(path, f"not valid TOML: {error}")
            return []
        except frontmatter.FrontMatterError as error:
            self.problem(path, str(error), error.line)
            return []
        return read_glossary(table, lambda message: self.problem(path, message))

    def check_see_also(self, cards: list[Card]) -> None:
        known = {(card.id, card.lang) for card in cards} | self.unloaded
        for term in self.glossary:
            if term.see_also and (term.see_also, term.lang) not in known:
                self.problem(
                    GLOSSARY_FILE,
                    f"term '{term.id}': see_also card '{term.see_also}' does not exist in "
                    f"'{term.lang}'",
                )

    # -- cards ------------------------------------------------------------------------------

    def card_files(self) -> Iterator[tuple[Path, str, str]]:
        folder = self.root / "cards"
        if folder.is_symlink():
            return  # reported as a link; its cards are not read through it
        if not folder.is_dir():
            self.problem("cards/", "missing: it holds the card files")
            return
        for path in sorted(folder.glob("*.md"), key=lambda p: p.name):  # one folder: by name
            match = CARD_FILE.match(path.name)
            if not match:
                self.problem(path, "card files are named <id>.<language>.md, e.g. intro.en.md")
            elif not ID_PATTERN.match(match["id"]):
                self.problem(
                    path,
                    f"'{match['id']}' is not a card id: use lowercase letters, digits and "
                    "hyphens, e.g. intro.en.md (kiosks refuse any other name)",
                )
            elif match["lang"] not in LANGUAGES:
                known = ", ".join(LANGUAGES)
                self.problem(path, f"unknown language '{match['lang']}' (known: {known})")
            else:
                yield path, match["id"], match["lang"]

    def load_cards(self, section_ids: set[str]) -> list[Card]:
        cards: dict[tuple[str, str], Card] = {}
        files: dict[tuple[str, str], Path] = {}
        for path, file_id, lang in self.card_files():
            card = self.card(path, file_id, lang, section_ids)
            if card is None:
                self.unloaded.add((file_id, lang))
                continue
            key = (card.id, lang)
            if key in cards:
                self.problem(path, f"duplicate card id '{card.id}' (also in {files[key].name})")
                continue
            cards[key] = card
            files[key] = path
        ids = {card_id for card_id, _ in cards}
        for card_id in sorted(ids):
            missing = [
                lang
                for lang in LANGUAGES
                if (card_id, lang) not in cards and (card_id, lang) not in self.unloaded
            ]
            if missing:
                self.warnings.append(
                    f"cards/{card_id}: no {', '.join(missing)} version; "
                    "patients reading in that language will not see this card"
                )
        return list(cards.values())

    def card(self, path: Path, file_id: str, lang: str, section_ids: set[str]) -> Card | None:
        data = self.read(path, MAX_CARD_BYTES)
        if data is None:
            return None
        known = self.known_cards.get(self._name(path))
        if known is not None and known[1].lang == lang and known[1].id == file_id:
            sha, card = known
            if hashlib.sha256(data).hexdigest() == sha:
                return self.reuse(path, card, section_ids)
        try:
            doc = frontmatter.split(data.decode("utf-8"))
        except UnicodeDecodeError:
            self.problem(path, "is not UTF-8 text")
            return None
        except frontmatter.FrontMatterError as error:
            self.problem(path, str(error), error.line)
            return None
        fields = doc.fields
        before = len(self.problems)

        def report(message: str, line: int | None = None) -> None:
            self.problem(path, message, line)

        typed = card_fields.check_types(doc, report)
        card_fields.check_values(doc, typed, file_id, section_ids, report)
        related = fields["related"] if "related" in typed else []
        entries = tuple((r, doc.line_of("related", r)) for r in related if isinstance(r, str))
        self.links.append(_Links(self._name(path), lang, entries, doc.body, doc.body_first_line))
        try:
            check_markdown_limits(doc.body)  # also for bodies rendered before: it is cheap
            rendered = self.rendered.get(doc.body) or render_markdown(doc.body, base="cards")
        except MarkdownTooLarge as error:
            line = error.line and error.line + doc.body_first_line - 1
            self.problem(path, str(error), line)
            return None
        self.check_images(path, doc.body, doc.body_first_line)
        if len(self.problems) > before:
            if "id" in typed:  # links to the id it gives are not the mistake either
                self.unloaded.add((fields["id"], lang))
            return None
        return Card(
            id=fields["id"],
            lang=lang,
            title=fields["title"].strip(),
            summary=fields["summary"].strip(),
            section=fields["section"],
            order=fields["order"],
            related=tuple(fields["related"]),
            reviewed=fields["reviewed"],
            source=fields["source"].strip(),
            body_markdown=doc.body,
            body_html=link_terms(
                rendered.html, (t for t in self.glossary if t.lang == lang), fields["id"]
            ),
            body_text=rendered.text,
            more_info=fields["more_info"].strip() if "more_info" in typed else "",
        )

    def reuse(self, path: Path, card: Card, section_ids: set[str]) -> Card | None:
        """A card whose file is byte for byte one loaded before: only what other files decide
        is checked again (any problem here makes `load_content` load everything anew)."""
        self.reused += 1
        before = len(self.problems)
        if card.section not in section_ids:
            self.problem(path, f"unknown section '{card.section}'")
        related = tuple((other, None) for other in card.related)
        self.links.append(_Links(self._name(path), card.lang, related, card.body_markdown, 1))
        self.check_images(path, card.body_markdown, 1)
        if len(self.problems) > before:
            self.unloaded.add((card.id, card.lang))
            return None
        return card

    def check_images(self, path: Path, body: str, first_line: int) -> None:
        for offset, line in enumerate(body.splitlines()):
            number = first_line + offset
            for bang, target in _LINK.findall(line):
                if bang:
                    self.asset(path, target, "cards", number)
                elif not target.startswith("card:"):
                    self.problem(
                        path,
                        f"link to '{target}': cards may only link to other cards (card:<id>)",
                        number,
                    )

    def asset(self, path: Path, reference: str, base: str, line: int | None) -> str | None:
        key = image_asset_key(reference, base)
        if key is None:
            self.problem(
                path, f"image '{reference}' must be a path inside the content folder", line
            )
            return None
        if os.path.splitext(key)[1].lower() not in IMAGE_SUFFIXES:  # as Path.suffix, faster
            kinds = ", ".join(sorted(IMAGE_SUFFIXES))
            self.problem(path, f"image '{reference}' is not a supported kind ({kinds})", line)
            return None
        if key in self.bad_images:
            return None
        if key not in self.assets:
            file = self.root / key
            if not (os.path.isfile(file) or os.path.islink(file)):
                self.problem(path, f"image '{reference}' not found", line)
                return None
            data = self.read(file, MAX_IMAGE_BYTES)
            known = data is not None and hashlib.sha256(data).hexdigest() in self.checked_images
            problems = check_image(key, data) if data is not None and not known else []
            for problem in problems:
                self.problem(file, str(problem), problem.line)
            if data is None or problems:
                self.bad_images.add(key)
                return None
            self.assets[key] = data
        return key

    def check_links(self, cards: list[Card]) -> None:
        """Every related card and card link names a card of the same language.

        A card that exists but failed to load counts as there: its own problem is reported.
        """
        known = {(card.id, card.lang) for card in cards} | self.unloaded
        for links in self.links:
            lang = links.lang
            for other, line in links.related:
                if (other, lang) not in known:
                    message = f"related card '{other}' does not exist in '{lang}'"
                    self.problem(links.path, message, line)
            for offset, text in enumerate(links.body.splitlines()):
                for other in _CARD_LINK.findall(text):
                    if (other, lang) not in known:
                        self.problem(
                            links.path,
                            f"link to card '{other}', which does not exist in '{lang}'",
                            links.body_first_line + offset,
                        )
