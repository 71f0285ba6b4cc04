"""The staff PIN pad: digits shown as dots, a message, and nothing that hints at the PIN.

The words sit in a column beside the keys, so a message (a wrong PIN, a lockout with its
countdown) never moves a key from under a finger. While the pad is locked the keys are
off, and look it. Its type keeps one size whatever a patient chose: it is not their visit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.cover import Cover

MAX_DIGITS = 8
WORDS_PX = 380  # the width of the column of words beside the keys


class PinPad(Cover):
    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, max_width=1000)
        self.card.setProperty("fixed", "yes")  # its type keeps one size (kiosk.qss)
        self.title, self.dots, self.message = heading(), heading("reference"), heading("error")
        for label in (self.title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.keys: list[TouchButton] = []
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        self.delete, self.ok, self.cancel = TouchButton(), TouchButton(), TouchButton()
        self.delete.clicked.connect(self._delete)
        self.ok.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.cancelled)
        grid.addWidget(self.delete, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self.ok, 3, 2)
        words = QVBoxLayout()
        words.setSpacing(16)
        for widget in (self.title, self.dots, self.message):
            words.addWidget(widget)
        words.addStretch(1)
        words.addWidget(self.cancel)
        holder = QWidget()
        holder.setLayout(words)
        holder.setFixedWidth(WORDS_PX)
        row = QHBoxLayout(self.card)
        row.setContentsMargins(48, 36, 48, 36)
        row.setSpacing(40)
        row.addWidget(holder)
        row.addLayout(grid, 1)
        self.digits = ""
        self.retranslate()

    def _key(self, digit: str) -> TouchButton:
        key = TouchButton(digit)
        key.setProperty("role", "key")
        key.setMinimumSize(96, 80)
        key.clicked.connect(lambda: self._type(digit))
        self.keys.append(key)
        return key

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff PIN"))
        self.delete.setText(self.tr("Delete"))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))

    def open(self) -> None:
        self.digits = ""
        self._show_dots()
        self.say("")
        self.cover_window()

    def say(self, message: str, *, locked: bool = False) -> None:
        """Show `message` beside the keys; while `locked`, the keys take no digits."""
        self.message.setText(message)
        self.message.setAccessibleName(message)
        self.message.setVisible(bool(message))
        for key in (*self.keys, self.delete, self.ok):
            key.setEnabled(not locked)

    def close_pad(self) -> None:
        self.digits = ""
        self._show_dots()
        self.hide()

    def _type(self, digit: str) -> None:
        if len(self.digits) < MAX_DIGITS:
            self.digits += digit
            self._show_dots()

    def _delete(self) -> None:
        self.digits = self.digits[:-1]
        self._show_dots()

    def _submit(self) -> None:
        digits, self.digits = self.digits, ""
        self._show_dots()
        self.entered.emit(digits)

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self.digits) or " ")
