"""Retention: what the hub keeps, and for how long (`clinic-hub prune`, daily).

Minimum necessary: a closed request keeps its row and audit, not the patient's details
(HUB_RETENTION_DAYS after closing). A request nobody closed loses them too, HUB_OPEN_
RETENTION_DAYS after it arrived, and is closed as "not called in time": a patient's number
does not wait for ever in a queue nobody works. Idempotency keys go after HUB_KEY_DAYS (the
kiosk stops retrying after its callbacks.retention_days, 14 by default). Flips are kept as
far back as the uptime looks, plus each kiosk's last one before that, which says what state
the kiosk was in when the window opens; daily counts for HUB_COUNTS_DAYS.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from hub.intake.models import CallbackRequest, Flip, Kiosk
from hub.reading.models import CountedDay, DailyCount

FLIP_DAYS = 30  # what the fleet page's uptime looks back over (hub/fleet/uptime.py)


def erase_closed_requests(now: datetime.datetime | None = None) -> int:
    """Blank first name and phone of requests closed over HUB_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.HUB_RETENTION_DAYS)
    due = CallbackRequest.objects.filter(
        status=CallbackRequest.Status.CLOSED, closed_at__lt=cutoff, erased_at__isnull=True
    )
    return due.update(first_name="", phone="", erased_at=now)


def erase_unclosed_requests(now: datetime.datetime | None = None) -> int:
    """Close requests still open HUB_OPEN_RETENTION_DAYS after they arrived, without their
    name and phone (outcome "not called in time"); the row and its audit stay."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.HUB_OPEN_RETENTION_DAYS)
    due = CallbackRequest.objects.exclude(status=CallbackRequest.Status.CLOSED).filter(
        received_at__lt=cutoff
    )
    return due.update(
        first_name="",
        phone="",
        erased_at=now,
        status=CallbackRequest.Status.CLOSED,
        outcome=CallbackRequest.Outcome.EXPIRED,
        closed_at=now,
    )


def forget_keys(now: datetime.datetime | None = None) -> int:
    """Blank the idempotency keys of requests that arrived over HUB_KEY_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.HUB_KEY_DAYS)
    due = CallbackRequest.objects.filter(received_at__lt=cutoff, idempotency_key__isnull=False)
    return due.update(idempotency_key=None)


def prune_counts(now: datetime.datetime | None = None) -> int:
    """Delete daily counts older than HUB_COUNTS_DAYS."""
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - datetime.timedelta(days=settings.HUB_COUNTS_DAYS)
    CountedDay.objects.filter(day__lt=cutoff).delete()
    return DailyCount.objects.filter(day__lt=cutoff).delete()[0]


def prune_flips(now: datetime.datetime | None = None) -> int:
    """Delete flips no uptime needs any more; return how many went."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=FLIP_DAYS)
    deleted = 0
    for kiosk_id in Kiosk.objects.values_list("id", flat=True):
        anchor = Flip.objects.filter(kiosk_id=kiosk_id, created__lte=cutoff).order_by("-created")
        last = anchor.values_list("created", flat=True).first()
        if last is not None:
            deleted += Flip.objects.filter(kiosk_id=kiosk_id, created__lt=last).delete()[0]
    return deleted
