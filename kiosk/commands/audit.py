"""`kiosk audit`: the staff audit trail, oldest of the recent entries first, newest last."""

from __future__ import annotations

import argparse
import datetime
import sqlite3
import sys

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    audit = subcommands.add_parser(
        "audit", help="show recent staff actions: PIN attempts, mode changes, starts"
    )
    common.add_location_options(audit)
    audit.add_argument("--limit", type=_positive, default=50, help="how many entries (default 50)")
    audit.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.staff.state import STATE_FILE, StaffState

    path = common.data_dir(args) / STATE_FILE
    try:
        with StaffState(path, read_only=True) as state:
            entries = state.recent_audit(args.limit)
    except FileNotFoundError:
        print(f"No audit entries yet (no {path}).")
        return common.EXIT_OK
    except sqlite3.Error as error:
        print(f"kiosk: cannot read {path}: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    if not entries:
        print("No audit entries yet.")
    for entry in reversed(entries):
        print(f"{_local(entry.at)}  {entry.actor:<5}  {entry.action:<15}  {entry.outcome}")
    return common.EXIT_OK


def _local(iso: str) -> str:
    return datetime.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
