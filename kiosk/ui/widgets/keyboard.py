"""The on-screen keyboard: letters with the accents Spanish needs, or a big phone keypad.

Written for the kiosk instead of Qt Virtual Keyboard (GPL, and a separate window under
X11). It types into whichever field it is attached to; it has no prediction and learns
nothing, and `reset()` forgets which field it served and whether Shift was on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QStackedWidget, QWidget

from kiosk.ui.widgets.buttons import TouchButton

LETTER_ROWS = (
    "qwertyuiop",
    "asdfghjklñ",
    "zxcvbnm-'",
    "áéíóúü",
)
DIGIT_ROWS = ("123", "456", "789")
KEY_PX = 72


class Keyboard(QWidget):
    """Letters or digits for the attached field; Done asks the form to move on."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # A tap on a key (which takes no focus) would hand the focus to the nearest ancestor
        # that takes it by click, the window, and the field would lose its ring and caret.
        # The keyboard takes it instead and passes it on to the field it types into.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.target: QLineEdit | None = None
        self.shifted = False
        self.letter_keys: list[TouchButton] = []
        self.pages = QStackedWidget(self)
        self.letters = self._letters_page()
        self.digits = self._digits_page()
        self.pages.addWidget(self.letters)
        self.pages.addWidget(self.digits)
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.pages)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _key(self, text: str, on_tap, width: int = 1) -> TouchButton:
        key = TouchButton(text)
        key.setProperty("role", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps focus while typing
        key.setMinimumSize(KEY_PX * width, KEY_PX)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.clicked.connect(on_tap)
        return key

    def _letters_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, letters in enumerate(LETTER_ROWS):
            for column, letter in enumerate(letters):
                key = self._key(letter, lambda _=False, c=letter: self.type_letter(c))
                self.letter_keys.append(key)
                grid.addWidget(key, row, column)
        self.shift_key = self._key("", self.toggle_shift)
        self.shift_key.setCheckable(True)
        self.space_key = self._key("", lambda: self.type_text(" "))
        self.delete_key = self._key("", self.delete)
        self.delete_key.setAutoRepeat(True)
        self.letters_done = self._key("", self.done)
        last = len(LETTER_ROWS)
        grid.addWidget(self.shift_key, last, 0, 1, 2)
        grid.addWidget(self.space_key, last, 2, 1, 4)
        grid.addWidget(self.delete_key, last, 6, 1, 2)
        grid.addWidget(self.letters_done, last, 8, 1, 2)
        return page

    def _digits_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(12)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, digits in enumerate(DIGIT_ROWS):
            for column, digit in enumerate(digits):
                key = self._key(digit, lambda _=False, d=digit: self.type_text(d))
                key.setMinimumHeight(KEY_PX + 8)
                grid.addWidget(key, row, column)
        self.digits_delete = self._key("", self.delete)
        self.digits_delete.setAutoRepeat(True)
        zero = self._key("0", lambda: self.type_text("0"))
        self.digits_done = self._key("", self.done)
        grid.addWidget(self.digits_delete, 3, 0)
        grid.addWidget(zero, 3, 1)
        grid.addWidget(self.digits_done, 3, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        return page

    def retranslate(self) -> None:
        self.shift_key.setText(self.tr("Capital letter"))
        self.space_key.setText(self.tr("Space"))
        self.delete_key.setText(self.tr("Delete"))
        self.digits_delete.setText(self.tr("Delete"))
        self.letters_done.setText(self.tr("Done"))
        self.digits_done.setText(self.tr("Done"))

    # -- typing ----------------------------------------------------------------------------

    def attach(self, target: QLineEdit | None, digits: bool = False, capitals: bool = True) -> None:
        """Type into `target` from now on, showing the phone keypad when `digits`; an empty
        field starts with a capital letter unless `capitals` is False (search words)."""
        self.target = target
        self.setFocusProxy(target)
        self.setVisible(target is not None)  # out of the way when no field wants typing
        self.pages.setCurrentWidget(self.digits if digits else self.letters)
        self._set_shift(target is not None and capitals and not digits and not target.text())

    def type_letter(self, letter: str) -> None:
        self.type_text(letter.upper() if self.shifted else letter)
        self._set_shift(False)

    def type_text(self, text: str) -> None:
        if self.target is not None:
            self.target.insert(text)

    def delete(self) -> None:
        if self.target is not None:
            self.target.backspace()

    def toggle_shift(self) -> None:
        self._set_shift(not self.shifted)

    def _set_shift(self, on: bool) -> None:
        self.shifted = on
        self.shift_key.setChecked(on)
        for key in self.letter_keys:
            letter = key.text()
            key.setText(letter.upper() if on and letter.isalpha() else letter.lower())

    def reset(self) -> None:
        """Forget the field and the Shift state: nothing of one patient's typing stays."""
        self.attach(None)
