"""First start copies the embedded content's prebuilt store: the same content a load gives,
and never a store built from other files than those shipped beside it."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import sys

from kiosk.assets import default_content_dir
from kiosk.content.source.loader import load_content
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.first_start import (
    FINGERPRINT_KEY,
    PREBUILT_FILE,
    build_prebuilt,
    open_store,
    seed_fingerprint,
)
from tests.content.cards import edit_card

TABLES = {
    "sections": "id, lang",
    "cards": "id, lang",
    "assets": "path",
    "glossary": "id, lang",
    "trials": "key",
}


def rows(path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(path)
    try:
        found = {
            t: db.execute(f"SELECT * FROM {t} ORDER BY {k}").fetchall() for t, k in TABLES.items()
        }
        found["meta"] = db.execute(
            "SELECT key, value FROM content_meta WHERE key NOT IN ('loaded_at') ORDER BY key"
        ).fetchall()
        found["search"] = db.execute(
            "SELECT rowid FROM card_search WHERE card_search MATCH 'celulas' ORDER BY rowid"
        ).fetchall()
        return found
    finally:
        db.close()


def test_the_shipped_prebuilt_store_is_of_the_shipped_content():
    """After changing assets/content, run `make store` (the kiosk would load it instead)."""
    prebuilt = default_content_dir().parent / PREBUILT_FILE
    db = sqlite3.connect(f"file:{prebuilt}?mode=ro", uri=True)
    try:
        (fingerprint,) = db.execute(
            "SELECT value FROM content_meta WHERE key = ?", (FINGERPRINT_KEY,)
        ).fetchone()
    finally:
        db.close()
    assert fingerprint == seed_fingerprint(default_content_dir()), "run `make store`"


def test_first_start_copies_what_loading_would_store(tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="kiosk.content.updates.first_start"):
        copied = open_store(tmp_path / "copied", default_content_dir())
    copied.close()
    assert "first start: loaded content version" in caplog.text and "(prebuilt)" in caplog.text
    loaded = ContentStore(tmp_path / "loaded.db")
    loaded.replace(load_content(default_content_dir()), origin="first start from content")
    loaded.close()
    assert rows(tmp_path / "copied" / "content.db") == rows(tmp_path / "loaded.db")


def test_first_start_from_the_prebuilt_store_loads_no_markdown(tmp_path):
    """What makes it fast: the loader (and the Markdown it imports) stays out of it."""
    import subprocess

    code = (
        "import sys; from pathlib import Path;"
        "from kiosk.assets import default_content_dir;"
        "from kiosk.content.updates.first_start import open_store;"
        f"open_store(Path({str(tmp_path)!r}), default_content_dir()).close();"
        "print(sorted(m for m in ('markdown', 'kiosk.content.source.loader', 'sqlite_utils')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_prebuilt_store_of_other_files_is_not_used(content_dir, tmp_path, caplog):
    build_prebuilt(content_dir)  # of the content as it is now ...
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")  # ... not now
    with caplog.at_level(logging.WARNING, logger="kiosk.content.updates.first_start"):
        store = open_store(tmp_path / "kiosk", content_dir)
    try:
        assert "interferon alfa" in store.card("cytokines", "en").body_text
        assert store.info().digest == load_content(content_dir).digest
    finally:
        store.close()
    assert "not of" in caplog.text


def test_a_damaged_prebuilt_store_is_not_used_and_leaves_nothing_half_copied(
    content_dir, tmp_path, caplog
):
    prebuilt = build_prebuilt(content_dir)
    prebuilt.write_bytes(b"not sqlite at all " * 100)
    with caplog.at_level(logging.WARNING, logger="kiosk.content.updates.first_start"):
        store = open_store(tmp_path / "kiosk", content_dir)
    try:
        assert len(store.all_cards("en")) == 12
        assert store.info().digest == load_content(content_dir).digest
    finally:
        store.close()
    assert "cannot be used" in caplog.text


def test_a_copy_of_the_folder_without_its_prebuilt_store_loads_as_before(tmp_path):
    seed = tmp_path / "content"
    shutil.copytree(default_content_dir(), seed)
    store = open_store(tmp_path / "kiosk", seed)
    try:
        assert store.info().digest == load_content(seed).digest
    finally:
        store.close()
