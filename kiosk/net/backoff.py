"""How long to wait before trying a request again: exponential, jittered, capped.

The wait doubles with each failure from BASE_SECONDS up to CAP_SECONDS (10 minutes), and is
drawn between half and all of that ("equal jitter"), so a fleet of kiosks that lost the
network together does not come back in lockstep. A receiver's Retry-After wins when it asks
for longer, up to RETRY_AFTER_LIMIT_SECONDS so a wrong header cannot park requests for days.
The random source is injected, so tests know the exact delay.
"""

from __future__ import annotations

import datetime
import email.utils
from collections.abc import Callable

BASE_SECONDS = 5.0
CAP_SECONDS = 600.0
RETRY_AFTER_LIMIT_SECONDS = 3600.0


def retry_delay(
    failures: int,
    random: Callable[[], float],
    retry_after: float | None = None,
    *,
    base: float = BASE_SECONDS,
    cap: float = CAP_SECONDS,
) -> float:
    """Seconds to wait after the `failures`-th failure in a row (1 for the first).

    Requests use the defaults; the content sync starts from its own first retry and never
    waits longer than its interval.
    """
    exponent = min(max(failures, 1) - 1, 30)
    ceiling = min(cap, base * 2**exponent)
    delay = ceiling * (0.5 + 0.5 * random())
    if retry_after is not None:
        delay = max(delay, min(retry_after, RETRY_AFTER_LIMIT_SECONDS))
    return delay


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds from `now` that a Retry-After header asks for (delay-seconds or HTTP-date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are always GMT
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, when.timestamp() - now)
