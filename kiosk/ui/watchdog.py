"""The systemd watchdog, fed from the UI event loop, so a frozen screen counts as a crash.

A thread could ping too, but it would go on pinging while the UI hangs. A QTimer on the
UI thread only fires while the event loop turns, so when a patient sees a frozen kiosk,
systemd stops hearing from it and restarts it after `WatchdogSec=`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.service_manager import ServiceNotifier


class WatchdogPinger(QObject):
    """Sends WATCHDOG=1 every `notifier.watchdog_interval` seconds while the event loop runs."""

    def __init__(self, notifier: ServiceNotifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        interval = notifier.watchdog_interval
        if interval is not None:
            self.timer.setInterval(max(1, int(interval * 1000)))

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        """Ping now and from now on; nothing happens when systemd asked for no watchdog."""
        if self.notifier.watchdog_interval is None or self.timer.isActive():
            return
        self.ping()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def ping(self) -> None:
        self.notifier.watchdog()

    def ready(self) -> None:
        """The first frame is on screen: start-up is over, and the watchdog starts."""
        self.notifier.ready("showing the kiosk")
        self.start()

    def stopping(self) -> None:
        self.stop()
        self.notifier.stopping()


def attach_service_manager(
    app: QApplication, window: QObject, notifier: ServiceNotifier
) -> WatchdogPinger:
    """READY=1 and the watchdog once `window` paints its first frame; STOPPING=1 on quit.

    `window` needs a `first_frame_painted` signal (KioskWindow has one). The pinger is a
    child of `window`, so it lives, and stays connected, exactly as long as the window.
    """
    pinger = WatchdogPinger(notifier, window)
    window.first_frame_painted.connect(pinger.ready)
    app.aboutToQuit.connect(pinger.stopping)
    return pinger
