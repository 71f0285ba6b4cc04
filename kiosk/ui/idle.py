"""Notices when nobody has touched the kiosk for a while, so a visit can be wiped.

Any touch, click or key anywhere restarts the count. When it runs out after a patient
used the kiosk, `warn` asks "Are you still there?" and `expired` follows unless someone
touches the screen (`resumed`). If nobody touched the kiosk since the last reset there is
no one to ask, and `expired` comes straight away. `visit_began` is the first touch after a
start or reset: someone is using the kiosk (kiosk.staff.counts counts it as a visit).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class IdleMonitor(QObject):
    warn = Signal()
    resumed = Signal()
    expired = Signal()
    visit_began = Signal()

    def __init__(self, timeout_ms: int, warning_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self.warning_timer = QTimer(self, singleShot=True, interval=warning_ms)
        self.idle_timer.timeout.connect(self._idle)
        self.warning_timer.timeout.connect(self._expire)
        self.engaged = False

    @property
    def watching(self) -> bool:
        return self.idle_timer.isActive() or self.warning_timer.isActive()

    def start(self) -> None:
        """Begin counting for a new visit (nobody has touched anything yet)."""
        self.engaged = False
        self.warning_timer.stop()
        self.idle_timer.start()

    def stop(self) -> None:
        self.idle_timer.stop()
        self.warning_timer.stop()

    def poke(self) -> None:
        """Someone is here: restart the count, and take back a warning if one is showing."""
        if not self.watching:
            return
        if not self.engaged:
            self.engaged = True
            self.visit_began.emit()
        if self.warning_timer.isActive():
            self.warning_timer.stop()
            self.resumed.emit()
        self.idle_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False

    def _idle(self) -> None:
        if self.engaged:
            self.warn.emit()
            self.warning_timer.start()
        else:
            self._expire()

    def _expire(self) -> None:
        self.stop()
        self.expired.emit()
