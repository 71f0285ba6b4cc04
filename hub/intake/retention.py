"""Minimum necessary: a closed request keeps its row and audit, not the patient's details."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from hub.intake.models import CallbackRequest


def erase_closed_requests(now: datetime.datetime | None = None) -> int:
    """Blank first name and phone of requests closed over HUB_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.HUB_RETENTION_DAYS)
    due = CallbackRequest.objects.filter(
        status=CallbackRequest.Status.CLOSED, closed_at__lt=cutoff, erased_at__isnull=True
    )
    return due.update(first_name="", phone="", erased_at=now)
