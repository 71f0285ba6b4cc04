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


MIGRATIONS = MigrationSet(MIGRATION_SET, (m001_content_tables, m002_trials))
is_current, migrate = MIGRATIONS.is_current, MIGRATIONS.migrate
