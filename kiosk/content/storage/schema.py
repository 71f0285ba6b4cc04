"""The content store's tables, as an ordered list of sqlite-utils migrations.

Add a new function at the end of MIGRATIONS for every change; never edit one that has
shipped. sqlite-utils is imported only when something is pending, so a kiosk whose
store is current starts without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.migrations import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kiosk.content"


def m001_content_tables(db: Database) -> None:
    db.table("sections").create(
        {"id": str, "lang": str, "position": int, "icon": str, "title": str},
        pk=("id", "lang"),
        not_null={"title", "position"},
    )
    db.table("cards").create(
        {
            "id": str,
            "lang": str,
            "section": str,
            "position": int,
            "title": str,
            "summary": str,
            "body_markdown": str,
            "body_html": str,
            "body_text": str,
            "related": str,
            "reviewed": str,
            "source": str,
        },
        pk=("id", "lang"),
        not_null={"section", "title", "summary", "body_html", "reviewed", "source"},
    )
    db.table("cards").create_index(["lang", "section", "position"])
    db.table("assets").create({"path": str, "content": bytes}, pk="path", not_null={"content"})
    db.table("content_meta").create({"key": str, "value": str}, pk="key")
    # Accents ignored, so "celulas" finds "células" and the other way round.
    db.table("cards").enable_fts(
        ["title", "summary", "body_text"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


def m002_trials(db: Database) -> None:
    # The clinical-trials list (kiosk/trials/model.py) as its checked file: one row, or none.
    db.table("trials").create(
        {"key": str, "fetched_at": str, "document": str}, pk="key", not_null={"document"}
    )


# The search index: the language is a column of the index itself, so a search matches in one
# language from the start, and prefixes of one to three letters have entries of their own, so
# "a" is one lookup, not a merge of every word that starts with it. Titles weigh most in the
# ranking, then summaries. Triggers keep it in step with the cards table.
_COLUMNS = "lang, title, summary, body_text"
_OLD = "old.lang, old.title, old.summary, old.body_text"
_NEW = "new.lang, new.title, new.summary, new.body_text"
SEARCH_STATEMENTS = (
    f"""CREATE VIRTUAL TABLE card_search USING fts5({_COLUMNS},
        content = 'cards', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    "INSERT INTO card_search(card_search, rank) VALUES ('rank', 'bm25(0, 10, 4, 1)')",
    "INSERT INTO card_search(card_search) VALUES ('rebuild')",
    f"""CREATE TRIGGER card_search_insert AFTER INSERT ON cards BEGIN
        INSERT INTO card_search(rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
    END""",
    f"""CREATE TRIGGER card_search_delete AFTER DELETE ON cards BEGIN
        INSERT INTO card_search(card_search, rowid, {_COLUMNS})
        VALUES ('delete', old.rowid, {_OLD});
    END""",
    f"""CREATE TRIGGER card_search_update AFTER UPDATE ON cards BEGIN
        INSERT INTO card_search(card_search, rowid, {_COLUMNS})
        VALUES ('delete', old.rowid, {_OLD});
        INSERT INTO card_search(rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
    END""",
)


def m003_search_by_language(db: Database) -> None:
    """Replace m001's index (whose language filter ran after the match) with `card_search`."""
    db.table("cards").disable_fts()
    for statement in SEARCH_STATEMENTS:
        db.execute(statement)


def m004_more_info(db: Database) -> None:
    """Cards' optional "more information" address (empty: none)."""
    db.execute("ALTER TABLE cards ADD COLUMN more_info TEXT NOT NULL DEFAULT ''")


def m005_glossary(db: Database) -> None:
    """The glossary: one row per term and language."""
    db.table("glossary").create(
        {"id": str, "lang": str, "term": str, "definition": str, "see_also": str},
        pk=("id", "lang"),
        not_null={"term", "definition", "see_also"},
    )


MIGRATIONS = MigrationSet(
    MIGRATION_SET,
    (
        m001_content_tables,
        m002_trials,
        m003_search_by_language,
        m004_more_info,
        m005_glossary,
    ),
)
is_current, migrate = MIGRATIONS.is_current, MIGRATIONS.migrate
