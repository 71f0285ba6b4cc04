"""The signature on every delivery, so the receiver knows it came from one of our kiosks
and is fresh.

The kiosk signs the exact bytes `<timestamp>.<body>` (the Unix time in ASCII digits, a full
stop, then the JSON body byte for byte) with HMAC-SHA256 and the shared secret. The body holds
the idempotency key too, so it is signed: a replay within the freshness window cannot pass as
a new request. docs/callback-webhook.md is the receiver's side of this contract.
"""

from __future__ import annotations

import hashlib
import hmac

IDEMPOTENCY_HEADER = "Idempotency-Key"
TIMESTAMP_HEADER = "X-Kiosk-Timestamp"
SIGNATURE_HEADER = "X-Kiosk-Signature"
SIGNATURE_PREFIX = "sha256="
FRESHNESS_SECONDS = 300  # what receivers should accept either side of their own clock


def signed_bytes(timestamp: int, body: bytes) -> bytes:
    return str(int(timestamp)).encode("ascii") + b"." + body


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Kiosk-Signature value: "sha256=" and 64 lowercase hex digits."""
    digest = hmac.new(secret.encode("utf-8"), signed_bytes(timestamp, body), hashlib.sha256)
    return SIGNATURE_PREFIX + digest.hexdigest()


def signed_headers(
    secret: str, idempotency_key: str, timestamp: int, body: bytes
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        IDEMPOTENCY_HEADER: idempotency_key,
        TIMESTAMP_HEADER: str(int(timestamp)),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }


def verify(
    secret: str,
    timestamp: str,
    signature_value: str,
    body: bytes,
    now: float,
    window: float = FRESHNESS_SECONDS,
) -> bool:
    """The receiver's check: a well-formed, fresh timestamp and a matching signature."""
    if not timestamp.isascii() or not timestamp.isdigit():
        return False
    if abs(now - int(timestamp)) > window:
        return False
    expected = signature(secret, int(timestamp), body)
    return hmac.compare_digest(expected.encode(), signature_value.strip().encode("utf-8"))
