"""The two addresses kiosks POST to. Each answers with a short JSON object.

2xx: stored, or already stored (the same webhook-id twice is one request). The refusals
(400, 401, 413) are final for the kiosk, which marks the request failed for staff; a 500
(say, the database is down) makes it try again later, which is what should happen then.
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from hub.intake.callback_fields import callback_fields
from hub.intake.heartbeats import record_heartbeat
from hub.intake.models import CallbackRequest
from hub.intake.webhook import Refused, verified_delivery


@csrf_exempt  # signed by the kiosk instead; no cookies are involved
@require_POST
def callbacks(request: HttpRequest) -> JsonResponse:
    try:
        delivery = verified_delivery(request)
        values = callback_fields(delivery.fields, delivery.webhook_id)
    except Refused as refused:
        return _refusal(refused)
    key = values.pop("idempotency_key")
    if CallbackRequest.objects.filter(kiosk=delivery.kiosk, idempotency_key=key).exists():
        return JsonResponse({"status": "duplicate"}, status=200)
    try:
        with transaction.atomic():
            CallbackRequest.objects.create(kiosk=delivery.kiosk, idempotency_key=key, **values)
    except IntegrityError:  # the same key stored by a concurrent retry
        return JsonResponse({"status": "duplicate"}, status=200)
    return JsonResponse({"status": "stored"}, status=201)


@csrf_exempt
@require_POST
def heartbeats(request: HttpRequest) -> JsonResponse:
    try:
        delivery = verified_delivery(request, settings.HUB_MAX_HEARTBEAT_BYTES)
    except Refused as refused:
        return _refusal(refused)
    stored = record_heartbeat(delivery.kiosk, delivery.fields, delivery.timestamp)
    return JsonResponse({"status": "stored" if stored else "older than the stored one"})


def _refusal(refused: Refused) -> JsonResponse:
    return JsonResponse({"error": refused.reason}, status=refused.status)
