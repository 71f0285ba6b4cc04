"""Groups of buttons on one line while they fit, and on more lines when they do not.

The top bar holds Home and Back on the left and the language and display choices on the
right. On a wide screen they share one line; on a portrait screen at 200 % text they do not
fit, and a bar wider than its screen would push the window off it. So each group goes to a
line of its own, and a group too wide for a line of its own breaks between its buttons.
A button's words are never cut: it keeps at least the width its words need.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.reflowing import Reflowing

SPACING = 16

Line = tuple[tuple[QAbstractButton, ...], ...]  # the groups (or parts of groups) on one line


class FlowRow(Reflowing):
    def __init__(
        self,
        groups: Sequence[Sequence[QAbstractButton]],
        parent: QWidget | None = None,
        *,
        centred: bool = False,
    ) -> None:
        super().__init__(parent)
        self.groups = [list(group) for group in groups]
        self.centred = centred  # each line in the middle, rather than groups to the edges
        for group in self.groups:
            for button in group:
                button.setParent(self)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(SPACING // 2)
        # The row, not its layout, says how narrow it may get: one button wide.
        self.column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._placed: tuple[Line, ...] | None = None
        self._rows: list[QHBoxLayout] = []
        self.reflow()

    def lines_for(self, width: int) -> tuple[Line, ...]:
        """The groups shown, packed into as few lines of `width` as their words allow."""
        shown = [tuple(b for b in group if not b.isHidden()) for group in self.groups]
        shown = [group for group in shown if group]
        if _width([*shown]) <= width:
            return (tuple(shown),)
        lines: list[Line] = []
        for group in shown:
            part: list[QAbstractButton] = []
            for button in group:
                if part and _width([(*part, button)]) > width:
                    lines.append((tuple(part),))
                    part = []
                part.append(button)
            lines.append((tuple(part),))
        return tuple(lines)

    def reflow(self) -> None:
        lines = self.lines_for(self.width())
        if lines == self._placed:
            return
        self._placed = lines
        for row in self._rows:
            for index in reversed(range(row.count())):
                row.takeAt(index)  # the buttons stay children of the row, out of any layout
            self.column.removeItem(row)
            row.deleteLater()
        self._rows = []
        for line in lines:
            row = QHBoxLayout()
            self._rows.append(row)
            row.setSpacing(SPACING)
            for index, part in enumerate(line):
                if index:
                    row.addStretch(1)
                for button in part:
                    row.addWidget(button)
            if self.centred:
                row.insertStretch(0, 1)
                row.addStretch(1)
            elif line[0][0] not in self.groups[0]:
                row.insertStretch(0, 1)  # a right-hand group alone on its line stays right
            elif len(line) == 1:
                row.addStretch(1)  # and the left-hand one left, its buttons at their size
            self.column.addLayout(row)
        self.column.activate()  # place the buttons now, not at the next layout pass
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest button, as tall as the lines it needs at that width."""
        buttons = [b for group in self.groups for b in group if not b.isHidden()]
        widest = max((b.sizeHint().width() for b in buttons), default=0)
        return QSize(widest, super().minimumSizeHint().height())


def _width(parts: Sequence[Sequence[QAbstractButton]]) -> int:
    """The width of `parts` side by side: their buttons' words, and the gaps between (the
    stretch between two parts has a gap on each side)."""
    buttons = [button for part in parts for button in part]
    gaps = max(0, len(buttons) - 1) + max(0, len(parts) - 1)
    return sum(b.sizeHint().width() for b in buttons) + SPACING * gaps
