"""The staff PIN: the rules it must follow, and the salted scrypt hash that is all we keep of it.

A 4-8 digit PIN has at most 10^8 values, so the hash alone could be brute-forced by anyone
who copies the state file; what protects the kiosk is the lockout in `state.py`. The hash
still uses a real key-derivation function (scrypt, memory-hard) with a random salt, so a
copied file costs real work per guess and two kiosks with the same PIN never share a hash.
The cost parameters are stored with the hash, so they can be raised later without breaking
PINs that were set before.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import logging
import re
import secrets

log = logging.getLogger(__name__)

MIN_DIGITS, MAX_DIGITS = 4, 8
SCHEME = "scrypt"
# About 16 MiB and a few tens of milliseconds per check: slow for a thief, quick for a nurse.
N, R, P = 2**14, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
_DIGITS = re.compile(rf"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")


class PinError(ValueError):
    """The PIN breaks a rule; the message says which, in words for staff."""


def check_pin_rules(pin: str) -> None:
    """Raise PinError unless `pin` is 4-8 digits and not one of the first guesses anyone tries."""
    if not _DIGITS.fullmatch(pin):
        raise PinError(f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits (0-9), nothing else.")
    if len(set(pin)) == 1:
        raise PinError("The PIN must not be one digit repeated (like 0000).")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {-1}):
        raise PinError("The PIN must not be a run of digits (like 1234 or 4321).")


def hash_pin(pin: str) -> str:
    """Check the rules, then return 'scrypt$n=..,r=..,p=..$salt$key' (base64) for storing."""
    check_pin_rules(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(pin, salt, N, R, P)
    return f"{SCHEME}$n={N},r={R},p={P}${_b64(salt)}${_b64(key)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`; a stored value we cannot read never matches."""
    try:
        scheme, params, salt_text, key_text = stored.split("$")
        cost = dict(item.split("=") for item in params.split(","))
        n, r, p = int(cost["n"]), int(cost["r"]), int(cost["p"])
        salt, key = base64.b64decode(salt_text), base64.b64decode(key_text)
        if scheme != SCHEME or not salt or not key or not 1 < n <= 2**20 or r * p > 64:
            raise ValueError(scheme)
    except (ValueError, KeyError):
        log.error("the stored staff PIN hash is unreadable; set the PIN again with kiosk set-pin")
        return False
    if not _DIGITS.fullmatch(pin):
        return False  # still a wrong attempt, but not worth the memory-hard work
    return hmac.compare_digest(_derive(pin, salt, n, r, p, len(key)), key)


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, length: int = KEY_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r * p, dklen=length
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
