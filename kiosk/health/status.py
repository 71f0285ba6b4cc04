"""The kiosk's status: one typed `KioskStatus` for the staff panel, `kiosk status` and the
fleet heartbeat.

Status leaves the building (the heartbeat), so it is built to hold no personal data: from
the callback outbox it copies three numbers and nothing else, and an error from any source
is reported by its type only, since an exception's message might quote what it was given.

The sources are optional callables (`store.info`, `outbox.counts`, the sync's state, the
heartbeat's report), so status works before a feature exists, and a source that fails is a
failed check rather than a broken staff panel. Call it on the thread that owns the sources.
Collecting reads and never writes: the running kiosk keeps the heartbeat's report in its
state file where the heartbeat is wired (kiosk/app.py, `heartbeat.keep_report`).

Where each fact lives decides who can report it: the content, the outbox and the last sync
are files (whoever synced, the kiosk or `kiosk sync --once`, wrote DATA_DIR/sync/state.json),
so any process reads them; the heartbeat's report lives only in the running kiosk, which
keeps a copy in the state file for `kiosk status`.

Nothing here is in words: facts are values, checks and sync errors are codes with parameters
(kiosk/health/facts.py orders them for the faces, which word them once each).
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.content.updates.outcome import SyncError
from kiosk.health.checks import Check, Source, failed_checks
from kiosk.staff.modes import DEFAULT_MODE
from kiosk.staff.runtime import KioskRuntime
from kiosk.staff.state import StaffState

SourceFn = Callable[[], Any] | None


@dataclass(frozen=True)
class ContentFacts:
    """The content in the store (times as ISO 8601, UTC)."""

    version: str
    published: str | None
    loaded_at: str | None
    origin: str
    digest: str = ""  # the loader's digest: the hub compares it with the newest published
    trials_fetched_at: str | None = None  # the clinical-trials list's fetch; None: no list


@dataclass(frozen=True)
class SyncFacts:
    """The last sync by anyone: when it last worked, and how the last try went."""

    last_success: str | None
    last_error: SyncError | None
    last_attempt: str | None = None
    content_version: str | None = None


@dataclass(frozen=True)
class OutboxFacts:
    """The callback outbox in numbers, and nothing else."""

    pending: int
    failed: int
    oldest_pending_age_seconds: int | None


@dataclass(frozen=True)
class HeartbeatFacts:
    """How the fleet heartbeat has gone lately; `last_error` is the transport's short words."""

    last_success: str | None
    last_error: str | None
    error_status: int | None = None  # the hub's HTTP status, when it answered
    error_cause: str | None = None  # else why not: a kiosk.net.causes.Cause code

    @classmethod
    def from_report(cls, report: Any) -> HeartbeatFacts:
        """From a SendReport, or the dict the running kiosk kept of one."""
        get = (
            report.get if isinstance(report, Mapping) else lambda name: getattr(report, name, None)
        )
        error, status, cause = get("last_error"), get("error_status"), get("error_cause")
        return cls(
            _iso(get("last_success")),
            None if error is None else str(error)[:300],
            status if isinstance(status, int) and not isinstance(status, bool) else None,
            cause if isinstance(cause, str) else None,
        )


@dataclass(frozen=True)
class KioskStatus:
    """Everything staff and admins need to know about this kiosk; `asdict` makes it JSON."""

    kiosk_id: str
    app_version: str
    collected_at: str | None
    mode: str  # one of kiosk.staff.modes.MODES
    pin_set: bool
    running: bool
    started_at: str | None
    uptime_seconds: int | None
    content: ContentFacts | None
    sync: SyncFacts | None
    outbox: OutboxFacts | None
    heartbeat: HeartbeatFacts | None
    disk_free_bytes: int
    data_dir: str
    problems: Mapping[str, str] = field(default_factory=dict)  # what running parts reported
    unreadable: Mapping[str, str] = field(default_factory=dict)  # Source -> the error's type
    checks: tuple[Check, ...] = ()
    # Per-day counts (kiosk.staff.counts): numbers by day, card and language only, for the
    # heartbeat; None where this process does not count (another process, `kiosk status`).
    counts: Mapping[str, Any] | None = None


def collect_status(
    config: Any,
    data_dir: Path,
    state: StaffState | None,
    *,
    content: SourceFn = None,
    sync: SourceFn = None,
    outbox: SourceFn = None,
    heartbeat: SourceFn = None,
    counts: SourceFn = None,
    now: float | None = None,
) -> KioskStatus:
    """Everything staff and admins need to know about this kiosk. Reads; writes nothing.

    `state` is None for a kiosk that never started (no state file yet).

    `content` returns a ContentInfo (or None); `sync` returns a SyncState (`last_success`,
    `last_error`, `last_attempt`, `content_version`) and `heartbeat` a report with
    `last_success` and `last_error`; `outbox` returns counts with `pending`, `failed` and the
    oldest pending request's age in seconds. A None source is a fact not available here;
    for the heartbeat, the running kiosk's last report (kept in the state file) is used.
    `counts` returns the per-day counts (kiosk.staff.counts.DailyCounts.report).
    """
    now = time.time() if now is None else now
    runtime = state.runtime() if state else KioskRuntime()
    running = _is_running(runtime.pid)
    unreadable: dict[str, str] = {}
    if heartbeat is not None:  # this is the kiosk: its live report
        beat = _read(heartbeat, HeartbeatFacts.from_report, Source.HEARTBEAT, unreadable)
    else:  # another process: what the running kiosk last reported, if it runs
        kept = runtime.reports.get("heartbeat") if running else None
        beat = HeartbeatFacts.from_report(kept) if kept else None
    status = KioskStatus(
        kiosk_id=config["kiosk.id"] or socket.gethostname(),
        app_version=__version__,
        collected_at=_iso(now),
        mode=state.mode if state else DEFAULT_MODE,
        pin_set=state.has_pin() if state else False,
        running=running,
        started_at=_iso(runtime.started_at),
        uptime_seconds=int(now - runtime.started_at) if running and runtime.started_at else None,
        content=_read(content, _content, Source.CONTENT, unreadable),
        sync=_read(sync, _sync, Source.SYNC, unreadable),
        outbox=_read(outbox, _outbox, Source.OUTBOX, unreadable),
        heartbeat=beat,
        disk_free_bytes=shutil.disk_usage(data_dir).free,
        data_dir=str(data_dir),
        problems=dict(runtime.problems) if running else {},
        counts=_read(counts, dict, Source.COUNTS, unreadable),
        unreadable=_in_source_order(unreadable),
    )
    return replace(status, checks=failed_checks(status, config))


def status_json(status: KioskStatus) -> dict[str, Any]:
    """The status as JSON values (`kiosk status --json`, the heartbeat): every field, the
    checks as codes with parameters, and `failed_checks`, the same checks in English
    sentences (what the hub shows)."""
    from kiosk.health.english import check_sentence

    values = asdict(status)
    values["failed_checks"] = [check_sentence(check) for check in status.checks]
    return values


def _in_source_order(unreadable: dict[str, str]) -> dict[str, str]:
    return {source: unreadable[source] for source in Source if source in unreadable}


def _read(source: SourceFn, convert: Callable[[Any], Any], name: Source, unreadable: dict) -> Any:
    if source is None:
        return None
    try:
        value = source()
        return None if value is None else convert(value)
    except Exception as error:  # a broken source is a failed check, not a broken panel
        unreadable[name] = type(error).__name__
        return None


def _content(info: Any) -> ContentFacts:
    return ContentFacts(
        version=str(info.version),
        published=_iso(getattr(info, "published", None)),
        loaded_at=_iso(info.loaded_at),
        origin=str(info.origin),
        digest=str(getattr(info, "digest", "")),
        trials_fetched_at=_iso(getattr(info, "trials_fetched_at", None)),
    )


def _sync(state: Any) -> SyncFacts:
    return SyncFacts(
        last_success=_iso(state.last_success),
        last_error=SyncError.from_stored(state.last_error),
        last_attempt=_iso(getattr(state, "last_attempt", None)),
        content_version=getattr(state, "content_version", None),
    )


def _outbox(counts: Any) -> OutboxFacts:
    """Numbers only (an OutboxCounts), whatever else the counts object might carry."""
    oldest = counts.oldest_pending_age_seconds
    return OutboxFacts(
        pending=int(counts.pending),
        failed=int(counts.failed),
        oldest_pending_age_seconds=None if oldest is None else int(oldest),
    )


def _iso(value: Any) -> str | None:
    """Times as ISO 8601 in UTC, whatever they came as (epoch seconds, datetime or text)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        value = datetime.datetime.fromtimestamp(value, datetime.UTC)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.UTC)
        return value.astimezone(datetime.UTC).isoformat(timespec="seconds")
    return str(value)


def _is_running(pid: int | None) -> bool:
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user (the kiosk's own)
        return True
    return True
