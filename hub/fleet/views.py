"""IT's fleet page: every kiosk's latest heartbeat, offline ones at the top, and whether each
runs the newest published content.

Showing the page writes nothing. Offline is computed from the last heartbeat's time
(`is_offline`), so the page is right even when `clinic-hub fleet-check` has not yet written
the flip; the uptime counts such a kiosk as offline from the moment it went quiet, as the
flip will. The newest published version is what fleet-check last read (hub/catalog).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.accounts.roles import FLEET
from hub.catalog import published
from hub.fleet.uptime import UPTIME_DAYS, uptime
from hub.intake.heartbeats import is_offline, offline_after
from hub.intake.models import Flip, Kiosk, KioskStatus


def fleet_rows(now: datetime.datetime | None = None) -> list[dict]:
    """One row per kiosk; offline (or never heard from) first, then by id."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=UPTIME_DAYS)
    before = Flip.objects.filter(kiosk=OuterRef("pk"), created__lte=since).order_by("-created")
    kiosks = Kiosk.objects.select_related("status").annotate(
        state_before=Subquery(before.values("online")[:1])
    )
    flips = defaultdict(list)  # two queries in all, however many kiosks
    for kiosk_id, created, online in (
        Flip.objects.filter(created__gt=since)
        .order_by("created")
        .values_list("kiosk_id", "created", "online")
    ):
        flips[kiosk_id].append((created, online))
    newest = published.current()
    rows = []
    for kiosk in kiosks.order_by("id"):
        status = getattr(kiosk, "status", None)
        offline = is_offline(status, now)
        history = flips[kiosk.id]
        if status is not None and status.online and offline:  # fleet-check has not run yet
            went = status.received_at + offline_after()
            if not history or history[-1][0] < went:
                history = [*history, (went, False)]
        share = uptime(history, since, now, kiosk.state_before)
        rows.append(
            {
                "kiosk": kiosk,
                "status": status,
                "offline": offline,
                "uptime": "" if share is None else f"{share:.1%}",
                "content": content_state(status, newest),
            }
        )
    rows.sort(key=lambda row: not row["offline"])  # stable: ids stay in order
    return rows


def content_state(status: KioskStatus | None, newest) -> str:
    """ "newest", "behind", or "" (nothing to compare: no status, or nothing read yet)."""
    if status is None or not status.content_version or newest is None or not newest.read_at:
        return ""
    if status.content_digest and newest.digest:
        return "newest" if status.content_digest == newest.digest else "behind"
    return "newest" if status.content_version == newest.version else "behind"


@login_required
@permission_required(FLEET, raise_exception=True)
@require_GET
def fleet(request: HttpRequest) -> HttpResponse:
    rows = fleet_rows()
    context = {
        "rows": rows,
        "offline_count": sum(row["offline"] for row in rows),
        "behind_count": sum(row["content"] == "behind" for row in rows),
        "offline_minutes": int(offline_after().total_seconds() // 60),
        "uptime_days": UPTIME_DAYS,
        "newest": published.current(),
        "content_configured": published.configured(),
        "content_minutes": settings.HUB_CONTENT_MINUTES,
    }
    return render(request, "fleet/fleet.html", context)
