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
import hashlib
import json
from typing import Any

from django.db import connection

from hub.intake.models import Kiosk
from hub.reading.models import CountedDay, DailyCount
from kiosk.content.model import ID_PATTERN, LANGUAGES

Name = DailyCount.Name
TOTALS = (Name.VISITS, Name.READ_ALOUD, Name.CALLBACKS_SENT)
DAYS_BACK = 40  # a kiosk sends 7; more is a clock gone wrong
MAX_CARDS = 2000  # card-language pairs in one day
MAX_COUNT = 10_000_000
CHUNK = 150  # rows per INSERT: 900 parameters, under every SQLite's limit


Row = tuple[str, str, str, int]  # name, card, lang, count


def parse_counts(payload: Any, today: datetime.date) -> dict[datetime.date, list[Row]]:
    """The rows to store for each day the payload holds, in a stable order."""
    return {day: _rows(entry) for day, entry in _entries(payload, today).items()}


def _entries(payload: Any, today: datetime.date) -> dict[datetime.date, dict]:
    if not isinstance(payload, dict):
        return {}
    entries = {}
    for text, entry in list(payload.items())[:DAYS_BACK]:
        day = _day(text, today)
        if day is not None and isinstance(entry, dict):
            entries[day] = entry
    return entries


def _rows(entry: dict) -> list[Row]:
    rows = [(str(name), "", "", entry[name]) for name in TOTALS if _number(entry.get(name))]
    cards = entry.get("cards")
    for card_id, by_lang in cards.items() if isinstance(cards, dict) else ():
        if not (isinstance(card_id, str) and len(card_id) <= 100 and ID_PATTERN.match(card_id)):
            continue
        for lang, count in by_lang.items() if isinstance(by_lang, dict) else ():
            if lang in LANGUAGES and _number(count) and len(rows) < MAX_CARDS:
                rows.append((str(Name.CARDS), card_id, lang, count))
    return sorted(rows)


def store_counts(kiosk: Kiosk, payload: Any, today: datetime.date) -> int:
    """Make the kiosk's rows for each day in `payload` what it says; return rows written.

    Call inside the heartbeat's transaction, after it was found to be the newest status.
    A kiosk sends its last 7 days every time and usually only today changed: a day whose
    fingerprint matches what was stored last is left alone; a changed one is rewritten
    (its old rows deleted, the new ones inserted 150 to a statement, no model objects).
    """
    days = parse_counts(payload, today)
    if not days:
        return 0
    prints = {day: _fingerprint(rows) for day, rows in days.items()}
    stored = dict(
        CountedDay.objects.filter(kiosk=kiosk, day__in=list(days)).values_list("day", "fingerprint")
    )
    changed = [day for day in days if stored.get(day) != prints[day]]
    if not changed:
        return 0
    DailyCount.objects.filter(kiosk=kiosk, day__in=changed).delete()
    table = connection.ops.quote_name(DailyCount._meta.db_table)
    rows = [(kiosk.pk, day, *row) for day in changed for row in days[day]]
    with connection.cursor() as cursor:  # one statement per chunk: a round trip, not a row
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (kiosk_id, day, name, card, lang, count) VALUES {values}",
                [value for row in chunk for value in row],
            )
    CountedDay.objects.bulk_create(
        [CountedDay(kiosk=kiosk, day=day, fingerprint=prints[day]) for day in changed],
        update_conflicts=True,
        unique_fields=["kiosk", "day"],
        update_fields=["fingerprint"],
    )
    return len(rows)


def _fingerprint(entry: dict) -> str:
    """The day as sent, canonical: the same numbers give the same print, in any key order."""
    text = json.dumps(entry, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


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
