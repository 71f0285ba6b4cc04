"""The lockout rule for wrong PINs, as pure functions of the counters and the time.

Five wrong PINs in a row lock the pad for 1 minute; each further run of five locks it
longer (5 minutes, then 15 minutes, and 15 minutes from then on) until a right PIN or a new
PIN resets the count. Kept apart from storage so the rule reads in one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ATTEMPTS_BEFORE_LOCKOUT = 5
LOCKOUT_SECONDS = (60, 300, 900)  # the first, second, third and every later lockout
OK, WRONG, LOCKED, NO_PIN = "ok", "wrong", "locked", "no_pin"


@dataclass(frozen=True)
class PinResult:
    """How a PIN attempt went: ok, wrong (with attempts left), locked (seconds left), no_pin."""

    outcome: str
    attempts_left: int = 0
    locked_seconds: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == OK


@dataclass(frozen=True)
class Counters:
    failures: int = 0  # wrong attempts in the current run
    lockouts: int = 0  # lockouts since the last right PIN
    locked_until: float = 0.0  # wall-clock seconds


def remaining(counters: Counters, now: float) -> int:
    """Whole seconds the pad stays locked; never longer than the lockout itself, so a wall
    clock that jumped back cannot lock staff out for hours."""
    if not counters.lockouts:
        return 0
    longest = LOCKOUT_SECONDS[min(counters.lockouts - 1, len(LOCKOUT_SECONDS) - 1)]
    return max(0, min(longest, math.ceil(counters.locked_until - now)))


def after_wrong(counters: Counters, now: float) -> tuple[Counters, PinResult]:
    """The counters and the result after one more wrong PIN (the pad was not locked)."""
    failures = counters.failures + 1
    if failures < ATTEMPTS_BEFORE_LOCKOUT:
        left = ATTEMPTS_BEFORE_LOCKOUT - failures
        return Counters(failures, counters.lockouts, counters.locked_until), PinResult(
            WRONG, attempts_left=left
        )
    seconds = LOCKOUT_SECONDS[min(counters.lockouts, len(LOCKOUT_SECONDS) - 1)]
    return Counters(0, counters.lockouts + 1, now + seconds), PinResult(
        LOCKED, locked_seconds=seconds
    )
