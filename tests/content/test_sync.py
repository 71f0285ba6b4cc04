"""Syncing a kiosk from a real repository on a real loopback web host, with real signatures.

Every attack the issue names is staged against the repository files on the host, the way an
attacker who controls the host (or the network) would, and each must leave the kiosk's
content exactly as it was.
"""

from __future__ import annotations

import datetime
import socket
import sqlite3

import pytest
from tuf.api.metadata import Metadata

from kiosk.content.index import Changes
from kiosk.content.publishing.publish import hashed_name, publish
from kiosk.content.publishing.signing_keys import create_keys, rotate_key
from kiosk.content.source import loader
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.settings import SyncConfigError, SyncSettings, check_repository_url
from kiosk.content.updates.state import SyncPaths, last_verified_content, read_sync_state
from kiosk.content.updates.sync import sync_once
from tests.content.cards import edit_card, write_card, write_image
from tests.content.repo_server import signed_targets


def content_of(kiosk_dir) -> dict:
    """Every row the UI could read, and the store's own record of its version and load time."""
    db = sqlite3.connect(kiosk_dir / "content.db")
    try:
        tables = {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("cards", "sections", "content_meta")
        }
        tables["assets"] = db.execute("SELECT * FROM assets ORDER BY 1").fetchall()
    finally:
        db.close()
    return tables


def card_body(kiosk_dir, card_id, lang) -> str | None:
    store = ContentStore(kiosk_dir / "content.db")
    try:
        page = store.card(card_id, lang)
        return page.body_text if page else None
    finally:
        store.close()


def targets_of(repo, version: int) -> dict[str, str]:
    """path -> sha256 of one published version."""
    return {path: info.hashes["sha256"] for path, info in signed_targets(repo, version).items()}


def target_file(repo, version: int, path: str):
    return repo / "targets" / hashed_name(path, targets_of(repo, version)[path])


@pytest.fixture
def v1(content_dir, repo, keys):
    """Version 1: the shipped cards plus one (waiting-room) that version 2 deletes."""
    for lang in ("en", "es"):
        write_card(content_dir, "waiting-room", lang, f"While you wait ({lang}).")
    return publish(content_dir, repo, keys)


@pytest.fixture
def synced(v1, settings, kiosk_dir, server):
    """A kiosk that has applied version 1; returns its content, to compare after an attack."""
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    server.take_requests()
    return content_of(kiosk_dir)


def make_v2(content_dir, repo, keys, **kwargs):
    """One card edited, one added (with a new image), one deleted."""
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    write_image(content_dir, "side-effects.svg")
    for lang in ("en", "es"):
        write_card(
            content_dir, "side-effects", lang, f"![A chart, {lang}](images/side-effects.svg)"
        )
        (content_dir / "cards" / f"waiting-room.{lang}.md").unlink()
    return publish(content_dir, repo, keys, **kwargs)


def assert_rejected(result, words, kiosk_dir, before):
    assert result.outcome is Outcome.REJECTED, result
    assert words in result.reason
    assert content_of(kiosk_dir) == before  # not a row changed, not even the load time
    state = read_sync_state(kiosk_dir)
    assert words in state.last_error.describe() and state.last_success is not None


# -- updates that verify ---------------------------------------------------------------------


def test_first_sync_applies_the_published_version(v1, settings, kiosk_dir, server):
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED and result.version == v1.content_version
    assert result.changes.first and result.fetched_files == v1.files == 34
    store = ContentStore(kiosk_dir / "content.db")
    info = store.info()
    assert info.digest == v1.bundle.digest and info.origin == f"signed update from {settings.host}"
    assert len(store.all_cards("es")) == 13 and store.card("waiting-room", "en") is not None
    assert store.asset("cards/images/antibodies.svg").startswith(b"<svg")
    store.close()
    state = read_sync_state(kiosk_dir)
    assert state.last_success and state.last_error is None
    assert state.content_version == v1.content_version
    assert last_verified_content(kiosk_dir).name == v1.bundle.digest
    server.take_requests()
    again = sync_once(settings, kiosk_dir)
    assert again.outcome is Outcome.UP_TO_DATE
    assert [r for r in server.take_requests() if r.startswith("/targets/")] == []


def test_delta_sync_fetches_and_applies_exactly_what_changed(
    synced, content_dir, repo, keys, settings, kiosk_dir, server
):
    make_v2(content_dir, repo, keys)
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED
    assert result.changes == Changes(
        added=("cards/images/side-effects.svg", "side-effects.en", "side-effects.es"),
        changed=("cytokines.en",),
        removed=("waiting-room.en", "waiting-room.es"),
    )
    old, new = targets_of(repo, 1), targets_of(repo, 2)
    fresh = {f"/targets/{hashed_name(p, sha)}" for p, sha in new.items() if old.get(p) != sha}
    assert len(fresh) == 5  # index.json, cytokines.en, side-effects.en/.es, the image
    requested = server.take_requests()
    assert {r for r in requested if r.startswith("/targets/")} == fresh
    assert len([r for r in requested if r.startswith("/targets/")]) == 5  # none twice
    assert result.fetched_files == 5
    assert "interferon alfa" in card_body(kiosk_dir, "cytokines", "en")
    assert "interferon alfa" not in card_body(kiosk_dir, "cytokines", "es")
    assert card_body(kiosk_dir, "waiting-room", "en") is None
    assert card_body(kiosk_dir, "side-effects", "es") is not None
    after = content_of(kiosk_dir)
    unchanged = [row for row in after["cards"] if row[0] not in {"cytokines", "side-effects"}]
    assert unchanged == [
        row for row in synced["cards"] if row[0] not in {"cytokines", "waiting-room"}
    ]
    assert ("cards/images/side-effects.svg",) in {(row[0],) for row in after["assets"]}
    cache = {p.name for p in SyncPaths.under(kiosk_dir).cache.iterdir()}
    assert cache == set(new.values())  # files of version 1 only are dropped


class RenderCount:
    """Counts the loader's real renders (each still runs): what a sync renders again."""

    def __init__(self, monkeypatch) -> None:
        self.bodies: list[str] = []
        real = loader.render_markdown

        def counted(source: str, base: str = ""):
            self.bodies.append(source)
            return real(source, base)

        monkeypatch.setattr(loader, "render_markdown", counted)


def test_a_delta_sync_renders_only_the_cards_that_changed(
    synced, content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    renders = RenderCount(monkeypatch)
    v2 = make_v2(content_dir, repo, keys)  # publishing renders every card, as validate does
    renders.bodies.clear()
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    assert len(renders.bodies) == 3  # cytokines.en edited, side-effects.en and .es new
    assert all("interferon alfa" in b or "side-effects.svg" in b for b in renders.bodies)
    # What was reused is exactly what rendering everything afresh gives.
    store = ContentStore(kiosk_dir / "content.db")
    try:
        for card in v2.bundle.cards:
            page = store.card(card.id, card.lang)
            assert (page.body_html, page.body_text) == (card.body_html, card.body_text)
    finally:
        store.close()


def test_a_delta_sync_parses_only_the_card_files_that_changed(
    synced, content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    from tests.content.test_delta_load import Parses

    v2 = make_v2(content_dir, repo, keys)
    parses = Parses(monkeypatch)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    assert parses.count == 3  # cytokines.en edited, side-effects.en and .es new
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert set(store.stored_cards().values()) == set(v2.bundle.cards)
        assert store.info().digest == v2.bundle.digest
    finally:
        store.close()


def test_bodies_rendered_by_another_renderer_are_rendered_again(
    synced, content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    """After an app update the renderer may differ (a stricter allowlist): reuse nothing."""
    db = sqlite3.connect(kiosk_dir / "content.db")
    with db:
        db.execute("UPDATE content_meta SET value = 'older' WHERE key = 'renderer'")
    db.close()
    v2 = make_v2(content_dir, repo, keys)
    renders = RenderCount(monkeypatch)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    assert len(renders.bodies) == len(v2.bundle.cards)


def test_a_rotated_key_reaches_a_kiosk_that_trusts_the_old_root(
    synced, content_dir, repo, keys, settings, kiosk_dir
):
    rotate_key(keys, "root")
    rotate_key(keys, "timestamp")
    make_v2(content_dir, repo, keys)
    result = sync_once(settings, kiosk_dir)  # still bootstrapped with root version 1
    assert result.outcome is Outcome.UPDATED, result.reason
    trusted = Metadata.from_file(str(SyncPaths.under(kiosk_dir).metadata / "root.json"))
    assert trusted.signed.version == 3
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UP_TO_DATE  # the chain persists


# -- updates that must be rejected -------------------------------------------------------------


def test_a_tampered_target_is_rejected(synced, content_dir, repo, keys, settings, kiosk_dir):
    make_v2(content_dir, repo, keys)
    card = target_file(repo, 2, "cards/cytokines.en.md")
    card.write_bytes(card.read_bytes().replace(b"alfa", b"beta"))  # same length, other bytes
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "hash or length mismatch", kiosk_dir, synced)
    assert card.name.split(".")[0] not in {
        p.name for p in SyncPaths.under(kiosk_dir).cache.iterdir()
    }


def test_a_replayed_old_timestamp_is_rejected(v1, content_dir, repo, keys, settings, kiosk_dir):
    old_timestamp = (repo / "metadata" / "timestamp.json").read_bytes()
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    make_v2(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    before = content_of(kiosk_dir)
    (repo / "metadata" / "timestamp.json").write_bytes(old_timestamp)
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "older version than this kiosk has seen", kiosk_dir, before)


def test_expired_metadata_is_rejected(synced, content_dir, repo, keys, settings, kiosk_dir):
    long_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=200)
    make_v2(content_dir, repo, keys, now=long_ago)
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "expired metadata", kiosk_dir, synced)


def test_metadata_signed_with_the_wrong_key_is_rejected(
    synced, content_dir, keys, settings, kiosk_dir, server, tmp_path
):
    impostor = tmp_path / "impostor-keys"
    create_keys(impostor)
    fake = tmp_path / "fake-repo"
    make_v2(content_dir, fake, impostor)
    server.folder = fake  # the host (or someone between) now serves a repository of its own
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "bad signature or wrong key", kiosk_dir, synced)


def test_a_huge_target_is_rejected_without_reading_it_all(
    synced, content_dir, repo, keys, settings, kiosk_dir
):
    make_v2(content_dir, repo, keys)
    target_file(repo, 2, "cards/cytokines.en.md").write_bytes(b"x" * 5_000_000)
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "oversize download", kiosk_dir, synced)


def test_a_huge_timestamp_is_rejected(synced, repo, settings, kiosk_dir):
    (repo / "metadata" / "timestamp.json").write_bytes(b" " * 200_000)
    result = sync_once(settings, kiosk_dir)
    assert_rejected(result, "oversize download", kiosk_dir, synced)


def test_no_network_keeps_the_content_and_reports_it(synced, keys, kiosk_dir):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = sync_once(SyncSettings(f"http://127.0.0.1:{port}", keys / "root.json"), kiosk_dir)
    assert result.outcome is Outcome.UNAVAILABLE and "cannot be reached" in result.reason
    assert content_of(kiosk_dir) == synced
    assert "cannot be reached" in read_sync_state(kiosk_dir).last_error.describe()


def test_a_missing_trusted_root_refuses_every_update(v1, settings, kiosk_dir, tmp_path):
    unprovisioned = SyncSettings(settings.repository_url, tmp_path / "nowhere" / "root.json")
    result = sync_once(unprovisioned, kiosk_dir)
    assert result.outcome is Outcome.FAILED and "sync.trusted_root" in result.reason
    assert not (kiosk_dir / "content.db").exists()


# -- settings ---------------------------------------------------------------------------------


def test_settings_need_https_and_a_trusted_root():
    from kiosk.config import Config

    assert SyncSettings.from_config(Config()) is None
    on = Config().replace(sync__repository_url="https://cdn.example.org/kiosk/")
    with pytest.raises(SyncConfigError, match="trusted_root is empty"):
        SyncSettings.from_config(on)
    settings = SyncSettings.from_config(on.replace(sync__trusted_root="~/root.json"))
    assert settings.metadata_url == "https://cdn.example.org/kiosk/metadata/"
    assert settings.targets_url == "https://cdn.example.org/kiosk/targets/"
    assert check_repository_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    with pytest.raises(SyncConfigError, match="https://"):
        check_repository_url("http://cdn.example.org/kiosk")


def test_an_update_touching_one_card_fetches_one_bin(
    synced, content_dir, repo, keys, settings, kiosk_dir, server
):
    server.take_requests()
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    publish(content_dir, repo, keys)
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED and result.changes.changed == ("cytokines.en",)
    requested = server.take_requests()
    bins = [r for r in requested if ".bins-" in r]
    targets = [r for r in requested if r.startswith("/targets/")]
    assert len(bins) == 1 and bins[0].startswith("/metadata/2.bins-")
    assert len(targets) == 2 and any(r.endswith(".cytokines.en.md") for r in targets)
    assert "interferon alfa" in card_body(kiosk_dir, "cytokines", "en")


def test_a_glossary_update_relinks_the_cards_without_rendering_them(
    synced, content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    renders = RenderCount(monkeypatch)
    path = content_dir / "glossary.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[terms]]\nid = "residual"')
    path.write_text(text[:start], encoding="utf-8")  # residual, adjunct, vaccine taken out
    publish(content_dir, repo, keys)
    renders.bodies.clear()
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED and "glossary.toml" in result.changes.changed
    assert renders.bodies == []  # every body reused, only its term links made again
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert store.definition("adjunct", "en") is None
        assert store.definition("antigen", "en") is not None
        assert "term:adjunct" not in store.card("cytokines", "en").body_html
        assert "term:antigen" in store.card("why-cancer-can-hide", "en").body_html
    finally:
        store.close()


def test_a_one_card_update_verifies_only_the_bin_that_changed(
    synced, content_dir, repo, keys, settings, kiosk_dir, monkeypatch
):
    """The other bins are at the versions they had when the last version was kept: their
    files come from the kept listing instead of being loaded and verified one by one."""
    from tuf.ngclient import Updater

    loaded = []
    real = Updater._load_targets

    def counted(self, role, parent_role):
        loaded.append(role)
        return real(self, role, parent_role)

    monkeypatch.setattr(Updater, "_load_targets", counted)
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    publish(content_dir, repo, keys)
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED and result.changes.changed == ("cytokines.en",)
    assert [role for role in loaded if role.startswith("bins-")] == [
        next(role for role in loaded if role.startswith("bins-"))
    ]
    assert "interferon alfa" in card_body(kiosk_dir, "cytokines", "en")
    # And the next update, after this one was kept, again loads only its own bin.
    loaded.clear()
    edit_card(content_dir, "cytokines.es.md", "interferón", "interferón alfa")
    publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    assert len([role for role in loaded if role.startswith("bins-")]) == 1


def test_a_kept_listing_that_lies_is_not_believed(
    synced, content_dir, repo, keys, settings, kiosk_dir
):
    """Someone with the kiosk's disk (or a damaged one) swaps an unchanged card's hash in
    the kept listing, and the listing's own hash in the pointer: what the loader reads then
    does not give the digest the signed index.json names, so the sync checks the update
    again against every bin, and applies the true files."""
    import hashlib
    import json

    paths = SyncPaths.under(kiosk_dir)
    listing = json.loads(paths.listing.read_bytes())
    files = listing["files"]
    true_es = files["cards/cytokines.es.md"]
    files["cards/cytokines.es.md"] = dict(files["cards/cytokines.en.md"])  # cached bytes
    data = json.dumps(listing, sort_keys=True, separators=(",", ":")).encode()
    paths.listing.write_bytes(data)
    pointer = json.loads(paths.verified_pointer.read_text())
    pointer["listing_sha256"] = hashlib.sha256(data).hexdigest()
    paths.verified_pointer.write_text(json.dumps(pointer))
    spanish = card_body(kiosk_dir, "cytokines", "es")
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    v2 = publish(content_dir, repo, keys)
    result = sync_once(settings, kiosk_dir)
    assert result.outcome is Outcome.UPDATED
    assert "interferon alfa" in card_body(kiosk_dir, "cytokines", "en")
    assert card_body(kiosk_dir, "cytokines", "es") == spanish  # not the English bytes
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert store.info().digest == v2.bundle.digest
    finally:
        store.close()
    kept = json.loads(paths.listing.read_bytes())["files"]
    assert kept["cards/cytokines.es.md"] == true_es  # the listing kept now is the true one


def test_a_cached_file_damaged_since_it_was_verified_is_fetched_again(
    synced, content_dir, repo, keys, settings, kiosk_dir
):
    import json

    paths = SyncPaths.under(kiosk_dir)
    unchanged = json.loads(paths.listing.read_bytes())["files"]["cards/cytokines.es.md"]
    cached = paths.cache / unchanged["sha256"]
    cached.write_bytes(cached.read_bytes().replace(b"citocinas", b"CITOCINAS"))
    assert b"CITOCINAS" in cached.read_bytes()  # damaged on disk, its name still its old hash
    spanish = card_body(kiosk_dir, "cytokines", "es")
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    assert card_body(kiosk_dir, "cytokines", "es") == spanish
    assert b"CITOCINAS" not in cached.read_bytes()
