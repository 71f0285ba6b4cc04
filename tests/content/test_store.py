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
    assert rows == [("m001_content_tables",), ("m002_trials",)]
    ContentStore(store.path).close()
    assert store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone() == (2,)


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
