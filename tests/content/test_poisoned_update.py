"""Signed content that loads but cannot be stored must never become "last verified", and a
kiosk always starts: from its store, else the last verified copy, else the embedded content.

The hostile version is published for real (signed, on a loopback host); its one flaw is a
card order SQLite cannot hold, which validate let through when this was found and refuses now:
the tests publish it with that one limit lifted, as an older publisher would have.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.assets import default_content_dir
from kiosk.content.publishing.publish import publish
from kiosk.content.source import card_fields
from kiosk.content.source.loader import ContentError, load_content
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.first_start import open_store
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.state import SyncPaths, last_verified_content
from kiosk.content.updates.sync import sync_once
from tests.content.cards import edit_card
from tests.content.test_first_start import not_a_database

HUGE_ORDER = "order = 99999999999999999999"


def poison(content_dir: Path) -> Path:
    edit_card(content_dir, "cytokines.en.md", "order = 4", HUGE_ORDER)
    return content_dir


def publish_poisoned(content_dir: Path, repo: Path, keys: Path, monkeypatch):
    """Sign and publish the poisoned version as a publisher with an older validate would have:
    the order limit is lifted while publishing only. The kiosk's own checks stay as they are,
    which is the point: whatever a signed update holds, the kiosk must survive it."""
    with monkeypatch.context() as older_validate:
        older_validate.setattr(card_fields, "MAX_ORDER", 10**30)
        return publish(poison(content_dir), repo, keys)


def run_kiosk(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data_dir)},
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def stored_digest(kiosk_dir: Path) -> str:
    store = ContentStore(kiosk_dir / "content.db")
    try:
        return store.info().digest
    finally:
        store.close()


def test_content_that_cannot_be_stored_never_becomes_last_verified(
    content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    good = publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    bad = publish_poisoned(content_dir, repo, keys, monkeypatch)  # signed like any other
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is not Outcome.UPDATED and not result.ok
    assert stored_digest(kiosk_dir) == good.bundle.digest
    assert last_verified_content(kiosk_dir).name == good.bundle.digest != bad.bundle.digest
    # The store is then damaged: the kiosk rebuilds it from the good version.
    not_a_database(kiosk_dir / "content.db")
    open_store(kiosk_dir, default_content_dir()).close()
    assert stored_digest(kiosk_dir) == good.bundle.digest


def test_a_store_that_refuses_an_update_keeps_the_last_verified_copy(
    content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    """Whatever makes storing fail (here: a full disk), the pointer stays where it was."""
    good = publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    publish(content_dir, repo, keys)

    def full_disk(self, bundle, origin):
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(ContentStore, "replace", full_disk)
        assert sync_once(settings, kiosk_dir).outcome is Outcome.FAILED
    assert last_verified_content(kiosk_dir).name == good.bundle.digest
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED  # the disk has room again
    assert last_verified_content(kiosk_dir).name == stored_digest(kiosk_dir)


def test_a_stored_version_becomes_last_verified_after_a_cut_before_keeping_it(
    content_dir, repo, keys, settings, kiosk_dir
):
    publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    paths = SyncPaths.under(kiosk_dir)
    shutil.rmtree(paths.verified)  # as if the power went just after the store was replaced
    paths.verified_pointer.unlink()
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UP_TO_DATE
    assert last_verified_content(kiosk_dir).name == stored_digest(kiosk_dir)


def plant_poisoned_verified(content_dir: Path, kiosk_dir: Path) -> str:
    """The state an older kiosk left: `sync/verified` naming a version the store refused."""
    paths = SyncPaths.under(kiosk_dir)
    paths.make()
    try:
        digest = load_content(poison(content_dir)).digest
    except ContentError:  # a loader that refuses it: the copy is unusable all the same
        digest = "0" * 64
    shutil.copytree(content_dir, paths.verified / digest)
    paths.verified_pointer.write_text(json.dumps({"digest": digest, "version": "bad"}))
    return digest


def test_corrupt_store_and_poisoned_verified_copy_still_start(content_dir, kiosk_dir):
    kiosk_dir.mkdir()
    assert run_kiosk(kiosk_dir).returncode == 0  # a first start: the embedded content
    plant_poisoned_verified(content_dir, kiosk_dir)
    not_a_database(kiosk_dir / "content.db")
    started = run_kiosk(kiosk_dir)
    assert started.returncode == 0, started.stderr[-3000:]
    assert "cannot be used" in started.stderr and "rebuilt from the embedded" in started.stderr
    again = run_kiosk(kiosk_dir)  # and every later start too
    assert again.returncode == 0, again.stderr[-3000:]
    assert stored_digest(kiosk_dir) == load_content(default_content_dir()).digest


def test_a_fresh_kiosk_whose_first_sync_is_bad_starts_on_the_embedded_content(
    content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    publish_poisoned(content_dir, repo, keys, monkeypatch)
    assert not sync_once(settings, kiosk_dir).ok
    assert last_verified_content(kiosk_dir) is None
    started = run_kiosk(kiosk_dir)
    assert started.returncode == 0, started.stderr[-3000:]
    assert stored_digest(kiosk_dir) == load_content(default_content_dir()).digest


def test_only_a_version_the_kiosk_has_shown_is_rebuilt_from(
    content_dir, repo, keys, settings, kiosk_dir
):
    """Stored is not yet showable: until the window shows a new version, a corrupt store is
    rebuilt from the version it showed before."""
    shown = publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    started = run_kiosk(kiosk_dir)  # shows it: its first frame
    assert started.returncode == 0, started.stderr[-3000:]
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    newer = publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED  # `kiosk sync`: no window
    assert stored_digest(kiosk_dir) == newer.bundle.digest
    assert last_verified_content(kiosk_dir).name == shown.bundle.digest
    assert (SyncPaths.under(kiosk_dir).verified / newer.bundle.digest).is_dir()  # kept too
    started = run_kiosk(kiosk_dir)  # the window shows the newer version
    assert started.returncode == 0, started.stderr[-3000:]
    assert last_verified_content(kiosk_dir).name == newer.bundle.digest
    assert sorted(p.name for p in SyncPaths.under(kiosk_dir).verified.iterdir()) == [
        newer.bundle.digest
    ]
