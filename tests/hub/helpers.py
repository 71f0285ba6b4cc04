"""Requests as a kiosk signs them, with the `standardwebhooks` library (not the kiosk's code)."""

from __future__ import annotations

import datetime
import json
from typing import Any

from standardwebhooks.webhooks import Webhook

KEY = "7KX4QM-3f9c2a1b8e7d6c5b4a39281706f5e4d3"


def callback_body(**changes: Any) -> bytes:
    fields = {
        "reference": "7KX4QM",
        "idempotency_key": KEY,
        "created_at": "2026-01-01T09:00:00Z",
        "first_name": "Test Patient",
        "phone": "+12025550123",
        "best_time": "morning",
        "language": "en",
        "topic": "why-cancer-can-hide",
        "kiosk_id": "lobby-1",
        **changes,
    }
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def heartbeat_body(**changes: Any) -> bytes:
    fields = {
        "kiosk_id": "lobby-1",
        "app_version": "0.1.0",
        "mode": "patient",
        "content": {"version": "2026.01.05"},
        "outbox": {"pending": 2, "failed": 1, "oldest_pending_age_seconds": 30},
        "failed_checks": ["No staff PIN is set."],
        **changes,
    }
    return json.dumps(fields, separators=(",", ":")).encode("utf-8")


def signed_headers(
    secret: str, body: bytes, msg_id: str = KEY, when: datetime.datetime | None = None
) -> dict[str, str]:
    when = when or datetime.datetime.now(datetime.UTC)
    return {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, when, body.decode("utf-8")),
    }


def post(client, path: str, secret: str, body: bytes, msg_id: str = KEY, **kwargs: Any):
    """POST through Django's test client, headers as a kiosk sends them."""
    headers = signed_headers(secret, body, msg_id, **kwargs)
    content_type = headers.pop("Content-Type")
    return client.post(path, body, content_type=content_type, headers=headers)
