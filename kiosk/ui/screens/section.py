"""A section: its large icon, title and a line about it, and a tile (with the icon) for each of
its cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import TOPIC, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.images import shared_pixmap
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.tile_grid import TileGrid

LARGE_ICON_PX = 120  # the section's own icon, beside its title
TILE_ICON_PX = 56  # the same icon on each of its cards' tiles


class SectionScreen(ScrollingScreen):
    name = "section"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        theme: Theme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator = store, session, navigator
        self.theme = theme or Theme.load()
        self.icon = QLabel()
        self.icon.setObjectName("SectionIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading()
        self.intro = heading("lead")
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(32)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(12)
        words.addWidget(self.title)
        words.addWidget(self.intro)
        row.addLayout(words, 1)
        self.cards = TileGrid(columns=3)
        self.column.addWidget(header)
        self.column.addSpacing(12)
        self.column.addWidget(self.cards)
        self.column.addStretch(1)
        self._card_ids: list[str] = []
        self._icons: IconCache = {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.cards.columns = 1 if self.height() > self.width() else 3  # a list in portrait
        self.cards.reflow()

    def show_item(self, item: str | None) -> None:
        lang = self.session.language
        section = next((s for s in self.store.sections(lang) if s.id == item), None)
        self.title.setText(section.title if section else "")
        tiles = self.store.cards_in_section(item or "", lang)
        self.intro.setText(
            self.tr("%n short topic(s) to read at your own pace. Tap one to begin.", "", len(tiles))
        )
        large = self._icon(section.icon if section else None, LARGE_ICON_PX)
        if large is not None:
            self.icon.setPixmap(large)
        self.icon.setVisible(large is not None)
        small = self._icon(section.icon if section else None, TILE_ICON_PX)
        self._card_ids = [tile.id for tile in tiles]
        self.cards.fill(
            ((t.title, t.summary, small) for t in tiles),
            lambda index: self.navigator.go(Place(TOPIC, self._card_ids[index])),
        )

    def _icon(self, path: str | None, px: int) -> QPixmap | None:
        return section_icon(self, path, px)


IconCache = dict[tuple[str, int, bool], QPixmap | None]


def section_icon(screen: SectionScreen | QWidget, path: str | None, px: int) -> QPixmap | None:
    """A section's icon at `px` for `screen` (which has `store`, `session`, `theme` and an
    `_icons` dict), decoded once per size and theme: 72 px decodes in a few milliseconds, and
    kiosk.ui.images keeps every picture within its limits. High contrast draws it white."""
    if not path:
        return None
    key = (path, px, screen.session.high_contrast)
    if key not in screen._icons:
        data = screen.store.asset(path)
        tint = screen.theme.palette(True)["text"] if screen.session.high_contrast else None
        screen._icons[key] = shared_pixmap(data, px, tint, path) if data else None
    return screen._icons[key]
