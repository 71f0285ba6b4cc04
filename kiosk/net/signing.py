"""The signature on every callback request and heartbeat: Standard Webhooks, symmetric (v1).

Each POST carries three headers (https://www.standardwebhooks.com, spec 1.0):

    webhook-id:        the message id; for a callback request its idempotency key, so every
                       retry carries the same id (the heartbeat makes one per status)
    webhook-timestamp: when this attempt was signed, integer Unix seconds
    webhook-signature: "v1," and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`

keyed with the bytes that the secret `whsec_<base64>` decodes to (24 to 64 random bytes). The
kiosk signs with the standard library only; a receiver verifies with any Standard Webhooks
library (`standardwebhooks.Webhook(secret).verify(body, headers)` in Python), and the tests
use that library as the reference receiver. docs/callback-webhook.md is the receiver's side
of this contract. Nothing here logs, and no message below ever repeats a secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
SIGNATURE_VERSION = "v1"  # symmetric HMAC-SHA256 in Standard Webhooks
SECRET_PREFIX = "whsec_"
MIN_SECRET_BYTES = 24  # the spec's minimum (192 bits)
MAX_SECRET_BYTES = 64  # the spec's maximum (512 bits)
TOLERANCE_SECONDS = 300  # what Standard Webhooks receivers accept either side of their clock
SECRET_FORMAT = (
    f"{SECRET_PREFIX} and the base64 of {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} random bytes"
)


def secret_problem(secret: str) -> str:
    """Why `secret` is not a usable Standard Webhooks secret, or "" when it is. The answer
    never repeats the secret (it goes to the console and to staff screens)."""
    if not secret.startswith(SECRET_PREFIX):
        return f"must start with {SECRET_PREFIX!r} ({SECRET_FORMAT})"
    encoded = secret[len(SECRET_PREFIX) :]
    try:
        key = base64.b64decode(encoded.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        return f"is not valid base64 after {SECRET_PREFIX!r} ({SECRET_FORMAT})"
    if len(key) < MIN_SECRET_BYTES:
        return f"is too short: {len(key)} bytes after decoding ({SECRET_FORMAT})"
    if len(key) > MAX_SECRET_BYTES:
        return f"is too long: {len(key)} bytes after decoding ({SECRET_FORMAT})"
    return ""


def secret_key(secret: str) -> bytes:
    """The HMAC key a `whsec_` secret stands for; ValueError (without the secret) if none."""
    problem = secret_problem(secret)
    if problem:
        raise ValueError(f"the signing secret {problem}")
    return base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)


def new_secret(size: int = 32) -> str:
    """A fresh random secret in the standard form, e.g. for a new kiosk."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(size)).decode("ascii")


def signed_content(message_id: str, timestamp: int, body: bytes) -> bytes:
    """`{id}.{timestamp}.{body}`: the exact bytes the signature covers."""
    if not message_id or not message_id.isascii() or not message_id.isprintable():
        raise ValueError("a webhook id is printable ASCII")
    if "." in message_id or " " in message_id:
        raise ValueError("a webhook id holds no full stop or space")  # the spec's rule
    return f"{message_id}.{int(timestamp)}.".encode("ascii") + body


def signature(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """The webhook-signature value: "v1," and the base64 HMAC-SHA256 of the signed content."""
    digest = hmac.new(key, signed_content(message_id, timestamp, body), hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION}," + base64.b64encode(digest).decode("ascii")


def signed_headers(key: bytes, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """Every header one signed JSON POST carries (the transport adds User-Agent)."""
    return {
        "Content-Type": "application/json",
        ID_HEADER: message_id,
        TIMESTAMP_HEADER: str(int(timestamp)),
        SIGNATURE_HEADER: signature(key, message_id, timestamp, body),
    }
