"""Read aloud, Pause/Resume and Stop for the card on screen; hidden when no voice works."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton


class ReadAloudBar(QWidget):
    def __init__(
        self, speech: Speech, text: Callable[[], tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.speech, self.text = speech, text
        self.read, self.pause, self.stop = TouchButton(), TouchButton(), TouchButton()
        self.read.clicked.connect(self._read)
        self.pause.clicked.connect(self._pause_or_resume)
        self.stop.clicked.connect(speech.stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        for button in (self.read, self.pause, self.stop):
            row.addWidget(button)
        row.addStretch(1)
        # Bound methods, not lambdas: Qt drops the connection when this bar is deleted.
        speech.availability_changed.connect(self._speech_changed)
        speech.speaking_changed.connect(self._speech_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.read.setText(self.tr("Read aloud"))
        self.stop.setText(self.tr("Stop"))
        self.refresh()

    def _speech_changed(self, _state: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self.speech.available)
        active = self.speech.state in ("speaking", "paused")
        self.pause.setVisible(active)
        self.stop.setVisible(active)
        paused = self.speech.state == "paused"
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def _read(self) -> None:
        text, language = self.text()
        self.speech.stop()
        self.speech.speak(text, language)

    def _pause_or_resume(self) -> None:
        if self.speech.state == "paused":
            self.speech.resume()
        else:
            self.speech.pause()
