"""Per-day counts in the staff state file: numbers only, kept across restarts, pruned."""

from __future__ import annotations

import datetime
import sqlite3

from kiosk.config import Config
from kiosk.health.status import collect_status, status_json
from kiosk.staff.counts import KEEP_DAYS, DailyCounts
from kiosk.staff.state import STATE_FILE, StaffState

DAY = 86_400


def today(clock) -> str:
    return datetime.date.fromtimestamp(clock.now).isoformat()


def test_counts_add_up_per_day_card_and_language(state, clock):
    counts = DailyCounts(state)
    counts.visit()
    counts.visit()
    counts.card_opened("cytokines", "en")
    counts.card_opened("cytokines", "en")
    counts.card_opened("cytokines", "es")
    counts.card_opened("why-cancer-can-hide", "en")
    counts.read_aloud()
    counts.callback_sent()
    assert counts.report() == {
        today(clock): {
            "visits": 2,
            "read_aloud": 1,
            "callbacks_sent": 1,
            "cards": {"cytokines": {"en": 2, "es": 1}, "why-cancer-can-hide": {"en": 1}},
        }
    }


def test_odd_card_ids_and_languages_are_not_counted(state):
    counts = DailyCounts(state)
    counts.card_opened("../etc", "en")
    counts.card_opened("cytokines", "fr")
    assert counts.report() == {}


def test_counts_survive_a_restart(data_dir, clock):
    with StaffState(data_dir / STATE_FILE, clock) as first:
        DailyCounts(first).visit()
    with StaffState(data_dir / STATE_FILE, clock) as again:
        counts = DailyCounts(again)
        counts.visit()
        assert counts.report()[today(clock)]["visits"] == 2


def test_a_new_day_starts_at_zero_and_old_days_are_deleted(state, clock):
    counts = DailyCounts(state)
    counts.visit()
    first_day = today(clock)
    clock.advance(DAY)
    counts.read_aloud()
    report = counts.report()
    assert report[first_day]["visits"] == 1 and report[today(clock)]["visits"] == 0
    assert report[today(clock)]["read_aloud"] == 1
    clock.advance(KEEP_DAYS * DAY)
    counts.visit()  # the first count of a day prunes
    assert list(counts.report()) == [today(clock)]
    days = {row[0] for row in state.db.execute("SELECT day FROM daily_counts")}
    assert days == {today(clock)}


def test_a_count_that_cannot_be_written_does_not_raise(state, caplog):
    counts = DailyCounts(state)
    state.db.execute("DROP TABLE daily_counts")
    counts.visit()  # logged, not raised
    assert "could not count visits (OperationalError)" in caplog.text
    assert isinstance(state.db, sqlite3.Connection)


def test_the_status_carries_the_counts_for_the_heartbeat(data_dir, state, clock):
    counts = DailyCounts(state)
    counts.card_opened("cytokines", "es")
    status = collect_status(Config(), data_dir, state, counts=counts.report, now=clock.now)
    assert status.counts[today(clock)]["cards"] == {"cytokines": {"es": 1}}
    assert status_json(status)["counts"][today(clock)]["visits"] == 0
    assert collect_status(Config(), data_dir, state, now=clock.now).counts is None
