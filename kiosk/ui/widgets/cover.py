"""A dimmed cover over the whole window with one card in the middle: the idle notice, the PIN
pad.

The card is as wide as it may be (up to `max_width`, never wider than the window less a
margin) and as tall as its words need at that width: wrapped lines are never cut off, which
a card sized by its one-line width would do. It sits a fixed distance from the top, chosen
when it opens, so a message appearing under the title grows the card downwards and nothing
the patient is about to tap moves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

MARGIN = 24


class Cover(QWidget):
    def __init__(self, parent: QWidget, max_width: int) -> None:
        super().__init__(parent)
        self.setObjectName("IdleNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card = QWidget()
        self.card.setObjectName("IdleNoticeCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card.setMaximumWidth(max_width)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.card, 100)  # takes all the width it may; the stretches the rest
        middle.addStretch(1)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.outer.addLayout(middle)
        self.outer.addStretch(1)
        self.hide()

    def cover_window(self) -> None:
        """Cover the window now, with the card centred as it is laid out at this moment."""
        window = self.parentWidget()
        self.setGeometry(window.rect())
        width = min(self.card.maximumWidth(), window.width() - 2 * MARGIN)
        height = self.card.layout().totalHeightForWidth(width)
        top = max(MARGIN, (window.height() - height) // 2)
        self.outer.setContentsMargins(MARGIN, top, MARGIN, MARGIN)
        self.show()
        self.raise_()
