"""Heartbeats: the latest status per kiosk, and a Flip whenever a kiosk goes or comes back.

A kiosk is offline once it has been silent for HUB_OFFLINE_MINUTES (`is_offline`, which the
fleet page asks without writing anything). `mark_offline()` writes those flips (run by
`clinic-hub fleet-check` on a timer); a heartbeat from an offline kiosk writes the flip back
online. A heartbeat signed before the stored one (a replay, or a retry overtaken by a newer
status) changes nothing. The daily counts a heartbeat carries are stored with its status, in
the same transaction (hub/reading/counts.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.intake.models import Flip, Kiosk, KioskStatus
from hub.reading.counts import store_counts


def offline_after() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.HUB_OFFLINE_MINUTES)


def is_offline(status: KioskStatus | None, now: datetime.datetime) -> bool:
    """Offline: never heard from, or silent longer than HUB_OFFLINE_MINUTES (flip or not)."""
    return status is None or now - status.received_at > offline_after()


def status_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """What the fleet page shows, from kiosk/health/status.py's JSON; odd values are blanks."""
    content = fields.get("content") if isinstance(fields.get("content"), dict) else {}
    outbox = fields.get("outbox") if isinstance(fields.get("outbox"), dict) else {}
    checks = fields.get("failed_checks")
    checks = [str(c)[:300] for c in checks[:50]] if isinstance(checks, list) else []
    return {
        "app_version": _text(fields.get("app_version"), 40),
        "mode": _text(fields.get("mode"), 40),
        "content_version": _text(content.get("version"), 80),
        "content_digest": _text(content.get("digest"), 64),
        "outbox_pending": _count(outbox.get("pending")),
        "outbox_failed": _count(outbox.get("failed")),
        "failed_checks": checks,
    }


def record_heartbeat(kiosk: Kiosk, fields: dict[str, Any], signed_at: int) -> bool:
    """Store the kiosk's latest status; False if a newer one is already stored."""
    try:
        return _record(kiosk, fields, signed_at)
    except IntegrityError:  # a concurrent first heartbeat made the row: now it is an update
        return _record(kiosk, fields, signed_at)


def _record(kiosk: Kiosk, fields: dict[str, Any], signed_at: int) -> bool:
    now = timezone.now()
    values = {**status_fields(fields), "received_at": now, "signed_at": signed_at}
    with transaction.atomic():
        current = KioskStatus.objects.select_for_update().filter(kiosk=kiosk).first()
        if current is None:
            KioskStatus.objects.create(kiosk=kiosk, online=True, **values)
            Flip.objects.create(kiosk=kiosk, created=now, online=True)
            store_counts(kiosk, fields.get("counts"), timezone.localdate(now))
            return True
        if signed_at < current.signed_at:
            return False
        if not current.online or now - current.received_at > offline_after():
            if current.online:  # went quiet unnoticed: record when it went offline first
                Flip.objects.create(
                    kiosk=kiosk, created=current.received_at + offline_after(), online=False
                )
            Flip.objects.create(kiosk=kiosk, created=now, online=True)
        for name, value in values.items():
            setattr(current, name, value)
        current.online = True
        current.save()
        store_counts(kiosk, fields.get("counts"), timezone.localdate(now))
    return True


def mark_offline(now: datetime.datetime | None = None) -> int:
    """Flip every kiosk silent too long to offline; return how many flipped."""
    now = now or timezone.now()
    flipped = 0
    silent = KioskStatus.objects.filter(online=True, received_at__lt=now - offline_after())
    for status in silent:
        with transaction.atomic():
            updated = KioskStatus.objects.filter(pk=status.pk, online=True).update(online=False)
            if updated:
                created = status.received_at + offline_after()
                Flip.objects.create(kiosk_id=status.kiosk_id, created=created, online=False)
                flipped += 1
    return flipped


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
