"""What patients read, as counts per day only: nobody is tracked.

Four things are counted, per local day, in the staff state file (`daily_counts`):

- `visits`: the first touch after the kiosk started or after an idle reset (or a tap on the
  attract screen), i.e. one per stretch of use between two resets;
- `cards`: a card shown on screen, per card id and language (opened from anywhere: home,
  a section, a related topic or a link; not again when the card on screen is only shown
  anew in another text size or language);
- `read_aloud`: a tap on Read aloud;
- `callbacks_sent`: a callback request stored for delivery.

Each is one number that goes up; nothing records when within the day, which visit, or in
what order cards were read. The heartbeat sends the running totals of the last KEEP_DAYS
days (the hub keeps the latest it got for each day, so a repeat changes nothing), and older
days are deleted here. Counting never gets in a patient's way: a failure is logged, not
raised.
"""

from __future__ import annotations

import datetime
import logging
import sqlite3
from typing import Any

from kiosk.content.model import ID_PATTERN, LANGUAGES
from kiosk.staff.state import StaffState

log = logging.getLogger(__name__)

VISITS, CARDS, READ_ALOUD, CALLBACKS_SENT = "visits", "cards", "read_aloud", "callbacks_sent"
NAMES = (VISITS, CARDS, READ_ALOUD, CALLBACKS_SENT)
KEEP_DAYS = 7  # sent with every heartbeat; a kiosk offline longer loses its oldest days


class DailyCounts:
    """Counts for one kiosk, on the staff state's connection (use it on that thread)."""

    def __init__(self, state: StaffState, keep_days: int = KEEP_DAYS) -> None:
        self.state = state
        self.keep_days = keep_days
        self._pruned_on: str | None = None

    def visit(self) -> None:
        self.add(VISITS)

    def card_opened(self, card_id: str, lang: str) -> None:
        if ID_PATTERN.match(card_id) and lang in LANGUAGES:
            self.add(CARDS, card_id, lang)

    def read_aloud(self) -> None:
        self.add(READ_ALOUD)

    def callback_sent(self) -> None:
        self.add(CALLBACKS_SENT)

    def add(self, name: str, card: str = "", lang: str = "") -> None:
        """One more of `name` today. Never raises: a count is not worth a patient's visit."""
        if name not in NAMES:
            raise ValueError(f"unknown count {name!r}")
        day = self.today()
        prune = self._pruned_on != day  # once a day, with the day's first count
        try:
            with self.state.transaction():
                if prune:
                    self._prune(day)
                self.state.db.execute(
                    "INSERT INTO daily_counts (day, name, card, lang, count) "
                    "VALUES (?, ?, ?, ?, 1) ON CONFLICT (day, name, card, lang) "
                    "DO UPDATE SET count = count + 1",
                    [day, name, card, lang],
                )
            if prune:
                self._pruned_on = day  # committed: not before, or a failed day never prunes
        except sqlite3.Error as error:
            log.warning("could not count %s (%s)", name, type(error).__name__)

    def report(self) -> dict[str, dict[str, Any]]:
        """The last KEEP_DAYS days' running totals, for the heartbeat:

        {"2026-01-05": {"visits": 12, "read_aloud": 3, "callbacks_sent": 1,
                        "cards": {"cytokines": {"en": 5, "es": 2}}}}

        Every day present has all four keys (zero when nothing happened).
        """
        first = self._first_kept(self.today())
        rows = self.state.db.execute(
            "SELECT day, name, card, lang, count FROM daily_counts WHERE day >= ? "
            "ORDER BY day, name, card, lang",
            [first],
        )
        days: dict[str, dict[str, Any]] = {}
        for day, name, card, lang, count in rows:
            entry = days.setdefault(day, {VISITS: 0, READ_ALOUD: 0, CALLBACKS_SENT: 0, CARDS: {}})
            if name == CARDS:
                entry[CARDS].setdefault(card, {})[lang] = count
            elif name in entry:
                entry[name] = count
        return days

    def today(self) -> str:
        """The kiosk's local date: a clinic's day is the one on its wall clocks."""
        return datetime.date.fromtimestamp(self.state.clock()).isoformat()

    def _first_kept(self, day: str) -> str:
        first = datetime.date.fromisoformat(day) - datetime.timedelta(days=self.keep_days - 1)
        return first.isoformat()

    def _prune(self, day: str) -> None:
        self.state.db.execute("DELETE FROM daily_counts WHERE day < ?", [self._first_kept(day)])
