"""A grid of tiles (two columns, or up to `columns` on a wide screen), refilled whenever its
screen shows something new.

Tiles are kept and relabelled rather than rebuilt, so moving between screens does not
pay for creating and styling new widgets each time. A grid takes as many columns as leave
each tile at least MIN_TILE_EMS of its title's text wide; when a tile's longest word cannot
fit even two columns (a long title at 200 % text), the tiles go one to a line rather than
cut the word in two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.buttons import TileButton
from kiosk.ui.widgets.reflowing import Reflowing

MIN_TILE_EMS = 10  # the narrowest a tile of several in a row may be, in its title's text size


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
        """As many columns (up to `columns`) as leave every tile wide enough for its words and
        at least MIN_TILE_EMS wide; two at least when the words fit two, else one."""
        spacing = self.grid.horizontalSpacing()
        tiles = self.visible_tiles
        em = tiles[0].title_label.fontMetrics().height() if tiles else 0
        fitting = [
            columns
            for columns in range(self.columns, 1, -1)
            if (columns == 2 or (width - spacing * (columns - 1)) // columns >= MIN_TILE_EMS * em)
            and all(t.words_fit((width - spacing * (columns - 1)) // columns) for t in tiles)
        ]
        # Full rows where some count gives them (four tiles as 2 x 2, not 3 and 1).
        even = [columns for columns in fitting if len(tiles) % columns == 0]
        return (even or fitting or [1])[0]

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
        for column in range(max(self.columns, self.grid.columnCount())):
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
