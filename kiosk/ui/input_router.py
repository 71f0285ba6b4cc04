"""One application-wide event filter that hands input events to the parts that watch input.

Qt calls an application event filter for every event of every object, many thousands a
second while a screen is restyled. Each Python filter costs a call into Python, so the idle
watch, the keypad path, the lock-down and the staff gesture share this one, and see only
the input events they care about.

It starts watching at the window's first frame, not before: nothing can be touched earlier,
and a Python filter that sees the first screen being built makes PySide create hundreds of
Python types (about 100 ms) before anything shows. It steps aside while a stylesheet is
applied, a step that turns no event loop (so no input can arrive) but sends thousands of
style events, each a call into Python costing about as much as Qt's own work for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)


class InputRouter(QObject):
    def __init__(self, watchers: list[QObject], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watchers = watchers  # each has eventFilter(watched, event) -> bool
        self.state = "waiting"  # then "watching" from start(), "stopped" for good after stop()

    def start(self) -> None:
        """Hand every touch and key in the application to the watchers (once; never again
        after stop())."""
        if self.state == "waiting":
            self.state = "watching"
            QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        self.state = "stopped"
        QApplication.instance().removeEventFilter(self)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Out of the way for a step that turns no event loop, so no input can come."""
        watching = self.state == "watching"
        if watching:
            QApplication.instance().removeEventFilter(self)
        try:
            yield
        finally:
            if watching:
                QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in INPUT_EVENTS:
            return False
        return any(watcher.eventFilter(watched, event) for watcher in self.watchers)
