"""The staff PIN pad: digits shown as dots, a message line, and nothing that hints at the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import TouchButton, heading

MAX_DIGITS = 8


class PinPad(QWidget):
    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("IdleNotice")  # the same dimmed cover as the idle notice
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card = QWidget()
        card.setObjectName("IdleNoticeCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title, self.dots, self.message = heading(), heading("reference"), heading("error")
        for label in (self.title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(16)
        for widget in (self.title, self.dots, self.message):
            inner.addWidget(widget)
        inner.addLayout(grid)
        inner.addWidget(self.cancel)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.digits = ""
        self.hide()
        self.retranslate()

    def _key(self, digit: str) -> TouchButton:
        key = TouchButton(digit)
        key.setProperty("role", "key")
        key.setMinimumSize(96, 80)
        key.clicked.connect(lambda: self._type(digit))
        return key

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff PIN"))
        self.delete.setText(self.tr("Delete"))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))

    def open(self, message: str = "") -> None:
        self.digits = ""
        self._show_dots()
        self.say(message)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setAccessibleName(message)
        self.message.setVisible(bool(message))

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
