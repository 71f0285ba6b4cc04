"""`kiosk outbox ...`: what staff and fleet monitoring may see of the callback outbox.

Only counts, ages and the delivery setup: never a name, a number or a reference.
"""

from __future__ import annotations

import argparse
import json
from urllib.parse import urlsplit

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    outbox = subcommands.add_parser("outbox", help="the queue of callback requests")
    actions = outbox.add_subparsers(dest="outbox_command", required=True)
    status = actions.add_parser(
        "status", help="how many callback requests are pending, delivered, failed or expired"
    )
    common.add_location_options(status)
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=show_status)
    retry = actions.add_parser(
        "retry-failed",
        help="queue requests the receiver refused again (after fixing the endpoint or secret)",
    )
    common.add_location_options(retry)
    retry.set_defaults(handler=retry_failed)


def show_status(args: argparse.Namespace) -> int:
    from kiosk.callbacks.endpoint import delivery_problem
    from kiosk.callbacks.outbox import OUTBOX_FILE, Outbox, OutboxCounts

    config = common.config(args)
    path = common.data_dir(args) / OUTBOX_FILE
    if path.exists():
        outbox = Outbox(path)
        try:
            counts = outbox.counts()
        finally:
            outbox.close()
    else:  # nothing was ever submitted here; do not create the file just to look
        counts = OutboxCounts(0, 0, 0, 0, None)
    problem = delivery_problem(config["callbacks.endpoint"], config["callbacks.secret"])
    endpoint = "" if problem else _origin(config["callbacks.endpoint"])
    if args.json:
        record = {
            "pending": counts.pending,
            "delivered": counts.delivered,
            "failed": counts.failed,
            "expired": counts.expired,
            "oldest_pending_age_seconds": counts.oldest_pending_age_seconds,
            "endpoint": endpoint,
            "problem": problem,
        }
        print(json.dumps(record))
        return common.EXIT_OK
    print(f"pending: {counts.pending}")
    print(f"delivered: {counts.delivered}")
    print(f"failed: {counts.failed}")
    print(f"expired: {counts.expired}")
    print(f"oldest pending: {_age(counts.oldest_pending_age_seconds)}")
    print(f"delivery: {endpoint or problem}")
    return common.EXIT_OK


def retry_failed(args: argparse.Namespace) -> int:
    from kiosk.callbacks.outbox import OUTBOX_FILE, Outbox

    path = common.data_dir(args) / OUTBOX_FILE
    count = 0
    if path.exists():
        outbox = Outbox(path)
        try:
            count = outbox.retry_failed()
        finally:
            outbox.close()
    print(f"queued again: {count} (a running kiosk sends them within a minute)")
    return common.EXIT_OK


def _origin(url: str) -> str:
    """scheme://host[:port] only: a path or query may carry a token."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "none"
    whole = int(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"
