"""The requests list as CSV, for a date range: audited, and without names or numbers.

An export is for counting and reporting (how many asked, in which language, about which
card, how it ended), not for calling: calls are made from the inbox, where each number shown
is audited. So the file holds no first name, no phone number, no best time and no
specialist's name: the minimum for a report. Each export writes an ExportEvent naming the
user, the time, the dates and every request in the file, in the same transaction.
"""

from __future__ import annotations

import csv
import datetime
import io

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hub.catalog.titles import Titles
from hub.inbox.models import ExportEvent
from hub.intake.models import CallbackRequest

COLUMNS = (
    "reference",
    "sent_at",
    "kiosk",
    "call_language",
    "card_id",
    "card_title",
    "trial_id",
    "trial_title",
    "status",
    "outcome",
    "closed_at",
)
MAX_DAYS = 366
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run


def requests_between(first: datetime.date, last: datetime.date):
    """Requests the patients sent from `first` to `last` (the clinic's days), oldest first."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, zone)
    queue = CallbackRequest.objects.filter(created_at__gte=start, created_at__lt=end)
    return queue.select_related("kiosk").order_by("created_at", "pk")


def export_csv(user: AbstractBaseUser, first: datetime.date, last: datetime.date) -> str:
    """The CSV text of the range, with its ExportEvent written."""
    if last < first or (last - first).days >= MAX_DAYS:
        raise ValueError(f"choose a range of 1 to {MAX_DAYS} days, first day first")
    with transaction.atomic():
        chosen = list(requests_between(first, last))
        event = ExportEvent.objects.create(user=user, first_day=first, last_day=last)
        event.requests.set(chosen)
    titles = Titles(r.topic for r in chosen)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for request in chosen:
        card = titles.name(request.topic, "en") if request.topic else None
        row = (
            request.reference,
            _local(request.created_at),
            request.kiosk.location,
            request.language,
            request.topic,
            card.title if card else "",
            request.trial_id,
            request.trial_title,
            request.get_status_display(),
            request.get_outcome_display() if request.outcome else "",
            _local(request.closed_at),
        )
        writer.writerow([_safe(value) for value in row])
    return out.getvalue()


def _local(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
