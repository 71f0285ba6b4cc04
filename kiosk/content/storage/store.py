"""The kiosk's local copy of the content: one SQLite file, read by the UI, replaced whole.

The schema is made and migrated with sqlite-utils' Migrations, and new content is written
with sqlite-utils too; reads, which are all the kiosk does while a patient taps, go straight
through sqlite3. A new bundle replaces the old one inside a single transaction, so a reader
(or a crash) sees either the old content or the new, never a mix. Card bodies are stored
already rendered, so showing a card is a primary-key lookup and nothing more.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import Card, ContentBundle
from kiosk.content.storage import schema
from kiosk.trials.model import TrialList, dump_trials, parse_trials

if TYPE_CHECKING:
    from kiosk.content.source.render import RenderedBody


_CARD_COLUMNS = (
    "id", "lang", "section", "position", "title", "summary", "body_markdown", "body_html",
    "body_text", "related", "reviewed", "source", "more_info",
)  # fmt: skip


RANK_AT_MOST = 300  # matches a search ranks; past that it lists (benchmarks/search.py)
_SEARCH_WORD = re.compile(r"\w+")


def search_words(query: str) -> list[str]:
    """The words of a search as the index has them: letters and digits, lower case (an
    apostrophe or hyphen splits a word, as the index's tokenizer does), at most eight."""
    return _SEARCH_WORD.findall(query.lower())[:8]


def _card_row(c: Card) -> dict[str, object]:
    return {
        "id": c.id,
        "lang": c.lang,
        "section": c.section,
        "position": c.order,
        "title": c.title,
        "summary": c.summary,
        "body_markdown": c.body_markdown,
        "body_html": c.body_html,
        "body_text": c.body_text,
        "related": json.dumps(list(c.related)),
        "reviewed": c.reviewed.isoformat(),
        "source": c.source,
        "more_info": c.more_info,
    }


@dataclass(frozen=True)
class SectionTile:
    id: str
    title: str
    icon: str | None
    card_count: int


@dataclass(frozen=True)
class CardTile:
    id: str
    title: str
    summary: str
    section: str


@dataclass(frozen=True)
class CardPage:
    id: str
    lang: str
    title: str
    summary: str
    section: str
    section_title: str
    body_html: str
    body_text: str
    reviewed: datetime.date
    source: str
    related: tuple[CardTile, ...]
    more_info: str = ""  # https:// address, or empty


@dataclass(frozen=True)
class Definition:
    id: str
    term: str
    definition: str
    see_also: CardTile | None  # the card to read next, if it exists in this language


@dataclass(frozen=True)
class ContentInfo:
    version: str
    digest: str
    loaded_at: str
    origin: str
    trials_fetched_at: str | None = None  # when the trials list was fetched; None: no list


class ContentStore:
    """Reads and replaces the content in one SQLite file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode = WAL")
        if not schema.is_current(self.db):
            schema.migrate(self.db)
        self._trials: tuple[tuple, TrialList | None] | None = None  # (fetch time, size), list

    def close(self) -> None:
        self.db.close()

    # -- writing ----------------------------------------------------------------------------

    def replace(self, bundle: ContentBundle, origin: str) -> None:
        """Make `bundle` the content, atomically: all of it or (on any error) none of it."""
        from sqlite_utils import Database

        from kiosk.content.source.render import RENDERER  # Markdown is loaded only to write content

        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        db = Database(self.db)
        cards = {(c.id, c.lang): _card_row(c) for c in bundle.cards}
        if len(cards) != len(bundle.cards):  # as the table's primary key would say
            raise sqlite3.IntegrityError("UNIQUE constraint failed: cards.id, cards.lang")
        with db.atomic():
            # Only the rows that differ are written: a one-card update rewrites one card (and
            # its search index entry), not the whole catalogue. Same result as a full rewrite.
            for table in ("sections", "content_meta", "glossary"):
                db.execute(f"DELETE FROM {table}")
            db.table("sections").insert_all(
                {"id": s.id, "lang": lang, "position": s.order, "icon": s.icon, "title": title}
                for s in bundle.sections
                for lang, title in s.titles.items()
            )
            columns = ", ".join(_CARD_COLUMNS)
            stored = {
                (row[0], row[1]): dict(zip(_CARD_COLUMNS, row, strict=True))
                for row in self.db.execute(f"SELECT {columns} FROM cards")
            }
            gone = [key for key in stored if key not in cards]
            self.db.executemany("DELETE FROM cards WHERE id = ? AND lang = ?", gone)
            changed = [row for key, row in cards.items() if stored.get(key) != row]
            if changed:
                db.table("cards").upsert_all(changed, pk=("id", "lang"))
            db.table("glossary").insert_all(
                {
                    "id": t.id,
                    "lang": t.lang,
                    "term": t.term,
                    "definition": t.definition,
                    "see_also": t.see_also,
                }
                for t in bundle.glossary
            )
            old_assets = {
                path: hashlib.sha256(data).digest()
                for path, data in self.db.execute("SELECT path, content FROM assets")
            }
            self.db.executemany(
                "DELETE FROM assets WHERE path = ?",
                [(path,) for path in old_assets if path not in bundle.assets],
            )
            new_assets = [
                {"path": path, "content": data}
                for path, data in bundle.assets.items()
                if old_assets.get(path) != hashlib.sha256(data).digest()
            ]
            if new_assets:
                db.table("assets").upsert_all(new_assets, pk="path")
            self.db.execute("DELETE FROM trials")
            if bundle.trials is not None:
                fetched = bundle.trials.fetched_at.isoformat(timespec="seconds")
                document = dump_trials(bundle.trials).decode("utf-8")
                db.table("trials").insert(
                    {"key": "list", "fetched_at": fetched, "document": document}
                )
            meta = {"version": bundle.version, "digest": bundle.digest}
            meta |= {"loaded_at": now, "origin": origin, "renderer": RENDERER}
            db.table("content_meta").insert_all({"key": k, "value": v} for k, v in meta.items())

    # -- reading ----------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM cards LIMIT 1").fetchone() is None

    def info(self) -> ContentInfo | None:
        meta = dict(self.db.execute("SELECT key, value FROM content_meta").fetchall())
        if not meta:
            return None
        row = self.db.execute("SELECT fetched_at FROM trials WHERE key = 'list'").fetchone()
        return ContentInfo(
            meta["version"], meta["digest"], meta["loaded_at"], meta["origin"], row and row[0]
        )

    def trials(self) -> TrialList | None:
        """The clinical-trials list that came with the content, or None; read once per list."""
        # Asked on every home showing and every search keystroke: the list's fetch time and
        # size say whether it is the one read last, without reading its megabytes again.
        which = "SELECT fetched_at, length(document) FROM trials WHERE key = 'list'"
        row = self.db.execute(which).fetchone()
        if row is None:
            return None
        if self._trials is None or self._trials[0] != tuple(row):
            (document,) = self.db.execute(
                "SELECT document FROM trials WHERE key = 'list'"
            ).fetchone()
            self._trials = (tuple(row), parse_trials(document.encode("utf-8")))
        return self._trials[1]

    def rendered_bodies(self) -> dict[str, RenderedBody]:
        """Each stored card body's Markdown and its rendering, for a loader to reuse.

        Empty when the bodies were rendered by other code or library versions than this
        one's (an app update may render differently, e.g. with a stricter allowlist).
        """
        from kiosk.content.source.render import RENDERER, RenderedBody

        row = self.db.execute("SELECT value FROM content_meta WHERE key = 'renderer'").fetchone()
        if row is None or row[0] != RENDERER:
            return {}
        rows = self.db.execute("SELECT body_markdown, body_html, body_text FROM cards")
        return {markdown: RenderedBody(html, text) for markdown, html, text in rows if markdown}

    def stored_cards(self) -> dict[tuple[str, str], Card]:
        """Every stored card as the loader made it, by (id, language), for a loader to reuse
        (see `load_content`'s known_cards); empty when other code rendered them."""
        from kiosk.content.source.render import RENDERER

        row = self.db.execute("SELECT value FROM content_meta WHERE key = 'renderer'").fetchone()
        if row is None or row[0] != RENDERER:
            return {}
        columns = ", ".join(_CARD_COLUMNS)
        cards: dict[tuple[str, str], Card] = {}
        for values in self.db.execute(f"SELECT {columns} FROM cards"):
            stored = dict(zip(_CARD_COLUMNS, values, strict=True))
            cards[(stored["id"], stored["lang"])] = Card(
                id=stored["id"],
                lang=stored["lang"],
                title=stored["title"],
                summary=stored["summary"],
                section=stored["section"],
                order=stored["position"],
                related=tuple(json.loads(stored["related"])),
                reviewed=datetime.date.fromisoformat(stored["reviewed"]),
                source=stored["source"],
                body_markdown=stored["body_markdown"],
                body_html=stored["body_html"],
                body_text=stored["body_text"],
                more_info=stored["more_info"],
            )
        return cards

    def sections(self, lang: str) -> list[SectionTile]:
        rows = self.db.execute(
            """
            SELECT s.id, s.title, s.icon, COUNT(c.id) AS card_count
            FROM sections s LEFT JOIN cards c ON c.section = s.id AND c.lang = s.lang
            WHERE s.lang = ? GROUP BY s.id ORDER BY s.position, s.id
            """,
            [lang],
        ).fetchall()
        return [SectionTile(*row) for row in rows]

    def section_title(self, section_id: str, lang: str) -> str | None:
        row = self.db.execute(
            "SELECT title FROM sections WHERE id = ? AND lang = ?", [section_id, lang]
        ).fetchone()
        return row[0] if row else None

    def cards_in_section(self, section_id: str, lang: str) -> list[CardTile]:
        return self._tiles(
            "WHERE section = ? AND lang = ? ORDER BY position, id", [section_id, lang]
        )

    def all_cards(self, lang: str) -> list[CardTile]:
        """Every card in `lang`, in reading order: section by section."""
        rows = self.db.execute(
            """
            SELECT c.id, c.title, c.summary, c.section FROM cards c
            JOIN sections s ON s.id = c.section AND s.lang = c.lang
            WHERE c.lang = ? ORDER BY s.position, c.position, c.id
            """,
            [lang],
        ).fetchall()
        return [CardTile(*row) for row in rows]

    def card(self, card_id: str, lang: str) -> CardPage | None:
        row = self.db.execute(
            """
            SELECT c.id, c.lang, c.title, c.summary, c.section, s.title, c.body_html,
                   c.body_text, c.reviewed, c.source, c.related, c.more_info
            FROM cards c JOIN sections s ON s.id = c.section AND s.lang = c.lang
            WHERE c.id = ? AND c.lang = ?
            """,
            [card_id, lang],
        ).fetchone()
        if row is None:
            return None
        row_id, row_lang, title, summary, section, section_title, body_html, body_text = row[:8]
        related_ids = json.loads(row[10])
        tiles = {t.id: t for t in self._tiles_by_id(related_ids, lang)}
        return CardPage(
            row_id,
            row_lang,
            title,
            summary,
            section,
            section_title,
            body_html,
            body_text,
            reviewed=datetime.date.fromisoformat(row[8]),
            source=row[9],
            related=tuple(tiles[i] for i in related_ids if i in tiles),
            more_info=row[11],
        )

    def asset(self, path: str) -> bytes | None:
        row = self.db.execute("SELECT content FROM assets WHERE path = ?", [path]).fetchone()
        return row[0] if row else None

    def definition(self, term_id: str, lang: str) -> Definition | None:
        """A glossary term in `lang`, as a card's `term:` link names it."""
        row = self.db.execute(
            "SELECT term, definition, see_also FROM glossary WHERE id = ? AND lang = ?",
            [term_id, lang],
        ).fetchone()
        if row is None:
            return None
        tiles = self._tiles_by_id([row[2]], lang) if row[2] else []
        return Definition(term_id, row[0], row[1], tiles[0] if tiles else None)

    def search(self, query: str, lang: str, limit: int = 20) -> list[CardTile]:
        """Cards in `lang` with a word starting with each word of `query`, accents ignored.

        Made to run on every keystroke. Ranking reads every match, so only a query with at
        most RANK_AT_MOST matches is ranked (titles first, then summaries, then bodies); a
        broader one, such as a first letter, is answered without ranking: cards whose titles
        match, then the others, each in the store's order.
        """
        words = search_words(query)
        if not words:
            return []
        phrases = " ".join(f'"{w}"*' for w in words)
        anywhere = f'lang:"{lang}" AND {{title summary body_text}}:({phrases})'
        found = self.db.execute(
            "SELECT rowid FROM card_search WHERE card_search MATCH ? LIMIT ?",
            [anywhere, RANK_AT_MOST + 1],
        ).fetchall()
        if len(found) <= RANK_AT_MOST:
            rows = self.db.execute(
                """
                SELECT c.id, c.title, c.summary, c.section FROM card_search
                JOIN cards c ON c.rowid = card_search.rowid
                WHERE card_search MATCH ? ORDER BY card_search.rank LIMIT ?
                """,
                [anywhere, limit],
            ).fetchall()
            return [CardTile(*row) for row in rows]
        in_title = f'lang:"{lang}" AND {{title}}:({phrases})'
        ids = [
            rowid
            for (rowid,) in self.db.execute(
                "SELECT rowid FROM card_search WHERE card_search MATCH ? LIMIT ?",
                [in_title, limit],
            )
        ]
        for (rowid,) in found:
            if len(ids) >= limit:
                break
            if rowid not in ids:
                ids.append(rowid)
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(
            f"SELECT rowid, id, title, summary, section FROM cards WHERE rowid IN ({marks})", ids
        ).fetchall()
        tiles = {row[0]: CardTile(*row[1:]) for row in rows}
        return [tiles[rowid] for rowid in ids if rowid in tiles]

    def _tiles(self, where: str, params: list[object]) -> list[CardTile]:
        sql = f"SELECT id, title, summary, section FROM cards {where}"
        return [CardTile(*row) for row in self.db.execute(sql, params).fetchall()]

    def _tiles_by_id(self, ids: list[str], lang: str) -> list[CardTile]:
        marks = ", ".join("?" for _ in ids)
        return self._tiles(f"WHERE lang = ? AND id IN ({marks})", [lang, *ids]) if ids else []
