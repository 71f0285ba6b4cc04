"""After Send: "There is a problem", then one tappable line per problem (the GOV.UK pattern).

Tapping a line asks for its field (`chosen`), which the screen focuses and scrolls to.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import TileButton, heading


class ErrorSummary(QFrame):
    chosen = Signal(str)  # the field whose line was tapped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorSummary")
        self.title = heading("summary-title")
        self.lines: list[TileButton] = []
        self._fields: list[str] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 20, 28, 20)
        self.column.setSpacing(8)
        self.column.addWidget(self.title)
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("There is a problem"))
        self.setAccessibleName(self.title.text())

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """One line per (field, message); hidden when there are none."""
        while len(self.lines) < len(problems):
            line = TileButton()
            line.setProperty("role", "problem")
            index = len(self.lines)
            line.clicked.connect(lambda _=False, i=index: self.chosen.emit(self._fields[i]))
            self.column.addWidget(line)
            self.lines.append(line)
        self._fields = [field for field, _ in problems]
        for index, line in enumerate(self.lines):
            if index < len(problems):
                line.set_content(problems[index][1], "")
            line.setVisible(index < len(problems))
        self.setVisible(bool(problems))
