"""The checks behind "honest status": what is wrong with this kiosk, in words staff can act on.

They are worked out from the collected status and the config alone, so the staff panel,
`kiosk status` and the fleet's heartbeat all list the same failures for the same kiosk.
"""

from __future__ import annotations

from typing import Any

LOW_DISK_BYTES = 500 * 1000**2
STALE_OUTBOX_SECONDS = 60 * 60


def failed_checks(status: dict[str, Any], config: Any) -> list[str]:
    """Every check that failed, most urgent first; an empty list when all is well."""
    failed: list[str] = []
    if not status["running"]:
        failed.append("The kiosk is not running.")
    if not status["pin_set"]:
        failed.append("No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`).")
    if status["content"] is None:
        failed.append("No content is loaded.")
    failed += _callback_checks(status, config)
    if not config["sync.repository_url"]:
        failed.append("Content updates are off: sync.repository_url is empty.")
    failed += _heartbeat_checks(status, config)
    if status["disk_free_bytes"] < LOW_DISK_BYTES:
        failed.append(f"Low disk space: {status['disk_free_bytes'] // 1000**2} MB free.")
    failed += [f"{name.capitalize()}: {message}" for name, message in status["problems"].items()]
    return failed


def _callback_checks(status: dict[str, Any], config: Any) -> list[str]:
    failed = []
    if not config["callbacks.endpoint"]:
        failed.append("No callback endpoint: callback requests stay queued on this kiosk.")
    elif not config["callbacks.secret"]:
        failed.append("A callback endpoint is set but callbacks.secret is empty.")
    outbox = status["outbox"]
    if outbox is not None:
        if outbox["failed"]:
            failed.append(f"{outbox['failed']} callback request(s) could not be delivered.")
        oldest = outbox["oldest_pending_age_seconds"]
        if oldest is not None and oldest > STALE_OUTBOX_SECONDS:
            failed.append("Callback requests have been waiting for more than an hour.")
    return failed


def _heartbeat_checks(status: dict[str, Any], config: Any) -> list[str]:
    endpoint = config["status.endpoint"]
    if not endpoint:
        return []
    try:
        from kiosk.health.heartbeat import check_endpoint  # the HTTP stack, only when needed

        check_endpoint(endpoint)
    except ValueError as error:
        return [f"Fleet status is off: {error}."]
    if not config["status.secret"]:
        return ["Fleet status is off: status.endpoint is set but status.secret is empty."]
    heartbeat = status["heartbeat"]
    if heartbeat is not None and heartbeat["last_error"]:
        return [f"Fleet status is not getting through: {heartbeat['last_error']}"]
    return []
