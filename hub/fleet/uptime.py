"""Uptime from flips, as Healthchecks computes it: not from every heartbeat, from each change.

A kiosk's state at any moment is that of its last flip before it. Time before a kiosk's first
flip is not counted either way (it was not installed yet), so a kiosk set up a week ago that
never went quiet has 100 %, not 23 %.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from hub.intake.retention import FLIP_DAYS

UPTIME_DAYS = FLIP_DAYS  # prune keeps exactly what this needs


def uptime(
    flips: Iterable[tuple[datetime.datetime, bool]],
    since: datetime.datetime,
    now: datetime.datetime,
    state_before: bool | None = None,
) -> float | None:
    """The fraction of [since, now] the kiosk was online, from its flips in time order.

    `state_before` is the state of its last flip before `since` (None: none). Returns None
    when no time in the window is known (no flip before `now`).
    """
    state, start = state_before, since
    online = tracked = 0.0
    for at, flip_online in flips:
        if at <= since:
            state = flip_online
            continue
        if at >= now:
            break
        if state is not None:
            span = (at - start).total_seconds()
            tracked += span
            online += span if state else 0.0
        state, start = flip_online, at
    if state is not None:
        span = (now - start).total_seconds()
        tracked += span
        online += span if state else 0.0
    return online / tracked if tracked > 0 else None
