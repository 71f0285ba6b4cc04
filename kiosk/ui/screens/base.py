"""What every scrolling patient screen shares: a kinetic scroll area and a column of content."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.navigation import Navigator, Place
from kiosk.session import Session

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
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys move between controls, not areas
    area.setWidget(content)
    return area


def fill_with_scrolling(page: QWidget, content: QWidget) -> QScrollArea:
    """Fill `page` with a finger-scrolling area around `content`, edge to edge."""
    area = scroll_area(content)
    make_kinetic(area.viewport())
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area


def wipe_when_left(
    screen: QWidget,
    navigator: Navigator,
    session: Session,
    wipe: Callable[[], None],
    stay: tuple[str, ...],
) -> None:
    """Call `wipe` when the patient moves to a screen not in `stay`, or the visit resets;
    until `screen` is deleted (it follows the navigator, not its own visibility)."""

    def moved(place: Place) -> None:
        if place.screen not in stay:
            wipe()

    navigator.moved.connect(moved)
    session.reset_requested.connect(wipe)

    def forget() -> None:
        navigator.moved.disconnect(moved)
        session.reset_requested.disconnect(wipe)

    screen.destroyed.connect(forget)


class ScreenContent(QWidget):
    """A screen's scrolling content, which calls `after_first_paint` once it is first painted."""

    def __init__(self, after_first_paint: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("Screen")
        # Qt paints a stylesheet's background for plain QWidgets on its own, for subclasses
        # only when asked.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.after_first_paint: Callable[[], None] | None = after_first_paint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.after_first_paint is not None:
            QTimer.singleShot(0, self, self.after_first_paint)  # once this frame is out
            self.after_first_paint = None


def centred_column(content: QWidget, *, reading: bool = False) -> QVBoxLayout:
    """A column in the middle of `content`, as wide as the page allows and no wider.

    Its widest is the stylesheet's (kiosk.qss, `#PageColumn`): `$size_page` for tiles, or
    `$size_measure` for a column of reading text (`reading`), so that a line holds 45 to 75
    characters; both grow with the text size. On a narrower screen it is the screen's width
    less the margins.
    """
    page = QWidget()
    page.setObjectName("PageColumn")
    page.setProperty("reading", "yes" if reading else "no")
    page.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    row = QHBoxLayout(content)
    row.setContentsMargins(48, 32, 48, 48)
    row.setSpacing(0)
    row.addStretch(1)
    row.addWidget(page, 1000)  # all the width it may have; the stretches take the rest
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(20)
    return column


class ScrollingScreen(QWidget):
    """A screen whose content scrolls by finger drag; subclasses fill `self.column`, a centred
    column of the page's width (`reading`: the width of a line of reading text)."""

    name = ""
    reading = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        content = ScreenContent(self._make_kinetic)
        self.column = centred_column(content, reading=self.reading)
        self.scroll = scroll_area(content)
        self.finger_scrolls = False  # True once the first paint has set up finger dragging
        self.outer = QHBoxLayout(self)  # a wide screen may put a pane beside the scroll area
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(0)
        self.outer.addWidget(self.scroll, 1)

    def _make_kinetic(self) -> None:
        """Set up after the first paint: a finger cannot drag before the screen shows, and the
        first screen's frame does not wait for it (handing Qt's own viewport to Python makes
        PySide create the Python type of every widget class first, about 12 ms once)."""
        self.finger_scrolls = True
        make_kinetic(self.scroll.viewport())

    def scroll_to_top(self) -> None:
        if self.finger_scrolls:  # else there is no scroller to stop, and asking would make one
            QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(0)

    def show_item(self, item: str | None) -> None:
        """Show the section or card `item` (or the screen's only view) in the current language."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every fixed text through tr(); called after the language changes."""
