"""The glossary: `glossary.toml` in the content folder, one entry per hard word, in every
language, each with a plain definition and, if it helps, a card to read next.

    [[terms]]
    id = "antibody"
    see_also = "monoclonal-antibodies"          # optional: a card id
    en = { term = "antibody", forms = ["antibodies"], definition = "..." }
    es = { term = "anticuerpo", forms = ["anticuerpos"], definition = "..." }

Card bodies are linked to it when they are rendered (`link_terms`): the first time a card
writes a term, in a paragraph or list, it becomes a `term:<id>` link a patient can tap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any

from kiosk.content.model import ID_PATTERN, LANGUAGES, GlossaryTerm

GLOSSARY_FILE = "glossary.toml"
MAX_TERMS = 500
MAX_DEFINITION_CHARS = 300  # a short definition: two or three sentences
MAX_TERM_CHARS = 60
MAX_FORMS = 8
Report = Callable[[str], None]

_TERM_LINK = re.compile(r'<a href="term:[a-z0-9-]+">(.*?)</a>', re.S)
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = re.compile(r"^<(/?)(a|h1|h2|h3|h4|code)\b")


def read_glossary(table: dict[str, Any], report: Report) -> list[GlossaryTerm]:
    """The glossary's terms in every language; each problem goes to `report`."""
    entries = table.get("terms", [])
    if not isinstance(entries, list):
        report("'terms' must be a list of [[terms]] entries")
        return []
    if len(entries) > MAX_TERMS:
        report(f"more than {MAX_TERMS:,} terms: keep the glossary to the hard words cards use")
        return []
    terms: list[GlossaryTerm] = []
    seen: set[str] = set()
    written: dict[tuple[str, str], str] = {}  # (lang, lower-case form) -> term id
    for number, entry in enumerate(entries, start=1):
        where = f"term {number}"
        if not isinstance(entry, dict):
            report(f"{where} must be a table")
            continue
        term_id = entry.get("id")
        if not isinstance(term_id, str) or not ID_PATTERN.match(term_id):
            report(f"{where}: 'id' must be lowercase words joined by hyphens")
            continue
        where = f"term '{term_id}'"
        if term_id in seen:
            report(f"{where} is listed twice")
            continue
        seen.add(term_id)
        see_also = entry.get("see_also", "")
        if not isinstance(see_also, str) or (see_also and not ID_PATTERN.match(see_also)):
            report(f"{where}: 'see_also' must be a card id")
            see_also = ""
        unknown = sorted(set(entry) - {"id", "see_also", *LANGUAGES})
        if unknown:
            report(
                f"{where}: unknown key '{unknown[0]}' (keys: id, see_also, {', '.join(LANGUAGES)})"
            )
        for lang in LANGUAGES:
            term = _language(entry.get(lang), f"{where} in '{lang}'", report)
            if term is None:
                continue
            word, definition, forms = term
            for form in (word, *forms):
                other = written.setdefault((lang, form.lower()), term_id)
                if other != term_id:
                    report(f"{where} in '{lang}': '{form}' is also written for term '{other}'")
            terms.append(GlossaryTerm(term_id, lang, word, definition, forms, see_also))
    return terms


def _language(value: Any, where: str, report: Report) -> tuple[str, str, tuple[str, ...]] | None:
    if value is None:
        report(f"{where}: missing: every term is defined in every language")
        return None
    if not isinstance(value, dict):
        report(f"{where} must be a table: {{ term = '…', definition = '…' }}")
        return None
    word, definition, forms = value.get("term"), value.get("definition"), value.get("forms", [])
    good = True
    if not isinstance(word, str) or not word.strip() or len(word) > MAX_TERM_CHARS:
        report(f"{where}: 'term' must be text of at most {MAX_TERM_CHARS} characters")
        good = False
    if not isinstance(definition, str) or not definition.strip():
        report(f"{where}: 'definition' must be text")
        good = False
    elif len(definition) > MAX_DEFINITION_CHARS:
        report(f"{where}: the definition is over {MAX_DEFINITION_CHARS} characters: shorten it")
        good = False
    if (
        not isinstance(forms, list)
        or len(forms) > MAX_FORMS
        or not all(isinstance(f, str) and f.strip() and len(f) <= MAX_TERM_CHARS for f in forms)
    ):
        report(f"{where}: 'forms' must list at most {MAX_FORMS} other ways to write the term")
        good = False
    unknown = sorted(set(value) - {"term", "definition", "forms"})
    if unknown:
        report(f"{where}: unknown key '{unknown[0]}' (keys: term, definition, forms)")
    if not good or not isinstance(word, str) or not isinstance(definition, str):
        return None
    return word.strip(), " ".join(definition.split()), tuple(f.strip() for f in forms)


def link_terms(body_html: str, terms: Iterable[GlossaryTerm], card_id: str = "") -> str:
    """`body_html` with the first mention of each term made a `term:<id>` link.

    Only text outside links, headings and code is linked, whole words only, any case; not a
    term whose "see also" is this card (`card_id`), which explains it already. Links
    made by an earlier run are taken out first, so a body rendered before and reused links
    to the glossary as it is now. The words themselves are left as they were.
    """
    body_html = _TERM_LINK.sub(r"\1", body_html)
    forms = sorted(
        (
            (form, term.id)
            for term in terms
            if not card_id or term.see_also != card_id
            for form in (term.term, *term.forms)
        ),
        key=lambda pair: -len(pair[0]),  # "clinical trials" before "trial"
    )
    if not forms:
        return body_html
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(html.escape(form, quote=False)) for form, _ in forms)
        + r")(?!\w)",
        re.IGNORECASE,
    )
    ids = {form.lower(): term_id for form, term_id in forms}
    linked: set[str] = set()
    parts = _TAG.split(body_html)
    depth = 0  # inside a link, heading or code
    for index, part in enumerate(parts):
        if part.startswith("<"):
            skip = _SKIP.match(part)
            if skip:
                depth += -1 if skip.group(1) else 1
            continue
        if depth or not part:
            continue

        def link(match: re.Match[str]) -> str:
            term_id = ids.get(html.unescape(match.group(1)).lower())
            if term_id is None or term_id in linked:
                return match.group(1)
            linked.add(term_id)
            return f'<a href="term:{term_id}">{match.group(1)}</a>'

        parts[index] = pattern.sub(link, part)
    return "".join(parts)
