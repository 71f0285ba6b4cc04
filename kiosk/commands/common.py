"""What several commands share: where the data lives and how the config is read."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from kiosk.config import Config, ConfigError, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_location_options(parser: argparse.ArgumentParser) -> None:
    """--data-dir and --config, for every command that touches a kiosk's own files."""
    parser.add_argument("--data-dir", help="where the kiosk keeps its data (or KIOSK_DATA_DIR)")
    parser.add_argument("--config", help="TOML config file (or KIOSK_CONFIG)")


def data_dir(args: argparse.Namespace) -> Path:
    chosen = args.data_dir or os.environ.get("KIOSK_DATA_DIR") or user_data_dir("clinic-kiosk")
    return Path(chosen).expanduser()


def config(args: argparse.Namespace) -> Config:
    """The config in force, or exit with code 2 and a message naming the bad key."""
    chosen = args.config or os.environ.get("KIOSK_CONFIG")
    try:
        return load_config(Path(chosen).expanduser() if chosen else None)
    except ConfigError as error:
        print(f"kiosk: config error: {error}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
