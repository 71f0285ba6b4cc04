"""The status in English, worded once: `kiosk status`, and the heartbeat's `failed_checks`.

One table per kind of code: the facts (`FACT_WORDS`, each a row "Label: value"), the failed
checks (`CHECK_WORDS`), the mode names (`MODE_WORDS`); sync errors are worded where they are
defined (kiosk/content/updates/outcome.py), which `kiosk sync --once` and the log share. The
staff panel words the same codes through Qt's translations (kiosk/ui/widgets/status_view.py);
tests/staff/test_status_words.py fails if a code has no words in either face.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from kiosk.health.checks import Check, CheckCode, Source
from kiosk.health.facts import Fact, FactCode, duration_words, gigabytes, local_time, status_facts
from kiosk.net.addresses import FAULT_WORDS
from kiosk.staff import modes

if TYPE_CHECKING:
    from kiosk.health.status import KioskStatus

MODE_WORDS = {
    modes.PATIENT: "Patient",
    modes.SIGNAGE: "Signage",
    modes.OUT_OF_SERVICE: "Out of service",
}

SOURCE_WORDS = {
    Source.CONTENT: "Content",
    Source.SYNC: "Sync",
    Source.OUTBOX: "Callback outbox",
    Source.HEARTBEAT: "Heartbeat",
    Source.COUNTS: "Daily counts",
}

# What running parts of the kiosk report problems as (StaffState.set_problem); another name
# is shown capitalised.
PROBLEM_SOURCE_WORDS = {"speech": "Speech", "callbacks": "Callbacks"}

CHECK_WORDS: dict[CheckCode, str] = {
    CheckCode.NOT_RUNNING: "The kiosk is not running.",
    CheckCode.NO_PIN: "No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`).",
    CheckCode.NO_CONTENT: "No content is loaded.",
    CheckCode.NO_CALLBACK_ENDPOINT: (
        "No callback endpoint: callback requests stay queued on this kiosk."
    ),
    CheckCode.NO_CALLBACK_SECRET: "A callback endpoint is set but callbacks.secret is empty.",
    CheckCode.UNDELIVERED_CALLBACKS: "{count} callback request(s) could not be delivered.",
    CheckCode.STALE_CALLBACKS: "Callback requests have been waiting for more than an hour.",
    CheckCode.SYNC_OFF: "Content updates are off: sync.repository_url is empty.",
    CheckCode.FLEET_BAD_ENDPOINT: "Fleet status is off: {fault}.",
    CheckCode.FLEET_NO_SECRET: (
        "Fleet status is off: status.endpoint is set but status.secret is empty."
    ),
    CheckCode.FLEET_FAILING: "Fleet status is not getting through: {error}",
    CheckCode.LOW_DISK: "Low disk space: {free_mb} MB free.",
    CheckCode.UNREADABLE: "{source}: could not be read ({error})",
    CheckCode.PROBLEM: "{source}: {detail}",
    CheckCode.TRIALS_STALE: (
        "The clinical trials list is {days} days old: run `kiosk trials fetch` and publish again."
    ),
}


def check_sentence(check: Check) -> str:
    """One failed check in English."""
    params = dict(check.params)
    if check.code is CheckCode.FLEET_BAD_ENDPOINT:
        fault = FAULT_WORDS.get(params.get("fault", ""), "{setting} is not usable")
        params["fault"] = fault.format(setting=params.get("setting", "status.endpoint"))
    elif check.code is CheckCode.UNREADABLE:
        source = params.get("source")
        try:
            params["source"] = SOURCE_WORDS[Source(str(source))]
        except (ValueError, KeyError):  # a source this kiosk does not know: its own name
            params["source"] = str(source)
    elif check.code is CheckCode.PROBLEM:
        name = str(params.get("source", ""))
        params["source"] = PROBLEM_SOURCE_WORDS.get(name, name.capitalize())
    return CHECK_WORDS[check.code].format(**params)


# -- the facts, one row each ---------------------------------------------------------------


def _kiosk(p: Mapping[str, Any]) -> tuple[str, str]:
    return "Kiosk", f"{p['kiosk_id']}, version {p['app_version']}"


def _mode(p: Mapping[str, Any]) -> tuple[str, str]:
    return "Mode", MODE_WORDS.get(p["mode"], p["mode"])


def _running(p: Mapping[str, Any]) -> tuple[str, str]:
    started = local_time(p["started_at"])
    if p["running"]:
        return "Running", f"yes, since {started} ({duration_words(p['uptime_seconds'])})"
    return "Running", f"no (last started {started})" if p["started_at"] else "no (never started)"


def _content(p: Mapping[str, Any]) -> tuple[str, str]:
    if not p:
        return "Content", "none loaded"
    published = f", published {local_time(p['published'])}" if p["published"] else ""
    loaded = f"loaded {local_time(p['loaded_at'])} ({p['origin']})"
    return "Content", f"version {p['version']}{published}, {loaded}"


def _last_sync(p: Mapping[str, Any]) -> tuple[str, str]:
    """When content last synced and how: "2026-03-01 10:15 CET, content version 2026-03"."""
    if not p:
        return "Last sync", "not available"
    success, attempt = p["last_success"], p["last_attempt"]
    if p["failed"]:  # the last try failed: its reason is the next row
        since = f"last success {local_time(success)}" if success else "never succeeded"
        when = f" {local_time(attempt)}" if attempt else ""
        return "Last sync", f"failed{when} ({since})"
    if not success:
        return "Last sync", "never"
    version = p["content_version"]
    when = local_time(success)
    return "Last sync", f"{when}, content version {version}" if version else when


def _last_sync_error(p: Mapping[str, Any]) -> tuple[str, str]:
    if not p:
        return "Last sync error", "not available"
    error = p["error"]
    return "Last sync error", error.describe() if error else "none"


def _outbox(p: Mapping[str, Any]) -> tuple[str, str]:
    if not p:
        return "Callback outbox", "not available"
    oldest = p["oldest_pending_age_seconds"]
    age = f" (oldest {duration_words(oldest)})" if p["pending"] and oldest is not None else ""
    return "Callback outbox", f"{p['pending']} pending{age}, {p['failed']} failed"


def _heartbeat(p: Mapping[str, Any]) -> tuple[str, str]:
    if not p:
        return "Fleet heartbeat", "off"
    if p["last_error"]:
        return "Fleet heartbeat", f"failing: {p['last_error']}"
    if p["last_success"]:
        return "Fleet heartbeat", f"last sent {local_time(p['last_success'])}"
    return "Fleet heartbeat", "not yet"


FACT_WORDS: dict[FactCode, Callable[[Mapping[str, Any]], tuple[str, str]]] = {
    FactCode.KIOSK: _kiosk,
    FactCode.MODE: _mode,
    FactCode.RUNNING: _running,
    FactCode.CONTENT: _content,
    FactCode.LAST_SYNC: _last_sync,
    FactCode.LAST_SYNC_ERROR: _last_sync_error,
    FactCode.OUTBOX: _outbox,
    FactCode.HEARTBEAT: _heartbeat,
    FactCode.FREE_DISK: lambda p: ("Free disk", gigabytes(p["bytes"])),
    FactCode.DATA_DIR: lambda p: ("Data directory", p["path"]),
}


def fact_row(fact: Fact) -> tuple[str, str]:
    return FACT_WORDS[fact.code](fact.params)


def status_rows(status: KioskStatus) -> list[tuple[str, str]]:
    """(label, value) pairs for `kiosk status`, in the order of `status_facts`."""
    return [fact_row(fact) for fact in status_facts(status)]


def format_status(status: KioskStatus) -> str:
    """The status as text for `kiosk status`: aligned rows, then the failed checks."""
    rows = status_rows(status)
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"{label + ':':<{width}}{value}" for label, value in rows]
    checks = [check_sentence(check) for check in status.checks]
    if checks:
        lines.append(f"{'Checks:':<{width}}{len(checks)} failed")
        lines += [f"  - {check}" for check in checks]
    else:
        lines.append(f"{'Checks:':<{width}}all passed")
    return "\n".join(lines)
