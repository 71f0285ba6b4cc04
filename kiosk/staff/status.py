"""The kiosk's status: one dict for the staff panel, `kiosk status` and the fleet heartbeat.

Status leaves the building (the heartbeat), so it is built to hold no personal data: from
the callback outbox it copies three numbers and nothing else, and an error from any source
is reported by its type only, since an exception's message might quote what it was given.

The sources are optional callables (`store.info`, `outbox.counts`, the sync's state, the
heartbeat's report), so status works before a feature exists, and a source that fails is a
failed check rather than a broken staff panel. Call it on the thread that owns the sources.

Where each fact lives decides who can report it: the content, the outbox and the last sync
are files (whoever synced, the kiosk or `kiosk sync --once`, wrote DATA_DIR/sync/state.json),
so any process reads them; the heartbeat's report lives only in the running kiosk, which
keeps a copy in the state file for `kiosk status`.
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.staff.checks import failed_checks
from kiosk.staff.modes import DEFAULT_MODE, MODE_NAMES
from kiosk.staff.runtime import KioskRuntime
from kiosk.staff.state import StaffState

Source = Callable[[], Any] | None


def collect_status(
    config: Any,
    data_dir: Path,
    state: StaffState | None,
    *,
    content: Source = None,
    sync: Source = None,
    outbox: Source = None,
    heartbeat: Source = None,
    counts: Source = None,
    now: float | None = None,
) -> dict[str, Any]:
    """Everything staff and admins need to know about this kiosk, as JSON-ready values.

    `state` is None for a kiosk that never started (no state file yet).

    `content` returns a ContentInfo (or None); `sync` returns a SyncState (`last_success`,
    `last_error`, `last_attempt`, `content_version`) and `heartbeat` a report with
    `last_success` and `last_error`; `outbox` returns counts with `pending`, `failed` and the
    oldest pending request's age in seconds. A None source is a fact not available here;
    for the heartbeat, the running kiosk's last report (kept in the state file) is used.
    `counts` returns the per-day counts (kiosk.staff.counts.DailyCounts.report): numbers by
    day, card and language only, which the heartbeat carries to the fleet.
    """
    now = time.time() if now is None else now
    runtime = state.runtime() if state else KioskRuntime()
    running = _is_running(runtime.pid)
    problems: dict[str, str] = dict(runtime.problems) if running else {}
    status: dict[str, Any] = {
        "kiosk_id": config["kiosk.id"] or socket.gethostname(),
        "app_version": __version__,
        "collected_at": _iso(now),
        "mode": state.mode if state else DEFAULT_MODE,
        "pin_set": state.has_pin() if state else False,
        "running": running,
        "started_at": _iso(runtime.started_at),
        "uptime_seconds": int(now - runtime.started_at) if running and runtime.started_at else None,
        "content": _read(content, _content, "content", problems),
        "sync": _read(sync, _sync, "sync", problems),
        "outbox": _read(outbox, _outbox, "callback outbox", problems),
        "disk_free_bytes": shutil.disk_usage(data_dir).free,
        "data_dir": str(data_dir),
        "problems": problems,
    }
    if counts is not None:
        status["counts"] = _read(counts, dict, "counts", problems)
    if heartbeat is not None:  # this is the kiosk: keep the report for `kiosk status`
        status["heartbeat"] = _read(heartbeat, _report, "heartbeat", problems)
        if state:
            state.set_report("heartbeat", status["heartbeat"])
    else:  # another process: what the running kiosk last reported, if it runs
        status["heartbeat"] = runtime.reports.get("heartbeat") if running else None
    status["failed_checks"] = failed_checks(status, config)
    return status


def _read(source: Source, convert: Callable[[Any], Any], name: str, problems: dict) -> Any:
    if source is None:
        return None
    try:
        value = source()
        return None if value is None else convert(value)
    except Exception as error:  # a broken source is a failed check, not a broken panel
        problems[name] = f"could not be read ({type(error).__name__})"
        return None


def _content(info: Any) -> dict[str, Any]:
    return {
        "version": str(info.version),
        "digest": str(getattr(info, "digest", "")),
        "published": _iso(getattr(info, "published", None)),
        "loaded_at": _iso(info.loaded_at),
        "origin": str(info.origin),
    }


def _report(report: Any) -> dict[str, Any]:
    error = report.last_error
    return {
        "last_success": _iso(report.last_success),
        "last_error": None if error is None else str(error)[:300],
    }


def _sync(state: Any) -> dict[str, Any]:
    """The last sync by anyone: when it last worked, and how the last try went."""
    return {
        **_report(state),
        "last_attempt": _iso(getattr(state, "last_attempt", None)),
        "content_version": getattr(state, "content_version", None),
    }


def _outbox(counts: Any) -> dict[str, Any]:
    """Numbers only (an OutboxCounts), whatever else the counts object might carry."""
    oldest = counts.oldest_pending_age_seconds
    return {
        "pending": int(counts.pending),
        "failed": int(counts.failed),
        "oldest_pending_age_seconds": None if oldest is None else int(oldest),
    }


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


# -- in words --------------------------------------------------------------------------------


def status_rows(status: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for `kiosk status`, in the order staff read them.

    The staff panel shows the same facts in this order, worded through Qt's translations
    (`kiosk/ui/widgets/status_view.py`); a fact added here belongs there too.
    """
    content, outbox = status["content"], status["outbox"]
    return [
        ("Kiosk", f"{status['kiosk_id']}, version {status['app_version']}"),
        ("Mode", MODE_NAMES.get(status["mode"], status["mode"])),
        ("Running", _running(status)),
        ("Content", _content_words(content) if content else "none loaded"),
        ("Last sync", _sync_words(status["sync"])),
        ("Last sync error", _error_words(status["sync"])),
        ("Callback outbox", _outbox_words(outbox) if outbox else "not available"),
        ("Fleet heartbeat", _heartbeat_words(status["heartbeat"])),
        ("Free disk", f"{status['disk_free_bytes'] / 1000**3:.1f} GB"),
        ("Data directory", status["data_dir"]),
    ]


def format_status(status: dict[str, Any]) -> str:
    """The status as text for `kiosk status`: aligned rows, then the failed checks."""
    rows = status_rows(status)
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"{label + ':':<{width}}{value}" for label, value in rows]
    checks = status["failed_checks"]
    if checks:
        lines.append(f"{'Checks:':<{width}}{len(checks)} failed")
        lines += [f"  - {check}" for check in checks]
    else:
        lines.append(f"{'Checks:':<{width}}all passed")
    return "\n".join(lines)


def _running(status: dict[str, Any]) -> str:
    started = local_time(status["started_at"])
    if status["running"]:
        return f"yes, since {started} ({duration_words(status['uptime_seconds'])})"
    return f"no (last started {started})" if status["started_at"] else "no (never started)"


def _content_words(content: dict[str, Any]) -> str:
    published = f", published {local_time(content['published'])}" if content["published"] else ""
    return (
        f"version {content['version']}{published}, loaded {local_time(content['loaded_at'])} "
        f"({content['origin']})"
    )


def _sync_words(report: dict[str, Any] | None) -> str:
    """When content last synced and how: "2026-03-01 10:15 CET, content version 2026-03"."""
    if report is None:
        return "not available"
    success, attempt = report["last_success"], report.get("last_attempt")
    if report["last_error"]:  # the last try failed: its reason is the next row
        since = f"last success {local_time(success)}" if success else "never succeeded"
        return f"failed {local_time(attempt)} ({since})" if attempt else f"failed ({since})"
    if not success:
        return "never"
    version = report.get("content_version")
    return f"{local_time(success)}, content version {version}" if version else local_time(success)


def _error_words(report: dict[str, Any] | None) -> str:
    if report is None:
        return "not available"
    return report["last_error"] or "none"


def _outbox_words(outbox: dict[str, Any]) -> str:
    oldest = outbox["oldest_pending_age_seconds"]
    age = f" (oldest {duration_words(oldest)})" if outbox["pending"] and oldest is not None else ""
    return f"{outbox['pending']} pending{age}, {outbox['failed']} failed"


def _heartbeat_words(report: dict[str, Any] | None) -> str:
    if report is None:
        return "off"
    if report["last_error"]:
        return f"failing: {report['last_error']}"
    if report["last_success"]:
        return f"last sent {local_time(report['last_success'])}"
    return "not yet"


def local_time(iso: str | None) -> str:
    """An ISO time as local time, to the minute, with its zone.

    Public because the staff panel words its rows itself (translated) and shows times alike.
    """
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
