"""The fields of a card's front matter: which there are, their types, and the rules on their
values. Each problem goes to `report(message, line)`, the line being the card file's."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, TypeGuard

from kiosk.content.source import frontmatter

Report = Callable[..., None]  # report(message, line=None)
MAX_SUMMARY_CHARS = 120
MAX_ORDER = 10_000  # 'order' runs from 0 to this (the store holds 64-bit integers)
MAX_UNKNOWN_REPORTED = 10  # each is looked up by line: thousands would take minutes
MAX_RELATED = 20  # a screen shows a handful; each entry is looked up in the file by line
FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "title": str,
    "summary": str,
    "section": str,
    "order": int,
    "related": list,
    "reviewed": datetime.date,
    "source": str,
}
# Fields a card may leave out, with what the card holds without them.
OPTIONAL: dict[str, type] = {"more_info": str}
MAX_ADDRESS_CHARS = 200  # a QR code a phone reads at arm's length holds a short address
_ADDRESS = re.compile(
    r"\Ahttps://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d{1,5})?(?:/[^\s<>\"'\\^`{|}]*)?\Z"
)


def check_types(doc: frontmatter.Document, report: Report) -> set[str]:
    """Report missing, mistyped and unknown fields; return the names of the good ones."""
    fields, typed = doc.fields, set()
    for name, kind in FIELDS.items():
        if name not in fields:
            report(f"missing field '{name}'")
        elif not _is(fields[name], kind) or (name == "order" and not is_order(fields[name])):
            report(f"field '{name}' {EXPECTED[name]}", doc.line_of(name))
        elif name == "related" and len(fields[name]) > MAX_RELATED:
            report(f"field 'related' lists more than {MAX_RELATED} cards", doc.line_of(name))
        else:
            typed.add(name)
    for name, kind in OPTIONAL.items():
        if name in fields and not _is(fields[name], kind):
            report(f"field '{name}' {EXPECTED[name]}", doc.line_of(name))
        elif name in fields:
            typed.add(name)
    unknown = sorted(set(fields) - set(FIELDS) - set(OPTIONAL))
    for name in unknown[:MAX_UNKNOWN_REPORTED]:
        report(f"unknown field '{name}'", doc.line_of(name))
    if len(unknown) > MAX_UNKNOWN_REPORTED:
        report(f"and {len(unknown) - MAX_UNKNOWN_REPORTED:,} more unknown fields")
    return typed


def check_values(
    doc: frontmatter.Document, typed: set[str], file_id: str, sections: set[str], report: Report
) -> None:
    """The rules on field values, for each field whose type is right (`typed`)."""
    fields = doc.fields
    if "id" in typed and fields["id"] != file_id:
        message = f"id '{fields['id']}' does not match the file name"
        report(message, doc.line_of("id"))
    for name in ("title", "summary", "source"):
        if name in typed and not fields[name].strip():
            report(f"field '{name}' is empty", doc.line_of(name))
    summary = fields["summary"] if "summary" in typed else ""
    if "\n" in summary.strip() or len(summary) > MAX_SUMMARY_CHARS:
        report(
            f"summary must be one line of at most {MAX_SUMMARY_CHARS} characters",
            doc.line_of("summary"),
        )
    if "section" in typed and fields["section"] not in sections:
        known = ", ".join(sorted(sections)) or "none"
        report(
            f"unknown section '{fields['section']}' (sections: {known})",
            doc.line_of("section"),
        )
    if "more_info" in typed and address_problem(fields["more_info"]):
        report(
            f"field 'more_info' {address_problem(fields['more_info'])}", doc.line_of("more_info")
        )
    if "related" not in typed:
        return
    if not all(isinstance(r, str) for r in fields["related"]):
        report("field 'related' must list card ids", doc.line_of("related"))
    elif "id" in typed and fields["id"] in fields["related"]:
        line = doc.line_of("related", fields["id"])
        report("a card cannot be related to itself", line)


EXPECTED = {
    "id": "must be text",
    "title": "must be text",
    "summary": "must be text",
    "section": "must be text",
    "order": f"must be a whole number from 0 to {MAX_ORDER:,}",
    "related": 'must be a list of card ids, e.g. ["intro"]',
    "reviewed": "must be a date like 2026-03-31 (without quotes, and without a time)",
    "source": "must be text",
    "more_info": 'must be a web address, e.g. "https://www.example.org/page"',
}


def address_problem(address: str) -> str | None:
    """What is wrong with a card's "more information" address, or None: an https:// address
    with a host name (no user name or password, no spaces), short enough for a QR code."""
    if len(address) > MAX_ADDRESS_CHARS:
        return f"is over {MAX_ADDRESS_CHARS} characters: a phone cannot read so long a code"
    if not address.startswith("https://"):
        return 'must start with "https://"'
    if not _ADDRESS.match(address):
        return 'must be a web address with a host name and no spaces, e.g. "https://www.example.org/page"'
    return None


def _is(value: Any, kind: type | tuple[type, ...]) -> bool:
    """isinstance, except that True is not a number and a date with a time is not a date."""
    if isinstance(value, bool) or (kind is datetime.date and isinstance(value, datetime.datetime)):
        return False
    return isinstance(value, kind)


def is_order(value: Any) -> TypeGuard[int]:
    """An 'order' the store holds and sorts sensibly: a whole number from 0 to MAX_ORDER."""
    return _is(value, int) and 0 <= value <= MAX_ORDER
