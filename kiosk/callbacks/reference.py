"""Reference codes a patient can read aloud, and the idempotency keys that travel with them.

A reference is six characters from an alphabet without look-alikes (no 0/O, 1/I/L) and
without U (so no accidental words), e.g. "7KX4QM": easy to read from the screen and to say
on the phone. 30**6 is about 729 million codes; the outbox draws again on the rare clash.
The idempotency key adds 128 random bits, so two kiosks can never share one.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 6


def new_reference(choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh random reference code, e.g. "7KX4QM"."""
    return "".join(choice(ALPHABET) for _ in range(LENGTH))


def is_reference(text: str) -> bool:
    return len(text) == LENGTH and all(c in ALPHABET for c in text)


def new_idempotency_key(reference: str) -> str:
    """The reference (for people reading logs) plus 128 random bits (for uniqueness)."""
    return f"{reference}-{secrets.token_hex(16)}"
