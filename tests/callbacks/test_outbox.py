"""The outbox file: durable submits, reference codes, counts without personal data, expiry."""

from __future__ import annotations

import sqlite3
import stat

from kiosk.callbacks import outbox_schema
from kiosk.callbacks.outbox import Outbox, OutboxCounts
from kiosk.callbacks.reference import ALPHABET, is_reference, new_idempotency_key, new_reference
from kiosk.callbacks.request import CallbackRequest
from tests.callbacks.conftest import NAME, REQUEST


def test_a_submit_is_on_disk_when_it_returns(outbox, outbox_path):
    reference = outbox.submit(REQUEST, "lobby-1")
    other = sqlite3.connect(outbox_path)  # another connection, as another process would
    try:
        row = other.execute(
            "SELECT status, first_name, phone, kiosk_id, idempotency_key FROM outbox "
            "WHERE reference = ?",
            [reference],
        ).fetchone()
    finally:
        other.close()
    assert row[:4] == ("pending", NAME, "+12025550123", "lobby-1")
    assert row[4].startswith(reference + "-") and len(row[4]) == 6 + 1 + 32


def test_the_connection_is_set_up_for_safety(outbox, outbox_path):
    pragma = {
        name: outbox.db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "secure_delete")
    }
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "secure_delete": 1}  # 2 = FULL
    outbox.submit(REQUEST, "lobby-1")
    for path in outbox_path.parent.glob("callbacks.db*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_reference_codes_are_easy_to_read():
    assert not set("0O1IL") & set(ALPHABET)
    codes = {new_reference() for _ in range(500)}
    assert len(codes) == 500 and all(is_reference(code) for code in codes)
    assert new_idempotency_key("7KX4QM") != new_idempotency_key("7KX4QM")


def test_a_reference_already_used_is_drawn_again(outbox_path, clock):
    draws = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    outbox = Outbox(outbox_path, clock, new_reference=lambda: next(draws))
    try:
        assert outbox.submit(REQUEST, "lobby-1") == "AAAAAA"
        assert outbox.submit(REQUEST, "lobby-1") == "BBBBBB"
    finally:
        outbox.close()


def test_counts_and_the_oldest_pending_age(outbox, clock):
    assert outbox.counts() == OutboxCounts(0, 0, 0, 0, None)
    outbox.submit(REQUEST, "lobby-1")
    clock.advance(90)
    done = outbox.due(clock.now)[0]
    outbox.submit(REQUEST, "lobby-1")
    outbox.mark_delivered(done.id, clock.now)
    clock.advance(30)
    assert outbox.counts() == OutboxCounts(1, 1, 0, 0, 30.0)
    assert NAME not in repr(outbox.counts())


def test_expiry_erases_pending_and_failed_but_not_delivered(outbox, clock):
    for _ in range(3):
        outbox.submit(REQUEST, "lobby-1")
    _, second, third = outbox.due(clock.now)
    outbox.mark_failed(second.id, clock.now, "HTTP 400")
    outbox.mark_delivered(third.id, clock.now)
    clock.advance(10)
    assert outbox.expire(clock.now - 10, clock.now) == 2
    assert outbox.counts() == OutboxCounts(0, 1, 0, 2, None)
    names = outbox.db.execute("SELECT first_name, phone, topic FROM outbox").fetchall()
    assert names == [(None, None, None)] * 3


def test_reopening_keeps_everything_and_migrates_nothing(outbox_path, clock):
    first = Outbox(outbox_path, clock)
    reference = first.submit(REQUEST, "lobby-1")
    first.close()
    again = Outbox(outbox_path, clock)
    try:
        assert outbox_schema.is_current(again.db)
        assert again.due(clock.now)[0].reference == reference
        assert again.due(clock.now)[0].request == REQUEST
    finally:
        again.close()


def test_names_that_look_like_sql_are_stored_as_typed(outbox, clock):
    request = CallbackRequest("O'Drop Table-Test", "+12025550123", "any", "en", "")
    outbox.submit(request, "lobby'; --")
    (row,) = outbox.due(clock.now)
    assert row.request == request and row.kiosk_id == "lobby'; --"
    assert outbox.counts().pending == 1
