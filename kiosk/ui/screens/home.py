"""Home: a welcome, one big tile per section, and a first topic from each to start with.

Contact a specialist is offered only by a kiosk that can send the request; otherwise the
clinic's words (by default: ask at the front desk) stand in its place.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, SECTION, TOPIC, TRIALS, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.images import shared_pixmap
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.services import CallbackOffer
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.tile_grid import TileGrid

ICON_PX = 72
# Icons are decoded here, on the UI thread: each is small (72 px, within kiosk.ui.images'
# limits: 50 ms at worst), and once building home has spent this long on them the rest
# show without an icon until the next time home is shown.
ICON_BUDGET_SECONDS = 0.1


class HomeScreen(ScrollingScreen):
    name = "home"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        theme: Theme,
        callbacks: CallbackOffer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator = store, session, navigator
        self.theme, self.callbacks = theme, callbacks
        self.title = heading()
        self.lead = heading("lead")
        self.sections = TileGrid()
        self.start_heading = heading("title")
        self.starters = TileGrid()
        self.trials = TileGrid(columns=1)  # shown when the content has a trials list
        self.contact = TileGrid(columns=1)
        self.no_contact = ContactFallback(callbacks, self.contact)
        widgets = (self.title, self.lead, self.sections, self.start_heading, self.starters)
        for widget in (*widgets, self.trials, self.contact, self.no_contact):
            self.column.addWidget(widget)
        self.column.insertSpacing(2, 12)
        self.column.insertSpacing(4, 20)
        self.column.addStretch(1)
        self._section_ids: list[str] = []
        self._starter_ids: list[str] = []
        self._icons: dict[tuple[str, bool], QPixmap | None] = {}
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
        self.sections.fill(
            ((t.title, self._count(t.card_count), self._icon(t.icon)) for t in tiles),
            lambda index: self.navigator.go(Place(SECTION, self._section_ids[index])),
        )
        firsts = {}
        for card in self.store.all_cards(self.session.language):
            firsts.setdefault(card.section, card)
        self._starter_ids = [card.id for card in firsts.values()]
        self.starters.fill(
            ((c.title, c.summary, None) for c in firsts.values()),
            lambda index: self.navigator.go(Place(TOPIC, self._starter_ids[index])),
        )

    def _count(self, count: int) -> str:
        return self.tr("%n topic(s)", "", count)

    def _icon(self, path: str | None) -> QPixmap | None:
        if not path:
            return None
        key = (path, self.session.high_contrast)
        if key not in self._icons:
            if time.monotonic() > self._icon_budget_ends:
                return None  # not kept: tried again next time
            data = self.store.asset(path)
            tint = self.theme.palette(True)["text"] if self.session.high_contrast else None
            self._icons[key] = shared_pixmap(data, ICON_PX, tint, path) if data else None
        return self._icons[key]
