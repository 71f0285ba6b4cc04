"""Buttons side by side in equal columns, as many to a line as their words allow.

Three buttons share a line of a 1280 px screen at the default text size; at 200 %, or in
Spanish, their words may not fit, and a button must never cut its words off. So the row
counts how many of its widest button fit its width, and goes two to a line, or one, when
fewer do. Hidden buttons take no place.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QLayout, QWidget

from kiosk.ui.widgets.reflowing import Reflowing

SPACING = 16


class ButtonRow(Reflowing):
    def __init__(self, buttons: Iterable[QAbstractButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        for button in self.buttons:
            button.setParent(self)  # a child now: hidden only if someone hides it
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        # The row, not its grid, says how narrow it may get: one button wide.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._placed: tuple[int, tuple[QAbstractButton, ...]] | None = None
        self.reflow()

    def columns_for(self, width: int) -> int:
        """How many of the widest shown button fit side by side in `width`."""
        shown = self._shown()
        if not shown:
            return 1
        widest = max(button.sizeHint().width() for button in shown)
        return max(1, min(len(shown), (width + SPACING) // (widest + SPACING)))

    def reflow(self) -> None:
        shown = self._shown()
        columns = self.columns_for(self.width())
        if self._placed == (columns, shown):
            return
        self._placed = (columns, shown)
        for button in self.buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(shown):
            self.grid.addWidget(button, index // columns, index % columns)
        for column in range(len(self.buttons)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        shown = self._shown()
        widest = max((button.sizeHint().width() for button in shown), default=0)
        return QSize(widest, self.grid.minimumSize().height())

    def _shown(self) -> tuple[QAbstractButton, ...]:
        return tuple(button for button in self.buttons if not button.isHidden())
