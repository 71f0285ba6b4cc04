"""Card titles for the pages: from what the hub last read of the published content.

A title is looked up in the language wanted (the call's, for a request), then English, then
any. When there is none the page shows the card id, with a note saying why: the published
content is not set up, has not been read yet, or does not have that card.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hub.catalog.models import CardTitle
from hub.catalog.published import configured, current


@dataclass(frozen=True)
class CardName:
    card_id: str
    title: str  # "" when not known
    note: str  # why the title is not known, else ""

    def __str__(self) -> str:
        return self.title or self.card_id


class Titles:
    """The titles of some cards, read in one query."""

    def __init__(self, card_ids: Iterable[str]) -> None:
        wanted = {card_id for card_id in card_ids if card_id}
        self.known: dict[str, dict[str, str]] = {}
        for card_id, lang, title in CardTitle.objects.filter(card_id__in=wanted).values_list(
            "card_id", "lang", "title"
        ):
            self.known.setdefault(card_id, {})[lang] = title
        self._why = None

    def name(self, card_id: str, lang: str = "en") -> CardName:
        by_lang = self.known.get(card_id, {})
        title = by_lang.get(lang) or by_lang.get("en") or next(iter(by_lang.values()), "")
        return CardName(card_id, title, "" if title else self.why_unknown())

    def why_unknown(self) -> str:
        if self._why is None:
            row = current()
            if not configured():
                self._why = "title not available: the hub is not set up to read the content"
            elif row is None or row.read_at is None:
                self._why = "title not available: the published content has not been read yet"
            else:
                self._why = "not in the published content"
        return self._why
