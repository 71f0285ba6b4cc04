"""“Are you still there?”: a full-window notice with a countdown, one big button to stay and
one to leave now: "I am finished: clear my screen" wipes the visit at once, so a patient
called in need not wait for the countdown to keep what they read private."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.cover import Cover


class IdleNotice(Cover):
    still_here = Signal()
    finished = Signal()  # the patient is done: clear the screen now

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, max_width=900)
        self.question = heading()
        self.explanation = heading("lead")
        self.button = TouchButton()
        self.button.setMinimumHeight(110)
        self.button.clicked.connect(self.still_here)
        self.finish = TouchButton()
        self.finish.setProperty("role", "quiet")
        self.finish.clicked.connect(self.finished)
        for label in (self.question, self.explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(56, 48, 56, 48)
        inner.setSpacing(28)
        inner.addWidget(self.question)
        inner.addWidget(self.explanation)
        inner.addWidget(self.button)
        inner.addWidget(self.finish)
        self.seconds_left = 0
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)

    def open(self, seconds: int) -> None:
        self.seconds_left = seconds
        self.retranslate()
        self.cover_window()
        self.button.setFocus()
        self.ticker.start()

    def close_notice(self) -> None:
        self.ticker.stop()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.explanation.setText(
            self.tr(
                "To keep your visit private, this screen will start over in %n second(s).",
                "",
                self.seconds_left,
            )
        )
        self.button.setText(self.tr("Yes, I am still here"))
        self.finish.setText(self.tr("I am finished: clear my screen"))

    def _tick(self) -> None:
        self.seconds_left = max(0, self.seconds_left - 1)
        self.retranslate()
