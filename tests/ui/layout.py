"""What a patient would see as broken on the screen showing now: words cut off, controls
overlapping or pushed off the edge, and a window that is not exactly its screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.ui.patient import reachable

# A word wider than this many pixels past its room counts as cut (rounding in font metrics).
SLACK_PX = 1
# The least room a button's words need above and below: the thickest border and a little air.
BUTTON_EDGE_PX = 8


def layout_problems(window: QWidget) -> list[str]:
    """Every visible fault of the window as it shows now, one line each; [] when it is whole."""
    problems = []
    screen = QWidget.screen(window).geometry()  # KioskWindow.screen(name) is a screen of its own
    if window.geometry() != screen:
        problems.append(
            f"the window is {_size(window.geometry())}, not its screen's {_size(screen)}"
        )
    focused = QApplication.focusWidget()
    typing = isinstance(focused, QLineEdit) and focused.isVisible()
    if typing and _shown_rect(focused, window) != _rect(focused, window):
        problems.append(f"the field being typed in, {_name(focused)}, is not all on screen")
    top = reachable(window)
    seen = []
    for widget in _leaves(top):
        shown = _shown_rect(widget, window)
        if shown is None:
            continue
        name = _name(widget)
        problems += [f"{name}: {fault}" for fault in _cut(widget, window)]
        for other, other_shown in seen:
            if shown.intersects(other_shown) and not _related(widget, other):
                problems.append(f"{name} overlaps {_name(other)}")
        seen.append((widget, shown))
    return problems


def _leaves(top: QWidget) -> list[QWidget]:
    """The things a patient reads or taps: labels, buttons and fields that show."""
    kinds = (QLabel, QAbstractButton, QLineEdit)
    return [w for w in top.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]


def _clips(widget: QWidget, window: QWidget):
    """Each ancestor's rectangle in window coordinates, and whether it scrolls vertically."""
    parent = widget.parentWidget()
    scrolls = False  # inside a scroll area, what is below its bottom edge is scrolled to
    while parent is not None and parent is not window:
        origin = parent.mapTo(window, parent.rect().topLeft())
        scrolls = scrolls or isinstance(parent.parentWidget(), QAbstractScrollArea)
        yield QRect(origin, parent.size()), scrolls
        parent = parent.parentWidget()
    yield window.rect(), scrolls


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _shown_rect(widget: QWidget, window: QWidget) -> QRect | None:
    """The part of `widget` on screen, after every ancestor clips it; None if none is."""
    shown = _rect(widget, window)
    for clip, _ in _clips(widget, window):
        shown = shown.intersected(clip)
    return shown if shown.isValid() and not shown.isEmpty() else None


def _cut(widget: QWidget, window: QWidget) -> list[str]:
    faults = []
    full = _rect(widget, window)
    for clip, scrolls in _clips(widget, window):
        inside = full.intersected(clip)
        if inside.width() < full.width():
            faults.append("runs off the side")
            break
        if not scrolls and inside.height() < full.height():
            faults.append("runs off the bottom" if full.bottom() > clip.bottom() else "is cut")
            break
    if isinstance(widget, QLabel) and widget.text():
        faults += _label_cut(widget)
    elif isinstance(widget, QAbstractButton) and widget.text():
        faults += _button_cut(widget)
    return faults


def _button_cut(button: QAbstractButton) -> list[str]:
    """A button's own text never wraps: it needs the width its words and padding ask for."""
    metrics = button.fontMetrics()
    need = button.sizeHint().width()
    if need > button.width() + SLACK_PX:
        return [f"its words need {need} px, it has {button.width()}"]
    if metrics.height() + 2 * BUTTON_EDGE_PX > button.height() + SLACK_PX:
        return ["its words are taller than the button"]
    return []


def _label_cut(label: QLabel) -> list[str]:
    room = label.contentsRect().width()
    metrics = label.fontMetrics()
    if not label.wordWrap():
        need = max(metrics.horizontalAdvance(line) for line in label.text().splitlines() or [""])
        return [f"needs {need} px on one line, has {room}"] if need > room + SLACK_PX else []
    faults = [
        f"the word {word!r} is wider than the label"
        for word in label.text().split()
        if metrics.horizontalAdvance(word) > room + SLACK_PX
    ]
    if label.heightForWidth(label.width()) > label.height() + SLACK_PX:
        faults.append(
            f"needs {label.heightForWidth(label.width())} px height, has {label.height()}"
        )
    return faults


def _related(one: QWidget, other: QWidget) -> bool:
    return one.isAncestorOf(other) or other.isAncestorOf(one)


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or (widget.text() if hasattr(widget, "text") else "")
    return f"{type(widget).__name__} {words[:40]!r}"


def _size(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}"
