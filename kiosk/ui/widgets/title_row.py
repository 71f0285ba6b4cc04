"""A page title with one button beside it, or under it when the two do not share a line.

A topic's title and its "Contact a specialist" button sit side by side on a wide screen.
On a portrait screen at 200 % text, or in Spanish, the button's words would need more than
the room beside the title, and a button must never cut its words: so it goes under the
title instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QBoxLayout, QLabel, QWidget

from kiosk.ui.widgets.reflowing import Reflowing

# The most of the line the button may take before it moves under the title.
BESIDE_SHARE = 0.4


class TitleRow(Reflowing):
    def __init__(self, title: QLabel, button: QAbstractButton, parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.button = title, button
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(24)
        self.row.addWidget(title, 1)
        self.row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    def reflow(self) -> None:
        beside = self.button.sizeHint().width() <= self.width() * BESIDE_SHARE
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            align = Qt.AlignmentFlag.AlignTop if beside else Qt.AlignmentFlag.AlignLeft
            self.row.setAlignment(self.button, align)
