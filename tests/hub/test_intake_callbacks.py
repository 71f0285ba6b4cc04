"""POST /api/callbacks: stored once, refused with the documented answer and nothing stored."""

from __future__ import annotations

import datetime

import pytest

from hub.intake.kiosk_secrets import add_kiosk, rotate_secret
from hub.intake.models import CallbackRequest
from tests.hub.helpers import KEY, callback_body, post, signed_headers

URL = "/api/callbacks"


def test_a_signed_request_is_stored_with_its_fields(client, kiosk):
    answer = post(client, URL, kiosk.secret, callback_body())
    assert answer.status_code == 201
    stored = CallbackRequest.objects.get()
    assert (stored.reference, stored.first_name, stored.phone) == (
        "7KX4QM",
        "Test Patient",
        "+12025550123",
    )
    assert stored.kiosk == kiosk and stored.status == "new" and stored.idempotency_key == KEY
    assert stored.created_at == datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)


def test_the_same_key_twice_is_one_request(client, kiosk):
    assert post(client, URL, kiosk.secret, callback_body()).status_code == 201
    again = post(client, URL, kiosk.secret, callback_body())
    assert again.status_code == 200 and again.json() == {"status": "duplicate"}
    assert CallbackRequest.objects.count() == 1


def test_names_in_any_language_are_kept_as_sent(client, kiosk):
    assert (
        post(client, URL, kiosk.secret, callback_body(first_name="José-María")).status_code == 201
    )
    assert CallbackRequest.objects.get().first_name == "José-María"


def refused(client, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    content_type = headers.pop("Content-Type", "application/json")
    answer = client.post(URL, body, content_type=content_type, headers=headers)
    assert CallbackRequest.objects.count() == 0, "a refused request stored something"
    return answer.status_code, answer.json()["error"]


def test_a_wrong_signature_is_401(client, kiosk):
    headers = signed_headers("whsec_" + "A" * 44, callback_body())
    assert refused(client, callback_body(), headers)[0] == 401


def test_a_body_changed_after_signing_is_401(client, kiosk):
    headers = signed_headers(kiosk.secret, callback_body())
    assert refused(client, callback_body(phone="+12025550199"), headers)[0] == 401


def test_a_stale_timestamp_is_401(client, kiosk):
    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=6)
    headers = signed_headers(kiosk.secret, callback_body(), when=old)
    assert refused(client, callback_body(), headers)[0] == 401


@pytest.mark.parametrize(
    "signature", ["", "v1", "v1,not base64!", "v2,abc", "v1,AAAA v1,BBBB", "sha256=40fa"]
)
def test_a_garbled_signature_header_is_401(client, kiosk, signature):
    headers = signed_headers(kiosk.secret, callback_body())
    headers["webhook-signature"] = signature
    assert refused(client, callback_body(), headers)[0] == 401


def test_an_unknown_kiosk_is_401_like_a_bad_signature(client, kiosk):
    body = callback_body(kiosk_id="stranger")
    status, reason = refused(client, body, signed_headers(kiosk.secret, body))
    assert (status, reason) == (401, "unknown kiosk or bad signature")


def test_one_kiosk_cannot_post_as_another(client, kiosk):
    _, other_secret = add_kiosk("ward-2", "Ward 2")
    assert refused(client, callback_body(), signed_headers(other_secret, callback_body()))[0] == 401


def test_a_rotated_secret_refuses_the_old_one(client, kiosk):
    old = kiosk.secret
    new = rotate_secret(kiosk)
    assert refused(client, callback_body(), signed_headers(old, callback_body()))[0] == 401
    assert post(client, URL, new, callback_body()).status_code == 201


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[1, 2]", b'"text"', b"\xff\xfe{}", b"[" * 100_00, b'{"kiosk_id": 5}'],
    ids=["empty", "text", "array", "string", "not utf-8", "deep", "kiosk id not text"],
)
def test_a_body_that_is_not_a_json_object_with_a_kiosk_is_400(client, kiosk, body):
    headers = {"webhook-id": KEY, "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"}
    assert refused(client, body, headers)[0] == 400


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "+1202"),
        ("phone", "2025550123"),
        ("phone", 12025550123),
        ("reference", "7KX4Q0"),
        ("first_name", ""),
        ("first_name", "x" * 41),
        ("first_name", "Test\nPatient"),
        ("best_time", "midnight"),
        ("language", "fr"),
        ("topic", "../etc"),
        ("created_at", "yesterday"),
        ("created_at", "2026-01-01T09:00:00"),
        ("idempotency_key", "another-key"),
    ],
)
def test_a_signed_body_with_a_bad_field_is_400_naming_the_field(client, kiosk, field, value):
    body = callback_body(**{field: value})
    status, reason = refused(client, body, signed_headers(kiosk.secret, body))
    assert status == 400 and field in reason
    if value:  # the reason names the field, never what was sent
        assert str(value) not in reason


def test_a_body_over_the_cap_is_413(client, kiosk, settings):
    body = callback_body(padding="x" * settings.HUB_MAX_BODY_BYTES)
    assert refused(client, body, signed_headers(kiosk.secret, body))[0] == 413


def test_only_post_is_answered(client, kiosk):
    assert client.get(URL).status_code == 405


def test_a_request_about_a_trial_keeps_its_number_and_title(client, kiosk):
    body = callback_body(topic="", trial_id="NCT01234567", trial_title="A test of a new drug")
    assert post(client, URL, kiosk.secret, body).status_code == 201
    stored = CallbackRequest.objects.get()
    assert (stored.trial_id, stored.trial_title) == ("NCT01234567", "A test of a new drug")


@pytest.mark.parametrize(
    ("trial_id", "trial_title", "named"),
    [
        ("NCT123", "A study", "trial_id"),
        ("NCT01234567", "", "trial_title"),
        ("", "A study", "trial_title"),
        (7, "A study", "trial_id"),
    ],
)
def test_a_malformed_trial_is_400_naming_the_field(client, kiosk, trial_id, trial_title, named):
    body = callback_body(topic="", trial_id=trial_id, trial_title=trial_title)
    answer = post(client, URL, kiosk.secret, body)
    assert answer.status_code == 400 and named in answer.json()["error"]
    assert not CallbackRequest.objects.exists()
