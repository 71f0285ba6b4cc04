"""What goes on the wire: body, signature, the documented receiver check, answers, backoff."""

from __future__ import annotations

import json
import re

import pytest

from kiosk.callbacks import backoff, signing, transport
from kiosk.callbacks.delivery import request_body
from kiosk.callbacks.endpoint import endpoint_problem
from kiosk.callbacks.outbox import QueuedRequest
from kiosk.callbacks.request import CallbackRequest
from tests.callbacks.receiver import DOC, doc_code

EXAMPLE_ROW = QueuedRequest(
    id=1,
    reference="7KX4QM",
    idempotency_key="7KX4QM-3f9c2a1b8e7d6c5b4a39281706f5e4d3",
    kiosk_id="lobby-1",
    created_at=1_767_258_000.0,
    attempts=0,
    request=CallbackRequest("Test Patient", "+12025550123", "morning", "en", "why-cancer-can-hide"),
)


def test_the_documented_example_is_what_the_kiosk_sends():
    page = DOC.read_text()
    body = request_body(EXAMPLE_ROW, "unused")
    assert f"```json\n{body.decode()}\n```" in page
    assert f"({len(body)} bytes" in page
    header = re.search(r"X-Kiosk-Signature: (sha256=[0-9a-f]{64})", page).group(1)
    assert header == signing.signature("test-secret", 1_767_258_003, body)
    assert set(json.loads(body)) == set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M)[-9:])


def test_the_documented_check_accepts_the_kiosks_signature_and_nothing_else():
    code = doc_code()
    verify, rejected = code["verify_callback"], code["Rejected"]
    body = request_body(EXAMPLE_ROW, "unused")
    headers = signing.signed_headers("s3cret", EXAMPLE_ROW.idempotency_key, 1000, body)
    assert verify(b"s3cret", headers, body, now=1100)["reference"] == "7KX4QM"
    assert signing.verify("s3cret", "1000", headers[signing.SIGNATURE_HEADER], body, now=1100)
    bad = [
        (b"other", headers, body, 1100),
        (b"s3cret", headers, body.replace(b"Test", b"Best"), 1100),
        (b"s3cret", headers, body, 1000 + 301),  # stale
        (b"s3cret", headers, body, 1000 - 301),  # from the future
        (b"s3cret", headers | {"Idempotency-Key": "7KX4QM-other"}, body, 1100),
        (b"s3cret", headers | {"X-Kiosk-Timestamp": "1000.0"}, body, 1100),
    ]
    for secret, sent_headers, sent_body, now in bad:
        with pytest.raises(rejected):
            verify(secret, sent_headers, sent_body, now=now)
    assert not signing.verify("s3cret", "1000", headers["X-Kiosk-Signature"], body, now=1400)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, "delivered"),
        (201, "delivered"),
        (204, "delivered"),
        (408, "retry"),
        (429, "retry"),
        (500, "retry"),
        (503, "retry"),
        (301, "failed"),
        (400, "failed"),
        (401, "failed"),
        (404, "failed"),
        (409, "failed"),
        (422, "failed"),
    ],
)
def test_answers(status, kind):
    assert transport.outcome_for_status(status).kind == kind


@pytest.mark.parametrize(
    ("url", "usable"),
    [
        ("https://callbacks.example.org/in", True),
        ("https://callbacks.example.org:8443/in?token=x", True),
        ("http://127.0.0.1:8080/in", True),
        ("http://localhost/in", True),
        ("http://[::1]/in", True),
        ("http://callbacks.example.org/in", False),
        ("http://10.0.0.5/in", False),
        ("ftp://callbacks.example.org/in", False),
        ("https://", False),
        ("https://callbacks.example.org:99999/in", False),
        ("", False),
    ],
)
def test_endpoints(url, usable):
    assert (endpoint_problem(url) == "") is usable


def test_backoff_doubles_up_to_ten_minutes_with_jitter():
    top = [backoff.retry_delay(n, lambda: 1.0) for n in range(1, 10)]
    assert top == [5, 10, 20, 40, 80, 160, 320, 600, 600]
    assert backoff.retry_delay(3, lambda: 0.0) == 10  # never less than half
    assert backoff.retry_delay(1000, lambda: 0.5) == 450
    assert backoff.retry_delay(1, lambda: 1.0, retry_after=120) == 120
    assert backoff.retry_delay(4, lambda: 1.0, retry_after=1) == 40
    assert backoff.retry_delay(1, lambda: 1.0, retry_after=10**9) == 3600


def test_retry_after_in_seconds_or_as_a_date():
    assert backoff.parse_retry_after("120", now=0) == 120
    date = "Thu, 01 Jan 2026 09:02:00 GMT"
    assert backoff.parse_retry_after(date, now=1_767_258_000) == 120
    assert backoff.parse_retry_after("soon", now=0) is None
    assert backoff.parse_retry_after(None, now=0) is None
    assert backoff.parse_retry_after("-5", now=0) is None
