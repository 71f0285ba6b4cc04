"""What patients read, for a chosen month: visits, the most-read cards by title, languages.

Only sums of the kiosks' daily counts (hub/reading/models.py): there is nothing about any
one visit to show. Specialists and IT may see it (`reading.view_reading`).
"""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.accounts.roles import READING
from hub.catalog.titles import Titles
from hub.inbox.views import LANGUAGE_NAMES
from hub.reading.models import DailyCount

Name = DailyCount.Name
MOST_READ = 20


def month_start(text: str | None, today: datetime.date) -> datetime.date:
    """The first day of the month `text` names ("2026-01"), else of this month."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def next_month(first: datetime.date) -> datetime.date:
    return (first + datetime.timedelta(days=32)).replace(day=1)


def month_figures(first: datetime.date) -> dict:
    counts = DailyCount.objects.filter(day__gte=first, day__lt=next_month(first))
    totals = dict(counts.values_list("name").annotate(total=Sum("count")).order_by())
    cards = counts.filter(name=Name.CARDS)
    by_card = list(
        cards.values_list("card").annotate(total=Sum("count")).order_by("-total", "card")
    )
    by_lang = {}
    for card, lang, total in cards.values_list("card", "lang").annotate(total=Sum("count")):
        by_lang.setdefault(card, {})[lang] = total
    titles = Titles(card for card, _ in by_card[:MOST_READ])
    top = by_card[0][1] if by_card else 0
    most_read = [
        {
            "name": titles.name(card, "en"),
            "total": total,
            "languages": [
                (LANGUAGE_NAMES.get(lang, lang), n) for lang, n in sorted(by_lang[card].items())
            ],
            "width": round(100 * total / top) if top else 0,
        }
        for card, total in by_card[:MOST_READ]
    ]
    opened = totals.get(Name.CARDS, 0)
    languages = [
        {
            "name": LANGUAGE_NAMES.get(lang, lang),
            "total": total,
            "share": f"{total / opened:.0%}" if opened else "",
        }
        for lang, total in cards.values_list("lang")
        .annotate(total=Sum("count"))
        .order_by("-total", "lang")
    ]
    return {
        "visits": totals.get(Name.VISITS, 0),
        "cards_opened": opened,
        "read_aloud": totals.get(Name.READ_ALOUD, 0),
        "callbacks_sent": totals.get(Name.CALLBACKS_SENT, 0),
        "kiosks": counts.values("kiosk").distinct().count(),
        "distinct_cards": len(by_card),
        "most_read": most_read,
        "languages": languages,
    }


@login_required
@permission_required(READING, raise_exception=True)
@require_GET
def reading(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first = month_start(request.GET.get("month"), today)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = next_month(first)
    context = {
        "month": first,
        "month_value": first.strftime("%Y-%m"),
        "previous": previous.strftime("%Y-%m"),
        "following": following.strftime("%Y-%m") if following <= today else "",
        "figures": month_figures(first),
        "most_read_limit": MOST_READ,
    }
    return render(request, "reading/reading.html", context)
