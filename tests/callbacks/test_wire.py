"""What goes on the wire: Standard Webhooks headers and signature, checked by the documented
receiver code (the `standardwebhooks` library's and the standard library's) on real requests
the kiosk sent; answers, backoff."""

from __future__ import annotations

import base64
import datetime
import json
import re
import time

import pytest
from standardwebhooks import Webhook

from kiosk.callbacks.delivery import DeliveryWorker, PassResult, request_body
from kiosk.callbacks.endpoint import endpoint_problem
from kiosk.callbacks.outbox import Outbox, QueuedRequest
from kiosk.callbacks.request import CallbackRequest
from kiosk.net import backoff, signing, transport
from tests.callbacks.conftest import REQUEST, SECRET
from tests.callbacks.receiver import DOC, Receiver, doc_code

EXAMPLE_ROW = QueuedRequest(
    id=1,
    reference="7KX4QM",
    idempotency_key="7KX4QM-3f9c2a1b8e7d6c5b4a39281706f5e4d3",
    kiosk_id="lobby-1",
    created_at=1_767_258_000.0,
    attempts=0,
    request=CallbackRequest("Test Patient", "+12025550123", "morning", "en", "why-cancer-can-hide"),
)
KEY = signing.secret_key(SECRET)


def test_the_documented_example_is_what_the_kiosk_sends():
    page = DOC.read_text()
    body = request_body(EXAMPLE_ROW, "unused")
    assert f"```json\n{body.decode()}\n```" in page
    assert f"({len(body)} bytes" in page
    secret = re.search(r"the secret `(whsec_[A-Za-z0-9+/=]+)`", page).group(1)
    headers = dict(re.findall(r"^(webhook-[a-z]+): (\S+)$", page, re.M))
    assert headers == {
        k: v
        for k, v in signing.signed_headers(
            signing.secret_key(secret), EXAMPLE_ROW.idempotency_key, 1_767_258_003, body
        ).items()
        if k.startswith("webhook-")
    }
    at = datetime.datetime.fromtimestamp(1_767_258_003, datetime.UTC)
    reference = Webhook(secret).sign(EXAMPLE_ROW.idempotency_key, at, body.decode())
    assert headers["webhook-signature"] == reference  # the library signs it alike
    assert f"`{EXAMPLE_ROW.idempotency_key}.1767258003.`" in page
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M)[-11:])
    # A request about a clinical trial carries two more (test_delivery shows them sent).
    assert set(json.loads(body)) | {"trial_id", "trial_title"} == documented


def test_secrets_are_the_standard_form_and_never_repeated_in_a_complaint():
    assert signing.secret_problem(SECRET) == ""
    made = signing.new_secret()
    assert made.startswith("whsec_") and len(signing.secret_key(made)) == 32
    assert Webhook(made)._whsecret == signing.secret_key(made)  # the library reads it alike
    raw = "whsec_" + base64.b64encode(b"x" * 23).decode()
    cases = {
        "test-secret-not-for-production": "must start with 'whsec_'",
        "whsec_": "too short: 0 bytes",
        raw: "too short: 23 bytes",
        "whsec_" + base64.b64encode(b"x" * 65).decode(): "too long: 65 bytes",
        "whsec_" + base64.urlsafe_b64encode(b"\xff" * 30).decode(): "not valid base64",
        "whsec_" + base64.b64encode(b"x" * 30).decode().rstrip("="): "",  # 30 bytes: no padding
        "whsec_" + base64.b64encode(b"x" * 31).decode().rstrip("="): "not valid base64",
        "whsec_ " + base64.b64encode(b"x" * 30).decode(): "not valid base64",
        "whsec_ünïcode" + "A" * 40: "not valid base64",
    }
    for secret, words in cases.items():
        problem = signing.secret_problem(secret)
        assert (words in problem) if words else problem == "", secret
        assert secret[6:] not in problem or not secret[6:]
        if words:
            with pytest.raises(ValueError, match="the signing secret") as caught:
                signing.secret_key(secret)
            assert secret[6:] not in str(caught.value) or not secret[6:]


def test_a_webhook_id_never_holds_a_full_stop_or_space():
    for bad in ("", "a.b", "a b", "caf\u00e9", "a\nb"):
        with pytest.raises(ValueError):
            signing.signed_content(bad, 1, b"{}")


def delivered_for_real(tmp_path) -> tuple[dict[str, str], bytes]:
    """One request through a real outbox and worker, on the wall clock, to a real receiver
    that verified it with the documented library code; its headers and raw body."""
    receiver = Receiver(SECRET)  # the wall clock
    outbox = Outbox(tmp_path / "callbacks.db", time.time)
    worker = DeliveryWorker(tmp_path / "callbacks.db", receiver.url, SECRET, "lobby-1", 14)
    try:
        reference = outbox.submit(REQUEST, "lobby-1")
        assert worker.deliver_due() == PassResult(delivered=1)
    finally:
        worker.stop()
        outbox.close()
        receiver.stop()
    ((headers, body),) = receiver.requests
    assert [f["reference"] for f in receiver.accepted.values()] == [reference]
    return headers, body


def test_both_documented_checks_accept_a_real_request_and_nothing_else(tmp_path):
    code = doc_code()
    library, stdlib, rejected = (
        code["verify_callback"],
        code["verify_callback_stdlib"],
        code["Rejected"],
    )
    headers, body = delivered_for_real(tmp_path)
    assert set(headers) >= {"webhook-id", "webhook-timestamp", "webhook-signature"}
    assert "idempotency-key" not in headers and "x-kiosk-signature" not in headers
    assert re.fullmatch(r"v1,[A-Za-z0-9+/]{43}=", headers["webhook-signature"])
    fields = library(SECRET, headers, body)
    assert fields == stdlib(SECRET, headers, body) == json.loads(body)
    assert fields["idempotency_key"] == headers["webhook-id"]

    key, message_id = signing.secret_key(SECRET), headers["webhook-id"]
    now = int(time.time())  # the library reads the wall clock: 200 s either side of its limit

    def signed(stamp, sent_body=body, sent_id=message_id):
        return signing.signed_headers(key, sent_id, stamp, sent_body), sent_body

    other = signing.new_secret()
    not_json = signed(now, b"not json")
    wrong_key = signed(now, json.dumps({"idempotency_key": "7KX4QM-other"}).encode())
    # The first base64 letter of the MAC, changed: every one of its bits counts (the last
    # letter's low bits are padding, so changing it can leave the same MAC).
    mac = headers["webhook-signature"]
    flipped = mac[:3] + ("A" if mac[3] != "A" else "B") + mac[4:]
    bad = {
        "other secret": (other, headers, body, 401),
        "tampered body": (SECRET, headers, body.replace(b"Test", b"Best"), 401),
        "bad signature": (SECRET, headers | {"webhook-signature": flipped}, body, 401),
        "other id": (SECRET, headers | {"webhook-id": message_id + "x"}, body, 401),
        "stale": (SECRET, *signed(now - 500), 401),
        "future": (SECRET, *signed(now + 500), 401),
        "no signature": (
            SECRET,
            {k: v for k, v in headers.items() if k != "webhook-signature"},
            body,
            401,
        ),
        "no id": (SECRET, {k: v for k, v in headers.items() if k != "webhook-id"}, body, 401),
        "not json": (SECRET, *not_json, 400),
        "id not the body's key": (SECRET, *wrong_key, 400),
        "malformed signature": (SECRET, headers | {"webhook-signature": "v1"}, body, 400),
    }
    for case, (secret, sent_headers, sent_body, status) in bad.items():
        with pytest.raises(rejected) as caught:
            library(secret, sent_headers, sent_body)
        assert caught.value.status == status, case
        with pytest.raises(rejected) as caught:
            stdlib(secret, sent_headers, sent_body, now=now)
        assert caught.value.status in (400, 401), case
    ok_headers, ok_body = signed(now - 100)
    assert library(SECRET, ok_headers, ok_body) == fields  # signed again: still the same
    assert stdlib(SECRET, ok_headers, ok_body, now=now) == fields


def test_the_receiver_refuses_over_http_what_the_library_refuses_and_stores_nothing(
    receiver, clock
):
    """The receiver's clock is the test's; the library's five minutes are exact either way."""
    body = request_body(EXAMPLE_ROW, "unused")
    message_id = EXAMPLE_ROW.idempotency_key

    def post(stamp, sent_body=body, **changed):
        headers = signing.signed_headers(KEY, message_id, int(stamp), sent_body) | changed
        return transport.post(receiver.url, sent_body, headers, 2.0, 5.0)

    outcomes = [
        post(clock.now - 301),  # stale
        post(clock.now + 301),  # from the future
        post(clock.now, **{"webhook-signature": "v1," + base64.b64encode(b"x" * 32).decode()}),
        transport.post(
            receiver.url,
            body.replace(b"Test", b"Best"),
            signing.signed_headers(KEY, message_id, int(clock.now), body),
            2.0,
            5.0,
        ),  # tampered
        post(clock.now, **{"webhook-timestamp": "soon"}),
        post(clock.now, sent_body=b"[]"),  # signed, but no idempotency_key
    ]
    assert [o.detail for o in outcomes] == ["HTTP 401"] * 5 + ["HTTP 400"]
    assert all(o.kind == transport.FAILED for o in outcomes)
    assert receiver.accepted == {} and receiver.attempts == [] and receiver.rejected == 6
    assert post(clock.now - 300).kind == transport.DELIVERED  # the edges are inside
    assert post(clock.now + 300).kind == transport.DELIVERED  # (a replay: answered 200)
    assert list(receiver.accepted) == [message_id] and len(receiver.attempts) == 2


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
