"""What the content is made of: sections, cards in one language, and a checked bundle of both."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.trials.model import TrialList

LANGUAGES = ("en", "es")  # the one list of the kiosk's languages; import it from here
# The one rule for section and card ids (content files, card links, the signed index):
# lowercase letters and digits, in words joined by single hyphens.
ID_RULE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERN = re.compile(rf"\A{ID_RULE}\Z")  # \Z: "$" would let a final newline through


@dataclass(frozen=True)
class Section:
    """A group of cards on the home screen, titled in every language."""

    id: str
    order: int
    icon: str | None
    titles: Mapping[str, str]


@dataclass(frozen=True)
class Card:
    """One topic in one language, with its body already rendered to safe HTML."""

    id: str
    lang: str
    title: str
    summary: str
    section: str
    order: int
    related: tuple[str, ...]
    reviewed: datetime.date
    source: str
    body_markdown: str
    body_html: str
    body_text: str
    more_info: str = ""  # an https:// address for "more information", shown as a QR code


@dataclass(frozen=True)
class GlossaryTerm:
    """A hard word in one language: how cards write it, and what it means in plain words."""

    id: str  # the same in every language; card bodies link to it as term:<id>
    lang: str
    term: str
    definition: str
    forms: tuple[str, ...] = ()  # other ways cards write it ("antibodies")
    see_also: str = ""  # a card id, or empty


@dataclass(frozen=True)
class ContentBundle:
    """A whole, validated set of content, ready to replace what the store holds."""

    version: str
    digest: str
    sections: tuple[Section, ...]
    cards: tuple[Card, ...]
    assets: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()
    trials: TrialList | None = None  # trials.json, when the folder has one
    glossary: tuple[GlossaryTerm, ...] = ()
