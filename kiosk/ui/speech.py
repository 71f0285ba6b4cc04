"""Read aloud: Qt's text-to-speech, started after the first frame and never waited on.

When no engine works (none installed, speech-dispatcher not running, the engine errors or
is not ready within a few seconds), `available` stays False, the screens hide their
Read aloud buttons, and `problem` says why for the staff status.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

log = logging.getLogger(__name__)
READY_WITHIN_MS = 5000
LOCALES = {"en": QLocale.Language.English, "es": QLocale.Language.Spanish}


class Speech(QObject):
    availability_changed = Signal(bool)
    speaking_changed = Signal(str)  # "speaking", "paused" or "stopped"

    def __init__(self, engine: str = "", default_volume: float = 0.8, parent=None) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self.default_volume = default_volume
        self.volume = default_volume
        self.engine = None
        self.available = False
        self.problem = "not started yet"
        self.state = "stopped"

    def start(self) -> None:
        """Create the engine (call after the first frame); gives up if it is not ready in time."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            self._unavailable(f"text-to-speech is not installed ({error})")
            return
        if self.engine_name and self.engine_name not in QTextToSpeech.availableEngines():
            self._unavailable(f"speech engine '{self.engine_name}' is not installed")
            return
        engine = QTextToSpeech(self.engine_name, self) if self.engine_name else QTextToSpeech(self)
        self.engine = engine
        engine.stateChanged.connect(self._state_changed)
        engine.errorOccurred.connect(lambda *_: self._unavailable(engine.errorString()))
        engine.setVolume(self.volume)
        if engine.state() == QTextToSpeech.State.Ready:
            self._ready()
        else:
            QTimer.singleShot(READY_WITHIN_MS, self._check_ready)

    def speak(self, text: str, language: str) -> None:
        if not self.available or not text.strip():
            return
        self._choose_voice(language)
        self.engine.say(text)

    def pause(self) -> None:
        if self.available:
            self.engine.pause()

    def resume(self) -> None:
        if self.available:
            self.engine.resume()

    def stop(self) -> None:
        if self.available:
            self.engine.stop()

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, volume))
        if self.engine is not None:
            self.engine.setVolume(self.volume)

    def reset(self) -> None:
        """The idle reset: silence and the default volume."""
        self.stop()
        self.set_volume(self.default_volume)

    # -- engine states ---------------------------------------------------------------------

    def _choose_voice(self, language: str) -> None:
        wanted = LOCALES.get(language)
        for locale in self.engine.availableLocales():
            if locale.language() == wanted:
                self.engine.setLocale(locale)
                return
        log.warning("no %s voice in the speech engine; reading with its default voice", language)

    def _state_changed(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            self._unavailable(self.engine.errorString() or "the speech engine failed")
            return
        if not self.available and state == QTextToSpeech.State.Ready:
            self._ready()
        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused"}
        self.state = names.get(state, "stopped")
        self.speaking_changed.emit(self.state)

    def _check_ready(self) -> None:
        if not self.available:
            self._unavailable(f"the speech engine was not ready within {READY_WITHIN_MS} ms")

    def _ready(self) -> None:
        self.available, self.problem = True, ""
        log.info("read aloud ready (engine %s)", self.engine.engine())
        self.availability_changed.emit(True)

    def _unavailable(self, reason: str) -> None:
        was = self.available
        self.available, self.problem = False, reason
        log.warning("read aloud unavailable: %s", reason)
        if was or self.engine is None:
            self.availability_changed.emit(False)
