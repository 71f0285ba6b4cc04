"""One stylesheet for the whole window, applied part by part: what shows now, the rest later.

Qt restyles every descendant of a widget whose stylesheet changes, hidden or not, and more
than once. So the window itself holds no stylesheet: each of its parts (the top bar, each
screen, each cover) holds the current one. A new text size or contrast restyles the parts a
patient can see at once; a hidden part keeps its old style, and its state (fields, scroll
position, tiles), until it is about to show, when it is restyled in place. Nothing is
dropped and rebuilt, so a long-running kiosk does not churn widgets on every "Larger text".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.reflowing import Reflowing


class SheetKeeper(QObject):
    """The current stylesheet, and the parts that follow it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sheet = ""
        self.restyled = 0  # parts restyled so far (tests and benchmarks read it)

    def use(self, sheet: str) -> bool:
        """Make `sheet` the current one; False if it already is."""
        if sheet == self.sheet:
            return False
        self.sheet = sheet
        return True

    def keep(self, part: QWidget) -> None:
        """Give `part` the current stylesheet now, if it does not have it yet."""
        if part.styleSheet() != self.sheet:
            part.setStyleSheet(self.sheet)
            self.restyled += 1
            # Restyled while hidden, rows of buttons placed for the old words' widths: the
            # layout requests that would have told them came before the new sizes did.
            for flowing in part.findChildren(Reflowing):
                flowing.replace_all()

    def follow(self, part: QWidget) -> None:
        """Give `part` the current stylesheet now, and again whenever it shows in an old one
        (the staff panel: restyled hidden, its rows of buttons would keep their old lines)."""
        part.installEventFilter(self)
        self.keep(part)

    def is_current(self, part: QWidget) -> bool:
        return part.styleSheet() == self.sheet

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            self.keep(watched)
        return False
