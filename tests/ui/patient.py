"""How tests act like a patient: find controls by their accessible name and tap them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QWidget,
)


def reachable(window: QWidget) -> QWidget:
    """What a finger can reach: the cover on top (the staff panel, the PIN pad, the idle
    notice) while one covers the screen, else the whole window."""
    return window.reachable()


def visible_controls(window: QWidget) -> list[QAbstractButton]:
    return [b for b in reachable(window).findChildren(QAbstractButton) if b.isVisible()]


def find(window: QWidget, name: str) -> QWidget:
    """The one reachable widget whose accessible name is `name`; fails if none or several."""
    matches = [
        w
        for w in reachable(window).findChildren(QWidget)
        if w.isVisible() and w.accessibleName() == name
    ]
    names = sorted({b.accessibleName() for b in visible_controls(window)})
    assert matches, f"nothing visible is named {name!r}; visible controls: {names}"
    assert len(matches) == 1, f"{len(matches)} visible widgets are named {name!r}"
    return matches[0]


def tap(qtbot, window: QWidget, name: str) -> None:
    """Tap the middle of the control a screen reader would call `name`.

    Pending events run first, as they would before a real finger lands: a screen that
    was just filled gets its layout.
    """
    QApplication.processEvents()
    control = find(window, name)
    assert control.isEnabled(), f"{name!r} is visible but disabled"
    scroll_into_view(control)
    qtbot.mouseClick(control, Qt.MouseButton.LeftButton, pos=control.rect().center())


def scroll_into_view(control: QWidget) -> None:
    """Scroll the screen until `control` shows, as a patient drags a long screen up."""
    parent = control.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(control, 0, 0)
        QApplication.processEvents()


def tap_at(qtbot, widget: QWidget, point: QPoint) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def visible_text(window: QWidget) -> str:
    """All text a patient can see right now: labels, card bodies and control names."""
    parts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    parts += [b.toPlainText() for b in window.findChildren(QTextBrowser) if b.isVisible()]
    parts += [c.accessibleName() for c in visible_controls(window)]
    return "\n".join(parts)
