"""One signed POST from a kiosk: size-capped, its kiosk found, its signature checked.

The order is the cheapest refusal first, and nothing is stored before all of it passes:
413 for a body over the cap, 400 for a body that is not a JSON object with a `kiosk_id`,
401 for an unknown kiosk (the same answer as a bad signature, so the answer does not tell
a stranger which kiosk ids exist), 401 for a missing, stale or wrong Standard Webhooks
signature. The kiosk treats all of these as "failed" (no retry), which is right: sending
the same bytes again cannot help.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from hub.intake.models import Kiosk

HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")


class Refused(Exception):
    """The request is refused with this HTTP status; `reason` is safe to show and log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Delivery:
    kiosk: Kiosk
    fields: dict[str, Any]
    webhook_id: str
    timestamp: int


def read_body(request: HttpRequest, limit: int | None = None) -> bytes:
    """The raw body, refused with 413 past the cap (by Content-Length, then by what came)."""
    limit = limit or settings.HUB_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Refused(400, "bad Content-Length") from None
    if declared > limit:
        raise Refused(413, f"body over {limit} bytes")
    body = request.read(limit + 1)
    if len(body) > limit:
        raise Refused(413, f"body over {limit} bytes")
    return body


def parse_object(body: bytes) -> dict[str, Any]:
    try:
        fields = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError and too-deep nesting alike
        raise Refused(400, "body is not JSON in UTF-8") from None
    except RecursionError:
        raise Refused(400, "body is nested too deeply") from None
    if not isinstance(fields, dict):
        raise Refused(400, "body is not a JSON object")
    return fields


def verified_delivery(request: HttpRequest, limit: int | None = None) -> Delivery:
    """Check one POST from a kiosk and return what it sent, or raise Refused."""
    body = read_body(request, limit)
    fields = parse_object(body)
    kiosk_id = fields.get("kiosk_id")
    if not isinstance(kiosk_id, str) or not kiosk_id:
        raise Refused(400, "kiosk_id is missing")
    kiosk = Kiosk.objects.filter(pk=kiosk_id[:64]).first()
    if kiosk is None or kiosk.id != kiosk_id:
        raise Refused(401, "unknown kiosk or bad signature")
    headers = {name: request.headers.get(name, "") for name in HEADERS}
    try:
        Webhook(kiosk.secret).verify(body, headers, json_parse=False)
    except (WebhookVerificationError, ValueError):  # ValueError: a garbled signature header
        raise Refused(401, "unknown kiosk or bad signature") from None
    return Delivery(kiosk, fields, headers["webhook-id"], int(float(headers["webhook-timestamp"])))
