"""`kiosk outbox status` and `retry-failed`, as staff run them: counts, never personal data."""

from __future__ import annotations

import json

from kiosk.callbacks.outbox import Outbox
from kiosk.cli import main
from tests.callbacks.conftest import NAME, REQUEST, SECRET


def fill(folder, clock) -> list[str]:
    """One request in each state: expired, delivered, failed and pending."""
    outbox = Outbox(folder / "callbacks.db", clock)
    try:
        references = [outbox.submit(REQUEST, "lobby-1")]
        outbox.expire(clock.now, clock.now)
        clock.advance(10)
        references += [outbox.submit(REQUEST, "lobby-1") for _ in range(3)]
        delivered, failed, _ = outbox.due(clock.now)
        outbox.mark_delivered(delivered.id, clock.now)
        outbox.mark_failed(failed.id, clock.now, "HTTP 400")
    finally:
        outbox.close()
    return references


def test_status_prints_counts_and_nothing_personal(tmp_path, clock, capsys):
    references = fill(tmp_path, clock)
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[callbacks]\nendpoint = "https://callbacks.example.org/in?token=abc"\n'
        f'secret = "{SECRET}"\n'
    )
    assert main(["outbox", "status", "--data-dir", str(tmp_path), "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "pending: 1\ndelivered: 1\nfailed: 1\nexpired: 1\n" in out
    assert "oldest pending: " in out and "oldest pending: none" not in out
    assert "delivery: https://callbacks.example.org\n" in out  # no path, no token
    for secret in (NAME, "0123", "token", SECRET[6:], *references):
        assert secret not in out


def test_status_as_json_without_an_endpoint(tmp_path, clock, capsys):
    fill(tmp_path, clock)
    assert main(["outbox", "status", "--json", "--data-dir", str(tmp_path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["pending"], record["failed"], record["expired"]) == (1, 1, 1)
    assert record["oldest_pending_age_seconds"] is not None
    assert "callbacks.endpoint is empty" in record["problem"]


def test_status_of_a_kiosk_that_never_had_a_request(tmp_path, capsys):
    assert main(["outbox", "status", "--data-dir", str(tmp_path / "fresh")]) == 0
    assert "pending: 0" in capsys.readouterr().out
    assert not (tmp_path / "fresh").exists()  # looking creates nothing


def test_retry_failed_queues_them_again(tmp_path, clock, capsys):
    fill(tmp_path, clock)
    assert main(["outbox", "retry-failed", "--data-dir", str(tmp_path)]) == 0
    assert "queued again: 1" in capsys.readouterr().out
    main(["outbox", "status", "--data-dir", str(tmp_path)])
    assert "pending: 2\n" in capsys.readouterr().out
