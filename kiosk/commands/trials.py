"""`kiosk trials fetch SRC`: recruiting clinical trials near the clinic, into a content folder.

An admin runs it where the content is authored; the list then goes out with the next
`kiosk content publish`, signed like the cards, and kiosks never ask the internet themselves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    trials = subcommands.add_parser("trials", help="clinical trials near the clinic")
    actions = trials.add_subparsers(dest="trials_command", required=True)
    fetch = actions.add_parser(
        "fetch", help="ask ClinicalTrials.gov for recruiting trials and write SRC/trials.json"
    )
    fetch.add_argument("source", metavar="SRC", help="the content folder to write trials.json into")
    fetch.add_argument("--config", help="TOML config file (or KIOSK_CONFIG)")
    fetch.set_defaults(handler=fetch_trials, data_dir=None)


def fetch_trials(args: argparse.Namespace) -> int:
    from kiosk.content.authoring import INSTALL, missing_tools

    config = common.config(args)
    folder = Path(args.source)
    if not (folder / "content.toml").is_file():
        print(
            f"kiosk trials fetch: {folder} is not a content folder (no content.toml)",
            file=sys.stderr,
        )
        return common.EXIT_USAGE
    missing = missing_tools()
    if missing:
        print(
            "kiosk trials fetch grades each trial's eligibility text and needs the authoring "
            f"tools (missing: {', '.join(missing)}). Install them with: {INSTALL}",
            file=sys.stderr,
        )
        return common.EXIT_USAGE
    from kiosk.content.authoring.readability import readability
    from kiosk.trials.studies import (
        TrialsConfigError,
        TrialsFetchError,
        TrialsSettings,
        write_trials,
    )
    from kiosk.trials.studies import fetch_trials as fetch

    try:
        settings = TrialsSettings.from_config(config)
    except TrialsConfigError as error:
        print(f"kiosk: config error: {error}", file=sys.stderr)
        return common.EXIT_USAGE
    try:
        report = fetch(settings, lambda text: readability(text, "en").grade)
    except TrialsFetchError as error:
        print(f"kiosk trials fetch: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    path = write_trials(folder, report.trials)
    trials = report.trials.trials
    counts = ", ".join(
        f"{cancer} {sum(cancer in t.cancers for t in trials)}" for cancer in settings.conditions
    )
    hard = sum(1 for t in trials if t.eligibility and not t.eligibility_plain)
    print(
        f"wrote {len(trials)} recruiting trials within {settings.radius_miles} miles ({counts}) "
        f"to {path}, from {report.pages} pages"
    )
    if report.skipped:
        print(f"  left out {report.skipped} studies without an NCT number or a title")
    if hard:
        print(
            f"  {hard} trials' eligibility text reads above grade 8: kiosks show its plain "
            "summary and send patients to their care team"
        )
    print(f"next: kiosk content validate {folder}, then kiosk content publish")
    return common.EXIT_OK
