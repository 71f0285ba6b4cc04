"""Retention: what the hub keeps, and for how long.

Minimum necessary: a closed request keeps its row and audit, not the patient's details. Flips
are kept as far back as the uptime looks, plus each kiosk's last one before that, which says
what state the kiosk was in when the window opens.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from hub.intake.models import CallbackRequest, Flip, Kiosk

FLIP_DAYS = 30  # what the fleet page's uptime looks back over (hub/fleet/uptime.py)


def erase_closed_requests(now: datetime.datetime | None = None) -> int:
    """Blank first name and phone of requests closed over HUB_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.HUB_RETENTION_DAYS)
    due = CallbackRequest.objects.filter(
        status=CallbackRequest.Status.CLOSED, closed_at__lt=cutoff, erased_at__isnull=True
    )
    return due.update(first_name="", phone="", erased_at=now)


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
