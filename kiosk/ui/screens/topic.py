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
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.storage.store import CardPage, ContentStore
from kiosk.navigation import CALLBACK, TOPIC, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.printing import CardPrinter
from kiosk.ui.screens.base import ScrollingScreen, make_kinetic, scroll_area
from kiosk.ui.screens.section import TILE_ICON_PX, section_icon
from kiosk.ui.services import CallbackOffer
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.card_browser import CardBrowser
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.definition import DefinitionCover
from kiosk.ui.widgets.read_aloud import ReadAloudBar
from kiosk.ui.widgets.take_home import TakeHome
from kiosk.ui.widgets.tile_grid import TileGrid

# How a reviewed date reads in each language: "November 28, 2026", "28 de noviembre de 2026".
DATE_FORMATS = {
    "en": (QLocale.Language.English, "MMMM d, yyyy"),
    "es": (QLocale.Language.Spanish, "d 'de' MMMM 'de' yyyy"),
}


TERM_LINK = re.compile(r'<a href="term:([a-z0-9-]+)">')


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
        *,
        printer: str = "",
        restyle: Callable[[QWidget], None] | None = None,
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
        self.body.term_link_tapped.connect(self.define)
        self.speech = speech
        self.definition: DefinitionCover | None = None  # made on the first tap on a word
        self.restyle = restyle  # the window's: a cover over it follows the visit's style
        self._follow_resets(session)
        # The glossary words of this card again, as tiles: the keypad reaches them (it moves
        # between controls, not links inside the body), and a finger has a bigger target.
        self.words_heading = heading("subheading")
        self.words = TileGrid()
        self._word_ids: list[str] = []
        self.take_home = TakeHome()
        self.printer = CardPrinter(printer, store) if printer else None
        self.print_button = TouchButton()
        self.print_button.clicked.connect(self.print_card)
        self.print_button.setVisible(self.printer is not None)
        self.printed = heading("lead")  # what happened to the last page asked for
        self.printed.hide()
        self.next_heading = heading("title")
        self.related_heading = heading("subheading")
        self.related = TileGrid()
        self.no_contact = ContactFallback(self.callbacks, self.contact)
        for widget in (self.section, self.title, self.body, self.words_heading, self.words):
            self.column.addWidget(widget)
        self.column.addWidget(self.take_home)
        # The next steps: after the card, or in the side pane beside it (see _arrange).
        self.next_steps = QWidget()
        self.next_steps.setObjectName("NextSteps")
        steps = QVBoxLayout(self.next_steps)
        steps.setContentsMargins(0, 12, 0, 0)
        steps.setSpacing(20)
        for widget in (self.next_heading, self.read_aloud, self.contact, self.no_contact):
            steps.addWidget(widget)
        steps.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        steps.addWidget(self.printed)
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
        self.words_heading.setText(self.tr("Words on this card"))
        self.print_button.setText(self.tr("Print this card"))
        self.contact.setText(self.tr("Contact a specialist"))
        self.no_contact.retranslate(self.session.language)
        self.take_home.retranslate()
        if self.definition is not None:
            self.definition.retranslate()

    def _follow_resets(self, session: Session) -> None:
        """Close the definition on the idle reset; when this screen goes, so does its cover."""
        close = self.close_definition
        session.reset_requested.connect(close)

        def forget() -> None:
            session.reset_requested.disconnect(close)
            if self.definition is not None:
                self.definition.deleteLater()

        self.destroyed.connect(forget)

    def define(self, term_id: str) -> None:
        """Open the definition of glossary word `term_id`, over this card."""
        found = self.store.definition(term_id, self.session.language)
        if found is None:
            return
        if self.definition is None:
            self.definition = DefinitionCover(self.window(), self.speech)
            self.definition.card_chosen.connect(self._open)
            if self.restyle is not None:
                self.restyle(self.definition)
        self.definition.open_definition(found, self.session.language)

    def close_definition(self) -> None:
        if self.definition is not None:
            self.definition.close_definition()

    def print_card(self) -> None:
        """Print the card on screen, in its language; say whether the page is on its way."""
        if self.printer is None or self.card is None:
            return
        card = self.card
        words = {
            "reviewed": self.tr("Reviewed: %1").replace(
                "%1", reviewed_on(card.reviewed, card.lang)
            ),
            "source": self.tr("Source: %1").replace("%1", card.source),
            "take_home": self.tr("Take it home"),
            "scan": self.tr("Point your phone's camera at the code to open this page."),
        }
        done = self.printer.print_card(card, words)
        self.printed.setText(
            self.tr("Your page is printing. Please collect it from the printer.")
            if done
            else self.tr("The printer is not working right now. Please ask at the front desk.")
        )
        self.printed.show()

    def show_item(self, item: str | None) -> None:
        self.printed.hide()
        self.close_definition()
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
            self._fill_words("")
            self.take_home.show_address("")
            self.print_button.hide()
            return
        self.print_button.setVisible(self.printer is not None)
        self.section.setText(self.card.section_title)
        self.title.setText(self.card.title)
        self._body_shown = self.body.show_html(
            self.card.body_html + self._meta_html(self.card), css, f"{item}.{self.session.language}"
        )
        self._fill_words(self.card.body_html)
        self.take_home.show_address(self.card.more_info)
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

    def _fill_words(self, body_html: str) -> None:
        """A tile for each glossary word the body links to, in the order it comes."""
        ids = list(dict.fromkeys(TERM_LINK.findall(body_html)))
        found = [self.store.definition(i, self.session.language) for i in ids]
        shown = [d for d in found if d is not None]
        self._word_ids = [d.id for d in shown]
        self.words_heading.setVisible(bool(shown))
        self.words.setVisible(bool(shown))
        self.words.fill(((d.term, "", None) for d in shown), self._define_word)

    def _define_word(self, index: int) -> None:
        self.define(self._word_ids[index])
