"""The store: real SQLite files, made by migrations, replaced whole, searchable per language."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from kiosk.content.source.loader import load_content
from kiosk.content.storage.store import ContentStore


def test_first_start_fills_the_store_and_a_reopen_keeps_it(store, tmp_path):
    info = store.info()
    assert info is not None and info.origin == "first start from content"
    again = ContentStore(store.path)
    assert again.info() == info
    assert {t.id for t in again.sections("es")} == {t.id for t in store.sections("en")}
    again.close()


def test_schema_comes_from_migrations_and_is_applied_once(store):
    rows = store.db.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert [name for (name,) in rows] == [
        "m001_content_tables",
        "m002_trials",
        "m003_search_by_language",
        "m004_more_info",
        "m005_glossary",
    ]
    ContentStore(store.path).close()
    again = store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    assert again == (len(rows),)


def test_sections_and_cards_in_reading_order(store):
    sections = store.sections("en")
    assert [s.id for s in sections] == ["basics", "immune-system", "treatments", "next-steps"]
    assert sections[0].card_count == 3 and sections[0].icon == "icons/basics.svg"
    cards = store.cards_in_section("treatments", "en")
    assert [c.id for c in cards][:2] == ["immune-cell-therapy", "monoclonal-antibodies"]
    assert store.all_cards("es")[0].title == "¿Qué es la inmunoterapia?"


def test_card_page_has_body_related_and_provenance(store):
    page = store.card("why-cancer-can-hide", "es")
    assert page.section_title == "Su sistema inmunitario"
    assert "<p>" in page.body_html and "<" not in page.body_text
    assert [r.id for r in page.related] == ["lab-made-helpers", "how-the-immune-system-works"]
    assert page.reviewed.isoformat() == "2026-11-28" and page.source
    assert store.card("why-cancer-can-hide", "fr") is None


def test_images_are_stored_as_bytes(store):
    assert store.asset("cards/images/antibodies.svg").startswith(b"<svg")
    assert store.asset("../secrets") is None


def test_search_per_language_ignores_accents(store):
    assert [c.id for c in store.search("interleukin", "en")] == ["cytokines"]
    spanish = [c.id for c in store.search("celulas inmunitarias", "es")]
    assert "immune-cell-therapy" in spanish
    assert [c.id for c in store.search("interleucina", "es")] == ["cytokines"]
    assert store.search("interleukin", "es") == []  # English words do not match Spanish cards
    assert store.search('"; DROP TABLE cards; --', "en") == []


def test_search_matches_prefixes_as_the_patient_types(store):
    assert [c.id for c in store.search("interl", "en")] == ["cytokines"]
    assert "monoclonal-antibodies" in [c.id for c in store.search("antib", "en")]
    assert [c.id for c in store.search("INTERLEUK", "en")] == ["cytokines"]  # any case
    assert store.search("a", "en") and len(store.search("a", "en", limit=3)) == 3
    # Accents ignored both ways: typed without them, and typed where the card has none.
    assert "cytokines" in [c.id for c in store.search("citocinas", "es")]
    assert [c.id for c in store.search("interleucína", "es")] == ["cytokines"]
    assert store.search("   ", "en") == [] and store.search("'-", "en") == []
    assert store.search("OR AND NOT NEAR * ^", "en") == []  # words, never query syntax


def test_a_broad_search_lists_title_matches_first(store, monkeypatch):
    import kiosk.content.storage.store as store_module

    monkeypatch.setattr(store_module, "RANK_AT_MOST", 1)  # every search here is broad
    tiles = store.search("c", "en", limit=50)
    in_title = [t for t in tiles if any(w.startswith("c") for w in t.title.lower().split())]
    assert in_title and tiles[: len(in_title)] == in_title
    assert len({t.id for t in tiles}) == len(tiles)


def test_an_older_store_gets_the_new_search_index(tmp_path, content_dir):
    from kiosk.content.storage import schema
    from kiosk.migrations import MigrationSet

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)  # a store as the first release made it
    MigrationSet(schema.MIGRATION_SET, (schema.m001_content_tables,)).migrate(old)
    old.execute(
        "INSERT INTO cards (id, lang, section, title, summary, body_html, reviewed, "
        "source, body_text) VALUES ('x', 'en', 's', 'Old', 'Old', '', '', '', 'kept')"
    )
    old.commit()
    old.close()
    store = ContentStore(path)
    assert [c.id for c in store.search("kept", "en")] == ["x"]  # indexed by the migration
    store.replace(load_content(content_dir), origin="after the upgrade")
    assert [c.id for c in store.search("interleukin", "en")] == ["cytokines"]
    tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
    assert "cards_fts" not in tables and "card_search" in tables
    store.close()


def test_replace_is_atomic(store, content_dir):
    before = store.info()
    bundle = load_content(content_dir)
    broken = dataclasses.replace(bundle, cards=(*bundle.cards, bundle.cards[0]))  # duplicate key
    with pytest.raises(sqlite3.IntegrityError):
        store.replace(broken, origin="broken update")
    assert store.info() == before
    assert len(store.all_cards("en")) == 12


def test_replace_swaps_content_and_search_follows(store, content_dir):
    card = content_dir / "cards" / "cytokines.en.md"
    card.write_text(card.read_text().replace("interferon", "zebraphrase"))
    store.replace(load_content(content_dir), origin="test update")
    assert store.info().origin == "test update"
    assert [c.id for c in store.search("zebraphrase", "en")] == ["cytokines"]
    assert store.search("interferon", "en") == []
