"""The hidden way in for staff: five quick taps, or one long press, in the top-right corner.

Nothing on screen shows that it exists. The corner is the bar's empty margin, so the taps
do not land on a patient's button.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

CORNER_PX = 24
TAPS = 5
TAPS_WITHIN_MS = 3000
LONG_PRESS_MS = 3000


class StaffGesture(QObject):
    requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.taps: list[int] = []
        self.last_press = 0
        self.clock = QElapsedTimer()
        self.clock.start()
        self.long_press = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self.long_press.timeout.connect(self._fire)

    def in_corner(self, global_pos: QPoint) -> bool:
        point = self.window.mapFromGlobal(global_pos)
        return point.y() < CORNER_PX and point.x() >= self.window.width() - CORNER_PX

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent) or not self.window.isVisible():
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            if event.timestamp() == self.last_press and self.last_press:
                return False  # the same press, passed on to a parent widget
            self.last_press = event.timestamp()
            if self.in_corner(event.globalPosition().toPoint()):
                self._tap()
                self.long_press.start()
            else:
                self.taps.clear()
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self.long_press.stop()
        return False

    def _tap(self) -> None:
        now = self.clock.elapsed()
        self.taps = [t for t in self.taps if now - t <= TAPS_WITHIN_MS] + [now]
        if len(self.taps) >= TAPS:
            self._fire()

    def _fire(self) -> None:
        self.taps.clear()
        self.long_press.stop()
        self.requested.emit()
