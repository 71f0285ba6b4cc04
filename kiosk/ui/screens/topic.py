"""A topic: one card, read top to bottom, and its next steps.

The card is a column of reading width (45 to 75 characters a line). Its next steps (Read
aloud with the volume beside it, Contact a specialist, related topics) follow the card, so a
patient who reached the end never scrolls back up to act. On a screen wide enough for both
at the current text size they stand in a pane of their own beside the card instead, in
reach from the first line to the last.
"""

from __future__ import annotations

import datetime
import html

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.storage.store import CardPage, ContentStore
from kiosk.navigation import CALLBACK, TOPIC, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.screens.base import ScrollingScreen, make_kinetic, scroll_area
from kiosk.ui.screens.section import TILE_ICON_PX, section_icon
from kiosk.ui.services import CallbackOffer
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.card_browser import CardBrowser
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.read_aloud import ReadAloudBar
from kiosk.ui.widgets.tile_grid import TileGrid

# How a reviewed date reads in each language: "November 28, 2026", "28 de noviembre de 2026".
DATE_FORMATS = {
    "en": (QLocale.Language.English, "MMMM d, yyyy"),
    "es": (QLocale.Language.Spanish, "d 'de' MMMM 'de' yyyy"),
}


def reviewed_on(day: datetime.date, lang: str) -> str:
    language, pattern = DATE_FORMATS[lang]
    return QLocale(language).toString(QDate(day.year, day.month, day.day), pattern)


# Room the card's column needs beside the side pane (the screen's margins and the gap).
PANE_GAP_PX = 48 * 3


class TopicScreen(ScrollingScreen):
    name = "topic"
    reading = True

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        theme: Theme,
        speech: Speech,
        callbacks: CallbackOffer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator, self.theme = store, session, navigator, theme
        self.callbacks = callbacks
        self.card: CardPage | None = None
        self.read_aloud = ReadAloudBar(speech, self.spoken_text, self._title)
        self.section = heading("small")
        self.title = heading()
        self.contact = TouchButton()
        self.contact.setProperty("role", "primary")
        self.contact.clicked.connect(
            lambda: self.navigator.go(Place(CALLBACK, self.card.id if self.card else None))
        )
        self.body = CardBrowser(store)
        self.body.card_link_tapped.connect(self._open)
        self.next_heading = heading("title")
        self.related_heading = heading("subheading")
        self.related = TileGrid()
        self.no_contact = ContactFallback(self.callbacks, self.contact)
        for widget in (self.section, self.title, self.body):
            self.column.addWidget(widget)
        # The next steps: after the card, or in the side pane beside it (see _arrange).
        self.next_steps = QWidget()
        self.next_steps.setObjectName("NextSteps")
        steps = QVBoxLayout(self.next_steps)
        steps.setContentsMargins(0, 12, 0, 0)
        steps.setSpacing(20)
        for widget in (self.next_heading, self.read_aloud, self.contact, self.no_contact):
            steps.addWidget(widget)
        steps.addWidget(self.related_heading)
        steps.addWidget(self.related)
        self.column.addWidget(self.next_steps)
        self.column.addStretch(1)
        self.side = QWidget()
        self.side.setObjectName("SidePane")
        self.side_column = QVBoxLayout(self.side)
        self.side_column.setContentsMargins(32, 32, 32, 48)
        self.side_column.addStretch(1)
        self.side_area = scroll_area(self.side)
        self.side_area.setObjectName("SideArea")
        self.side_area.hide()
        make_kinetic(self.side_area.viewport())
        self.outer.addWidget(self.side_area)
        self.beside = False
        self._icons: dict = {}  # section icons on the related tiles (see section_icon)
        self._body_shown = True
        self._related_ids: list[str] = []

    def _title(self) -> str:
        return self.card.title if self.card else ""

    # -- one column, or the card and a pane beside it -----------------------------------------

    def _widths(self) -> tuple[int, int]:
        """The reading column's and the side pane's widths at this text size, in px."""
        sizes, scale = self.theme.sizes, self.session.text_size / 100
        return round(sizes["measure"] * scale), round(sizes["side"] * scale)

    def _arrange(self) -> None:
        measure, side = self._widths()
        beside = self.width() >= measure + side + PANE_GAP_PX
        if beside == self.beside:
            return
        self.beside = beside
        if beside:
            self.column.removeWidget(self.next_steps)
            self.side_column.insertWidget(0, self.next_steps)
            self.related.columns = 1
        else:
            self.side_column.removeWidget(self.next_steps)
            self.column.insertWidget(self.column.count() - 1, self.next_steps)
            self.related.columns = 2
        self.side_area.setFixedWidth(side)
        self.side_area.setVisible(beside)
        self.related.reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        if self.beside:
            self.side_area.setFixedWidth(self._widths()[1])

    def spoken_text(self) -> tuple[str, str]:
        """The card as it should be heard: title, then the body as plain text."""
        if self.card is None:
            return "", self.session.language
        if not self._body_shown:  # too large to show: read what the screen says instead
            return f"{self.card.title}.\n{self.body.toPlainText()}", self.card.lang
        return f"{self.card.title}.\n{self.card.body_text}", self.card.lang

    def retranslate(self) -> None:
        self.read_aloud.retranslate()
        self.next_heading.setText(self.tr("What you can do next"))
        self.related_heading.setText(self.tr("Related topics"))
        self.contact.setText(self.tr("Contact a specialist"))
        self.no_contact.retranslate(self.session.language)

    def show_item(self, item: str | None) -> None:
        self._arrange()
        if self.beside:
            self.side_area.setFixedWidth(self._widths()[1])
        self.no_contact.update_offer()
        self.card = self.store.card(item or "", self.session.language)
        css = self.theme.stylesheet("card.css", self.session.text_size, self.session.high_contrast)
        if self.card is None:
            self.section.setText("")
            self.title.setText(self.tr("This topic is not available in this language yet"))
            self.body.show_html(
                "<p>" + html.escape(self.tr("Tap Home to see the topics we have.")) + "</p>", css
            )
            self._fill_related([])
            return
        self.section.setText(self.card.section_title)
        self.title.setText(self.card.title)
        self._body_shown = self.body.show_html(
            self.card.body_html + self._meta_html(self.card), css, f"{item}.{self.session.language}"
        )
        self._fill_related(self.card.related)

    def _meta_html(self, card: CardPage) -> str:
        reviewed = reviewed_on(card.reviewed, card.lang)
        lines = (
            self.tr("Reviewed: %1").replace("%1", reviewed),
            self.tr("Source: %1").replace("%1", card.source),
        )
        return '<p class="meta">' + "<br>".join(html.escape(line) for line in lines) + "</p>"

    def _fill_related(self, tiles) -> None:
        self._related_ids = [tile.id for tile in tiles]
        self.related_heading.setVisible(bool(tiles))
        icons = {s.id: s.icon for s in self.store.sections(self.session.language)} if tiles else {}
        self.related.fill(
            (
                (t.title, t.summary, section_icon(self, icons.get(t.section), TILE_ICON_PX))
                for t in tiles
            ),
            self._open_related,
        )

    def _open_related(self, index: int) -> None:
        self._open(self._related_ids[index])

    def _open(self, card_id: str) -> None:
        self.navigator.go(Place(TOPIC, card_id))
