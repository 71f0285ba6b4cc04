"""Read aloud: Qt's text-to-speech on its own thread, started after the first frame and
never waited on.

The UI thread never calls into the engine: it queues commands to the speech thread
(kiosk/ui/speech_thread.py) and hears back through queued signals, so an engine that hangs
(speech-dispatcher that stops answering) cannot freeze a tap or the systemd watchdog.
After each batch of commands the thread is asked to answer; an engine not ready within
`ready_within_ms`, or not answering within `answer_within_ms`, counts as broken.

When no engine works (none installed, speech-dispatcher not running or not answering, the
engine errors), `available` is False, the screens hide their Read aloud buttons and volume,
`problem` says why, and `availability_changed` tells the staff status (kiosk/app.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Q_ARG, QLocale, QObject, QTimer, Signal, Slot

from kiosk.ui.speech_thread import EngineThread

log = logging.getLogger(__name__)
READY_WITHIN_MS = 5000
ANSWER_WITHIN_MS = 2000
STOP_WITHIN_MS = 500
LOCALES = {"en": QLocale.Language.English, "es": QLocale.Language.Spanish}
SPEAKING = {"speaking": "speaking", "synthesizing": "speaking", "paused": "paused"}


class Speech(QObject):
    availability_changed = Signal(bool)  # also when only the problem's words change
    speaking_changed = Signal(str)  # "speaking", "paused" or "stopped"
    saying_word = Signal(str)  # each word as the engine reaches it (engines that tell)

    def __init__(
        self,
        engine: str = "",
        default_volume: float = 0.8,
        parent: QObject | None = None,
        *,
        ready_within_ms: int = READY_WITHIN_MS,
        answer_within_ms: int = ANSWER_WITHIN_MS,
    ) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self.default_volume = default_volume
        self.volume = default_volume
        self.ready_within_ms = ready_within_ms
        self.answer_within_ms = answer_within_ms
        self.thread: EngineThread | None = None
        self.available = False
        self.problem = "not started yet"
        self.state = "stopped"
        self.hung = False  # the engine stopped answering: nothing more is sent to it
        self._built = False  # the engine answered once, so it is loaded
        self._locales: dict[QLocale.Language, QLocale] = {}
        self._locale: QLocale | None = None
        self._sent = 0  # the number of the last answer asked for
        self._watched = 0  # the answer the timer waits for
        self._ready_timer = self._timer(self._not_ready)
        self._answer_timer = self._timer(self._not_answering)

    def _timer(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    def start(self) -> None:
        """Start the engine's thread (call after the first frame); returns at once."""
        if self.thread is not None:
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            self._unavailable(f"text-to-speech is not installed ({error})")
            return
        # Reads the plug-ins' metadata only; no engine is loaded on this thread.
        if self.engine_name and self.engine_name not in QTextToSpeech.availableEngines():
            self._unavailable(f"speech engine '{self.engine_name}' is not installed")
            return
        self.thread = EngineThread(self.engine_name, self.volume, self)
        self._ready_timer.start(self.ready_within_ms)

    def speak(self, text: str, language: str) -> None:
        if not self.available or not text.strip():
            return
        calls = []
        locale = self._locales.get(LOCALES.get(language))
        if locale is None:
            log.warning("no %s voice in the speech engine; reading with its default one", language)
        elif locale != self._locale:
            self._locale = locale
            calls.append(("setLocale", Q_ARG(QLocale, locale)))
        self._send(*calls, ("say", Q_ARG(str, text)))

    def pause(self) -> None:
        if self.available:
            self._send(("pause",))

    def resume(self) -> None:
        if self.available:
            self._send(("resume",))

    def stop(self) -> None:
        if self.available:
            self._send(("stop",))

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, volume))
        if self.available:
            self._send(("setVolume", Q_ARG(float, self.volume)))

    def reset(self) -> None:
        """The idle reset: silence and the default volume."""
        self.stop()
        self.set_volume(self.default_volume)

    def shutdown(self, wait_ms: int = STOP_WITHIN_MS) -> bool:
        """End the engine and its thread, waiting at most `wait_ms`; True if it ended.

        A thread stuck in the engine is left behind (it dies with the process). Quiet: no
        availability_changed, as the kiosk is closing."""
        self._ready_timer.stop()
        self._answer_timer.stop()
        self.available, self.problem = False, "stopped"
        thread, self.thread = self.thread, None
        if thread is None:
            return True
        ended = thread.close(wait_ms / 1000)
        if not ended:
            log.warning("the speech engine did not stop within %d ms; leaving it behind", wait_ms)
        return ended

    # -- talking to the speech thread ------------------------------------------------------

    def _send(self, *calls: tuple) -> None:
        """Queue `calls` ((method, *Q_ARGs)) to the engine, then ask for an answer."""
        if self.thread is None or self.hung:
            return
        for method, *args in calls:
            self.thread.call(method, *args)
        self._sent += 1
        self.thread.ask(self._sent)
        if not self._answer_timer.isActive():
            self._watched = self._sent
            self._answer_timer.start(self.answer_within_ms)

    @Slot(int, str, str, object)
    def engine_answered(self, number: int, state: str, error: str, locales: list) -> None:
        if number == 0:
            self._built = True
            for locale in locales:
                self._locales.setdefault(locale.language(), locale)
            self._engine_state(state, error)
        elif number >= self._watched and self._answer_timer.isActive():
            self._answer_timer.stop()
            if self._sent > number:  # more was sent since: wait for that
                self._watched = self._sent
                self._answer_timer.start(self.answer_within_ms)

    @Slot(object)
    def engine_state_changed(self, state: object) -> None:
        if self._built:  # before, the states are the placeholder's
            self._engine_state(state.name.lower(), "")

    @Slot(object, str)
    def engine_failed(self, _reason: object, error: str) -> None:
        if self._built:
            self._unavailable(error or "the speech engine failed")

    @Slot(str, int, int, int)
    def engine_said_word(self, word: str, _id: int, _start: int, _length: int) -> None:
        self.saying_word.emit(word)

    # -- engine states ---------------------------------------------------------------------

    def _engine_state(self, state: str, error: str) -> None:
        if self.hung or self.thread is None:
            return
        if state == "error":
            self._ready_timer.stop()
            self._unavailable(error or "the speech engine failed")
            return
        if state == "ready" and not self.available:
            self._ready_timer.stop()
            self._verdict(True, "")
            log.info("read aloud ready (engine %s)", self.engine_name or "default")
        spoken = SPEAKING.get(state, "stopped")
        if spoken != self.state:
            self.state = spoken
            self.speaking_changed.emit(spoken)

    def _not_ready(self) -> None:
        if not self.available:
            self._unavailable(f"the speech engine was not ready within {self.ready_within_ms} ms")

    def _not_answering(self) -> None:
        self.hung = True
        self._unavailable(f"the speech engine did not answer within {self.answer_within_ms} ms")

    def _unavailable(self, reason: str) -> None:
        if self.state != "stopped":
            self.state = "stopped"
            self.speaking_changed.emit(self.state)
        self._verdict(False, reason)

    def _verdict(self, available: bool, problem: str) -> None:
        """Tell the screens and the staff status whenever availability or its reason changes."""
        if (available, problem) == (self.available, self.problem):
            return
        self.available, self.problem = available, problem
        if not available:
            log.warning("read aloud unavailable: %s", problem)
        self.availability_changed.emit(available)
