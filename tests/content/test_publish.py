"""Publishing: real ed25519 keys, a real repository on disk, checked with python-tuf's own API."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import stat

import pytest
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata, Root, Snapshot, Targets, Timestamp

from kiosk.cli import main
from kiosk.content.authoring.review import months_before
from kiosk.content.index import bundle_files, parse_index, signed_entries
from kiosk.content.publishing.publish import hashed_name, publish, refresh_timestamp
from kiosk.content.publishing.signing_keys import KeyProblem, create_keys, rotate_key
from kiosk.content.source.loader import ContentError
from tests.content.cards import edit_card, write_card
from tests.content.repo_server import signed_targets

NOW = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.UTC)


def load(path) -> Metadata:
    return Metadata.from_bytes(path.read_bytes())


def target_files(repo) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in (repo / "targets").rglob("*") if p.is_file()}


def test_keys_are_private_and_root_names_one_key_per_role(tmp_path):
    trusted = create_keys(tmp_path / "keys")
    assert trusted == tmp_path / "keys" / "root.json"
    for role in ("root", "targets", "snapshot", "timestamp"):
        mode = stat.S_IMODE((tmp_path / "keys" / f"{role}.pem").stat().st_mode)
        assert mode == 0o600, role
    root_md = load(trusted)
    root = root_md.signed
    assert isinstance(root, Root) and root.version == 1 and root.consistent_snapshot
    keyids = [root.roles[role].keyids[0] for role in ("root", "targets", "snapshot", "timestamp")]
    assert len(set(keyids)) == 4
    assert {root.keys[k].keytype for k in keyids} == {"ed25519"}
    root.verify_delegate("root", root_md.signed_bytes, root_md.signatures)  # self-signed
    with pytest.raises(KeyProblem, match="already holds keys"):
        create_keys(tmp_path / "keys")


def test_publish_writes_hashed_targets_and_a_signed_chain(content_dir, repo, keys):
    result = publish(content_dir, repo, keys, now=NOW)
    assert (result.targets_version, result.timestamp_version) == (1, 1)
    assert result.files == 1 + 1 + 1 + 24 + 5  # index, content.toml, glossary, cards, images, icons
    assert result.new_files == result.files
    meta = repo / "metadata"
    root = load(meta / "1.root.json").signed
    targets_md, snapshot_md, timestamp_md = (
        load(meta / "1.targets.json"),
        load(meta / "1.snapshot.json"),
        load(meta / "timestamp.json"),
    )
    for role, md in (
        ("targets", targets_md),
        ("snapshot", snapshot_md),
        ("timestamp", timestamp_md),
    ):
        root.verify_delegate(role, md.signed_bytes, md.signatures)
    assert isinstance(timestamp_md.signed, Timestamp) and isinstance(snapshot_md.signed, Snapshot)
    timestamp_md.signed.snapshot_meta.verify_length_and_hashes(
        (meta / "1.snapshot.json").read_bytes()
    )
    snapshot_md.signed.meta["targets.json"].verify_length_and_hashes(
        (meta / "1.targets.json").read_bytes()
    )
    top = targets_md.signed
    assert isinstance(top, Targets) and set(top.targets) == {"index.json"}
    assert top.expires == NOW + datetime.timedelta(days=90)
    assert timestamp_md.signed.expires == NOW + datetime.timedelta(days=7)
    bins = top.delegations.succinct_roles
    for name in bins.get_roles():  # every bin: in the snapshot, signed as targets delegates
        version = snapshot_md.signed.meta[f"{name}.json"].version
        md = load(meta / f"{version}.{name}.json")
        targets_md.signed.verify_delegate(name, md.signed_bytes, md.signatures)
        assert md.signed.expires == NOW + datetime.timedelta(days=90)
        assert all(bins.get_role_for_target(path) == name for path in md.signed.targets)
    targets = Targets(targets=signed_targets(repo, 1))
    for path, info in targets.targets.items():
        stored = repo / "targets" / hashed_name(path, info.hashes["sha256"])
        info.verify_length_and_hashes(stored.read_bytes())
    card = targets.targets["cards/cytokines.en.md"]
    assert (
        card.hashes["sha256"]
        == hashlib.sha256((content_dir / "cards" / "cytokines.en.md").read_bytes()).hexdigest()
    )


def test_index_lists_cards_sections_and_assets_with_their_hashes(content_dir, repo, keys):
    result = publish(content_dir, repo, keys, now=NOW)
    targets = load(repo / "metadata" / "1.targets.json").signed
    info = targets.targets["index.json"]
    raw = (repo / "targets" / hashed_name("index.json", info.hashes["sha256"])).read_bytes()
    document = json.loads(raw)
    assert document["digest"] == result.bundle.digest
    assert document["sections"] == ["basics", "immune-system", "treatments", "next-steps"]
    signed = signed_targets(repo, 1)  # the cards and images: signed in the bins, not the index
    assert {"cards/cytokines.en.md", "cards/cytokines.es.md"} <= set(signed)
    assert "cards/images/antibodies.svg" in signed
    index = parse_index(raw, signed_entries(signed))
    assert set(index.files) == set(signed) - {"index.json"} == set(bundle_files(result.bundle))
    for path, entry in index.files.items():
        assert signed[path].hashes["sha256"] == entry.sha256


def test_an_edit_to_one_card_signs_one_bin_anew(content_dir, repo, keys):
    publish(content_dir, repo, keys, now=NOW)
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    publish(content_dir, repo, keys, now=NOW)
    meta = repo / "metadata"
    first, second = (load(meta / f"{n}.snapshot.json").signed.meta for n in (1, 2))
    changed = {name for name, info in second.items() if first[name].version != info.version}
    top = load(meta / "2.targets.json").signed
    card_bin = top.delegations.succinct_roles.get_role_for_target("cards/cytokines.en.md")
    assert changed == {"targets.json", f"{card_bin}.json"}
    assert (meta / f"2.{card_bin}.json").is_file()


def test_publishing_the_same_content_again_adds_no_target_files(content_dir, repo, keys):
    publish(content_dir, repo, keys, now=NOW)
    first = target_files(repo)
    again = publish(content_dir, repo, keys, now=NOW + datetime.timedelta(hours=1))
    assert again.new_files == 0 and target_files(repo) == first
    assert again.targets_version == 2 and again.timestamp_version == 2
    for name in ("1.targets.json", "1.snapshot.json", "2.targets.json", "2.snapshot.json"):
        assert (repo / "metadata" / name).is_file(), name  # old versions stay for kiosks mid-walk


def test_an_edit_adds_only_the_changed_file_and_a_new_index(content_dir, repo, keys):
    publish(content_dir, repo, keys, now=NOW)
    first = target_files(repo)
    edit_card(content_dir, "cytokines.en.md", "interferon", "interferon alfa")
    result = publish(content_dir, repo, keys, now=NOW)
    added = target_files(repo) - first
    assert result.new_files == 2 and len(added) == 2
    assert any(name.endswith(".cytokines.en.md") for name in added)
    assert any(name.endswith(".index.json") for name in added)
    assert first <= target_files(repo)  # nothing deleted


def test_invalid_content_publishes_nothing(content_dir, repo, keys):
    (content_dir / "cards" / "cytokines.es.md").write_text("no front matter\n")
    with pytest.raises(ContentError):
        publish(content_dir, repo, keys, now=NOW)
    assert not (repo / "metadata").exists() and not (repo / "targets").exists()


def test_keys_that_do_not_match_the_root_publish_nothing(content_dir, repo, keys, tmp_path):
    publish(content_dir, repo, keys, now=NOW)
    before = sorted(p.name for p in (repo / "metadata").iterdir())
    create_keys(tmp_path / "other")
    shutil.copy(tmp_path / "other" / "targets.pem", keys / "targets.pem")
    with pytest.raises(KeyProblem, match=r"targets\.pem is not a targets key of root version 1"):
        publish(content_dir, repo, keys, now=NOW)
    assert sorted(p.name for p in (repo / "metadata").iterdir()) == before
    with pytest.raises(KeyProblem, match="keys of another repository"):
        publish(content_dir, repo, tmp_path / "other", now=NOW)
    rotate_key(tmp_path / "other", "root")  # a root version 2 that does not follow ours
    (tmp_path / "other" / "1.root.json").write_bytes((keys / "1.root.json").read_bytes())
    with pytest.raises(KeyProblem, match="not signed by the keys kiosks trust"):
        publish(content_dir, repo, tmp_path / "other", now=NOW)
    assert sorted(p.name for p in (repo / "metadata").iterdir()) == before


def test_refresh_timestamp_needs_only_snapshot_and_timestamp_keys(
    content_dir, repo, keys, tmp_path
):
    publish(content_dir, repo, keys, now=NOW)
    targets_before = (repo / "metadata" / "1.targets.json").read_bytes()
    online = tmp_path / "online"
    online.mkdir()
    for role in ("snapshot", "timestamp"):
        shutil.copy(keys / f"{role}.pem", online / f"{role}.pem")
    later = NOW + datetime.timedelta(days=5)
    assert refresh_timestamp(repo, online, expires_days=3, now=later) == 2
    meta = repo / "metadata"
    timestamp, snapshot = (
        load(meta / "timestamp.json").signed,
        load(meta / "2.snapshot.json").signed,
    )
    assert timestamp.expires == later + datetime.timedelta(days=3)
    assert timestamp.snapshot_meta.version == 2 and snapshot.meta["targets.json"].version == 1
    assert not (meta / "2.targets.json").exists()
    assert (meta / "1.targets.json").read_bytes() == targets_before
    (online / "timestamp.pem").unlink()
    with pytest.raises(KeyProblem, match=r"timestamp\.pem not found"):
        refresh_timestamp(repo, online, now=later)


def test_rotating_a_key_makes_a_root_signed_by_the_old_root_key(keys):
    old_root = load(keys / "1.root.json").signed
    assert rotate_key(keys, "root") == 2
    new_md = load(keys / "2.root.json")
    assert (keys / "root.json").read_bytes() == (keys / "2.root.json").read_bytes()
    old_root.verify_delegate("root", new_md.signed_bytes, new_md.signatures)  # old trusts new
    new_md.signed.verify_delegate("root", new_md.signed_bytes, new_md.signatures)
    assert stat.S_IMODE((keys / "root.pem").stat().st_mode) == 0o600
    assert (keys / "retired" / "root.v1.pem").is_file()
    assert rotate_key(keys, "targets") == 3
    third = load(keys / "3.root.json")
    with pytest.raises(UnsignedMetadataError):  # the retired root key no longer counts
        old_root.verify_delegate("root", third.signed_bytes, third.signatures)


# -- the command line ------------------------------------------------------------------------


def test_cli_keys_says_which_file_kiosks_trust(tmp_path, capsys):
    assert main(["content", "keys", str(tmp_path / "k")]) == 0
    out = capsys.readouterr().out
    assert f"give kiosks {tmp_path / 'k' / 'root.json'} as their trusted root" in out
    assert main(["content", "keys", str(tmp_path / "k")]) == 1
    assert "already holds keys" in capsys.readouterr().err


def test_cli_publish_reports_new_files_and_refuses_invalid_content(content_dir, repo, keys, capsys):
    args = ["content", "publish", str(content_dir), "--repo", str(repo), "--keys", str(keys)]
    assert main(args) == 0
    assert "as repository version 1: 32 files, 32 new" in capsys.readouterr().out
    assert main([*args, "--expires", "30"]) == 0
    assert "as repository version 2: 32 files, 0 new (0 bytes)" in capsys.readouterr().out
    (content_dir / "cards" / "cytokines.es.md").write_text("no front matter\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "error: cards/cytokines.es.md:1: must start with a '+++' line" in err
    assert "nothing was published" in err
    assert not (repo / "metadata" / "3.targets.json").exists()


def test_cli_refresh_timestamp(content_dir, repo, keys, capsys):
    main(["content", "publish", str(content_dir), "--repo", str(repo), "--keys", str(keys)])
    capsys.readouterr()
    assert main(["content", "refresh-timestamp", "--repo", str(repo), "--keys", str(keys)]) == 0
    assert "timestamp version 2" in capsys.readouterr().out


def test_validate_warns_about_old_reviews_and_one_language_cards(content_dir, tmp_path, capsys):
    today = datetime.date.today()
    long_ago = (today - datetime.timedelta(days=800)).isoformat()
    edit_card(content_dir, "cytokines.en.md", "reviewed = 2026-11-28", f"reviewed = {long_ago}")
    edit_card(content_dir, "cytokines.es.md", "reviewed = 2026-11-28", f"reviewed = {today}")
    write_card(content_dir, "only-in-english", "en", "Hello.", reviewed=today.isoformat())
    assert main(["content", "validate", str(content_dir)]) == 0
    captured = capsys.readouterr()
    assert "valid: 13 cards in 4 sections, languages en, es" in captured.out
    assert f"warning: cards/cytokines.en.md: last reviewed {long_ago}" in captured.err
    assert "cytokines.es.md: last reviewed" not in captured.err
    assert "warning: cards/only-in-english: no es version" in captured.err
    config = tmp_path / "kiosk.toml"
    config.write_text("[content]\nreview_months = 60\n")
    assert main(["content", "validate", str(content_dir), "--config", str(config)]) == 0
    assert "cytokines.en.md: last reviewed" not in capsys.readouterr().err
    assert main(["content", "validate", str(content_dir), "--review-months", "26"]) == 0
    assert "cytokines.en.md: last reviewed" in capsys.readouterr().err


def test_review_age_counts_calendar_months():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 12) == datetime.date(2025, 1, 15)
    assert months_before(datetime.date(2026, 1, 15), 1) == datetime.date(2025, 12, 15)
