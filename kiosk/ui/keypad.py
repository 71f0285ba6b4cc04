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
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)

NEXT = {Qt.Key.Key_Down}
PREVIOUS = {Qt.Key.Key_Up}
ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select}
BACK = {Qt.Key.Key_Escape, Qt.Key.Key_Back}
HELP = {Qt.Key.Key_F1, Qt.Key.Key_Help, Qt.Key.Key_Question}


class KeypadNavigator(QObject):
    """An application-wide key filter for one window; `back` and `help` are the window's."""

    def __init__(
        self,
        window: QWidget,
        back: Callable[[], None],
        help: Callable[[], None],
        reachable: Callable[[], QWidget] | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.back, self.help = window, back, help
        self.reachable = reachable or (lambda: window)  # the cover on top, or the window

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
        """Focus the next (or previous) control in reading order, wrapping around, and scroll
        it into view.

        Reading order is where controls are on screen, top to bottom and left to right, not
        the order they were made in (Qt's tab order): tiles made when a screen is first
        filled would otherwise come after a button made with the screen.
        """
        controls = self.controls()
        if not controls:
            return
        current = QApplication.focusWidget()
        if current in controls:
            step = 1 if forward else -1
            target = controls[(controls.index(current) + step) % len(controls)]
        else:
            target = controls[0] if forward else controls[-1]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        scroll_into_view(target)

    def controls(self) -> list[QWidget]:
        """What the keys can reach, in reading order: on the cover on top if one shows."""
        root = self.reachable()
        found = [
            widget
            for widget in root.findChildren(QWidget)
            # Qt takes Tab focus from the unchosen radio buttons of a set (arrows would move
            # between them); here Up and Down visit every choice.
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, QRadioButton))
            and widget.isVisible()
            and widget.isEnabled()
        ]

        return sorted(found, key=lambda widget: reading_place(widget, root))

    def activate(self, focused: QWidget | None) -> None:
        if isinstance(focused, QCheckBox):
            focused.toggle()
        elif isinstance(focused, QAbstractButton) and focused.isEnabled():
            focused.click()
        elif isinstance(focused, QLineEdit):
            self.move(forward=True)


def reading_place(widget: QWidget, root: QWidget) -> tuple[int, int]:
    """Where `widget` is on its page, top then left: as if no scroll area were scrolled."""
    corner = widget.mapTo(root, widget.rect().topLeft())
    scrolled = 0
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            scrolled += parent.verticalScrollBar().value()
        parent = parent.parentWidget()
    return corner.y() + scrolled, corner.x()


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` until it shows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 24)
        parent = parent.parentWidget()
