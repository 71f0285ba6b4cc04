"""The checks behind "honest status": what is wrong with this kiosk, as codes with parameters.

They are worked out from the collected status and the config alone, so the staff panel,
`kiosk status` and the fleet's heartbeat all list the same failures for the same kiosk. Each
face words a `Check` itself: `kiosk status` and the heartbeat in English
(kiosk/health/english.py), the staff panel in its language (kiosk/ui/widgets/status_view.py).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.net.addresses import address_fault

if TYPE_CHECKING:
    from kiosk.health.status import KioskStatus

LOW_DISK_BYTES = 500 * 1000**2
STALE_OUTBOX_SECONDS = 60 * 60


class CheckCode(enum.StrEnum):
    """A failed check. Sent in the heartbeat: never rename one once shipped."""

    NOT_RUNNING = "not_running"
    NO_PIN = "no_pin"
    NO_CONTENT = "no_content"
    NO_CALLBACK_ENDPOINT = "no_callback_endpoint"
    NO_CALLBACK_SECRET = "no_callback_secret"
    UNDELIVERED_CALLBACKS = "undelivered_callbacks"  # count
    STALE_CALLBACKS = "stale_callbacks"  # waiting longer than STALE_OUTBOX_SECONDS
    SYNC_OFF = "sync_off"
    FLEET_BAD_ENDPOINT = "fleet_bad_endpoint"  # setting, fault (kiosk.net.addresses)
    FLEET_NO_SECRET = "fleet_no_secret"
    FLEET_FAILING = "fleet_failing"  # error: the transport's words ("HTTP 503"); status, cause
    LOW_DISK = "low_disk"  # free_mb
    UNREADABLE = "unreadable"  # source (a Source), error: the exception's type
    PROBLEM = "problem"  # source ("speech", "callbacks"), detail: what that part reported
    TRIALS_STALE = "trials_stale"  # days: the trials list is older than trials.stale_days


class Source(enum.StrEnum):
    """Where status reads a fact from (a source that fails is a failed check)."""

    CONTENT = "content"
    SYNC = "sync"
    OUTBOX = "outbox"
    HEARTBEAT = "heartbeat"
    COUNTS = "counts"


@dataclass(frozen=True)
class Check:
    """One failed check: its code and the values its words need (plain text and numbers)."""

    code: CheckCode
    params: Mapping[str, Any] = field(default_factory=dict)


def failed_checks(status: KioskStatus, config: Any) -> tuple[Check, ...]:
    """Every check that failed, most urgent first; empty when all is well."""
    failed: list[Check] = []
    if not status.running:
        failed.append(Check(CheckCode.NOT_RUNNING))
    if not status.pin_set:
        failed.append(Check(CheckCode.NO_PIN))
    if status.content is None:
        failed.append(Check(CheckCode.NO_CONTENT))
    else:
        failed += _trials_checks(status, config)
    failed += _callback_checks(status, config)
    if not config["sync.repository_url"]:
        failed.append(Check(CheckCode.SYNC_OFF))
    failed += _heartbeat_checks(status, config)
    if status.disk_free_bytes < LOW_DISK_BYTES:
        failed.append(Check(CheckCode.LOW_DISK, {"free_mb": status.disk_free_bytes // 1000**2}))
    failed += [
        Check(CheckCode.PROBLEM, {"source": name, "detail": detail})
        for name, detail in status.problems.items()
    ]
    failed += [
        Check(CheckCode.UNREADABLE, {"source": source, "error": error})
        for source, error in status.unreadable.items()
    ]
    return tuple(failed)


def _trials_checks(status: KioskStatus, config: Any) -> list[Check]:
    """The clinical-trials list, when the content has one, is no older than trials.stale_days."""
    fetched = status.content.trials_fetched_at if status.content else None
    if not fetched or not status.collected_at:
        return []
    try:
        age = datetime.datetime.fromisoformat(
            status.collected_at
        ) - datetime.datetime.fromisoformat(fetched)
    except ValueError:
        return []
    if age > datetime.timedelta(days=config["trials.stale_days"]):
        return [Check(CheckCode.TRIALS_STALE, {"days": age.days})]
    return []


def _callback_checks(status: KioskStatus, config: Any) -> list[Check]:
    failed = []
    if not config["callbacks.endpoint"]:
        failed.append(Check(CheckCode.NO_CALLBACK_ENDPOINT))
    elif not config["callbacks.secret"]:
        failed.append(Check(CheckCode.NO_CALLBACK_SECRET))
    outbox = status.outbox
    if outbox is not None:
        if outbox.failed:
            failed.append(Check(CheckCode.UNDELIVERED_CALLBACKS, {"count": outbox.failed}))
        oldest = outbox.oldest_pending_age_seconds
        if oldest is not None and oldest > STALE_OUTBOX_SECONDS:
            failed.append(Check(CheckCode.STALE_CALLBACKS))
    return failed


def _heartbeat_checks(status: KioskStatus, config: Any) -> list[Check]:
    endpoint = config["status.endpoint"]
    if not endpoint:
        return []
    fault = address_fault(endpoint)
    if fault:
        return [Check(CheckCode.FLEET_BAD_ENDPOINT, {"setting": "status.endpoint", "fault": fault})]
    if not config["status.secret"]:
        return [Check(CheckCode.FLEET_NO_SECRET)]
    heartbeat = status.heartbeat
    if heartbeat is not None and heartbeat.last_error:
        params: dict[str, str | int] = {"error": heartbeat.last_error}
        if heartbeat.error_status:
            params["status"] = heartbeat.error_status  # the panel words these itself
        if heartbeat.error_cause:
            params["cause"] = heartbeat.error_cause
        return [Check(CheckCode.FLEET_FAILING, params)]
    return []
