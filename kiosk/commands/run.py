"""`kiosk run`: start the kiosk UI."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from kiosk.commands import common
from kiosk.logs import setup_logging


def register(subcommands: argparse._SubParsersAction) -> None:
    run = subcommands.add_parser("run", help="start the kiosk (full-screen unless --windowed)")
    run.add_argument("--windowed", action="store_true", help="run in a normal window")
    common.add_location_options(run)
    run.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help="quit once the home screen is painted (smoke tests, start-up timing)",
    )
    run.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    config = common.config(args)
    data_dir = common.data_dir(args)
    setup_logging(data_dir)  # under systemd the journal; elsewhere also DATA_DIR/logs/kiosk.log
    from kiosk.app import run
    from kiosk.config import ConfigError
    from kiosk.content.problems import ContentError

    try:
        return run(
            config,
            data_dir,
            fullscreen=config["display.fullscreen"] and not args.windowed,
            exit_after_first_frame=args.exit_after_first_frame,
        )
    except ConfigError as error:
        print(f"kiosk: config error: {error}", file=sys.stderr)
        return common.EXIT_USAGE
    except (ContentError, sqlite3.DatabaseError, OSError) as error:
        print(f"kiosk: cannot start: {error}", file=sys.stderr)
        return common.EXIT_FAILED
