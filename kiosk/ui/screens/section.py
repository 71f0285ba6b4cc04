"""A section: its title and a tile for each of its cards."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import TOPIC, Navigator, Place
from kiosk.session import Session
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.tile_grid import TileGrid


class SectionScreen(ScrollingScreen):
    name = "section"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator = store, session, navigator
        self.title = heading()
        self.cards = TileGrid()
        self.column.addWidget(self.title)
        self.column.addSpacing(12)
        self.column.addWidget(self.cards)
        self.column.addStretch(1)
        self._card_ids: list[str] = []

    def show_item(self, item: str | None) -> None:
        lang = self.session.language
        self.title.setText(self.store.section_title(item or "", lang) or "")
        tiles = self.store.cards_in_section(item or "", lang)
        self._card_ids = [tile.id for tile in tiles]
        self.cards.fill(
            ((t.title, t.summary, None) for t in tiles),
            lambda index: self.navigator.go(Place(TOPIC, self._card_ids[index])),
        )
