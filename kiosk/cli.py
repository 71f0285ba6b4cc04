"""The `kiosk` command: run the kiosk, and check content. Each command is a thin wrapper."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from kiosk import __version__
from kiosk.config import ConfigError, load_config

EXIT_USAGE = 2


def _data_dir(value: str | None) -> Path:
    chosen = value or os.environ.get("KIOSK_DATA_DIR") or user_data_dir("clinic-kiosk")
    return Path(chosen).expanduser()


def _config_path(value: str | None) -> Path | None:
    chosen = value or os.environ.get("KIOSK_CONFIG")
    return Path(chosen).expanduser() if chosen else None


def cmd_run(args: argparse.Namespace) -> int:
    try:
        config = load_config(_config_path(args.config))
    except ConfigError as error:
        print(f"kiosk: config error: {error}", file=sys.stderr)
        return EXIT_USAGE
    from kiosk.app import run

    return run(
        config,
        _data_dir(args.data_dir),
        fullscreen=config["display.fullscreen"] and not args.windowed,
        exit_after_first_frame=args.exit_after_first_frame,
    )


def cmd_content_validate(args: argparse.Namespace) -> int:
    from kiosk.content.loader import ContentError, load_content

    try:
        bundle = load_content(Path(args.source))
    except ContentError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return 1
    for warning in bundle.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    languages = sorted({card.lang for card in bundle.cards})
    print(
        f"valid: {len({c.id for c in bundle.cards})} cards in {len(bundle.sections)} sections, "
        f"languages {', '.join(languages)}, {len(bundle.assets)} images, version {bundle.version}"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic information kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start the kiosk (full-screen unless --windowed)")
    run.add_argument("--windowed", action="store_true", help="run in a normal window")
    run.add_argument("--data-dir", help="where the store lives (or KIOSK_DATA_DIR)")
    run.add_argument("--config", help="TOML config file (or KIOSK_CONFIG)")
    run.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help="quit once the home screen is painted (smoke tests, start-up timing)",
    )
    run.set_defaults(handler=cmd_run)

    content = commands.add_parser("content", help="work with content folders")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    validate = content_commands.add_parser("validate", help="check a content folder")
    validate.add_argument("source", help="the content folder (with content.toml and cards/)")
    validate.set_defaults(handler=cmd_content_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
