"""The `kiosk` command. Each sub-command group lives in its own module under kiosk/commands.

Only the module of the command being run is imported: `kiosk run` starts the window sooner
when the parser does not first import every other command (and what those import). A bare
`kiosk`, `kiosk --help` or an unknown name gets the whole parser, so the usage and the error
list every command as before.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.logs import setup_logging

_COMMANDS = Path(__file__).resolve().parent / "commands"


def command_modules() -> list[str]:
    """The modules in kiosk/commands, by name ("set_pin" for `kiosk set-pin`)."""
    return sorted(p.stem for p in _COMMANDS.glob("*.py") if not p.stem.startswith("_"))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; for `argv` naming a command, with that command's module alone imported."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic information kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True)
    modules = command_modules()
    first = next((arg for arg in argv or () if not arg.startswith("-")), None)
    chosen = first.replace("-", "_") if first else None
    for module in [chosen] if chosen in modules else modules:
        registered = importlib.import_module(f"kiosk.commands.{module}")
        if hasattr(registered, "register"):
            registered.register(subcommands)
    if chosen in modules and subcommands.choices.keys() != {first}:
        return build_parser()  # a module that does not register the name it is called by
    return parser


def main(argv: list[str] | None = None) -> int:
    setup_logging()  # stderr (the journal under systemd); `kiosk run` adds its log file
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
