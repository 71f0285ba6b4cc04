"""A kiosk whose store file was damaged starts whole: from its last verified update, or the
embedded content, and says so in the log."""

from __future__ import annotations

import logging

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.publishing.publish import publish
from kiosk.content.updates.first_start import open_store
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.sync import sync_once
from tests.content.cards import edit_card


def damage_pages(path) -> None:
    """Scribble over the middle of the file, as a failing disk or a power cut might."""
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 12] = b"\x5a" * len(data[4096 * 3 : 4096 * 12])
    path.write_bytes(bytes(data))


def not_a_database(path) -> None:
    path.write_bytes(b"not sqlite at all " * 100)


@pytest.mark.parametrize("damage", [damage_pages, not_a_database])
def test_a_corrupt_store_is_rebuilt_from_the_last_verified_update(
    damage, content_dir, repo, keys, settings, kiosk_dir, caplog
):
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    published = publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    damage(kiosk_dir / "content.db")
    with caplog.at_level(logging.WARNING, logger="kiosk.content.updates.first_start"):
        store = open_store(kiosk_dir, default_content_dir())
    try:
        info = store.info()
        assert info.digest == published.bundle.digest
        assert info.origin == "restored from the last verified update"
        assert "interferon alfa" in store.card("cytokines", "en").body_text
        assert len(store.all_cards("en")) == 12 and store.search("interferon", "en")
    finally:
        store.close()
    assert "is corrupt" in caplog.text and "restored from the last verified update" in caplog.text
    assert (kiosk_dir / "content.db.corrupt").exists()  # kept for whoever looks into it


def test_without_a_verified_update_the_embedded_content_is_used(tmp_path, caplog):
    open_store(tmp_path, default_content_dir()).close()
    damage_pages(tmp_path / "content.db")
    with caplog.at_level(logging.WARNING, logger="kiosk.content.updates.first_start"):
        store = open_store(tmp_path, default_content_dir())
    try:
        assert store.info().origin == "rebuilt from embedded content"
        assert len(store.all_cards("es")) == 12
    finally:
        store.close()
    assert "is corrupt" in caplog.text and "rebuilt from the embedded content" in caplog.text


def test_a_healthy_store_is_opened_as_it_is(tmp_path, caplog):
    first = open_store(tmp_path, default_content_dir())
    info = first.info()
    first.close()
    caplog.clear()  # only what the second opening says counts
    with caplog.at_level(logging.INFO, logger="kiosk.content.updates.first_start"):
        again = open_store(tmp_path, default_content_dir())
    assert again.info() == info
    again.close()
    assert caplog.text == ""
    assert not (tmp_path / "content.db.corrupt").exists()
