"""A two-column grid of tiles, refilled whenever its screen shows something new.

Tiles are kept and relabelled rather than rebuilt, so moving between screens does not
pay for creating and styling new widgets each time. When a tile's longest word cannot fit
half the width (a long title at 200 % text), the tiles go one to a line rather than cut
the word in two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.buttons import TileButton
from kiosk.ui.widgets.reflowing import Reflowing


class TileGrid(Reflowing):
    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(20)
        self.columns = columns  # at most; fewer when words do not fit (see reflow)
        self.placed = columns
        self._stretch(columns)
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
        self.reflow()

    def columns_for(self, width: int) -> int:
        """Two columns (or `columns`) if every shown tile's words fit that narrow, else one."""
        spacing = self.grid.horizontalSpacing()
        narrow = (width - spacing * (self.columns - 1)) // self.columns
        return self.columns if all(t.words_fit(narrow) for t in self.visible_tiles) else 1

    def reflow(self) -> None:
        columns = self.columns_for(self.width())
        if columns == self.placed:
            return
        self.placed = columns
        for index, tile in enumerate(self.tiles):
            self.grid.removeWidget(tile)
            self.grid.addWidget(tile, index // columns, index % columns)
        self._stretch(columns)

    def _stretch(self, columns: int) -> None:
        for column in range(self.columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    @property
    def visible_tiles(self) -> list[TileButton]:
        return [tile for tile in self.tiles if not tile.isHidden()]

    def _tile(self, index: int) -> TileButton:
        if index == len(self.tiles):
            tile = TileButton(self)
            tile.clicked.connect(lambda _=False, i=index: self.on_tap(i))
            self.grid.addWidget(tile, index // self.placed, index % self.placed)
            self.tiles.append(tile)
        return self.tiles[index]
