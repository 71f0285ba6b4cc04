"""Read aloud, Pause/Resume and Stop for the card on screen, the volume beside them, and a line
saying what is being read; all hidden when no voice works."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.flow_row import FlowRow

VOLUME_STEP = 0.2


class ReadAloudBar(QWidget):
    def __init__(
        self,
        speech: Speech,
        text: Callable[[], tuple[str, str]],
        title: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.speech, self.text, self.title = speech, text, title
        self.read, self.pause, self.stop = TouchButton(), TouchButton(), TouchButton()
        self.quieter, self.louder = TouchButton(), TouchButton()
        self.volume = heading("sheet-label")  # "Volume: 80 %", between its two buttons
        self.reading = heading("now-reading")  # "Reading aloud: <the card's title>"
        self.read.clicked.connect(self._read)
        self.pause.clicked.connect(self._pause_or_resume)
        self.stop.clicked.connect(speech.stop)
        self.quieter.clicked.connect(lambda: self._change_volume(-VOLUME_STEP))
        self.louder.clicked.connect(lambda: self._change_volume(VOLUME_STEP))
        self.buttons = FlowRow([[self.read, self.pause, self.stop]])
        self.volume_row = FlowRow([[self.quieter, self.volume, self.louder]])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        for widget in (self.buttons, self.volume_row, self.reading):
            column.addWidget(widget)
        # Bound methods, not lambdas: Qt drops the connection when this bar is deleted.
        speech.availability_changed.connect(self._speech_changed)
        speech.speaking_changed.connect(self._speech_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.read.setText(self.tr("Read aloud"))
        self.stop.setText(self.tr("Stop"))
        self.quieter.setText(self.tr("Quieter"))
        self.louder.setText(self.tr("Louder"))
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
        self.quieter.setEnabled(self.speech.volume > 0)
        self.louder.setEnabled(self.speech.volume < 1)
        percent = round(self.speech.volume * 100)
        self.volume.setText(self.tr("Volume: %1 %").replace("%1", str(percent)))
        title = self.title()
        self.reading.setVisible(active and bool(title))
        if active:
            words = self.tr("Paused: %1") if paused else self.tr("Reading aloud: %1")
            self.reading.setText(words.replace("%1", title))

    def _read(self) -> None:
        text, language = self.text()
        self.speech.stop()
        self.speech.speak(text, language)

    def _pause_or_resume(self) -> None:
        if self.speech.state == "paused":
            self.speech.resume()
        else:
            self.speech.pause()

    def _change_volume(self, change: float) -> None:
        self.speech.set_volume(round(self.speech.volume + change, 2))
        self.refresh()
