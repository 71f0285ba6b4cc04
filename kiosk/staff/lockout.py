"""The lockout rule for wrong PINs, as pure functions of the counters and the time.

Five wrong PINs in a row lock the pad for 1 minute; each further run of five locks it
longer (5 minutes, then 15 minutes, and 15 minutes from then on) until a right PIN or a new
PIN resets the count. Kept apart from storage so the rule reads in one place.

The end of a lockout is stored as wall-clock time, so it survives a restart (a monotonic
clock starts again at every boot). A wall clock can jump back, though (an NTP correction, a
dead RTC battery): then `locked_until` lies further ahead than any lockout lasts. `bounded`
pulls it back to now plus that lockout's own length, so the pad never stays locked longer
than the countdown it shows, however far the clock went back.
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


def lockout_seconds(lockouts: int) -> int:
    """How long the `lockouts`-th lockout lasts (1 for the first)."""
    return LOCKOUT_SECONDS[min(max(lockouts, 1) - 1, len(LOCKOUT_SECONDS) - 1)]


def bounded(counters: Counters, now: float) -> Counters:
    """The counters with the lockout ending no later than `now` plus its own length: after
    the wall clock jumped back, the lockout runs from now rather than until the clock
    catches up (which could be hours or days). Unchanged when the clock did not go back."""
    if not counters.lockouts:
        return counters
    latest = now + lockout_seconds(counters.lockouts)
    if counters.locked_until <= latest:
        return counters
    return Counters(counters.failures, counters.lockouts, latest)


def remaining(counters: Counters, now: float) -> int:
    """Whole seconds the pad stays locked; never longer than the lockout itself."""
    if not counters.lockouts:
        return 0
    return max(0, math.ceil(bounded(counters, now).locked_until - now))


def after_wrong(counters: Counters, now: float) -> tuple[Counters, PinResult]:
    """The counters and the result after one more wrong PIN (the pad was not locked)."""
    failures = counters.failures + 1
    if failures < ATTEMPTS_BEFORE_LOCKOUT:
        left = ATTEMPTS_BEFORE_LOCKOUT - failures
        return Counters(failures, counters.lockouts, counters.locked_until), PinResult(
            WRONG, attempts_left=left
        )
    seconds = lockout_seconds(counters.lockouts + 1)
    return Counters(0, counters.lockouts + 1, now + seconds), PinResult(
        LOCKED, locked_seconds=seconds
    )
