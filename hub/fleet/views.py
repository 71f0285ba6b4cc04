"""IT's fleet page: every kiosk's latest heartbeat, offline ones at the top."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.intake.heartbeats import mark_offline, offline_after
from hub.intake.models import Kiosk


def fleet_rows() -> list[dict]:
    """One row per kiosk; offline (or never heard from) first, then by id."""
    now = timezone.now()
    mark_offline(now)
    rows = []
    for kiosk in Kiosk.objects.select_related("status").order_by("id"):
        status = getattr(kiosk, "status", None)
        offline = status is None or now - status.received_at > offline_after()
        rows.append({"kiosk": kiosk, "status": status, "offline": offline})
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
    }
    return render(request, "fleet/fleet.html", context)
