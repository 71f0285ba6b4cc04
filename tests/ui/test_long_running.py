"""What a kiosk running for months must not pile up, and a drag that must not become a tap."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QGesture, QGestureRecognizer

from tests.ui.patient import find, scroll_into_view, tap


class Probe(QGestureRecognizer):
    """A recognizer registered only to read the next free gesture type number."""

    def recognize(self, state: QGesture, watched: QObject, event) -> QGestureRecognizer.Result:
        return QGestureRecognizer.Result.Ignore


def next_gesture_type() -> int:
    gesture = QGestureRecognizer.registerRecognizer(Probe())
    QGestureRecognizer.unregisterRecognizer(gesture)
    return int(gesture.value if hasattr(gesture, "value") else gesture)


def visit(qtbot, window) -> None:
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    tap(qtbot, window, "Home")


def test_rebuilt_screens_register_no_new_gesture(qtbot, kiosk_window):
    """Qt keeps memory for every gesture recognizer ever registered, so screens rebuilt (after
    new content) must reuse the one finger-drag gesture, not register their own."""
    visit(qtbot, kiosk_window)  # every scrolling screen built once
    before = next_gesture_type()
    for size in ("Text size 130 %", "Text size 100 %", "Text size 130 %", "Text size 100 %"):
        tap(qtbot, kiosk_window, "Text and colors")
        tap(qtbot, kiosk_window, size)
        tap(qtbot, kiosk_window, "Text and colors")  # closes the options
        kiosk_window.content_changed.emit()  # drops the screens not showing
        visit(qtbot, kiosk_window)  # and builds them again
        QApplication.processEvents()
    assert next_gesture_type() == before + 1  # only the first probe took a number


def test_a_drag_that_starts_on_a_tile_scrolls_and_opens_nothing(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Text and colors")
    tap(qtbot, kiosk_window, "Text size 200 %")  # home is longer than the screen
    tap(qtbot, kiosk_window, "Text and colors")
    screen = kiosk_window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.waitUntil(lambda: screen.finger_scrolls)  # set up once the screen is first painted
    tile = find(kiosk_window, "Immunotherapy basics")  # the first tile
    scroll_into_view(tile)  # under a top bar of two lines at 200 % it may start below the edge
    start = bar.value()
    finger = tile.mapTo(kiosk_window, tile.rect().center())  # where the finger lands
    assert kiosk_window.rect().contains(finger)
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    for step in range(1, 16):
        qtbot.wait(16)  # a finger moves at the screen's pace (60 Hz)
        qtbot.mouseMove(tile, tile.mapFrom(kiosk_window, finger - QPoint(0, 12 * step)))
    # The page moved with the finger, so it lifts off over the same tile it landed on.
    lift = tile.mapFrom(kiosk_window, finger - QPoint(0, 180))
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=lift)
    qtbot.waitUntil(lambda: bar.value() > start + 60, timeout=3000)
    assert kiosk_window.current_screen_name() == "home"
