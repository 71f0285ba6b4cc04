"""The callback form's checks: every bad field gets its code, all at once, and nothing crashes."""

from __future__ import annotations

import random
import re

import pytest

from kiosk.callbacks import request as request_module
from kiosk.callbacks.request import (
    BEST_TIMES,
    ERROR_CODES,
    CallbackRequest,
    FormErrors,
    mask_phone,
    validate_request,
)

GOOD = {
    "first_name": "Test Patient",
    "phone": "202-555-0123",
    "best_time": "morning",
    "language": "en",
    "topic": "why-cancer-can-hide",
    "consent": True,
}


def errors_for(**changes) -> dict[str, str]:
    with pytest.raises(FormErrors) as caught:
        validate_request(**(GOOD | changes))
    return caught.value.errors


def test_a_good_form_gives_a_request_in_e164():
    assert validate_request(**GOOD) == CallbackRequest(
        "Test Patient", "+12025550123", "morning", "en", "why-cancer-can-hide"
    )


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Test   Patient ", "Test Patient"),
        ("Tesa", "Tesa"),
        ("Anne-Marie", "Anne-Marie"),
        ("O'Test", "O'Test"),
        ("D’Test", "D’Test"),
        ("José", "José"),
        ("Jose\u0301", "José"),  # decomposed accent, normalised to one character
        ("Zoë Núñez", "Zoë Núñez"),
        ("Łucja", "Łucja"),
        ("Σοφία", "Σοφία"),
        ("Мария", "Мария"),
        ("李小明", "李小明"),
        ("अनु", "अनु"),  # a Devanagari vowel sign is a combining mark
        ("محمد", "محمد"),
        ("x" * 40, "x" * 40),
        ("Test\u00a0Patient", "Test Patient"),
    ],
)
def test_names_in_any_language(typed, kept):
    assert validate_request(**(GOOD | {"first_name": typed})).first_name == kept


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "name_empty"),
        ("   ", "name_empty"),
        ("x" * 41, "name_too_long"),
        ("Test " + "y" * 40, "name_too_long"),
        ("Test🙂", "name_characters"),
        ("👍", "name_characters"),
        ("Te\x00st", "name_characters"),
        ("Te\nst", "name_characters"),
        ("Test\tPatient", "name_characters"),
        ("Test\u202ePatient", "name_characters"),  # right-to-left override
        ("Test\u200bPatient", "name_characters"),  # zero-width space
        ("Test2", "name_characters"),
        ("'; DROP TABLE outbox; --", "name_characters"),
        ("Robert'); DROP TABLE outbox;--", "name_characters"),
        ("<script>alert(1)</script>", "name_characters"),
        ("<b>Test</b>", "name_characters"),
        ("Test &amp;", "name_characters"),
        ("--", "name_characters"),
        ("'", "name_characters"),
        ("\u0301Test", "name_characters"),  # an accent on nothing
        ("Test.", "name_characters"),
    ],
)
def test_bad_names_get_their_code(typed, code):
    assert errors_for(first_name=typed) == {"first_name": code}


@pytest.mark.parametrize(
    "typed",
    ["2025550123", "(202) 555-0123", "202.555.0123", "+1 202 555 0123", "1-202-555-0123"],
)
def test_phone_numbers_as_people_type_them(typed):
    assert validate_request(**(GOOD | {"phone": typed})).phone == "+12025550123"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "phone_empty"),
        ("  ", "phone_empty"),
        ("202555O123", "phone_letters"),  # a letter O for a zero
        ("1-800-FLOWERS", "phone_letters"),
        ("202 555 0123 ext 4", "phone_letters"),
        ("call me", "phone_letters"),
        ("20255", "phone_invalid"),
        ("555-0123", "phone_invalid"),
        ("2025550123999999", "phone_invalid"),
        ("1" * 40, "phone_invalid"),
        ("202#555#0123", "phone_invalid"),
        ("202-555-0123;", "phone_invalid"),
        ("'; DROP TABLE outbox; --", "phone_letters"),
        ("1 OR 1=1", "phone_letters"),
        ("2025550123\x00", "phone_invalid"),
        ("2025550123📞", "phone_invalid"),
        ("<2025550123>", "phone_invalid"),
        ("+1 202 +555 0123", "phone_invalid"),
        ("+44 20 7946 0958", "phone_wrong_region"),  # Ofcom's drama range: fictional
        ("+34 912 345 678", "phone_wrong_region"),
        ("+1 416 555 0123", "phone_wrong_region"),  # Canada shares +1, but not the region
    ],
)
def test_bad_phone_numbers_get_their_code(typed, code):
    assert errors_for(phone=typed) == {"phone": code}


def test_the_region_comes_from_the_config():
    spanish = validate_request(**(GOOD | {"phone": "912 345 678"}), region="es")
    assert spanish.phone == "+34912345678"
    with pytest.raises(FormErrors) as caught:
        validate_request(**(GOOD | {"phone": "+1 202 555 0123"}), region="ES")
    assert caught.value.errors == {"phone": "phone_wrong_region"}
    with pytest.raises(ValueError, match=r"callbacks\.region"):
        validate_request(**GOOD, region="XX")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("best_time", "night", "best_time_unknown"),
        ("best_time", "", "best_time_unknown"),
        ("language", "fr", "language_unknown"),
        ("language", "EN", "language_unknown"),
        ("topic", "<b>x</b>", "topic_unknown"),
        ("topic", "../etc/passwd", "topic_unknown"),
        ("topic", "x" * 65, "topic_unknown"),
        ("topic", "why-cancer-can-hide\n", "topic_unknown"),  # "$" alone let this through
        ("consent", False, "consent_missing"),
        ("consent", "yes", "consent_missing"),
    ],
)
def test_other_fields(field, value, code):
    assert errors_for(**{field: value}) == {field: code}


def test_every_bad_field_is_named_at_once():
    errors = errors_for(first_name="", phone="20255", best_time="x", language="x", consent=False)
    assert errors == {
        "first_name": "name_empty",
        "phone": "phone_invalid",
        "best_time": "best_time_unknown",
        "language": "language_unknown",
        "consent": "consent_missing",
    }
    assert all(time in BEST_TIMES for time in ("morning", "afternoon", "evening", "any"))


def test_nothing_typed_leaks_into_errors_or_reprs():
    with pytest.raises(FormErrors) as caught:
        validate_request("Test Patient", "+44 20 7946 0958", "any", "en", "", False)
    message = str(caught.value) + repr(caught.value)
    assert "Test" not in message and "7946" not in message
    assert "phone: phone_wrong_region" in message
    request = validate_request(**GOOD)
    assert "Test" not in repr(request) and "0123" not in repr(request)


def test_the_docstring_lists_every_code():
    documented = set(re.findall(r"``([a-z_]+)``", request_module.__doc__))
    assert set(ERROR_CODES) <= documented


def test_random_input_never_crashes():
    pool = "aZé李 -'’0123456789+().#;<>&\"\\\x00\n\t\u202e\u0301\u200c🙂%_*/"
    rng = random.Random(20240611)
    for _ in range(2000):
        name = "".join(rng.choice(pool) for _ in range(rng.randint(0, 45)))
        phone = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        try:
            validate_request(name, phone, "any", "es", "", True)
        except FormErrors as problems:
            assert set(problems.errors.values()) <= set(ERROR_CODES)


def test_mask_shows_only_the_last_four_digits():
    assert mask_phone("+12025550123") == "•••• 0123"
    assert mask_phone("+34912345678") == "•••• 5678"
    assert mask_phone("") == "••••"


def test_a_request_may_name_the_clinical_trial_it_is_about():
    request = validate_request(
        **(GOOD | {"topic": ""}), trial_id="NCT00000001", trial_title=" A test study "
    )
    assert (request.trial_id, request.trial_title) == ("NCT00000001", "A test study")


@pytest.mark.parametrize(
    ("trial_id", "title"),
    [("NCT123", "A test study"), ("NCT00000001", ""), ("NCT00000001", "x" * 401), ("", "A")],
)
def test_a_trial_that_is_not_a_number_and_a_title_is_refused(trial_id, title):
    assert errors_for(trial_id=trial_id, trial_title=title) == {"trial": "trial_unknown"}
