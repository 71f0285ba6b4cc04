"""The staff's way in: hidden gesture, then the PIN pad, then the staff panel.

No PIN set: the gesture does nothing (StaffState logs why). Wrong PINs count toward a
growing lockout that StaffState keeps across restarts; the pad only says what it means.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.staff.state import LOCKED, OK, WRONG, StaffDefaults, StaffState
from kiosk.ui.staff_gesture import StaffGesture

if TYPE_CHECKING:
    from kiosk.content.updates.outcome import (
        SyncResult,  # imported when staff first need them, not at start-up
    )
    from kiosk.ui.screens.staff_panel import StaffPanel
    from kiosk.ui.widgets.pin_pad import PinPad

if TYPE_CHECKING:
    from kiosk.content.updates.outcome import SyncResult
    from kiosk.health.status import KioskStatus


class StaffAccess(QObject):
    def __init__(
        self,
        window: QWidget,
        state: StaffState,
        read_status: Callable[[], KioskStatus],
        update_now: Callable[[Callable[[SyncResult], None]], None] | None,
        exit_to_desktop: Callable[[], None],
        fallback_defaults: StaffDefaults,
        restyle: Callable[[QWidget], None] = lambda cover: None,
    ) -> None:
        super().__init__(window)
        self.window, self.state = window, state
        # The window's style for a cover: each once built, the PIN pad before it opens (it
        # sizes itself before it shows); the panel restyles itself as it shows.
        self.restyle = restyle
        self.gesture = StaffGesture(window)
        self.gesture.requested.connect(self.open_pad)  # the window routes input to it
        self._panel_args = (read_status, update_now, exit_to_desktop, fallback_defaults)
        self._lockout: tuple[float, int] | None = None  # when it ends, and its length
        self.countdown = QTimer(self, interval=1000)  # the lockout's seconds, while it lasts
        self.countdown.timeout.connect(self._count_down)
        self._pad: PinPad | None = None
        self._panel: StaffPanel | None = None

    # The pad and the panel are built the first time staff need them, not at start-up.

    @property
    def pad(self) -> PinPad:
        if self._pad is None:
            from kiosk.ui.widgets.pin_pad import PinPad

            self._pad = PinPad(self.window)
            self.restyle(self._pad)
            self._pad.entered.connect(self.check)
            self._pad.cancelled.connect(self._pad.close_pad)
        return self._pad

    @property
    def panel(self) -> StaffPanel:
        if self._panel is None:
            from kiosk.ui.screens.staff_panel import StaffPanel  # built when staff first need it

            self._panel = StaffPanel(self.window, self.state, *self._panel_args)
            self.restyle(self._panel)
        return self._panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Input, handed on by the window's one InputRouter: the gesture watches for staff,
        and a touch while the panel is open keeps it open."""
        if self._panel is not None and self._panel.isVisible():
            self._panel.touched(event)
        return self.gesture.eventFilter(watched, event)

    def covers(self) -> list[QWidget]:
        """The staff's covers that exist so far."""
        return [cover for cover in (self._pad, self._panel) if cover is not None]

    def open_pad(self) -> None:
        if (self._panel and self._panel.isVisible()) or not self.state.request_pad():
            return
        self.restyle(self.pad)
        self.pad.open()
        self._count_down()

    def check(self, pin: str) -> None:
        result = self.state.check_pin(pin)
        if result.outcome == OK:
            self.pad.close_pad()
            self.panel.open()
        elif result.outcome == WRONG:
            left = result.attempts_left
            message = self.tr("That PIN is not right. %n try(s) left before a pause.", "", left)
            self.pad.say(message)
        elif result.outcome == LOCKED:
            self._count_down()
        else:
            self.pad.close_pad()

    def close_all(self) -> None:
        """The idle reset: nothing of the staff's stays open on a patient's screen."""
        self.countdown.stop()
        if self._pad is not None:
            self._pad.close_pad()
        if self._panel is not None:
            self._panel.close_panel()

    def retranslate(self) -> None:
        for cover in self.covers():
            cover.retranslate()

    def _count_down(self) -> None:
        """While the pad is locked, say for how long, to the second; then free the keys.

        The state file is read when the lockout starts and again when it seems over; the
        seconds between are counted on the state's clock (never longer than the lockout).
        """
        seconds = 0
        if self.pad.isVisible():
            if self._lockout is None:
                locked = self.state.locked_seconds()
                self._lockout = (self.state.clock() + locked, locked) if locked else None
            if self._lockout is not None:
                ends, length = self._lockout
                seconds = min(length, max(0, math.ceil(ends - self.state.clock())))
                if not seconds:
                    self._lockout = None
                    self._count_down()  # over here: the state file says whether it is
                    return
        if seconds:
            wait = f"{seconds // 60}:{seconds % 60:02d}"
            self.pad.say(
                self.tr("Too many wrong tries. Try again in %1.").replace("%1", wait), locked=True
            )
            self.countdown.start()
        else:
            self.countdown.stop()
            self._lockout = None
            if self.pad.isVisible() and self.pad.message.text():
                self.pad.say("")
