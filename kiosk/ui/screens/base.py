"""What every scrolling patient screen shares: a kinetic scroll area and a column of content."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)


def make_kinetic(viewport: QWidget) -> None:
    """Finger-drag scrolling that still lets a quick tap reach the button under it at once."""
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
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
            QTimer.singleShot(0, lambda: make_kinetic(self.scroll.viewport()))

    def scroll_to_top(self) -> None:
        QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(0)

    def show_item(self, item: str | None) -> None:
        """Show the section or card `item` (or the screen's only view) in the current language."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every fixed text through tr(); called after the language changes."""
