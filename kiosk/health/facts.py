"""The status as staff read it: one ordered list of facts, each a code and its values.

`status_facts` is the one place that decides which facts there are and in which order; the
faces only word them, each once: `kiosk status` in English (kiosk/health/english.py), the
staff panel in its language (kiosk/ui/widgets/status_view.py). A fact whose `params` are
empty is one this kiosk does not have (no content loaded, the outbox not readable, the
heartbeat off). Times and durations are formatted here the same for every language.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.health.status import KioskStatus


class FactCode(enum.StrEnum):
    KIOSK = "kiosk"  # kiosk_id, app_version
    MODE = "mode"  # mode (kiosk.staff.modes)
    RUNNING = "running"  # running, started_at, uptime_seconds
    CONTENT = "content"  # version, published, loaded_at, origin
    LAST_SYNC = "last_sync"  # last_success, last_attempt, failed, content_version
    LAST_SYNC_ERROR = "last_sync_error"  # error: a SyncError or None
    OUTBOX = "outbox"  # pending, failed, oldest_pending_age_seconds
    HEARTBEAT = "heartbeat"  # last_success, last_error
    FREE_DISK = "free_disk"  # bytes
    DATA_DIR = "data_dir"  # path


@dataclass(frozen=True)
class Fact:
    code: FactCode
    params: Mapping[str, Any] = field(default_factory=dict)


def status_facts(status: KioskStatus) -> list[Fact]:
    """The facts of `status`, in the order staff read them."""
    content, sync, outbox, beat = status.content, status.sync, status.outbox, status.heartbeat
    return [
        Fact(FactCode.KIOSK, {"kiosk_id": status.kiosk_id, "app_version": status.app_version}),
        Fact(FactCode.MODE, {"mode": status.mode}),
        Fact(
            FactCode.RUNNING,
            {
                "running": status.running,
                "started_at": status.started_at,
                "uptime_seconds": status.uptime_seconds,
            },
        ),
        Fact(FactCode.CONTENT, _values(content)),
        Fact(
            FactCode.LAST_SYNC,
            {}
            if sync is None
            else {
                "last_success": sync.last_success,
                "last_attempt": sync.last_attempt,
                "failed": sync.last_error is not None,
                "content_version": sync.content_version,
            },
        ),
        Fact(FactCode.LAST_SYNC_ERROR, {} if sync is None else {"error": sync.last_error}),
        Fact(FactCode.OUTBOX, _values(outbox)),
        Fact(FactCode.HEARTBEAT, _values(beat)),
        Fact(FactCode.FREE_DISK, {"bytes": status.disk_free_bytes}),
        Fact(FactCode.DATA_DIR, {"path": status.data_dir}),
    ]


def _values(facts: Any) -> dict[str, Any]:
    return {} if facts is None else dict(vars(facts))


def local_time(iso: str | None) -> str:
    """An ISO time as local time, to the minute, with its zone ("unknown" when there is none:
    callers say it in their language first)."""
    if not iso:
        return "unknown"
    try:
        moment = datetime.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M %Z")


def duration_words(seconds: int | None) -> str:
    """A duration in the units staff read at a glance (d, h, min, s: the same in Spanish)."""
    if seconds is None:
        return "unknown"
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if days:
        return f"{days} d {hours % 24} h"
    if hours:
        return f"{hours} h {minutes % 60} min"
    return f"{minutes} min" if minutes else f"{seconds} s"


def gigabytes(size: int) -> str:
    return f"{size / 1000**3:.1f} GB"
