"""`kiosk sync --once`: check for signed content updates now, as the running kiosk does."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from kiosk.commands import common
from kiosk.logs import setup_logging


def register(subcommands: argparse._SubParsersAction) -> None:
    sync = subcommands.add_parser("sync", help="fetch and apply signed content updates")
    sync.add_argument(
        "--once",
        action="store_true",
        help="check once, apply any update, and exit (the running kiosk checks on its own)",
    )
    common.add_location_options(sync)
    sync.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if not args.once:
        print(
            "kiosk sync: only --once is supported; the running kiosk checks for updates "
            "every sync.interval_minutes",
            file=sys.stderr,
        )
        return common.EXIT_USAGE
    config = common.config(args)
    if "KIOSK_LOG_LEVEL" not in os.environ:
        # The outcome printed below is this command's message; the log would only repeat it.
        setup_logging(console_level=logging.ERROR)
    from kiosk.content.updates.outcome import Outcome
    from kiosk.content.updates.settings import SyncConfigError, SyncSettings
    from kiosk.content.updates.sync import sync_once

    try:
        settings = SyncSettings.from_config(config)
    except SyncConfigError as error:
        print(f"kiosk: config error: {error}", file=sys.stderr)
        return common.EXIT_USAGE
    if settings is None:
        print("kiosk: content updates are off: sync.repository_url is empty", file=sys.stderr)
        return common.EXIT_USAGE
    result = sync_once(settings, common.data_dir(args))
    message = result.describe()
    if result.outcome is Outcome.UNAVAILABLE:
        message += f"; check the network and that {settings.repository_url} is up"
    print(message, file=sys.stdout if result.ok else sys.stderr)
    return common.EXIT_OK if result.ok else common.EXIT_FAILED
