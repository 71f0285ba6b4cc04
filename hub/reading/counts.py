"""The counts a heartbeat carries (kiosk/staff/counts.py), checked and stored per day.

    "counts": {"2026-01-05": {"visits": 12, "read_aloud": 3, "callbacks_sent": 1,
                              "cards": {"cytokines": {"en": 5, "es": 2}}}}

Each day's numbers are the kiosk's running totals, so they replace what the hub had for that
kiosk and day: a repeated heartbeat, or a later one the same day, leaves one set of rows, the
latest. Days far from the hub's date, odd card ids, languages or numbers are left out (as the
heartbeat's other odd values become blanks), never refused: the status still counts.
"""

from __future__ import annotations

import datetime
from typing import Any

from hub.intake.models import Kiosk
from hub.reading.models import DailyCount
from kiosk.content.model import ID_PATTERN, LANGUAGES

Name = DailyCount.Name
TOTALS = (Name.VISITS, Name.READ_ALOUD, Name.CALLBACKS_SENT)
DAYS_BACK = 40  # a kiosk sends 7; more is a clock gone wrong
MAX_CARDS = 2000  # card-language pairs in one day
MAX_COUNT = 10_000_000


def parse_counts(payload: Any, today: datetime.date) -> dict[datetime.date, list[DailyCount]]:
    """The rows to store for each day the payload holds (unsaved, without a kiosk)."""
    if not isinstance(payload, dict):
        return {}
    days = {}
    for text, entry in list(payload.items())[:DAYS_BACK]:
        day = _day(text, today)
        if day is None or not isinstance(entry, dict):
            continue
        rows = [
            DailyCount(day=day, name=name, count=entry[name])
            for name in TOTALS
            if _number(entry.get(name))
        ]
        cards = entry.get("cards")
        for card_id, by_lang in cards.items() if isinstance(cards, dict) else ():
            if not (isinstance(card_id, str) and len(card_id) <= 100 and ID_PATTERN.match(card_id)):
                continue
            for lang, count in by_lang.items() if isinstance(by_lang, dict) else ():
                if lang in LANGUAGES and _number(count) and len(rows) < MAX_CARDS:
                    rows.append(
                        DailyCount(day=day, name=Name.CARDS, card=card_id, lang=lang, count=count)
                    )
        days[day] = rows
    return days


def store_counts(kiosk: Kiosk, payload: Any, today: datetime.date) -> int:
    """Replace the kiosk's rows for each day in `payload`; return how many rows it has now.

    Call inside the heartbeat's transaction, after it was found to be the newest status.
    """
    days = parse_counts(payload, today)
    if not days:
        return 0
    DailyCount.objects.filter(kiosk=kiosk, day__in=list(days)).delete()
    rows = [row for day_rows in days.values() for row in day_rows]
    for row in rows:
        row.kiosk = kiosk
    DailyCount.objects.bulk_create(rows)
    return len(rows)


def _day(text: Any, today: datetime.date) -> datetime.date | None:
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    if not today - datetime.timedelta(days=DAYS_BACK) <= day <= today + datetime.timedelta(days=1):
        return None
    return day


def _number(value: Any) -> bool:
    """A count worth a row: a whole number above 0 (zeros need no row) and below the cap."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_COUNT
