"""Home: whose kiosk this is, a welcome, one big tile per section, and a first topic from each
to start with.

The clinic's logo and name (config `clinic.*`) head the page, with our illustration beside
the welcome where the screen has room for both. Section tiles spread over up to four
columns on a wide screen; every tile shows its section's icon.

Contact a specialist is offered only by a kiosk that can send the request; otherwise the
clinic's words (by default: ask at the front desk) stand in its place.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, SECTION, TOPIC, TRIALS, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.screens.section import IconCache, section_icon
from kiosk.ui.services import CallbackOffer, Clinic
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.clinic_banner import ClinicBanner
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.illustration import Illustration
from kiosk.ui.widgets.tile_grid import TileGrid

ICON_PX = 72
# Icons are decoded here, on the UI thread: each is small (72 px, within kiosk.ui.images'
# limits: 50 ms at worst), and once building home has spent this long on them the rest
# show without an icon until the next time home is shown.
ICON_BUDGET_SECONDS = 0.1
ILLUSTRATION_PX = 280
# Beside the illustration the welcome's words keep at least this share of a reading line
# (the theme's measure at this text size); with less, the illustration steps aside.
WORDS_SHARE = 0.5


class HomeScreen(ScrollingScreen):
    name = "home"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        theme: Theme,
        callbacks: CallbackOffer,
        clinic: Clinic | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator = store, session, navigator
        self.theme, self.callbacks = theme, callbacks
        self.banner = ClinicBanner(clinic or Clinic())
        self.title = heading()
        self.lead = heading("lead")
        self.illustration = Illustration(ILLUSTRATION_PX)
        welcome = QWidget()
        row = QHBoxLayout(welcome)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(40)
        words = QVBoxLayout()
        words.setSpacing(12)
        words.addWidget(self.title)
        words.addWidget(self.lead)
        words.addStretch(1)
        row.addLayout(words, 1)
        row.addWidget(self.illustration)
        self.sections = TileGrid(columns=4)
        self.start_heading = heading("title")
        self.starters = TileGrid()
        self.trials = TileGrid(columns=1)  # shown when the content has a trials list
        self.contact = TileGrid(columns=1)
        self.no_contact = ContactFallback(callbacks, self.contact)
        widgets = (self.banner, welcome, self.sections, self.start_heading, self.starters)
        for widget in (*widgets, self.trials, self.contact, self.no_contact):
            self.column.addWidget(widget)
        self.column.insertSpacing(4, 20)
        self.column.addStretch(1)
        self._section_ids: list[str] = []
        self._starter_ids: list[str] = []
        self._icons: IconCache = {}
        self._icon_budget_ends = 0.0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Learning about immunotherapy"))
        self.lead.setText(
            self.tr(
                "Immunotherapy helps your own immune system fight blood cancer. "
                "Tap a topic to begin."
            )
        )
        self.start_heading.setText(self.tr("Good places to start"))
        self.contact.fill(
            [
                (
                    self.tr("Contact a specialist"),
                    self.tr("Leave your first name and number, and a specialist will call you."),
                    None,
                )
            ],
            lambda _: self.navigator.go(Place(CALLBACK)),
        )
        self.trials.fill(
            [
                (
                    self.tr("Clinical trials near this clinic"),
                    self.tr("Research studies looking for people to join, in plain words."),
                    None,
                )
            ],
            lambda _: self.navigator.go(Place(TRIALS)),
        )
        self.no_contact.retranslate(self.session.language)

    def show_item(self, item: str | None = None) -> None:
        self.no_contact.update_offer()
        self.trials.setVisible(self.store.trials() is not None)
        self._icon_budget_ends = time.monotonic() + ICON_BUDGET_SECONDS
        tiles = self.store.sections(self.session.language)
        self._section_ids = [tile.id for tile in tiles]
        icons = {tile.id: tile.icon for tile in tiles}
        self.sections.fill(
            ((t.title, self._count(t.card_count), self._icon(t.icon)) for t in tiles),
            lambda index: self.navigator.go(Place(SECTION, self._section_ids[index])),
        )
        firsts = {}
        for card in self.store.all_cards(self.session.language):
            firsts.setdefault(card.section, card)
        self._starter_ids = [card.id for card in firsts.values()]
        self.starters.fill(
            ((c.title, c.summary, self._icon(icons.get(c.section))) for c in firsts.values()),
            lambda index: self.navigator.go(Place(TOPIC, self._starter_ids[index])),
        )
        self._place_illustration()

    def _place_illustration(self) -> None:
        room = self.column.geometry().width() or self.width()
        measure = self.theme.sizes["measure"] * self.session.text_size / 100
        self.illustration.setVisible(room - ILLUSTRATION_PX - 40 >= measure * WORDS_SHARE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Portrait (a floor stand): tiles one to a line, a list that fills the tall screen
        # down to the bar in reach; landscape: side by side, up to four across.
        portrait = self.height() > self.width()
        for grid, across in ((self.sections, 4), (self.starters, 2)):
            grid.columns = 1 if portrait else across
            grid.reflow()
        self._place_illustration()

    def _count(self, count: int) -> str:
        return self.tr("%n topic(s)", "", count)

    def _icon(self, path: str | None) -> QPixmap | None:
        """A section's icon (section_icon), within the first showing's time budget."""
        key = (path, ICON_PX, self.session.high_contrast)
        if path and key not in self._icons and time.monotonic() > self._icon_budget_ends:
            return None  # not kept: tried again next time
        return section_icon(self, path, ICON_PX)
