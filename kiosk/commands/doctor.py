"""`kiosk doctor`: check this machine and this kiosk, and say how to fix what fails.

For the clinic's IT person after an install, and for anyone facing a black screen: one
line per check, a fix under each failure, exit code 0 only when every check passes.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    doctor = subcommands.add_parser(
        "doctor", help="check Qt, fonts, speech, data, config, network, clock and disk"
    )
    common.add_location_options(doctor)
    doctor.add_argument(
        "--platform",
        help="the Qt platform to try (wayland, xcb); default: what `kiosk run` would use here",
    )
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.diagnose import run_checks

    chosen = args.config or os.environ.get("KIOSK_CONFIG")
    config_path = Path(chosen).expanduser() if chosen else None
    checks = run_checks(config_path, common.data_dir(args), platform=args.platform)
    failed = [check for check in checks if not check.passed]
    if args.json:
        print(json.dumps([vars(check) for check in checks], indent=2))
    else:
        width = max(len(check.name) for check in checks) + 2
        for check in checks:
            print(f"{'ok' if check.passed else 'FAIL':<6}{check.name:<{width}}{check.detail}")
            if not check.passed and check.fix:
                print(f"{'':<6}{'':<{width}}fix: {check.fix}")
        passed = len(checks) - len(failed)
        print(f"\n{passed} of {len(checks)} checks passed.")
    return common.EXIT_FAILED if failed else common.EXIT_OK
