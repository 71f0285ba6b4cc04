"""A two-column grid of tiles, refilled whenever its screen shows something new.

Tiles are kept and relabelled rather than rebuilt, so moving between screens does not
pay for creating and styling new widgets each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.buttons import TileButton


class TileGrid(QWidget):
    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(20)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)
        self.columns = columns
        self.tiles: list[TileButton] = []
        self.on_tap: Callable[[int], None] = lambda index: None

    def fill(
        self,
        entries: Iterable[tuple[str, str, QPixmap | None]],
        on_tap: Callable[[int], None],
    ) -> None:
        """Show one tile per (title, summary, icon); a tap calls `on_tap` with its index."""
        self.on_tap = on_tap
        count = 0
        for count, (title, summary, icon) in enumerate(entries, start=1):
            tile = self._tile(count - 1)
            tile.set_content(title, summary, icon)
            tile.show()
        for tile in self.tiles[count:]:
            tile.hide()

    @property
    def visible_tiles(self) -> list[TileButton]:
        return [tile for tile in self.tiles if not tile.isHidden()]

    def _tile(self, index: int) -> TileButton:
        if index == len(self.tiles):
            tile = TileButton(self)
            tile.clicked.connect(lambda _=False, i=index: self.on_tap(i))
            self.grid.addWidget(tile, index // self.columns, index % self.columns)
            self.tiles.append(tile)
        return self.tiles[index]
