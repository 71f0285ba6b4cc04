"""The PIN: plain rules with plain messages, and only a salted scrypt hash is ever kept."""

from __future__ import annotations

import pytest

from kiosk.staff.pin import PinError, check_pin_rules, hash_pin, verify_pin


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("258", "4 to 8 digits"),
        ("258014703", "4 to 8 digits"),
        ("25a0", "4 to 8 digits"),
        (" 2580", "4 to 8 digits"),
        ("٢٥٨٠", "4 to 8 digits"),  # Arabic-Indic digits are digits, but not on the pad
        ("7777", "one digit repeated"),
        ("1234", "run of digits"),
        ("98765", "run of digits"),
    ],
)
def test_pin_rules_say_what_is_wrong(pin, message):
    with pytest.raises(PinError, match=message):
        check_pin_rules(pin)


def test_hash_is_salted_scrypt_with_its_parameters_and_verifies():
    first, second = hash_pin("2580"), hash_pin("2580")
    assert first.startswith("scrypt$n=16384,r=8,p=1$") and "2580" not in first
    assert first != second  # a fresh salt each time
    assert verify_pin("2580", first) and verify_pin("2580", second)
    assert not verify_pin("2581", first)
    assert not verify_pin("", first)


def test_an_unreadable_stored_hash_never_matches(caplog):
    assert not verify_pin("2580", "md5$abc")
    assert not verify_pin("2580", "scrypt$n=99999999999,r=8,p=1$AAAA$AAAA")
    assert "set the PIN again" in caplog.text
