"""Locked down: in full-screen mode a patient cannot leave, close or poke behind the kiosk.

An application-wide filter eats what could get a patient out or confuse them: context
menus (right-click and long-press alike), and the usual quit and close shortcuts. The
window refuses close events on its own (see KioskWindow.closeEvent); only the audited
staff "Exit to desktop" quits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

BLOCKED_SHORTCUTS = (
    QKeySequence.StandardKey.Quit,
    QKeySequence.StandardKey.Close,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Print,
)
BLOCKED_KEYS = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
}


class LockDown(QObject):
    """Install on the application while the kiosk is full-screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.blocked = 0  # how many attempts were refused, for the staff status

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            self.blocked += 1
            return True
        is_key = kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if is_key and isinstance(event, QKeyEvent) and self.is_blocked(event):
            self.blocked += 1
            return True
        return False

    @staticmethod
    def is_blocked(event: QKeyEvent) -> bool:
        if any(event.matches(sequence) for sequence in BLOCKED_SHORTCUTS):
            return True
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return (Qt.Key(event.key()), modifiers) in BLOCKED_KEYS or event.key() == Qt.Key.Key_Meta
