"""`kiosk status`: the same status the staff panel shows, from the kiosk's files.

It reads; it never changes the kiosk. The last sync is read from DATA_DIR/sync/, whoever ran
it (the kiosk or `kiosk sync --once`). What only the running kiosk knows (uptime, a missing
speech engine, the heartbeat) it wrote to its state file, so it shows here too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    status = subcommands.add_parser(
        "status", help="show mode, uptime, content, sync, outbox, disk and failed checks"
    )
    common.add_location_options(status)
    status.add_argument(
        "--json",
        action="store_true",
        help="print JSON: what the heartbeat sends (docs/callback-webhook.md)",
    )
    status.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.content.updates.state import read_sync_state
    from kiosk.health.english import format_status
    from kiosk.health.status import collect_status, status_json
    from kiosk.staff.state import STATE_FILE, StaffState

    config = common.config(args)
    data_dir = common.data_dir(args)
    if not data_dir.is_dir():
        print(f"kiosk: no kiosk data in {data_dir} (see --data-dir)", file=sys.stderr)
        return common.EXIT_FAILED
    try:
        with contextlib.ExitStack() as stack:
            path = data_dir / STATE_FILE  # none yet if the kiosk never started
            state = stack.enter_context(StaffState(path, read_only=True)) if path.exists() else None
            status = collect_status(
                config,
                data_dir,
                state,
                content=_content_source(data_dir, stack),
                sync=lambda: read_sync_state(data_dir),
                outbox=_outbox_source(data_dir, stack),
            )
    except (sqlite3.Error, OSError) as error:
        print(f"kiosk: cannot read the kiosk's state: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    print(json.dumps(status_json(status), indent=2) if args.json else format_status(status))
    return common.EXIT_OK


def _content_source(data_dir: Path, stack: contextlib.ExitStack) -> Any:
    from kiosk.content.storage.store import ContentStore
    from kiosk.content.updates.first_start import STORE_FILE

    path = data_dir / STORE_FILE
    if not path.exists():
        return lambda: None  # no content: a failed check, not a missing feature
    store = ContentStore(path)
    stack.callback(store.close)
    return store.info


def _outbox_source(data_dir: Path, stack: contextlib.ExitStack) -> Any:
    from kiosk.callbacks.outbox import OUTBOX_FILE, Outbox, OutboxCounts

    path = data_dir / OUTBOX_FILE
    if not path.exists():
        return lambda: OutboxCounts(0, 0, 0, 0, None)  # no request was ever made here
    outbox = Outbox(path)
    stack.callback(outbox.close)
    return outbox.counts
