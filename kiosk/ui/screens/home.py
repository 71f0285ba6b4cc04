"""Home: a welcome and one big tile per section."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.content.store import ContentStore
from kiosk.navigation import SECTION, Navigator, Place
from kiosk.session import Session
from kiosk.ui.images import pixmap_from_bytes
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.tile_grid import TileGrid

ICON_PX = 72


class HomeScreen(ScrollingScreen):
    name = "home"

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
        self.lead = heading("lead")
        self.sections = TileGrid()
        self.column.addWidget(self.title)
        self.column.addWidget(self.lead)
        self.column.addSpacing(12)
        self.column.addWidget(self.sections)
        self.column.addStretch(1)
        self._section_ids: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Learning about immunotherapy"))
        self.lead.setText(
            self.tr(
                "Immunotherapy helps your own immune system fight blood cancer. "
                "Tap a topic to begin."
            )
        )

    def show_item(self, item: str | None = None) -> None:
        tiles = self.store.sections(self.session.language)
        self._section_ids = [tile.id for tile in tiles]
        self.sections.fill(
            ((t.title, self._count(t.card_count), self._icon(t.icon)) for t in tiles),
            lambda index: self.navigator.go(Place(SECTION, self._section_ids[index])),
        )

    def _count(self, count: int) -> str:
        return self.tr("%n topic(s)", "", count)

    def _icon(self, path: str | None):
        data = self.store.asset(path) if path else None
        return pixmap_from_bytes(data, ICON_PX) if data else None
