"""A widget that lays its children out again when its width or their words change.

Rows of buttons and grids of tiles choose how many go to a line from the width they have
and the words they show; both change when the window resizes, the text size or the language
changes. Qt tells a widget of the first by a resize and of the others by a layout request.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


class Reflowing(QWidget):
    def reflow(self) -> None:
        """Place the children for the current width; cheap when nothing needs to move."""
        raise NotImplementedError

    def replace_all(self) -> None:
        """Place the children again even if the width and the words look the same (a new
        style changed their sizes)."""
        if hasattr(self, "_placed"):
            self._placed = None
        self.reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()

    def event(self, event: QEvent) -> bool:
        # A child's words or font changed (language, text size): it may no longer fit.
        if event.type() == QEvent.Type.LayoutRequest:
            self.reflow()
        return super().event(event)
