"""What every scrolling patient screen shares: a kinetic scroll area and a column of content."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

_flick_gesture: tuple[QObject, Qt.GestureType] | None = None


def flick_gesture() -> Qt.GestureType:
    """The one finger-drag gesture type every scroll area shares.

    `QScroller.grabGesture` registers a new gesture recognizer on each call, and Qt keeps
    about 3 KB for every one it ever registered, even after ungrabbing. Screens are rebuilt
    whenever the text size or the content changes, so a kiosk running for months would grow
    without end. Registering once, for an object that lives as long as the process, and
    letting each viewport grab that type (what `grabGesture` does besides registering) keeps
    memory flat.
    """
    global _flick_gesture
    if _flick_gesture is None:
        # No parent: deleted with this module at exit, never while the application is being
        # torn down (Qt's gesture manager is gone then, and unregistering would crash).
        anchor = QObject()
        gesture = QScroller.grabGesture(
            anchor, QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        _flick_gesture = (anchor, gesture)
    return _flick_gesture[1]


def make_kinetic(viewport: QWidget) -> None:
    """Finger-drag scrolling that still lets a quick tap reach the button under it at once."""
    scroller = QScroller.scroller(viewport)  # the flick recognizer finds it by its target
    viewport.grabGesture(flick_gesture())
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.2)
    scroller.setScrollerProperties(properties)


def scroll_area(content: QWidget) -> QScrollArea:
    """A frameless, vertical-only scroll area around `content`."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


class ScrollingScreen(QWidget):
    """A screen whose content scrolls by finger drag; subclasses fill `self.column`."""

    name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        content = QWidget()
        content.setObjectName("Screen")
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(48, 32, 48, 48)
        self.column.setSpacing(20)
        self.scroll = scroll_area(content)
        self._kinetic = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._kinetic:
            # Set up after the first paint: a finger cannot drag before the screen shows.
            self._kinetic = True
            QTimer.singleShot(0, self.scroll, lambda: make_kinetic(self.scroll.viewport()))

    def scroll_to_top(self) -> None:
        QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(0)

    def show_item(self, item: str | None) -> None:
        """Show the section or card `item` (or the screen's only view) in the current language."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every fixed text through tr(); called after the language changes."""
