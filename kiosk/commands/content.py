"""`kiosk content ...`: work with content folders and publish them (what admins do)."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands import common

if TYPE_CHECKING:
    from kiosk.content.model import ContentBundle


def register(subcommands: argparse._SubParsersAction) -> None:
    content = subcommands.add_parser("content", help="check and publish content folders")
    actions = content.add_subparsers(dest="content_command", required=True)

    validate = actions.add_parser("validate", help="check a content folder")
    validate.add_argument("source", help="the content folder (with content.toml and cards/)")
    _add_review_options(validate)
    validate.set_defaults(handler=validate_folder)

    keys = actions.add_parser("keys", help="create the signing keys and the first root metadata")
    keys.add_argument("keys_dir", metavar="DIR", help="a new folder for the keys")
    keys.set_defaults(handler=make_keys)

    publish = actions.add_parser("publish", help="validate a content folder and publish it")
    publish.add_argument("source", metavar="SRC", help="the content folder")
    publish.add_argument("--repo", required=True, metavar="DIR", help="the repository folder")
    publish.add_argument("--keys", required=True, metavar="DIR", help="the signing keys folder")
    publish.add_argument(
        "--expires",
        type=_positive,
        default=90,
        metavar="DAYS",
        help="days kiosks accept this version (default 90)",
    )
    _add_review_options(publish)
    publish.set_defaults(handler=publish_folder)

    refresh = actions.add_parser(
        "refresh-timestamp", help="re-sign snapshot and timestamp so kiosks see a fresh repository"
    )
    refresh.add_argument("--repo", required=True, metavar="DIR", help="the repository folder")
    refresh.add_argument(
        "--keys", required=True, metavar="DIR", help="holds snapshot and timestamp keys"
    )
    refresh.add_argument(
        "--expires",
        type=_positive,
        default=7,
        metavar="DAYS",
        help="days the new timestamp is valid (default 7)",
    )
    refresh.set_defaults(handler=refresh_repository)

    rotate = actions.add_parser("rotate-key", help="replace one role's signing key")
    rotate.add_argument("role", choices=("root", "targets", "snapshot", "timestamp"))
    rotate.add_argument("--keys", required=True, metavar="DIR", help="the signing keys folder")
    rotate.set_defaults(handler=rotate_role_key)


def _add_review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="TOML config file (or KIOSK_CONFIG)")
    parser.add_argument(
        "--review-months",
        type=_positive,
        metavar="MONTHS",
        help="warn about cards reviewed longer ago (default: content.review_months, 12)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _authoring_tools_missing(command: str) -> bool:
    """Say which extra to install when the authoring tools are not here (a kiosk's install)."""
    from kiosk.content.authoring import INSTALL, missing_tools

    missing = missing_tools()
    if missing:
        print(
            f"kiosk content {command} needs the authoring tools, which are not installed "
            f"(missing: {', '.join(missing)}). Install them with: {INSTALL}",
            file=sys.stderr,
        )
    return bool(missing)


def validate_folder(args: argparse.Namespace) -> int:
    from kiosk.content.source.loader import ContentError, load_content

    if _authoring_tools_missing("validate"):
        return common.EXIT_USAGE

    months = _review_months(args)
    try:
        bundle = load_content(Path(args.source))
    except ContentError as error:
        _print_problems(error, "nothing was loaded")
        return common.EXIT_FAILED
    _print_warnings(bundle, months)
    _print_reading_grades(bundle)
    if _glossary_too_hard(bundle):
        print("not valid: make each definition above plainer", file=sys.stderr)
        return common.EXIT_FAILED
    languages = sorted({card.lang for card in bundle.cards})
    print(
        f"valid: {len({c.id for c in bundle.cards})} cards in {len(bundle.sections)} sections, "
        f"languages {', '.join(languages)}, {len(bundle.assets)} images, "
        f"{len({t.id for t in bundle.glossary})} glossary terms, version {bundle.version}"
    )
    return common.EXIT_OK


def _print_reading_grades(bundle) -> None:
    """One line per card and language; a warning for any above grade 8."""
    from kiosk.content.authoring.readability import GRADE_LIMIT, readability

    for card in bundle.cards:
        result = readability(card.body_text, card.lang)
        line = f"cards/{card.id}.{card.lang}.md: reading grade {result.grade:g} ({result.measure})"
        if result.too_hard:
            print(
                f"warning: {line}, above grade {GRADE_LIMIT:g}: use shorter sentences and words",
                file=sys.stderr,
            )
        else:
            print(f"grade: {line}")


def _glossary_too_hard(bundle) -> bool:
    """Print each glossary definition above grade 8 (an error: a definition is there to make
    a hard word easy); True if there was one."""
    from kiosk.content.authoring.readability import GRADE_LIMIT, readability

    too_hard = False
    for term in bundle.glossary:
        result = readability(term.definition, term.lang)
        if result.too_hard:
            too_hard = True
            print(
                f"glossary.toml: term '{term.id}' in '{term.lang}': the definition reads at "
                f"grade {result.grade:g} ({result.measure}), above {GRADE_LIMIT:g}: "
                "use shorter sentences and words",
                file=sys.stderr,
            )
    return too_hard


def make_keys(args: argparse.Namespace) -> int:
    from kiosk.content.publishing.signing_keys import KeyProblem, create_keys

    folder = Path(args.keys_dir)
    try:
        trusted = create_keys(folder)
    except (KeyProblem, OSError) as error:
        print(f"kiosk: cannot create keys: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    print(f"created ed25519 keys in {folder}: root.pem, targets.pem, snapshot.pem, timestamp.pem")
    print("  (private: readable by you only; keep root.pem offline, never upload this folder)")
    print(f"give kiosks {trusted} as their trusted root: copy it to each kiosk and set")
    print("  sync.trusted_root to its path")
    return common.EXIT_OK


def publish_folder(args: argparse.Namespace) -> int:
    from kiosk.content.publishing.publish import publish
    from kiosk.content.publishing.signing_keys import KeyProblem
    from kiosk.content.source.loader import ContentError

    if _authoring_tools_missing("publish"):
        return common.EXIT_USAGE
    months = _review_months(args)
    repo = Path(args.repo)
    try:
        result = publish(
            Path(args.source), repo, Path(args.keys), expires_days=args.expires, progress=True
        )
    except ContentError as error:
        _print_problems(error, "nothing was published")
        return common.EXIT_FAILED
    except (KeyProblem, OSError) as error:
        print(f"kiosk: cannot publish: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    _print_warnings(result.bundle, months)
    print(
        f"published content version {result.content_version} as repository version "
        f"{result.targets_version}: {result.files} files, {result.new_files} new "
        f"({result.new_bytes:,} bytes)"
    )
    print(f"now upload {repo / 'targets'}/ and {repo / 'metadata'}/, timestamp.json last")
    return common.EXIT_OK


def refresh_repository(args: argparse.Namespace) -> int:
    from kiosk.content.publishing.publish import refresh_timestamp
    from kiosk.content.publishing.signing_keys import KeyProblem

    try:
        version = refresh_timestamp(Path(args.repo), Path(args.keys), expires_days=args.expires)
    except (KeyProblem, OSError, ValueError) as error:
        print(f"kiosk: cannot refresh the timestamp: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    until = datetime.date.today() + datetime.timedelta(days=args.expires)
    print(f"timestamp version {version}, valid until about {until}; upload metadata/")
    return common.EXIT_OK


def rotate_role_key(args: argparse.Namespace) -> int:
    from kiosk.content.publishing.signing_keys import KeyProblem, rotate_key

    try:
        version = rotate_key(Path(args.keys), args.role)
    except (KeyProblem, OSError) as error:
        print(f"kiosk: cannot rotate the {args.role} key: {error}", file=sys.stderr)
        return common.EXIT_FAILED
    print(f"new {args.role} key; root version {version} names it and is signed by the old root key")
    print("publish now: kiosks learn the new key from the next version they fetch")
    print(f"the old key is in {Path(args.keys) / 'retired'}/; destroy it once published")
    return common.EXIT_OK


def _review_months(args: argparse.Namespace) -> int:
    if args.review_months is not None:
        return args.review_months
    return common.config(args)["content.review_months"]


def _print_problems(error: Exception, consequence: str) -> None:
    problems = getattr(error, "problems", [])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(problems)} problem(s); {consequence}.", file=sys.stderr)


def _print_warnings(bundle: ContentBundle, months: int) -> None:
    from kiosk.content.authoring.review import review_warnings

    warnings = [*bundle.warnings, *review_warnings(bundle, months, datetime.date.today())]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
