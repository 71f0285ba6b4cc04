"""One application-wide event filter that hands input events to the parts that watch input.

Qt calls an application event filter for every event of every object, many thousands a
second while a screen is restyled. Each Python filter costs a call into Python, so the idle
watch, the keypad path, the lock-down and the staff gesture share this one, and see only
the input events they care about.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in INPUT_EVENTS:
            return False
        return any(watcher.eventFilter(watched, event) for watcher in self.watchers)
