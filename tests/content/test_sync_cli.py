"""`kiosk sync --once`, as an admin or a cron job runs it: what changed, or why not."""

from __future__ import annotations

from kiosk.cli import main
from kiosk.content.publish import hashed_name, publish
from tests.content.cards import edit_card


def config_file(tmp_path, settings) -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        "[sync]\n"
        f'repository_url = "{settings.repository_url}"\n'
        f'trusted_root = "{settings.trusted_root}"\n'
    )
    return str(path)


def sync(config, kiosk_dir) -> int:
    return main(["sync", "--once", "--config", config, "--data-dir", str(kiosk_dir)])


def test_sync_once_prints_what_changed(
    content_dir, repo, keys, settings, kiosk_dir, tmp_path, capsys
):
    config = config_file(tmp_path, settings)
    first = publish(content_dir, repo, keys)
    assert sync(config, kiosk_dir) == 0
    out = capsys.readouterr().out
    assert f"updated to content version {first.content_version}; first signed version" in out
    edit_card(content_dir, "cytokines.es.md", "interferón", "interferón alfa")
    second = publish(content_dir, repo, keys)
    assert sync(config, kiosk_dir) == 0
    out = capsys.readouterr().out
    assert (
        f"updated to content version {second.content_version} (was {first.content_version})" in out
    )
    assert "changed: cytokines.es; fetched 2 file(s)" in out
    assert sync(config, kiosk_dir) == 0
    assert f"up to date: content version {second.content_version}" in capsys.readouterr().out


def test_sync_once_fails_with_the_reason(
    content_dir, repo, keys, settings, kiosk_dir, tmp_path, capsys
):
    config = config_file(tmp_path, settings)
    publish(content_dir, repo, keys)
    toml = repo / "targets" / hashed_name("content.toml", _sha(repo, "content.toml"))
    toml.write_bytes(toml.read_bytes().replace(b"basics", b"BASICS"))  # same length
    assert sync(config, kiosk_dir) == 1
    assert "update rejected: hash or length mismatch" in capsys.readouterr().err
    assert not (kiosk_dir / "content.db").exists()  # nothing was applied, not even a blank store


def test_sync_needs_a_repository_and_once(tmp_path, capsys):
    assert main(["sync", "--once", "--data-dir", str(tmp_path)]) == 2
    assert "sync.repository_url is empty" in capsys.readouterr().err
    assert main(["sync", "--data-dir", str(tmp_path)]) == 2
    assert "only --once is supported" in capsys.readouterr().err


def _sha(repo, path) -> str:
    from tuf.api.metadata import Metadata

    targets = Metadata.from_bytes((repo / "metadata" / "1.targets.json").read_bytes())
    return targets.signed.targets[path].hashes["sha256"]
