"""`kiosk set-pin`: set the staff PIN that opens the staff panel.

Asked twice with no echo; `--pin-stdin` reads one line instead, for provisioning scripts.
Only a salted scrypt hash is stored, and setting a PIN lifts any wrong-PIN lockout.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    set_pin = subcommands.add_parser(
        "set-pin", help="set the staff PIN (4-8 digits) that opens the staff panel"
    )
    common.add_location_options(set_pin)
    set_pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from one line of standard input instead of asking (for scripts)",
    )
    set_pin.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.staff.pin import PinError
    from kiosk.staff.state import STATE_FILE, StaffState

    try:
        pin, again = _read_pin(args.pin_stdin)
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk: cancelled; the PIN was not changed.", file=sys.stderr)
        return common.EXIT_FAILED
    except OSError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    data_dir = common.data_dir(args)
    data_dir.mkdir(parents=True, exist_ok=True)
    with StaffState(data_dir / STATE_FILE) as state:
        if pin != again:
            state.audit("pin.set", "refused: the two entries differ", "cli")
            print("kiosk: the two PINs differ; the PIN was not changed.", file=sys.stderr)
            return common.EXIT_FAILED
        try:
            state.set_pin(pin, actor="cli")  # checks the rules and audits a refusal
        except PinError as error:
            print(f"kiosk: {error} The PIN was not changed.", file=sys.stderr)
            return common.EXIT_FAILED
    print("Staff PIN set. Any wrong-PIN lockout is lifted.")
    return common.EXIT_OK


def _read_pin(from_stdin: bool) -> tuple[str, str]:
    """The PIN and its confirmation (from stdin: the same line twice)."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        pin = line.rstrip("\r\n")
        return pin, pin
    if not sys.stdin.isatty():
        raise OSError("set-pin asks on a terminal; to pipe the PIN in, use --pin-stdin")
    pin = getpass.getpass("New staff PIN (4-8 digits): ")
    return pin, getpass.getpass("The same PIN again: ")
