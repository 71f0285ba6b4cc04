"""`kiosk sync --once`, as an admin or a cron job runs it: what changed, or why not."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys

import pytest

from kiosk.cli import main
from kiosk.content.publishing.publish import hashed_name, publish
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.settings import SyncSettings
from kiosk.content.updates.sync import sync_once
from kiosk.logs import setup_logging
from tests.content.cards import edit_card
from tests.content.repo_server import signed_targets


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
    return signed_targets(repo, 1)[path].hashes["sha256"]


@pytest.fixture
def dead_port():
    """A loopback port that refuses connections: bound, never listening, so nobody takes it."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]


def test_an_unreachable_repository_is_one_clear_line_and_exit_1(dead_port, keys, tmp_path):
    settings = SyncSettings(f"http://127.0.0.1:{dead_port}", keys / "root.json")
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_LOG_LEVEL"}
    command = [sys.executable, "-m", "kiosk", "sync", "--once"]
    command += ["--config", config_file(tmp_path, settings), "--data-dir", str(tmp_path / "k")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "update unavailable: repository cannot be reached (connection refused); "
        f"check the network and that http://127.0.0.1:{dead_port} is up"
    ]


def test_the_kiosk_log_names_the_cause_once_without_urllib3_retry_noise(dead_port, keys, tmp_path):
    stream = io.StringIO()
    try:
        setup_logging(stream=stream, environ={})
        settings = SyncSettings(f"http://127.0.0.1:{dead_port}", keys / "root.json")
        assert sync_once(settings, tmp_path / "k").outcome is Outcome.UNAVAILABLE
    finally:
        setup_logging()
    assert stream.getvalue().splitlines() == [
        "level=warning logger=kiosk.content.updates.sync "
        'msg="content update unavailable: repository cannot be reached (connection refused)"'
    ]
    assert "Retrying" not in stream.getvalue()


def test_status_reports_the_last_sync_that_sync_once_ran(
    content_dir, repo, keys, settings, kiosk_dir, tmp_path, capsys
):
    config = config_file(tmp_path, settings)
    first = publish(content_dir, repo, keys)
    assert sync(config, kiosk_dir) == 0
    capsys.readouterr()
    assert main(["status", "--config", config, "--data-dir", str(kiosk_dir)]) == 0
    rows = status_rows(capsys.readouterr().out)
    assert re.fullmatch(
        rf"\d{{4}}-\d\d-\d\d \d\d:\d\d \S+, content version {first.content_version}",
        rows["Last sync"],
    )
    assert rows["Last sync error"] == "none"
    assert main(["status", "--json", "--config", config, "--data-dir", str(kiosk_dir)]) == 0
    reported = json.loads(capsys.readouterr().out)["sync"]
    assert reported["last_success"] == reported["last_attempt"]
    assert reported["content_version"] == first.content_version
    assert reported["last_error"] is None


def test_status_reports_a_failed_sync_with_its_reason_and_the_last_success(
    content_dir, repo, keys, settings, dead_port, kiosk_dir, tmp_path, capsys
):
    publish(content_dir, repo, keys)
    assert sync(config_file(tmp_path, settings), kiosk_dir) == 0
    dead = SyncSettings(f"http://127.0.0.1:{dead_port}", settings.trusted_root)
    (tmp_path / "dead").mkdir()
    config = config_file(tmp_path / "dead", dead)
    assert sync(config, kiosk_dir) == 1
    capsys.readouterr()
    assert main(["status", "--config", config, "--data-dir", str(kiosk_dir)]) == 0
    rows = status_rows(capsys.readouterr().out)
    assert re.fullmatch(r"failed \d{4}-.+ \(last success \d{4}-.+\)", rows["Last sync"])
    assert rows["Last sync error"] == (
        "update unavailable: repository cannot be reached (connection refused)"
    )


def status_rows(text: str) -> dict[str, str]:
    """`kiosk status`'s "Label:   value" lines, by label."""
    pairs = (line.split(":", 1) for line in text.splitlines() if not line.startswith(" "))
    return {label: value.strip() for label, value in pairs}


def test_a_trickling_host_cannot_hold_sync_past_its_deadline(
    content_dir, repo, keys, settings, kiosk_dir, tmp_path, server, monkeypatch, capsys
):
    """The host answers at once, then sends a byte every 0.2 s: far inside every per-read
    timeout, and about 3 minutes for timestamp.json. The whole sync ends at its deadline."""
    import time

    from kiosk.content.updates import fetcher

    publish(content_dir, repo, keys)
    server.trickle = "timestamp.json"
    started = time.monotonic()
    result = sync_once(settings, kiosk_dir, deadline_seconds=1.5)
    assert result.outcome is Outcome.UNAVAILABLE, result
    assert "repository too slow: the sync took longer than 1.5 s" in result.reason
    assert time.monotonic() - started < 30  # without the deadline: minutes
    monkeypatch.setattr(fetcher, "SYNC_DEADLINE_SECONDS", 1.0)
    assert sync(config_file(tmp_path, settings), kiosk_dir) == 1
    assert "repository too slow: the sync took longer than 1 s" in capsys.readouterr().err
    server.trickle = None  # the host recovers: the next sync completes
    assert sync_once(settings, kiosk_dir, deadline_seconds=30).outcome is Outcome.UPDATED


def test_a_name_lookup_that_never_answers_cannot_hold_sync_past_its_deadline(
    settings, kiosk_dir, monkeypatch
):
    """The resolver stands in for name servers that never reply (a real one cannot be made
    to hang from a test): urllib3's own lookup has no deadline, the sync's does."""
    import dataclasses
    import socket
    import threading
    import time

    answer = threading.Event()
    real = socket.getaddrinfo

    def silent_resolver(host, *args, **kwargs):
        if host == "content.clinic.invalid":
            answer.wait(30)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", silent_resolver)
    nowhere = dataclasses.replace(settings, repository_url="https://content.clinic.invalid")
    started = time.monotonic()
    try:
        result = sync_once(nowhere, kiosk_dir, deadline_seconds=1.0)
    finally:
        answer.set()
    assert result.outcome is Outcome.UNAVAILABLE, result
    assert "the sync took longer than 1 s" in result.reason
    assert time.monotonic() - started < 15  # the resolver alone would take 30 s
