"""`kiosk content ...`: work with content folders (what admins write)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands import common


def register(subcommands: argparse._SubParsersAction) -> None:
    content = subcommands.add_parser("content", help="check and publish content folders")
    actions = content.add_subparsers(dest="content_command", required=True)
    validate = actions.add_parser("validate", help="check a content folder")
    validate.add_argument("source", help="the content folder (with content.toml and cards/)")
    validate.set_defaults(handler=validate_folder)


def validate_folder(args: argparse.Namespace) -> int:
    from kiosk.content.loader import ContentError, load_content

    try:
        bundle = load_content(Path(args.source))
    except ContentError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return common.EXIT_FAILED
    for warning in bundle.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    languages = sorted({card.lang for card in bundle.cards})
    print(
        f"valid: {len({c.id for c in bundle.cards})} cards in {len(bundle.sections)} sections, "
        f"languages {', '.join(languages)}, {len(bundle.assets)} images, version {bundle.version}"
    )
    return common.EXIT_OK
