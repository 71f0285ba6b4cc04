"""IT's fleet page: every kiosk's latest heartbeat, offline ones at the top."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.fleet.uptime import UPTIME_DAYS, uptime
from hub.intake.heartbeats import mark_offline, offline_after
from hub.intake.models import Flip, Kiosk


def fleet_rows() -> list[dict]:
    """One row per kiosk; offline (or never heard from) first, then by id."""
    now = timezone.now()
    mark_offline(now)
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
    rows = []
    for kiosk in kiosks.order_by("id"):
        status = getattr(kiosk, "status", None)
        offline = status is None or now - status.received_at > offline_after()
        share = uptime(flips[kiosk.id], since, now, kiosk.state_before)
        shown = "" if share is None else f"{share:.1%}"
        rows.append({"kiosk": kiosk, "status": status, "offline": offline, "uptime": shown})
    rows.sort(key=lambda row: not row["offline"])  # stable: ids stay in order
    return rows


@login_required
@require_GET
def fleet(request: HttpRequest) -> HttpResponse:
    rows = fleet_rows()
    context = {
        "rows": rows,
        "offline_count": sum(row["offline"] for row in rows),
        "offline_minutes": int(offline_after().total_seconds() // 60),
        "uptime_days": UPTIME_DAYS,
    }
    return render(request, "fleet/fleet.html", context)
