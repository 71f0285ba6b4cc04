"""Editorial warnings: cards due for review. They never stop content from loading.

Medical facts age; every card carries the date it was last reviewed, and `kiosk content
validate` (and publish) warn when that date is more than `content.review_months` ago.
"""

from __future__ import annotations

import calendar
import datetime

from kiosk.content.model import ContentBundle


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def review_warnings(bundle: ContentBundle, months: int, today: datetime.date) -> list[str]:
    """One warning per card file whose reviewed date is more than `months` before `today`."""
    cutoff = months_before(today, months)
    return [
        f"cards/{card.id}.{card.lang}.md: last reviewed {card.reviewed.isoformat()}, "
        f"more than {months} months ago; check it is still right and update 'reviewed'"
        for card in sorted(bundle.cards, key=lambda c: (c.id, c.lang))
        if card.reviewed < cutoff
    ]
