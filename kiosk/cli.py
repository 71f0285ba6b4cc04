"""The `kiosk` command. Each sub-command group lives in its own module under kiosk/commands."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from kiosk import __version__, commands
from kiosk.logs import setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic information kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True)
    for module in sorted(m.name for m in pkgutil.iter_modules(commands.__path__)):
        registered = importlib.import_module(f"kiosk.commands.{module}")
        if hasattr(registered, "register"):
            registered.register(subcommands)
    return parser


def main(argv: list[str] | None = None) -> int:
    setup_logging()  # stderr (the journal under systemd); `kiosk run` adds its log file
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
