"""The keypad path: the whole kiosk works with a few keys as well as by touch.

In the spirit of EZ Access: Up/Down (or Tab/Shift+Tab) move a large visible focus through
every control in reading order, Enter activates, Escape goes back, and the Help key (F1, or
the question-mark key) asks for a spoken "where am I, what can I do". Works with USB
accessibility keypads and switch interfaces that send these keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLineEdit, QWidget

NEXT = {Qt.Key.Key_Down}
PREVIOUS = {Qt.Key.Key_Up}
ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select}
BACK = {Qt.Key.Key_Escape, Qt.Key.Key_Back}
HELP = {Qt.Key.Key_F1, Qt.Key.Key_Help, Qt.Key.Key_Question}


class KeypadNavigator(QObject):
    """An application-wide key filter for one window; `back` and `help` are the window's."""

    def __init__(self, window: QWidget, back: Callable[[], None], help: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.back, self.help = window, back, help

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.window.isActiveWindow():
            return False
        key = event.key() if isinstance(event, QKeyEvent) else None
        focused = QApplication.focusWidget()
        if key in NEXT or key in PREVIOUS:
            self.move(forward=key in NEXT)
        elif key in ACTIVATE:
            self.activate(focused)
        elif key in BACK:
            self.back()
        elif key in HELP and not isinstance(focused, QLineEdit):
            self.help()
        else:
            return False
        return True

    def move(self, forward: bool) -> None:
        """Focus the next (or previous) control in the window's tab order, wrapping around."""
        self.window.focusNextPrevChild(forward)

    def activate(self, focused: QWidget | None) -> None:
        if isinstance(focused, QCheckBox):
            focused.toggle()
        elif isinstance(focused, QAbstractButton) and focused.isEnabled():
            focused.click()
        elif isinstance(focused, QLineEdit):
            self.move(forward=True)
